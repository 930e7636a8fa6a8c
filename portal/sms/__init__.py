"""Sending text messages through the configured backend.

`send_sms` is the one way the portal sends a text. The backend is chosen by `SMS_BACKEND`:
the console backend locally (it prints the text and keeps it in `outbox`), Twilio when the
`TWILIO_*` variables are set, and the in-memory backend in tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string


@dataclass(frozen=True)
class OutgoingSMS:
    to: str
    body: str
    created_at: datetime = field(default_factory=timezone.now)
    provider_id: str = ""


# Texts sent by the console and in-memory backends in this process, oldest first, so a
# developer or a test can see what would have gone out.
outbox: list[OutgoingSMS] = []


class SMSError(Exception):
    """The provider refused or could not be reached; the text was not sent."""


def get_backend():
    return import_string(settings.SMS_BACKEND)()


def send_sms(*, to: str, body: str) -> OutgoingSMS:
    """Send one text to an E.164 number and return what was sent (with the provider's id).

    Raises SMSError when it could not be sent, so callers can say so rather than pretend.
    """
    if not to.startswith("+"):
        raise SMSError(f"Numbers must be in international format (E.164), not {to!r}.")
    return get_backend().send(to=to, body=body)
