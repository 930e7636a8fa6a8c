"""Drafts and sending: the only writes young people make in surveys."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from portal.people.roles import Role
from surveys import services
from surveys.holding import draft_answers
from surveys.models import Answer, Draft, HeldAnswers, Respondent, Response, ResponseAuthor
from tests import factories
from tests.surveys.conftest import build_survey, question, send

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
    assert draft_answers(draft) == {
        str(question(survey, "pa-satisfaction").pk): 3,
        str(question(survey, "safe-at-home").pk): "No",
    }
    assert draft.reached == 1


def test_an_emptied_answer_is_taken_out_of_the_draft(survey, young_person):
    person = young_person.user
    pk = question(survey, "make-better").pk
    services.save_draft(survey=survey, person=person, answers={pk: "Words"}, reached=0)
    services.save_draft(survey=survey, person=person, answers={pk: ""}, reached=0)
    assert draft_answers(Draft.objects.get(person=person)) == {}


def test_sending_records_who_answered_deletes_the_draft_and_holds_the_answers(survey, young_person):
    person = young_person.user
    _full_draft(survey, person)
    assert send(survey, person) is None  # anonymous: nothing written to the results yet
    assert not Draft.objects.filter(person=person).exists()
    respondent = Respondent.objects.get(survey=survey, person=person)
    assert respondent.answered_on == timezone.localdate()
    assert not respondent.released  # not counted on staff pages until their group is shown
    assert not Response.objects.exists() and not ResponseAuthor.objects.exists()
    assert HeldAnswers.objects.filter(survey=survey).exists()


def test_anonymous_answers_are_written_five_at_once_with_nothing_lost(survey):
    people = [factories.YoungPersonFactory().user for _ in range(5)]
    for n, person in enumerate(people[:4]):
        _full_draft(survey, person, **{"make-better": f"Idea {n}"})
        send(survey, person)
    assert not Response.objects.exists()
    assert not Respondent.objects.filter(released=True).exists()
    _full_draft(survey, people[4], **{"make-better": "Idea 4"})
    send(survey, people[4])
    assert Response.objects.filter(survey=survey, submitted_on=None).count() == 5
    assert Respondent.objects.filter(survey=survey, released=True).count() == 5
    assert not HeldAnswers.objects.exists()  # the held row goes with its release
    assert not ResponseAuthor.objects.exists()
    for response in Response.objects.all():
        stored = sorted(
            (a.question.code, a.choice, a.scale) for a in response.answers.exclude(text__gt="")
        )
        assert stored == [
            ("doing-now", "College", None),
            ("doing-now", "Work", None),
            ("in-control", "Sometimes", None),
            ("pa-satisfaction", "", 4),
            ("safe-at-home", "Yes", None),
        ]
    texts = Answer.objects.filter(question__code="make-better").values_list("text", flat=True)
    assert sorted(texts) == [f"Idea {n}" for n in range(5)]


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


def test_optional_questions_can_be_left_out(young_person):
    survey = build_survey(anonymous=False)  # named, so the response is written at once
    person = young_person.user
    draft = _full_draft(survey, person)
    for code in ("doing-now", "make-better"):
        draft.answers.pop(str(question(survey, code).pk))
    draft.save()
    response = send(survey, person)
    assert {a.question.code for a in response.answers.all()} == {
        "pa-satisfaction",
        "safe-at-home",
        "in-control",
    }


def test_a_second_response_is_refused(survey, young_person):
    person = young_person.user
    _full_draft(survey, person)
    send(survey, person)
    with pytest.raises(services.AlreadyAnswered):
        send(survey, person)
    with pytest.raises(services.AlreadyAnswered):
        _full_draft(survey, person)
    assert Respondent.objects.count() == 1


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


def test_answers_that_are_not_among_the_options_are_not_stored(young_person):
    survey = build_survey(anonymous=False)
    person = young_person.user
    _full_draft(survey, person, **{"doing-now": ["College", "Hacking"], "pa-satisfaction": 9})
    with pytest.raises(services.MissingAnswers):  # 9 is not on the scale: no answer
        services.submit_survey(survey=survey, person=person)
    _full_draft(survey, person, **{"doing-now": ["College", "Hacking"]})
    response = send(survey, person)
    assert sorted(
        response.answers.filter(question__code="doing-now").values_list("choice", flat=True)
    ) == ["College"]
    assert not Answer.objects.filter(choice="Hacking").exists()
