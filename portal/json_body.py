"""Reading a JSON request body: the one helper behind every `/api/` view that takes JSON, and
behind the edge check for JSON bodies (`portal.input_guard`).

Everything a client can get wrong is a `BadJson` naming the problem (and the field, when one
string is to blame), which each caller turns into its own answer: the API a JSON 400 or 413,
never a 500 (issue 15, finding 5). The body is parsed once per request and the result kept on
it, so the edge check and the view do not parse it twice.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import HttpRequest

from portal.hostile_fields import first_hostile_json_field
from portal.hostile_text import MAX_JSON_DEPTH, json_depth_exceeds, raw_json_depth_exceeds

_CACHE = "_portal_json_body"


class BadJson(ValueError):
    """A JSON body the portal will not take. `status` is the HTTP status to answer with."""

    def __init__(self, message: str, *, field: str | None = None, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status


class NotJson(BadJson):
    """The body is not JSON at all: the view decides what that means for it."""


def is_json(request: HttpRequest) -> bool:
    return request.content_type == "application/json" or request.content_type.endswith("+json")


def read_json(request: HttpRequest) -> Any:
    """The request's body, decoded. Raises BadJson when it is too large (413), nested more
    than MAX_JSON_DEPTH deep, holds a NUL or a lone surrogate in any key or value (naming
    the field), or (NotJson) is not UTF-8 JSON at all."""
    cached = getattr(request, _CACHE, None)
    if cached is None:
        cached = _parse(request)
        setattr(request, _CACHE, cached)
    outcome, data = cached
    if isinstance(outcome, BadJson):
        raise outcome
    return data


def _parse(request: HttpRequest) -> tuple[BadJson | None, Any]:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    try:
        raw = request.body
    except RequestDataTooBig:
        return BadJson(f"The body is larger than {limit:,} bytes.", status=413), None
    too_deep = BadJson(f"The JSON is nested more than {MAX_JSON_DEPTH} levels deep.")
    if raw_json_depth_exceeds(raw, MAX_JSON_DEPTH):
        return too_deep, None
    try:
        data = json.loads(raw or b"")
    except RecursionError:  # belt and braces: the raw count is a quick estimate
        return too_deep, None
    except (ValueError, UnicodeDecodeError):
        return NotJson("The body is not valid JSON."), None
    if json_depth_exceeds(data, MAX_JSON_DEPTH):
        return too_deep, None
    field = first_hostile_json_field(data)
    if field is not None:
        return BadJson(
            "The text holds a NUL character or half of a surrogate pair, which is not text: "
            "remove it and send it again.",
            field=field,
        ), None
    return None, data
