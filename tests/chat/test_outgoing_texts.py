"""A PA's reply reaches a young person who is not on the website by text, through Twilio's own
client (only its HTTP transport is replaced), sent by the task worker's code, once."""

from __future__ import annotations

import datetime
import json

import pytest
from asgiref.sync import sync_to_async
from django.urls import reverse
from django.utils import timezone
from twilio.request_validator import RequestValidator

from chat import services
from chat.models import (
    Channel,
    DeliveryState,
    Message,
    Notification,
    OpenSocket,
    OutgoingText,
    TextPart,
)
from chat.texts.services import outbound
from portal.people.choices import ContactPreference
from portal.sms import parts
from tests import twilio_fake
from tests.chat.conftest import connect
from tests.tasks import let_time_pass, run_due_tasks, waiting_tasks
from tests.twilio_fake import ACCOUNT, FROM, MESSAGES_URL, TOKEN, FakeTwilio

BASE = "https://portal.example.gov.uk"
STATUS_URL = BASE + "/sms/status/"


@pytest.fixture
def twilio(settings):
    settings.SMS_BACKEND = "portal.sms.backends.twilio.TwilioBackend"
    settings.TWILIO_ACCOUNT_SID = ACCOUNT
    settings.TWILIO_AUTH_TOKEN = TOKEN
    settings.TWILIO_FROM_NUMBER = FROM
    settings.TWILIO_MESSAGING_SERVICE_SID = ""
    settings.TWILIO_HTTP_CLIENT = "tests.twilio_fake.current"
    settings.PUBLIC_BASE_URL = BASE
    settings.PORTAL = {**settings.PORTAL, "QUIET_HOURS": "", "TEXT_NUDGE_AFTER_MINUTES": 60}
    return twilio_fake.install(FakeTwilio())


def reply(pa, young_person, body="See you at 3 at the hub"):
    conversation = services.conversation_for(young_person)
    message, _ = services.post_message(
        conversation=conversation, sender=pa, body=body, channel=Channel.WEB
    )
    return message


def state_of(message: Message) -> str:
    message.refresh_from_db()
    return message.delivery_state


@pytest.mark.django_db
def test_a_reply_to_a_young_person_away_from_the_website_is_texted(twilio, pa, young_person):
    message = reply(pa, young_person)
    assert twilio.requests == []  # nothing is sent during the request: the worker sends it
    assert Notification.objects.get(message=message).state == Notification.State.PENDING

    run_due_tasks()

    assert twilio.requests == [
        {
            "method": "POST",
            "url": MESSAGES_URL,
            "data": {
                "To": "+447400123456",
                "From": FROM,
                "Body": f"{pa.first_name} (your PA): See you at 3 at the hub",
                "StatusCallback": STATUS_URL,
            },
            "auth": [ACCOUNT, TOKEN],
        }
    ]
    assert state_of(message) == DeliveryState.SENT
    notification = Notification.objects.get(message=message)
    assert notification.state == Notification.State.SENT
    assert notification.text.to_number == "+447400123456"


@pytest.mark.django_db
def test_a_young_person_on_the_website_is_not_texted(twilio, pa, young_person):
    OpenSocket.objects.create(user=young_person.user, channel_name="specific.abc")
    message = reply(pa, young_person)
    run_due_tasks()
    assert twilio.requests == []
    assert state_of(message) == DeliveryState.STORED


@pytest.mark.django_db
def test_the_young_persons_own_message_is_not_texted_back(twilio, young_person):
    conversation = services.conversation_for(young_person)
    services.post_message(
        conversation=conversation, sender=young_person.user, body="hi", channel=Channel.WEB
    )
    run_due_tasks()
    assert twilio.requests == []


@pytest.mark.django_db
def test_sending_again_or_from_a_second_worker_never_sends_twice(twilio, pa, young_person):
    message = reply(pa, young_person)
    run_due_tasks()
    text = OutgoingText.objects.get(message=message)
    # A repeated task, a second worker, a stale retry: each finds it sent already.
    outbound.send_text.enqueue(text.pk)
    outbound.send_text.enqueue(text.pk)
    run_due_tasks()
    assert outbound.send_text.call(text.pk) == "not due, or taken already"
    assert len(twilio.requests) == 1


