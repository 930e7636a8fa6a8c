"""The holding area: anonymous survey answers and questions sent without a name wait here,
sealed, and staff see them only in groups (issue 15, findings 1 and 2).

Why: a response written when its author pressed "Send" can be matched to the "who has answered"
row written in the same moment: by PostgreSQL's transaction id (`xmin`), by the rows' physical
order (`ctid`, SQLite's `rowid`), by time, or simply by a member of staff refreshing the results
and the participation page either side of one young person answering. So nothing is written
where staff or a database reader can see it at that moment:

- **Surveys.** `hold_answers` adds a person's answers to their survey's one `HeldAnswers` row,
  in the same transaction as their `Respondent` row (released=False, so staff pages do not count
  them yet). The row holds every waiting person's answers, shuffled, sealed and padded to a
  size that depends only on the group size (`surveys.sealing`): a dump of it tells nobody
  anything, and without the key neither does a copy of the database's files.
- **Sessions.** `note_booking` does the same for a question sent without a name, and records
  that the person booked: every booking without a named question rewrites the session's one
  `HeldQuestions` row, question or not, so when it changed and how big it is say nothing.
- **Release.** After each of those commits, `release_answers` / `release_questions` run in a
  transaction of their own, under the survey's or session's row lock (so two processes never
  release the same answers twice). Once at least `batch_size()` (5 or more) people are waiting,
  every waiting answer is written in that one transaction, in the order of the new rows' random
  UUID keys, the waiting respondents are marked released in it, and the held row is deleted.
  The responses then share their transaction id with every respondent of the group alike, and
  their physical order is that of random keys. `manage.py release_held_answers` does the same
  for anything an interrupted request left behind, and settles what closed:
- **What is left over.** When a survey closes with fewer than a group waiting, those answers are
  deleted unread (showing fewer would narrow down whose they are) and counted on the survey
  (`answers_deleted_unread`), which the results page says. Questions still waiting when their
  session ends are deleted unread. Young people are told both before they send.

The deleted held rows stay on disk as dead rows until PostgreSQL's VACUUM (or SQLite reuses the
page), sealed: see docs/participation.md for exactly what this does and does not protect.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable
from functools import partial

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from portal.people.models import User
from surveys.models import (
    QUESTION_MAX,
    TEXT_LIMIT,
    Answer,
    Draft,
    HeldAnswers,
    HeldQuestions,
    Question,
    QuestionKind,
    Respondent,
    Response,
    Session,
    SessionQuestion,
    Survey,
    SurveyState,
)
from surveys.sealing import Unreadable, seal, unseal

logger = logging.getLogger(__name__)

# The smallest group ever shown, whatever SURVEY_RELEASE_BATCH says (issue 15: "at least 5").
MINIMUM_BATCH = 5
# Bytes a character can take in the sealed JSON: UTF-8 needs up to 4, a control character
# escaped as \u001f needs 6.
WORST_BYTES_PER_CHARACTER = 6
# Room for one answer's fixed parts: [question id, "", null, ""] and a comma.
ANSWER_ROW_BYTES = 48
PERSON_ID_BYTES = 24

_shuffle = random.SystemRandom().shuffle


class HeldUnreadable(Exception):
    """The waiting answers or questions were sealed with a key that is no longer configured
    (SECRET_KEY rotated without keeping the old one in SECRET_KEY_FALLBACKS). Nothing is
    written; the views say "try again later" and the error is logged for whoever runs it."""


def batch_size() -> int:
    """How many people must be waiting before their answers or questions are shown."""
    return max(MINIMUM_BATCH, int(getattr(settings, "SURVEY_RELEASE_BATCH", MINIMUM_BATCH)))


# --- Sizes: from what could be held, never from what is -----------------------------------------


def answers_size(questions: Iterable[Question]) -> int:
    """The most bytes one person's answers to these questions can take, sealed as JSON."""
    size = 16
    for question in questions:
        options = question.options
        if question.kind == QuestionKind.TEXT:
            size += ANSWER_ROW_BYTES + WORST_BYTES_PER_CHARACTER * TEXT_LIMIT
        elif question.kind == QuestionKind.SCALE:
            size += ANSWER_ROW_BYTES
        elif question.kind == QuestionKind.SINGLE:
            longest = max((len(option) for option in options), default=0)
            size += ANSWER_ROW_BYTES + WORST_BYTES_PER_CHARACTER * longest
        else:
            size += sum(
                ANSWER_ROW_BYTES + WORST_BYTES_PER_CHARACTER * len(option) for option in options
            )
    return size


