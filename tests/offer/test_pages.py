"""The offer's pages as a visitor and a young person see them, and their cache."""

from __future__ import annotations

import pytest
from django.urls import reverse

from offer.models import EntitlementPage

pytestmark = pytest.mark.django_db

GRANT = "/offer/money/setting-up-home-grant/"


def test_offer_home_lists_every_section_and_entitlement(client, offer):
    response = client.get("/offer/")
    assert response.status_code == 200
    for title in ["Money", "Setting Up Home Grant", "Support after 21"]:
        assert title in response.text


def test_home_page_links_to_each_section(client, offer):
    response = client.get("/")
    assert 'href="/offer/money/"' in response.text


def test_section_lists_its_entitlements_with_amounts(client, offer):
    response = client.get("/offer/money/")
    assert "Setting Up Home Grant" in response.text
    assert "£2,000" in response.text


def test_entitlement_page_shows_rules_steps_and_questions(client, offer):
    response = client.get(GRANT)
    assert response.status_code == 200
    assert "Who can get it" in response.text
    assert "until your 25th birthday" in response.text
    assert "How to get it" in response.text
    assert "<details" in response.text  # questions open without JavaScript
    assert "Last checked with care leavers" in response.text


def test_a_missing_page_is_a_friendly_404_in_the_portals_layout(client, offer):
    response = client.get("/offer/money/no-such-thing/")
    assert response.status_code == 404
    assert "Page not found" in response.text and "Get help now" in response.text


def test_an_unpublished_page_is_not_shown(client, offer):
    EntitlementPage.objects.get(slug="setting-up-home-grant").unpublish()
    assert client.get(GRANT).status_code == 404
    assert "Setting Up Home Grant" not in client.get("/offer/money/").text


def test_a_signed_in_young_person_is_told_whether_it_fits_them(client, offer, young_person):
    young_person.circumstances = ["own_home"]
    young_person.save()
    client.force_login(young_person.user)
    response = client.get("/offer/money/council-tax-exemption/")
    assert "You look able to get this" in response.text
    assert "X-Page-Cache" not in response.headers  # personal pages are never cached
    response = client.get("/offer/home/staying-put/")
    assert "This may not fit you right now" in response.text


def test_visitors_get_the_page_from_the_cache_until_it_is_published_again(client, offer):
    assert client.get(GRANT).headers["X-Page-Cache"] == "miss"
    cached = client.get(GRANT)
    assert cached.headers["X-Page-Cache"] == "hit"
    assert cached.headers["X-Offline-Ok"] == "1"
    assert "Content-Security-Policy" in cached.headers
    page = EntitlementPage.objects.get(slug="setting-up-home-grant")
    page.summary = "A new summary written by an editor."
    page.save_revision().publish()
    fresh = client.get(GRANT)
    assert fresh.headers["X-Page-Cache"] == "miss"
    assert "A new summary written by an editor." in fresh.text


def test_publishing_a_child_refreshes_its_section(client, offer):
    client.get("/offer/money/")
    page = EntitlementPage.objects.get(slug="setting-up-home-grant")
    page.title = "Money to set up your first home"
    page.save_revision().publish()
    assert "Money to set up your first home" in client.get("/offer/money/").text


def test_glossary_explains_the_words(client, offer):
    response = client.get("/offer/glossary/")
    assert response.status_code == 200
    assert "Personal Adviser" in response.text


def test_my_page_shows_what_they_can_get_and_what_is_coming(client, offer, young_person):
    client.force_login(young_person.user)
    response = client.get(reverse("people:my_page"))
    assert "What you can get" in response.text
    assert "Setting Up Home Grant" in response.text
    assert "Things you might be able to get soon" in response.text
    assert "Support after 21" in response.text  # the factory's young person is 20


def test_the_service_worker_is_served_from_the_root(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/javascript")
    assert "X-Offline-Ok" in response.text
