"""Texts end to end, with every portal process real: Daphne serves the PA's page, the task
worker (`manage.py db_worker`, in its own process) sends the reply through Twilio's client, and
only Twilio's HTTP transport is replaced (it writes each request to a file)."""

from __future__ import annotations

import urllib.parse
import urllib.request

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from twilio.request_validator import RequestValidator

from chat.models import DeliveryState, Message
from portal.people.models import User
from tests import twilio_fake
from tests.browser.test_messages_in_chromium import eventually, send
from tests.browser.test_pages_in_chromium import sign_in

pytestmark = pytest.mark.browser


def status_callback(server: str, sid: str, status: str) -> int:
    """What Twilio posts to the status callback, signed as Twilio signs it."""
    url = f"{server}/sms/status/"
    params = {"MessageSid": sid, "MessageStatus": status, "AccountSid": twilio_fake.ACCOUNT}
    if status == "undelivered":
        params["ErrorCode"] = "30003"  # unreachable handset
    signature = RequestValidator(twilio_fake.TOKEN).compute_signature(url, params)
    request = urllib.request.Request(  # noqa: S310 (our own test server)
        url,
        data=urllib.parse.urlencode(params).encode(),
        headers={"X-Twilio-Signature": signature},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310
        return answer.status


def test_a_reply_is_texted_by_the_worker_and_an_undelivered_text_shows_live(
    chromium, fake_twilio_log, asgi_server, text_worker, demo, screenshot
):
    young = User.objects.get(username=demo["young_person"]["username"])
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    pa = context.new_page()
    sign_in(pa, asgi_server, demo["pa"])
    pa.goto(f"{asgi_server}/staff/messages/")
    pa.get_by_role("link", name=young.display_name).click()
    expect(pa.locator("#thread")).to_have_attribute("data-live", "open")

    # The young person is not on the website and prefers texts: the worker texts the reply.
    send(pa, "Your bursary goes in on Friday")
    eventually(lambda: len(twilio_fake.logged_requests(fake_twilio_log)) == 1, seconds=15)
    [first] = twilio_fake.logged_requests(fake_twilio_log)
    assert first["url"] == twilio_fake.MESSAGES_URL
    assert first["data"] == {
        "To": demo["young_person"]["mobile"],
        "From": twilio_fake.FROM,
        "Body": "Sam (your PA): Your bursary goes in on Friday",
        "StatusCallback": f"{asgi_server}/sms/status/",
    }
    message = Message.objects.get(body="Your bursary goes in on Friday")
    eventually(lambda: Message.objects.get(pk=message.pk).delivery_state == DeliveryState.SENT)
    pa.reload()
    expect(pa.locator(".bubble--mine .bubble__text").last).to_have_text("Texted")
    expect(pa.locator("#thread")).to_have_attribute("data-live", "open")

    # Twilio reports the handset unreachable: the PA sees it live, with a way to try again.
    assert status_callback(asgi_server, first["sid"], "undelivered") == 204
    latest = pa.locator(".bubble--mine").last
    expect(latest.locator(".bubble__text")).to_have_text("Text not delivered")
    expect(latest.locator(".bubble__error")).to_have_text(
        "Their phone could not be reached: it may be off or out of signal."
    )
    expect(latest.get_by_role("button", name="Text it again")).to_be_visible()
    screenshot(pa, "texts-undelivered-pa")
    assert Axe().run(pa).violations_count == 0

    latest.get_by_role("button", name="Text it again").click()
    expect(pa.locator(".notification--success")).to_contain_text("sent again")
    eventually(lambda: len(twilio_fake.logged_requests(fake_twilio_log)) == 2, seconds=15)
    second = twilio_fake.logged_requests(fake_twilio_log)[1]
    assert second["data"] == first["data"]
    # Delivered, whether it lands before or after the reloaded page's socket is open: on
    # opening, the page asks for the texts' states (`text_states`).
    assert status_callback(asgi_server, second["sid"], "delivered") == 204
    expect(pa.locator(".bubble--mine .bubble__text").last).to_have_text("Text delivered")
    expect(pa.get_by_role("button", name="Text it again")).to_have_count(0)
    assert Message.objects.get(pk=message.pk).delivery_state == DeliveryState.DELIVERED
    context.close()
