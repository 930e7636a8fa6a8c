"""`GET /api/conversations`, as the contract says, for each kind of person."""

from __future__ import annotations

import pytest

from chat import services
from chat.models import Channel
from portal.people.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db


def test_nobody_signed_in_gets_a_json_403(client):
    response = client.get("/api/conversations")
    assert response.status_code == 403
    assert "Sign in" in response.json()["error"]


def test_a_young_person_gets_their_one_conversation_with_unread(client, young_person, pa):
    conversation = services.conversation_for(young_person)
    for text in ["one", "two"]:
        services.post_message(conversation=conversation, sender=pa, body=text, channel=Channel.WEB)
    client.force_login(young_person.user)
    assert client.get("/api/conversations").json() == {
        "conversations": [
            {
                "id": conversation.pk,
                "members": [
                    {
                        "id": young_person.user.pk,
                        "name": young_person.user.display_name,
                        "role": "young_person",
                    },
                    {"id": pa.pk, "name": pa.display_name, "role": "pa"},
                ],
                "unread": 2,
            }
        ]
    }


def test_a_pa_gets_their_caseload_and_nobody_elses(client, young_person, pa, other_young_person):
    mine = services.conversation_for(young_person)
    services.conversation_for(other_young_person)
    client.force_login(pa)
    got = client.get("/api/conversations").json()["conversations"]
    assert [c["id"] for c in got] == [mine.pk]


def test_staff_without_an_authenticator_app_get_a_json_403(client, team):
    client.force_login(factories.staff(Role.PA, team=team, totp=False))
    response = client.get("/api/conversations")
    assert response.status_code == 403 and "authenticator" in response.json()["error"]


def test_only_get(client, young_person):
    client.force_login(young_person.user)
    assert client.post("/api/conversations").status_code == 405
