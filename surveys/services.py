"""The only code that writes what young people say in surveys: drafts, sent answers, and an
anonymous survey's answers while they wait for their group and when they are shown.

Views call these and turn the small errors below into a message on the page. Each service runs
in one transaction. An anonymous survey's answers go to the holding area (`surveys.holding`
seals them; `_hold_answers` writes them), not straight to the results: they are shown in groups
(`release_answers`), so they cannot be traced to anyone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from portal.people.models import User
from surveys import holding
from surveys.models import (
    Answer,
    Draft,
    HeldAnswers,
    Question,
    QuestionKind,
    Respondent,
    Response,
    ResponseAuthor,
    Survey,
    SurveyState,
)
from surveys.young_people import NotAYoungPerson, takes_part

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
    if not takes_part(person):
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
    An anonymous survey's are held (`_hold_answers`) and written in a group, in
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
            _hold_answers(survey=survey, rows=rows)
        except holding.HeldUnreadable as error:
            raise CannotHoldAnswers(str(error)) from error
        return None
    response = Response.objects.create(survey=survey, submitted_on=today)
    ResponseAuthor.objects.create(response=response, person=person)
    for row in rows:
        row.response = response
    Answer.objects.bulk_create(rows)
    return response


# --- Anonymous answers: held, then shown in groups (see `surveys.holding` for why) -------------


def _hold_answers(*, survey: Survey, rows: list[Answer]) -> None:
    """Add one person's answers to the survey's waiting answers, and release a group after
    commit if there is one.

    Called only by `submit_survey`, inside its transaction, which holds the survey's row lock and
    writes the person's `Respondent` row (not yet released). Raises `holding.HeldUnreadable`."""
    held = HeldAnswers.objects.filter(survey=survey).first()
    sealed = holding.with_answers(held, rows, survey=survey)
    if held:
        held.sealed = sealed
        held.save(update_fields=["sealed"])
    else:
        HeldAnswers.objects.create(survey=survey, sealed=sealed)
    transaction.on_commit(partial(release_answers, survey_id=survey.pk), robust=True)


def release_answers(*, survey_id: int) -> int:
    """Show a survey's waiting answers if there are enough for a group; if the survey has closed
    and there are not, delete them unread. Returns how many responses were written.

    Runs in its own transaction under the survey's row lock: after each anonymous "Send" is
    committed (so the group shares no transaction with anyone's "Send"), and from
    `manage.py release_held_answers` (`release_waiting_answers`)."""
    with transaction.atomic():
        survey = Survey.objects.select_for_update().filter(pk=survey_id).first()
        held = HeldAnswers.objects.filter(survey_id=survey_id).first() if survey else None
        if held is None:
            return 0
        waiting = Respondent.objects.filter(survey=survey, released=False)
        if survey.state() == SurveyState.CLOSED and waiting.count() < holding.batch_size():
            # Fewer than a group, and nobody else can join it: showing them would narrow each
            # answer down to fewer than a group of people. Deleted without being opened.
            survey.answers_deleted_unread += waiting.count()
            survey.save(update_fields=["answers_deleted_unread"])
            waiting.update(released=True)
            held.delete()
            return 0
        entries = holding.open_answers(held)
        if len(entries) < holding.batch_size():
            return 0
        responses, answers = holding.responses_from(survey, entries)
        Response.objects.bulk_create(responses)
        Answer.objects.bulk_create(answers)
        waiting.update(released=True)
        held.delete()
        return len(responses)


def release_waiting_answers() -> int:
    """Release or settle every survey's waiting answers (`manage.py release_held_answers`);
    returns the responses written. A survey whose answers cannot be opened is logged and
    skipped, so the others still go."""
    return holding.release_each(
        HeldAnswers.objects.values_list("survey_id", flat=True),
        lambda survey_id: release_answers(survey_id=survey_id),
    )
