"""Who may see which surveys, drafts and results, and the counts the results are built from.
Views, My page and `surveys.results` read through these.

A young person sees the surveys open to them and only their own drafts and answers; the
participation team and managers (`surveys.view_results`) see results; nobody else sees either.
The counts below are totals only: none can say who gave which answer.
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count, Exists, F, OuterRef, QuerySet, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from portal.people.models import User, YoungPersonProfile
from portal.people.roles import can
from surveys.models import (
    Answer,
    Draft,
    HeldAnswers,
    Question,
    QuestionKind,
    Respondent,
    Response,
    Survey,
    SurveyState,
)
from surveys.young_people import takes_part

# Written answers shown on the results page for each question; the CSV has them all.
TEXT_SAMPLE = 25

# Answers per (question, option): the question by its id, or by its code for an earlier survey.
AnswerCounts = dict[tuple[object, str], int]


def with_questions() -> QuerySet[Survey]:
    """Surveys that have at least one question: an empty one is still being built."""
    return Survey.objects.filter(
        Exists(Question.objects.filter(section__survey=OuterRef("pk")))
    ).select_related("compare_with")


def surveys_for_young_person(person: User) -> QuerySet[Survey]:
    """Every survey a young person could open (open, upcoming or closed), with whether they
    have a draft and whether they have answered. Staff and others get nothing."""
    if not takes_part(person):
        return Survey.objects.none()
    return with_questions().annotate(
        has_draft=Exists(Draft.objects.filter(survey=OuterRef("pk"), person=person)),
        answered=Exists(Respondent.objects.filter(survey=OuterRef("pk"), person=person)),
    )


def open_surveys_for(person: User) -> QuerySet[Survey]:
    """Open surveys this young person has not answered yet, closing soonest first."""
    if not takes_part(person):
        return Survey.objects.none()
    today = timezone.localdate()
    return (
        surveys_for_young_person(person)
        .filter(opens_on__lte=today, closes_on__gte=today, answered=False)
        .order_by("closes_on", "title")
    )


def answered_by(person: User) -> QuerySet[Respondent]:
    """The surveys a young person has answered and when: their own record, nobody else's."""
    if not person.is_authenticated:
        return Respondent.objects.none()
    return (
        Respondent.objects.filter(person=person).select_related("survey").order_by("-answered_on")
    )


def draft_of(person: User, survey: Survey) -> Draft | None:
    """This person's own draft of the survey, if any. Never anyone else's."""
    if not person.is_authenticated:
        return None
    return Draft.objects.filter(survey=survey, person=person).first()


def can_see_results(user: User) -> bool:
    return can(user, "surveys.view_results")


def surveys_with_results_for(user: User) -> QuerySet[Survey]:
    """All surveys with their response counts, for those who may see results; else none."""
    if not can_see_results(user):
        return Survey.objects.none()
    return Survey.objects.annotate(response_count=Count("responses")).order_by("-opens_on")


def answers_waiting_after_close(survey: Survey) -> bool:
    """An anonymous survey has closed with answers still waiting for their group: the results
    page says they will be deleted unread (`surveys.services.release_answers`)."""
    return (
        survey.anonymous
        and survey.state() == SurveyState.CLOSED
        and HeldAnswers.objects.filter(survey=survey).exists()
    )


# --- What the results are built from (`surveys.results`) ---------------------------------------


def questions_in_order(survey: Survey) -> list[Question]:
    """The survey's questions with their sections, in the order they are asked."""
    return list(
        Question.objects.filter(section__survey=survey)
        .select_related("section")
        .order_by("section__sort_order", "section__pk", "sort_order", "pk")
    )


def question_kinds(survey: Survey) -> dict[str, str]:
    """Each question's kind by its code: an earlier survey's question is compared only with one
    of the same code and kind."""
    return dict(Question.objects.filter(section__survey=survey).values_list("code", "kind"))


def answer_counts(survey: Survey, *, by: str) -> tuple[AnswerCounts, dict[object, int]]:
    """Answers per (question, option), and people who answered each question, keyed by the
    question's `by` ("question_id" for this survey, "question__code" for an earlier one)."""
    answers = Answer.objects.filter(response__survey=survey).order_by()
    counts: AnswerCounts = {}
    for row in answers.values(by, "choice", "scale").annotate(n=Count("id")):
        option = str(row["scale"]) if row["scale"] is not None else row["choice"]
        if option:
            counts[(row[by], option)] = counts.get((row[by], option), 0) + row["n"]
    answered = {
        row[by]: row["n"]
        for row in answers.values(by).annotate(n=Count("response_id", distinct=True))
    }
    return counts, answered


def text_samples(survey: Survey) -> dict[int, list[str]]:
    """Up to TEXT_SAMPLE written answers per question, in one query (a window per question).
    Ordered by the answers' random ids: in no order that says who or when."""
    rows = (
        Answer.objects.filter(response__survey=survey, question__kind=QuestionKind.TEXT)
        .exclude(text="")
        .annotate(
            place=Window(RowNumber(), partition_by=[F("question_id")], order_by=F("id").asc())
        )
        .filter(place__lte=TEXT_SAMPLE)
        .values_list("question_id", "text")
    )
    texts: dict[int, list[str]] = defaultdict(list)
    for question_id, text in rows:
        texts[question_id].append(text)
    return texts


def response_count(survey: Survey) -> int:
    """Responses shown (an anonymous survey's, once in a group)."""
    return Response.objects.filter(survey=survey).count()


def care_leavers_by(day: datetime.date) -> int:
    """The response rate's denominator: care leavers with an account by `day`, the day a survey
    closed (a later account could not have answered it)."""
    return YoungPersonProfile.objects.filter(
        user__is_active=True, created_at__date__lte=day
    ).count()
