"""Every page carries a Content-Security-Policy with a nonce for scripts and no inline script."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/get-help-now/", "/accounts/login/", "/accounts/login/code/"]
)
def test_public_pages_send_a_strict_policy(client, url):
    response = client.get(url)
    policy = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["frame-ancestors"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    # Any inline script on the page must carry this response's nonce.
    nonce = re.search(r"'nonce-([^']+)'", directives["script-src"])
    for tag in re.findall(r"<script\b[^>]*>", response.text):
        if "src=" not in tag and 'type="application/json"' not in tag:
            assert nonce and f'nonce="{nonce.group(1)}"' in tag


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_http_only(client, young_person):
    from tests.factories import PASSWORD

    client.get(reverse("account_login"))
    response = client.post(reverse("account_login"), {"login": "young", "password": PASSWORD})
    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["sessionid"]["samesite"] == "Lax"


# --- Private pages are never kept by the browser (issue 15, finding 7) -------------------------


def _no_store(response) -> bool:
    return "no-store" in response.headers.get("Cache-Control", "")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/my-page/", "/messages/", "/surveys/", "/", "/offer/", "/get-help-now/"]
)
def test_every_page_for_a_signed_in_young_person_is_no_store(client, young_person, url):
    client.force_login(young_person.user)
    response = client.get(url)
    assert response.status_code == 200
    assert _no_store(response)
    assert "private" in response.headers["Cache-Control"]
    # A public page read while signed in is not kept offline on the phone either.
    assert "X-Offline-Ok" not in response.headers


@pytest.mark.django_db
def test_every_page_for_signed_in_staff_is_no_store(client, manager, young_person):
    client.force_login(manager)
    for url in [
        "/staff/",
        "/staff/messages/",
        "/staff/alerts/",
        f"/staff/young-people/{young_person.pk}/",
        "/staff/participation/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _no_store(response), url


@pytest.mark.django_db
def test_redirects_and_errors_for_signed_in_people_are_no_store_too(client, young_person, pa):
    client.force_login(young_person.user)
    assert _no_store(client.get("/start/"))  # a redirect to My page
    assert _no_store(client.get("/staff/"))  # a 403 page


@pytest.mark.django_db
def test_after_signing_out_the_page_is_not_kept(client, young_person):
    client.force_login(young_person.user)
    response = client.post(reverse("account_logout"))
    assert _no_store(response)


@pytest.mark.django_db
def test_public_pages_for_visitors_keep_the_page_cache_and_offline_copies(client):
    first = client.get("/offer/")
    second = client.get("/offer/")
    assert second.headers.get("X-Page-Cache") == "hit"
    for response in [first, second]:
        assert not _no_store(response)
        assert response.headers["X-Offline-Ok"] == "1"
    assert not _no_store(client.get("/"))


@pytest.mark.django_db
def test_static_files_stay_cacheable_for_signed_in_people(client, young_person):
    client.force_login(young_person.user)
    response = client.get("/static/css/portal.css")
    assert response.status_code == 200
    assert not _no_store(response)


# --- The website editor's policy (issue 15, finding 9) -----------------------------------------


def _inline_scripts(html: str) -> list[str]:
    """Every <script> in the page that would run inline (JSON data blocks do not run)."""
    return [
        tag
        for tag in re.findall(r"<script\b[^>]*>", html)
        if "src=" not in tag and "application/json" not in tag
    ]


@pytest.fixture
def editor(db, team):
    from portal.people.roles import Role
    from tests import factories

    return factories.staff(Role.EDITOR, team=team, username="editor")


@pytest.fixture
def participation(db, team):
    from portal.people.roles import Role
    from tests import factories

    return factories.staff(Role.PARTICIPATION, team=team, username="participation")


@pytest.mark.django_db
def test_the_admin_policy_allows_no_inline_script(client, editor):
    client.force_login(editor)
    response = client.get("/admin/")
    directives = dict(
        d.strip().split(" ", 1) for d in response.headers["Content-Security-Policy"].split(";")
    )
    assert directives["script-src"] == "'self'"
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_page_editor_writes_no_inline_script(client, editor):
    from offer.models import EntitlementPage

    client.force_login(editor)
    grant = EntitlementPage.objects.get(slug="setting-up-home-grant")
    for url in [
        f"/admin/pages/{grant.pk}/edit/",  # StreamField, a date field, the publishing schedule
        f"/admin/pages/add/offer/entitlementpage/{grant.get_parent().pk}/",
        "/admin/images/",
        "/admin/images/chooser/",
        "/admin/documents/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.json()["html"] if url.endswith("chooser/") else response.text
        assert _inline_scripts(html) == [], url
    assert 'data-portal-init="initDateChooser"' in client.get(f"/admin/pages/{grant.pk}/edit/").text


@pytest.mark.django_db
def test_the_survey_and_session_editors_write_no_inline_script(client, participation):
    client.force_login(participation)
    for url in [
        "/admin/snippets/surveys/survey/add/",  # nested inline panels and date fields
        "/admin/snippets/surveys/session/add/",  # date-and-time fields
        "/admin/snippets/surveys/survey/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert _inline_scripts(response.text) == [], url
    text = client.get("/admin/snippets/surveys/survey/add/").text
    assert 'data-portal-init="InlinePanel"' in text
    assert "wagtail-admin-init.js" in text
