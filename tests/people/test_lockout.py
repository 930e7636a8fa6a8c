"""One lockout per account (issue 15, finding 4): five wrong passwords lock the account, however
its username or mobile number was spelt, and the right password does not get in while locked."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.people.models import SignInEvent
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")

# The same verified number, +447400123456, as people type it.
SPELLINGS = ["07400 123456", "+44 7400 123456", "0044 7400123456", "(07400) 123456"]


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def wrong_try(client, login: str) -> None:
    client.post(LOGIN, {"login": login, "password": "wrong-password"})


@pytest.mark.parametrize("locked_with", SPELLINGS)
def test_five_wrong_tries_in_one_spelling_lock_every_spelling(client, young_person, locked_with):
    for _ in range(5):
        wrong_try(client, locked_with)
    for spelling in [*SPELLINGS, "young"]:
        response = client.post(LOGIN, {"login": spelling, "password": PASSWORD})
        assert "locked for 15 minutes" in response.text, spelling
        assert not signed_in(client), spelling


def test_spellings_share_five_tries_between_them(client, young_person):
    # One wrong try in each spelling, and one by username: five for the account.
    for spelling in [*SPELLINGS, "young"]:
        wrong_try(client, spelling)
    response = client.post(LOGIN, {"login": "+447400123456", "password": PASSWORD})
    assert "locked for 15 minutes" in response.text
    assert not signed_in(client)
    locked = SignInEvent.objects.get(outcome="locked")
    assert locked.user == young_person.user


def test_a_username_in_capitals_shares_the_lockout(client, young_person):
    for _ in range(5):
        wrong_try(client, "YOUNG")
    response = client.post(LOGIN, {"login": "young", "password": PASSWORD})
    assert "locked for 15 minutes" in response.text


def test_the_lockout_does_not_depend_on_the_host_name(client, young_person, settings):
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    for _ in range(5):
        wrong_try(client, "young")
    response = client.post(LOGIN, {"login": "young", "password": PASSWORD}, HTTP_HOST="localhost")
    assert "locked for 15 minutes" in response.text


@pytest.mark.parametrize("spelling", SPELLINGS)
def test_each_spelling_signs_in_with_the_right_password_when_not_locked(
    client, young_person, spelling
):
    response = client.post(LOGIN, {"login": spelling, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:my_page")


def test_a_wrong_try_by_another_spelling_is_recorded_against_the_account(client, young_person):
    wrong_try(client, "(07400) 123456")
    event = SignInEvent.objects.get(outcome="failed")
    assert event.user == young_person.user


def test_the_per_address_limit_still_stops_spraying_many_accounts(client, young_person):
    # Ten wrong tries a minute from one address, whatever accounts they aim at.
    for n in range(10):
        wrong_try(client, f"nobody{n}")
    response = client.post(LOGIN, {"login": "young", "password": PASSWORD})
    assert not signed_in(client)
    assert "too many wrong tries" in response.text


def test_a_locked_account_does_not_lock_another(client, young_person, other_young_person):
    for spelling in SPELLINGS:
        wrong_try(client, spelling)
    wrong_try(client, "young")
    other = client.__class__()
    response = other.post(LOGIN, {"login": "someone_else", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:my_page")
