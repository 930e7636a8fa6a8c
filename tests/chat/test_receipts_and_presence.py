"""What the portal's own page gets beyond the contract: delivered and read receipts, pings that
keep a person counted as on the website, and the notification record left for a young person
who was not there when their PA replied."""

from __future__ import annotations

import datetime

import pytest
from asgiref.sync import sync_to_async
from django.utils import timezone

from chat import services
from chat.models import Channel, Notification, OpenSocket, ReadPosition
from chat.presence import selectors as presence_selectors
from chat.presence import services as presence
from portal.people.roles import Role
from portal.people.services import allocate_adviser
from tests import factories
from tests.chat.conftest import connect

pytestmark = pytest.mark.django_db(transaction=True)

LIVE_PAGE = "/ws/chat/?receipts=1"


def send_frame(conversation, body: str, client_id: str) -> dict:
    return {"type": "send", "conversation": conversation.pk, "body": body, "client_id": client_id}


async def test_a_contract_socket_counts_as_delivered_and_the_page_hears_of_it(
    layer, conversation, young_person, pa
):
    page = await connect(young_person.user, path=LIVE_PAGE)
    plain = await connect(pa)
    assert (await page.connect())[0] and (await plain.connect())[0]
    await page.send_json_to(send_frame(conversation, "hello", "a"))
    ack = await page.receive_json_from(timeout=5)
    assert (await plain.receive_json_from(timeout=5))["message"]["id"] == ack["message"]["id"]

    receipt = await page.receive_json_from(timeout=5)
    assert receipt == {
        "type": "receipt",
        "conversation": conversation.pk,
        "user": {"id": pa.pk, "name": pa.display_name, "role": "pa"},
        "delivered_up_to": ack["message"]["id"],
        "read_up_to": None,
    }
    await plain.send_json_to(
        {"type": "read", "conversation": conversation.pk, "up_to": ack["message"]["id"]}
    )
    read = await page.receive_json_from(timeout=5)
    assert read["read_up_to"] == ack["message"]["id"]
    # A socket that keeps to the contract never sees a receipt.
    assert await plain.receive_nothing(timeout=0.3)
    await page.disconnect()
    await plain.disconnect()


async def test_the_page_says_itself_what_reached_it(layer, conversation, young_person, pa):
    page = await connect(young_person.user, path=LIVE_PAGE)
    await page.connect()
    message, _ = await sync_to_async(services.post_message)(
        conversation=conversation, sender=pa, body="are you free?", channel=Channel.WEB
    )
    assert (await page.receive_json_from(timeout=5))["message"]["id"] == message.pk
    position = await sync_to_async(ReadPosition.objects.filter(user=young_person.user).first)()
    assert position is None  # not until the page says so: the socket may be dead
    await page.send_json_to(
        {"type": "delivered", "conversation": conversation.pk, "up_to": message.pk}
    )
    await page.send_json_to({"type": "ping"})
    assert await page.receive_json_from(timeout=5) == {"type": "pong"}
    position = await sync_to_async(ReadPosition.objects.get)(user=young_person.user)
    assert (position.last_delivered_id, position.last_read_id) == (message.pk, None)
    await page.disconnect()


async def test_an_open_socket_counts_as_on_the_website_until_it_closes(
    layer, conversation, young_person
):
    socket = await connect(young_person.user)
    await socket.connect()
    assert await sync_to_async(presence_selectors.is_on_website)(young_person.user.pk)
    await socket.disconnect()
    assert not await sync_to_async(presence_selectors.is_on_website)(young_person.user.pk)
    assert await sync_to_async(OpenSocket.objects.count)() == 0


async def test_staff_without_an_authenticator_app_cannot_open_a_socket(layer, team, db):
    newcomer = await sync_to_async(factories.staff)(Role.PA, team=team, totp=False)
    socket = await connect(newcomer)
    connected, code = await socket.connect()
    assert not connected and code == 4403


def pa_replies(conversation, pa, text="I can do Tuesday"):
    return services.post_message(
        conversation=conversation, sender=pa, body=text, channel=Channel.WEB
    )[0]


def test_a_reply_to_someone_not_on_the_website_is_recorded_for_telling_them(
    conversation, young_person, pa
):
    message = pa_replies(conversation, pa)
    notice = Notification.objects.get()
    assert (notice.recipient, notice.message, notice.state) == (
        young_person.user,
        message,
        Notification.State.PENDING,
    )


def test_nobody_needs_telling_when_they_are_on_the_website(conversation, young_person, pa):
    presence.socket_opened(young_person.user, "specific.channel!1")
    pa_replies(conversation, pa)
    assert not Notification.objects.exists()


def test_a_socket_not_seen_for_minutes_no_longer_counts(conversation, young_person, pa):
    presence.socket_opened(young_person.user, "worker-that-died!1")
    OpenSocket.objects.update(seen_at=timezone.now() - datetime.timedelta(minutes=10))
    pa_replies(conversation, pa)
    assert Notification.objects.count() == 1


def test_the_young_persons_own_messages_and_the_bots_need_no_notice(conversation, young_person):
    services.post_message(
        conversation=conversation, sender=young_person.user, body="hi", channel=Channel.WEB
    )
    services.post_message(conversation=conversation, sender=None, body="Hi!", channel=Channel.BOT)
    assert not Notification.objects.exists()


def test_reading_on_the_website_settles_the_notice(conversation, young_person, pa):
    first = pa_replies(conversation, pa, "one")
    pa_replies(conversation, pa, "two")
    services.mark_read(conversation=conversation, user=young_person.user, up_to=first.pk)
    states = list(Notification.objects.values_list("message__body", "state"))
    assert states == [("one", "read"), ("two", "pending")]
    services.post_message(
        conversation=conversation, sender=young_person.user, body="ok", channel=Channel.WEB
    )
    assert set(Notification.objects.values_list("state", flat=True)) == {"read"}


def test_delivered_never_moves_backwards_and_read_implies_delivered(conversation, young_person, pa):
    first, second = pa_replies(conversation, pa, "one"), pa_replies(conversation, pa, "two")
    user = young_person.user
    services.mark_delivered(conversation=conversation, user=user, up_to=second.pk)
    services.mark_delivered(conversation=conversation, user=user, up_to=first.pk)
    services.mark_read(conversation=conversation, user=user, up_to=first.pk)
    position = ReadPosition.objects.get(user=user)
    assert (position.last_delivered_id, position.last_read_id) == (second.pk, first.pk)


def test_someone_outside_the_conversation_cannot_mark_it(conversation, other_pa):
    with pytest.raises(services.NotAMember):
        services.mark_delivered(conversation=conversation, user=other_pa, up_to=1)


async def test_a_pa_who_hands_over_stops_hearing_and_the_new_pa_starts(
    layer, conversation, young_person, pa, manager, team
):
    new_pa = await sync_to_async(factories.staff)(Role.PA, team=team, username="new_pa")
    old_socket, new_socket = await connect(pa), await connect(new_pa)
    assert (await old_socket.connect())[0] and (await new_socket.connect())[0]
    await sync_to_async(allocate_adviser)(manager=manager, profile=young_person, adviser=new_pa)
    await old_socket.receive_nothing(timeout=0.3)  # let both sockets take the rejoin in

    await sync_to_async(services.post_message)(
        conversation=conversation, sender=young_person.user, body="hi", channel=Channel.WEB
    )
    assert (await new_socket.receive_json_from(timeout=5))["message"]["body"] == "hi"
    assert await old_socket.receive_nothing(timeout=0.3)
    await old_socket.disconnect()
    await new_socket.disconnect()
