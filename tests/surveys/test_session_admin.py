"""Adding meet-the-manager sessions and forums in the Wagtail admin: the participation team can,
the host must be a member of staff, and a session that ends before it starts is refused."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from surveys.models import Session

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/surveys/session/add/"


def _form(host, **fields) -> dict:
    starts = timezone.localtime() + datetime.timedelta(days=20)
    return {
        "kind": "meet_the_manager",
        "title": "Meet the manager, February",
        "description": "Ask the service manager anything.",
        "starts_at": starts.strftime("%Y-%m-%d 17:30"),
        "ends_at": starts.strftime("%Y-%m-%d 18:30"),
        "place": "The Hub, 14 Market Street",
        "online_link": "",
        "host": str(host.pk),
        "capacity": "12",
        **fields,
    }


def test_the_participation_team_adds_a_session_young_people_can_book(
    client, participation, manager, young_person
):
    client.force_login(participation)
    response = client.post(ADD, _form(manager))
    assert response.status_code == 302, response.context["form"].errors
    session = Session.objects.get()
    assert (session.title, session.host, session.capacity) == (
        "Meet the manager, February",
        manager,
        12,
    )
    assert timezone.localtime(session.starts_at).strftime("%H:%M") == "17:30"
    client.force_login(young_person.user)
    assert "Meet the manager, February" in client.get("/surveys/sessions/").text


def test_a_young_person_cannot_host_a_session(client, participation, young_person):
    client.force_login(participation)
    response = client.post(ADD, _form(young_person.user))
    assert response.status_code == 200
    assert "host" in response.context["form"].errors
    assert not Session.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"ends_at": "2020-01-01 10:00"}, "ends_at", "must end after it starts"),
        ({"place": "", "online_link": ""}, "place", "Give a place, or a link"),
        ({"capacity": "0"}, "capacity", "greater than or equal to 1"),
    ],
)
def test_a_session_that_makes_no_sense_is_refused(
    client, participation, manager, fields, field, message
):
    client.force_login(participation)
    response = client.post(ADD, _form(manager, **fields))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Session.objects.exists()


def test_only_the_participation_team_manages_sessions_in_the_admin(client, pa, manager):
    for user in (pa, manager):
        client.force_login(user)
        response = client.post(ADD, _form(manager))
        assert response.status_code in (302, 403)
        assert not Session.objects.exists()
