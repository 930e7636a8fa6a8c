"""The cases issue 16 measured, end to end on the Ask page: what the young person sees depends
on the detector reading them right (a short message with the ones before it, a risk inside an
offer question, an eviction still to come). The page's side is in test_what_people_see.py."""

from __future__ import annotations

import re

import pytest

from tests.safeguarding.test_what_people_see import ask_page, links, panel


@pytest.mark.django_db
def test_took_them_all_gets_the_help_as_the_first_thing_under_the_heading(client, young_person):
    client.force_login(young_person.user)
    html = ask_page(client, "i cant do this anymore", "took them all")
    assert re.search(r'<h1>Ask a question</h1>\s*<section class="crisis crisis--immediate"', html)
    help_now = panel(html)
    assert links(help_now)[0] == "tel:999"
    assert "tel:116123" in links(help_now)
    assert "<title>Get help now: Ask a question" in html
    assert "eligible" not in html.split("Your last questions")[0]
    assert "Did this help?" not in html


@pytest.mark.django_db
def test_a_risk_inside_an_offer_question_gets_the_help_first_then_the_answer(client, young_person):
    client.force_login(young_person.user)
    html = ask_page(
        client,
        "how do i apply for the setting up home grant? not that it matters, i dont think ill "
        "be around long enough to use it",
    )
    assert re.search(r'<h1>Ask a question</h1>\s*<section class="crisis', html)
    answer_at = html.index('aria-labelledby="answer-heading"')
    assert html.index('class="crisis') < answer_at
    assert "Setting Up Home Grant" in html[answer_at:]
    # The help is not repeated in the answer below it.
    answer = html[answer_at : html.index("</section>", answer_at)]
    assert "Samaritans" not in answer and "116 123" not in answer


@pytest.mark.django_db
def test_an_eviction_coming_up_gets_housing_help_and_no_999(client, young_person):
    client.force_login(young_person.user)
    html = ask_page(client, "my landlord says im getting evicted")
    help_now = panel(html)
    assert "crisis--concern" in help_now
    assert "999" not in help_now
    assert "tel:08088004444" in links(help_now)
