"""What the chatbot keeps: every question and what it answered (with the asker's "did this
help?"), and every safeguarding alert with who was told. Part of the `chat` app (imported by
`chat.models`)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from portal.people.models import User, YoungPersonProfile


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


class SafeguardingAlert(models.Model):
    """A message that reads as a risk to a young person: what they wrote, what it seemed to be
    about, and who was told. Staff mark it handled; it is never deleted with the message."""

    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    young_person = models.ForeignKey(
        YoungPersonProfile,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="safeguarding_alerts",
    )
    from_number = models.CharField(
        max_length=32, blank=True, help_text="For a text from a number no young person has."
    )
    channel = models.CharField(max_length=8, choices=AskChannel.choices)
    text = models.TextField(help_text="What they wrote.")
    categories = models.JSONField(default=list)
    phrases = models.JSONField(default=list, help_text="The words that raised it.")
    message = models.ForeignKey(
        "chat.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="alerts"
    )
    question = models.ForeignKey(
        Question, on_delete=models.SET_NULL, null=True, blank=True, related_name="alerts"
    )
    told = models.ManyToManyField(User, blank=True, related_name="alerts_received")
    duty_emailed_to = models.CharField(max_length=254, blank=True)
    handled_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="alerts_handled"
    )
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        who = self.young_person or self.from_number or "someone"
        return f"Alert for {who} at {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def category_labels(self) -> list[str]:
        from chat.bot.safeguarding import CATEGORIES

        return [CATEGORIES.get(code, code) for code in self.categories]
