"""Every account page allauth serves renders inside the portal's shell, for each kind of person."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

ANONYMOUS = [
    "account_login",
    "account_request_login_code",
    "account_reset_password",
    "account_signup",
]
SIGNED_IN = [
    "account_change_password",
    "account_change_phone",
    "account_logout",
    "account_reauthenticate",
    "mfa_index",
]


@pytest.mark.parametrize("name", ANONYMOUS)
def test_public_account_pages_render_in_the_shell(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert "Get help now" in response.text and 'id="main"' in response.text


@pytest.mark.parametrize("name", SIGNED_IN)
def test_account_pages_render_for_a_young_person(client, young_person, name):
    client.force_login(young_person.user)
    response = client.get(reverse(name))
    assert response.status_code in {200, 302}
    if response.status_code == 200:
        assert "Get help now" in response.text


@pytest.mark.parametrize("name", [*SIGNED_IN, "mfa_generate_recovery_codes"])
def test_account_pages_render_for_staff(client, pa, name):
    client.force_login(pa)
    response = client.get(reverse(name), follow=True)
    assert response.status_code == 200
    assert "Get help now" in response.text
