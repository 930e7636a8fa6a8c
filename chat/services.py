"""The only code that writes messages. The WebSocket consumer, the no-JavaScript form, and later
the SMS webhook and the chatbot all call `post_message`."""

from __future__ import annotations

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from chat import presence
from chat.models import Channel, Conversation, Message, Notification, ReadPosition
from chat.serializers import message_frame_body, receipt_frame_body
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


def ensure_conversations(profiles: QuerySet[YoungPersonProfile]) -> None:
    """Give everyone in `profiles` their conversation, so that a PA's inbox (and its socket)
    covers the whole caseload before anyone has written. Two queries at most."""
    missing = profiles.filter(conversation__isnull=True).values_list("pk", flat=True)
    Conversation.objects.bulk_create(
        [Conversation(young_person_id=pk) for pk in missing], ignore_conflicts=True
    )


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
                _move_position(conversation, sender, message, read=True)
                _notify_if_away(conversation, sender, message)
            transaction.on_commit(lambda: announce_message(message.pk))
    except IntegrityError:
        # The same resend raced us to the database: the first one won.
        return Message.objects.get(
            conversation=conversation, sender=sender, client_id=client_id
        ), False
    return message, True


def _notify_if_away(conversation: Conversation, sender: User, message: Message) -> None:
    """Staff wrote to a young person who is not on the website: record that they should be
    told (the SMS sender reads these; reading the message here first cancels it)."""
    recipient_id = conversation.young_person.user_id
    if sender.pk == recipient_id or presence.is_on_website(recipient_id):
        return
    Notification.objects.create(recipient_id=recipient_id, message=message)


def _move_position(conversation: Conversation, user: User, message: Message, *, read: bool) -> bool:
    """Move a member's delivered (and, if `read`, read) position forward to `message`.
    Never backwards; returns whether anything moved."""
    position, _ = ReadPosition.objects.select_for_update().get_or_create(
        conversation=conversation, user=user
    )
    changed = []
    if (position.last_delivered_id or 0) < message.pk:
        position.last_delivered = message
        changed.append("last_delivered")
    if read and (position.last_read_id or 0) < message.pk:
        position.last_read = message
        changed.append("last_read")
        # Whoever has read a message here no longer needs telling about it another way.
        Notification.objects.filter(
            recipient=user,
            message__conversation=conversation,
            message__pk__lte=message.pk,
            state=Notification.State.PENDING,
        ).update(state=Notification.State.READ_ON_WEBSITE, handled_at=timezone.now())
    if changed:
        position.save(update_fields=[*changed, "updated_at"])
    return bool(changed)


def announce_receipt(conversation_id: int, user_id: int) -> None:
    """Tell the conversation's sockets how far a member has got (sockets that asked for
    receipts pass it on; see `chat.consumers`)."""
    position = (
        ReadPosition.objects.select_related("user")
        .filter(conversation_id=conversation_id, user_id=user_id)
        .first()
    )
    layer = get_channel_layer()
    if position is None or layer is None:
        return
    async_to_sync(layer.group_send)(
        Conversation.group_name_for(conversation_id),
        {"type": "chat.receipt", "receipt": receipt_frame_body(position)},
    )


def _last_message_up_to(conversation: Conversation, up_to: int) -> Message | None:
    return Message.objects.filter(conversation=conversation, pk__lte=up_to).order_by("pk").last()


@transaction.atomic
def mark_delivered(*, conversation: Conversation, user: User, up_to: int) -> bool:
    """Messages up to `up_to` have reached one of this member's screens."""
    if not conversation.is_member(user):
        raise NotAMember("You are not in this conversation.")
    message = _last_message_up_to(conversation, up_to)
    if message is None or not _move_position(conversation, user, message, read=False):
        return False
    transaction.on_commit(lambda: announce_receipt(conversation.pk, user.pk))
    return True


@transaction.atomic
def mark_read(*, conversation: Conversation, user: User, up_to: int) -> ReadPosition:
    """A member has read up to message `up_to`. Never moves backwards."""
    if not conversation.is_member(user):
        raise NotAMember("You are not in this conversation.")
    message = _last_message_up_to(conversation, up_to)
    if message is not None and _move_position(conversation, user, message, read=True):
        transaction.on_commit(lambda: announce_receipt(conversation.pk, user.pk))
    return ReadPosition.objects.get(conversation=conversation, user=user)
