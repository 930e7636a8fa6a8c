"""A young person with no PA yet, live (issue 15, finding 8): the managers who answer for them
hear them, answer over the socket, get safeguarding alerts live, and stop writing once a PA is
allocated, when the conversation moves to the PA's socket. On the in-memory layer and Redis."""

from __future__ import annotations

import asyncio

import pytest
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from chat import services
from chat.models import Message, OpenSocket, SafeguardingAlert
from portal.people import services as people_services
from portal.people.roles import Role
from tests import factories
from tests.chat.conftest import connect

pytestmark = pytest.mark.django_db(transaction=True)

RISKY = "i want to kill myself"


async def opened(user):
    socket = await connect(user)
    connected, code = await socket.connect()
    assert connected, f"{user} could not open a socket (closed {code})"
    return socket


async def frames_until(socket, wanted, most: int = 10) -> list[dict]:
    """Frames from `socket` until `wanted(frames)` holds (each waited for, never slept for)."""
    frames: list[dict] = []
    while not wanted(frames):
        assert len(frames) < most, frames
        frames.append(await socket.receive_json_from(timeout=5))
    return frames


def says(body: str):
    return lambda got: any(f["type"] == "message" and f["message"]["body"] == body for f in got)


def send(conversation_id: int, body: str, client_id: str) -> dict:
    return {"type": "send", "conversation": conversation_id, "body": body, "client_id": client_id}


@pytest.fixture
def newcomer(db, team, manager):
    return factories.YoungPersonFactory(user__username="newcomer", team=team)


@pytest.fixture
def other_manager(db, other_pa):
    team = other_pa.staff_profile.team
    user = factories.staff(Role.MANAGER, team=team, username="other_manager")
    team.manager = user
    team.save()
    return user


async def test_the_team_manager_hears_them_and_replies_on_the_socket(layer, newcomer, manager):
    conversation = await database_sync_to_async(services.conversation_for)(newcomer)
    managing = await opened(manager)
    mine = await opened(newcomer.user)
    await mine.send_json_to(send(conversation.pk, "is anyone there", "y1"))
    await frames_until(managing, says("is anyone there"))

    await managing.send_json_to(send(conversation.pk, "Yes: I'm the team manager", "m1"))
    heard = await frames_until(mine, says("Yes: I'm the team manager"))
    assert heard[-1]["message"]["sender"]["id"] == manager.pk
    stored = await database_sync_to_async(Message.objects.get)(client_id="m1")
    assert stored.sender_id == manager.pk
    await managing.disconnect()
    await mine.disconnect()


async def test_a_managers_open_socket_follows_a_young_person_added_after_it_opened(
    layer, team, manager
):
    """A new young person's conversation comes with their profile; the manager's inbox,
    already open, starts following it (`chat.receivers`) and hears the first message."""
    managing = await opened(manager)
    newcomer = await database_sync_to_async(factories.YoungPersonFactory)(
        user__username="newcomer", team=team
    )
    conversation = await database_sync_to_async(services.conversation_for)(newcomer)
    mine = await opened(newcomer.user)
    await mine.send_json_to(send(conversation.pk, "first message", "y1"))
    await frames_until(managing, says("first message"))
    await managing.disconnect()
    await mine.disconnect()


async def test_another_teams_manager_and_a_pa_who_is_not_theirs_cannot_reach_it(
    layer, newcomer, other_manager, pa
):
    conversation = await database_sync_to_async(services.conversation_for)(newcomer)
    for stranger in (other_manager, pa):
        socket = await opened(stranger)
        for frame in (
            send(conversation.pk, "hi", "s1"),
            {"type": "sync", "conversation": conversation.pk, "after": 0},
        ):
            await socket.send_json_to(frame)
            answer = await socket.receive_json_from(timeout=5)
            assert answer["type"] == "error" and answer["code"] == "not_found"
        await socket.disconnect()
    assert not await database_sync_to_async(Message.objects.exists)()


async def test_a_risk_from_them_raises_an_alert_that_reaches_the_managers_socket(
    layer, newcomer, manager
):
    conversation = await database_sync_to_async(services.conversation_for)(newcomer)
    managing = await opened(manager)
    mine = await opened(newcomer.user)
    await mine.send_json_to(send(conversation.pk, RISKY, "y1"))
    frames = await frames_until(
        managing, lambda got: "alert" in [f["type"] for f in got] and says(RISKY)(got)
    )
    alert = next(f for f in frames if f["type"] == "alert")
    stored = await database_sync_to_async(SafeguardingAlert.objects.get)()
    assert alert["id"] == stored.pk and alert["conversation"] == conversation.pk
    told = await database_sync_to_async(lambda: [u.pk for u in stored.told.all()])()
    assert told == [manager.pk]
    # The young person gets the crisis contacts, and never the alert.
    own = await frames_until(mine, lambda got: len(got) >= 2)
    assert "alert" not in [f["type"] for f in own]
    assert any("call 999" in f["message"]["body"] for f in own)
    await managing.disconnect()
    await mine.disconnect()


async def test_allocation_moves_the_conversation_to_the_pas_socket_and_the_manager_stops_writing(
    layer, newcomer, manager, pa
):
    conversation = await database_sync_to_async(services.conversation_for)(newcomer)
    managing, advising = await opened(manager), await opened(pa)
    mine = await opened(newcomer.user)
    await database_sync_to_async(people_services.allocate_adviser)(
        manager=manager, profile=newcomer, adviser=pa
    )
    await mine.send_json_to(send(conversation.pk, "who is my PA", "y1"))
    # The PA's socket now follows it (after `chat.rejoin`, or from what it missed meanwhile).
    await frames_until(advising, says("who is my PA"))
    # The manager's socket had the rejoin before this message (one channel, in order): it
    # still reads the conversation, as their team's, and can no longer write in it.
    await frames_until(managing, says("who is my PA"))
    await managing.send_json_to(send(conversation.pk, "still me", "m1"))
    refused = await managing.receive_json_from(timeout=5)
    assert refused["type"] == "error" and refused["code"] == "not_a_member"
    await advising.send_json_to(send(conversation.pk, "It's me, your PA", "p1"))
    await frames_until(mine, says("It's me, your PA"))
    assert not await database_sync_to_async(Message.objects.filter(client_id="m1").exists)()
    for socket in (managing, advising, mine):
        await socket.disconnect()


async def test_allocation_tells_every_manager_who_answered_to_rejoin(
    layer, manager, other_manager, pa
):
    """With no team, every service manager answered: each one's sockets re-check."""
    teamless = await database_sync_to_async(factories.YoungPersonFactory)(user__username="teamless")
    await database_sync_to_async(services.conversation_for)(teamless)
    channel_layer = get_channel_layer()
    channels = {}
    for user in (manager, other_manager):
        channel = channels[user.pk] = await channel_layer.new_channel("test.")
        await database_sync_to_async(OpenSocket.objects.create)(user=user, channel_name=channel)
    await database_sync_to_async(people_services.allocate_adviser)(
        manager=manager, profile=teamless, adviser=pa
    )
    for channel in channels.values():
        # Waited for, with a bound so that a missing event fails rather than hangs.
        event = await asyncio.wait_for(channel_layer.receive(channel), timeout=5)
        assert event["type"] == "chat.rejoin"
