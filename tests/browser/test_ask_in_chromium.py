"""The chatbot in Chromium at 360 px: a young person asks in their own words beside "Message my
PA" and gets the page's answer with its link; a risky message to their PA brings the crisis
contacts at once, and an alert the PA reads and marks as dealt with. axe-core finds nothing."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from chat.models import Question, SafeguardingAlert
from tests.browser.test_messages_in_chromium import eventually, send
from tests.browser.test_pages_in_chromium import sign_in

pytestmark = pytest.mark.browser


def test_a_young_person_asks_in_their_own_words(chromium, asgi_server, demo, screenshot):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, asgi_server, demo["young_person"])
    page.goto(f"{asgi_server}/messages/")
    page.get_by_role("link", name="Ask a question").click()
    page.get_by_label("Your question").fill("whats the grant for furniture when u move out")
    page.get_by_role("button", name="Ask").click()
    answer = page.locator(".answer")
    expect(answer).to_contain_text("Setting Up Home Grant")
    expect(answer).to_contain_text("you look eligible")
    expect(answer.get_by_role("link", name="Setting Up Home Grant")).to_be_visible()
    screenshot(page, "chatbot-answer")
    assert Axe().run(page).violations_count == 0
    page.get_by_role("button", name="Yes").click()
    expect(page.locator(".notification--success")).to_contain_text("Thanks for telling us")
    assert Question.objects.get().helped is True
    context.close()


def test_a_risky_message_gets_help_at_once_and_the_pa_deals_with_the_alert(
    chromium, asgi_server, demo, screenshot
):
    contexts = [chromium.new_context(viewport={"width": 360, "height": 740}) for _ in range(2)]
    you, pa = (context.new_page() for context in contexts)
    sign_in(you, asgi_server, demo["young_person"])
    sign_in(pa, asgi_server, demo["pa"])
    pa.goto(f"{asgi_server}/staff/messages/")
    expect(pa.locator("#thread, #inbox, main")).not_to_have_count(0)
    you.goto(f"{asgi_server}/messages/")
    expect(you.locator("#thread")).to_have_attribute("data-live", "open")

    send(you, "i cant do this anymore i want to end it all")
    bot = you.locator(".bubble").last
    expect(bot).to_contain_text("call 999")
    expect(bot).to_contain_text("116 123")
    eventually(lambda: SafeguardingAlert.objects.exists())
    # The PA's open inbox shows the alert at once.
    expect(pa.get_by_role("alert")).to_contain_text("Safeguarding alert")
    pa.get_by_role("alert").get_by_role("link", name="Read it now").click()
    expect(pa.locator("blockquote").first).to_contain_text("i want to end it all")
    screenshot(pa, "chatbot-safeguarding-alert")
    assert Axe().run(pa).violations_count == 0
    pa.get_by_role("button", name="Acknowledge: I am dealing with this").click()
    expect(pa.locator(".notification--success")).to_contain_text("You have acknowledged")
    pa.get_by_label("What you did").fill("Rang them straight away; they are with a friend.")
    pa.get_by_role("button", name="Close with this note").click()
    expect(pa.locator(".notification--success")).to_contain_text("Closed, with what you did")
    alert = SafeguardingAlert.objects.get()
    assert alert.acknowledged_by_id is not None and alert.closed_at is not None
    for context in contexts:
        context.close()
