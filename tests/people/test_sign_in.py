"""Signing in: young people by username or mobile, by password or texted code; staff with a
second factor; lockouts; and the audit trail of every attempt."""

from __future__ import annotations

import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.urls import reverse

from portal.people.models import SignInEvent, User
from portal.people.roles import Role
from tests import factories
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")
REQUEST_CODE = reverse("account_request_login_code")
CONFIRM_CODE = reverse("account_confirm_login_code")


def totp_now(user) -> str:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    secret = decrypt(authenticator.data["secret"])
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def outcomes() -> list[str]:
    return list(SignInEvent.objects.order_by("created_at", "pk").values_list("outcome", flat=True))


def test_young_person_signs_in_with_username_and_lands_on_my_page(client, young_person):
    response = client.post(LOGIN, {"login": "young", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:my_page")
    assert "Your Personal Adviser (PA)" in response.text
    assert outcomes() == ["signed_in"]


@pytest.mark.parametrize("typed", ["07400 123456", "+447400123456", "07400123456"])
def test_young_person_signs_in_with_mobile_number_and_password(client, young_person, typed):
    response = client.post(LOGIN, {"login": typed, "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:my_page")


def test_wrong_password_gives_a_clear_message_and_changes_nothing(client, young_person):
    response = client.post(LOGIN, {"login": "young", "password": "not-it"})
    assert response.status_code == 200
    assert "The username and password don&#x27;t match" in response.text
    assert "There is a problem" in response.text
    assert "_auth_user_id" not in client.session
    event = SignInEvent.objects.get()
    assert (event.outcome, event.identifier) == ("failed", "young")


def test_five_wrong_passwords_lock_the_account_even_against_the_right_one(client, young_person):
    for _ in range(5):
        client.post(LOGIN, {"login": "young", "password": "wrong-password"})
    response = client.post(LOGIN, {"login": "young", "password": PASSWORD})
    assert response.status_code == 200
    assert "locked for 15 minutes" in response.text
    assert "_auth_user_id" not in client.session
    assert outcomes() == ["failed"] * 5 + ["locked"]


def test_the_lock_is_per_account_not_for_everyone(client, young_person, other_young_person):
    for _ in range(5):
        client.post(LOGIN, {"login": "young", "password": "wrong-password"})
    response = client.post(LOGIN, {"login": "someone_else", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:my_page")


def test_the_lock_lifts_after_15_minutes(client, young_person, monkeypatch):
    for _ in range(5):
        client.post(LOGIN, {"login": "young", "password": "wrong-password"})
    later = time.time() + 15 * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    response = client.post(LOGIN, {"login": "young", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:my_page")


def _request_code(client, number="07400 123456") -> str:
    client.post(REQUEST_CODE, {"phone": number})
    return client.get(CONFIRM_CODE)


def test_code_by_text_is_six_digits_sent_through_the_sms_backend(client, young_person, outbox):
    response = client.post(REQUEST_CODE, {"phone": "07400 123456"}, follow=True)
    assert response.redirect_chain[-1][0].startswith(CONFIRM_CODE)
    assert len(outbox) == 1
    assert outbox[0].to == "+447400123456"
    code = re.search(r"\b(\d{6})\b", outbox[0].body).group(1)
    assert "10 minutes" in outbox[0].body
    response = client.post(CONFIRM_CODE, {"code": code}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:my_page")
    assert outcomes() == ["code_sent", "signed_in"]
    assert SignInEvent.objects.get(outcome="signed_in").method == "code"


def test_wrong_code_says_so_and_five_wrong_codes_end_the_attempt(client, young_person, outbox):
    client.post(REQUEST_CODE, {"phone": "07400 123456"})
    code = re.search(r"\b(\d{6})\b", outbox[0].body).group(1)
    wrong = "000000" if code != "000000" else "111111"
    response = client.post(CONFIRM_CODE, {"code": wrong})
    assert "That code is not right" in response.text
    for _ in range(4):
        client.post(CONFIRM_CODE, {"code": wrong})
    # After five wrong tries the code is dead: even the right one no longer signs in.
    response = client.post(CONFIRM_CODE, {"code": code}, follow=True)
    assert "_auth_user_id" not in client.session
    assert outcomes().count("code_failed") == 5


def test_a_code_expires_after_10_minutes(client, young_person, outbox, monkeypatch):
    client.post(REQUEST_CODE, {"phone": "07400 123456"})
    code = re.search(r"\b(\d{6})\b", outbox[0].body).group(1)
    later = time.time() + 10 * 60 + 1
    monkeypatch.setattr(time, "time", lambda: later)
    client.post(CONFIRM_CODE, {"code": code}, follow=True)
    assert "_auth_user_id" not in client.session


def test_unknown_number_sends_nothing_and_does_not_reveal_whether_it_has_an_account(
    client, young_person, outbox
):
    known = client.post(REQUEST_CODE, {"phone": "07400 123456"}, follow=True)
    unknown_client = client.__class__()
    unknown = unknown_client.post(REQUEST_CODE, {"phone": "07400 123999"}, follow=True)
    assert len(outbox) == 1  # only the real account's number got a text
    # Both see the same page, so nobody can use this form to find out who is a care leaver.
    assert known.redirect_chain[-1][0] == unknown.redirect_chain[-1][0]
    assert "If <strong>" in unknown.text
    assert SignInEvent.objects.filter(outcome="failed", identifier="+447400123999").exists()


def test_an_unverified_number_never_receives_a_sign_in_code(client, young_person, outbox):
    young_person.mobile_verified = False
    young_person.save()
    client.post(REQUEST_CODE, {"phone": "07400 123456"})
    assert outbox == []


def test_a_number_that_is_not_a_phone_number_gets_a_clear_error(client, outbox):
    response = client.post(REQUEST_CODE, {"phone": "12"})
    assert response.status_code == 200
    assert "Enter a UK mobile number" in response.text
    assert outbox == []


def test_staff_need_their_authenticator_code_after_the_password(client, pa):
    response = client.post(LOGIN, {"login": "pa", "password": PASSWORD}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session
    response = client.post(reverse("mfa_authenticate"), {"code": "123456"})
    assert "That code is not right" in response.text or "Incorrect code" in response.text
    response = client.post(reverse("mfa_authenticate"), {"code": totp_now(pa)}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:staff_home")
    assert outcomes() == ["second_factor_failed", "signed_in"]
    assert SignInEvent.objects.get(outcome="signed_in").method == "password+mfa"


def test_staff_without_an_authenticator_must_set_one_up_first(client, team):
    newcomer = factories.staff(Role.PA, team=team, username="newcomer", totp=False)
    client.force_login(newcomer)
    response = client.get(reverse("people:staff_home"))
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_nobody_can_sign_up_on_their_own(client):
    response = client.get(reverse("account_signup"))
    assert "The leaving care team sets one up for you" in response.text
    response = client.post(
        reverse("account_signup"),
        {
            "username": "stranger",
            "password1": "a-long-password-1",
            "password2": "a-long-password-1",
        },
    )
    assert "The leaving care team sets one up for you" in response.text
    assert not User.objects.filter(username="stranger").exists()


def test_new_staff_set_up_their_authenticator_then_reach_staff_home(client, team):
    newcomer = factories.staff(Role.PA, team=team, username="newcomer", totp=False)
    page = client.post(LOGIN, {"login": "newcomer", "password": PASSWORD}, follow=True)
    # allauth asks for the password once more before a second factor is added.
    assert page.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    page = client.post(page.redirect_chain[-1][0], {"password": PASSWORD}, follow=True)
    assert page.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    secret = re.search(r"\b([A-Z2-7]{32})\b", page.text).group(1)  # shown to type into an app
    code = format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))
    wrong = client.post(reverse("mfa_activate_totp"), {"code": "000000"})
    assert wrong.status_code == 200
    assert not Authenticator.objects.filter(user=newcomer).exists()
    client.post(reverse("mfa_activate_totp"), {"code": code})
    assert Authenticator.objects.filter(user=newcomer, type=Authenticator.Type.TOTP).exists()
    assert client.get(reverse("people:staff_home")).status_code == 200
