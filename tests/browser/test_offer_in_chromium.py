"""The local offer in Chromium at 360 px: found in two taps, the checker without JavaScript,
and axe-core finds nothing on each kind of offer page."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser


def assert_no_axe_violations(page) -> None:
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_visitor_finds_the_setting_up_home_grant_in_two_taps(phone, live_server, demo):
    phone.goto(f"{live_server.url}/")
    phone.get_by_role("link", name="Money", exact=True).click()
    phone.get_by_role("link", name="Setting Up Home Grant").click()
    assert phone.url == f"{live_server.url}/offer/money/setting-up-home-grant/"
    assert phone.get_by_role("heading", level=1).inner_text() == "Setting Up Home Grant"


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("/offer/", "offer-home"),
        ("/offer/money/", "offer-section"),
        ("/offer/money/setting-up-home-grant/", "entitlement"),
        ("/what-can-i-get/", "checker"),
        ("/what-can-i-get/?age=19&status=former_relevant&circumstance=own_home", "checker-results"),
        ("/search/?q=furniture+money", "search"),
        ("/offer/glossary/", "glossary"),
    ],
)
def test_offer_pages_have_no_axe_violations(phone, live_server, demo, screenshot, path, name):
    phone.goto(f"{live_server.url}{path}")
    for summary in phone.locator("summary").all():  # open the accordions, so axe sees them
        summary.click()
    assert_no_axe_violations(phone)
    screenshot(phone, name)


def test_the_checker_works_with_javascript_off(phone_without_javascript, live_server, demo):
    page = phone_without_javascript
    page.goto(f"{live_server.url}/what-can-i-get/")
    page.get_by_label("1. How old are you?").fill("19")
    page.get_by_label("I'm 18 or over and I was in care when I was 16 or 17").check()
    page.get_by_label("I live in my own home (my own tenancy)").check()
    page.get_by_role("button", name="Show what I can get").click()
    assert page.get_by_role("heading", level=1).inner_text() == "What you can get"
    assert page.get_by_role("link", name="Council tax exemption").is_visible()


def test_a_page_read_once_can_be_read_again_offline(chromium, live_server, demo):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}/offer/money/setting-up-home-grant/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()  # now under the service worker, which keeps a copy
    page.wait_for_load_state("load")
    context.set_offline(True)
    page.goto(f"{live_server.url}/offer/money/setting-up-home-grant/")
    assert page.get_by_role("heading", level=1).inner_text() == "Setting Up Home Grant"
    page.goto(f"{live_server.url}/offer/home/")
    assert page.get_by_role("heading", level=1).inner_text() == "No connection"
    context.close()


def test_an_editor_can_edit_an_entitlement_in_wagtails_admin(phone, live_server, demo):
    from offer.models import EntitlementPage
    from tests.browser.test_pages_in_chromium import sign_in

    page = phone
    page.set_viewport_size({"width": 1280, "height": 900})
    blocked: list[str] = []
    page.on("console", lambda m: blocked.append(m.text) if "Content Security" in m.text else None)
    sign_in(page, live_server.url, demo["editor"])
    grant = EntitlementPage.objects.get(slug="setting-up-home-grant")
    page.goto(f"{live_server.url}/admin/pages/{grant.pk}/edit/")
    page.locator(".Draftail-Editor").first.wait_for()
    assert page.locator(".Draftail-Editor").count() >= 1  # the StreamField's rich text editors
    assert page.get_by_label("Former relevant: 18 to 25 and were in care at 16 or 17").is_checked()
    assert blocked == []
