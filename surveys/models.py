"""Surveys: built by the participation team in the Wagtail admin, answered by young people.

A `Survey` has `Section`s, each with `Question`s, edited together in one admin form (modelcluster's
ParentalKey, nested InlinePanels). What young people said in an anonymous survey can never be
traced back to them, on the pages or in the database (issue 15; docs/participation.md, "What
anonymity guarantees, and what it does not"):

- `Response` (one person's answers) has no column that names a person: a random UUID primary
  key, the survey, and for a named survey only the date it was sent. Its `Answer`s have random
  UUIDs too, so neither table's keys say in which order people answered.
- `Respondent` ("who has answered") is a separate table with no link to any response, and a
  date only. It stops a person answering twice and feeds their participation record.
- An anonymous survey's answers do not go straight to `Response`: they wait, sealed (encrypted
  and padded, `surveys.sealing`), in the survey's one `HeldAnswers` row, shuffled with the
  others waiting. When at least `SURVEY_RELEASE_BATCH` (5 or more) are waiting they are all
  written as responses in one transaction, in the order of their random keys, and the people
  who gave them are marked `released` in the same transaction; staff pages count only
  released respondents. So a response shares no transaction, position or time with the
  `Respondent` row written when its author pressed "Send", and every page changes only when a
  whole group appears at once.
- `ResponseAuthor` links a response to a person only when the survey is named, and only the
  service writes it, only then.
- `Draft` holds a half-done survey and so must name its person; for an anonymous survey its
  answers are sealed too. It is deleted when they send it.

Only `surveys.services` writes responses, answers, respondents and drafts (`surveys.holding`
seals what waits).
"""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from portal.people.models import User

SCALE = range(1, 6)
# The longest written answer to a survey question, and the longest question sent in advance of
# a session, in characters. The forms refuse longer; the holding area pads to these sizes.
TEXT_LIMIT = 2000
QUESTION_MAX = 1000


class QuestionKind(models.TextChoices):
    SINGLE = "single", "Choose one answer"
    MULTIPLE = "multiple", "Choose any number of answers"
    SCALE = "scale", "A scale from 1 to 5"
    TEXT = "text", "Write an answer in their own words"


# Kinds that a headline measure (a percentage against a target) can be worked out for: one
# answer per person, so "positive" answers over all answers is a share of people.
MEASURABLE_KINDS = {QuestionKind.SINGLE, QuestionKind.SCALE}


def _lines(text: str) -> list[str]:
    """Non-empty lines, stripped, without repeats, in order: how editors list options."""
    seen: list[str] = []
    for line in (text or "").splitlines():
        line = line.strip()
        if line and line not in seen:
            seen.append(line)
    return seen


class SurveyState(models.TextChoices):
    UPCOMING = "upcoming", "Not open yet"
    OPEN = "open", "Open"
    CLOSED = "closed", "Closed"


