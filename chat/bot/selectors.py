"""Reading what the chatbot kept, for staff pages."""

from __future__ import annotations

import datetime

from django.utils import timezone

from chat.bot.models import AskChannel, Question

# How far back the alerts page counts risky questions from people not signed in.
ANONYMOUS_RISKS_WINDOW = datetime.timedelta(days=30)


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
