"""Messaging's services: the only code that writes conversations, messages and read positions,
and the only code that tells a conversation's sockets about them (after commit).

`post_message` is the one intake: the WebSocket consumer, the no-JavaScript form, the texts
webhook (`chat.texts.services.inbound`) and the crisis reply below all call it. The chatbot
hands a question to a PA with `post_asked_message`, having screened it itself
(`chat.bot.services.ask`)."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from chat.models import (
    Channel,
    Conversation,
    Message,
    Notification,
    ReadPosition,
    ask_channel_for,
)
from chat.presence import selectors as presence
from chat.safeguarding import services as safeguarding
from chat.serializers import message_frame_body, person
from chat.texts.services import outbound
from portal import unavailable
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
    """A young person's one conversation. It is made with their profile (`chat.receivers`);
    this makes it if it is somehow missing, so a writer (a text arriving, the chatbot's
    hand-over) never fails for want of it. Reading paths use `chat.selectors`, never this."""
    conversation, _ = Conversation.objects.get_or_create(young_person=profile)
    conversation.young_person = profile  # already loaded: `is_member` needs no second query
    return conversation


def ensure_conversations(profiles: QuerySet[YoungPersonProfile]) -> None:
    """Give everyone in `profiles` their conversation, so that a PA's inbox (and its socket)
    covers the whole caseload before anyone has written. Two queries at most."""
    missing = profiles.filter(conversation__isnull=True).values_list("pk", flat=True)
    Conversation.objects.bulk_create(
        [Conversation(young_person_id=pk) for pk in missing], ignore_conflicts=True
    )


def message_event(message: Message) -> dict:
    """What the channel layer carries to every member's socket for a stored message."""
    return {"type": "chat.message", "message": message_frame_body(message)}


def group_for(conversation_id: int, event: dict) -> str:
    """Messages go to every socket following the conversation; receipts and text states only
    to those that show them."""
    if event["type"] in {"chat.receipt", "chat.text_status"}:
        return Conversation.receipts_group_name_for(conversation_id)
    return Conversation.group_name_for(conversation_id)


def announce(conversation_id: int, event: dict) -> None:
    """Tell the conversation's sockets, once stored. Best effort: without the channel layer
    (Redis gone) the message still stands, and each page gets it with `sync` on reconnecting."""
    unavailable.group_send_or_log(group_for(conversation_id, event), event)


def post_message(
    *,
    conversation: Conversation,
    sender: User | None,
    body: str,
    channel: Channel,
    client_id: str = "",
) -> tuple[Message, bool]:
    """Store a message once and tell the conversation's members; returns (message, created).

    Called by the WebSocket consumer, the no-JS form, the SMS webhook and the bot. `sender`
    None is the chatbot. A repeat with the same `client_id` from the same sender returns the
    stored message and stores nothing new (a resend after a dropped connection): the unique
    constraint decides, so two resends racing each other still store one. Every member's
    socket, the sender's own included (its acknowledgement), is told after commit.

    Every message a young person writes, on any channel, is screened here, once
    (`chat.safeguarding.services.screen_message`, with the few messages they wrote before it):
    one that reads as a risk raises an alert (its staff are told on their own sockets, never
    in this conversation's group) and gets the crisis reply in the conversation at once.
    """
    body = _valid_body(conversation, sender, body)
    client_id = (client_id or "")[:64]
    screening = _screen(conversation, sender, body)
    try:
        with transaction.atomic():
            message = _store(conversation, sender, body, channel, client_id)
            _publish_after_commit(conversation.pk, message_event(message))
            if screening is not None and screening.at_risk:
                _answer_risk(conversation, message, screening)
    except IntegrityError:
        if not client_id:
            raise
        return _stored_already(conversation, sender, client_id), False
    return message, True


def post_asked_message(
    *, conversation: Conversation, sender: User, body: str, channel: Channel
) -> Message:
    """A question the chatbot passes to the young person's PA (`chat.bot.services.ask`), put
    in their conversation as from them. `ask` screened it already and answers with the crisis
    reply itself; the alert it raises is tied to this message. So it is not screened again."""
    body = _valid_body(conversation, sender, body)
    with transaction.atomic():
        message = _store(conversation, sender, body, channel, client_id="")
        _publish_after_commit(conversation.pk, message_event(message))
    return message


def _valid_body(conversation: Conversation, sender: User | None, body: str) -> str:
    """The body as stored (trimmed), or the refusal the sender's edge shows."""
    body = (body or "").strip()
    if not body:
        raise EmptyMessage("Type a message first.")
    if len(body) > MAX_BODY:
        raise MessageTooLong(f"Messages can be up to {MAX_BODY} characters.")
    if sender is not None and not conversation.is_member(sender):
        raise NotAMember("You are not in this conversation.")
    return body


def _screen(
    conversation: Conversation, sender: User | None, body: str
) -> safeguarding.Screening | None:
    """Safeguarding's reading of what the young person wrote, taken before the message is
    stored; None for what staff and the chatbot write, which is not screened."""
    if sender is None or sender.pk != conversation.young_person.user_id:
        return None
    return safeguarding.screen_message(body, context=_said_before(conversation, sender))


def _store(
    conversation: Conversation,
    sender: User | None,
    body: str,
    channel: Channel,
    client_id: str,
) -> Message:
    """Write the message and what follows from it in the database: the conversation's latest
    time, the sender's own read position, and a note that a young person away from the
    website should be told another way. Raises IntegrityError for a resent `client_id`."""
    message = Message.objects.create(
        conversation=conversation,
        sender=sender,
        body=body,
        channel=channel,
        client_id=client_id,
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.created_at)
    if sender is not None:
        _move_position(conversation, sender, message.pk, read=True)
        _notify_if_away(conversation, sender, message)
    return message


