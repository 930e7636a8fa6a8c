"""Property-based: no frame breaks a socket (issue 15, finding 5: the review's 42 hostile frames
crashed the consumer 3 times, closing the socket with 1011).

Arbitrary text, ids and JSON (nested deep, lone surrogates, NUL characters, ids of 2^63, every
field of every frame type given every wrong type, raw text and binary frames) are thrown at a
signed-in young person's and a PA's socket. Every frame must be answered (an error frame, a
message, a pong...) or be a no-op; the consumer must raise nothing, close nothing, and never
answer `internal` (a bug it caught). A fixed example budget and `derandomize=True`, so CI throws
the same frames every run, in about 10 to 20 seconds per backend.
"""

from __future__ import annotations

import json

import pytest
from asgiref.sync import sync_to_async
from django.core.cache import cache
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.chat.conftest import connect

pytestmark = pytest.mark.django_db(transaction=True)

OWN_CONVERSATION = "<the socket's own conversation>"  # swapped for its id when sent
FRAMES_OUT = {"message", "error", "receipt", "alert", "text_status", "pong"}
# Every error code the socket may answer with; "internal" (a bug caught) is not among them.
ERROR_CODES = {
    "bad_frame",
    "bad_text",
    "too_large",
    "unknown_type",
    "not_found",
    "not_allowed",
    "not_a_member",
    "empty",
    "too_long",
    "rate_limited",
}

# --- What is thrown ---------------------------------------------------------------------------

HOSTILE_CHARACTERS = st.sampled_from(["\x00", "\ud800", "\udbff", "\udc00", "\udfff", "\u202e"])
HOSTILE_TEXT = st.builds(
    lambda a, b, c: a + b + c, st.text(max_size=10), HOSTILE_CHARACTERS, st.text(max_size=10)
)
TEXT = st.one_of(
    st.text(max_size=40),
    HOSTILE_TEXT,
    st.sampled_from(["", " ", "x" * 2001, "'; DROP TABLE chat_message; --", "send"]),
)
IDS = st.one_of(
    st.just(OWN_CONVERSATION),
    st.integers(),
    st.sampled_from([0, -1, 1, 2**31, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30]),
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    IDS,
    st.floats(allow_nan=True, allow_infinity=True),
    TEXT,
)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
    max_leaves=12,
)
FIELD = st.one_of(IDS, TEXT, JSON)  # right-looking values and wrong types alike
TYPES = st.one_of(
    st.sampled_from(["send", "sync", "read", "delivered", "text_states", "ping"]),
    TEXT,
    JSON,
)


MISSING = object()  # a field left out
CONVERSATION = st.one_of(*[st.just(OWN_CONVERSATION)] * 3, IDS)  # mostly their own
CLIENT_ID = st.one_of(st.text(min_size=1, max_size=40), TEXT)
BODY = st.one_of(TEXT, HOSTILE_TEXT)
RIGHT_FIELDS = {
    "send": {"conversation": CONVERSATION, "body": BODY, "client_id": CLIENT_ID},
    "sync": {"conversation": CONVERSATION, "after": IDS},
    "read": {"conversation": CONVERSATION, "up_to": IDS},
    "delivered": {"conversation": CONVERSATION, "up_to": IDS},
    "text_states": {"conversation": CONVERSATION},
    "ping": {},
}


def spoil(frame: dict, field: str, value) -> dict:
    """`frame` with one field given another value or type, or left out."""
    spoilt = {key: item for key, item in frame.items() if key != field}
    if value is not MISSING:
        spoilt[field] = value
    return spoilt


def frame_of(kind: str):
    """A frame of `kind` with the right fields (hostile text, ids of any size), or with one
    of them (or the type, or an extra field) given any value of any type, or left out."""
    right = st.fixed_dictionaries({"type": st.just(kind), **RIGHT_FIELDS[kind]})
    fields = ["type", "extra", *RIGHT_FIELDS[kind]]
    return st.one_of(
        right, st.builds(spoil, right, st.sampled_from(fields), FIELD | st.just(MISSING))
    )


