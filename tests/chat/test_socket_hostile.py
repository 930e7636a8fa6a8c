"""Hostile socket frames get an error frame and the socket stays open (issue 15, finding 5),
and `send` is limited per person (finding 6). On the in-memory layer and on Redis."""

from __future__ import annotations

import json

import pytest
from asgiref.sync import sync_to_async

from chat.models import Message, SafeguardingAlert
from tests.chat.conftest import connect

pytestmark = pytest.mark.django_db(transaction=True)


async def still_open(socket, conversation, client_id: str = "after") -> None:
    """The socket still works: a message sent now is stored and acknowledged."""
    await socket.send_json_to(
        {
            "type": "send",
            "conversation": conversation.pk,
            "body": "still here",
            "client_id": client_id,
        }
    )
    answer = await socket.receive_json_from(timeout=5)
    assert answer["type"] == "message" and answer["message"]["body"] == "still here", answer


def send_frame(conversation, body: str) -> str:
    """A send frame as a client would write it, JSON escapes and all."""
    return json.dumps(
        {"type": "send", "conversation": conversation.pk, "body": body, "client_id": "h1"}
    )


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize(
    ("make_text", "code"),
    [
        # Escaped, as JSON.stringify writes them: only decoding reveals the character.
        (lambda c: send_frame(c, "hi \ud800 there"), "bad_text"),
        (lambda c: send_frame(c, "hi \udfff"), "bad_text"),
        (lambda c: send_frame(c, "hi \x00 there"), "bad_text"),
        (
            lambda c: json.dumps({"type": "sync", "conversation": c.pk, "after": 0, "x\x00": 1}),
            "bad_text",
        ),
        # Raw in the frame's text.
        (lambda c: send_frame(c, "ok")[:-1] + ', "note": "\ud800"}', "bad_text"),
        (lambda c: send_frame(c, "ok") + "\x00", "bad_text"),
        # Nested JSON: 100,000 deep made Python's parser raise RecursionError.
        (lambda c: nested(100_000), "too_large"),
        (lambda c: nested(10_000), "bad_frame"),
        (lambda c: '{"type": "send", "body": ' + nested(10_000) + "}", "bad_frame"),
        (lambda c: '{"type": "ping", "x": ' + nested(40) + "}", "bad_frame"),
        # Not a JSON object, too big, a number too long to read.
        (lambda c: "{", "bad_frame"),
        (lambda c: "[1, 2]", "bad_frame"),
        (lambda c: json.dumps({"type": "send", "body": "x" * 40_000}), "too_large"),
        (lambda c: '{"type": "sync", "conversation": ' + "9" * 5000 + "}", "bad_frame"),
        # Types no handler expects.
        (lambda c: json.dumps({"type": ["send"]}), "unknown_type"),
        (lambda c: json.dumps({"type": {"a": 1}}), "unknown_type"),
        (lambda c: json.dumps({"type": "send", "conversation": 2**63, "body": "x"}), "not_found"),
    ],
    ids=[
        "escaped-lone-high-surrogate",
        "escaped-lone-low-surrogate",
        "escaped-nul",
        "nul-in-a-key",
        "raw-lone-surrogate",
        "raw-nul",
        "nested-100000",
        "nested-10000",
        "nested-10000-in-a-field",
        "nested-40",
        "truncated",
        "a-list",
        "too-large",
        "5000-digit-number",
        "type-a-list",
        "type-an-object",
        "conversation-2-to-the-63",
    ],
)
async def test_hostile_frames_get_an_error_frame_store_nothing_and_keep_the_socket_open(
    layer, conversation, young_person, make_text, code
):
    socket = await connect(young_person.user)
    assert (await socket.connect())[0]
    await socket.send_to(text_data=make_text(conversation))
    answer = await socket.receive_json_from(timeout=5)
    assert answer["type"] == "error" and answer["code"] == code, answer
    assert isinstance(answer["detail"], str) and answer["detail"]
    assert await sync_to_async(Message.objects.count)() == 0
    await still_open(socket, conversation)
    await socket.disconnect()