class Survey(ClusterableModel):
    """A survey young people answer on the portal between two dates (UK dates, inclusive)."""

    title = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=80,
        unique=True,
        blank=True,
        help_text="Used in the names of downloaded files. Made from the title if you leave it "
        "empty.",
    )
    intro = models.TextField(
        "introduction",
        help_text="Shown before young people start: what the survey is about and what you will "
        "do with the answers. Plain English, short sentences, acronyms spelled out.",
    )
    anonymous = models.BooleanField(
        "anonymous answers",
        default=True,
        help_text="Ticked: nobody, not even the participation team, can see who said what; you "
        "see totals, and answers without names. Not ticked: answers carry the young person's "
        "name. Young people are told which before they start. This cannot change once someone "
        "has started.",
    )
    opens_on = models.DateField(help_text="The first day young people can answer (UK time).")
    closes_on = models.DateField(help_text="The last day young people can answer (UK time).")
    compare_with = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="compare with an earlier survey",
        help_text="Usually last year's survey. Questions with the same code are shown side by "
        "side in the results.",
    )
    made_up_for_demo = models.BooleanField(
        "demo data (made-up answers)",
        default=False,
        editable=False,
        help_text="Set only by `manage.py demo`: the answers were invented for the demo.",
    )
    answers_deleted_unread = models.PositiveIntegerField(
        default=0,
        editable=False,
        help_text="Anonymous answers still waiting for a group when the survey closed (fewer "
        "than the group size): deleted without anyone reading them, and counted here.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("anonymous"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading="Open"),
        FieldPanel("compare_with"),
        FieldPanel("slug"),
        InlinePanel(
            "sections",
            heading="Sections and questions",
            label="Section",
            min_num=1,
            help_text="Young people see one section per page. Keep it short: a few minutes on a "
            "phone.",
        ),
    ]

    class Meta:
        ordering = ["-opens_on", "title"]
        permissions = [("view_results", "Can see survey results and download them")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_on__gte=models.F("opens_on")),
                name="survey_closes_on_or_after_it_opens",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        if not self.slug:
            self.slug = self._free_slug()
        super().save(*args, **kwargs)

    def _free_slug(self) -> str:
        base = slugify(self.title)[:70] or "survey"
        slug, n = base, 2
        while Survey.objects.filter(slug=slug).exclude(pk=self.pk).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            errors["closes_on"] = "The survey must close on or after the day it opens."
        if self.compare_with_id:
            if self.pk and self.compare_with_id == self.pk:
                errors["compare_with"] = "Choose an earlier survey, not this one."
            elif self.opens_on and self.compare_with.opens_on >= self.opens_on:
                errors["compare_with"] = "Choose a survey that opened before this one."
        if self.pk:
            before = Survey.objects.filter(pk=self.pk).values_list("anonymous", flat=True).first()
            started = self.respondents.exists() or self.drafts.exists()
            if before is not None and before != self.anonymous and started:
                errors["anonymous"] = (
                    "Young people have already started this survey after being told whether it "
                    "is anonymous, so this cannot change now. Make a new survey instead."
                )
        if errors:
            raise ValidationError(errors)

    def state(self, on: datetime.date | None = None) -> SurveyState:
        today = on or timezone.localdate()
        if today < self.opens_on:
            return SurveyState.UPCOMING
        if today > self.closes_on:
            return SurveyState.CLOSED
        return SurveyState.OPEN

    def is_open(self, on: datetime.date | None = None) -> bool:
        return self.state(on) == SurveyState.OPEN


class Section(ClusterableModel, Orderable):
    """A page of a survey: a few questions under one heading."""

    survey = ParentalKey(Survey, on_delete=models.CASCADE, related_name="sections")
    title = models.CharField(max_length=120, help_text="For example: Your Personal Adviser (PA)")
    intro = models.TextField(blank=True, help_text="Optional: a sentence before the questions.")

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        InlinePanel("questions", heading="Questions", label="Question", min_num=1),
    ]

    class Meta(Orderable.Meta):
        pass

    def __str__(self) -> str:
        return self.title