def _questions(survey: Survey) -> list[Question]:
    return list(Question.objects.filter(section__survey=survey))


# --- Drafts of anonymous surveys ---------------------------------------------------------------


def _draft_context(draft: Draft) -> str:
    return f"draft of survey {draft.survey_id} by person {draft.person_id}"


def draft_answers(draft: Draft | None) -> dict:
    """What a draft holds (question id as text to the answer), sealed or not."""
    if draft is None:
        return {}
    if draft.sealed:
        try:
            return dict(unseal(draft.sealed, context=_draft_context(draft)))
        except Unreadable:
            logger.error(
                "A draft of survey %s cannot be opened with the configured keys; it "
                "is treated as empty.",
                draft.survey_id,
            )
            return {}
    return dict(draft.answers)


def keep_draft_answers(draft: Draft, answers: dict, *, survey: Survey) -> None:
    """Put `answers` in the draft (not saved): sealed, at a fixed size, for an anonymous survey,
    so neither a dump of the database nor a draft's size says what a named person is writing."""
    if survey.anonymous:
        draft.sealed = seal(
            answers, context=_draft_context(draft), size=answers_size(_questions(survey))
        )
        draft.answers = {}
    else:
        draft.answers = answers
        draft.sealed = None


# --- Survey answers ----------------------------------------------------------------------------


def _answers_context(survey_id: int) -> str:
    return f"answers waiting for survey {survey_id}"


def _open_answers(held: HeldAnswers) -> list[list[list]]:
    try:
        return list(unseal(held.sealed, context=_answers_context(held.survey_id)))
    except Unreadable as error:
        logger.error(
            "The answers waiting for survey %s cannot be opened: %s", held.survey_id, error
        )
        raise HeldUnreadable(str(error)) from error


def hold_answers(*, survey: Survey, rows: list[Answer]) -> None:
    """Add one person's answers to the survey's waiting answers, and release a group after
    commit if there is one.

    Called only by `surveys.services.submit_survey`, inside its transaction, which holds the
    survey's row lock and writes the person's `Respondent` row (not yet released)."""
    held = HeldAnswers.objects.filter(survey=survey).first()
    waiting = _open_answers(held) if held else []
    waiting.append([[row.question_id, row.choice, row.scale, row.text] for row in rows])
    _shuffle(waiting)
    size = max(batch_size(), len(waiting)) * answers_size(_questions(survey)) + 16
    sealed = seal(waiting, context=_answers_context(survey.pk), size=size)
    if held:
        held.sealed = sealed
        held.save(update_fields=["sealed"])
    else:
        HeldAnswers.objects.create(survey=survey, sealed=sealed)
    transaction.on_commit(partial(release_answers, survey_id=survey.pk), robust=True)


def _write_responses(survey: Survey, waiting: list[list[list]]) -> int:
    known = set(Question.objects.filter(section__survey=survey).values_list("pk", flat=True))
    responses: list[Response] = []
    answers: list[Answer] = []
    for rows in waiting:
        response = Response(survey=survey, submitted_on=None)
        responses.append(response)
        for question_id, choice, scale, text in rows:
            if question_id in known:  # a question removed while its answers waited goes
                answers.append(
                    Answer(
                        response=response,
                        question_id=question_id,
                        choice=choice,
                        scale=scale,
                        text=text,
                    )
                )
    # Written in the order of their random (version 4, os.urandom) keys, so the order the rows
    # reach the table's pages (ctid, rowid) is that of the keys: it says nothing about who
    # answered, or when.
    responses.sort(key=lambda response: response.pk)
    answers.sort(key=lambda answer: answer.pk)
    Response.objects.bulk_create(responses)
    Answer.objects.bulk_create(answers)
    return len(responses)


