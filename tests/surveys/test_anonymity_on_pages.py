"""Staff cannot link an anonymous answer to a name from the pages alone (issue 15, finding 2):
a participation officer who saves every staff page before and after one young person answers
sees nothing change until a whole group is shown at once; the same for questions sent in
advance of a session without a name. What a closed survey or an ended session still held is
deleted unread, and the pages say so."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from portal.people.roles import Role
from surveys.models import (
    Answer,
    Draft,
    HeldAnswers,
    HeldQuestions,
    Respondent,
    Response,
    Session,
    SessionQuestion,
    Survey,
)
from surveys.participation import selectors as participation_selectors
from surveys.sessions import services as session_services
from tests import factories
from tests.surveys.conftest import after_commit, answer_all, build_survey, field
from tests.surveys.test_sessions import make_session

pytestmark = pytest.mark.django_db

# What differs between two loads of the same page without anything having changed: the script
# nonce, and the form token (masked afresh on every response: 64 letters and digits, in forms and
# in the staff idle-warning script's settings).
VARYING = [
    (re.compile(r'nonce="[^"]*"'), "nonce"),
    (re.compile(r"\b[A-Za-z0-9]{64}\b"), "csrf-token"),
]


def _steady(text: str) -> str:
    for pattern, replacement in VARYING:
        text = pattern.sub(replacement, text)
    return text


def _snapshot(staff, survey: Survey, profiles) -> dict[str, str]:
    """Everything a participation officer can open about the survey and the people."""
    paths = [
        "/staff/surveys/",
        f"/staff/surveys/{survey.pk}/",
        f"/staff/surveys/{survey.pk}/answers.csv",
        f"/staff/surveys/{survey.pk}/totals.csv",
        "/staff/participation/",
        *[f"/staff/participation/{profile.pk}/" for profile in profiles],
    ]
    pages = {}
    for path in paths:
        response = staff.get(path)
        assert response.status_code == 200, path
        pages[path] = _steady(response.content.decode("utf-8-sig"))
    return pages


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def test_no_staff_page_changes_when_one_person_answers_only_when_a_group_is_shown(client):
    survey = build_survey()
    officer = factories.staff(Role.PARTICIPATION, username="officer")
    profiles = [factories.YoungPersonFactory(user__first_name=f"Person{n}") for n in range(5)]
    staff = client
    staff.force_login(officer)
    before = _snapshot(staff, survey, profiles)
    for n, profile in enumerate(profiles[:4]):
        young = Client()
        young.force_login(profile.user)
        answer_all(young, survey, better=f"Words of person {n}")
        # Sent, and nothing on any staff page says so: not the results, not the downloads,
        # not the participation figures, not their own record.
        assert _snapshot(staff, survey, profiles) == before, n
        # They see it on their own record at once.
        assert survey.title in young.get("/surveys/my-record/").text

    young = Client()
    young.force_login(profiles[4].user)
    answer_all(young, survey, better="Words of person 4")
    after = _snapshot(staff, survey, profiles)
    # The fifth made a group: all five appear at once, everywhere.
    assert after != before
    assert "<strong>5</strong>" in after[f"/staff/surveys/{survey.pk}/"]
    for profile in profiles:
        record = after[f"/staff/participation/{profile.pk}/"]
        assert survey.title in record and "nobody can see what they said" in record
    figures = after["/staff/participation/"]
    assert "<dt>Surveys answered</dt><dd>5</dd>" in figures
    assert "<dt>Surveys answered</dt><dd>0</dd>" in before["/staff/participation/"]
    rows = _rows(after[f"/staff/surveys/{survey.pk}/answers.csv"])
    assert len(rows) == 6
    # Rows in the order of the responses' random keys, which is neither the order of sending
    # nor anything else about the people: the file cannot be lined up with the names.
    column = rows[0].index("What would make things better? [make-better]")
    by_key = [
        text
        for (text,) in Answer.objects.filter(question__code="make-better")
        .order_by("response_id")
        .values_list("text")
    ]
    assert [row[column] for row in rows[1:]] == by_key


def test_the_figures_count_people_only_once_their_group_is_shown(client):
    survey = build_survey()
    people = [factories.YoungPersonFactory().user for _ in range(5)]
    for person in people[:4]:
        young = Client()
        young.force_login(person)
        answer_all(young, survey)
    figures = participation_selectors.year_figures()
    assert (figures.surveys_answered, figures.took_part) == (0, 0)
    assert participation_selectors.record_for(people[0], for_staff=True) == []
    assert len(participation_selectors.record_for(people[0])) == 1  # their own, at once
    young = Client()
    young.force_login(people[4])
    answer_all(young, survey)
    figures = participation_selectors.year_figures()
    assert (figures.surveys_answered, figures.took_part) == (5, 5)


def test_a_closed_survey_deletes_unread_what_waited_for_a_group_and_says_so(client):
    survey = build_survey()
    officer = factories.staff(Role.PARTICIPATION, username="officer")
    people = [factories.YoungPersonFactory().user for _ in range(3)]
    for person in people:
        young = Client()
        young.force_login(person)
        answer_all(young, survey)
    # The survey closes with three waiting: fewer than a group, and nobody else can join it.
    Survey.objects.filter(pk=survey.pk).update(
        opens_on=timezone.localdate() - datetime.timedelta(days=10),
        closes_on=timezone.localdate() - datetime.timedelta(days=1),
    )
    client.force_login(officer)
    page = client.get(f"/staff/surveys/{survey.pk}/").text
    assert "will be deleted without being read" in page
    call_command("release_held_answers")
    survey.refresh_from_db()
    assert survey.answers_deleted_unread == 3
    assert not HeldAnswers.objects.exists() and not Response.objects.exists()
    # They took part: their records now say so, with no answer of theirs anywhere.
    assert Respondent.objects.filter(survey=survey, released=True).count() == 3
    page = client.get(f"/staff/surveys/{survey.pk}/").text
    assert "3 answers were sent after the last group and deleted without being read" in page


def test_a_young_person_is_told_about_groups_before_they_start(client, young_person):
    survey = build_survey()
    client.force_login(young_person.user)
    page = client.get(f"/surveys/{survey.pk}/").text
    assert "5 or more at a time, so nobody can tell which are yours" in page
    assert "deleted without anyone reading them" in page


def test_answers_that_cannot_be_opened_are_not_lost_and_the_page_says_try_later(
    client, young_person, survey
):
    """A key rotated away (SECRET_KEY changed without SECRET_KEY_FALLBACKS): a clear message,
    the draft kept, nothing half written; never a 500."""
    HeldAnswers.objects.create(survey=survey, sealed=b"\x01" + b"\x00" * 40)
    client.force_login(young_person.user)
    client.post(
        f"/surveys/{survey.pk}/1/",
        {field(survey, "pa-satisfaction"): "4", field(survey, "safe-at-home"): "Yes"},
    )
    client.post(f"/surveys/{survey.pk}/2/", {field(survey, "in-control"): "Yes"})
    with after_commit():
        sent = client.post(f"/surveys/{survey.pk}/check/", follow=True)
    assert sent.status_code == 200
    assert "couldn&#x27;t be sent just now" in sent.text
    assert Draft.objects.filter(person=young_person.user).exists()
    assert not Respondent.objects.exists()


# --- Questions sent in advance of a session without a name --------------------------------------


def _questions_part(client, session: Session) -> str:
    page = client.get(reverse("surveys:staff_session", args=[session.pk])).text
    return _steady(page.split('id="questions-heading"')[1].split("</section>")[0])


def test_the_host_cannot_match_a_question_to_the_person_who_just_booked(client, manager):
    session = make_session(manager, capacity=10)
    client.force_login(manager)
    before = _questions_part(client, session)
    asker = factories.YoungPersonFactory(user__first_name="Asker").user
    with after_commit():
        session_services.book(
            session=session, person=asker, question="Can I bring my baby?", question_anonymous=True
        )
    # The name appears on the list of who is coming; the question does not appear with it.
    page = client.get(reverse("surveys:staff_session", args=[session.pk])).text
    assert "Asker" in page
    assert _questions_part(client, session) == before
    assert not SessionQuestion.objects.exists()
    # Nothing about the booking says they asked anything.
    booking = asker.session_bookings.get()
    assert booking.question_in_advance == ""
    for n in range(3):
        with after_commit():
            session_services.book(session=session, person=factories.YoungPersonFactory().user)
        assert _questions_part(client, session) == before, n
    # A named question shows at once, with its name; it does not count towards the group.
    named = factories.YoungPersonFactory(user__first_name="Named").user
    with after_commit():
        session_services.book(session=session, person=named, question="Is there parking?")
    assert "From Named" in _questions_part(client, session)
    assert "Can I bring my baby?" not in _questions_part(client, session)
    with after_commit():
        session_services.book(session=session, person=factories.YoungPersonFactory().user)
    # Five people booked without a named question since the last group: shown now, nameless.
    shown = _questions_part(client, session)
    assert "Can I bring my baby?" in shown and "Asker" not in shown
    assert not HeldQuestions.objects.exists()
    assert list(SessionQuestion.objects.values_list("text", flat=True)) == ["Can I bring my baby?"]


def test_questions_still_waiting_when_the_session_ends_are_deleted_unread(manager):
    session = make_session(manager, capacity=10)
    with after_commit():
        session_services.book(
            session=session,
            person=factories.YoungPersonFactory().user,
            question="Why was my PA changed?",
            question_anonymous=True,
        )
    assert HeldQuestions.objects.filter(session=session).exists()
    call_command("release_held_answers")  # the session has not happened yet: still waiting
    assert HeldQuestions.objects.filter(session=session).exists()
    Session.objects.filter(pk=session.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=2),
    )
    call_command("release_held_answers")
    assert not HeldQuestions.objects.exists() and not SessionQuestion.objects.exists()


def test_a_young_person_is_told_how_a_question_without_their_name_is_shown(
    client, young_person, manager
):
    session = make_session(manager)
    client.force_login(young_person.user)
    page = client.get(reverse("surveys:session", args=[session.pk])).text
    assert "only once at least 5 people have booked" in page
    assert "You can't take it back" in page


def test_a_named_survey_still_shows_each_answer_with_its_name_at_once(client, young_person):
    survey = build_survey(anonymous=False)
    client.force_login(young_person.user)
    answer_all(client, survey)
    response = Response.objects.get(survey=survey)
    assert response.author.person == young_person.user
