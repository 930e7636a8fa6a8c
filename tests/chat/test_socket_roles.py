"""Every role's socket opens and hears what that person may read (issue 15, finding 3).

Managers' sockets used to fail on connect: deciding membership ran a query on the event loop
(`SynchronousOnlyOperation`), so managers got no live messages and no live safeguarding
alerts, and staff added for cover none either. These run on the in-memory layer and on Redis.
"""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from portal.people.roles import Role
from tests import factories
from tests.chat.conftest import connect

pytestmark = pytest.mark.django_db(transaction=True)

RISKY = "i want to kill myself"


async def frames_until(socket, wanted, most: int = 10) -> list[dict]:
    """Frames from `socket` until `wanted(frames)` holds (each waited for, never slept for)."""
    frames: list[dict] = []
    while not wanted(frames):
        assert len(frames) < most, frames
        frames.append(await socket.receive_json_from(timeout=15))
    return frames


def kinds(frames: list[dict]) -> list[str]:
    return [frame["type"] for frame in frames]


async def opened(user):
    socket = await connect(user)
    connected, code = await socket.connect()
    assert connected, f"{user} could not open a socket (closed {code})"
    return socket


async def test_a_managers_socket_hears_a_team_members_message_and_a_safeguarding_alert(
    layer, conversation, young_person, pa, manager
):
    watching = await opened(manager)
    theirs, mine = await opened(pa), await opened(young_person.user)

    await theirs.send_json_to(
        {"type": "send", "conversation": conversation.pk, "body": "hello", "client_id": "p1"}
    )
    heard = await watching.receive_json_from(timeout=15)
    assert heard["type"] == "message" and heard["message"]["body"] == "hello"
    assert heard["message"]["sender"]["id"] == pa.pk

    await mine.send_json_to(
        {"type": "send", "conversation": conversation.pk, "body": RISKY, "client_id": "y1"}
    )
    frames = await frames_until(
        watching,
        lambda got: (
            "alert" in kinds(got)
            and any(f["type"] == "message" and f["message"]["body"] == RISKY for f in got)
        ),
    )
    alert = next(frame for frame in frames if frame["type"] == "alert")
    assert alert["conversation"] == conversation.pk
    assert alert["url"].startswith("/") and alert["categories"]

    # The young person hears their own message and the crisis contacts, and never the alert.
    own = await frames_until(mine, lambda got: len(got) >= 3)  # PA's hello, theirs, the bot's
    assert "alert" not in kinds(own)
    assert await mine.receive_nothing(timeout=0.2)
    for socket in (watching, theirs, mine):
        await socket.disconnect()


@pytest.mark.parametrize("role", [Role.PA, Role.PARTICIPATION, Role.MANAGER])
async def test_staff_added_for_cover_hear_the_conversation_and_its_alerts(
    layer, conversation, young_person, role
):
    cover = await sync_to_async(factories.staff)(role, username=f"cover_{role.value}")
    await sync_to_async(conversation.cover_staff.add)(cover)
    watching = await opened(cover)
    mine = await opened(young_person.user)
    await mine.send_json_to(
        {"type": "send", "conversation": conversation.pk, "body": RISKY, "client_id": "y1"}
    )
    frames = await frames_until(
        watching,
        lambda got: (
            "alert" in kinds(got)
            and any(f["type"] == "message" and f["message"]["body"] == RISKY for f in got)
        ),
    )
    assert "alert" in kinds(frames)
    # A member of the conversation can write in it, over the socket.
    await watching.send_json_to(
        {"type": "send", "conversation": conversation.pk, "body": "I'm here", "client_id": "c1"}
    )
    reply = await frames_until(
        mine, lambda got: any(f["message"]["body"] == "I'm here" for f in got)
    )
    assert reply[-1]["message"]["sender"]["id"] == cover.pk
    await watching.disconnect()
    await mine.disconnect()


async def test_a_participation_officer_opens_a_socket_and_reads_no_conversation(
    layer, conversation, young_person
):
    officer = await sync_to_async(factories.staff)(Role.PARTICIPATION, username="officer")
    socket = await opened(officer)
    for frame in (
        {"type": "sync", "conversation": conversation.pk, "after": 0},
        {"type": "text_states", "conversation": conversation.pk},
    ):
        await socket.send_json_to(frame)
        answer = await socket.receive_json_from(timeout=15)
        assert answer["type"] == "error" and answer["code"] == "not_found"
    await socket.send_json_to({"type": "ping"})
    assert (await socket.receive_json_from(timeout=15))["type"] == "pong"
    await socket.disconnect()


async def test_a_manager_asks_for_text_states_and_syncs_on_the_socket(
    layer, conversation, young_person, pa, manager
):
    """Frames a manager sends are answered too (text states are staff-only: their role is
    read on the event loop, which must need no query)."""
    watching = await opened(manager)
    theirs = await opened(pa)
    await theirs.send_json_to(
        {"type": "send", "conversation": conversation.pk, "body": "hello", "client_id": "p1"}
    )
    assert (await watching.receive_json_from(timeout=15))["type"] == "message"
    await watching.send_json_to({"type": "text_states", "conversation": conversation.pk})
    await watching.send_json_to({"type": "sync", "conversation": conversation.pk, "after": 0})
    frames = await frames_until(watching, lambda got: "message" in kinds(got))
    assert frames[-1]["message"]["body"] == "hello"
    assert "error" not in kinds(frames)
    await watching.disconnect()
    await theirs.disconnect()


async def test_a_manager_reading_a_team_conversation_is_not_told_off_for_reading(
    layer, conversation, young_person, pa, manager
):
    """The page says `read` and `delivered` for whoever has it open. A manager reading their
    team's conversation is no member, so nothing is recorded, and no error frame appears on
    their page (its status line would show "You are not in this conversation")."""
    from chat.models import ReadPosition

    watching, theirs = await opened(manager), await opened(pa)
    await theirs.send_json_to(
        {"type": "send", "conversation": conversation.pk, "body": "hello", "client_id": "p1"}
    )
    heard = await watching.receive_json_from(timeout=15)
    for kind in ("read", "delivered"):
        await watching.send_json_to(
            {"type": kind, "conversation": conversation.pk, "up_to": heard["message"]["id"]}
        )
    await watching.send_json_to({"type": "ping"})
    assert await watching.receive_json_from(timeout=15) == {"type": "pong"}
    assert not await sync_to_async(ReadPosition.objects.filter(user=manager).exists)()
    await watching.disconnect()
    await theirs.disconnect()
