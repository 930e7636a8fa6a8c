"""Showing message bodies: plain text, escaped, with web addresses made into safe links."""

from __future__ import annotations

import bleach
from bleach.linkifier import DEFAULT_CALLBACKS
from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


def _safe_link(attrs, new=False):
    href = attrs.get((None, "href"), "")
    if not href.startswith(("http://", "https://", "mailto:", "tel:")):
        return None  # not a link we make: leave the text as text
    attrs[(None, "rel")] = "nofollow noopener noreferrer"
    attrs[(None, "target")] = "_blank"
    return attrs


@register.filter
def message_body(body: str) -> SafeString:
    """Escape first, then let bleach turn web addresses into links (nothing else)."""
    linked = bleach.linkify(escape(body), callbacks=[*DEFAULT_CALLBACKS, _safe_link])
    return mark_safe(linked.replace("\n", "<br>"))  # noqa: S308  escaped above
