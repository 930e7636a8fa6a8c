"""Staff are signed out after 30 idle minutes, with a warning first where JavaScript runs;
young people keep their longer sessions (issue 15, finding 9). The session's last-activity time
is moved into the past rather than waiting."""

from __future__ import annotations

import json
import re
import time
from urllib.parse import quote

import pytest
from django.urls import reverse

from portal.people import idle
from portal.people.models import SignInEvent

pytestmark = pytest.mark.django_db

STATUS = reverse("people:staff_session")


def idle_for(client, minutes: float) -> None:
    session = client.session
    session[idle.LAST_ACTIVE_KEY] = time.time() - minutes * 60
    session.save()


def last_active(client) -> float:
    return client.session[idle.LAST_ACTIVE_KEY]


def test_staff_idle_for_31_minutes_are_sent_to_sign_in(client, pa):
    client.force_login(pa)
    assert client.get("/staff/").status_code == 200
    idle_for(client, 31)
    response = client.get("/staff/messages/?page=2")
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={quote('/staff/messages/?page=2')}"
    assert "_auth_user_id" not in client.session
    page = client.get(response.url)
    assert "You were signed out because the portal was not used for 30 minutes" in page.text
    event = SignInEvent.objects.get(outcome="signed_out")
    assert (event.user, event.method) == (pa, "idle")


def test_staff_idle_for_29_minutes_carry_on_and_the_clock_starts_again(client, pa):
    client.force_login(pa)
    idle_for(client, 29)
    response = client.get("/staff/")
    assert response.status_code == 200
    assert time.time() - last_active(client) < 5


def test_a_young_person_idle_for_31_minutes_is_still_signed_in(client, young_person):
    client.force_login(young_person.user)
    idle_for(client, 31)
    response = client.get("/my-page/")
    assert response.status_code == 200
    assert "_auth_user_id" in client.session


def test_a_form_sent_after_the_limit_changes_nothing(client, manager, young_person, pa):
    from portal.people.roles import Role
    from tests import factories

    other_pa = factories.staff(Role.PA, team=manager.managed_teams.first(), username="pa2")
    client.force_login(manager)
    idle_for(client, 45)
    response = client.post(
        reverse("people:young_person", args=[young_person.pk]), {"adviser": other_pa.pk}
    )
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))
    young_person.refresh_from_db()
    assert young_person.personal_adviser == pa


def test_the_limit_is_a_setting(client, pa, settings):
    settings.STAFF_IDLE_TIMEOUT_MINUTES = 10
    client.force_login(pa)
    idle_for(client, 11)
    assert client.get("/staff/").status_code == 302


def test_asking_how_long_is_left_does_not_count_as_activity(client, pa):
    client.force_login(pa)
    idle_for(client, 26)
    before = last_active(client)
    status = client.get(STATUS, HTTP_ACCEPT="application/json").json()
    assert status["signed_in"] is True
    assert 3 * 60 < status["seconds_left"] <= 4 * 60
    assert status["warning_seconds"] == 5 * 60
    assert last_active(client) == before


def test_stay_signed_in_starts_the_clock_again(client, pa):
    client.force_login(pa)
    idle_for(client, 27)
    status = client.post(STATUS, HTTP_ACCEPT="application/json").json()
    assert status["seconds_left"] > 29 * 60
    assert client.get("/staff/").status_code == 200


def test_asking_after_the_limit_signs_out_and_says_so(client, pa):
    client.force_login(pa)
    idle_for(client, 31)
    response = client.get(STATUS, HTTP_ACCEPT="application/json")
    assert response.status_code == 401
    assert response.json()["signed_in"] is False
    assert "_auth_user_id" not in client.session
    # The page then goes to sign in, where the reason is shown.
    page = client.get(reverse("account_login"))
    assert "You were signed out because the portal was not used" in page.text


def test_an_api_request_after_the_limit_gets_401_json(client, pa):
    client.force_login(pa)
    idle_for(client, 31)
    response = client.get("/api/conversations")
    assert response.status_code == 401
    assert response.json()["signed_in"] is False


def test_wagtails_editing_pings_do_not_keep_an_editor_signed_in(client, team):
    from portal.people.roles import Role
    from tests import factories

    editor = factories.staff(Role.EDITOR, team=team, username="editor")
    client.force_login(editor)
    idle_for(client, 20)
    before = last_active(client)
    client.post("/admin/editing-sessions/ping/wagtailcore/page/1/1/")
    assert last_active(client) == before


def _idle_config(html: str) -> dict | None:
    match = re.search(r'<script src="[^"]*staff-idle\.js" defer data-staff-idle="([^"]+)"', html)
    if match is None:
        return None
    return json.loads(match.group(1).replace("&quot;", '"'))


def test_staff_pages_carry_the_warning_script_and_young_peoples_do_not(client, pa, young_person):
    client.force_login(pa)
    config = _idle_config(client.get("/staff/").text)
    assert config["statusUrl"] == STATUS
    assert config["timeoutSeconds"] == 30 * 60 and config["warningSeconds"] == 5 * 60
    assert config["csrfToken"]
    client.force_login(young_person.user)
    assert _idle_config(client.get("/my-page/").text) is None


def test_the_website_editor_carries_the_warning_script(client, team):
    from portal.people.roles import Role
    from tests import factories

    client.force_login(factories.staff(Role.EDITOR, team=team, username="editor"))
    config = _idle_config(client.get("/admin/").text)
    assert config is not None and config["csrfToken"] == ""