@pytest.mark.django_db
def test_stop_means_no_text_and_the_pa_is_told_why(twilio, client, pa, young_person):
    young_person.texts_stopped_at = timezone.now()
    young_person.save()
    message = reply(pa, young_person)
    run_due_tasks()
    assert twilio.requests == []
    notification = Notification.objects.get(message=message)
    assert notification.state == Notification.State.NOT_TEXTED
    assert "STOP" in notification.note
    assert state_of(message) == DeliveryState.STORED


@pytest.mark.django_db
def test_stop_after_the_text_was_queued_still_stops_it(twilio, pa, young_person):
    message = reply(pa, young_person)
    assert run_due_tasks(at_most=1) == ["reply queued"]  # decided; not sent yet
    young_person.texts_stopped_at = timezone.now()
    young_person.save()
    run_due_tasks()
    assert twilio.requests == []
    assert OutgoingText.objects.get(message=message).state == OutgoingText.State.NOT_SENT
    assert state_of(message) == DeliveryState.STORED


@pytest.mark.django_db
def test_no_verified_number_means_no_text(twilio, pa, young_person):
    young_person.mobile_verified = False
    young_person.save()
    message = reply(pa, young_person)
    run_due_tasks()
    assert twilio.requests == []
    assert "no verified mobile" in Notification.objects.get(message=message).note


@pytest.mark.django_db
def test_a_busy_twilio_is_tried_again_with_back_off_and_the_text_goes_once(
    twilio, pa, young_person
):
    twilio.answers = [twilio_fake.BUSY, twilio_fake.TOO_MANY, twilio_fake.CANNOT_CONNECT]
    message = reply(pa, young_person)

    run_due_tasks()
    [retry] = waiting_tasks("send_text")
    wait = retry.run_after - timezone.now()
    assert datetime.timedelta(seconds=25) < wait <= datetime.timedelta(seconds=30)
    assert state_of(message) == DeliveryState.QUEUED

    let_time_pass(datetime.timedelta(seconds=30))
    run_due_tasks()
    [retry] = waiting_tasks("send_text")
    assert retry.run_after - timezone.now() > datetime.timedelta(seconds=110)  # then 2 minutes

    let_time_pass(datetime.timedelta(minutes=2))
    run_due_tasks()  # could not connect: tried again after 8 minutes
    let_time_pass(datetime.timedelta(minutes=8))
    run_due_tasks()

    assert len(twilio.requests) == 4
    assert {r["data"]["Body"] for r in twilio.requests} == {
        f"{pa.first_name} (your PA): See you at 3 at the hub"
    }
    assert waiting_tasks("send_text") == []
    assert state_of(message) == DeliveryState.SENT
    assert OutgoingText.objects.get(message=message).attempts == 4


@pytest.mark.django_db
def test_it_gives_up_after_six_tries_and_the_pa_can_send_it_again(twilio, pa, young_person):
    twilio.answers = [twilio_fake.BUSY] * outbound.MAX_ATTEMPTS
    message = reply(pa, young_person)
    run_due_tasks()
    for _ in range(outbound.MAX_ATTEMPTS):
        let_time_pass(datetime.timedelta(hours=1))
        run_due_tasks()
    assert len(twilio.requests) == outbound.MAX_ATTEMPTS
    assert state_of(message) == DeliveryState.FAILED
    assert waiting_tasks("send_text") == []


@pytest.mark.django_db
def test_no_answer_from_twilio_is_not_sent_again_blindly(twilio, client, pa, young_person):
    twilio.answers = [twilio_fake.NO_ANSWER]
    message = reply(pa, young_person)
    run_due_tasks()
    assert len(twilio.requests) == 1
    assert waiting_tasks("send_text") == []
    text = OutgoingText.objects.get(message=message)
    assert text.state == OutgoingText.State.FAILED
    assert text.parts.get().provider_status == TextPart.Status.UNKNOWN
    client.force_login(pa)
    page = client.get(reverse("chat:conversation", args=[message.conversation_id]))
    assert "Text could not be sent" in page.text
    assert "may or may not have arrived" in page.text
    assert "Text it again" in page.text


@pytest.mark.django_db
def test_a_worker_stopped_mid_send_leaves_it_for_a_person_not_a_second_text(
    twilio, pa, young_person
):
    message = reply(pa, young_person)
    run_due_tasks(at_most=1)  # decided and queued
    text = OutgoingText.objects.get(message=message)
    # As if a worker had handed part 1 to Twilio and died before the answer came back.
    text.parts.update(provider_status=TextPart.Status.SENDING)
    run_due_tasks()
    assert twilio.requests == []
    assert state_of(message) == DeliveryState.FAILED


