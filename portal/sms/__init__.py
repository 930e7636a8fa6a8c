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
    status: str = "queued"  # what the provider said it did with it ("queued", "accepted"...)
    status_callback: str = ""


# Texts sent by the console and in-memory backends in this process, oldest first, so a
# developer or a test can see what would have gone out.
outbox: list[OutgoingSMS] = []


class SMSError(Exception):
    """The provider refused or could not be reached.

    `retryable`: the provider certainly did not take the text and may take it later (it was
    busy, or could not be reached at all), so sending again cannot send it twice.
    `maybe_sent`: the request may have reached the provider before it failed (a timeout while
    waiting for the answer); sending again could send it twice, so a person decides.
    """

    def __init__(
        self,
        detail: str,
        *,
        retryable: bool = False,
        maybe_sent: bool = False,
        code: int | None = None,
    ) -> None:
        super().__init__(detail)
        self.retryable = retryable
        self.maybe_sent = maybe_sent
        self.code = code  # the provider's own error code, when it gave one


def get_backend():
    return import_string(settings.SMS_BACKEND)()


def send_sms(*, to: str, body: str, status_callback: str = "") -> OutgoingSMS:
    """Send one text to an E.164 number and return what was sent (with the provider's id).

    `status_callback`: where the provider should report what became of it (Twilio posts to
    it). Raises SMSError when it could not be sent, so callers can say so rather than pretend.
    """
    if not to.startswith("+"):
        raise SMSError(f"Numbers must be in international format (E.164), not {to!r}.")
    return get_backend().send(to=to, body=body, status_callback=status_callback)
