"""A young person adds or changes their mobile and proves it is theirs with a texted code."""

from __future__ import annotations

import re

import pytest
from django.core.cache import cache
from django.urls import reverse

from portal.people.models import SignInEvent

pytestmark = pytest.mark.django_db

CHANGE = reverse("account_change_phone")
VERIFY = reverse("account_verify_phone")


def code_in(outbox) -> str:
    return re.search(r"\b(\d{6})\b", outbox[-1].body).group(1)


@pytest.fixture
def without_number(young_person):
    young_person.mobile, young_person.mobile_verified = None, False
    young_person.save()
    return young_person


def test_adding_a_number_texts_a_code_and_the_code_verifies_it(client, without_number, outbox):
    client.force_login(without_number.user)
    response = client.post(CHANGE, {"phone": "07400 654321", "action_add": ""}, follow=True)
    assert response.redirect_chain[-1][0] == VERIFY
    assert outbox[-1].to == "+447400654321"
    without_number.refresh_from_db()
    assert without_number.mobile is None  # nothing is kept until the code proves it
    client.post(VERIFY, {"code": code_in(outbox)}, follow=True)
    without_number.refresh_from_db()
    assert without_number.mobile.as_e164 == "+447400654321"
    assert without_number.mobile_verified


def test_a_wrong_code_does_not_verify_the_number(client, without_number, outbox):
    client.force_login(without_number.user)
    client.post(CHANGE, {"phone": "07400 654321", "action_add": ""})
    wrong = "000000" if code_in(outbox) != "000000" else "111111"
    response = client.post(VERIFY, {"code": wrong})
    assert "That code is not right" in response.text
    without_number.refresh_from_db()
    assert without_number.mobile is None and not without_number.mobile_verified


def test_a_number_that_is_not_a_mobile_is_refused_and_nothing_changes(client, young_person, outbox):
    client.force_login(young_person.user)
    response = client.post(CHANGE, {"phone": "not a number", "action_add": ""})
    assert response.status_code == 200
    assert "Enter a UK mobile number" in response.text
    young_person.refresh_from_db()
    assert young_person.mobile.as_e164 == "+447400123456" and young_person.mobile_verified
    assert outbox == []


def test_someone_elses_number_cannot_be_taken(client, young_person, other_young_person, outbox):
    client.force_login(other_young_person.user)
    client.post(CHANGE, {"phone": "07400 123456", "action_add": ""})
    other_young_person.refresh_from_db()
    assert other_young_person.mobile is None or other_young_person.mobile.as_e164 != "+447400123456"
    young_person.refresh_from_db()
    assert young_person.mobile_verified


def test_proving_a_number_takes_it_off_a_profile_where_it_sat_unproved(
    client, young_person, other_young_person, outbox
):
    young_person.mobile_verified = False  # e.g. a PA typed the wrong person's number
    young_person.save()
    client.force_login(other_young_person.user)
    client.post(CHANGE, {"phone": "07400 123456", "action_add": ""})
    client.post(VERIFY, {"code": code_in(outbox)})
    other_young_person.refresh_from_db()
    young_person.refresh_from_db()
    assert other_young_person.mobile.as_e164 == "+447400123456"
    assert other_young_person.mobile_verified
    assert young_person.mobile is None


# --- Another young person's checked number (issue 15, finding 9) --------------------------------


def _without_csrf(html: str) -> str:
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_a_number_checked_on_another_account_is_never_texted(
    client, young_person, other_young_person, outbox
):
    client.force_login(other_young_person.user)
    response = client.post(CHANGE, {"phone": "07400 123456", "action_add": ""}, follow=True)
    assert outbox == []  # the other young person's phone gets nothing
    assert response.redirect_chain[-1][0] == VERIFY
    event = SignInEvent.objects.get(outcome="code_refused")
    assert (event.user, event.identifier) == (other_young_person.user, "+447400123456")
    young_person.refresh_from_db()
    other_young_person.refresh_from_db()
    assert young_person.mobile.as_e164 == "+447400123456" and young_person.mobile_verified
    assert other_young_person.mobile is None


def test_the_page_does_not_say_whether_a_number_is_someone_elses(
    client, young_person, other_young_person, outbox
):
    """The page after asking for a held number and after asking for a free one is the same,
    so the form cannot be used to find out whether someone uses the portal."""
    client.force_login(other_young_person.user)
    held = client.post(CHANGE, {"phone": "07400 123456", "action_add": ""}, follow=True)
    cache.clear()  # the next try a minute later (allauth allows one a minute)
    free = client.post(CHANGE, {"phone": "07400 654321", "action_add": ""}, follow=True)
    assert len(outbox) == 1 and outbox[0].to == "+447400654321"
    held_page = _without_csrf(held.text).replace("+447400123456", "NUMBER")
    free_page = _without_csrf(free.text).replace("+447400654321", "NUMBER")
    assert held_page == free_page
    assert "someone else" in free_page


def test_tries_at_a_held_number_count_towards_its_daily_limit(
    client, young_person, other_young_person, outbox
):
    client.force_login(other_young_person.user)
    for _ in range(5):
        client.post(CHANGE, {"phone": "07400 123456", "action_add": ""})
        cache.clear()
    response = client.post(CHANGE, {"phone": "07400 123456", "action_add": ""})
    assert response.status_code == 200
    assert "as many codes as we can today" in response.text
    assert outbox == []


def test_checking_codes_count_towards_a_numbers_daily_limit(client, without_number, outbox):
    client.force_login(without_number.user)
    for _ in range(5):
        client.post(CHANGE, {"phone": "07400 654321", "action_add": ""})
        cache.clear()
    assert len(outbox) == 5
    response = client.post(CHANGE, {"phone": "07400 654321", "action_add": ""})
    assert "as many codes as we can today" in response.text
    assert len(outbox) == 5


def test_two_people_asking_to_check_one_number_at_once_get_a_message_not_an_error(
    client, without_number, other_young_person, outbox
):
    client.force_login(without_number.user)
    client.post(CHANGE, {"phone": "07400 654321", "action_add": ""})
    other = client.__class__()
    other.force_login(other_young_person.user)
    response = other.post(CHANGE, {"phone": "07400 654321", "action_add": ""})
    assert response.status_code == 200
    assert "Wait a minute" in response.text
    assert len(outbox) == 1


def test_their_manager_sees_a_try_at_someone_elses_number(
    client, young_person, other_young_person, other_pa, outbox
):
    from portal.people import selectors
    from portal.people.roles import Role
    from tests import factories

    manager = factories.staff(Role.MANAGER, username="other_manager")
    team = other_pa.staff_profile.team
    team.manager = manager
    team.save()
    client.force_login(other_young_person.user)
    client.post(CHANGE, {"phone": "07400 123456", "action_add": ""})
    trouble = list(selectors.sign_in_trouble_for_team(manager))
    assert [(e.user, e.outcome) for e in trouble] == [(other_young_person.user, "code_refused")]
