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
        heading = "If you are in danger or hurt, call 999 now."
        contacts = (EMERGENCY, SAMARITANS, SHOUT, _out_of_hours(), *specialist)
    elif severity == HIGH:
        heading = "You don't have to deal with this on your own. You can talk to someone now."
        contacts = (SAMARITANS, SHOUT, _out_of_hours(), *specialist, EMERGENCY)
    else:
        heading = "That sounds worrying. Help is there, and your PA can help you plan."
        contacts = (*specialist, _leaving_care(), _out_of_hours())
    return CrisisReply(severity, heading, contacts, told, tuple(categories))
