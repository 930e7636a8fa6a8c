"""The only code that writes messages. The WebSocket consumer, the no-JavaScript form, and later
the SMS webhook and the chatbot all call `post_message`."""

from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import IntegrityError, transaction

from chat.models import Channel, Conversation, Message, ReadPosition
from chat.serializers import message_frame_body
from portal.people.models import User, YoungPersonProfile

MAX_BODY = 2000  # characters; a long text message is still well under this


class ChatError(Exception):
    """A refusal each edge turns into its own answer: an error frame, a form error, a reply."""

    code = "refused"


class NotAMember(ChatError):
    code = "not_a_member"


class EmptyMessage(ChatError):
    code = "empty"


class MessageTooLong(ChatError):
    code = "too_long"


def conversation_for(profile: YoungPersonProfile) -> Conversation:
    """A young person's one conversation, made the first time anyone needs it."""
    conversation, _ = Conversation.objects.get_or_create(young_person=profile)
    return conversation


def announce_message(message_id: int) -> None:
    """Tell every member's open socket. Runs after commit, so the message is there to read."""
    message = Message.objects.select_related("sender", "conversation").get(pk=message_id)
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(
        message.conversation.group_name,
        {"type": "chat.message", "message": message_frame_body(message)},
    )


def post_message(
    *,
    conversation: Conversation,
    sender: User | None,
    body: str,
    channel: Channel,
    client_id: str = "",
) -> tuple[Message, bool]:
    """Store a message once and tell the conversation's members; returns (message, created).

    `sender` None is the chatbot. A repeat with the same `client_id` from the same sender
    returns the stored message and stores nothing new (a resend after a dropped connection).
    """
    body = (body or "").strip()
    if not body:
        raise EmptyMessage("Type a message first.")
    if len(body) > MAX_BODY:
        raise MessageTooLong(f"Messages can be up to {MAX_BODY} characters.")
    if sender is not None and not conversation.is_member(sender):
        raise NotAMember("You are not in this conversation.")
    client_id = (client_id or "")[:64]
    if client_id:
        existing = Message.objects.filter(
            conversation=conversation, sender=sender, client_id=client_id
        ).first()
        if existing is not None:
            return existing, False
    try:
        with transaction.atomic():
            message = Message.objects.create(
                conversation=conversation,
                sender=sender,
                body=body,
                channel=channel,
                client_id=client_id,
            )
            Conversation.objects.filter(pk=conversation.pk).update(
                last_message_at=message.created_at
            )
            if sender is not None:
                _move_read_position(conversation, sender, message)
            transaction.on_commit(lambda: announce_message(message.pk))
    except IntegrityError:
        # The same resend raced us to the database: the first one won.
        return Message.objects.get(
            conversation=conversation, sender=sender, client_id=client_id
        ), False
    return message, True


def _move_read_position(conversation: Conversation, user: User, message: Message) -> None:
    position, _ = ReadPosition.objects.get_or_create(conversation=conversation, user=user)
    if position.last_read_id is None or position.last_read_id < message.pk:
        position.last_read = message
        position.save(update_fields=["last_read", "updated_at"])


@transaction.atomic
def mark_read(*, conversation: Conversation, user: User, up_to: int) -> ReadPosition:
    """A member has read up to message `up_to`. Never moves backwards."""
    if not conversation.is_member(user):
        raise NotAMember("You are not in this conversation.")
    message = Message.objects.filter(conversation=conversation, pk__lte=up_to).last()
    position, _ = ReadPosition.objects.get_or_create(conversation=conversation, user=user)
    if message is not None and (position.last_read_id or 0) < message.pk:
        position.last_read = message
        position.save(update_fields=["last_read", "updated_at"])
    return position
