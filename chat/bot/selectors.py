"""Reading what the chatbot kept: the asker's recent questions (for screening and for their
page) and, for staff, the questions to look at and the risky ones from nobody in particular.
The chatbot's writes are in `chat.bot.services`."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from chat.bot.models import AskChannel, Question
from portal.people.models import User

# How far back the alerts page counts risky questions from people not signed in.
ANONYMOUS_RISKS_WINDOW = datetime.timedelta(days=30)
# How far back a question is read with the asker's earlier ones when it is screened.
QUESTION_CONTEXT = datetime.timedelta(hours=1)
# How far back the editors' page looks.
QUESTIONS_IN_VIEW = datetime.timedelta(days=90)


def asked_before(user: User | None) -> list[str]:
    """The asker's last three questions in the last hour, oldest first, so a short one
    ("took them all") is read with what came before it."""
    if user is None:
        return []
    since = timezone.now() - QUESTION_CONTEXT
    texts = (
        Question.objects.filter(asker=user, created_at__gte=since)
        .order_by("-created_at", "-pk")
        .values_list("text", flat=True)[:3]
    )
    return list(reversed(texts))


def recent_questions(user: User, *, leaving_out: int | None) -> QuerySet[Question]:
    """The asker's five newest questions for their "Ask a question" page, without the one
    just answered (`leaving_out`), which the page shows on its own."""
    return Question.objects.filter(asker=user).exclude(pk=leaving_out)[:5]


@dataclass(frozen=True)
class QuestionsToReview:
    """What editors should look at to write better pages, with no names."""

    unanswered: QuerySet[Question]
    unhelpful: QuerySet[Question]
    counts: dict[str, int]


def questions_to_review() -> QuestionsToReview:
    """The last 90 days' unanswered (or handed-on) and unhelpful questions, newest first, at
    most 200 each, and how many were asked, answered and said to help. Risky questions are
    left out: they are safeguarding's, not the editors'."""
    since = timezone.now() - QUESTIONS_IN_VIEW
    recent = Question.objects.filter(created_at__gte=since).exclude(
        outcome=Question.Outcome.SAFEGUARDING
    )
    return QuestionsToReview(
        unanswered=recent.filter(
            outcome__in=[Question.Outcome.NOT_ANSWERED, Question.Outcome.HANDED_OFF]
        ).only("text", "created_at", "outcome")[:200],
        unhelpful=recent.filter(helped=False).only(
            "text", "created_at", "entitlement_slug", "answer"
        )[:200],
        counts=recent.aggregate(
            asked=Count("pk"),
            answered=Count("pk", filter=Q(outcome=Question.Outcome.ANSWERED)),
            said_helped=Count("pk", filter=Q(helped=True)),
            said_not_helped=Count("pk", filter=Q(helped=False)),
        ),
    )


def anonymous_risks_counted() -> int:
    """Questions asked without signing in (website or API) that read as a risk, lately.

    Nobody is paged for these (there is no one to reach: they were given the crisis
    contacts), but the service can see how many there are. Texts from unknown numbers are
    alerts of their own, with a number to ring back, so they are not counted here."""
    since = timezone.now() - ANONYMOUS_RISKS_WINDOW
    return Question.objects.filter(
        outcome=Question.Outcome.SAFEGUARDING,
        asker__isnull=True,
        channel__in=[AskChannel.WEB, AskChannel.API],
        created_at__gte=since,
    ).count()
