"""Searching the offer with whatever a visitor types: quotes, brackets and the full-text
index's own operators are just characters, never an outage page (issue 15, finding 5)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from offer.selectors import words_in

pytestmark = pytest.mark.django_db

SEARCH = reverse("search")


@pytest.mark.parametrize(
    "query",
    ['"', '"furniture', 'furniture"money', "*", "AND", "(", "NEAR(", "a OR", "NOT", "^", ":", "-"],
)
def test_query_syntax_finds_nothing_rather_than_an_outage(client, offer, query):
    response = client.get(SEARCH, {"q": query})
    assert response.status_code == 200
    assert "cannot reach" not in response.text
    assert "Search the offer" in response.text


def test_words_around_quotes_are_still_found(client, offer):
    response = client.get(SEARCH, {"q": '"furniture money"'})
    assert response.status_code == 200
    first = response.text.split('class="card__title"')[1]
    assert "Setting Up Home Grant" in first


def test_only_punctuation_says_nothing_was_found(client, offer):
    response = client.get(SEARCH, {"q": '"(*)"'})
    assert "Nothing found for" in response.text


def test_the_words_of_a_query_are_letters_and_digits_in_any_script():
    assert words_in('"furniture (money)*') == "furniture money"
    assert words_in("NEAR(a b) AND c:d") == "NEAR a b AND c d"
    assert words_in("café 16-25 حقوق") == "café 16 25 حقوق"
    assert words_in('"') == ""
