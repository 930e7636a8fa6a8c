"""Each demo role signs in through the real pages in Chromium and reaches their landing page;
axe-core finds nothing on the public pages and My page at 360 px; pages work with JavaScript off
and at 320 px."""

from __future__ import annotations

import re
import time

import pytest
from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from axe_playwright_python.sync_playwright import Axe

from portal import sms

pytestmark = pytest.mark.browser


def totp(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // mfa_settings.TOTP_PERIOD))


def sign_in(page, base: str, account: dict) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Username or mobile number").fill(account["username"])
    page.get_by_label("Password").fill(account["password"])
    page.get_by_role("button", name="Sign in").click()
    if account.get("totp_secret"):
        page.get_by_label("Code").fill(totp(account["totp_secret"]))
        page.get_by_role("button", name="Continue").click()


def assert_no_axe_violations(page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_young_person_signs_in_and_reaches_my_page(phone, live_server, demo, screenshot):
    sign_in(phone, live_server.url, demo["young_person"])
    assert phone.url == f"{live_server.url}/my-page/"
    assert phone.get_by_role("heading", level=1).inner_text() == "Hello, Jordan"
    assert phone.get_by_text("Sam Okafor").is_visible()
    assert_no_axe_violations(phone)
    screenshot(phone, "my-page")


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("pa", "Your caseload"),
        ("manager", "Your team"),
        ("participation", "Care leavers on the portal"),
        ("editor", "The website"),
    ],
)
def test_staff_sign_in_with_authenticator_code_and_reach_staff_home(
    phone, live_server, demo, screenshot, role, expected
):
    sign_in(phone, live_server.url, demo[role])
    assert phone.url == f"{live_server.url}/staff/"
    assert phone.get_by_role("heading", level=1).inner_text() == "Staff home"
    assert phone.get_by_role("heading", name=re.compile(expected)).is_visible()
    assert_no_axe_violations(phone)
    screenshot(phone, f"staff-home-{role}")


def test_young_person_signs_in_with_a_code_by_text(phone, live_server, demo, settings):
    phone.goto(f"{live_server.url}/accounts/login/")
    phone.get_by_role("link", name="Text me a sign-in code").click()
    phone.get_by_label("Your mobile number").fill("07400 123456")
    phone.get_by_role("button", name="Text me a code").click()
    assert_no_axe_violations(phone)
    code = re.search(r"\b(\d{6})\b", sms.outbox[-1].body).group(1)
    phone.get_by_label("Sign-in code").fill(code)
    phone.get_by_role("button", name="Sign in").click()
    assert phone.url == f"{live_server.url}/my-page/"


@pytest.mark.parametrize(
    ("path", "name"),
    [("/", "home"), ("/accounts/login/", "sign-in"), ("/get-help-now/", "get-help")],
)
def test_public_pages_have_no_axe_violations_at_360px(
    phone, live_server, demo, screenshot, path, name
):
    phone.goto(f"{live_server.url}{path}")
    assert_no_axe_violations(phone)
    screenshot(phone, name)


def test_wrong_password_shows_an_error_summary_that_links_to_the_problem(phone, live_server, demo):
    sign_in(phone, live_server.url, {**demo["young_person"], "password": "not-the-password"})
    summary = phone.get_by_role("alert")
    assert "There is a problem" in summary.inner_text()
    assert "don't match" in summary.inner_text()
    assert_no_axe_violations(phone)


def test_signing_in_and_saving_work_with_javascript_off(
    phone_without_javascript, live_server, demo
):
    page = phone_without_javascript
    sign_in(page, live_server.url, demo["young_person"])
    assert page.url == f"{live_server.url}/my-page/"
    page.get_by_label("A phone call").check()
    page.get_by_role("button", name="Save").click()
    assert page.get_by_text("Saved.").is_visible()
    assert page.get_by_label("A phone call").is_checked()


@pytest.mark.parametrize("path", ["/", "/accounts/login/", "/get-help-now/"])
def test_pages_fit_a_320px_screen_without_sideways_scrolling(chromium, live_server, path):
    context = chromium.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{live_server.url}{path}")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert page.get_by_role("link", name="Get help now").is_visible()
    context.close()


def test_messages_work_with_javascript_off(chromium, live_server, demo):
    """The plain form and pages: what a phone with scripts blocked, or an old browser, gets."""
    young_context = chromium.new_context(
        viewport={"width": 360, "height": 740}, java_script_enabled=False
    )
    pa_context = chromium.new_context(
        viewport={"width": 360, "height": 740}, java_script_enabled=False
    )
    young, pa = young_context.new_page(), pa_context.new_page()
    sign_in(young, live_server.url, demo["young_person"])
    young.goto(f"{live_server.url}/messages/")
    young.get_by_label("Your message").fill("Hi Sam, can we meet on Friday?")
    young.get_by_role("button", name="Send").click()
    assert young.locator(".bubble--mine .bubble__body").inner_text() == (
        "Hi Sam, can we meet on Friday?"
    )
    assert young.locator(".bubble--mine .bubble__state").inner_text() == "Sent"
    sign_in(pa, live_server.url, demo["pa"])
    pa.goto(f"{live_server.url}/staff/messages/")
    assert pa.get_by_text("1 unread").is_visible()
    pa.get_by_role("link", name="Jordan Reid").click()
    pa.get_by_label("Your message").fill("Friday at 11 works.")
    pa.get_by_role("button", name="Send").click()
    young.reload()
    assert young.locator(".bubble--mine .bubble__state").inner_text() == "Read"
    assert young.locator(".bubble__body").last.inner_text() == "Friday at 11 works."
    # (axe needs scripts to run: the same pages are checked in test_messages_in_chromium.py.)
    young_context.close()
    pa_context.close()
