"""The holding area: anonymous survey answers and questions sent without a name wait here,
sealed, and staff see them only in groups (issue 15, findings 1 and 2).

Why: a response written when its author pressed "Send" can be matched to the "who has answered"
row written in the same moment: by PostgreSQL's transaction id (`xmin`), by the rows' physical
order (`ctid`, SQLite's `rowid`), by time, or simply by a member of staff refreshing the results
and the participation page either side of one young person answering. So nothing is written
where staff or a database reader can see it at that moment:

- **Surveys.** `surveys.services.submit_survey` adds a person's answers to their survey's one
  `HeldAnswers` row (`with_answers`), in the same transaction as their `Respondent` row
  (released=False, so staff pages do not count them yet). The row holds every waiting person's
  answers, shuffled, sealed and padded to a size that depends only on the group size
  (`surveys.sealing`): a dump of it tells nobody anything, and without the key neither does a
  copy of the database's files.
- **Sessions.** `surveys.sessions.services.book` does the same for a question sent without a
  name, and records that the person booked (`with_booking`): every booking without a named
  question rewrites the session's one `HeldQuestions` row, question or not, so when it changed
  and how big it is say nothing.
- **Release.** After each of those commits, `surveys.services.release_answers` /
  `surveys.sessions.services.release_questions` run in a transaction of their own, under the
  survey's or session's row lock (so two processes never release the same answers twice). Once
  at least `batch_size()` (5 or more) people are waiting, every waiting answer is written in that
  one transaction, in the order of the new rows' random UUID keys (`responses_from`,
  `questions_from`), the waiting respondents are marked released in it, and the held row is
  deleted. The responses then share their transaction id with every respondent of the group
  alike, and their physical order is that of random keys. `manage.py release_held_answers` does
  the same for anything an interrupted request left behind, and settles what closed:
- **What is left over.** When a survey closes with fewer than a group waiting, those answers are
  deleted unread (showing fewer would narrow down whose they are) and counted on the survey
  (`answers_deleted_unread`), which the results page says. Questions still waiting when their
  session ends are deleted unread. Young people are told both before they send.

This module seals, opens and sizes what waits; it writes nothing. The services above write it.

The deleted held rows stay on disk as dead rows until PostgreSQL's VACUUM (or SQLite reuses the
page), sealed: see docs/participation.md for exactly what this does and does not protect.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Iterable

from django.conf import settings

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
    Response,
    Session,
    SessionQuestion,
    Survey,
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


def release_each(ids: Iterable[int], release: Callable[[int], int]) -> int:
    """Run `release` for each waiting group (a survey's answers, a session's questions) and add
    up what it released. A group that cannot be opened is logged where it is opened and
    skipped, so the others still go."""
    released = 0
    for group_id in ids:
        try:
            released += release(group_id)
        except HeldUnreadable:
            continue
    return released


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


def open_answers(held: HeldAnswers) -> list[list[list]]:
    """Every waiting person's answers, each a list of [question id, choice, scale, text]."""
    try:
        return list(unseal(held.sealed, context=_answers_context(held.survey_id)))
    except Unreadable as error:
        logger.error(
            "The answers waiting for survey %s cannot be opened: %s", held.survey_id, error
        )
        raise HeldUnreadable(str(error)) from error


def with_answers(held: HeldAnswers | None, rows: list[Answer], *, survey: Survey) -> bytes:
    """The survey's waiting answers (`held`, if any) with one more person's `rows`, shuffled,
    sealed and padded to a size that depends only on the group size and the questions.
    `surveys.services` writes it, in the transaction that records the person answered."""
    waiting = open_answers(held) if held else []
    waiting.append([[row.question_id, row.choice, row.scale, row.text] for row in rows])
    _shuffle(waiting)
    size = max(batch_size(), len(waiting)) * answers_size(_questions(survey)) + 16
    return seal(waiting, context=_answers_context(survey.pk), size=size)


def responses_from(
    survey: Survey, waiting: list[list[list]]
) -> tuple[list[Response], list[Answer]]:
    """The rows a released group becomes (not saved): one response per person, no date, and
    their answers, each list in the order of the new rows' random (version 4, os.urandom) keys,
    so the order the rows reach the table's pages (ctid, rowid) says nothing about who answered,
    or when. An answer to a question removed while it waited is dropped."""
    known = set(Question.objects.filter(section__survey=survey).values_list("pk", flat=True))
    responses: list[Response] = []
    answers: list[Answer] = []
    for rows in waiting:
        response = Response(survey=survey, submitted_on=None)
        responses.append(response)
        for question_id, choice, scale, text in rows:
            if question_id in known:
                answers.append(
                    Answer(
                        response=response,
                        question_id=question_id,
                        choice=choice,
                        scale=scale,
                        text=text,
                    )
                )
    responses.sort(key=lambda response: response.pk)
    answers.sort(key=lambda answer: answer.pk)
    return responses, answers


# --- Questions sent in advance of a session without a name -------------------------------------


def _questions_context(session_id: int) -> str:
    return f"questions waiting for session {session_id}"


def open_questions(held: HeldQuestions) -> dict[str, list]:
    """The waiting questions and the people who booked since the last group was shown."""
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


def with_booking(
    held: HeldQuestions | None, *, session: Session, person: User, question: str
) -> bytes:
    """The session's waiting questions (`held`, if any) noting that `person` booked without a
    named question, with `question` (sent without their name) if there is one; shuffled, sealed
    and padded. `surveys.sessions.services` writes it for every such booking, question or not,
    so that the held row changes in the same way whether or not someone asked."""
    waiting = open_questions(held) if held else {"questions": [], "people": []}
    if question:
        waiting["questions"].append(question)
    if person.pk not in waiting["people"]:
        waiting["people"].append(person.pk)
    _shuffle(waiting["questions"])
    _shuffle(waiting["people"])
    size = _questions_size(len(waiting["questions"]), len(waiting["people"]))
    return seal(waiting, context=_questions_context(session.pk), size=size)


def questions_from(session: Session, waiting: dict[str, list]) -> list[SessionQuestion]:
    """The rows a released group of questions becomes (not saved), in the order of their random
    keys (see `responses_from`)."""
    questions = [SessionQuestion(session=session, text=text) for text in waiting["questions"]]
    questions.sort(key=lambda question: question.pk)
    return questions
