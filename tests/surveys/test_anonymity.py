"""An anonymous answer can never be traced back to the person who gave it: checked in the
database's own tables and rows, not only on the pages."""

from __future__ import annotations

import uuid

import pytest
from django.db import connection

from portal.people.models import User
from surveys import services
from surveys.models import Answer, Draft, Respondent, Response, ResponseAuthor
from tests import factories
from tests.surveys.conftest import question

pytestmark = pytest.mark.django_db


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


def _send(survey, person) -> Response:
    services.save_draft(
        survey=survey,
        person=person,
        answers={
            question(survey, "pa-satisfaction").pk: 5,
            question(survey, "safe-at-home").pk: "Yes",
            question(survey, "in-control").pk: "No",
            question(survey, "make-better").pk: "Words",
        },
        reached=2,
    )
    return services.submit_survey(survey=survey, person=person)


def test_no_column_of_a_response_or_its_answers_leads_to_a_person():
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
    # Nor does anything they point at: the survey and its questions name nobody.
    for table in ("surveys_survey", "surveys_section", "surveys_question"):
        assert user_table not in _relations(table).values(), table
    # A named response keeps the day it was sent (no time that could match a sign-in); an
    # anonymous one keeps no date at all (on a quiet day it would match "who has answered").
    assert _columns(response_table)["submitted_on"] == "DateField"
    assert not Response.objects.filter(survey__anonymous=True, submitted_on__isnull=False).exists()
    # "Who has answered" points at people and the survey, never at a response.
    assert _relations(Respondent._meta.db_table) == {
        "survey_id": "surveys_survey",
        "person_id": user_table,
    }
    assert _columns(Respondent._meta.db_table)["answered_on"] == "DateField"


def test_the_rows_of_an_anonymous_response_hold_nothing_about_the_person(survey, young_person):
    person = young_person.user
    response = _send(survey, person)
    assert not ResponseAuthor.objects.exists()
    assert not Draft.objects.exists()  # the draft, which named them, is gone
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {Response._meta.db_table}")  # noqa: S608
        response_rows = cursor.fetchall()
        cursor.execute(f"SELECT * FROM {Answer._meta.db_table}")  # noqa: S608
        answer_rows = cursor.fetchall()
    identifying = {person.username, person.first_name, person.last_name, person.email}
    for row in [*response_rows, *answer_rows]:
        for value in row:
            assert str(value) not in identifying - {""}
    assert len(response_rows) == 1
    assert uuid.UUID(str(response.pk)).version == 4


def test_ordering_by_key_does_not_give_the_order_people_answered_in(survey):
    people = [factories.YoungPersonFactory().user for _ in range(30)]
    sent = [_send(survey, person).pk for person in people]
    by_key = list(Response.objects.order_by("pk").values_list("pk", flat=True))
    assert sorted(sent) == sorted(by_key)
    # Random keys: the chance that 30 of them sort into the order they were written is 1/30!.
    assert by_key != sent
    assert all(uuid.UUID(str(pk)).version == 4 for pk in sent)
    answers = list(
        Answer.objects.filter(question__code="pa-satisfaction")
        .order_by("pk")
        .values_list("response_id", flat=True)
    )
    assert answers != sent
    # The record of who answered carries the same date for everyone, and a random key too.
    records = Respondent.objects.order_by("pk").values_list("person_id", flat=True)
    assert list(records) != [p.pk for p in people]
    assert Respondent.objects.values("answered_on").distinct().count() == 1
