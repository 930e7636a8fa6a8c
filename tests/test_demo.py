"""`manage.py demo`: the accounts the contract promises, the same however often it runs."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command

from portal.people.models import User, YoungPersonProfile

pytestmark = pytest.mark.django_db


def demo_json() -> dict:
    out = StringIO()
    call_command("demo", "--json", stdout=out)
    return json.loads(out.getvalue())


def test_demo_prints_an_account_for_every_role_in_the_contracts_shape():
    accounts = demo_json()["accounts"]
    roles = [a["role"] for a in accounts]
    assert {"young_person", "pa", "manager", "participation", "editor"} <= set(roles)
    assert roles.count("pa") >= 2
    for account in accounts:
        user = User.objects.get(username=account["username"])
        assert user.check_password(account["password"])
        assert user.role.value == account["role"]


def test_the_young_person_has_a_verified_mobile_and_the_first_pa_is_theirs():
    accounts = demo_json()["accounts"]
    young = next(a for a in accounts if a["role"] == "young_person")
    first_pa = next(a for a in accounts if a["role"] == "pa")
    profile = YoungPersonProfile.objects.get(user__username=young["username"])
    assert young["mobile"] == profile.mobile.as_e164 and profile.mobile_verified
    assert profile.personal_adviser.username == first_pa["username"]


def test_the_second_pa_has_another_caseload_and_staff_have_authenticators():
    accounts = demo_json()["accounts"]
    pas = [a["username"] for a in accounts if a["role"] == "pa"]
    first, second = (set(User.objects.get(username=u).caseload.all()) for u in pas[:2])
    assert second and not first & second
    for account in accounts:
        if account["role"] != "young_person":
            assert Authenticator.objects.filter(user__username=account["username"]).count() == 1


def test_running_demo_twice_changes_nothing():
    first = demo_json()
    counts = (
        User.objects.count(),
        YoungPersonProfile.objects.count(),
        Authenticator.objects.count(),
    )
    assert demo_json() == first
    assert (
        User.objects.count(),
        YoungPersonProfile.objects.count(),
        Authenticator.objects.count(),
    ) == counts


def test_if_empty_leaves_an_existing_database_alone():
    demo_json()
    User.objects.filter(username="jordan").update(first_name="Changed")
    call_command("demo", "--if-empty", stdout=StringIO())
    assert User.objects.get(username="jordan").first_name == "Changed"
