"""Surveys to answer in tests: built in code as the participation team would in the admin."""

from __future__ import annotations

import datetime

import pytest
from django.test import TestCase
from django.utils import timezone

from portal.people.roles import Role
from surveys import services
from surveys.models import Question, QuestionKind, Response, Section, Survey
from tests import factories


def build_survey(
    *,
    title: str = "Care leaver survey",
    anonymous: bool = True,
    opens_in: int = -1,
    closes_in: int = 10,
    compare_with: Survey | None = None,
    skip: tuple[str, ...] = (),
) -> Survey:
    """Two sections: a scale and a yes/no (both headline measures against 100%), then a
    "choose any", a required yes/no and an optional written answer."""
    today = timezone.localdate()
    survey = Survey.objects.create(
        title=title,
        intro="Tell us how things are going.",
        anonymous=anonymous,
        opens_on=today + datetime.timedelta(days=opens_in),
        closes_on=today + datetime.timedelta(days=closes_in),
        compare_with=compare_with,
    )
    first = Section.objects.create(survey=survey, title="Your PA", sort_order=0)
    second = Section.objects.create(survey=survey, title="Your life", sort_order=1)
    specs = [
        (
            first,
            "pa-satisfaction",
            QuestionKind.SCALE,
            "How happy are you with your PA?",
            {
                "scale_low": "Very unhappy",
                "scale_high": "Very happy",
                "positive_answers": "4\n5",
                "measure": "Happy with their PA",
                "target_percent": 100,
            },
        ),
        (
            first,
            "safe-at-home",
            QuestionKind.SINGLE,
            "Do you feel safe where you live?",
            {
                "choices": "Yes\nNo",
                "positive_answers": "Yes",
                "target_percent": 100,
            },
        ),
        (
            second,
            "doing-now",
            QuestionKind.MULTIPLE,
            "What are you doing now?",
            {
                "choices": "College\nWork\nLooking for work",
                "required": False,
            },
        ),
        (
            second,
            "in-control",
            QuestionKind.SINGLE,
            "Do you feel in control?",
            {
                "choices": "Yes\nSometimes\nNo",
            },
        ),
        (
            second,
            "make-better",
            QuestionKind.TEXT,
            "What would make things better?",
            {
                "required": False,
            },
        ),
    ]
    for order, (section, code, kind, text, extra) in enumerate(specs):
        if code in skip:
            continue
        question = Question(section=section, code=code, kind=kind, text=text, sort_order=order)
        for name, value in extra.items():
            setattr(question, name, value)
        question.full_clean()
        question.save()
    return survey


def question(survey: Survey, code: str) -> Question:
    return Question.objects.get(section__survey=survey, code=code)


def field(survey: Survey, code: str) -> str:
    return f"q{question(survey, code).pk}"


def first_page(survey: Survey, *, pa: str = "5", safe: str = "Yes") -> dict[str, str]:
    return {field(survey, "pa-satisfaction"): pa, field(survey, "safe-at-home"): safe}


def second_page(
    survey: Survey, *, doing: list[str] | None = None, control: str = "Yes", better: str = ""
) -> dict:
    return {
        field(survey, "doing-now"): doing or [],
        field(survey, "in-control"): control,
        field(survey, "make-better"): better,
    }


@pytest.fixture
def survey(db) -> Survey:
    return build_survey()


@pytest.fixture
def participation(db):
    return factories.staff(Role.PARTICIPATION, username="participation")


@pytest.fixture
def editor(db):
    return factories.staff(Role.EDITOR, username="editor")


def after_commit():
    """Run what a service leaves for after its commit (a group's release), as it runs after
    each request in production: the tests' own transaction never commits."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def send(survey: Survey, person) -> Response | None:
    """Send a person's draft through the service, then what follows its commit."""
    with after_commit():
        return services.submit_survey(survey=survey, person=person)


def answer_all(client, survey: Survey, **answers) -> None:
    """Go through both sections and send, as a young person signed in on `client`."""
    client.post(f"/surveys/{survey.pk}/1/", {**first_page(survey), "continue": ""})
    client.post(f"/surveys/{survey.pk}/2/", {**second_page(survey, **answers), "continue": ""})
    with after_commit():
        response = client.post(f"/surveys/{survey.pk}/check/")
    assert response.status_code == 302 and response.url.endswith("/thank-you/"), response
