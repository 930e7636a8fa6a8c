"""`manage.py sweep_texts`: a text whose worker died mid-send is settled, never resent blindly.

The worker's death is Twilio's HTTP transport raising SystemExit while the request is out, as a
process killed while it waits for Twilio's answer stops there (only the transport is stood
in for). tests/scale/test_faults.py kills a real worker process; these run on either run.
"""

from __future__ import annotations

import datetime
import io

import pytest
from django.core.management import call_command

from chat import services
from chat.models import Channel, DeliveryState, Message, OutgoingText, TextPart
from chat.texts.services import outbound
from tests import twilio_fake
from tests.tasks import run_due_tasks
from tests.twilio_fake import FakeTwilio


class KilledWhileWaiting(FakeTwilio):
    """The worker is killed once its request has gone to Twilio, before the answer."""

    def request(self, *args, **kwargs):
        raise SystemExit("killed")


@pytest.fixture
def twilio(settings) -> FakeTwilio:
    settings.SMS_BACKEND = "portal.sms.backends.twilio.TwilioBackend"
    settings.TWILIO_ACCOUNT_SID = twilio_fake.ACCOUNT
    settings.TWILIO_AUTH_TOKEN = twilio_fake.TOKEN
    settings.TWILIO_FROM_NUMBER = twilio_fake.FROM
    settings.TWILIO_MESSAGING_SERVICE_SID = ""
    settings.TWILIO_HTTP_CLIENT = "tests.twilio_fake.current"
    return twilio_fake.install(FakeTwilio())


@pytest.fixture
def claimed_by_a_worker_that_died(twilio, pa, young_person) -> OutgoingText:
    """A PA's reply whose text a worker claimed and handed to Twilio, then died."""
    message, _ = services.post_message(
        conversation=services.conversation_for(young_person),
        sender=pa,
        body="See you at the hub at 3",
        channel=Channel.WEB,
    )
    assert run_due_tasks(at_most=1) == ["reply queued"]
    text = OutgoingText.objects.get(message=message)
    twilio_fake.install(KilledWhileWaiting())
    with pytest.raises(SystemExit):
        outbound.send_text.call(text.pk)
    twilio_fake.install(twilio)
    text.refresh_from_db()
    assert text.state == OutgoingText.State.SENDING
    return text


def sweep() -> str:
    out = io.StringIO()
    call_command("sweep_texts", stdout=out)
    return out.getvalue()


def as_if_claimed(text: OutgoingText, ago: datetime.timedelta) -> None:
    OutgoingText.objects.filter(pk=text.pk).update(updated_at=text.updated_at - ago)


LONG_AGO = outbound.ABANDONED_AFTER + datetime.timedelta(minutes=1)


@pytest.mark.django_db
def test_a_text_being_sent_now_is_left_alone(claimed_by_a_worker_that_died):
    text = claimed_by_a_worker_that_died
    as_if_claimed(text, datetime.timedelta(minutes=1))  # a live worker may still be waiting
    assert sweep() == ""
    text.refresh_from_db()
    assert text.state == OutgoingText.State.SENDING


@pytest.mark.django_db
def test_a_text_handed_to_twilio_before_the_worker_died_is_failed_for_a_person(
    claimed_by_a_worker_that_died, twilio, pa
):
    text = claimed_by_a_worker_that_died
    as_if_claimed(text, LONG_AGO)
    assert "Handed 1 abandoned text" in sweep()
    assert "interrupted earlier" in run_due_tasks()

    assert twilio.requests == []  # it may have arrived: not sent again without a person deciding
    text.refresh_from_db()
    assert text.state == OutgoingText.State.FAILED and text.error == outbound.INTERRUPTED
    assert text.parts.get().provider_status == TextPart.Status.UNKNOWN
    message = Message.objects.get(pk=text.message_id)
    assert message.delivery_state == DeliveryState.FAILED  # "Text could not be sent"
    # The PA presses "Text it again": sent, once.
    outbound.retry_text(message=message, by=pa)
    run_due_tasks()
    assert [request["data"]["Body"] for request in twilio.requests] == [text.body]


@pytest.mark.django_db
def test_a_text_abandoned_before_anything_was_handed_over_is_sent_once(
    claimed_by_a_worker_that_died, twilio
):
    text = claimed_by_a_worker_that_died
    # The worker died after claiming the text, before handing its part to Twilio.
    text.parts.update(provider_status=TextPart.Status.UNSENT)
    as_if_claimed(text, LONG_AGO)
    assert "Handed 1" in sweep()
    assert sweep() == ""  # a second sweep (another machine's cron) finds nothing to do
    run_due_tasks()

    assert [request["data"]["Body"] for request in twilio.requests] == [text.body]
    text.refresh_from_db()
    assert text.state == OutgoingText.State.SENT
