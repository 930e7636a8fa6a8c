"""Splitting a long text the way SMS carries it.

A text travels in segments: 160 characters of the GSM-7 alphabet, or 70 when any character is
outside it (an emoji, a curly quote) and the whole text goes as UCS-2. Longer texts are joined
from segments of 153 (GSM-7) or 67 (UCS-2) on the phone. Twilio joins up to 1,600 characters
into one text, but carriers drop or mangle long joined texts, and Twilio advises keeping to 10
segments; so a longer body goes as several numbered texts of at most 10 segments each, broken
between words where possible.
"""

from __future__ import annotations

from dataclasses import dataclass

# GSM 03.38: the basic alphabet (one septet each) and the extension table (two: escape + char).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = frozenset("^{}\\[~]|€\f")

SINGLE = {"GSM-7": 160, "UCS-2": 70}
JOINED = {"GSM-7": 153, "UCS-2": 67}
MAX_SEGMENTS = 10


@dataclass(frozen=True)
class Shape:
    encoding: str  # "GSM-7" or "UCS-2"
    units: int  # septets (GSM-7) or UTF-16 code units (UCS-2)
    segments: int


def is_gsm7(text: str) -> bool:
    return all(char in GSM7_BASIC or char in GSM7_EXTENDED for char in text)


def _units(text: str, encoding: str) -> int:
    if encoding == "GSM-7":
        return sum(2 if char in GSM7_EXTENDED else 1 for char in text)
    return len(text.encode("utf-16-le")) // 2


def shape(text: str) -> Shape:
    """How a text travels: its encoding, its length in that encoding and its segments."""
    encoding = "GSM-7" if is_gsm7(text) else "UCS-2"
    units = _units(text, encoding)
    return Shape(encoding, units, _segments(units, encoding))


def _segments(units: int, encoding: str) -> int:
    if units == 0:
        return 0
    if units <= SINGLE[encoding]:
        return 1
    return -(-units // JOINED[encoding])


def split(text: str, max_segments: int = MAX_SEGMENTS) -> list[str]:
    """`text` as one or more texts of at most `max_segments` segments each. Several texts are
    numbered "(1/2) ", "(2/2) " so the reader knows one is still to come."""
    text = text.strip()
    encoding = "GSM-7" if is_gsm7(text) else "UCS-2"
    if shape(text).segments <= max_segments:
        return [text]
    # Room for the "(n/m) " label; with 10 segments a body never needs more than 9 parts here.
    budget = JOINED[encoding] * max_segments - len("(9/9) ")
    pieces: list[str] = []
    rest = text
    while rest:
        if _units(rest, encoding) <= budget:
            pieces.append(rest)
            break
        cut = _longest_prefix(rest, encoding, budget)
        space = rest.rfind(" ", 0, cut + 1)
        if space > cut // 2:  # break between words unless that wastes half the text
            cut = space
        pieces.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    return [f"({n}/{len(pieces)}) {piece}" for n, piece in enumerate(pieces, start=1)]


def _longest_prefix(text: str, encoding: str, budget: int) -> int:
    """How many characters of `text` fit in `budget` units."""
    used = 0
    for index, char in enumerate(text):
        used += _units(char, encoding)
        if used > budget:
            return index
    return len(text)
