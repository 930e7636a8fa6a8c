"""Local backend: prints the text instead of sending it, and keeps it in the outbox."""

from __future__ import annotations

import logging

from portal import sms
from portal.sms.backends.locmem import LocmemBackend

logger = logging.getLogger("portal.sms")


class ConsoleBackend(LocmemBackend):
    prefix = "console"

    def send(self, *, to: str, body: str, status_callback: str = "") -> sms.OutgoingSMS:
        message = super().send(to=to, body=body, status_callback=status_callback)
        logger.info("Text to %s (not sent: console SMS backend):\n%s", to, body)
        return message
