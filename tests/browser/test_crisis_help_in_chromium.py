"""The help after a message that reads as a risk, in Chromium on a 360x740 phone (issue 16,
"What people see"): after asking "took them all" the help is the first thing under the heading
and starts on the first screen, every contact is a link to call or text, and at 200% text
nothing scrolls sideways; in Messages the bot's crisis reply is the same help, live and after a
reload; without JavaScript too. axe-core finds nothing.

Screenshots go to the test's folder, or to SHOTS_DIR when it is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_pages_in_chromium import assert_no_axe_violations, sign_in

pytestmark = pytest.mark.browser

SCREEN = {"width": 360, "height": 740}


@pytest.fixture
def shots(tmp_path):
    folder = Path(os.environ.get("SHOTS_DIR") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)

    def take(page, name: str, *, full_page: bool = False) -> Path:
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        return path

    return take


def ask(page, question: str) -> None:
    page.get_by_label("Your question").fill(question)
    page.get_by_role("button", name="Ask").click()


def text_at_200_percent(page) -> None:
    """Text twice its size (WCAG 1.4.4): the stylesheet sizes text in rem."""
    page.evaluate("document.documentElement.style.fontSize = '200%'")


def scrolls_sideways(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )


def shown(page) -> tuple[str, list[str | None]]:
    """The crisis reply's words and links, as the thread shows them."""
    help_now = page.locator("#thread .bubble--crisis .crisis")
    words = " ".join(help_now.inner_text().split())
    return words, [link.get_attribute("href") for link in help_now.locator("a").all()]


def check_help(page, *, immediate: bool) -> None:
    help_now = page.locator(".crisis").last
    expect(help_now).to_be_visible()
    calls = help_now.locator("a[href^='tel:']")
    assert calls.count() >= 2
    if immediate:
        assert calls.first.get_attribute("href") == "tel:999"
    assert help_now.locator("a[href^='sms:85258']").count() == 1
    for link in calls.all():  # big enough to tap (WCAG 2.5.8 asks 24px; we give 48)
        box = link.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44


@pytest.mark.parametrize(
    "questions",
    [
        pytest.param(
            ("i cant do this anymore", "took them all"),
            id="took-them-all",
        ),
        pytest.param(("i took all my pills",), id="took-all-my-pills"),
    ],
)
def test_help_comes_first_on_the_first_screen(chromium, asgi_server, demo, shots, questions):
    context = chromium.new_context(viewport=SCREEN)
    page = context.new_page()
    sign_in(page, asgi_server, demo["young_person"])
    page.goto(f"{asgi_server}/messages/ask/")
    for question in questions:
        ask(page, question)
    immediate = page.locator(".crisis--immediate").count() == 1
    # The first thing after the heading, and its top on the first screen.
    expect(page.locator("h1 + section.crisis")).to_have_count(1)
    top = page.locator(".crisis").bounding_box()["y"]
    assert top < SCREEN["height"] - 100, f"the help starts {top}px down"
    check_help(page, immediate=immediate)
    assert page.locator(".crisis").get_by_role("heading").first.is_visible()
    assert not scrolls_sideways(page)
    name = questions[-1].replace(" ", "-")
    shots(page, f"ask-crisis-360-{name}")
    shots(page, f"ask-crisis-360-full-{name}", full_page=True)
    assert_no_axe_violations(page)
    text_at_200_percent(page)
    assert not scrolls_sideways(page)
    # Still the first thing under the heading (the header above it grows taller).
    expect(page.locator("h1 + section.crisis")).to_have_count(1)
    shots(page, f"ask-crisis-200pc-{name}")
    shots(page, f"ask-crisis-200pc-full-{name}", full_page=True)
    # Keyboard: the first link to call shows where the focus is.
    page.locator(".crisis a[href^='tel:']").first.focus()
    colour = page.evaluate("getComputedStyle(document.activeElement).backgroundColor")
    assert colour == "rgb(255, 221, 0)"  # the yellow focus colour
    context.close()


def test_help_comes_first_without_javascript(chromium, asgi_server, demo):
    context = chromium.new_context(viewport=SCREEN, java_script_enabled=False)
    page = context.new_page()
    sign_in(page, asgi_server, demo["young_person"])
    page.goto(f"{asgi_server}/messages/ask/")
    ask(page, "i want to hurt myself tonight")
    expect(page.locator("h1 + section.crisis")).to_have_count(1)
    check_help(page, immediate=False)
    assert "eligible" not in page.locator("main").inner_text().split("Your last questions")[0]
    context.close()


def test_in_messages_the_crisis_reply_is_help_live_and_after_a_reload(
    chromium, asgi_server, demo, shots
):
    context = chromium.new_context(viewport=SCREEN)
    page = context.new_page()
    sign_in(page, asgi_server, demo["young_person"])
    page.goto(f"{asgi_server}/messages/")
    expect(page.locator("#thread")).to_have_attribute("data-live", "open")
    page.get_by_label("Your message").fill("i cant do this anymore i want to end it all")
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#thread .bubble--crisis")).to_have_count(1)
    check_help(page, immediate=False)
    live = shown(page)
    page.reload()
    expect(page.locator("#thread .bubble--crisis")).to_have_count(1)
    check_help(page, immediate=False)
    # The same help, whether it came over the socket or with the page.
    assert shown(page) == live
    page.locator("#thread .bubble--crisis").scroll_into_view_if_needed()
    assert not scrolls_sideways(page)
    shots(page, "messages-crisis-360")
    shots(page, "messages-crisis-360-full", full_page=True)
    assert_no_axe_violations(page)
    text_at_200_percent(page)
    assert not scrolls_sideways(page)
    page.locator("#thread .bubble--crisis").scroll_into_view_if_needed()
    shots(page, "messages-crisis-200pc")
    context.close()


def test_the_pa_sees_the_flag_and_the_reply(chromium, asgi_server, demo, shots):
    contexts = [chromium.new_context(viewport=SCREEN) for _ in range(2)]
    you, pa = (context.new_page() for context in contexts)
    sign_in(you, asgi_server, demo["young_person"])
    sign_in(pa, asgi_server, demo["pa"])
    you.goto(f"{asgi_server}/messages/ask/")
    ask(you, "i dont want to be here anymore")
    expect(you.locator("h1 + section.crisis")).to_have_count(1)
    pa.goto(f"{asgi_server}/staff/messages/")
    pa.locator("main a[href^='/staff/messages/']").first.click()
    flag = pa.locator(".bubble--flagged .flag").last
    expect(flag).to_contain_text("Safeguarding alert")
    expect(flag.get_by_role("link", name="Open the alert")).to_be_visible()
    flag.scroll_into_view_if_needed()
    assert not scrolls_sideways(pa)
    shots(pa, "pa-conversation-flag-360")
    assert_no_axe_violations(pa)
    for context in contexts:
        context.close()
