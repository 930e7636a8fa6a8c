"""Sending too fast in Chromium (issue 15, finding 6): the page says how long to wait, keeps the
message the server refused (Not sent yet), and sends it by itself when the wait is over."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from chat.models import Message
from tests.browser.test_messages_in_chromium import bubbles, send
from tests.browser.test_pages_in_chromium import sign_in

pytestmark = pytest.mark.browser

WINDOW = 12  # seconds: short, so the page's wait ends within the test


@pytest.fixture
def portal_env() -> dict[str, str]:
    # Two messages per window for everyone, in the server's own process.
    return {"PORTAL_SOCKET_SEND_RATE": f"2/{WINDOW}s"}


def test_a_message_sent_too_fast_waits_on_the_page_and_goes_after_the_wait(
    phone, asgi_server, demo
):
    sign_in(phone, asgi_server, demo["young_person"])
    phone.goto(f"{asgi_server}/messages/")
    expect(phone.locator("#thread")).to_have_attribute("data-live", "open")
    states = phone.locator(".bubble--mine .bubble__state")

    # Two are let through per window; a window may end meanwhile, so send until one is held.
    for n in range(1, 6):
        send(phone, f"Message {n}")
        expect(states.last).not_to_have_text("Sending…")
        if states.last.inner_text() == "Not sent yet":
            break
    held = f"Message {n}"
    assert n >= 3, "the first two in a window go through"
    expect(phone.locator("#chat-status")).to_have_text(
        re.compile(r"You're sending messages very fast\. Wait \d+ seconds? and try again\.")
    )
    assert bubbles(phone).last.inner_text() == held  # kept on the page, not lost
    assert not Message.objects.filter(body=held).exists()

    # Written during the wait: it waits with the other, and both go when the wait is over.
    send(phone, "And one more")
    expect(states.last).to_have_text("Not sent yet")
    expect(states.last).to_have_text("Sent", timeout=(WINDOW + 5) * 1000)
    expect(phone.locator("#chat-status")).to_have_text("")
    assert Message.objects.filter(body=held).count() == 1
    assert Message.objects.filter(body="And one more").count() == 1
