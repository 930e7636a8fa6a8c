"""Messaging in two Chromium pages served by Daphne (HTTP and WebSockets): a young person and
their PA talk live; the young person loses signal, the PA sends two messages, and when the
young person is back both arrive once each, in order, and what they typed offline is sent."""

from __future__ import annotations

import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from chat.models import Message, Notification
from portal.people.models import User
from tests.browser.test_pages_in_chromium import sign_in

pytestmark = pytest.mark.browser


def eventually(check, seconds: float = 5.0) -> None:
    """The server writes what a socket said a moment after the page shows it."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "still not so after 5 seconds"
        time.sleep(0.05)


@pytest.fixture
def two_phones(chromium, asgi_server, demo):
    """The young person and their PA, each signed in on their own 360 px phone."""
    contexts = [chromium.new_context(viewport={"width": 360, "height": 740}) for _ in range(2)]
    you, pa = (context.new_page() for context in contexts)
    sign_in(you, asgi_server, demo["young_person"])
    sign_in(pa, asgi_server, demo["pa"])
    young = User.objects.get(username=demo["young_person"]["username"])
    yield young, you, pa
    for context in contexts:
        context.close()


def bubbles(page):
    return page.locator("#thread .bubble__body")


def send(page, text: str) -> None:
    page.get_by_label("Your message").fill(text)
    page.get_by_role("button", name="Send").click()


def test_young_person_and_pa_talk_live_and_nothing_is_lost_offline(
    two_phones, asgi_server, screenshot
):
    young, you, pa = two_phones
    you.goto(f"{asgi_server}/messages/")
    pa.goto(f"{asgi_server}/staff/messages/")
    pa.get_by_role("link", name=young.display_name).click()
    expect(you.locator("#thread")).to_have_attribute("data-live", "open")
    expect(pa.locator("#thread")).to_have_attribute("data-live", "open")

    # Live, both ways, with the sender seeing their message reach the other screen.
    send(you, "Hi Sam, can we talk about my flat?")
    expect(bubbles(pa).last).to_have_text("Hi Sam, can we talk about my flat?")
    expect(you.locator(".bubble--mine .bubble__state").last).to_have_text("Read")
    send(pa, "Of course. Is Tuesday at 2 OK?")
    expect(bubbles(you).last).to_have_text("Of course. Is Tuesday at 2 OK?")
    expect(pa.locator(".bubble--mine .bubble__state").last).to_have_text("Read")

    # The young person loses signal: what they write waits, what the PA sends is kept.
    you.context.set_offline(True)
    expect(you.locator("#chat-status")).to_contain_text("You're offline")
    send(you, "Typed on the bus with no signal")
    expect(you.locator(".bubble--mine .bubble__state").last).to_have_text("Waiting for signal")
    send(pa, "First while you were away")
    send(pa, "Second while you were away")
    expect(bubbles(pa).last).to_have_text("Second while you were away")
    assert bubbles(you).last.inner_text() == "Typed on the bus with no signal"

    you.context.set_offline(False)
    expect(bubbles(pa).last).to_have_text("Typed on the bus with no signal")
    expect(you.locator(".bubble--mine .bubble__state").last).to_have_text("Read")
    expect(bubbles(you)).to_have_text(
        [
            "Hi Sam, can we talk about my flat?",
            "Of course. Is Tuesday at 2 OK?",
            "First while you were away",
            "Second while you were away",
            "Typed on the bus with no signal",
        ]
    )
    assert Message.objects.filter(conversation__young_person__user=young).count() == 5

    # The two sent while they were away were recorded to be told about, and reading them
    # here settled that.
    notices = Notification.objects.filter(recipient=young).select_related("message")
    assert [n.message.body for n in notices] == [
        "First while you were away",
        "Second while you were away",
    ]
    eventually(lambda: {n.state for n in notices.all()} == {Notification.State.READ_ON_WEBSITE})

    for page in (you, pa):
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    screenshot(you, "messages-young-person")
    screenshot(pa, "messages-pa-conversation")


def test_the_pa_inbox_updates_live(two_phones, asgi_server, screenshot):
    young, you, pa = two_phones
    pa.goto(f"{asgi_server}/staff/messages/")
    row = pa.locator("#inbox > li", has_text=young.display_name)
    expect(row.locator("[data-unread]")).to_be_hidden()
    you.goto(f"{asgi_server}/messages/")
    expect(you.locator("#thread")).to_have_attribute("data-live", "open")
    send(you, "Are you in the office today?")
    expect(row.locator("[data-unread]")).to_have_text("1 unread")
    expect(row.locator("[data-latest]")).to_have_text("Are you in the office today?")
    expect(pa.locator("#inbox > li").first).to_contain_text(young.display_name)
    send(you, "It's about my bursary")
    expect(row.locator("[data-unread]")).to_have_text("2 unread")
    results = Axe().run(pa)
    assert results.violations_count == 0, results.generate_report()
    screenshot(pa, "messages-pa-inbox")