@pytest.mark.django_db
def test_a_number_twilio_calls_invalid_fails_at_once(twilio, pa, young_person):
    twilio.answers = [twilio_fake.INVALID_NUMBER]
    message = reply(pa, young_person)
    run_due_tasks()
    assert len(twilio.requests) == 1 and waiting_tasks("send_text") == []
    text = OutgoingText.objects.get(message=message)
    assert text.state == OutgoingText.State.FAILED
    assert "not a valid phone number" in text.error
    assert text.parts.get().error_code == "21211"


@pytest.mark.django_db
def test_a_number_that_opted_out_with_the_carrier_counts_as_stop(twilio, pa, young_person):
    twilio.answers = [twilio_fake.UNSUBSCRIBED]
    reply(pa, young_person)
    run_due_tasks()
    young_person.refresh_from_db()
    assert young_person.texts_stopped_at is not None
    reply(pa, young_person, "Another")
    run_due_tasks()
    assert len(twilio.requests) == 1


@pytest.mark.django_db
def test_a_long_reply_goes_as_numbered_texts_of_ten_segments_at_most(twilio, pa, young_person):
    words = ("Your bursary form needs one more signature before Friday. " * 40)[:1900]
    message = reply(pa, young_person, words)
    run_due_tasks()
    bodies = [r["data"]["Body"] for r in twilio.requests]
    assert [b[:6] for b in bodies] == ["(1/2) ", "(2/2) "]
    assert all(parts.shape(b).segments <= 10 for b in bodies)
    rejoined = " ".join(b[6:] for b in bodies)
    assert rejoined == f"{pa.first_name} (your PA): {words}".strip()
    assert state_of(message) == DeliveryState.SENT


@pytest.mark.django_db
def test_a_reply_with_emoji_is_split_at_the_smaller_ucs2_size(twilio, pa, young_person):
    message = reply(pa, young_person, "Well done on the exam 🎉 " * 60)
    run_due_tasks()
    bodies = [r["data"]["Body"] for r in twilio.requests]
    assert len(bodies) >= 3
    assert all(parts.shape(b).encoding == "UCS-2" for b in bodies)
    assert all(parts.shape(b).segments <= 10 for b in bodies)
    assert state_of(message) == DeliveryState.SENT


# --- Nudges for those who prefer the website ---------------------------------------------


@pytest.fixture
def prefers_website(young_person):
    young_person.contact_preference = ContactPreference.PORTAL
    young_person.save()
    return young_person


@pytest.mark.django_db
def test_prefers_the_website_gets_one_nudge_an_hour_later_if_still_unread(
    twilio, pa, prefers_website
):
    reply(pa, prefers_website, "First")
    reply(pa, prefers_website, "Second")
    run_due_tasks()
    assert twilio.requests == []
    nudges = waiting_tasks("nudge")
    assert len(nudges) == 2
    assert all(
        datetime.timedelta(minutes=59) < n.run_after - timezone.now() <= datetime.timedelta(hours=1)
        for n in nudges
    )
    let_time_pass(datetime.timedelta(hours=1))
    run_due_tasks()
    [nudge] = twilio.requests
    assert nudge["data"]["Body"] == (
        f"{pa.first_name} (your PA) has sent you a message on the care leaver portal: "
        f"{BASE}/messages/ You can also reply to this text. Text STOP to stop texts."
    )
    assert set(Notification.objects.values_list("state", flat=True)) == {"sent"}


@pytest.mark.django_db
def test_no_nudge_when_they_read_it_on_the_website_first(twilio, client, pa, prefers_website):
    reply(pa, prefers_website)
    run_due_tasks()
    client.force_login(prefers_website.user)
    client.get(reverse("chat:my_messages"))
    let_time_pass(datetime.timedelta(hours=1))
    run_due_tasks()
    assert twilio.requests == []
    assert Notification.objects.get().state == Notification.State.READ_ON_WEBSITE