def release_answers(*, survey_id: int) -> int:
    """Show a survey's waiting answers if there are enough for a group; if the survey has closed
    and there are not, delete them unread. Returns how many responses were written.

    Runs in its own transaction under the survey's row lock: after each anonymous "Send" is
    committed (so the group shares no transaction with anyone's "Send"), and from
    `manage.py release_held_answers`."""
    with transaction.atomic():
        survey = Survey.objects.select_for_update().filter(pk=survey_id).first()
        held = HeldAnswers.objects.filter(survey_id=survey_id).first() if survey else None
        if held is None:
            return 0
        waiting = Respondent.objects.filter(survey=survey, released=False)
        if survey.state() == SurveyState.CLOSED and waiting.count() < batch_size():
            # Fewer than a group, and nobody else can join it: showing them would narrow each
            # answer down to fewer than a group of people. Deleted without being opened.
            survey.answers_deleted_unread += waiting.count()
            survey.save(update_fields=["answers_deleted_unread"])
            waiting.update(released=True)
            held.delete()
            return 0
        entries = _open_answers(held)
        if len(entries) < batch_size():
            return 0
        written = _write_responses(survey, entries)
        waiting.update(released=True)
        held.delete()
        return written


# --- Questions sent in advance of a session without a name -------------------------------------


def _questions_context(session_id: int) -> str:
    return f"questions waiting for session {session_id}"


def _open_questions(held: HeldQuestions) -> dict[str, list]:
    try:
        return dict(unseal(held.sealed, context=_questions_context(held.session_id)))
    except Unreadable as error:
        logger.error(
            "The questions waiting for session %s cannot be opened: %s", held.session_id, error
        )
        raise HeldUnreadable(str(error)) from error


def _questions_size(questions: int, people: int) -> int:
    group = batch_size()
    question_bytes = WORST_BYTES_PER_CHARACTER * QUESTION_MAX + 8
    return max(group, questions) * question_bytes + max(group, people) * PERSON_ID_BYTES + 64


def note_booking(*, session: Session, person: User, question: str) -> None:
    """Record that `person` booked without a named question, and hold `question` (sent without
    their name) if there is one; release a group after commit if there is one.

    Called only by `surveys.bookings.book`, inside its transaction, which holds the session's
    row lock. Called for every such booking, question or not, so that the held row changes in
    the same way whether or not someone asked."""
    held = HeldQuestions.objects.filter(session=session).first()
    waiting = _open_questions(held) if held else {"questions": [], "people": []}
    if question:
        waiting["questions"].append(question)
    if person.pk not in waiting["people"]:
        waiting["people"].append(person.pk)
    _shuffle(waiting["questions"])
    _shuffle(waiting["people"])
    size = _questions_size(len(waiting["questions"]), len(waiting["people"]))
    sealed = seal(waiting, context=_questions_context(session.pk), size=size)
    if held:
        held.sealed = sealed
        held.save(update_fields=["sealed"])
    else:
        HeldQuestions.objects.create(session=session, sealed=sealed)
    transaction.on_commit(partial(release_questions, session_id=session.pk), robust=True)


def release_questions(*, session_id: int) -> int:
    """Show a session's waiting questions once at least a group of people (`batch_size()`) have
    booked since the last were shown; delete them unread once the session has ended. Returns
    how many questions were shown.

    Among those people are everyone who could have asked them: the host, who sees who booked,
    cannot narrow a question down to fewer. Runs in its own transaction under the session's
    row lock, after each booking is committed and from `manage.py release_held_answers`."""
    with transaction.atomic():
        session = Session.objects.select_for_update().filter(pk=session_id).first()
        held = HeldQuestions.objects.filter(session_id=session_id).first() if session else None
        if held is None:
            return 0
        if session.ends_at <= timezone.now():
            held.delete()
            return 0
        waiting = _open_questions(held)
        if len(waiting["people"]) < batch_size():
            return 0
        questions = [SessionQuestion(session=session, text=text) for text in waiting["questions"]]
        questions.sort(key=lambda question: question.pk)  # random keys: see _write_responses
        SessionQuestion.objects.bulk_create(questions)
        held.delete()
        return len(questions)


def release_due() -> tuple[int, int]:
    """Release or settle everything waiting (`manage.py release_held_answers`): returns the
    responses written and the questions shown."""
    responses = questions = 0
    for survey_id in HeldAnswers.objects.values_list("survey_id", flat=True):
        try:
            responses += release_answers(survey_id=survey_id)
        except HeldUnreadable:
            continue  # logged; the others still go
    for session_id in HeldQuestions.objects.values_list("session_id", flat=True):
        try:
            questions += release_questions(session_id=session_id)
        except HeldUnreadable:
            continue
    return responses, questions
