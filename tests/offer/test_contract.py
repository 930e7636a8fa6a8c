"""The command and the API agree with the contract's rules for every age from 14 to 26, every
status and a spread of circumstances, on the published demo offer."""

from __future__ import annotations

import itertools
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils.html import escape

pytestmark = pytest.mark.django_db

CIRCUMSTANCE_SETS = [
    (),
    ("own_home",),
    ("with_former_foster_carer",),
    ("in_further_education",),
    ("in_higher_education",),
    ("in_apprenticeship",),
    ("in_apprenticeship", "own_home"),
    ("volunteering_or_training",),
    ("not_in_education_or_work", "parent_or_pregnant"),
    ("unaccompanied_asylum_seeker", "at_risk_of_homelessness"),
    ("own_home", "in_higher_education", "in_work"),
    (
        "own_home",
        "with_former_foster_carer",
        "in_further_education",
        "in_higher_education",
        "in_apprenticeship",
        "in_work",
        "volunteering_or_training",
        "not_in_education_or_work",
        "parent_or_pregnant",
        "unaccompanied_asylum_seeker",
        "at_risk_of_homelessness",
    ),
]


def expected(contract: dict, age: int, status: str, circumstances: tuple[str, ...]) -> list[str]:
    """The contract read literally, independently of offer.eligibility."""
    have = set(circumstances)
    return sorted(
        e["slug"]
        for e in contract["entitlements"]
        if e["min_age"] <= age <= e["max_age"]
        and status in e["statuses"]
        and (not e.get("requires_any") or have & set(e["requires_any"]))
        and set(e.get("requires_all", [])) <= have
    )


def command(age, status, circumstances) -> list[str]:
    out = StringIO()
    args = ["entitlements", "--age", str(age), "--status", status, "--json"]
    for c in circumstances:
        args += ["--circumstance", c]
    call_command(*args, stdout=out)
    return json.loads(out.getvalue())


def api(client, age, status, circumstances) -> list[str]:
    query = [("age", age), ("status", status)] + [("circumstance", c) for c in circumstances]
    response = client.get("/api/entitlements", query)
    assert response.status_code == 200
    return response.json()["entitlements"]


def test_every_contract_entitlement_is_published_with_its_rules(offer, contract):
    from offer.models import EntitlementPage

    pages = {p.slug: p for p in EntitlementPage.objects.live()}
    for entry in contract["entitlements"]:
        page = pages[entry["slug"]]
        assert page.get_parent().slug == entry["section"]
        assert (page.min_age, page.max_age) == (entry["min_age"], entry["max_age"])
        assert sorted(page.statuses) == sorted(entry["statuses"])
        assert sorted(page.requires_any) == sorted(entry.get("requires_any", []))
        assert sorted(page.requires_all) == sorted(entry.get("requires_all", []))
        assert page.amount_gbp == entry.get("amount_gbp")


def test_command_and_api_agree_with_the_contract_everywhere(offer, contract, client):
    for age, status, circumstances in itertools.product(
        range(14, 27), contract["statuses"], CIRCUMSTANCE_SETS
    ):
        want = expected(contract, age, status, circumstances)
        assert command(age, status, circumstances) == want, (age, status, circumstances)
        assert api(client, age, status, circumstances) == want, (age, status, circumstances)


def test_the_contracts_example(offer, client):
    response = client.get("/api/entitlements?age=19&status=former_relevant&circumstance=own_home")
    slugs = response.json()["entitlements"]
    assert "council-tax-exemption" in slugs and "setting-up-home-grant" in slugs
    assert slugs == sorted(slugs)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("age=19&status=retired", "status"),
        ("age=19&status=former_relevant&circumstance=on_the_moon", "circumstance"),
        ("age=121&status=former_relevant", "age"),
        ("age=-1&status=former_relevant", "age"),
        ("age=nineteen&status=former_relevant", "age"),
        ("status=former_relevant", "age"),
        ("age=19", "status"),
    ],
)
def test_bad_queries_are_a_400_naming_the_field(client, db, query, field):
    response = client.get(f"/api/entitlements?{query}")
    assert response.status_code == 400
    assert response.json()["field"] == field
    assert response.json()["error"]


def test_the_command_names_the_bad_field(db):
    with pytest.raises(CommandError, match="--status"):
        command(19, "retired", [])
    with pytest.raises(CommandError, match="--age"):
        command(130, "former_relevant", [])


def test_an_unpublished_page_is_never_offered(offer, client):
    from offer.models import EntitlementPage

    EntitlementPage.objects.get(slug="setting-up-home-grant").unpublish()
    assert "setting-up-home-grant" not in command(19, "former_relevant", [])
    assert "setting-up-home-grant" not in api(client, 19, "former_relevant", [])


def test_a_published_pages_own_rules_decide(offer, client):
    from offer.models import EntitlementPage

    page = EntitlementPage.objects.get(slug="support-after-21")
    page.min_age = 19
    page.save_revision().publish()
    assert "support-after-21" in api(client, 19, "former_relevant", [])
    # A draft with other rules changes nothing until it is published.
    page = EntitlementPage.objects.get(slug="support-after-21")
    page.min_age = 23
    page.save_revision()
    assert "support-after-21" in api(client, 19, "former_relevant", [])


@pytest.mark.parametrize(
    ("age", "status", "circumstance", "field"),
    [
        ("130", "former_relevant", "", "age"),
        ("nineteen", "former_relevant", "", "age"),
        ("19", "retired", "", "status"),
        ("19", "former_relevant", "on_the_moon", "circumstance"),
    ],
)
def test_the_api_the_command_and_the_checker_refuse_alike(
    client, db, age, status, circumstance, field
):
    """One form checks the question everywhere, so the three cannot disagree about bad input."""
    query = {"age": age, "status": status, "circumstance": circumstance}
    answer = client.get("/api/entitlements", query).json()
    assert answer["field"] == field
    args = ["--age", age, "--status", status] + (
        ["--circumstance", circumstance] if circumstance else []
    )
    with pytest.raises(CommandError) as refused:
        call_command("entitlements", *args, stdout=StringIO())
    assert str(refused.value) == f"--{field}: {answer['error']}"
    page = client.get(reverse("checker"), query).text
    assert escape(answer["error"]) in page
