"""A young person adds or changes their mobile and proves it is theirs with a texted code."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

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
