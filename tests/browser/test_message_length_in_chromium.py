"""The live thread refuses a message longer than the server stores before sending it, with the
limit it reads from the form's maxlength (chat.services.MAX_BODY, rendered by Django), so the
number is written in one place and the script cannot drift from it."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from chat.models import Message
from chat.services import MAX_BODY
from tests.browser.test_pages_in_chromium import sign_in

pytestmark = pytest.mark.browser


def test_a_message_over_the_limit_is_refused_with_the_servers_limit(chromium, asgi_server, demo):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    sign_in(page, asgi_server, demo["young_person"])
    page.goto(f"{asgi_server}/messages/")
    expect(page.locator("#thread")).to_have_attribute("data-live", "open")
    field = page.get_by_label("Your message")
    expect(field).to_have_attribute("maxlength", str(MAX_BODY))
    # Typing stops at maxlength; a script (or a paste the browser did not cut) can go beyond.
    field.evaluate("(el, text) => { el.value = text; }", "x" * (MAX_BODY + 1))
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#chat-status")).to_have_text(
        f"Messages can be up to {MAX_BODY} characters."
    )
    expect(page.locator(".bubble--mine")).to_have_count(0)
    assert not Message.objects.filter(body__startswith="xxx").exists()
    context.close()