HOSTILE_SEND = st.fixed_dictionaries(
    {
        "type": st.just("send"),
        "conversation": st.just(OWN_CONVERSATION),
        "body": HOSTILE_TEXT,
        "client_id": CLIENT_ID,
    }
) | st.fixed_dictionaries(
    {
        "type": st.just("send"),
        "conversation": st.just(OWN_CONVERSATION),
        "body": st.text(min_size=1, max_size=20),
        "client_id": HOSTILE_TEXT,
    }
)
OBJECT_FRAMES = st.one_of(
    *(frame_of(kind) for kind in RIGHT_FIELDS),
    st.fixed_dictionaries({"type": TYPES}, optional={"conversation": FIELD}),
    st.dictionaries(TEXT, JSON, max_size=4),
)


def nested(depth: int, kind: str) -> str:
    opening, closing = ("[", "]") if kind == "list" else ('{"a":', "}")
    return opening * depth + "1" + closing * depth


# What goes on the wire: ("text", str) or ("bytes", bytes).
WIRE = st.one_of(
    # JSON as JSON.stringify writes it (escapes), and with raw characters (lone surrogates
    # and NULs then reach the frame's text itself).
    *[st.tuples(st.just("json"), OBJECT_FRAMES, st.booleans())] * 4,  # most of what is thrown
    # A send that would be stored but for a NUL or lone surrogate: the review's crash.
    *[st.tuples(st.just("json"), HOSTILE_SEND, st.booleans())] * 2,
    st.tuples(st.just("json"), JSON, st.booleans()),
    st.tuples(st.just("text"), TEXT),
    st.tuples(
        st.just("text"),
        st.builds(
            nested, st.sampled_from([31, 33, 999, 1_001, 15_000]), st.sampled_from(["list", "dict"])
        ),
    ),
    st.tuples(st.just("text"), st.sampled_from(["", "{", "[]", "null", "1e999", "9" * 5000])),
    st.tuples(st.just("bytes"), st.binary(max_size=30)),
)


def on_the_wire(thrown: tuple, conversation_id: int) -> dict:
    """The ASGI receive event for what hypothesis drew."""

    def swap(value):
        if value == OWN_CONVERSATION:
            return conversation_id
        if isinstance(value, list):
            return [swap(item) for item in value]
        if isinstance(value, dict):
            return {key: swap(item) for key, item in value.items()}
        return value

    if thrown[0] == "json":
        _, value, escaped = thrown
        return {"type": "websocket.receive", "text": json.dumps(swap(value), ensure_ascii=escaped)}
    if thrown[0] == "text":
        return {"type": "websocket.receive", "text": thrown[1]}
    return {"type": "websocket.receive", "bytes": thrown[1]}


# --- The property -----------------------------------------------------------------------------


async def answers_until_pong(socket) -> list[dict]:
    """Everything the socket says until it answers a ping: a closed socket or a consumer that
    raised fails here (the communicator re-raises the consumer's error)."""
    await socket.send_json_to({"type": "ping"})
    said = []
    while True:
        frame = await socket.receive_json_from(timeout=10)
        said.append(frame)
        if frame.get("type") == "pong":
            return said


def check(said: list[dict]) -> None:
    for frame in said:
        assert frame.get("type") in FRAMES_OUT, frame
        if frame["type"] == "error":
            assert frame.get("code") in ERROR_CODES, frame
            assert isinstance(frame.get("detail"), str) and frame["detail"], frame


@hypothesis_settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(who=st.sampled_from(["young_person", "pa"]), thrown=st.lists(WIRE, min_size=1, max_size=6))
async def test_no_frame_closes_the_socket_or_goes_unanswered(
    layer, conversation, young_person, pa, who, thrown
):
    # Each example on its own: no send limit carried over from the one before, which would
    # answer `rate_limited` before the frame's text was ever looked at.
    await sync_to_async(cache.clear)()
    user = young_person.user if who == "young_person" else pa
    socket = await connect(user)
    connected, code = await socket.connect()
    assert connected, code
    for item in thrown:
        await socket.send_input(on_the_wire(item, conversation.pk))
        check(await answers_until_pong(socket))
    await socket.disconnect()
