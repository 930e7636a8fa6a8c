"""An anonymous answer can never be traced back to the person who gave it: checked in the
database's own tables and rows, with the queries someone holding the whole database would run
(issue 15, finding 1): PostgreSQL's transaction ids (`xmin`) and physical order (`ctid`),
SQLite's `rowid`, times, and the sealed rows themselves."""

from __future__ import annotations

import threading
import uuid

import pytest
from django.db import connection, connections

from portal.people.models import User
from surveys import holding, sealing, services
from surveys.models import (
    Answer,
    Booking,
    Draft,
    HeldAnswers,
    HeldQuestions,
    Respondent,
    Response,
    ResponseAuthor,
    SessionQuestion,
)
from tests import factories
from tests.surveys.conftest import build_survey, question, send

pytestmark = pytest.mark.django_db

SECRET = "my foster carer hits me"


def _relations(table: str) -> dict[str, str]:
    """Each foreign-key column of `table` and the table it points at, as the database has it."""
    with connection.cursor() as cursor:
        relations = connection.introspection.get_relations(cursor, table)
    return {column: target[1] for column, target in relations.items()}


def _columns(table: str) -> dict[str, str]:
    with connection.cursor() as cursor:
        description = connection.introspection.get_table_description(cursor, table)
    return {
        col.name: connection.introspection.get_field_type(col.type_code, col) for col in description
    }


def _draft(survey, person, *, better: str = "Words", pa: int = 5) -> None:
    services.save_draft(
        survey=survey,
        person=person,
        answers={
            question(survey, "pa-satisfaction").pk: pa,
            question(survey, "safe-at-home").pk: "Yes",
            question(survey, "in-control").pk: "No",
            question(survey, "make-better").pk: better,
        },
        reached=2,
    )


def _answer(survey, person, *, better: str = "Words", pa: int = 5) -> None:
    _draft(survey, person, better=better, pa=pa)
    send(survey, person)


def _everything_in_the_surveys_tables() -> bytes:
    """Every value of every row of every surveys table, as a database dump would have it."""
    dump = bytearray()
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            if not table.startswith("surveys_"):
                continue
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, (bytes, bytearray, memoryview)):
                        dump += bytes(value)
                    else:
                        dump += str(value).encode("utf-8")
                    dump += b"\x1f"
    return bytes(dump)


def test_no_column_of_a_response_or_what_waits_leads_to_a_person():
    user_table = User._meta.db_table
    response_table, answer_table = Response._meta.db_table, Answer._meta.db_table
    # Exactly these columns: a new one must be thought about here first.
    assert set(_columns(response_table)) == {"id", "survey_id", "submitted_on"}
    assert set(_columns(answer_table)) == {
        "id",
        "response_id",
        "question_id",
        "choice",
        "scale",
        "text",
    }
    assert _relations(response_table) == {"survey_id": "surveys_survey"}
    assert _relations(answer_table) == {
        "response_id": response_table,
        "question_id": "surveys_question",
    }
    # What waits for a group: the survey or session, and a sealed value. No time, no person.
    assert set(_columns(HeldAnswers._meta.db_table)) == {"survey_id", "sealed"}
    assert set(_columns(HeldQuestions._meta.db_table)) == {"session_id", "sealed"}
    assert set(_columns(SessionQuestion._meta.db_table)) == {"id", "session_id", "text"}
    assert _relations(SessionQuestion._meta.db_table) == {"session_id": "surveys_session"}
    # A booking no longer says whether its person asked something without their name.
    assert "question_anonymous" not in _columns(Booking._meta.db_table)
    # Nor does anything they point at: the survey and its questions name nobody.
    for table in ("surveys_survey", "surveys_section", "surveys_question"):
        assert user_table not in _relations(table).values(), table
    assert _columns(response_table)["submitted_on"] == "DateField"
    assert not Response.objects.filter(survey__anonymous=True, submitted_on__isnull=False).exists()
    # "Who has answered" points at people and the survey, never at a response, and keeps a day.
    assert _relations(Respondent._meta.db_table) == {
        "survey_id": "surveys_survey",
        "person_id": user_table,
    }
    assert _columns(Respondent._meta.db_table)["answered_on"] == "DateField"


def test_what_an_anonymous_survey_is_told_is_readable_nowhere_until_its_group_is_shown(survey):
    person = factories.YoungPersonFactory().user
    _draft(survey, person, better=SECRET)
    # Half done: the draft names them, so its answers are sealed.
    draft = Draft.objects.get(person=person)
    assert draft.answers == {} and draft.sealed
    assert SECRET.encode() not in _everything_in_the_surveys_tables()
    send(survey, person)
    assert not Response.objects.exists() and not ResponseAuthor.objects.exists()
    assert not Draft.objects.exists()
    assert SECRET.encode() not in _everything_in_the_surveys_tables()
    for _ in range(4):
        _answer(survey, factories.YoungPersonFactory().user)
    # Shown with four others: now in the results, with no link to anyone.
    assert Answer.objects.filter(text=SECRET).count() == 1
    assert not HeldAnswers.objects.exists()


