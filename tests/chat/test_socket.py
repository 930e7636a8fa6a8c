"""/ws/chat/ over the real channel layer (in memory, and Redis): the contract's frames."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async

from chat import services
from chat.models import Channel, Message
from tests.chat.conftest import connect

pytestmark = pytest.mark.django_db(transaction=True)


async def test_a_socket_without_a_session_is_closed(layer, db):
    socket = await connect()
    connected, code = await socket.connect()
    assert not connected and code == 4401


async def test_a_socket_from_a_foreign_origin_is_closed(layer, young_person):
    socket = await connect(young_person.user, origin="https://evil.example")
    connected, _ = await socket.connect()
    assert not connected


async def test_both_members_get_the_message_and_the_sender_its_ack(
    layer, conversation, young_person, pa
):
    mine, theirs = await connect(young_person.user), await connect(pa)
    assert (await mine.connect())[0] and (await theirs.connect())[0]
    await mine.send_json_to(
        {"type": "send", "conversation": conversation.pk, "body": "hi", "client_id": "c-1"}
    )
    ack = await mine.receive_json_from(timeout=5)
    heard = await theirs.receive_json_from(timeout=5)
    assert ack["type"] == heard["type"] == "message"
    assert ack["message"]["client_id"] == "c-1" and heard["message"]["body"] == "hi"
    stored = await sync_to_async(Message.objects.get)()
    assert ack["message"]["id"] == stored.pk  # stored before it was announced
    await mine.disconnect()
    await theirs.disconnect()


async def test_a_repeated_send_stores_one_message_and_is_acknowledged(
    layer, conversation, young_person
):
    socket = await connect(young_person.user)
    await socket.connect()
    frame = {"type": "send", "conversation": conversation.pk, "body": "hi", "client_id": "dup"}
    await socket.send_json_to(frame)
    first = await socket.receive_json_from(timeout=5)
    await socket.send_json_to(frame)
    second = await socket.receive_json_from(timeout=5)
    assert first["message"]["id"] == second["message"]["id"]
    assert await sync_to_async(Message.objects.count)() == 1
    await socket.disconnect()


async def test_sync_sends_what_was_missed_oldest_first(layer, conversation, young_person, pa):
    from chat.models import Channel

    for text in ["one", "two", "three"]:
        await sync_to_async(services.post_message)(
            conversation=conversation, sender=pa, body=text, channel=Channel.WEB
        )
    first_id = await sync_to_async(lambda: Message.objects.first().pk)()
    socket = await connect(young_person.user)
    await socket.connect()
    await socket.send_json_to({"type": "sync", "conversation": conversation.pk, "after": first_id})
    got = [(await socket.receive_json_from(timeout=5))["message"]["body"] for _ in range(2)]
    assert got == ["two", "three"]
    assert await socket.receive_nothing(timeout=0.2)
    await socket.disconnect()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ({"type": "shout"}, "unknown_type"),
        ({"type": "send", "conversation": "x", "body": "hi", "client_id": "a"}, "bad_frame"),
        ({"type": "send", "body": "hi", "client_id": "a"}, "bad_frame"),
        ({"type": "send", "conversation": 999999, "body": "hi", "client_id": "a"}, "not_found"),
        ({"type": "send", "conversation": None, "body": "  ", "client_id": "a"}, "empty"),
        ({"type": "send", "conversation": None, "body": "x" * 2001, "client_id": "a"}, "too_long"),
        ({"type": "send", "conversation": None, "body": "hi"}, "bad_frame"),
        ({"type": "sync", "conversation": None, "after": -1}, "bad_frame"),
        ({"type": "read", "conversation": None, "up_to": "x"}, "bad_frame"),
    ],
)
async def test_refusals_are_error_frames_and_the_socket_stays_open(
    layer, conversation, young_person, frame, code
):
    socket = await connect(young_person.user)
    await socket.connect()
    if frame.get("conversation", 0) is None:
        frame = {**frame, "conversation": conversation.pk}
    await socket.send_json_to(frame)
    answer = await socket.receive_json_from(timeout=5)
    assert answer["type"] == "error" and answer["code"] == code, answer
    await socket.send_json_to(
        {"type": "send", "conversation": conversation.pk, "body": "still here", "client_id": "z"}
    )
    assert (await socket.receive_json_from(timeout=5))["type"] == "message"
    await socket.disconnect()


async def test_someone_elses_conversation_is_not_found_and_nothing_is_stored(
    layer, conversation, other_young_person
):
    socket = await connect(other_young_person.user)
    await socket.connect()
    await socket.send_json_to(
        {"type": "send", "conversation": conversation.pk, "body": "hi", "client_id": "x"}
    )
    answer = await socket.receive_json_from(timeout=5)
    assert answer["code"] == "not_found"
    assert await sync_to_async(Message.objects.count)() == 0
    await socket.disconnect()


async def test_read_moves_the_read_position(layer, conversation, young_person, pa):
    from chat.models import Channel, ReadPosition

    message, _ = await sync_to_async(services.post_message)(
        conversation=conversation, sender=pa, body="hello", channel=Channel.WEB
    )
    socket = await connect(young_person.user)
    await socket.connect()
    await socket.send_json_to(
        {"type": "read", "conversation": conversation.pk, "up_to": message.pk}
    )
    await socket.send_json_to(
        {"type": "sync", "conversation": conversation.pk, "after": message.pk}
    )
    assert await socket.receive_nothing(timeout=0.3)
    position = await sync_to_async(ReadPosition.objects.get)(user=young_person.user)
    assert position.last_read_id == message.pk
    await socket.disconnect()


async def test_a_socket_quiet_for_longer_than_the_layers_wait_still_hears(
    layer, conversation, young_person, pa
):
    """The layer blocks on Redis for 5 seconds at a time: a quiet spell longer than that must
    not cost the process its receive loop (see portal/layers.py)."""
    import asyncio

    socket = await connect(young_person.user)
    assert (await socket.connect())[0]
    await asyncio.sleep(6)
    await sync_to_async(services.post_message)(
        conversation=conversation, sender=pa, body="still there?", channel=Channel.WEB
    )
    assert (await socket.receive_json_from(timeout=5))["message"]["body"] == "still there?"
    await socket.disconnect()


@pytest.mark.parametrize("outsider", ["other_young_person", "other_pa"])
@pytest.mark.parametrize(
    "frame",
    [
        {"type": "send", "body": "let me in", "client_id": "x"},
        {"type": "sync", "after": 0},
        {"type": "read", "up_to": 10**9},
        {"type": "delivered", "up_to": 10**9},
    ],
)
async def test_no_socket_action_reaches_someone_elses_conversation(
    layer, conversation, young_person, pa, other_young_person, other_pa, outsider, frame
):
    from chat.models import ReadPosition

    await sync_to_async(services.post_message)(
        conversation=conversation, sender=pa, body="private", channel=Channel.WEB
    )
    user = other_pa if outsider == "other_pa" else other_young_person.user
    socket = await connect(user)
    assert (await socket.connect())[0]
    await socket.send_json_to({**frame, "conversation": conversation.pk})
    answer = await socket.receive_json_from(timeout=5)
    assert answer["type"] == "error" and answer["code"] == "not_found"
    assert await socket.receive_nothing(timeout=0.2)  # and nothing of "private" came
    assert await sync_to_async(Message.objects.count)() == 1
    assert not await sync_to_async(
        ReadPosition.objects.exclude(user=pa).filter(conversation=conversation).exists
    )()
    await socket.disconnect()
