"""Building surveys in the Wagtail admin: the participation team (and superusers) can; nobody
else can. A survey's sections and questions are edited in one form."""

from __future__ import annotations

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from portal.people.roles import Role
from surveys.models import Question, Survey
from tests import factories
from tests.surveys.conftest import build_survey, question
from tests.surveys.test_results import respond

pytestmark = pytest.mark.django_db

LIST = "/admin/snippets/surveys/survey/"
ADD = f"{LIST}add/"


def _question(code: str, **fields) -> dict:
    return {
        "code": code,
        "kind": "single",
        "required": "on",
        "text": f"Question {code}?",
        "hint": "",
        "choices": "Yes\nNo",
        "scale_low": "",
        "scale_high": "",
        "measure": "",
        "positive_answers": "",
        "target_percent": "",
        **fields,
    }


def _survey_form(*questions: dict, **fields) -> dict:
    today = timezone.localdate()
    return nested_form_data(
        {
            "title": "Annual survey",
            "intro": "Tell us how things are.",
            "anonymous": "on",
            "opens_on": today.isoformat(),
            "closes_on": today.isoformat(),
            "compare_with": "",
            "slug": "",
            "sections": inline_formset(
                [{"title": "Your PA", "intro": "", "questions": inline_formset(list(questions))}]
            ),
            **fields,
        }
    )


@pytest.fixture
def officer(client, participation):
    client.force_login(participation)
    return client


def test_the_participation_team_has_surveys_in_the_admin(officer):
    survey = build_survey()
    assert officer.get("/admin/").status_code == 200
    listing = officer.get(LIST)
    assert listing.status_code == 200
    assert f'href="/staff/surveys/{survey.pk}/"' in listing.text  # its results
    assert "Demo data" in listing.text  # the column that labels made-up surveys
    form = officer.get(ADD)
    assert form.status_code == 200
    assert "Sections and questions" in form.text


def test_they_build_a_survey_with_sections_and_questions_in_one_form(officer):
    data = _survey_form(
        _question(
            "pa-satisfaction",
            kind="scale",
            choices="",
            positive_answers="4\n5",
            target_percent="100",
            measure="Happy with their PA",
        ),
        _question("make-better", kind="text", choices="", required=""),
    )
    response = officer.post(ADD, data)
    assert response.status_code == 302, response.context["form"].errors
    survey = Survey.objects.get(title="Annual survey")
    assert survey.slug == "annual-survey" and survey.anonymous
    assert [
        (q.code, q.kind, q.required) for q in Question.objects.filter(section__survey=survey)
    ] == [("pa-satisfaction", "scale", True), ("make-better", "text", False)]


def test_the_same_code_twice_in_a_survey_is_refused(officer):
    response = officer.post(ADD, _survey_form(_question("same"), _question("same")))
    assert response.status_code == 200
    assert "Another question in this survey has the code" in response.text
    assert not Survey.objects.exists()


def test_a_measure_must_count_answers_that_exist(officer):
    data = _survey_form(_question("safe", positive_answers="Always", target_percent="100"))
    response = officer.post(ADD, data)
    assert response.status_code == 200
    assert "Not one of the answers: Always" in response.text


def test_a_question_people_have_answered_cannot_be_removed(officer):
    survey = build_survey()
    respond(survey)
    form = officer.get(f"{LIST}edit/{survey.pk}/").context["form"]
    # Post the form back as it stands, with the first question marked for deletion.
    html_data = _current_data(form)
    first_question = next(
        key
        for key, value in html_data.items()
        if key.endswith("-id")
        and "-questions-" in key
        and str(value) == str(question(survey, "pa-satisfaction").pk)
    )
    html_data[first_question.replace("-id", "-DELETE")] = "on"
    response = officer.post(f"{LIST}edit/{survey.pk}/", html_data)
    assert response.status_code == 200
    assert "People have answered these questions, so they cannot be removed" in response.text
    assert Question.objects.filter(code="pa-satisfaction").exists()


def _current_data(form) -> dict:
    """The data the edit form would post back unchanged, nested formsets included."""
    data: dict = {}

    def add(bound_form) -> None:
        for bound in bound_form:
            value = bound.value()
            if value is None:
                continue
            if isinstance(value, bool):
                if value:
                    data[bound.html_name] = "on"
            elif isinstance(value, list):
                data[bound.html_name] = value
            else:
                data[bound.html_name] = value
        for formset in getattr(bound_form, "formsets", {}).values():
            for key, value in formset.management_form.initial.items():
                data[f"{formset.prefix}-{key}"] = value
            for child in formset.forms:
                add(child)

    add(form)
    return data


@pytest.mark.parametrize("role", [Role.PA, Role.MANAGER, Role.EDITOR])
def test_other_staff_cannot_build_surveys(client, role):
    client.force_login(factories.staff(role))
    assert client.get(LIST).status_code in (302, 403)
    assert client.get(ADD).status_code in (302, 403)
    assert client.post(ADD, _survey_form(_question("q"))).status_code in (302, 403)
    assert not Survey.objects.exists()


def test_a_superuser_can_build_surveys(client):
    admin = factories.UserFactory(is_superuser=True, is_staff=True)
    TOTP.activate(admin, generate_totp_secret())
    client.force_login(admin)
    assert client.get(ADD).status_code == 200


def test_anonymity_cannot_change_once_people_have_started(officer, young_person):
    survey = build_survey()
    respond(survey)
    survey.anonymous = False
    with pytest.raises(Exception, match="cannot change now"):
        survey.full_clean()


def _edit_data(officer, survey) -> dict:
    return _current_data(officer.get(f"{LIST}edit/{survey.pk}/").context["form"])


def test_an_answered_survey_can_still_be_edited(officer):
    survey = build_survey()
    respond(survey)
    data = _edit_data(officer, survey)
    data["title"] = "Care leaver survey (closing date moved)"
    response = officer.post(f"{LIST}edit/{survey.pk}/", data)
    assert response.status_code == 302
    survey.refresh_from_db()
    assert survey.title == "Care leaver survey (closing date moved)"
    assert survey.respondents.count() == 1


def test_an_answered_question_cannot_change_its_type(officer):
    survey = build_survey()
    respond(survey)
    data = _edit_data(officer, survey)
    kind = next(key for key, value in data.items() if key.endswith("-kind") and value == "single")
    data[kind] = "multiple"
    response = officer.post(f"{LIST}edit/{survey.pk}/", data)
    assert response.status_code == 200
    assert "its type cannot change" in response.text


def test_copying_last_years_survey_starts_this_years_compared_with_it(officer):
    last_year = build_survey(title="Survey 2025", opens_in=-400, closes_in=-380)
    copy = officer.get(f"{LIST}copy/{last_year.pk}/")
    assert copy.status_code == 200
    assert f'action="{ADD}"' in copy.text  # the copy is a new survey; the original stays
    data = _current_data(copy.context["form"])
    assert data["compare_with"] == last_year.pk and data["slug"] == ""
    today = timezone.localdate()
    data.update(title="Survey 2026", opens_on=today.isoformat(), closes_on=today.isoformat())
    assert officer.post(ADD, data).status_code == 302
    new = Survey.objects.get(title="Survey 2026")
    assert new.compare_with == last_year
    assert sorted(Question.objects.filter(section__survey=new).values_list("code", flat=True)) == (
        sorted(Question.objects.filter(section__survey=last_year).values_list("code", flat=True))
    )
    last_year.refresh_from_db()
    assert last_year.title == "Survey 2025" and last_year.sections.count() == 2
