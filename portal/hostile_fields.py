"""Which field holds hostile text: a NUL character or a lone surrogate (issue 15, finding 5).

`portal.hostile_text` says whether a string is hostile; this names the field it came in, so a
400 can say which one to fix: a JSON path (`question`, `items[2].name`) or a query-string or
form field's name. Form and query strings are checked in their raw, percent-encoded form,
because Django's own parsing silently turns an encoded lone surrogate (`%ED%A0%80`) into
replacement characters: the text the person sent is not what would be stored.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qsl

from portal.hostile_text import has_nul_or_lone_surrogate

# A NUL byte, or the three UTF-8-style bytes of a code point in U+D800..U+DFFF (which UTF-8
# forbids: only a broken or hostile client sends them).
HOSTILE_BYTES = re.compile(rb"\x00|\xed[\xa0-\xbf][\x80-\xbf]")
MAX_FIELDS = 10_000  # beyond this Django refuses the request itself (TooManyFieldsSent)


def printable(name: str) -> str:
    """A field name safe to show and to encode: hostile characters as visible escapes."""
    return name.replace("\x00", "\\0").encode("utf-8", errors="backslashreplace").decode("utf-8")


def first_hostile_json_field(data: Any) -> str | None:
    """The path of the first key or string value holding a NUL or a lone surrogate in decoded
    JSON `data` (`""` for the whole body), or None. Walked without recursion."""
    stack: list[tuple[Any, str]] = [(data, "")]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if has_nul_or_lone_surrogate(item):
                return path
        elif isinstance(item, dict):
            for key, value in reversed(item.items()):
                where = f"{path}.{key}" if path else str(key)
                if isinstance(key, str) and has_nul_or_lone_surrogate(key):
                    return printable(where)
                stack.append((value, printable(where)))
        elif isinstance(item, (list, tuple)):
            stack.extend((value, f"{path}[{i}]") for i, value in reversed(list(enumerate(item))))
    return None


def first_hostile_param(encoded: str | bytes) -> str | None:
    """The name of the first field in a query string or form body
    (`application/x-www-form-urlencoded`) whose name or value holds a NUL or a lone
    surrogate once percent-decoded, or None. Too many fields to look at is left to Django."""
    if isinstance(encoded, str):  # Django's META["QUERY_STRING"] is decoded as UTF-8
        encoded = encoded.encode("utf-8", errors="surrogatepass")
    encoded = encoded.decode("latin-1")  # one character a byte: nothing lost or refused
    if "%" not in encoded and "\x00" not in encoded and "\xed" not in encoded:
        return None  # the common case: nothing encoded, so nothing hidden
    try:
        pairs = parse_qsl(
            encoded, keep_blank_values=True, encoding="latin-1", max_num_fields=MAX_FIELDS
        )
    except ValueError:
        return None
    for name, value in pairs:
        raw_name, raw_value = name.encode("latin-1"), value.encode("latin-1")
        if HOSTILE_BYTES.search(raw_name) or HOSTILE_BYTES.search(raw_value):
            return printable(raw_name.decode("utf-8", errors="replace"))
    return None