def test_what_waits_is_the_same_size_whatever_was_said():
    """Sealed values are padded to what they could hold, so a row's size (in a dump, or a dead
    row's in the database's files) cannot be matched to the length of a released answer."""
    long_survey, short_survey = build_survey(title="One"), build_survey(title="Two")
    wordy, quiet = factories.YoungPersonFactory().user, factories.YoungPersonFactory().user
    _draft(long_survey, wordy, better="x" * 2000, pa=1)
    _draft(short_survey, quiet, better="")
    drafts = {d.person_id: len(d.sealed) for d in Draft.objects.all()}
    assert drafts[wordy.pk] == drafts[quiet.pk]
    send(long_survey, wordy)
    send(short_survey, quiet)
    held = {h.survey_id: len(h.sealed) for h in HeldAnswers.objects.all()}
    assert held[long_survey.pk] == held[short_survey.pk]
    # And it does not grow as people join the group (its size is that of a whole group).
    _answer(short_survey, factories.YoungPersonFactory().user)
    assert len(HeldAnswers.objects.get(survey=short_survey).sealed) == held[short_survey.pk]


@pytest.mark.django_db(transaction=True)
def test_the_database_cannot_line_a_name_up_with_an_answer():
    """Each "Send" commits on its own, as in production; the group is written in a transaction
    of its own after the fifth. The attacker's queries then find every name beside every
    answer, and a physical order that is that of random keys."""
    survey = build_survey()
    people = [factories.YoungPersonFactory().user for _ in range(5)]
    for n, person in enumerate(people):
        _answer(survey, person, better=f"{SECRET} ({n})")
    assert Response.objects.filter(survey=survey).count() == 5
    assert not HeldAnswers.objects.exists()
    assert Respondent.objects.filter(survey=survey, released=True).count() == 5

    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT DISTINCT xmin::text FROM surveys_response")
            [response_xid] = cursor.fetchall()
            cursor.execute("SELECT DISTINCT xmin::text FROM surveys_answer")
            assert cursor.fetchall() == [response_xid]
            # Every respondent of the group was marked released in that same transaction.
            cursor.execute("SELECT DISTINCT xmin::text FROM surveys_respondent")
            assert cursor.fetchall() == [response_xid]
            # The join that named three young people (issue 15): a response's transaction id
            # next to a respondent's. Now it puts every name beside every answer.
            cursor.execute(
                """
                SELECT a.text, count(DISTINCT r.person_id)
                FROM surveys_answer a
                JOIN surveys_response s ON s.id = a.response_id
                JOIN surveys_respondent r ON r.xmin::text::bigint = s.xmin::text::bigint
                WHERE a.text <> ''
                GROUP BY a.text
                """
            )
            assert sorted(n for _, n in cursor.fetchall()) == [5] * 5
            cursor.execute(
                """
                SELECT count(*) FROM surveys_respondent r JOIN surveys_response s
                ON s.xmin::text::bigint IN (r.xmin::text::bigint + 1, r.xmin::text::bigint - 1)
                """
            )
            assert cursor.fetchone() == (0,)
            position = "ctid"
        else:
            position = "rowid"
        # The order rows reached the table is that of their random keys: no order of sending.
        for table in ("surveys_response", "surveys_answer"):
            cursor.execute(f"SELECT id FROM {table} ORDER BY {position}")  # noqa: S608
            physical = [row[0] for row in cursor.fetchall()]
            cursor.execute(f"SELECT id FROM {table} ORDER BY id")  # noqa: S608
            assert physical == [row[0] for row in cursor.fetchall()], table
    assert all(
        uuid.UUID(str(pk)).version == 4 for pk in Response.objects.values_list("pk", flat=True)
    )
    # No time at all: an anonymous response has no date, and "who has answered" has a day.
    assert not Response.objects.exclude(submitted_on=None).exists()


@pytest.mark.django_db(transaction=True)
def test_two_processes_releasing_at_once_write_each_answer_once(settings):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (the services run of `make test` has them)")
    survey = build_survey()
    settings.SURVEY_RELEASE_BATCH = 6
    for _ in range(5):
        _answer(survey, factories.YoungPersonFactory().user)
    assert not Response.objects.exists()
    settings.SURVEY_RELEASE_BATCH = 5  # a smaller group: two sweeps find five waiting at once
    start = threading.Barrier(2)
    written: list[int] = []
    errors: list[BaseException] = []

    def release() -> None:
        try:
            start.wait(timeout=10)
            written.append(services.release_answers(survey_id=survey.pk))
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=release) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert sorted(written) == [0, 5]
    assert Response.objects.count() == 5


def test_the_group_is_never_smaller_than_five(settings, survey):
    settings.SURVEY_RELEASE_BATCH = 2
    assert holding.batch_size() == 5
    for _ in range(4):
        _answer(survey, factories.YoungPersonFactory().user)
    assert not Response.objects.exists()
    settings.SURVEY_RELEASE_BATCH = 7
    for _ in range(2):
        _answer(survey, factories.YoungPersonFactory().user)
    assert not Response.objects.exists()
    _answer(survey, factories.YoungPersonFactory().user)
    assert Response.objects.count() == 7


def test_a_sealed_value_opens_after_the_key_is_rotated_and_only_where_it_was_sealed(settings):
    sealed = sealing.seal({"q": [SECRET]}, context="survey 1", size=256)
    assert SECRET.encode() not in sealed
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-" + "k" * 50
    assert sealing.unseal(sealed, context="survey 1") == {"q": [SECRET]}
    with pytest.raises(sealing.Unreadable):
        sealing.unseal(sealed, context="survey 2")
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(sealing.Unreadable):
        sealing.unseal(sealed, context="survey 1")
