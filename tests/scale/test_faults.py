"""What people notice when a part of production fails, with every part real: uvicorn
processes, the text worker, PostgreSQL and a Redis of the test's own that is restarted. Only
Twilio's HTTP transport is stood in for (tests/scale/twilio_script.py)."""

from __future__ import annotations

import datetime
import io
import uuid

import pytest
from asgiref.sync import sync_to_async
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from chat import services
from chat.models import Conversation, DeliveryState, InboundText, Message, OutgoingText
from chat.texts.services import outbound
from tests import twilio_fake
from tests.scale import processes
from tests.scale.clients import (
    Person,
    Socket,
    arequest,
    eventually,
    request,
    signed_text,
    status_callback,
)
from tests.scale.twilio_script import HANG
from tests.tasks import waiting_tasks

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("postgres_and_redis"),
]


def bodies() -> list[str]:
    return list(Message.objects.order_by("pk").values_list("body", flat=True))


def form(body: str) -> dict[str, str]:
    """The message form as a page without JavaScript sends it (a fresh client_id per page)."""
    return {"body": body, "client_id": uuid.uuid4().hex}


async def test_a_redis_restart_loses_no_message(
    redis_server, twilio, portals, text_worker, young_person, pa
):
    a, b = await portals(2)
    text_worker()
    conversation = await sync_to_async(services.conversation_for)(young_person)
    you, adviser = await Person.signed_in(young_person.user), await Person.signed_in(pa)
    yours = await Socket.open(a.ws_url, you)
    theirs = await Socket.open(b.ws_url, adviser)
    first = await yours.message(await theirs.say(conversation.pk, "How did the interview go?"))
    await theirs.message(first["client_id"])

    redis_server.stop()
    # Both pages lose their live connection ("Reconnecting..."): told to try again later.
    assert await yours.closed() == await theirs.closed() == 1013
    ready = await arequest(f"{a.url}/readyz")
    assert ready.status == 503
    assert sorted(ready.json()["failing"]) == ["cache", "channel_layer"]
    # Pages still work, rendered from the database without the cache.
    for path in ("/", "/what-can-i-get/", "/get-help-now/", "/accounts/login/"):
        assert (await arequest(f"{b.url}{path}")).status == 200, path
    thread = await arequest(f"{a.url}/messages/", cookies=you.cookies)
    assert thread.status == 200 and "How did the interview go?" in thread.body
    # Messages written meanwhile (JavaScript off, or the page's form) are stored.
    assert (await you.post_form(f"{a.url}/messages/", form("It went well!"))).status == 302
    staff_page = f"{b.url}/staff/messages/{conversation.pk}/"
    assert (await adviser.post_form(staff_page, form("Brilliant, well done"))).status == 302
    # The young person's page was not live, so the PA's reply reached them by text.
    await eventually(lambda: len(twilio.requests()) == 1, "the reply being texted")
    assert twilio.requests()[0]["data"]["Body"].endswith(": Brilliant, well done")

    redis_server.start()
    for portal in (a, b):
        await eventually(
            lambda portal=portal: _ready(portal.url), f"{portal.url}/readyz answering 200"
        )
    # Each page reconnects and asks for what came after the last message it saw.
    yours = await Socket.reopen(a.ws_url, you)
    theirs = await Socket.reopen(b.ws_url, adviser)
    meanwhile = ["It went well!", "Brilliant, well done"]
    assert [m["body"] for m in await yours.sync(conversation.pk, first["id"])] == meanwhile
    assert [m["body"] for m in await theirs.sync(conversation.pk, first["id"])] == meanwhile
    # And they are live again, across the two processes.
    heard = await theirs.message(await yours.say(conversation.pk, "Thanks!"))
    assert heard["body"] == "Thanks!"
    assert await sync_to_async(bodies)() == ["How did the interview go?", *meanwhile, "Thanks!"]
    assert len(twilio.requests()) == 1


def _ready(url: str) -> bool:
    return request(f"{url}/readyz").status == 200