class Question(Orderable):
    """One question. Its `code` links it to the same question in other years' surveys."""

    section = ParentalKey(Section, on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField(
        max_length=60,
        help_text="A short name that stays the same every year, such as pa-satisfaction, so this "
        "year's answers can be compared with last year's. Unique within the survey.",
    )
    text = models.CharField("question", max_length=250)
    hint = models.CharField(
        max_length=250, blank=True, help_text="Optional: help with the question, in plain words."
    )
    kind = models.CharField(
        "type of answer", max_length=10, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    required = models.BooleanField(
        default=True, help_text="Not ticked: young people can skip it (it says 'optional')."
    )
    choices = models.TextField(
        "answers to choose from",
        blank=True,
        help_text="For 'choose one' and 'choose any': one answer per line. Changing the words "
        "once people have answered splits the results.",
    )
    scale_low = models.CharField(
        "what 1 means", max_length=60, blank=True, help_text="For a scale, e.g. Very unhappy."
    )
    scale_high = models.CharField(
        "what 5 means", max_length=60, blank=True, help_text="For a scale, e.g. Very happy."
    )
    positive_answers = models.TextField(
        "answers that count as positive",
        blank=True,
        help_text="For a headline measure: the answers that count, one per line, written exactly "
        "as above (for a scale, numbers such as 4 and 5).",
    )
    measure = models.CharField(
        "headline measure",
        max_length=120,
        blank=True,
        help_text="Optional: what the positive answers show, e.g. Happy with their PA.",
    )
    target_percent = models.PositiveSmallIntegerField(
        "target (%)",
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text="Optional: the share of positive answers the service aims for, e.g. 100.",
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("kind"), FieldPanel("required")]),
        FieldPanel("text"),
        FieldPanel("hint"),
        FieldPanel("choices"),
        FieldRowPanel([FieldPanel("scale_low"), FieldPanel("scale_high")]),
        MultiFieldPanel(
            [FieldPanel("measure"), FieldPanel("positive_answers"), FieldPanel("target_percent")],
            heading="Headline measure (optional)",
        ),
    ]

    class Meta(Orderable.Meta):
        pass

    def __str__(self) -> str:
        return self.text

    @property
    def options(self) -> list[str]:
        """The answers a person can give, as stored: option text, or "1".."5" for a scale."""
        if self.kind == QuestionKind.SCALE:
            return [str(n) for n in SCALE]
        if self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
            return _lines(self.choices)
        return []

    @property
    def positive(self) -> list[str]:
        return _lines(self.positive_answers)

    @property
    def has_measure(self) -> bool:
        return bool(self.positive) and self.kind in MEASURABLE_KINDS

    @property
    def measure_name(self) -> str:
        return self.measure or self.text

    def option_label(self, option: str) -> str:
        """What a young person reads beside an option: a scale's ends say what they mean."""
        if self.kind != QuestionKind.SCALE:
            return option
        if option == "1" and self.scale_low:
            return f"1: {self.scale_low}"
        if option == "5" and self.scale_high:
            return f"5: {self.scale_high}"
        return option

    def clean(self) -> None:
        errors: dict[str, str] = {}
        options = self.options
        if self.kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and len(options) < 2:
            errors["choices"] = "Give at least two answers to choose from, one per line."
        if any(len(option) > 200 for option in options):
            errors["choices"] = "Keep each answer under 200 characters."
        if self.kind not in (QuestionKind.SINGLE, QuestionKind.MULTIPLE) and self.choices.strip():
            errors["choices"] = "Only 'choose one' and 'choose any' questions have answers to list."
        positive = self.positive
        if positive:
            if self.kind not in MEASURABLE_KINDS:
                errors["positive_answers"] = (
                    "A headline measure needs a 'choose one' or a scale question."
                )
            elif unknown := [p for p in positive if p not in options]:
                errors["positive_answers"] = (
                    f"Not one of the answers: {', '.join(unknown)}. Copy them exactly."
                )
        if (self.target_percent is not None or self.measure) and not positive:
            errors["positive_answers"] = "Say which answers count as positive for the measure."
        if errors:
            raise ValidationError(errors)


class Response(models.Model):
    """One person's sent answers. Nothing here names them (see the module's docstring)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    submitted_on = models.DateField(
        null=True,
        blank=True,
        help_text="Named surveys only, and the day only. An anonymous response has no date: on "
        "a day only one person answered, it would match their 'who has answered' row.",
    )

    def __str__(self) -> str:
        return f"A response to {self.survey}"


class ResponseAuthor(models.Model):
    """Who wrote a response to a named survey. Never written for an anonymous survey."""

    response = models.OneToOneField(
        Response, on_delete=models.CASCADE, primary_key=True, related_name="author"
    )
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+")

    def __str__(self) -> str:
        return f"{self.person} wrote {self.response_id}"


class Answer(models.Model):
    """One answer in a response: an option ("choose any" has one row per option ticked), a point
    on the scale, or words."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choice = models.CharField(max_length=200, blank=True)
    scale = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(scale__isnull=True) | models.Q(scale__gte=1, scale__lte=5),
                name="answer_scale_is_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return self.choice or (str(self.scale) if self.scale else self.text[:40])