@pytest.mark.django_db
def test_a_nudge_due_in_quiet_hours_waits_for_the_morning(twilio, settings, pa, prefers_website):
    now = timezone.localtime()
    start, end = now - datetime.timedelta(minutes=30), now + datetime.timedelta(hours=3)
    settings.PORTAL = {**settings.PORTAL, "QUIET_HOURS": f"{start:%H:%M}-{end:%H:%M}"}
    reply(pa, prefers_website)
    run_due_tasks()
    [nudge] = waiting_tasks("nudge")
    assert timezone.localtime(nudge.run_after).strftime("%H:%M") == f"{end:%H:%M}"


@pytest.mark.django_db
def test_a_reply_is_not_held_by_quiet_hours(twilio, settings, pa, young_person):
    settings.PORTAL = {**settings.PORTAL, "QUIET_HOURS": "00:00-23:59"}
    reply(pa, young_person)
    run_due_tasks()
    assert len(twilio.requests) == 1


# --- Twilio's status callback -------------------------------------------------------------


def report(client, sid: str, status: str, *, signature: str | None = None, **extra):
    params = {"MessageSid": sid, "MessageStatus": status, "AccountSid": ACCOUNT, **extra}
    signed = signature or RequestValidator(TOKEN).compute_signature(STATUS_URL, params)
    return client.post("/sms/status/", params, headers={"X-Twilio-Signature": signed})


def texted(pa, young_person, body="See you at 3 at the hub") -> tuple[Message, str]:
    message = reply(pa, young_person, body)
    run_due_tasks()
    sid = OutgoingText.objects.get(message=message).parts.get().provider_sid
    return message, sid


@pytest.mark.django_db
def test_status_callbacks_move_the_message_to_delivered(twilio, client, pa, young_person):
    message, sid = texted(pa, young_person)
    for status in ("sent", "delivered"):
        assert report(client, sid, status).status_code == 204
    assert state_of(message) == DeliveryState.DELIVERED


@pytest.mark.django_db
def test_undelivered_shows_in_the_pas_thread_with_a_way_to_text_it_again(
    twilio, client, pa, young_person
):
    message, sid = texted(pa, young_person)
    report(client, sid, "undelivered", ErrorCode="30003")
    assert state_of(message) == DeliveryState.UNDELIVERED
    part = OutgoingText.objects.get(message=message).parts.get()
    assert part.error_code == "30003"

    client.force_login(pa)
    url = reverse("chat:conversation", args=[message.conversation_id])
    page = client.get(url)
    assert "Text not delivered" in page.text
    assert "it may be off or out of signal" in page.text
    again = reverse("chat:text_again", args=[message.conversation_id, message.pk])
    assert f'action="{again}"' in page.text

    answer = client.post(again, follow=True)
    assert "The text will be sent again" in answer.text
    run_due_tasks()
    assert len(twilio.requests) == 2
    assert twilio.requests[1]["data"]["Body"] == twilio.requests[0]["data"]["Body"]
    assert state_of(message) == DeliveryState.SENT
    second = OutgoingText.objects.filter(message=message).last()
    assert second.retry_of.parts.get().provider_sid == sid
    assert second.requested_by == pa


@pytest.mark.django_db
def test_only_the_conversations_staff_can_text_it_again(
    twilio, client, pa, other_pa, young_person, manager
):
    message, sid = texted(pa, young_person)
    report(client, sid, "failed")
    again = reverse("chat:text_again", args=[message.conversation_id, message.pk])
    client.force_login(other_pa)
    assert client.post(again).status_code == 404
    client.force_login(young_person.user)
    assert client.post(again).status_code == 403
    client.force_login(manager)  # can read their team's conversations, not write in them
    answer = client.post(again, follow=True)
    assert "Only the young person" in answer.text
    client.force_login(pa)
    assert client.get(again).status_code == 405
    run_due_tasks()
    assert len(twilio.requests) == 1


@pytest.mark.django_db
def test_a_text_that_did_not_fail_cannot_be_sent_again(twilio, client, pa, young_person):
    message, _ = texted(pa, young_person)
    client.force_login(pa)
    again = reverse("chat:text_again", args=[message.conversation_id, message.pk])
    answer = client.post(again, follow=True)
    assert "no failed text to send again" in answer.text
    run_due_tasks()
    assert len(twilio.requests) == 1


@pytest.mark.django_db
def test_statuses_arriving_out_of_order_never_go_backwards(twilio, client, pa, young_person):
    message, sid = texted(pa, young_person)
    report(client, sid, "delivered")
    report(client, sid, "sent")
    report(client, sid, "queued")
    assert state_of(message) == DeliveryState.DELIVERED


