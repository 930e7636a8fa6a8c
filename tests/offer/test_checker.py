"""'What can I get?': three questions, answers grouped by section with reasons."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

CHECKER = reverse("checker")


def test_the_questions_come_first(client, offer):
    response = client.get(CHECKER)
    assert "How old are you?" in response.text
    assert "I&#x27;m 18 or over and I was in care" in response.text


def test_answers_show_what_applies_grouped_with_why(client, offer):
    response = client.get(
        CHECKER, {"age": 19, "status": "former_relevant", "circumstance": ["own_home"]}
    )
    text = response.text
    assert "What you can get" in text
    assert text.index("Money") < text.index("Somewhere to live")
    assert "Council tax exemption" in text
    assert "Why this applies to you" in text and "you live in your own home" in text
    assert "Support after 21" in text.split("Things you might be able to get soon")[1]


def test_bad_answers_get_clear_errors(client, offer):
    response = client.get(CHECKER, {"age": "old", "status": ""})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    assert "Type your age as a number" in response.text
    assert "Choose the sentence that fits you best" in response.text


def test_a_signed_in_young_person_finds_it_filled_in(client, offer, young_person):
    client.force_login(young_person.user)
    response = client.get(CHECKER)
    assert f'value="{young_person.age()}"' in response.text
    status = re.search(r'<input[^>]*value="former_relevant"[^>]*>', response.text).group(0)
    assert "checked" in status


def test_search_understands_young_peoples_words(client, offer):
    response = client.get(reverse("search"), {"q": "furniture money"})
    first = response.text.split('class="card__title"')[1]
    assert "Setting Up Home Grant" in first


def test_search_for_nothing_known_says_so(client, offer):
    response = client.get(reverse("search"), {"q": "zzqqxx"})
    assert "Nothing found" in response.text


def test_search_falls_back_to_any_word(client, offer):
    response = client.get(reverse("search"), {"q": "furniture zzqqxx"})
    assert "Setting Up Home Grant" in response.text
