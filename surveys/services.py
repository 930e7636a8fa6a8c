"""The only code that writes what young people say in surveys: drafts and sent answers.

Views call these and turn the small errors below into a message on the page. Each service runs
in one transaction. An anonymous survey's answers go to the holding area (`surveys.holding`),
not straight to the results: they are shown in groups, so they cannot be traced to anyone.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.people.models import User
from surveys import holding
from surveys.models import (
    Answer,
    Draft,
    Question,
    QuestionKind,
    Respondent,
    Response,
    ResponseAuthor,
    Survey,
    SurveyState,
)

# What a draft holds for one question: an option, options, a point on the scale, or words.
AnswerValue = str | list[str] | int


class SurveyError(Exception):
    """Something a young person tried that the survey does not allow."""


class SurveyNotOpen(SurveyError):
    def __init__(self, survey: Survey, state: SurveyState) -> None:
        self.survey, self.state = survey, state
        super().__init__(f"{survey} is {state.label.lower()}")


class AlreadyAnswered(SurveyError):
    pass


class NotAYoungPerson(SurveyError):
    """Staff see results; surveys are for young people to answer."""


class CannotHoldAnswers(SurveyError):
    """The answers waiting for a group cannot be opened (a key was rotated away): nothing is
    written and the draft is kept, so the person can send again once it is put right."""


@dataclass
class MissingAnswers(SurveyError):
    """Required questions with no answer, and the first section they are in."""

    section_index: int
    questions: list[Question]

    def __str__(self) -> str:
        return f"{len(self.questions)} required question(s) not answered"


def _check_can_answer(survey: Survey, person: User) -> None:
    if not person.is_young_person or person.is_portal_staff:
        raise NotAYoungPerson("Only young people answer surveys.")
    state = survey.state()
    if state != SurveyState.OPEN:
        raise SurveyNotOpen(survey, state)
    if Respondent.objects.filter(survey=survey, person=person).exists():
        raise AlreadyAnswered(f"{person} has already answered {survey}")


@transaction.atomic
def save_draft(
    *, survey: Survey, person: User, answers: dict[int, AnswerValue | None], reached: int
) -> Draft:
    """Keep answers given so far, so a half-done survey is not lost.

    Called on each section's "Continue" and on "Save and come back later". `answers` maps
    question ids to the new answer; None (or an empty answer) removes it. Raises
    `SurveyNotOpen` or `AlreadyAnswered` without saving: a closed survey cannot be sent, and
    after sending there is nothing to draft."""
    _check_can_answer(survey, person)
    draft, _ = Draft.objects.select_for_update().get_or_create(survey=survey, person=person)
    given = holding.draft_answers(draft)
    for question_id, value in answers.items():
        key = str(question_id)
        if value in (None, "", []):
            given.pop(key, None)
        else:
            given[key] = value
    holding.keep_draft_answers(draft, given, survey=survey)
    draft.reached = max(0, reached)
    draft.save()
    return draft


def _answers_for(question: Question, value: AnswerValue | None) -> list[Answer]:
    """The rows for one question's answer; anything not one of its options is dropped."""
    if value in (None, "", []):
        return []
    if question.kind == QuestionKind.TEXT:
        return [Answer(question=question, text=str(value).strip())] if str(value).strip() else []
    if question.kind == QuestionKind.SCALE:
        try:
            point = int(value)
        except (TypeError, ValueError):
            return []
        return [Answer(question=question, scale=point)] if str(point) in question.options else []
    chosen = value if isinstance(value, list) else [value]
    if question.kind == QuestionKind.SINGLE:
        chosen = chosen[:1]
    options = question.options
    return [Answer(question=question, choice=c) for c in options if c in chosen]


@transaction.atomic
def submit_survey(*, survey: Survey, person: User) -> Response | None:
    """Send a person's draft as their answers, once.

    Records that they answered (`Respondent`, date only, no link to the answers) and deletes the
    draft, which was the only other place that held their answers. A named survey's answers
    are written at once as a `Response` with its `Answer`s and a `ResponseAuthor`, and returned.
    An anonymous survey's are held (`surveys.holding.hold_answers`) and written in a group, in
    a later transaction, once enough people have answered: None is returned, and the person is
    not counted on staff pages until then.

    Serialised per survey by the survey's row lock, so the held answers are never rewritten by
    two requests at once. Raises `SurveyNotOpen`, `AlreadyAnswered`, `NotAYoungPerson`,
    `MissingAnswers` or `CannotHoldAnswers` (nothing is written then, and the draft is kept)."""
    _check_can_answer(survey, person)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    draft = Draft.objects.select_for_update().filter(survey=survey, person=person).first() or Draft(
        survey=survey, person=person
    )
    given = holding.draft_answers(draft) if draft.pk else {}
    sections = list(survey.sections.prefetch_related("questions"))
    rows: list[Answer] = []
    missing: list[Question] = []
    first_missing_section: int | None = None
    for index, section in enumerate(sections):
        for question in section.questions.all():
            answers = _answers_for(question, given.get(str(question.pk)))
            if question.required and not answers:
                missing.append(question)
                if first_missing_section is None:
                    first_missing_section = index
            rows.extend(answers)
    if missing:
        raise MissingAnswers(section_index=first_missing_section or 0, questions=missing)

    today = timezone.localdate()
    try:
        # The unique constraint is what really stops a second response when two requests race.
        with transaction.atomic():
            Respondent.objects.create(
                survey=survey, person=person, answered_on=today, released=not survey.anonymous
            )
    except IntegrityError:
        raise AlreadyAnswered(f"{person} has already answered {survey}") from None
    if draft.pk:
        draft.delete()
    if survey.anonymous:
        try:
            holding.hold_answers(survey=survey, rows=rows)
        except holding.HeldUnreadable as error:
            raise CannotHoldAnswers(str(error)) from error
        return None
    response = Response.objects.create(survey=survey, submitted_on=today)
    ResponseAuthor.objects.create(response=response, person=person)
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)
    return response
