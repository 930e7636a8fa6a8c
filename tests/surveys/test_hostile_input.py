"""Hostile input on the survey and session pages gets a clear answer, never a 500 (issue 15,
finding 5): a NUL or half an emoji in a booking question, ids too big for the database in a
URL or in the attendance form, an answer that is not one of the choices."""

from __future__ import annotations

import pytest
from django.urls import reverse

from surveys.forms import NOT_TEXT, SectionForm
from surveys.models import Booking, BookingState
from surveys.sessions import services as session_services
from surveys.sessions.forms import BookingForm
from tests.surveys.conftest import build_survey, field
from tests.surveys.test_sessions import make_session, states, young

pytestmark = pytest.mark.django_db

TOO_BIG = 2**63  # one more than the largest id PostgreSQL or SQLite can hold


@pytest.mark.parametrize("question", ["Is there\x00 food?", "Is there food? \ud83d"])
def test_a_booking_question_that_is_not_text_is_a_form_error(question):
    form = BookingForm({"question": question, "question_anonymous": "on"})
    assert not form.is_valid()
    assert form.errors["question"] == [NOT_TEXT]


def test_a_nul_in_a_booking_question_books_nothing_and_never_500s(client, young_person, manager):
    session = make_session(manager)
    client.force_login(young_person.user)
    response = client.post(
        reverse("surveys:session_book", args=[session.pk]),
        {"question": "Is there\x00 food?", "question_anonymous": "on"},
    )
    assert response.status_code == 400
    assert not Booking.objects.exists()


def test_a_booking_question_that_is_too_long_keeps_what_was_typed(client, young_person, manager):
    session = make_session(manager)
    client.force_login(young_person.user)
    response = client.post(
        reverse("surveys:session_book", args=[session.pk]), {"question": "x" * 1001}
    )
    assert response.status_code == 400
    assert "Keep your question under 1000 characters." in response.text
    assert "x" * 1001 in response.text
    assert not Booking.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        f"/surveys/sessions/{TOO_BIG}/calendar.ics",
        f"/surveys/sessions/{TOO_BIG}/",
        f"/surveys/{TOO_BIG}/",
        f"/surveys/1/{TOO_BIG}/",
        f"/surveys/{10**30}/check/",
    ],
)
def test_ids_too_big_for_the_database_are_404(client, young_person, manager, path):
    make_session(manager)
    client.force_login(young_person.user)
    assert client.get(path).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        f"/staff/sessions/{TOO_BIG}/",
        f"/staff/participation/{TOO_BIG}/",
        f"/staff/surveys/{TOO_BIG}/answers.csv",
    ],
)
def test_staff_pages_with_ids_too_big_are_404(client, manager, path):
    client.force_login(manager)
    assert client.get(path).status_code == 404


def test_attendance_for_an_id_too_big_is_ignored_and_the_rest_saved(client, manager):
    session = make_session(manager)
    came = session_services.book(session=session, person=young(1)).booking
    client.force_login(manager)
    response = client.post(
        reverse("surveys:staff_session", args=[session.pk]),
        {f"came-{came.pk}": "yes", f"came-{TOO_BIG}": "yes", f"came-{10**40}": "no"},
        follow=True,
    )
    assert response.status_code == 200
    assert "Saved who came: 1 person" in response.text
    assert states(session) == {"yp1": BookingState.ATTENDED}


def test_an_attendance_choice_that_is_not_offered_is_an_error_and_nothing_is_saved(client, manager):
    session = make_session(manager)
    first = session_services.book(session=session, person=young(1)).booking
    second = session_services.book(session=session, person=young(2)).booking
    client.force_login(manager)
    response = client.post(
        reverse("surveys:staff_session", args=[session.pk]),
        {f"came-{first.pk}": "yes", f"came-{second.pk}": "maybe"},
    )
    assert response.status_code == 400
    assert "Choose Came or Did not come." in response.text
    assert f'href="#came-{second.pk}-yes"' in response.text
    # What was chosen stays chosen; nothing is saved until it is right.
    assert f'id="came-{first.pk}-yes" value="yes" checked' in response.text
    assert states(session) == {"yp1": BookingState.BOOKED, "yp2": BookingState.BOOKED}


@pytest.mark.parametrize("words", ["Bus\x00 passes", "Bus passes \udc00"])
def test_a_written_survey_answer_that_is_not_text_is_an_error_on_the_question(words):
    survey = build_survey()
    section = survey.sections.order_by("sort_order")[1]
    form = SectionForm(
        {field(survey, "in-control"): "Yes", field(survey, "make-better"): words}, section=section
    )
    assert not form.is_valid()
    assert form.errors[field(survey, "make-better")] == [NOT_TEXT]
