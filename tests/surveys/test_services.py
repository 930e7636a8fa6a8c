"""Drafts and sending: the only writes young people make in surveys."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from portal.people.roles import Role
from surveys import services
from surveys.models import Answer, Draft, Respondent, Response, ResponseAuthor
from tests import factories
from tests.surveys.conftest import build_survey, question

pytestmark = pytest.mark.django_db


def _full_draft(survey, person, **overrides) -> Draft:
    answers = {
        question(survey, "pa-satisfaction").pk: 4,
        question(survey, "safe-at-home").pk: "Yes",
        question(survey, "doing-now").pk: ["College", "Work"],
        question(survey, "in-control").pk: "Sometimes",
        question(survey, "make-better").pk: "More bus passes",
    }
    answers.update({question(survey, code).pk: value for code, value in overrides.items()})
    return services.save_draft(survey=survey, person=person, answers=answers, reached=2)


def test_a_draft_keeps_answers_and_later_saves_add_to_it(survey, young_person):
    person = young_person.user
    services.save_draft(
        survey=survey, person=person, answers={question(survey, "pa-satisfaction").pk: 3}, reached=1
    )
    services.save_draft(
        survey=survey, person=person, answers={question(survey, "safe-at-home").pk: "No"}, reached=1
    )
    draft = Draft.objects.get(survey=survey, person=person)
    assert draft.answers == {
        str(question(survey, "pa-satisfaction").pk): 3,
        str(question(survey, "safe-at-home").pk): "No",
    }
    assert draft.reached == 1


def test_an_emptied_answer_is_taken_out_of_the_draft(survey, young_person):
    person = young_person.user
    pk = question(survey, "make-better").pk
    services.save_draft(survey=survey, person=person, answers={pk: "Words"}, reached=0)
    services.save_draft(survey=survey, person=person, answers={pk: ""}, reached=0)
    assert Draft.objects.get(person=person).answers == {}


def test_sending_writes_the_response_records_who_answered_and_deletes_the_draft(
    survey, young_person
):
    person = young_person.user
    _full_draft(survey, person)
    response = services.submit_survey(survey=survey, person=person)
    assert response.submitted_on is None  # anonymous: no date to match against
    assert not Draft.objects.filter(person=person).exists()
    assert Respondent.objects.get(survey=survey, person=person).answered_on == (
        timezone.localdate()
    )
    assert not ResponseAuthor.objects.exists()  # anonymous
    stored = sorted((a.question.code, a.choice, a.scale, a.text) for a in response.answers.all())
    assert stored == [
        ("doing-now", "College", None, ""),
        ("doing-now", "Work", None, ""),
        ("in-control", "Sometimes", None, ""),
        ("make-better", "", None, "More bus passes"),
        ("pa-satisfaction", "", 4, ""),
        ("safe-at-home", "Yes", None, ""),
    ]


def test_a_named_survey_links_the_response_to_its_author(young_person):
    survey = build_survey(anonymous=False)
    _full_draft(survey, young_person.user)
    response = services.submit_survey(survey=survey, person=young_person.user)
    assert ResponseAuthor.objects.get(response=response).person == young_person.user


def test_a_missing_required_answer_stops_sending_and_keeps_the_draft(survey, young_person):
    person = young_person.user
    services.save_draft(
        survey=survey, person=person, answers={question(survey, "pa-satisfaction").pk: 5}, reached=1
    )
    with pytest.raises(services.MissingAnswers) as missing:
        services.submit_survey(survey=survey, person=person)
    assert missing.value.section_index == 0
    assert {q.code for q in missing.value.questions} == {"safe-at-home", "in-control"}
    assert Draft.objects.filter(person=person).exists()
    assert not Response.objects.exists() and not Respondent.objects.exists()


def test_optional_questions_can_be_left_out(survey, young_person):
    person = young_person.user
    draft = _full_draft(survey, person)
    for code in ("doing-now", "make-better"):
        draft.answers.pop(str(question(survey, code).pk))
    draft.save()
    response = services.submit_survey(survey=survey, person=person)
    assert {a.question.code for a in response.answers.all()} == {
        "pa-satisfaction",
        "safe-at-home",
        "in-control",
    }


def test_a_second_response_is_refused(survey, young_person):
    person = young_person.user
    _full_draft(survey, person)
    services.submit_survey(survey=survey, person=person)
    with pytest.raises(services.AlreadyAnswered):
        services.submit_survey(survey=survey, person=person)
    with pytest.raises(services.AlreadyAnswered):
        _full_draft(survey, person)
    assert Response.objects.count() == 1


@pytest.mark.parametrize(
    ("opens_in", "closes_in", "state"), [(2, 10, "upcoming"), (-10, -1, "closed")]
)
def test_a_survey_that_is_not_open_takes_nothing(young_person, opens_in, closes_in, state):
    survey = build_survey(opens_in=opens_in, closes_in=closes_in)
    with pytest.raises(services.SurveyNotOpen) as refused:
        services.save_draft(survey=survey, person=young_person.user, answers={}, reached=0)
    assert refused.value.state == state
    with pytest.raises(services.SurveyNotOpen):
        services.submit_survey(survey=survey, person=young_person.user)
    assert not Draft.objects.exists() and not Response.objects.exists()


def test_it_is_open_on_its_first_and_last_days(young_person):
    today = timezone.localdate()
    survey = build_survey(opens_in=0, closes_in=0)
    assert survey.is_open(today)
    assert not survey.is_open(today + datetime.timedelta(days=1))
    assert not survey.is_open(today - datetime.timedelta(days=1))


@pytest.mark.parametrize("role", [Role.PA, Role.MANAGER, Role.PARTICIPATION, Role.EDITOR])
def test_staff_do_not_answer_surveys(survey, role):
    member = factories.staff(role)
    with pytest.raises(services.NotAYoungPerson):
        services.save_draft(survey=survey, person=member, answers={}, reached=0)
    with pytest.raises(services.NotAYoungPerson):
        services.submit_survey(survey=survey, person=member)


def test_answers_that_are_not_among_the_options_are_not_stored(survey, young_person):
    person = young_person.user
    _full_draft(survey, person, **{"doing-now": ["College", "Hacking"], "pa-satisfaction": 9})
    with pytest.raises(services.MissingAnswers):  # 9 is not on the scale: no answer
        services.submit_survey(survey=survey, person=person)
    _full_draft(survey, person, **{"doing-now": ["College", "Hacking"]})
    response = services.submit_survey(survey=survey, person=person)
    assert sorted(
        response.answers.filter(question__code="doing-now").values_list("choice", flat=True)
    ) == ["College"]
    assert not Answer.objects.filter(choice="Hacking").exists()
