"""What a `/ws/chat/` frame may be, and how often a person may `send` (issue 15, findings 5, 6).

The consumer calls `parse_frame` on every frame before anything else: a frame that is binary,
too big, nested too deep, not JSON, or holding a NUL or a lone surrogate (which PostgreSQL and
UTF-8 cannot store) is answered with an error frame and the socket stays open. Before these
checks such frames crashed the consumer and closed the socket with 1011.

`seconds_until_send_allowed` counts `send` frames per person in the shared cache (Redis in
production), so the limit holds across all of one person's sockets and every worker process.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django_ratelimit.core import get_usage

from portal import hostile_text

# A full 2,000-character message needs at most 12 characters per character as JSON escapes
# (an emoji as two \uXXXX escapes): 24,000, plus the frame's other fields.
MAX_FRAME_CHARS = 32_000
MAX_FRAME_DEPTH = hostile_text.MAX_JSON_DEPTH

NOT_AN_OBJECT = "Frames are JSON objects with a 'type'."
BAD_TEXT = (
    "That has a character that can't be stored (a NUL character, or half of an emoji). "
    "Remove it and try again."
)


@dataclass(frozen=True)
class Refusal:
    """An error frame's code and detail: the socket answers with it and stays open."""

    code: str
    detail: str


def parse_frame(text_data: str | None) -> dict | Refusal:
    """The frame as a JSON object, or why it is refused (`text_data` None: a binary frame).
    Never raises, whatever it is given."""
    if text_data is None:
        return Refusal("bad_frame", "Frames are JSON text, not binary.")
    if len(text_data) > MAX_FRAME_CHARS:
        return Refusal("too_large", f"Frames can be up to {MAX_FRAME_CHARS:,} characters.")
    if hostile_text.has_nul_or_lone_surrogate(text_data):
        return Refusal("bad_text", BAD_TEXT)
    if hostile_text.raw_json_depth_exceeds(text_data, MAX_FRAME_DEPTH):
        return Refusal("bad_frame", f"Frames can nest at most {MAX_FRAME_DEPTH} levels deep.")
    try:
        content: Any = json.loads(text_data)
    except (ValueError, RecursionError):  # RecursionError: belt and braces after the depth check
        return Refusal("bad_frame", NOT_AN_OBJECT)
    if not isinstance(content, dict):
        return Refusal("bad_frame", NOT_AN_OBJECT)
    # Escapes ("\u0000", "\ud800") only become the characters once decoded.
    if hostile_text.json_has_nul_or_lone_surrogate(content):
        return Refusal("bad_text", BAD_TEXT)
    return content


def seconds_until_send_allowed(user_id: int) -> int:
    """Count one `send` by this person against `settings.SOCKET_SEND_RATE` ("20/m": 20 a
    minute, in fixed windows). 0 when it may go ahead; otherwise the seconds (at least 1)
    until the window ends. Synchronous (the cache is Redis): call it off the event loop.

    django-ratelimit's counter, keyed on the person rather than a request. Without Redis the
    cache lets every send through (`portal.unavailable`): messages matter more than limits."""
    usage = get_usage(
        None,
        group="chat.socket.send",
        key=lambda _group, _request: str(user_id),
        rate=settings.SOCKET_SEND_RATE,
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return 0
    return max(usage["time_left"], 1)


def rate_limited_detail(seconds: int) -> str:
    """What the person is told, with the wait in words: "40 seconds", "3 minutes"."""
    if seconds < 120:
        wait = f"{seconds} second{'s' if seconds != 1 else ''}"
    elif seconds < 2 * 3600:
        wait = f"{-(-seconds // 60)} minutes"
    else:
        wait = f"{-(-seconds // 3600)} hours"
    return f"You're sending messages very fast. Wait {wait} and try again."
