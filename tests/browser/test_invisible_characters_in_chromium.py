"""A message holding an invisible character, arriving live over the socket, is drawn by the
page's script as the server draws it: the character shown, the word not linked (issue 15,
finding 9). Two Chromium pages on Daphne: the young person writes, their PA reads live."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from portal.people.models import User
from tests.browser.test_pages_in_chromium import sign_in

pytestmark = pytest.mark.browser


def test_a_zero_width_space_arriving_live_is_shown_and_not_linked(chromium, asgi_server, demo):
    contexts = [chromium.new_context(viewport={"width": 360, "height": 740}) for _ in range(2)]
    you, pa = (context.new_page() for context in contexts)
    try:
        sign_in(you, asgi_server, demo["young_person"])
        sign_in(pa, asgi_server, demo["pa"])
        young = User.objects.get(username=demo["young_person"]["username"])
        you.goto(f"{asgi_server}/messages/")
        pa.goto(f"{asgi_server}/staff/messages/")
        pa.get_by_role("link", name=young.display_name).click()
        for page in (you, pa):
            expect(page.locator("#thread")).to_have_attribute("data-live", "open")

        you.get_by_label("Your message").fill("pay at goo\u200bgle.com or https://example.com")
        you.get_by_role("button", name="Send").click()

        for page in (you, pa):  # drawn by the script: the sender's copy and the PA's live one
            latest = page.locator("#thread .bubble__body").last
            expect(latest).to_have_text("pay at goo[U+200B]gle.com or https://example.com")
            expect(latest.locator("mark.invisible-char")).to_have_text("[U+200B]")
            expect(latest.locator("a")).to_have_count(1)
            expect(latest.locator("a")).to_have_attribute("href", "https://example.com")
        pa.reload()  # and the server draws it the same way
        latest = pa.locator("#thread .bubble__body").last
        expect(latest).to_have_text("pay at goo[U+200B]gle.com or https://example.com")
        expect(latest.locator("a")).to_have_count(1)
    finally:
        for context in contexts:
            context.close()
