"""post_message: the one way a message is stored, whoever sends it and however it comes."""

from __future__ import annotations

import pytest
from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from chat import selectors, services
from chat.models import Channel, Message
from portal.people.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def conversation(young_person):
    return services.conversation_for(young_person)


def test_a_member_posts_and_it_is_announced_after_commit(
    conversation, young_person, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        message, created = services.post_message(
            conversation=conversation,
            sender=young_person.user,
            body="  hi sam ",
            channel=Channel.WEB,
            client_id="c1",
        )
    assert created and message.body == "hi sam"
    assert len(callbacks) == 1  # the announcement waits for the commit
    conversation.refresh_from_db()
    assert conversation.last_message_at == message.created_at


def test_the_same_client_id_stores_one_message(conversation, young_person):
    first, created = services.post_message(
        conversation=conversation,
        sender=young_person.user,
        body="hi",
        channel=Channel.WEB,
        client_id="same",
    )
    again, created_again = services.post_message(
        conversation=conversation,
        sender=young_person.user,
        body="hi",
        channel=Channel.WEB,
        client_id="same",
    )
    assert created and not created_again and again.pk == first.pk
    assert Message.objects.count() == 1


def test_the_pa_is_a_member_and_a_stranger_is_not(conversation, pa, other_pa):
    services.post_message(conversation=conversation, sender=pa, body="hello", channel=Channel.WEB)
    with pytest.raises(services.NotAMember):
        services.post_message(
            conversation=conversation, sender=other_pa, body="hi", channel=Channel.WEB
        )
    assert Message.objects.count() == 1


def test_staff_added_for_cover_can_reply(conversation, other_pa):
    conversation.cover_staff.add(other_pa)
    services.post_message(
        conversation=conversation, sender=other_pa, body="covering", channel=Channel.WEB
    )
    assert selectors.conversations_visible_to(other_pa).filter(pk=conversation.pk).exists()


def test_a_pa_who_hands_over_stops_being_a_member(conversation, young_person, team, pa):
    successor = factories.staff(Role.PA, team=team, username="successor")
    young_person.personal_adviser = successor
    young_person.save()
    with pytest.raises(services.NotAMember):
        services.post_message(conversation=conversation, sender=pa, body="x", channel=Channel.WEB)


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", services.EmptyMessage),
        ("   ", services.EmptyMessage),
        ("x" * 2001, services.MessageTooLong),
    ],
)
def test_empty_and_over_long_messages_are_refused(conversation, young_person, body, error):
    with pytest.raises(error):
        services.post_message(
            conversation=conversation, sender=young_person.user, body=body, channel=Channel.WEB
        )
    assert not Message.objects.exists()


def test_emoji_and_2000_characters_are_kept_exactly(conversation, young_person):
    body = "🙂 " + "a" * 1998
    message, _ = services.post_message(
        conversation=conversation, sender=young_person.user, body=body, channel=Channel.WEB
    )
    message.refresh_from_db()
    assert message.body == body


def test_unread_counts_and_read_positions(conversation, young_person, pa):
    for text in ["one", "two"]:
        services.post_message(conversation=conversation, sender=pa, body=text, channel=Channel.WEB)
    visible = selectors.with_unread_counts(
        selectors.conversations_visible_to(young_person.user), young_person.user
    )
    assert visible.get().unread == 2
    last = Message.objects.last()
    services.mark_read(conversation=conversation, user=young_person.user, up_to=last.pk)
    services.mark_read(conversation=conversation, user=young_person.user, up_to=0)  # no going back
    visible = selectors.with_unread_counts(
        selectors.conversations_visible_to(young_person.user), young_person.user
    )
    assert visible.get().unread == 0


def test_who_sees_which_conversation(
    conversation, young_person, pa, other_pa, manager, other_young_person
):
    other = services.conversation_for(other_young_person)
    assert list(selectors.conversations_visible_to(young_person.user)) == [conversation]
    assert list(selectors.conversations_visible_to(pa)) == [conversation]
    assert list(selectors.conversations_visible_to(other_pa)) == [other]
    assert list(selectors.conversations_visible_to(manager)) == [conversation]
    assert (
        not selectors.conversations_visible_to(other_young_person.user)
        .filter(pk=conversation.pk)
        .exists()
    )


def test_members_sockets_hear_the_message_after_it_is_stored(
    conversation, young_person, django_capture_on_commit_callbacks
):
    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)("test.")
    async_to_sync(layer.group_add)(conversation.group_name, channel)
    with django_capture_on_commit_callbacks(execute=True):
        message, _ = services.post_message(
            conversation=conversation,
            sender=young_person.user,
            body="hi",
            channel=Channel.WEB,
            client_id="abc",
        )
    event = async_to_sync(layer.receive)(channel)
    assert event["type"] == "chat.message"
    frame = event["message"]
    assert (frame["id"], frame["body"], frame["channel"], frame["client_id"]) == (
        message.pk,
        "hi",
        "web",
        "abc",
    )
    assert frame["sender"] == {
        "id": young_person.user.pk,
        "name": young_person.user.display_name,
        "role": "young_person",
    }
    async_to_sync(layer.group_discard)(conversation.group_name, channel)
