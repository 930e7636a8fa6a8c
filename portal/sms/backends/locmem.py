"""Test backend: keeps texts in `portal.sms.outbox` and prints nothing."""

from __future__ import annotations

from portal import sms


class LocmemBackend:
    prefix = "locmem"

    def send(self, *, to: str, body: str, status_callback: str = "") -> sms.OutgoingSMS:
        message = sms.OutgoingSMS(
            to=to,
            body=body,
            provider_id=f"{self.prefix}-{len(sms.outbox) + 1}",
            status_callback=status_callback,
        )
        sms.outbox.append(message)
        return message
