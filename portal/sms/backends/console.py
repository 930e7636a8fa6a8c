"""Local backend: prints the text instead of sending it, and keeps it in the outbox."""

from __future__ import annotations

import logging

from portal import sms

logger = logging.getLogger("portal.sms")


class ConsoleBackend:
    def send(self, *, to: str, body: str, status_callback: str = "") -> sms.OutgoingSMS:
        message = sms.OutgoingSMS(
            to=to,
            body=body,
            provider_id=f"console-{len(sms.outbox) + 1}",
            status_callback=status_callback,
        )
        sms.outbox.append(message)
        logger.info("Text to %s (not sent: console SMS backend):\n%s", to, body)
        return message
