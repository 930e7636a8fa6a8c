"""Sending texts: the console backend locally, Twilio's own client in production.

For Twilio only the HTTP transport is replaced (its client accepts one), so the request our
code makes through the real client is what we check.
"""

from __future__ import annotations

import logging

import pytest
from twilio.http.http_client import TwilioHttpClient

from portal import sms
from portal.sms.backends.console import ConsoleBackend
from portal.sms.backends.twilio import TwilioBackend
from tests import twilio_fake
from tests.twilio_fake import ACCOUNT, MESSAGES_URL
from tests.twilio_fake import FakeTwilio as RecordingTransport


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
    assert request["url"] == MESSAGES_URL
    assert request["data"] == {"To": "+447400123456", "From": "+447400123400", "Body": "Hello"}
    assert request["auth"] == [ACCOUNT, "test-auth-token"]
    assert sent.provider_id.startswith("SM") and sent.status == "queued"


def test_twilio_backend_uses_a_messaging_service_when_set(twilio_settings):
    twilio_settings.TWILIO_MESSAGING_SERVICE_SID = "MG" + "2" * 32
    transport = RecordingTransport()
    TwilioBackend(http_client=transport).send(to="+447400123456", body="Hi")
    assert transport.requests[0]["data"]["MessagingServiceSid"] == "MG" + "2" * 32
    assert "From" not in transport.requests[0]["data"]


def test_a_refusal_from_twilio_is_an_sms_error_not_a_crash(twilio_settings):
    transport = RecordingTransport(answers=[twilio_fake.INVALID_NUMBER])
    with pytest.raises(sms.SMSError, match="not a valid phone number") as refused:
        TwilioBackend(http_client=transport).send(to="+447400123456", body="Hi")
    assert refused.value.code == 21211
    assert not refused.value.retryable and not refused.value.maybe_sent


@pytest.mark.parametrize(
    ("answer", "retryable", "maybe_sent"),
    [
        (twilio_fake.BUSY, True, False),  # 5xx: Twilio did not take it; try later
        (twilio_fake.TOO_MANY, True, False),  # 429: slow down and try later
        (twilio_fake.CANNOT_CONNECT, True, False),  # never reached Twilio
        (twilio_fake.NO_ANSWER, False, True),  # reached it, no answer: it may have gone
    ],
)
def test_twilio_failures_say_whether_sending_again_is_safe(
    twilio_settings, answer, retryable, maybe_sent
):
    transport = RecordingTransport(answers=[answer])
    with pytest.raises(sms.SMSError) as refused:
        TwilioBackend(http_client=transport).send(to="+447400123456", body="Hi")
    assert (refused.value.retryable, refused.value.maybe_sent) == (retryable, maybe_sent)


def test_the_status_callback_address_goes_to_twilio(twilio_settings):
    transport = RecordingTransport()
    TwilioBackend(http_client=transport).send(
        to="+447400123456", body="Hi", status_callback="https://portal.example.gov.uk/sms/status/"
    )
    assert transport.requests[0]["data"]["StatusCallback"] == (
        "https://portal.example.gov.uk/sms/status/"
    )


def test_the_default_transport_is_twilios_own_with_a_timeout(twilio_settings):
    backend = TwilioBackend()
    assert isinstance(backend.client.http_client, TwilioHttpClient)
    assert backend.client.http_client.timeout == 15


def test_console_backend_prints_and_keeps_the_text(caplog):
    with caplog.at_level(logging.INFO, logger="portal.sms"):
        ConsoleBackend().send(to="+447400123456", body="Your code is 123456")
    assert sms.outbox[-1].body == "Your code is 123456"
    assert "Your code is 123456" in caplog.text


def test_send_sms_refuses_a_number_not_in_international_format():
    with pytest.raises(sms.SMSError, match=r"E\.164"):
        sms.send_sms(to="07400123456", body="Hi")
    assert sms.outbox == []