async def test_without_postgres_people_are_told_and_nothing_is_half_stored(
    postgres_outage, twilio, portals, young_person, pa
):
    [portal] = await portals(1)
    conversation = await sync_to_async(services.conversation_for)(young_person)
    you = await Person.signed_in(young_person.user)
    yours = await Socket.open(portal.ws_url, you)
    before = await yours.message(await yours.say(conversation.pk, "Hello"))

    # Hold the conversation's row, so the next message's transaction stops half-way: its
    # message row written, the conversation not yet updated. Then PostgreSQL goes away.
    table = Conversation._meta.db_table
    holder = await sync_to_async(postgres_outage.hold_row)(table, conversation.pk)
    try:
        unsure = await yours.say(conversation.pk, "Can you ring me today?")
        await eventually(postgres_outage.portal_waits_on_a_lock, "the message waiting on the row")
        postgres_outage.begin()
    finally:
        holder.close()
    refused = await yours.frame("error")
    assert refused["code"] == "unavailable" and refused["retry_after"] > 0

    # People get a page saying so, in plain words, and machines a JSON error; never a 500.
    page = await arequest(f"{portal.url}/", cookies=you.cookies)
    assert page.status == 503 and int(page.headers["retry-after"]) > 0
    assert "not working just now" in page.body and "Traceback" not in page.body
    api = await arequest(f"{portal.url}/api/conversations", cookies=you.cookies)
    assert api.status == 503 and api.json()["error"] == "unavailable"
    text = {"MessageSid": "SM" + "1" * 32, "From": "+447400123456", "Body": "Are you there?"}
    webhook = await arequest(**signed_text(portal.url, **text))
    assert webhook.status == 503 and webhook.json()["error"] == "unavailable"  # Twilio: try later
    ready = await arequest(f"{portal.url}/readyz")
    assert ready.status == 503 and ready.json()["failing"] == ["database"]
    assert (await arequest(f"{portal.url}/healthz")).status == 200
    # The socket stays open: sending again while the database is away is refused again.
    await yours.say(conversation.pk, "Can you ring me today?", client_id=unsure)
    assert (await yours.frame("error"))["code"] == "unavailable"

    postgres_outage.end()
    # Nothing of the cut transaction was kept.
    assert await sync_to_async(bodies)() == ["Hello"]
    last = await sync_to_async(lambda: Conversation.objects.get(pk=conversation.pk))()
    assert last.last_message_at.isoformat() == before["created_at"]
    # The page sends it again (same client_id) and Twilio retries the text: each stored once.
    await yours.say(conversation.pk, "Can you ring me today?", client_id=unsure)
    assert (await yours.message(unsure))["body"] == "Can you ring me today?"
    retried = await arequest(**signed_text(portal.url, **text))
    assert retried.status == 200 and "<Response" in retried.body
    assert (await arequest(f"{portal.url}/", cookies=you.cookies)).status == 200
    assert await sync_to_async(bodies)() == ["Hello", "Can you ring me today?", "Are you there?"]
    assert await sync_to_async(InboundText.objects.count)() == 1


