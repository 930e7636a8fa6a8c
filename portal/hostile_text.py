"""Checks for hostile text and JSON at the portal's edges (issue 15, finding 5).

A NUL character cannot be stored in a PostgreSQL text column, and a lone surrogate
(half of a UTF-16 pair, e.g. ``"\\ud800"``) cannot be encoded as UTF-8, so either one
reaching the database or a JSON encoder raises a server error. Deeply nested JSON makes
Python's recursive code raise ``RecursionError``. Each edge (HTTP views and forms, the
WebSocket consumer) calls these pure functions and answers with its own clear error
(a 400, a form error, an error frame) before anything is stored.

Pure functions only: no Django import, so they are cheap to test and share.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

# Deepest JSON nesting an edge accepts. Real frames and API bodies nest 2 or 3 deep.
MAX_JSON_DEPTH = 32


def has_nul_or_lone_surrogate(value: str) -> bool:
    """True when ``value`` holds a NUL character or a surrogate code point.

    In a Python ``str`` a correctly paired surrogate has already been joined into one
    code point, so any code point in U+D800..U+DFFF left over is a lone half.
    """
    if "\x00" in value:
        return True
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _strings_in(data: Any) -> Iterator[str]:
    """Every string in a decoded JSON value (keys and values), walked without recursion."""
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            for key, value in item.items():
                if isinstance(key, str):
                    yield key
                stack.append(value)
        elif isinstance(item, (list, tuple)):
            stack.extend(item)


def json_has_nul_or_lone_surrogate(data: Any) -> bool:
    """True when any string (key or value) anywhere in decoded JSON ``data`` is hostile."""
    return any(has_nul_or_lone_surrogate(text) for text in _strings_in(data))


def json_depth_exceeds(data: Any, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when decoded JSON ``data`` nests lists/objects more than ``limit`` deep.

    Iterative, so a value nested 100,000 deep cannot blow Python's recursion limit here.
    A scalar has depth 0; ``[]`` and ``{}`` have depth 1.
    """
    stack: list[tuple[Any, int]] = [(data, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children = item.values()
        elif isinstance(item, (list, tuple)):
            children = item
        else:
            continue
        depth += 1
        if depth > limit:
            return True
        stack.extend((child, depth) for child in children)
    return False


def raw_json_depth_exceeds(text: str | bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """True when raw JSON ``text`` opens more than ``limit`` brackets at once.

    Checked before ``json.loads`` so a 100,000-deep document is refused without building
    it. Brackets inside strings are skipped (escapes honoured), so ``"[[["`` as a string
    value does not count. A malformed document may be under-counted; the parser then
    refuses it anyway.
    """
    if isinstance(text, bytes):
        text = text.decode("utf-8", errors="replace")
    if text.count("[") + text.count("{") <= limit:
        return False  # the common case, decided in C without walking the text
    depth = 0
    in_string = False
    escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > limit:
                return True
        elif char in "]}":
            depth -= 1
    return False
