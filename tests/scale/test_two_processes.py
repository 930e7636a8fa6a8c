"""Two uvicorn processes, one PostgreSQL, one Redis: the portal scaled out as docs/deploy.md
describes. What a young person and their PA notice when their sockets live in different
processes, when Twilio's retry reaches the other process, and when a process dies."""

from __future__ import annotations

import threading

import pytest
from asgiref.sync import sync_to_async

from chat import services
from chat.models import Channel, InboundText, Message
from tests.scale.clients import Person, Socket, arequest, request, signed_text

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("postgres_and_redis"),
]


def stored() -> list[tuple[int, str]]:
    return list(Message.objects.order_by("pk").values_list("pk", "body"))


async def test_a_young_person_on_one_process_and_their_pa_on_the_other_talk_live(
    portals, young_person, pa
):
    a, b = await portals(2)
    conversation = await sync_to_async(services.conversation_for)(young_person)
    you, adviser = await Person.signed_in(young_person.user), await Person.signed_in(pa)
    yours = await Socket.open(a.ws_url, you)
    theirs = await Socket.open(b.ws_url, adviser, receipts=True)

    await theirs.say(conversation.pk, "Your bursary goes in on Friday")
    [heard] = await yours.messages(1)
    [acknowledged] = await theirs.messages(1)
    assert heard == acknowledged  # one stored message, told to both processes' sockets
    assert heard["body"] == "Your bursary goes in on Friday"
    assert heard["sender"]["role"] == "pa"

    await yours.send({"type": "read", "conversation": conversation.pk, "up_to": heard["id"]})
    read = await theirs.until(lambda f: f["type"] == "receipt" and f["read_up_to"] == heard["id"])
    assert read["user"]["id"] == young_person.user_id  # the PA sees "Read"

    await yours.say(conversation.pk, "Thank you!")
    [reply] = await theirs.messages(1)
    assert reply["body"] == "Thank you!"

    # A page opened later, on either process, shows the same thread, oldest first.
    later = await Socket.open(b.ws_url, you)
    assert [m["id"] for m in await later.sync(conversation.pk, 0)] == [heard["id"], reply["id"]]
    assert await sync_to_async(stored)() == [
        (heard["id"], "Your bursary goes in on Friday"),
        (reply["id"], "Thank you!"),
    ]
    # Both processes are ready, sockets open and all (the check once hung with one open).
    for portal in (a, b):
        assert (await arequest(f"{portal.url}/readyz")).json()["status"] == "ok"


def post_at_once(calls: list[dict]) -> list:
    """Post each call from its own thread, released together: as Twilio retrying a text that
    timed out reaches another process while the first is still storing it."""
    start = threading.Barrier(len(calls))
    answers: list = [None] * len(calls)

    def post(n: int) -> None:
        start.wait()
        answers[n] = request(**calls[n])

    threads = [threading.Thread(target=post, args=(n,)) for n in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


async def test_a_text_posted_to_both_processes_at_once_lands_once(
    portals, twilio, young_person, pa
):
    a, b = await portals(2)
    adviser = await Person.signed_in(pa)
    theirs = await Socket.open(b.ws_url, adviser)
    bodies = [f"Can we meet on {day}?" for day in ("Monday", "Tuesday", "Wednesday")]

    for n, body in enumerate(bodies):
        fields = {"MessageSid": f"SM{n:032d}", "From": "+447400123456", "Body": body}
        answers = await sync_to_async(post_at_once, thread_sensitive=False)(
            [signed_text(a.url, **fields), signed_text(b.url, **fields)]
        )
        assert [answer.status for answer in answers] == [200, 200]
        assert answers[0].body == answers[1].body  # the same TwiML to both

    # The PA's inbox shows each text once, live, through the other process or its own. It
    # keeps one row per message id: the first text makes the conversation, which the PA's
    # socket then joins with a catch-up that can repeat a message it also hears live.
    inbox: dict[int, str] = {}
    while len(inbox) < len(bodies):
        message = (await theirs.frame("message"))["message"]
        inbox[message["id"]] = message["body"]
    assert [inbox[pk] for pk in sorted(inbox)] == bodies
    texts = await sync_to_async(list)(InboundText.objects.values_list("message_sid", flat=True))
    assert sorted(texts) == [f"SM{n:032d}" for n in range(3)]
    messages = await sync_to_async(list)(
        Message.objects.order_by("pk").values_list("body", "channel", "sender_id")
    )
    assert messages == [(body, Channel.SMS, young_person.user_id) for body in bodies]


async def test_a_process_that_dies_loses_no_message_and_its_sockets_catch_up_on_the_other(
    portals, young_person, pa
):
    a, b = await portals(2)
    conversation = await sync_to_async(services.conversation_for)(young_person)
    you, adviser = await Person.signed_in(young_person.user), await Person.signed_in(pa)
    yours = await Socket.open(a.ws_url, you)
    theirs = await Socket.open(b.ws_url, adviser)

    await theirs.say(conversation.pk, "Did the landlord call you back?")
    [seen] = await yours.messages(1)
    await theirs.messages(1)
    # Sent just as process A dies: the page may or may not get its acknowledgement.
    unsure = await yours.say(conversation.pk, "Not yet, I'll chase them")
    a.stop(kill=True)
    assert await yours.closed() == 1006  # the page says "Reconnecting..."

    written_meanwhile = ["I can ring them for you", "Let me know by Friday"]
    for body in written_meanwhile:
        await theirs.message(await theirs.say(conversation.pk, body))
    # The balancer sends the page to B. As the page's script does, it asks for everything
    # after the last message it saw, then sends what it still waits on with the same client_id.
    yours = await Socket.reopen(b.ws_url, you)
    missed = await yours.sync(conversation.pk, seen["id"])
    await yours.say(conversation.pk, "Not yet, I'll chase them", client_id=unsure)
    acknowledged = await yours.message(unsure)

    # What the page shows (one bubble per message id) is what is stored: every message once.
    page = {
        m["id"]: m["body"] for m in sorted([seen, *missed, acknowledged], key=lambda m: m["id"])
    }
    rows = await sync_to_async(stored)()
    assert list(page.items()) == rows
    assert sorted(page.values()) == sorted(
        ["Did the landlord call you back?", "Not yet, I'll chase them", *written_meanwhile]
    )