@pytest.mark.django_db
def test_a_status_that_beats_the_sid_to_the_database_is_still_applied(
    twilio, client, pa, young_person
):
    message = reply(pa, young_person)
    run_due_tasks(at_most=1)
    text = OutgoingText.objects.get(message=message)
    original = twilio.request

    def answered_after_a_fast_callback(*args, **kwargs):
        response = original(*args, **kwargs)
        sid = json.loads(response.text)["sid"]
        assert report(client, sid, "failed", ErrorCode="30006").status_code == 204
        return response

    twilio.request = answered_after_a_fast_callback
    run_due_tasks()
    text.refresh_from_db()
    assert text.state == OutgoingText.State.FAILED
    assert state_of(message) == DeliveryState.FAILED


@pytest.mark.django_db
@pytest.mark.parametrize(
    "signature",
    [None, "", "bm90IGEgc2lnbmF0dXJl", "signed-for-another-url"],
    ids=["missing", "empty", "wrong", "wrong-url"],
)
def test_a_status_callback_without_a_good_signature_is_refused(
    twilio, client, pa, young_person, signature
):
    message, sid = texted(pa, young_person)
    params = {"MessageSid": sid, "MessageStatus": "undelivered"}
    headers = {}
    if signature == "signed-for-another-url":
        signature = RequestValidator(TOKEN).compute_signature(BASE + "/sms/inbound/", params)
    if signature is not None:
        headers["X-Twilio-Signature"] = signature
    answer = client.post("/sms/status/", params, headers=headers)
    assert answer.status_code == 403
    assert state_of(message) == DeliveryState.SENT


@pytest.mark.django_db
def test_a_status_callback_missing_its_fields_is_a_400_and_an_unknown_sid_is_fine(twilio, client):
    assert report(client, "", "delivered").status_code == 400
    assert report(client, "SM" + "9" * 32, "").status_code == 400
    # A text we did not send from a conversation (a sign-in code): accepted, changes nothing.
    assert report(client, "SM" + "9" * 32, "delivered").status_code == 204
    assert report(client, "SM" + "9" * 32, "read").status_code == 204


@pytest.mark.django_db(transaction=True)
async def test_the_pa_sees_an_undelivered_text_live_and_the_young_person_does_not(
    layer, twilio, client, pa, young_person
):
    message, sid = await sync_to_async(texted)(pa, young_person)
    pa_socket = await connect(pa, path="/ws/chat/?receipts=1")
    young_socket = await connect(young_person.user, path="/ws/chat/?receipts=1")
    assert (await pa_socket.connect())[0] and (await young_socket.connect())[0]

    await sync_to_async(report)(client, sid, "undelivered", ErrorCode="30003")

    frame = await pa_socket.receive_json_from(timeout=5)
    assert frame == {
        "type": "text_status",
        "conversation": message.conversation_id,
        "message": message.pk,
        "state": "undelivered",
        "label": "Text not delivered",
        "detail": "Their phone could not be reached: it may be off or out of signal.",
    }
    assert await young_socket.receive_nothing(timeout=0.3)
    await pa_socket.disconnect()
    await young_socket.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_a_reconnecting_page_asks_for_the_text_states_it_missed(
    layer, twilio, client, pa, young_person
):
    first, sid = await sync_to_async(texted)(pa, young_person, "First")
    second, _ = await sync_to_async(texted)(pa, young_person, "Second")
    await sync_to_async(report)(client, sid, "failed", ErrorCode="30005")
    pa_socket = await connect(pa, path="/ws/chat/?receipts=1")
    assert (await pa_socket.connect())[0]
    await pa_socket.send_json_to({"type": "text_states", "conversation": first.conversation_id})
    frames = [await pa_socket.receive_json_from(timeout=5) for _ in range(2)]
    assert [(f["message"], f["state"], f["detail"]) for f in frames] == [
        (first.pk, "failed", "The number is not in use any more, or does not exist."),
        (second.pk, "sent", ""),
    ]
    young_socket = await connect(young_person.user)
    assert (await young_socket.connect())[0]
    await young_socket.send_json_to({"type": "text_states", "conversation": first.conversation_id})
    assert (await young_socket.receive_json_from(timeout=5))["code"] == "not_allowed"
    await pa_socket.disconnect()
    await young_socket.disconnect()
