"""Safeguarding alerts: a message that reads as a risk to a young person, why it was raised,
who was told, who acknowledged it and who closed it. Part of the `chat` app (imported by
`chat.models`), so the table stays `chat_safeguardingalert`.

Only `chat.safeguarding.services` writes these rows; `selectors` decides who reads them.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.urls import reverse
from django.utils import timezone

from chat.bot.models import AskChannel
from chat.safeguarding.crisis import CONCERN, HIGH, IMMEDIATE, SEVERITY_LABELS
from chat.safeguarding.detector import CATEGORIES
from portal.people.models import User, YoungPersonProfile


class Severity(models.TextChoices):
    IMMEDIATE = IMMEDIATE, SEVERITY_LABELS[IMMEDIATE]
    HIGH = HIGH, SEVERITY_LABELS[HIGH]
    CONCERN = CONCERN, SEVERITY_LABELS[CONCERN]


# The queue's order: the most urgent first.
SEVERITY_RANK = {IMMEDIATE: 0, HIGH: 1, CONCERN: 2}


class EscalationLevel(models.IntegerChoices):
    TOLD = 0, "Their PA and manager told"
    DUTY = 1, "Passed to the duty team"
    MANAGERS = 2, "Passed to the service managers"


class SafeguardingAlert(models.Model):
    """A message that reads as a risk to a young person: what they wrote, what it seemed to be
    about and why (`evidence`), how urgent (`severity`), and who was told. A named person
    acknowledges it, then closes it with a note; an immediate or high alert nobody acknowledges
    in time is escalated (`services.escalate`). It is never deleted with the message."""

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
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.HIGH)
    evidence = models.JSONField(default=list, help_text="Why it fired, for staff.")
    message = models.ForeignKey(
        "chat.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="alerts"
    )
    question = models.ForeignKey(
        "chat.Question",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alerts",
    )
    told = models.ManyToManyField(User, blank=True, related_name="alerts_received")
    duty_emailed_to = models.CharField(max_length=254, blank=True)
    acknowledged_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="alerts_acknowledged",
    )
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    escalation_level = models.PositiveSmallIntegerField(
        choices=EscalationLevel.choices, default=EscalationLevel.TOLD
    )
    escalated_at = models.DateTimeField(null=True, blank=True)
    closed_by = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="alerts_closed"
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    closed_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            ("view_all_alerts", "Can see and acknowledge every safeguarding alert"),
        ]

    def __str__(self) -> str:
        who = self.young_person or self.from_number or "someone"
        return f"Alert for {who} at {self.created_at:%Y-%m-%d %H:%M}"

    def get_absolute_url(self) -> str:
        return reverse("chat:alert", args=[self.pk])

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def is_acknowledged(self) -> bool:
        return self.acknowledged_at is not None

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS.get(self.severity, self.severity)

    @property
    def age(self) -> datetime.timedelta:
        return timezone.now() - self.created_at

    @property
    def category_labels(self) -> list[str]:
        return [CATEGORIES.get(code, code) for code in self.categories]
