"""The staff idle warning in Chromium (issue 15, finding 9): a few minutes before a member of
staff is signed out for being idle, a dialog offers "Stay signed in"; at the end the page goes
to sign in with the reason. The page's clock is Playwright's, moved on rather than waited for;
the server's is moved back in the session."""

from __future__ import annotations

import re
import time
from importlib import import_module

import pytest
from django.conf import settings

from portal.people import idle
from tests.browser.test_pages_in_chromium import assert_no_axe_violations, sign_in

pytestmark = pytest.mark.browser


def server_session(page):
    key = next(c["value"] for c in page.context.cookies() if c["name"] == "sessionid")
    return import_module(settings.SESSION_ENGINE).SessionStore(session_key=key)


def idle_on_the_server(page, minutes: float) -> None:
    session = server_session(page)
    session[idle.LAST_ACTIVE_KEY] = time.time() - minutes * 60
    session.save()


def signed_in_on_a_page(page, base: str, account: dict, path: str = "") -> None:
    """Sign in, and wait until the page's scripts have run (so its timer is set)."""
    sign_in(page, base, account)
    if path:
        page.goto(f"{base}{path}")
    page.wait_for_load_state("load")


def csp_errors(page) -> list[str]:
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security" in m.text else None)
    return errors


def test_staff_are_warned_and_can_stay_signed_in(phone, live_server, demo, screenshot):
    page = phone
    blocked = csp_errors(page)
    page.clock.install()
    signed_in_on_a_page(page, live_server.url, demo["pa"])
    assert page.url == f"{live_server.url}/staff/"
    idle_on_the_server(page, 26)
    page.clock.fast_forward("25:00")
    dialog = page.get_by_role("dialog", name="Do you want to stay signed in?")
    dialog.wait_for()
    assert re.search(r"signed out in [34] minutes", dialog.inner_text())
    stay = page.get_by_role("button", name="Stay signed in")
    assert stay.evaluate("button => button === document.activeElement")
    assert_no_axe_violations(page)
    screenshot(page, "staff-idle-warning")
    stay.click()
    dialog.wait_for(state="hidden")
    assert idle.seconds_left(server_session(page)) > 29 * 60
    assert page.url == f"{live_server.url}/staff/"
    assert blocked == []


def test_at_the_end_the_page_goes_to_sign_in_and_says_why(phone, live_server, demo):
    page = phone
    page.clock.install()
    signed_in_on_a_page(page, live_server.url, demo["manager"])
    idle_on_the_server(page, 26)
    page.clock.fast_forward("25:00")
    page.get_by_role("dialog").wait_for()
    idle_on_the_server(page, 31)  # nobody came back
    page.clock.fast_forward("05:00")
    page.wait_for_url(re.compile(r"/accounts/login/\?next=%2Fstaff%2F$"))
    assert "You were signed out because the portal was not used for 30 minutes" in page.content()


def test_another_tab_in_use_keeps_the_warning_away(phone, live_server, demo):
    page = phone
    page.clock.install()
    signed_in_on_a_page(page, live_server.url, demo["pa"])
    idle_on_the_server(page, 1)  # used a minute ago in another tab
    with page.expect_response(lambda r: "/staff/session/" in r.url) as asked:
        page.clock.fast_forward("25:00")
    assert asked.value.json()["seconds_left"] > 28 * 60
    assert not page.get_by_role("dialog").is_visible()
    # It waits for the time the server gave, then asks again: by then the other tab is idle.
    idle_on_the_server(page, 26)
    page.clock.fast_forward("24:00")
    page.get_by_role("dialog", name="Do you want to stay signed in?").wait_for()


def test_the_website_editor_warns_too(phone, live_server, demo):
    page = phone
    page.set_viewport_size({"width": 1280, "height": 900})
    blocked = csp_errors(page)
    page.clock.install()
    signed_in_on_a_page(page, live_server.url, demo["editor"], "/admin/")
    idle_on_the_server(page, 26)
    page.clock.fast_forward("25:00")
    page.get_by_role("dialog", name="Do you want to stay signed in?").wait_for()
    page.get_by_role("button", name="Stay signed in").click()
    page.get_by_role("dialog").wait_for(state="hidden")
    assert idle.seconds_left(server_session(page)) > 29 * 60
    assert blocked == []