class Respondent(models.Model):
    """Who has answered a survey, and on what day: so a person answers once, and for their
    participation record. No link to what they said.

    `released` is set in the same transaction that writes their anonymous answers as
    responses, together with everyone else's in that group: staff pages count only released
    respondents, so a name and an answer never appear on them one at a time."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="respondents")
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="surveys_answered")
    answered_on = models.DateField()
    released = models.BooleanField(
        default=False,
        help_text="Counted on staff pages: their answers have been shown, in a group.",
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "person"], name="one_answer_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person} answered {self.survey} on {self.answered_on}"


class HeldAnswers(models.Model):
    """An anonymous survey's answers waiting to be shown in a group: one row per survey, sealed
    (`surveys.sealing`), holding every waiting person's answers in a shuffled list padded to a
    size that depends only on the group size. Nothing here is readable without the key, and it
    has no column but the survey. Deleted when its answers are released."""

    survey = models.OneToOneField(
        Survey, on_delete=models.CASCADE, primary_key=True, related_name="held"
    )
    sealed = models.BinaryField()

    class Meta:
        verbose_name_plural = "held answers"

    def __str__(self) -> str:
        return f"Answers to {self.survey_id} waiting for a group"


class Draft(models.Model):
    """A half-done survey, kept so nothing is lost: deleted when it is sent. For an anonymous
    survey the answers are sealed (`sealed`) and `answers` stays empty; read and write them
    through `surveys.holding.draft_answers` and `surveys.services.save_draft`."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="drafts")
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="survey_drafts")
    answers = models.JSONField(
        default=dict,
        blank=True,
        help_text="Named surveys: question id (as text) to the answer given so far.",
    )
    sealed = models.BinaryField(
        null=True, blank=True, editable=False, help_text="Anonymous surveys: the answers, sealed."
    )
    reached = models.PositiveSmallIntegerField(
        default=0, help_text="The index of the section to carry on from."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "person"], name="one_draft_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person}'s draft of {self.survey}"


# --- Sessions: meet the manager and the care leavers forum --------------------------------------
#
# One model with a kind. Young people book a place; when a session is full they join its waiting
# list, and a place given back goes to the first person waiting. Only
# `surveys.sessions.services` writes bookings.


class SessionKind(models.TextChoices):
    MEET_THE_MANAGER = "meet_the_manager", "Meet the manager"
    FORUM = "forum", "Care leavers forum"


class Session(models.Model):
    """A meet-the-manager session or a care leavers forum, in a place or online."""

    kind = models.CharField(max_length=20, choices=SessionKind.choices)
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
    place = models.CharField(
        max_length=200, blank=True, help_text="The address, or leave empty for an online session."
    )
    online_link = models.URLField(blank=True, help_text="For an online session: the link to join.")
    host = models.ForeignKey(User, on_delete=models.PROTECT, related_name="sessions_hosted")
    capacity = models.PositiveSmallIntegerField(validators=[MinValueValidator(1)])
    travel_help_available = models.BooleanField(
        default=False, help_text="Forum: young people can ask for help with travel."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")], heading="When"),
        MultiFieldPanel(
            [FieldPanel("place"), FieldPanel("online_link")], heading="Where (one or both)"
        ),
        FieldPanel("host"),
        FieldPanel("capacity"),
        FieldPanel("travel_help_available"),
    ]

    class Meta:
        ordering = ["starts_at", "title"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="session_ends_after_it_starts",
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1), name="session_capacity_positive"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.starts_at:%-d %B %Y})"

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = "The session must end after it starts."
        if not self.place and not self.online_link:
            errors["place"] = "Give a place, or a link for an online session."
        if errors:
            raise ValidationError(errors)

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def offers_travel_help(self) -> bool:
        return self.kind == SessionKind.FORUM and self.travel_help_available


