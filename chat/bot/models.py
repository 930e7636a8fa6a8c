"""What the chatbot keeps: every question and what it answered (with the asker's "did this
help?"). Part of the `chat` app (imported by `chat.models`). Safeguarding alerts are in
`chat.safeguarding.models`."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from portal.people.models import User


class AskChannel(models.TextChoices):
    WEB = "web", "Website"
    SMS = "sms", "Text message"
    API = "api", "API"
    COMMAND = "command", "Command line"


class Question(models.Model):
    """A question put to the chatbot. Editors read the unanswered and unhelpful ones to improve
    the pages; the words are kept, the asker only as a link (never shown to editors)."""

    class Outcome(models.TextChoices):
        ANSWERED = "answered", "Answered from a page"
        HANDED_OFF = "handoff", "Passed to their PA"
        NOT_ANSWERED = "unanswered", "Could not answer"
        SAFEGUARDING = "safeguarding", "Crisis contacts given"

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    asker = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="questions_asked"
    )
    channel = models.CharField(max_length=8, choices=AskChannel.choices)
    text = models.TextField()
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    entitlement_slug = models.SlugField(max_length=255, blank=True)
    confidence = models.FloatField(default=0)
    answer = models.TextField(blank=True)
    helped = models.BooleanField(null=True, blank=True, help_text="The asker's 'did this help?'")
    feedback_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["outcome", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.text[:50]} ({self.outcome})"
