"""Texted codes (issue 15, finding 9): one live sign-in code per account, and a daily limit on
the codes texted to any one number, with a clear message when it is reached."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from portal.people.models import SignInEvent

pytestmark = pytest.mark.django_db

REQUEST_CODE = reverse("account_request_login_code")
CONFIRM_CODE = reverse("account_confirm_login_code")
NUMBER = "+447400123456"


def code_in(message) -> str:
    return re.search(r"\b(\d{6})\b", message.body).group(1)


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def a_minute_later() -> None:
    """allauth allows 3 code requests a minute for one number; the daily limit is ours and
    lives in the database, so emptying the cache stands for the minutes passing between tries."""
    cache.clear()


def test_a_new_code_from_another_session_kills_the_old_one(client, young_person, outbox):
    first = client
    first.post(REQUEST_CODE, {"phone": "07400 123456"})
    old_code = code_in(outbox[-1])
    second = client.__class__()
    second.post(REQUEST_CODE, {"phone": "+44 7400 123456"})
    new_code = code_in(outbox[-1])
    assert len(outbox) == 2

    response = first.post(CONFIRM_CODE, {"code": old_code})
    assert not signed_in(first)
    assert "replaced by a newer one" in response.text
    response = second.post(CONFIRM_CODE, {"code": new_code}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("people:my_page")


def test_five_code_texts_a_day_to_one_number_then_a_clear_message(client, young_person, outbox):
    for _ in range(5):
        client.__class__().post(REQUEST_CODE, {"phone": "07400 123456"})
        a_minute_later()
    assert len(outbox) == 5
    response = client.post(REQUEST_CODE, {"phone": "(07400) 123456"})
    assert response.status_code == 200
    assert "as many codes as we can today" in response.text
    assert "sign in with your username and password" in response.text
    assert len(outbox) == 5
    assert SignInEvent.objects.filter(outcome="code_not_sent", identifier=NUMBER).exists()


def test_the_daily_limit_looks_the_same_for_a_number_with_no_account(client, outbox):
    # Otherwise the message would tell a stranger which numbers belong to care leavers.
    for _ in range(5):
        client.__class__().post(REQUEST_CODE, {"phone": "07400 999888"})
        a_minute_later()
    response = client.post(REQUEST_CODE, {"phone": "07400 999888"})
    assert "as many codes as we can today" in response.text
    assert outbox == []


def test_the_daily_limit_lifts_after_a_day(client, young_person, outbox):
    for _ in range(5):
        client.__class__().post(REQUEST_CODE, {"phone": "07400 123456"})
        a_minute_later()
    SignInEvent.objects.filter(identifier=NUMBER).update(
        created_at=timezone.now() - datetime.timedelta(hours=24, minutes=1)
    )
    client.post(REQUEST_CODE, {"phone": "07400 123456"})
    assert len(outbox) == 6


def test_the_daily_limit_is_a_setting(client, young_person, outbox, settings):
    settings.CODE_TEXTS_PER_NUMBER_PER_DAY = 2
    for _ in range(3):
        client.__class__().post(REQUEST_CODE, {"phone": "07400 123456"})
        a_minute_later()
    assert len(outbox) == 2


def test_the_adapter_sends_nothing_past_the_limit_even_if_a_form_was_raced(
    rf, young_person, outbox, settings
):
    """Two requests at once can both pass the form's check; the text itself is refused."""
    from allauth.account.adapter import get_adapter
    from allauth.core import context
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.messages.storage.fallback import FallbackStorage

    settings.CODE_TEXTS_PER_NUMBER_PER_DAY = 1
    for _ in range(2):
        request = rf.post(REQUEST_CODE)
        request.user, request.session = AnonymousUser(), {}
        request._messages = FallbackStorage(request)
        with context.request_context(request):
            get_adapter().send_verification_code_sms(
                user=young_person.user, phone=NUMBER, code="123456"
            )
    assert len(outbox) == 1
    assert SignInEvent.objects.filter(outcome="code_not_sent").count() == 1
