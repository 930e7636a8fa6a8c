"""The demo surveys: this year's open now, last year's closed with made-up answers, both the
same however often the demo is loaded."""

from __future__ import annotations

import pytest

from surveys import demo, results
from surveys.models import Question, Respondent, Response, Survey

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_open_survey_and_last_years_to_compare_with():
    this_year, last_year = demo.load()
    assert this_year.is_open() and not this_year.made_up_for_demo
    assert this_year.anonymous
    assert (this_year.closes_on - this_year.opens_on).days > 14
    assert last_year.state() == "closed" and last_year.made_up_for_demo
    assert "demo data" in last_year.title
    assert this_year.compare_with == last_year
    assert Response.objects.filter(survey=last_year).count() == demo.MADE_UP_RESPONSES
    assert not Response.objects.filter(survey=this_year).exists()
    assert not Respondent.objects.exists()  # nobody real answered the made-up year
    codes = set(Question.objects.filter(section__survey=this_year).values_list("code", flat=True))
    assert {"pa-satisfaction", "eet-know-how", "in-control", "safe-at-home", "make-better"} <= codes


def test_loading_the_demo_again_changes_nothing():
    first = [s.pk for s in demo.load()]
    counts = (Survey.objects.count(), Question.objects.count(), Response.objects.count())
    shape = list(Response.objects.values_list("pk", flat=True).order_by("pk"))
    assert [s.pk for s in demo.load()] == first
    assert (Survey.objects.count(), Question.objects.count(), Response.objects.count()) == counts
    assert list(Response.objects.values_list("pk", flat=True).order_by("pk")) == shape


def test_the_made_up_year_gives_the_results_a_comparison():
    this_year, _ = demo.load()
    built = results.results_for(this_year)
    measures = {m.question.code: m for m in built.measures}
    assert measures["pa-satisfaction"].target == 100
    assert measures["safe-at-home"].target == 100
    assert measures["pa-satisfaction"].previous_percent > 85
    assert measures["eet-know-how"].previous_percent > 80
