"""Production backend: sends through Twilio's own Python client.

The client's HTTP transport comes from `TWILIO_HTTP_CLIENT` (Twilio's own, with a timeout);
tests replace that transport, and only that, to check the exact requests we make.
"""

from __future__ import annotations

import logging

import requests
from django.conf import settings
from django.utils.module_loading import import_string
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http import HttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client
from urllib3.exceptions import NameResolutionError, NewConnectionError

from portal import sms

logger = logging.getLogger("portal.sms")

# Seconds to wait for Twilio. A worker waiting longer holds every text queued behind it.
TIMEOUT = 15


def default_http_client() -> HttpClient:
    return TwilioHttpClient(timeout=TIMEOUT)


def _never_reached_twilio(exc: requests.exceptions.ConnectionError) -> bool:
    """True when the connection itself failed, so Twilio cannot have seen the request."""
    if isinstance(exc, requests.exceptions.ConnectTimeout):
        return True
    cause = exc.args[0] if exc.args else None
    reason = getattr(cause, "reason", cause)
    return isinstance(reason, NewConnectionError | NameResolutionError)


class TwilioBackend:
    def __init__(self, http_client: HttpClient | None = None) -> None:
        if http_client is None:
            http_client = import_string(settings.TWILIO_HTTP_CLIENT)()
        self.client = Client(
            settings.TWILIO_ACCOUNT_SID, settings.TWILIO_AUTH_TOKEN, http_client=http_client
        )

    def send(self, *, to: str, body: str, status_callback: str = "") -> sms.OutgoingSMS:
        options: dict[str, str] = (
            {"messaging_service_sid": settings.TWILIO_MESSAGING_SERVICE_SID}
            if settings.TWILIO_MESSAGING_SERVICE_SID
            else {"from_": settings.TWILIO_FROM_NUMBER}
        )
        if status_callback:
            options["status_callback"] = status_callback
        try:
            message = self.client.messages.create(to=to, body=body, **options)
        except TwilioRestException as exc:
            busy = exc.status == 429 or exc.status >= 500
            logger.warning("Twilio refused a text to %s (%s): %s", to, exc.status, exc.msg)
            raise sms.SMSError(exc.msg or str(exc), retryable=busy, code=exc.code) from exc
        except TwilioException as exc:
            raise sms.SMSError(str(exc)) from exc
        except requests.exceptions.ConnectionError as exc:  # before Timeout: ConnectTimeout is both
            unreached = _never_reached_twilio(exc)
            logger.warning("Could not reach Twilio for a text to %s: %s", to, exc)
            raise sms.SMSError(
                "Could not reach Twilio.", retryable=unreached, maybe_sent=not unreached
            ) from exc
        except requests.exceptions.Timeout as exc:
            # A read timeout: Twilio may have taken the text and not answered in time.
            logger.warning("No answer from Twilio in time for a text to %s", to)
            raise sms.SMSError("Twilio did not answer in time.", maybe_sent=True) from exc
        return sms.OutgoingSMS(
            to=to,
            body=body,
            provider_id=message.sid or "",
            status=message.status or "queued",
            status_callback=status_callback,
        )
