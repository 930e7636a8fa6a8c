"""Reads about texts: who may be texted, whose number a text came from, and what became of the
texts sent for a conversation's messages. Nothing here writes (`chat.texts.services` does).

Who may see a conversation's texts is decided before these are called: the views and the
socket reach a conversation through `chat.selectors.conversations_visible_to`, and only staff
are shown text states."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone

from chat.models import Conversation, DeliveryState, InboundText, Message, OutgoingText
from portal.people.models import YoungPersonProfile
from portal.people.phone import normalise_mobile

# A texted message whose text went wrong: staff see why, and "Text it again".
MESSAGE_FAILURES = frozenset({DeliveryState.FAILED, DeliveryState.UNDELIVERED})

# Texts from unknown numbers stay on managers' list this long, and the list this short.
UNKNOWN_TEXTS_KEPT_IN_VIEW = datetime.timedelta(days=30)
UNKNOWN_TEXTS_SHOWN = 200


def why_not_texted(profile: YoungPersonProfile) -> str:
    """Empty when the portal may text this young person now; else the reason, for staff.

    Asked before a text is queued and again when it is sent, since they may text STOP or
    lose their verified number in between."""
    if profile.texts_stopped_at is not None:
        return "They texted STOP, so the portal sends them no texts."
    if not profile.mobile or not profile.mobile_verified:
        return "They have no verified mobile number."
    if not profile.user.is_active:
        return "Their account is closed."
    return ""


def young_person_texting_from(number: str) -> YoungPersonProfile | None:
    """The young person whose verified mobile this is, if their account is open. Only a
    verified number counts, so texting from someone else's old number reaches no one's
    conversation."""
    normalised = normalise_mobile(number)
    if normalised is None:
        return None
    return (
        YoungPersonProfile.objects.select_related("user")
        .filter(mobile=normalised, mobile_verified=True, user__is_active=True)
        .first()
    )


def unknown_texts() -> QuerySet[InboundText]:
    """Texts from numbers no young person has verified, newest first, for managers to follow
    up (often a young person with a new phone): they reached no conversation. Only managers
    may see them; `chat.views.unknown_texts` checks that."""
    since = timezone.now() - UNKNOWN_TEXTS_KEPT_IN_VIEW
    return InboundText.objects.filter(
        outcome=InboundText.Outcome.UNKNOWN_NUMBER, received_at__gte=since
    ).order_by("-received_at")[:UNKNOWN_TEXTS_SHOWN]


def crisis_reply_to(messages: list[Message]) -> str | None:
    """The crisis reply `post_message` wrote in the thread for the first of these messages that
    read as a risk, if any (client_id `crisis:<message id>`): the same words go back by text."""
    ids = [f"crisis:{message.pk}" for message in messages]
    found = dict(
        Message.objects.filter(
            conversation_id=messages[0].conversation_id, sender=None, client_id__in=ids
        ).values_list("client_id", "body")
    )
    return next((found[key] for key in ids if key in found), None)


def failure_reasons(message_ids: list[int]) -> dict[int, str]:
    """Why the latest text of each of these messages failed, in plain words (one query)."""
    errors: dict[int, str] = {}
    if message_ids:
        for message_id, error in (
            OutgoingText.objects.filter(message_id__in=message_ids)
            .order_by("pk")
            .values_list("message_id", "error")
        ):
            errors[message_id] = error  # the latest text's reason wins
    return errors


def text_status_event(conversation_id: int, message_id: int, state: str, detail: str = "") -> dict:
    """What a staff socket is sent when a texted message's state changes. `detail`: why a text
    failed, in plain words, when known."""
    return {
        "type": "chat.text_status",
        "text_status": {
            "conversation": conversation_id,
            "message": message_id,
            "state": state,
            "label": DeliveryState(state).label,
            "detail": detail,
        },
    }


def text_states(conversation: Conversation, latest: int = 200) -> list[dict]:
    """The text state of each of the conversation's latest texted messages, as the events a
    socket passes on (with why a failed one failed), for a page that reconnects. Two queries."""
    texted = list(
        Message.objects.filter(conversation=conversation)
        .exclude(delivery_state=DeliveryState.STORED)
        .order_by("-pk")
        .values_list("pk", "delivery_state")[:latest]
    )
    errors = failure_reasons([pk for pk, state in texted if state in MESSAGE_FAILURES])
    return [
        text_status_event(conversation.pk, pk, state, errors.get(pk, ""))
        for pk, state in reversed(texted)
    ]
