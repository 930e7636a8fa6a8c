"""Every page carries a Content-Security-Policy with a nonce for scripts and no inline script."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url", ["/", "/get-help-now/", "/accounts/login/", "/accounts/login/code/"]
)
def test_public_pages_send_a_strict_policy(client, url):
    response = client.get(url)
    policy = response.headers["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["frame-ancestors"] == "'none'"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    # Any inline script on the page must carry this response's nonce.
    nonce = re.search(r"'nonce-([^']+)'", directives["script-src"])
    for tag in re.findall(r"<script\b[^>]*>", response.text):
        if "src=" not in tag and 'type="application/json"' not in tag:
            assert nonce and f'nonce="{nonce.group(1)}"' in tag


@pytest.mark.django_db
def test_session_and_csrf_cookies_are_http_only(client, young_person):
    from tests.factories import PASSWORD

    client.get(reverse("account_login"))
    response = client.post(reverse("account_login"), {"login": "young", "password": PASSWORD})
    assert response.cookies["sessionid"]["httponly"]
    assert response.cookies["sessionid"]["samesite"] == "Lax"