async def test_twilio_errors_are_retried_and_the_young_person_gets_one_text(
    twilio, portals, text_worker, young_person, pa
):
    a, b = await portals(2)
    twilio.answer(500, twilio_fake.TOO_MANY)  # busy, then too many requests, then it takes it
    text_worker()
    conversation = await sync_to_async(services.conversation_for)(young_person)
    adviser = await Person.signed_in(pa)
    theirs = await Socket.open(b.ws_url, adviser, receipts=True)
    message = await theirs.message(await theirs.say(conversation.pk, "Your appointment is at 3pm"))

    for tries in (1, 2):
        await eventually(lambda tries=tries: len(twilio.requests()) == tries, f"try {tries}")
        await eventually(lambda: waiting_tasks("send_text"), "a retry being planned")
        # Twilio's retries wait 30 s, then 2 min (`outbound.backoff`): let that time pass.
        await sync_to_async(_let_the_retry_come_due)()
    texted = await theirs.until(lambda f: f["type"] == "text_status" and f["state"] == "sent")
    assert texted["message"] == message["id"] and texted["label"] == "Texted"

    # Twilio reports it delivered, to the other process: the PA sees it live.
    [*_, accepted] = twilio.requests()
    status = await arequest(**status_callback(a.url, accepted["sid"], "delivered"))
    assert status.status == 204
    delivered = await theirs.until(
        lambda f: f["type"] == "text_status" and f["state"] == "delivered"
    )
    assert delivered["label"] == "Text delivered"

    # Three requests to Twilio for this one message, the same each time; one text taken.
    sent = twilio.requests()
    assert len(sent) == 3
    assert all(request["data"] == sent[0]["data"] for request in sent)
    assert sent[0]["data"]["Body"].endswith(": Your appointment is at 3pm")
    assert [request["sid"] is not None for request in sent] == [False, False, True]
    # A page opened later shows the same state.
    reloaded = await Socket.open(a.ws_url, adviser, receipts=True)
    await reloaded.send({"type": "text_states", "conversation": conversation.pk})
    assert (await reloaded.frame("text_status"))["state"] == DeliveryState.DELIVERED


async def test_a_text_whose_worker_died_mid_send_is_left_for_the_pa_to_send_again(
    twilio, portals, text_worker, young_person, pa
):
    [portal] = await portals(1)
    twilio.answer(HANG)  # Twilio takes the request and never answers
    worker = text_worker()
    conversation = await sync_to_async(services.conversation_for)(young_person)
    adviser = await Person.signed_in(pa)
    theirs = await Socket.open(portal.ws_url, adviser, receipts=True)
    message = await theirs.message(await theirs.say(conversation.pk, "Are you free on Tuesday?"))
    await eventually(lambda: len(twilio.requests()) == 1, "the text being handed to Twilio")
    processes.stop(worker, kill=True)  # the worker dies waiting for Twilio's answer

    def text() -> OutgoingText:
        return OutgoingText.objects.get(message_id=message["id"])

    assert (await sync_to_async(text)()).state == OutgoingText.State.SENDING
    # A sweep leaves a text that a live worker could still be sending...
    assert await sync_to_async(_sweep)() == ""
    assert (await sync_to_async(text)()).state == OutgoingText.State.SENDING
    # ...and hands back one abandoned for longer than any send takes.
    await sync_to_async(_as_if_claimed_long_ago)(message["id"])
    assert "Handed 1 abandoned text" in await sync_to_async(_sweep)()
    text_worker()  # restarted, as its supervisor does

    failed = await theirs.until(lambda f: f["type"] == "text_status" and f["state"] == "failed")
    assert failed["message"] == message["id"] and failed["detail"] == outbound.INTERRUPTED
    assert len(twilio.requests()) == 1  # Twilio may have had it: never sent again blindly

    # The PA decides to send it again ("Text it again"): one more request, the same text.
    again = f"{portal.url}/staff/messages/{conversation.pk}/text-again/{message['id']}/"
    assert (await adviser.post_form(again, {})).status == 302
    await theirs.until(lambda f: f["type"] == "text_status" and f["state"] == "sent")
    first, second = twilio.requests()
    assert second["data"] == first["data"] and second["sid"] is not None


def _let_the_retry_come_due() -> None:
    """As if the back-off had passed: the text's time first, then its task's (the running
    worker takes a task the moment it is due, and would find the text not due yet)."""
    now = timezone.now()
    OutgoingText.objects.filter(state=OutgoingText.State.QUEUED).update(send_after=now)
    [retry] = waiting_tasks("send_text")
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=now)


def _sweep() -> str:
    """`manage.py sweep_texts`, as cron runs it; returns what it printed."""
    out = io.StringIO()
    call_command("sweep_texts", stdout=out)
    return out.getvalue()


def _as_if_claimed_long_ago(message_id: int) -> None:
    OutgoingText.objects.filter(message_id=message_id).update(
        updated_at=F("updated_at") - outbound.ABANDONED_AFTER - datetime.timedelta(minutes=1)
    )
