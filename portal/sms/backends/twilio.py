"""Production backend: sends through Twilio's own Python client.

The client is built once per backend with an optional `http_client`, which is how the tests
replace Twilio's HTTP transport (and only that) to check the exact request we make.
"""

from __future__ import annotations

import logging

from django.conf import settings
from twilio.base.exceptions import TwilioException
from twilio.http import HttpClient
from twilio.rest import Client

from portal import sms

logger = logging.getLogger("portal.sms")


class TwilioBackend:
    def __init__(self, http_client: HttpClient | None = None) -> None:
        self.client = Client(
            settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN, http_client=http_client
        )

    def send(self, *, to: str, body: str) -> sms.OutgoingSMS:
        sender: dict[str, str] = (
            {"messaging_service_sid": settings.TWILIO_MESSAGING_SERVICE_SID}
            if settings.TWILIO_MESSAGING_SERVICE_SID
            else {"from_": settings.TWILIO_FROM_NUMBER}
        )
        try:
            message = self.client.messages.create(to=to, body=body, **sender)
        except TwilioException as exc:
            logger.warning("Twilio refused a text to %s: %s", to, exc)
            raise sms.SMSError(str(exc)) from exc
        return sms.OutgoingSMS(to=to, body=body, provider_id=message.sid or "")
