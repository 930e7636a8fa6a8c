"""Surveys in Chromium at 360 px: the demo's annual survey answered with JavaScript off (saved
half-way and carried on), recorded once; axe-core finds nothing on the survey pages or on the
results with their charts (axe needs scripts, so it runs on the same pages with JavaScript on)."""

from __future__ import annotations

import pytest

from portal.people.models import User
from surveys import services
from surveys.demo import THIS_YEAR_SLUG
from surveys.models import Draft, HeldAnswers, Question, Respondent, Response, Survey
from tests.browser.test_pages_in_chromium import assert_no_axe_violations, sign_in

pytestmark = pytest.mark.browser


def _group(page, question: str):
    """A question's fieldset, found by its legend, as a screen reader finds it."""
    return page.get_by_role("group", name=question)


def _no_sideways_scrolling(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_young_person_answers_the_annual_survey_with_javascript_off(
    phone_without_javascript, asgi_server, demo, screenshot
):
    page = phone_without_javascript
    survey = Survey.objects.get(slug=THIS_YEAR_SLUG)
    sign_in(page, asgi_server, demo["young_person"])
    page.get_by_role("link", name=survey.title).click()
    # Told before starting that nobody will see what they say.
    assert page.get_by_role("heading", name="This survey is anonymous").is_visible()
    page.get_by_role("link", name="Start now").click()

    # Part 1: their PA.
    assert page.get_by_text("Part 1 of 4").is_visible()
    _group(page, "How happy are you with the support you get from your PA?").get_by_label(
        "4", exact=True
    ).check()
    page.get_by_label("At least once a month").check()
    _group(page, "Do you feel your PA knows you well?").get_by_label("Yes").check()
    _no_sideways_scrolling(page)
    screenshot(page, "survey-question")
    page.get_by_role("button", name="Continue").click()

    # Part 2: a required question left out is an error on that question.
    page.get_by_label("Yes, always").check()
    page.get_by_role("button", name="Continue").click()
    assert "There is a problem" in page.get_by_role("alert").inner_text()
    assert page.get_by_label("Yes, always").is_checked()  # what they gave is kept
    _group(
        page, "Do you know what your choices are for where to live next, and who can help?"
    ).get_by_label("Not sure").check()
    page.get_by_role("button", name="Continue").click()

    # Part 3: half done, saved, and carried on later.
    _group(page, "Do you know how to get help with education, training or work?").get_by_label(
        "Yes"
    ).check()
    page.get_by_role("button", name="Save and come back later").click()
    assert page.get_by_text("Saved. Come back and finish it").is_visible()
    page.get_by_role("link", name="Carry on").click()
    assert page.get_by_text("Part 3 of 4").is_visible()
    assert (
        _group(page, "Do you know how to get help with education, training or work?")
        .get_by_label("Yes")
        .is_checked()
    )
    page.get_by_label("College or sixth form").check()
    page.get_by_role("button", name="Continue").click()

    # Part 4: having their say, with words of their own.
    for question, choice in [
        ("Do you feel in control of the decisions that affect your life?", "Sometimes"),
        ("Does the leaving care team listen to you and act on what you say?", "Yes"),
        ("Do you know what help and money you can get from the council?", "Some of it"),
        ("Do you have someone to talk to about your health, including how you feel?", "Yes"),
    ]:
        _group(page, question).get_by_label(choice, exact=True).check()
    page.get_by_label("What would make things better for you? (optional)").fill(
        "A drop-in at the weekend."
    )
    page.get_by_role("button", name="Continue").click()

    assert page.get_by_role("heading", level=1).inner_text() == "Check your answers"
    assert page.get_by_text("A drop-in at the weekend.").is_visible()
    page.get_by_role("button", name="Send my answers").click()
    assert "your answers have been sent" in page.get_by_role("heading", level=1).inner_text()

    jordan = User.objects.get(username=demo["young_person"]["username"])
    # Anonymous: held, sealed, until a group of five is shown at once (issue 15).
    assert not Response.objects.filter(survey=survey).exists()
    assert HeldAnswers.objects.filter(survey=survey).exists()
    assert Respondent.objects.filter(survey=survey, person=jordan).exists()
    assert not Draft.objects.filter(person=jordan).exists()

    # A second go is refused, clearly.
    page.goto(f"{asgi_server}/surveys/{survey.pk}/")
    assert page.get_by_role("heading", name="You've answered this survey").is_visible()


def test_the_survey_pages_have_no_axe_violations(phone, asgi_server, demo):
    survey = Survey.objects.get(slug=THIS_YEAR_SLUG)
    sign_in(phone, asgi_server, demo["young_person"])
    for path in ["/surveys/", f"/surveys/{survey.pk}/", f"/surveys/{survey.pk}/1/"]:
        phone.goto(f"{asgi_server}{path}")
        assert_no_axe_violations(phone)
    phone.get_by_role("button", name="Continue").click()  # nothing chosen: errors
    assert phone.get_by_role("alert").is_visible()
    assert_no_axe_violations(phone)
    phone.goto(f"{asgi_server}/surveys/{survey.pk}/check/")
    assert_no_axe_violations(phone)


def _answer_as(username: str, survey: Survey, *, pa: int, safe: str, better: str = "") -> None:
    """A real response through the service, as the young person's own pages would send it."""
    person = User.objects.get(username=username)
    answers: dict[int, object] = {}
    for question in Question.objects.filter(section__survey=survey):
        if question.code == "pa-satisfaction":
            answers[question.pk] = pa
        elif question.code == "safe-at-home":
            answers[question.pk] = safe
        elif question.code == "make-better":
            answers[question.pk] = better
        elif question.kind == "multiple":
            answers[question.pk] = [question.options[0]]
        else:
            answers[question.pk] = question.options[0]
    services.save_draft(survey=survey, person=person, answers=answers, reached=4)
    services.submit_survey(survey=survey, person=person)


def test_the_results_and_their_charts_have_no_axe_violations(phone, asgi_server, demo, screenshot):
    survey = Survey.objects.get(slug=THIS_YEAR_SLUG)
    for username, pa, safe, better in [
        ("jordan", 5, "Yes, always", "Being able to text my PA."),
        ("riley", 4, "Most of the time", ""),
        ("casey", 3, "Not often", "Help with childcare so I can go to college."),
        ("taylor", 5, "Yes, always", ""),
        ("ahmed", 4, "Yes, always", "An interpreter at my appointments."),
    ]:
        _answer_as(username, survey, pa=pa, safe=safe, better=better)
    sign_in(phone, asgi_server, demo["participation"])
    phone.get_by_role("link", name="Surveys", exact=True).click()
    phone.get_by_role("link", name=survey.title).click()
    assert phone.get_by_role("heading", level=1).inner_text() == survey.title
    assert phone.get_by_text("were made up for the demo").is_visible()
    charts = phone.locator("svg[role=img]")
    assert charts.count() >= 10
    assert "Happy with their PA (target 100%): " in charts.first.locator("desc").text_content()
    _no_sideways_scrolling(phone)
    assert_no_axe_violations(phone)
    screenshot(phone, "survey-results")


def test_the_participation_team_builds_a_survey_in_the_admin(chromium, asgi_server, demo):
    """Sections and their questions in one admin form, as Wagtail's own scripts run it."""
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, asgi_server, demo["participation"])
    page.wait_for_url(f"{asgi_server}/staff/")
    page.goto(f"{asgi_server}/admin/snippets/surveys/survey/add/")
    page.locator("#id_title").fill("Leaving care and money")
    page.locator("#id_intro").fill("Tell us about money.")
    page.locator("#id_opens_on").fill("2030-01-01")
    page.locator("#id_closes_on").fill("2030-01-31")
    page.locator("#id_sections-0-title").fill("Money")
    page.locator("#id_sections-0-questions-0-code").fill("money-enough")
    page.locator("#id_sections-0-questions-0-text").fill("Do you have enough money for food?")
    page.locator("#id_sections-0-questions-0-choices").fill("Yes\nSometimes\nNo")
    # A second question, added in the browser inside the section.
    page.locator("#id_sections-0-questions-ADD").click()
    page.locator("#id_sections-0-questions-1-code").fill("money-better")
    page.locator("#id_sections-0-questions-1-kind").select_option("text")
    page.locator("#id_sections-0-questions-1-required").uncheck()
    page.locator("#id_sections-0-questions-1-text").fill("What would help with money?")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(f"{asgi_server}/admin/snippets/surveys/survey/")
    survey = Survey.objects.get(title="Leaving care and money")
    first, second = Question.objects.filter(section__survey=survey).order_by("sort_order")
    assert (first.code, first.options) == ("money-enough", ["Yes", "Sometimes", "No"])
    assert (second.code, second.kind, second.required) == ("money-better", "text", False)
    context.close()
