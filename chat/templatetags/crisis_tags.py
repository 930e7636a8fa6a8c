"""Showing the bot's crisis reply as help: `{{ message|as_crisis }}` gives the CrisisReply of a
stored crisis reply (for `templates/safeguarding/_crisis.html`), and `|phone_links` makes the
numbers in an older answer's words into links to call or text."""

from __future__ import annotations

import re

from django import template
from django.utils.html import escape, json_script
from django.utils.safestring import SafeString, mark_safe

from chat.safeguarding import crisis

register = template.Library()


@register.simple_tag
def crisis_headings() -> SafeString:
    """The headings by severity, for static/js/chat.js to style a crisis reply that arrives live."""
    return json_script(crisis.HEADINGS, "crisis-headings")


@register.filter
def as_crisis(message) -> crisis.CrisisReply | None:
    """The help in a crisis reply message (sender None, client_id "crisis:..."), else None."""
    if message is None or not crisis.is_crisis_message(message):
        return None
    return crisis.from_text(message.body)


# "call 116 123", "on 0300 123 5022", "999", "text SHOUT to 85258": the numbers people tap.
_NUMBER = re.compile(
    r"(?P<texting>text (?P<word>[A-Z]+) to (?P<sms>\d{5}))"
    r"|(?P<tel>\b999\b|\+?\b0\d{2,4}(?: ?\d{3,4}){1,3}\b|\b116 ?\d{3}\b)"
)


@register.filter
def phone_links(text: str) -> SafeString:
    """Escaped text with its phone numbers linked (tel:, and sms: for "text WORD to 85258")."""
    text = str(text or "")
    out: list[str] = []
    at = 0
    for found in _NUMBER.finditer(text):
        out.append(escape(text[at : found.start()]))
        if found.group("texting"):
            number, word = found.group("sms"), found.group("word")
            href = f"sms:{number}?&amp;body={escape(word)}"
            out.append(f'text {escape(word)} to <a href="{href}">{number}</a>')
        else:
            shown = found.group("tel")
            digits = "".join(ch for ch in shown if ch.isdigit() or ch == "+")
            out.append(f'<a href="tel:{digits}">{escape(shown)}</a>')
        at = found.end()
    out.append(escape(text[at:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece of the text is escaped above