def _publish_after_commit(conversation_id: int, event: dict) -> None:
    """Other processes only see the rows after commit, so the sockets are told then."""
    transaction.on_commit(lambda: announce(conversation_id, event))


def _stored_already(conversation: Conversation, sender: User | None, client_id: str) -> Message:
    """A resend: the first message stored with this `client_id` is the message."""
    return Message.objects.select_related("sender").get(
        conversation=conversation, sender=sender, client_id=client_id
    )


SCREENING_CONTEXT = datetime.timedelta(hours=24)


def _said_before(conversation: Conversation, young_person: User) -> list[str]:
    """Up to three messages the young person wrote here in the last day, oldest first: a
    short message ("took them all") is read with what came before it."""
    since = timezone.now() - SCREENING_CONTEXT
    bodies = (
        Message.objects.filter(
            conversation=conversation, sender=young_person, created_at__gte=since
        )
        .order_by("-pk")
        .values_list("body", flat=True)[:3]
    )
    return list(reversed(bodies))


def _answer_risk(
    conversation: Conversation, message: Message, screening: safeguarding.Screening
) -> None:
    """A young person's message that reads as a risk: raise the alert (their PA and manager,
    or with no PA yet the managers answering them, are told on their staff sockets), and answer
    at once in the conversation with the crisis reply, as the chatbot."""
    profile = conversation.young_person
    alert = safeguarding.raise_alert(
        screening,
        text=message.body,
        profile=profile,
        channel=ask_channel_for(message.channel),
        message=message,
    )
    reply = screening.told(safeguarding.told_words(profile, alert)).crisis
    post_message(
        conversation=conversation,
        sender=None,
        body=reply.as_text(),
        channel=Channel.BOT,
        client_id=f"crisis:{message.pk}",
    )


def _notify_if_away(conversation: Conversation, sender: User, message: Message) -> None:
    """Staff wrote to a young person who is not on the website: record that they should be
    told (the SMS sender reads these; reading the message here first cancels it)."""
    recipient_id = conversation.young_person.user_id
    if sender.pk == recipient_id or presence.is_on_website(recipient_id):
        return
    notification = Notification.objects.create(recipient_id=recipient_id, message=message)
    outbound.notification_recorded(notification)


def _move_position(conversation: Conversation, user: User, up_to: int, *, read: bool) -> bool:
    """Move a member's delivered (and, if `read`, read) position forward to message `up_to`,
    which must be a message of this conversation. Never backwards; returns whether it moved.

    One conditional UPDATE in the usual case: this runs for every message on every member's
    socket, so it must cost next to nothing."""
    now = timezone.now()
    positions = ReadPosition.objects.filter(conversation=conversation, user=user)
    behind = Q(last_delivered_id__lt=up_to) | Q(last_delivered__isnull=True)
    moved = False
    if read:
        read_behind = Q(last_read_id__lt=up_to) | Q(last_read__isnull=True)
        moved = bool(
            positions.filter(read_behind).update(
                last_read_id=up_to,
                last_delivered_id=Greatest(Coalesce("last_delivered_id", 0), up_to),
                updated_at=now,
            )
        )
    else:
        moved = bool(positions.filter(behind).update(last_delivered_id=up_to, updated_at=now))
    if not moved and not positions.exists():
        _, moved = ReadPosition.objects.get_or_create(
            conversation=conversation,
            user=user,
            defaults={"last_delivered_id": up_to, "last_read_id": up_to if read else None},
        )
    if moved and read and user.pk == conversation.young_person.user_id:
        # Whoever has read a message here no longer needs telling about it another way.
        # A young person has one conversation, so their notifications are all about it.
        Notification.objects.filter(
            recipient=user, message_id__lte=up_to, state=Notification.State.PENDING
        ).update(state=Notification.State.READ_ON_WEBSITE, handled_at=now)
    return moved


def receipt_event(conversation: Conversation, user: User, up_to: int, *, read: bool) -> dict:
    """What the layer carries when a member got further. Only the position that moved is
    given; the other is null ("no change"), which saves a query on every delivery."""
    return {
        "type": "chat.receipt",
        "receipt": {
            "conversation": conversation.pk,
            "user": person(user),
            "delivered_up_to": up_to,
            "read_up_to": up_to if read else None,
        },
    }


def _last_message_up_to(conversation: Conversation, up_to: int) -> int | None:
    return (
        Message.objects.filter(conversation=conversation, pk__lte=up_to)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )


def _mark(conversation, user, up_to, *, read, known) -> dict | None:
    if not conversation.is_member(user):
        raise NotAMember("You are not in this conversation.")
    message_id = up_to if known else _last_message_up_to(conversation, up_to)
    if message_id is None:
        return None
    with transaction.atomic():
        if not _move_position(conversation, user, message_id, read=read):
            return None
        event = receipt_event(conversation, user, message_id, read=read)
        _publish_after_commit(conversation.pk, event)
    return event


def mark_delivered(
    *,
    conversation: Conversation,
    user: User,
    up_to: int,
    known: bool = False,
) -> dict | None:
    """Messages up to `up_to` reached one of this member's screens. Returns the receipt event
    when the position moved (else None). `known=True`: `up_to` is a message of this
    conversation already (the consumer just forwarded it), so it need not be looked up."""
    return _mark(conversation, user, up_to, read=False, known=known)


def mark_read(*, conversation: Conversation, user: User, up_to: int) -> dict | None:
    """A member has read up to message `up_to` (and so has it). Never moves backwards."""
    return _mark(conversation, user, up_to, read=True, known=False)