class BookingState(models.TextChoices):
    BOOKED = "booked", "Booked"
    WAITING = "waiting", "On the waiting list"
    CANCELLED = "cancelled", "Cancelled"
    ATTENDED = "attended", "Came"
    DID_NOT_COME = "did_not_come", "Did not come"


# States that hold one of the session's places.
HOLDS_A_PLACE = [BookingState.BOOKED, BookingState.ATTENDED, BookingState.DID_NOT_COME]


class Booking(models.Model):
    """One person's place (or place in the queue) at a session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="bookings")
    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="session_bookings")
    state = models.CharField(
        max_length=20, choices=BookingState.choices, default=BookingState.BOOKED
    )
    travel_help_needed = models.BooleanField(default=False)
    question_in_advance = models.TextField(
        blank=True,
        help_text="A question sent with the person's name. One sent without a name is never "
        "kept here: it waits, sealed, in `HeldQuestions` and is shown as a `SessionQuestion`.",
    )
    reminded_at = models.DateTimeField(
        null=True, blank=True, help_text="When the day-before text was sent: it goes once."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["session", "person"], name="one_booking_per_person"),
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.session}: {self.get_state_display()}"


class SessionQuestion(models.Model):
    """A question sent in advance without a name, shown to the host. No person, no time: it is
    written in a group with others (`surveys.sessions.services.release_questions`), never when
    it was asked."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField()

    def __str__(self) -> str:
        return self.text[:60]


class HeldQuestions(models.Model):
    """A session's questions sent without a name, waiting, and the people who booked since the
    last group was shown: one row per session, sealed, padded to a fixed size. Every booking
    without a named question rewrites it, question or not, so neither its size nor when it
    changed says who asked."""

    session = models.OneToOneField(
        Session, on_delete=models.CASCADE, primary_key=True, related_name="held"
    )
    sealed = models.BinaryField()

    class Meta:
        verbose_name_plural = "held questions"

    def __str__(self) -> str:
        return f"Questions for {self.session_id} waiting for a group"


# --- The participation record -----------------------------------------------------------------
#
# A young person's record is read from three places: `Respondent` (surveys answered, never what
# they said), `Booking` in state "attended" (sessions and forums), and the entries below, which
# the participation team adds by hand for what happens outside the portal (panels, celebration
# events, a forum someone came to without booking). `surveys.participation.selectors` puts them
# together.


class ActivityKind(models.TextChoices):
    INTERVIEW_PANEL = "interview_panel", "Interview panel"
    FOSTERING_PANEL = "fostering_panel", "Fostering panel"
    OTHER_PANEL = "other_panel", "Another panel"
    CELEBRATION = "celebration", "Celebration event"
    FORUM = "forum", "Care leavers forum"
    MEET_THE_MANAGER = "meet_the_manager", "Meet the manager"
    OTHER = "other", "Something else"


PANEL_KINDS = [ActivityKind.INTERVIEW_PANEL, ActivityKind.FOSTERING_PANEL, ActivityKind.OTHER_PANEL]


class ParticipationEntry(models.Model):
    """Something a young person took part in, added by the participation team."""

    person = models.ForeignKey(User, on_delete=models.CASCADE, related_name="participation")
    kind = models.CharField(max_length=20, choices=ActivityKind.choices)
    title = models.CharField(
        max_length=160,
        help_text="What it was, in a few words: for example 'Interview for a new PA'.",
    )
    took_part_on = models.DateField()
    added_by = models.ForeignKey(User, on_delete=models.PROTECT, related_name="+")
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-took_part_on", "-pk"]
        verbose_name_plural = "participation entries"
        permissions = [
            ("view_participation", "Can see every young person's participation record"),
        ]
        indexes = [models.Index(fields=["took_part_on"], name="participation_on")]

    def __str__(self) -> str:
        return f"{self.person}: {self.title} ({self.took_part_on})"
