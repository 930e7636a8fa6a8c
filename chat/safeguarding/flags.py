"""What staff see beside a screened message in a conversation (issue 16, "What people see"):
how urgent it read, what it seemed to be about, a link to its alert, whether someone has
acknowledged it, and what the bot replied to the young person.

A read, for the PA's and the manager's conversation page (`chat.views`). Two queries for a
whole thread, whatever its length. The young person's own page never calls this.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q
from django.urls import NoReverseMatch, reverse

from chat.models import Message
from chat.safeguarding.crisis import CLIENT_ID_PREFIX, SEVERITY_LABELS

HANDOFF_PREFIX = "(Asked the chatbot) "


@dataclass(frozen=True)
class Flag:
    alert_id: int
    severity: str
    severity_label: str
    categories: tuple[str, ...]
    url: str
    acknowledged_by: str  # "" while nobody has
    closed: bool
    reply: Message | None  # the crisis reply in this thread, shown as help just below
    answered: str  # for a question asked of the chatbot: what the bot answered


def _alerts_model():
    # The alert model moves into chat.safeguarding (issue 16); the relation names it either way.
    return Message._meta.get_field("alerts").related_model


def _url(alert) -> str:
    if hasattr(alert, "get_absolute_url"):
        return alert.get_absolute_url()
    try:
        return reverse("chat:alert", args=[alert.pk])
    except NoReverseMatch:
        return ""


def _flag(alert, reply: Message | None) -> Flag:
    severity = getattr(alert, "severity", "") or ""
    acknowledged = getattr(alert, "acknowledged_by", None) or getattr(alert, "handled_by", None)
    question = alert.question
    return Flag(
        alert_id=alert.pk,
        severity=severity,
        severity_label=SEVERITY_LABELS.get(severity, "Safeguarding"),
        categories=tuple(getattr(alert, "category_labels", alert.categories)),
        url=_url(alert),
        acknowledged_by=acknowledged.display_name if acknowledged else "",
        closed=bool(getattr(alert, "closed_at", None) or getattr(alert, "handled_at", None)),
        reply=reply,
        answered=question.answer if question is not None and reply is None else "",
    )


def attach_flags(thread: list[Message], conversation) -> None:
    """Give each message in `thread` a `safeguarding_flags` list (empty for most), and each
    crisis reply an `answers` (the message it answers), for the staff conversation page."""
    if not thread:
        return
    by_pk = {m.pk: m for m in thread}
    replies = {m.client_id.removeprefix(CLIENT_ID_PREFIX): m for m in thread if _is_reply(m)}
    for m in thread:
        m.safeguarding_flags = []
    model = _alerts_model()
    fields = {f.name for f in model._meta.get_fields()}
    people = [name for name in ("acknowledged_by", "handled_by") if name in fields]
    found = (
        model.objects.select_related("question", *people)
        .filter(
            Q(message__in=list(by_pk))
            # A question asked of the chatbot comes into the conversation as "(Asked the chatbot)
            # ...": an alert raised on the question (not on that message) is shown on it too.
            | Q(
                message__isnull=True,
                question__isnull=False,
                young_person_id=conversation.young_person_id,
                created_at__gte=thread[0].created_at,
            )
        )
        .order_by("pk")
    )
    handoffs = [m for m in thread if m.body.startswith(HANDOFF_PREFIX)]
    for alert in found:
        message = by_pk.get(alert.message_id) if alert.message_id else _handoff_for(alert, handoffs)
        if message is None:
            continue
        message.safeguarding_flags.append(_flag(alert, replies.get(str(message.pk))))
    for key, reply in replies.items():
        reply.answers = by_pk.get(int(key)) if key.isdigit() else None


def _is_reply(message: Message) -> bool:
    return message.sender_id is None and message.client_id.startswith(CLIENT_ID_PREFIX)


def _handoff_for(alert, handoffs: list[Message]) -> Message | None:
    """The "(Asked the chatbot) ..." message for an alert raised on the question, nearest in
    time (the same words can be asked twice)."""
    text = alert.question.text
    same = [m for m in handoffs if m.body.removeprefix(HANDOFF_PREFIX) == text]
    if not same:
        return None
    return min(same, key=lambda m: abs((m.created_at - alert.created_at).total_seconds()))
