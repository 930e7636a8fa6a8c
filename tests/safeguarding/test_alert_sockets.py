"""Alert events reach only the staff told of them, on their own staff groups (issue 16): the
young person's socket gets the crisis reply and never an alert; the PA's and the manager's
sockets get the alert at once, and a duty team member's at once for immediate danger, or when a
high alert is escalated to them. On the in-memory layer and on Redis, as the other socket tests."""

from __future__ import annotations

import datetime

import pytest
from channels.db import database_sync_to_async

from chat.models import SafeguardingAlert
from chat.safeguarding import services as safeguarding
from chat.safeguarding.crisis import HIGH, crisis_reply
from portal.people.roles import Role
from tests import factories
from tests.chat import conftest as chat_sockets
from tests.chat.test_socket_roles import frames_until, kinds, opened

pytestmark = pytest.mark.django_db(transaction=True)

# The chat tests' fixtures: the channel layer (in memory, and Redis) and the conversation.
layer = chat_sockets.layer
conversation = chat_sockets.conversation

RISKY = "i want to kill myself"


def has_alert(frames: list[dict]) -> bool:
    return "alert" in kinds(frames)


async def test_the_young_person_gets_the_crisis_reply_and_only_told_staff_get_the_alert(
    layer, conversation, young_person, pa, manager, other_pa
):
    duty = await database_sync_to_async(factories.staff)(Role.DUTY, username="duty")
    sockets = {
        "young": await opened(young_person.user),
        "pa": await opened(pa),
        "manager": await opened(manager),
        "duty": await opened(duty),
        "other_pa": await opened(other_pa),
    }
    await sockets["young"].send_json_to(
        {"type": "send", "conversation": conversation.pk, "body": RISKY, "client_id": "y1"}
    )
    stored = None
    for who in ("pa", "manager"):
        frames = await frames_until(sockets[who], has_alert)
        alert = next(frame for frame in frames if frame["type"] == "alert")
        stored = stored or await database_sync_to_async(SafeguardingAlert.objects.get)()
        assert alert["id"] == stored.pk and alert["conversation"] == conversation.pk
        assert alert["severity"] == HIGH and alert["escalation_level"] == 0
        assert alert["url"] == stored.get_absolute_url() and alert["categories"]

    # The young person: their own message back (its acknowledgement), then the crisis reply.
    own = await frames_until(sockets["young"], lambda got: len(got) >= 2)
    assert own[0]["message"]["body"] == RISKY
    assert own[1]["message"]["body"].startswith(crisis_reply(HIGH).heading)
    assert not has_alert(own)
    assert await sockets["young"].receive_nothing(timeout=0.3)
    # Not told yet: the duty team (until it is escalated) and another PA (never).
    assert await sockets["duty"].receive_nothing(timeout=0.3)
    assert await sockets["other_pa"].receive_nothing(timeout=0.1)

    # Ten minutes pass with nobody acknowledging: the duty team's socket hears of it.
    later = stored.created_at + datetime.timedelta(minutes=10)
    outcome = await database_sync_to_async(safeguarding.escalate)(stored.pk, now=later)
    assert outcome == "escalated to level 1"
    [escalated] = await frames_until(sockets["duty"], has_alert)
    assert escalated["id"] == stored.pk and escalated["escalation_level"] == 1
    assert await sockets["young"].receive_nothing(timeout=0.3)
    assert await sockets["other_pa"].receive_nothing(timeout=0.1)
    for socket in sockets.values():
        await socket.disconnect()


async def test_an_everyday_message_raises_no_alert_frame_and_the_sender_gets_its_echo(
    layer, conversation, young_person, pa
):
    young, theirs = await opened(young_person.user), await opened(pa)
    await young.send_json_to(
        {"type": "send", "conversation": conversation.pk, "body": "hiya", "client_id": "y2"}
    )
    frames = await frames_until(theirs, lambda got: len(got) >= 1)
    assert kinds(frames) == ["message"]
    echo = await young.receive_json_from(timeout=15)
    assert echo["type"] == "message" and echo["message"]["body"] == "hiya"
    assert await theirs.receive_nothing(timeout=0.3)
    await young.disconnect()
    await theirs.disconnect()


async def test_immediate_danger_reaches_the_duty_team_at_once(
    layer, conversation, young_person, pa, manager
):
    duty = await database_sync_to_async(factories.staff)(Role.DUTY, username="duty")
    young, on_duty, theirs = await opened(young_person.user), await opened(duty), await opened(pa)
    await young.send_json_to(
        {
            "type": "send",
            "conversation": conversation.pk,
            "body": "i took all my pills an hour ago",
            "client_id": "y3",
        }
    )
    for socket in (on_duty, theirs):
        frames = await frames_until(socket, has_alert)
        alert = next(frame for frame in frames if frame["type"] == "alert")
        assert alert["severity"] == "immediate" and alert["escalation_level"] == 0
    own = await frames_until(young, lambda got: len(got) >= 2)
    assert own[1]["message"]["body"].startswith(crisis_reply("immediate").heading)
    assert not has_alert(own)
    for socket in (young, on_duty, theirs):
        await socket.disconnect()
