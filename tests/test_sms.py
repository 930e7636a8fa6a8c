"""Sending texts: the console backend locally, Twilio's own client in production.

For Twilio only the HTTP transport is replaced (its client accepts one), so the request our
code makes through the real client is what we check.
"""

from __future__ import annotations

import json
import logging

import pytest
from twilio.http import HttpClient
from twilio.http.response import Response

from portal import sms
from portal.sms.backends.console import ConsoleBackend
from portal.sms.backends.twilio import TwilioBackend

ACCOUNT = "AC" + "0" * 32


class RecordingTransport(HttpClient):
    """Stands in for Twilio's servers: records each request, answers like the real API."""

    def __init__(self, status: int = 201, body: dict | None = None) -> None:
        super().__init__(logger=logging.getLogger("tests.twilio"), is_async=False)
        self.requests: list[dict] = []
        self.status = status
        self.body = body

    def request(
        self,
        method,
        url,
        params=None,
        data=None,
        headers=None,
        auth=None,
        timeout=None,
        allow_redirects=False,
    ):
        self.requests.append({"method": method, "url": url, "data": data, "auth": auth})
        body = self.body or {
            "sid": "SM" + "1" * 32,
            "account_sid": ACCOUNT,
            "to": data["To"],
            "body": data["Body"],
            "status": "queued",
        }
        return Response(self.status, json.dumps(body))


@pytest.fixture
def twilio_settings(settings):
    settings.TWILIO_ACCOUNT_SID = ACCOUNT
    settings.TWILIO_AUTH_TOKEN = "test-auth-token"
    settings.TWILIO_FROM_NUMBER = "+447400123400"
    settings.TWILIO_MESSAGING_SERVICE_SID = ""
    return settings


def test_twilio_backend_posts_the_message_to_twilio(twilio_settings):
    transport = RecordingTransport()
    sent = TwilioBackend(http_client=transport).send(to="+447400123456", body="Hello")
    [request] = transport.requests
    assert request["method"] == "POST"
    assert request["url"] == f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}/Messages.json"
    assert request["data"] == {"To": "+447400123456", "From": "+447400123400", "Body": "Hello"}
    assert request["auth"] == (ACCOUNT, "test-auth-token")
    assert sent.provider_id == "SM" + "1" * 32


def test_twilio_backend_uses_a_messaging_service_when_set(twilio_settings):
    twilio_settings.TWILIO_MESSAGING_SERVICE_SID = "MG" + "2" * 32
    transport = RecordingTransport()
    TwilioBackend(http_client=transport).send(to="+447400123456", body="Hi")
    assert transport.requests[0]["data"]["MessagingServiceSid"] == "MG" + "2" * 32
    assert "From" not in transport.requests[0]["data"]


def test_a_refusal_from_twilio_is_an_sms_error_not_a_crash(twilio_settings):
    transport = RecordingTransport(
        status=400, body={"code": 21211, "message": "The 'To' number is not valid.", "status": 400}
    )
    with pytest.raises(sms.SMSError, match="not valid"):
        TwilioBackend(http_client=transport).send(to="+447400123456", body="Hi")


def test_console_backend_prints_and_keeps_the_text(caplog):
    with caplog.at_level(logging.INFO, logger="portal.sms"):
        ConsoleBackend().send(to="+447400123456", body="Your code is 123456")
    assert sms.outbox[-1].body == "Your code is 123456"
    assert "Your code is 123456" in caplog.text


def test_send_sms_refuses_a_number_not_in_international_format():
    with pytest.raises(sms.SMSError, match=r"E\.164"):
        sms.send_sms(to="07400123456", body="Hi")
    assert sms.outbox == []
