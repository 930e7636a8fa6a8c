"""Answering a survey through the pages, as a young person on a phone with JavaScript off:
plain forms, one section per page, a draft saved on the way, and bad input that never 500s."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.people.roles import Role
from surveys.holding import draft_answers
from surveys.models import Draft, HeldAnswers, Respondent, Response, Survey
from tests import factories
from tests.surveys.conftest import (
    after_commit,
    answer_all,
    build_survey,
    field,
    first_page,
    second_page,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, young_person):
    client.force_login(young_person.user)
    return client


def test_the_start_page_says_it_is_anonymous_before_they_start(signed_in, survey):
    page = signed_in.get(f"/surveys/{survey.pk}/")
    assert page.status_code == 200
    assert "This survey is anonymous" in page.text
    assert "Nobody can see what you said" in page.text
    assert "Start now" in page.text
    assert "5 questions in 2 parts" in page.text


def test_a_named_survey_says_so_before_they_start(signed_in):
    survey = build_survey(anonymous=False)
    page = signed_in.get(f"/surveys/{survey.pk}/")
    assert "Your name goes with your answers" in page.text
    assert "This survey is anonymous" not in page.text


def test_a_young_person_answers_the_whole_survey(signed_in, survey, young_person):
    page = signed_in.get(f"/surveys/{survey.pk}/1/")
    assert page.status_code == 200
    assert "Part 1 of 2" in page.text
    assert 'type="radio"' in page.text and "<script" not in page.text.split("</main>")[0]
    step = signed_in.post(f"/surveys/{survey.pk}/1/", {**first_page(survey), "continue": ""})
    assert step.url == f"/surveys/{survey.pk}/2/"
    step = signed_in.post(
        f"/surveys/{survey.pk}/2/",
        {**second_page(survey, doing=["College", "Work"], better="Bus passes"), "continue": ""},
    )
    assert step.url == f"/surveys/{survey.pk}/check/"
    check = signed_in.get(step.url)
    assert "Check your answers" in check.text
    assert "5: Very happy" in check.text and "College, Work" in check.text
    assert "Bus passes" in check.text
    with after_commit():
        sent = signed_in.post(f"/surveys/{survey.pk}/check/", follow=True)
    assert "your answers have been sent" in sent.text
    assert "locked away until at least 5 people have answered" in sent.text
    # Anonymous: held until there is a group of five, then written with the others.
    assert not Response.objects.exists()
    assert HeldAnswers.objects.filter(survey=survey).exists()
    assert Respondent.objects.filter(survey=survey, person=young_person.user).exists()
    assert not Draft.objects.exists()
    again = signed_in.get(f"/surveys/{survey.pk}/")
    assert "You've answered this survey" in again.text


def test_save_and_come_back_later_keeps_a_half_done_survey(signed_in, survey, young_person):
    saved = signed_in.post(
        f"/surveys/{survey.pk}/1/", {field(survey, "pa-satisfaction"): "2", "save": ""}
    )
    assert saved.url == f"/surveys/{survey.pk}/"
    start = signed_in.get(saved.url)
    assert "Saved. Come back and finish it" in start.text
    assert "Carry on" in start.text
    # Coming back another day: the answer is still chosen.
    page = signed_in.get(f"/surveys/{survey.pk}/1/")
    assert f'value="2" id="id_{field(survey, "pa-satisfaction")}_1" checked' in page.text or (
        'value="2"' in page.text and "checked" in page.text
    )
    draft = Draft.objects.get(person=young_person.user)
    assert draft_answers(draft) == {field(survey, "pa-satisfaction")[1:]: 2}


def test_continue_saves_the_draft_and_carry_on_goes_to_the_next_part(signed_in, survey):
    signed_in.post(f"/surveys/{survey.pk}/1/", {**first_page(survey), "continue": ""})
    start = signed_in.get(f"/surveys/{survey.pk}/")
    assert f'href="/surveys/{survey.pk}/2/"' in start.text


def test_a_missing_required_answer_is_an_error_on_that_question_and_others_are_kept(
    signed_in, survey
):
    page = signed_in.post(
        f"/surveys/{survey.pk}/1/", {field(survey, "pa-satisfaction"): "4", "continue": ""}
    )
    assert page.status_code == 200
    assert "There is a problem" in page.text
    assert "Choose an answer: Do you feel safe where you live?" in page.text
    # The error summary links to the question's first option.
    assert f'href="#id_{field(survey, "safe-at-home")}_0"' in page.text
    form = page.context["form"]
    assert form.errors.keys() == {field(survey, "safe-at-home")}
    assert form[field(survey, "pa-satisfaction")].value() == "4"
    # And the answer given was saved, so nothing is lost if they leave now.
    assert draft_answers(Draft.objects.get()) == {field(survey, "pa-satisfaction")[1:]: 4}


def test_an_answer_that_is_not_offered_is_refused_without_a_crash(signed_in, survey):
    page = signed_in.post(
        f"/surveys/{survey.pk}/1/",
        {field(survey, "pa-satisfaction"): "11", field(survey, "safe-at-home"): "Maybe"},
    )
    assert page.status_code == 200
    assert "Choose a number from 1 to 5." in page.text
    assert "Choose one of the answers shown." in page.text


def test_a_written_answer_that_is_too_long_is_refused(signed_in, survey):
    signed_in.post(f"/surveys/{survey.pk}/1/", {**first_page(survey), "continue": ""})
    page = signed_in.post(
        f"/surveys/{survey.pk}/2/", {**second_page(survey, better="x" * 2001), "continue": ""}
    )
    assert page.status_code == 200
    assert "Keep your answer under 2000 characters" in page.text


def test_sending_with_a_question_skipped_goes_back_to_it_with_an_error(signed_in, survey):
    signed_in.post(f"/surveys/{survey.pk}/2/", {**second_page(survey), "continue": ""})
    sent = signed_in.post(f"/surveys/{survey.pk}/check/")
    assert sent.url == f"/surveys/{survey.pk}/1/?check=1"
    page = signed_in.get(sent.url)
    assert "Some questions still need an answer" in page.text
    assert "Choose a number from 1 to 5: How happy are you with your PA?" in page.text
    assert not Response.objects.exists()


def test_a_second_submission_is_refused_with_a_clear_message(signed_in, survey):
    answer_all(signed_in, survey)
    again = signed_in.post(f"/surveys/{survey.pk}/check/", follow=True)
    assert "already sent your answers to this survey" in again.text
    page = signed_in.post(
        f"/surveys/{survey.pk}/1/", {**first_page(survey), "continue": ""}, follow=True
    )
    assert "already sent your answers" in page.text
    assert Respondent.objects.count() == 1


def test_a_closed_survey_says_so_and_keeps_what_was_typed(signed_in, young_person):
    survey = build_survey(opens_in=-20, closes_in=-1)
    start = signed_in.get(f"/surveys/{survey.pk}/")
    assert "This survey closed on" in start.text
    assert "Start now" not in start.text
    page = signed_in.post(
        f"/surveys/{survey.pk}/1/", {**first_page(survey, pa="3"), "continue": ""}
    )
    assert page.status_code == 200
    assert "This survey closed on" in page.text
    assert "Your answers are still on this page" in page.text
    assert page.context["form"][field(survey, "pa-satisfaction")].value() == "3"
    assert signed_in.post(f"/surveys/{survey.pk}/check/").status_code == 302
    assert not Response.objects.exists()


def test_a_survey_that_has_not_opened_says_when_it_will(signed_in):
    survey = build_survey(opens_in=3, closes_in=20)
    start = signed_in.get(f"/surveys/{survey.pk}/")
    assert "This survey opens on" in start.text and "Start now" not in start.text
    assert signed_in.get(f"/surveys/{survey.pk}/1/").status_code == 302


def test_a_survey_that_closes_while_they_answer_keeps_their_draft(signed_in, survey):
    signed_in.post(f"/surveys/{survey.pk}/1/", {**first_page(survey), "continue": ""})
    survey.opens_on = survey.opens_on.replace(year=survey.opens_on.year - 1)
    survey.closes_on = survey.opens_on
    survey.save()
    signed_in.post(f"/surveys/{survey.pk}/check/")
    assert Draft.objects.count() == 1
    start = signed_in.get(f"/surveys/{survey.pk}/")
    assert "What you had saved is still here" in start.text


@pytest.mark.parametrize("path", ["/surveys/{pk}/0/", "/surveys/{pk}/3/", "/surveys/999999/"])
def test_parts_and_surveys_that_do_not_exist_are_404(signed_in, survey, path):
    assert signed_in.get(path.format(pk=survey.pk)).status_code == 404


def test_a_survey_with_no_questions_yet_cannot_be_opened(signed_in, survey):
    empty = Survey.objects.create(
        title="Being built", intro="-", opens_on=survey.opens_on, closes_on=survey.closes_on
    )
    assert signed_in.get(f"/surveys/{empty.pk}/").status_code == 404


@pytest.mark.parametrize("role", [Role.PA, Role.MANAGER, Role.PARTICIPATION, Role.EDITOR])
def test_staff_do_not_answer_surveys(client, survey, role):
    client.force_login(factories.staff(role))
    for path in [f"/surveys/{survey.pk}/", f"/surveys/{survey.pk}/1/", "/surveys/"]:
        assert client.get(path).status_code == 403
    assert client.post(f"/surveys/{survey.pk}/check/").status_code == 403


def test_visitors_are_sent_to_sign_in(client, survey):
    response = client.get(f"/surveys/{survey.pk}/")
    assert response.status_code == 302 and response.url.startswith(reverse("account_login"))


def test_a_young_person_sees_only_their_own_draft(client, survey, young_person, other_young_person):
    client.force_login(young_person.user)
    client.post(f"/surveys/{survey.pk}/1/", {field(survey, "pa-satisfaction"): "1", "save": ""})
    client.force_login(other_young_person.user)
    start = client.get(f"/surveys/{survey.pk}/")
    assert "Start now" in start.text and "Carry on" not in start.text
    page = client.get(f"/surveys/{survey.pk}/1/")
    assert "checked" not in page.text
    check = client.get(f"/surveys/{survey.pk}/check/")
    assert "1: Very unhappy" not in check.text


def test_my_surveys_lists_open_ones_and_answered_ones(signed_in, survey):
    build_survey(title="Closed one", opens_in=-20, closes_in=-2)
    page = signed_in.get("/surveys/")
    assert survey.title in page.text and "Closed one" not in page.text
    answer_all(signed_in, survey)
    page = signed_in.get("/surveys/")
    assert "There are no surveys for you to answer right now" in page.text
    assert "Surveys you have answered" in page.text


def test_my_page_links_to_open_surveys(signed_in, survey):
    page = signed_in.get(reverse("people:my_page"))
    assert f'href="/surveys/{survey.pk}/"' in page.text
    answer_all(signed_in, survey)
    page = signed_in.get(reverse("people:my_page"))
    assert f'href="/surveys/{survey.pk}/"' not in page.text


def test_changing_a_part_from_the_check_page_goes_back_to_it(signed_in, survey):
    signed_in.post(f"/surveys/{survey.pk}/1/", {**first_page(survey), "continue": ""})
    signed_in.post(f"/surveys/{survey.pk}/2/", {**second_page(survey), "continue": ""})
    check = signed_in.get(f"/surveys/{survey.pk}/check/")
    assert f'href="/surveys/{survey.pk}/1/?change=1"' in check.text
    changed = signed_in.post(
        f"/surveys/{survey.pk}/1/?change=1", {**first_page(survey, pa="3"), "continue": ""}
    )
    assert changed.url == f"/surveys/{survey.pk}/check/"
    assert "3" in signed_in.get(changed.url).text
