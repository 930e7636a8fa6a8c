"""Who sees which surveys, drafts and results: the wrong person gets nothing."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser

from portal.people.roles import Role
from surveys import selectors, services
from tests import factories
from tests.surveys.conftest import build_survey, question
from tests.surveys.test_results import respond

pytestmark = pytest.mark.django_db


def test_a_young_person_sees_open_surveys_they_have_not_answered(young_person):
    open_now = build_survey(title="Open")
    build_survey(title="Upcoming", opens_in=3, closes_in=9)
    build_survey(title="Closed", opens_in=-9, closes_in=-3)
    answered = build_survey(title="Answered")
    respond(answered, person=young_person.user)
    assert list(selectors.open_surveys_for(young_person.user)) == [open_now]
    assert [r.survey for r in selectors.answered_by(young_person.user)] == [answered]


@pytest.mark.parametrize("role", [Role.PA, Role.MANAGER, Role.PARTICIPATION, Role.EDITOR])
def test_staff_have_no_surveys_to_answer(role):
    build_survey()
    member = factories.staff(role)
    assert not selectors.open_surveys_for(member).exists()
    assert not selectors.surveys_for_young_person(member).exists()


def test_visitors_see_nothing():
    build_survey()
    nobody = AnonymousUser()
    assert not selectors.surveys_for_young_person(nobody).exists()
    assert not selectors.answered_by(nobody).exists()
    assert not selectors.surveys_with_results_for(nobody).exists()


def test_a_draft_is_only_ever_its_owners(survey, young_person, other_young_person):
    services.save_draft(
        survey=survey,
        person=young_person.user,
        answers={question(survey, "pa-satisfaction").pk: 3},
        reached=0,
    )
    assert selectors.draft_of(young_person.user, survey) is not None
    assert selectors.draft_of(other_young_person.user, survey) is None


def test_someone_elses_answers_are_not_theirs(survey, young_person, other_young_person):
    respond(survey, person=young_person.user)
    assert not selectors.answered_by(other_young_person.user).exists()
    assert selectors.open_surveys_for(other_young_person.user).get() == survey


@pytest.mark.parametrize(
    ("role", "sees"),
    [(Role.PARTICIPATION, True), (Role.MANAGER, True), (Role.PA, False), (Role.EDITOR, False)],
)
def test_only_the_participation_team_and_managers_see_results(survey, role, sees):
    member = factories.staff(role)
    assert selectors.can_see_results(member) is sees
    assert selectors.surveys_with_results_for(member).exists() is sees


def test_young_people_do_not_see_results(survey, young_person):
    assert not selectors.can_see_results(young_person.user)
    assert not selectors.surveys_with_results_for(young_person.user).exists()