@pytest.mark.parametrize(
    "frame",
    [{"bytes": b'{"type": "ping"}'}, {"text": ""}, {"bytes": b""}],
    ids=["binary", "empty-text", "empty-binary"],
)
async def test_binary_and_empty_frames_get_an_error_frame(layer, conversation, young_person, frame):
    socket = await connect(young_person.user)
    assert (await socket.connect())[0]
    await socket.send_input({"type": "websocket.receive", **frame})
    answer = await socket.receive_json_from(timeout=5)
    assert answer["type"] == "error" and answer["code"] == "bad_frame"
    await still_open(socket, conversation)
    await socket.disconnect()


@pytest.mark.parametrize(
    "frame",
    [
        {"type": "sync", "after": 2**63},
        {"type": "read", "up_to": 2**63},
        {"type": "read", "up_to": -(2**63) - 1},
        {"type": "delivered", "up_to": 2**63},
        {"type": "delivered", "up_to": -(10**30)},
    ],
)
async def test_ids_beyond_64_bits_are_answered_or_ignored_without_closing(
    layer, conversation, young_person, frame
):
    """sync answers nothing newer; read and delivered past the newest message move nothing
    (there is none); either way the socket carries on."""
    socket = await connect(young_person.user)
    assert (await socket.connect())[0]
    await socket.send_json_to({**frame, "conversation": conversation.pk})
    await still_open(socket, conversation)
    await socket.disconnect()


async def answer_to(socket, frame: dict) -> dict:
    """Send `frame` and return its answer: its acknowledgement or an error frame (messages
    heard from the person's other sockets meanwhile are passed over)."""
    await socket.send_json_to(frame)
    while True:
        got = await socket.receive_json_from(timeout=5)
        if got["type"] == "error" or got["message"]["client_id"] == frame["client_id"]:
            return got


@pytest.fixture
def three_a_day(settings):
    # A day's window, so it cannot end in the middle of the test and reset the count.
    settings.SOCKET_SEND_RATE = "3/d"


def send(conversation, n: int, body: str = "hello") -> dict:
    return {
        "type": "send",
        "conversation": conversation.pk,
        "body": f"{body} {n}",
        "client_id": f"rate-{n}",
    }


async def test_sending_too_fast_is_refused_with_when_to_try_again_and_nothing_stored(
    layer, three_a_day, conversation, young_person, pa
):
    """The limit is per person across all their sockets; another person is not held up."""
    first, second = await connect(young_person.user), await connect(young_person.user)
    theirs = await connect(pa)
    for socket in (first, second, theirs):
        assert (await socket.connect())[0]
    for n, socket in enumerate([first, second, first]):
        assert (await answer_to(socket, send(conversation, n)))["type"] == "message"
    answer = await answer_to(second, send(conversation, 3))
    assert answer["type"] == "error" and answer["code"] == "rate_limited", answer
    assert isinstance(answer["retry_after"], int) and 1 <= answer["retry_after"] <= 86_400
    assert answer["detail"].startswith("You're sending messages very fast. Wait ")
    assert await sync_to_async(Message.objects.filter(sender=young_person.user).count)() == 3

    reply = await answer_to(theirs, send(conversation, 4, body="from the PA"))
    assert reply["type"] == "message" and reply["message"]["body"] == "from the PA 4"
    # Other frames still work for the person who is held up.
    await second.send_json_to({"type": "ping"})
    while (frame := await second.receive_json_from(timeout=5))["type"] != "pong":
        assert frame["type"] == "message"
    for socket in (first, second, theirs):
        await socket.disconnect()


async def test_a_flood_of_risky_messages_raises_only_as_many_alerts_as_the_limit_allows(
    layer, three_a_day, conversation, young_person
):
    socket = await connect(young_person.user)
    assert (await socket.connect())[0]
    refused = 0
    for n in range(20):
        await socket.send_json_to(send(conversation, n, body="i want to kill myself"))
    while refused < 17:
        frame = await socket.receive_json_from(timeout=5)
        if frame["type"] == "error":
            assert frame["code"] == "rate_limited", frame
            refused += 1
    assert await sync_to_async(SafeguardingAlert.objects.count)() == 3
    assert await sync_to_async(Message.objects.filter(sender=young_person.user).count)() == 3
    await socket.disconnect()
