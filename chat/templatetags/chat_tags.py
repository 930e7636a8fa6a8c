"""Showing message bodies: plain text, escaped, with web addresses made into safe links, and
invisible characters made visible.

Invisible "format" characters (Unicode category Cf: zero-width spaces and joiners, the word
joiner, the byte order mark, the bidirectional embeddings, overrides and isolates) can make a
message look like something it is not: `goo\\u200bgle.com` displays as google.com while only
`gle.com` would be linked, and a right-to-left override turns `moc.elgoog` round (issue 15,
finding 9). So each one is shown as a marker such as `[U+200B]`, and a word holding any of
them is never made into a link. Two are left alone where real writing needs them: a joiner
or non-joiner (and the left-to-right and right-to-left marks) between two non-ASCII
characters (an emoji sequence such as a family, Persian or Hindi words), and the tag
characters that make a flag such as England's. `static/js/chat.js` does the same for
messages that arrive live.
"""

from __future__ import annotations

import re
import unicodedata

import bleach
from bleach.linkifier import DEFAULT_CALLBACKS
from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Joiners and marks that Persian, Arabic, Indic scripts and emoji sequences use between
# characters: kept there, shown anywhere else (between ASCII letters they only deceive).
JOINERS = {"\u200c", "\u200d", "\u200e", "\u200f", "\u061c"}
BLACK_FLAG = "\U0001f3f4"
TAGS = range(0xE0020, 0xE0080)  # spell a subdivision flag after a black flag
SPACES = re.compile(r"(\s+)")


def _safe_link(attrs, new=False):
    href = attrs.get((None, "href"), "")
    if not href.startswith(("http://", "https://", "mailto:", "tel:")):
        return None  # not a link we make: leave the text as text
    attrs[(None, "rel")] = "nofollow noopener noreferrer"
    attrs[(None, "target")] = "_blank"
    return attrs


def _is_format(char: str) -> bool:
    return unicodedata.category(char) == "Cf"


def _needed(word: str, at: int) -> bool:
    """Whether the format character at `word[at]` is doing real work where it stands."""
    char = word[at]
    before = word[at - 1] if at else ""
    after = word[at + 1] if at + 1 < len(word) else ""
    if char in JOINERS:
        return before > "\x7f" and after > "\x7f"
    if ord(char) in TAGS:
        rest = word[:at].rstrip("".join(chr(code) for code in TAGS))
        return rest.endswith(BLACK_FLAG)
    return False


def _shown(word: str) -> str:
    """The word escaped, each deceiving invisible character replaced by a visible marker."""
    parts = []
    for at, char in enumerate(word):
        if _is_format(char) and not _needed(word, at):
            name = unicodedata.name(char, "format character").lower()
            parts.append(
                format_html(
                    '<mark class="invisible-char" title="Hidden character: {}">[U+{}]</mark>',
                    name,
                    f"{ord(char):04X}",
                )
            )
        else:
            parts.append(escape(char))
    return "".join(parts)


def visible(body: str) -> str:
    """The body as HTML: escaped, each word holding an invisible character wrapped in a
    `<span class="unlinked">` (which linkify skips) with those characters shown."""
    out = []
    for word in SPACES.split(body):
        if any(_is_format(char) for char in word):
            out.append(f'<span class="unlinked">{_shown(word)}</span>')
        else:
            out.append(escape(word))
    return "".join(out)


@register.filter
def message_body(body: str) -> SafeString:
    """Escape first (with invisible characters shown), then let bleach turn web addresses
    into links (nothing else, and never a word holding an invisible character)."""
    linked = bleach.linkify(
        visible(body), callbacks=[*DEFAULT_CALLBACKS, _safe_link], skip_tags=["span"]
    )
    return mark_safe(linked.replace("\n", "<br>"))  # noqa: S308  escaped above
