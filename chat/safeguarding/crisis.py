"""What a young person is told when their message reads as a risk.

One reply, built here, for every channel: the website and Messages render `CrisisReply.contacts`
as tap-to-call (`tel:`) and tap-to-text (`sms:`) links, styled as help rather than chat; a text
message and the API get `as_text()`. Why one module: the three copies of this wording that
grew in the intake paths had drifted apart (issue 16).

The order follows the severity:
- immediate danger: 999 first, then someone to talk to now;
- high: someone to talk to now (Samaritans, Shout), the council's out-of-hours team, and 999
  if they are in danger;
- concern (an eviction next month, a worry that has passed): the right help for the category
  and their PA, never "call 999 now".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.conf import settings

IMMEDIATE = "immediate"
HIGH = "high"
CONCERN = "concern"
SEVERITIES = (IMMEDIATE, HIGH, CONCERN)  # most urgent first
SEVERITY_LABELS = {
    IMMEDIATE: "Immediate danger",
    HIGH: "High",
    CONCERN: "Concern",
}
# The bot's reply in a conversation is stored with this client_id prefix and the id of the
# message it answers ("crisis:42"), so pages can show it as help rather than as chat.
CLIENT_ID_PREFIX = "crisis:"
HEADINGS = {
    IMMEDIATE: "If you are in danger or hurt, call 999 now.",
    HIGH: "You don't have to deal with this on your own. You can talk to someone now.",
    CONCERN: "That sounds worrying. Help is there, and your PA can help you plan.",
}


@dataclass(frozen=True)
class Contact:
    """One way to get help: `tel` and `sms` are what the links dial (digits only)."""

    name: str
    detail: str  # what to do, in plain words: "Call 999", "Text SHOUT to 85258"
    tel: str = ""
    sms: str = ""
    sms_body: str = ""

    @property
    def tel_href(self) -> str:
        return f"tel:{self.tel}" if self.tel else ""

    @property
    def sms_href(self) -> str:
        if not self.sms:
            return ""
        return f"sms:{self.sms}" + (f"?&body={self.sms_body}" if self.sms_body else "")

    @property
    def tel_label(self) -> str:
        """The link's words, with the number spaced as people write it: "Call 116 123"."""
        return f"Call {_as_written(self.detail, self.tel)}" if self.tel else ""

    @property
    def sms_label(self) -> str:
        if not self.sms:
            return ""
        number = _as_written(self.detail, self.sms)
        return f"Text {self.sms_body} to {number}" if self.sms_body else f"Text {number}"


@dataclass(frozen=True)
class CrisisReply:
    severity: str
    heading: str
    contacts: tuple[Contact, ...]
    told: str = ""  # "I've told Sam, your PA, now." when someone was told
    categories: tuple[str, ...] = field(default_factory=tuple)

    @property
    def urgent(self) -> bool:
        return self.severity in (IMMEDIATE, HIGH)

    def as_text(self) -> str:
        """For a text message, the API's `answer` and the stored bot message."""
        parts = [self.heading]
        parts += [f"{contact.name}: {contact.detail}." for contact in self.contacts]
        if self.told:
            parts.append(self.told)
        return " ".join(parts)


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit() or ch == "+")


# A phone number as written in a contact's words: digits in groups ("0808 2000 247", "+44 ...").
_NUMBER = re.compile(r"\+?\d[\d ]*\d|\d")


def _as_written(detail: str, digits: str) -> str:
    for found in _NUMBER.finditer(detail):
        if _digits(found.group()) == digits:
            return found.group()
    return digits


def _out_of_hours() -> Contact:
    number = settings.PORTAL["OUT_OF_HOURS_PHONE"]
    return Contact(
        "The council's out-of-hours team", f"call {number}, evenings and weekends", _digits(number)
    )


def _leaving_care() -> Contact:
    number = settings.PORTAL["LEAVING_CARE_PHONE"]
    return Contact("The leaving care team", f"call {number}", _digits(number))


EMERGENCY = Contact("Emergency", "call 999 if you are in danger now", tel="999")
SAMARITANS = Contact("Samaritans", "call 116 123, free, any time", tel="116123")
SHOUT = Contact("Shout", "text SHOUT to 85258, free, any time", sms="85258", sms_body="SHOUT")

# Specialist help for a category, after the general contacts (national services, all free).
SPECIALIST: dict[str, Contact] = {
    "domestic_abuse": Contact(
        "National Domestic Abuse Helpline", "call 0808 2000 247, free, any time", "08082000247"
    ),
    "forced": Contact(
        "Modern Slavery and Exploitation Helpline",
        "call 08000 121 700, free, any time",
        "08000121700",
    ),
    "homelessness": Contact("Shelter's housing advice", "call 0808 800 4444, free", "08088004444"),
}


def crisis_reply(severity: str, categories: tuple[str, ...] = (), *, told: str = "") -> CrisisReply:
    """The reply for a message of this severity and these categories (most urgent first)."""
    specialist = tuple(SPECIALIST[code] for code in categories if code in SPECIALIST)
    if severity == IMMEDIATE:
        contacts = (EMERGENCY, SAMARITANS, SHOUT, _out_of_hours(), *specialist)
    elif severity == HIGH:
        contacts = (SAMARITANS, SHOUT, _out_of_hours(), *specialist, EMERGENCY)
    else:
        severity = CONCERN
        contacts = (*specialist, _leaving_care(), _out_of_hours())
    return CrisisReply(severity, HEADINGS[severity], contacts, told, tuple(categories))


def is_crisis_message(message) -> bool:
    """Whether a stored message is the bot's crisis reply (no sender, client_id "crisis:...")."""
    return message.sender_id is None and (message.client_id or "").startswith(CLIENT_ID_PREFIX)


# "Name: what to do." as `CrisisReply.as_text` writes each contact (a name has no colon or full
# stop; static/js/chat.js reads a live message the same way).
_CONTACT = re.compile(r"(?:^|(?<=\. ))([^\s:.][^:.]*): ([^.]+)\.")
_CALL = re.compile(r"(?:\bcall |^)(\+?\d[\d ]*\d)", re.IGNORECASE)  # or a bare number
_TEXT = re.compile(r"\btext (?:([A-Z]+) to )?(\d[\d ]*\d)", re.IGNORECASE)


def from_text(text: str) -> CrisisReply | None:
    """Read a stored crisis reply (`as_text()`) back into a CrisisReply with its links, so the
    thread shows what the young person was told as help, whenever it was sent. None when the
    text has no contacts in that form (the older wording: shown as it was written)."""
    text = " ".join((text or "").split())
    found = list(_CONTACT.finditer(text))
    if not found:
        return None
    heading = text[: found[0].start()].strip()
    told = text[found[-1].end() :].strip()
    contacts = []
    for match in found:
        name, detail = match.group(1), match.group(2)
        call, texting = _CALL.search(detail), _TEXT.search(detail)
        contacts.append(
            Contact(
                name,
                detail,
                tel=_digits(call.group(1)) if call else "",
                sms=_digits(texting.group(2)) if texting else "",
                sms_body=(texting.group(1) or "") if texting else "",
            )
        )
    severity = next((code for code, words in HEADINGS.items() if words == heading), HIGH)
    return CrisisReply(severity, heading, tuple(contacts), told)


def without_help(text: str, reply: CrisisReply | None) -> str:
    """What else the bot said, once the crisis reply is taken out (the Ask page shows the help
    first, in its own panel, then this)."""
    if reply is None:
        return text
    return " ".join(text.replace(reply.as_text(), " ").split())
