"""Sessions in Chromium at 360 px: the demo young person books the demo meet-the-manager session
with JavaScript off, with a question sent without their name, and sees it on My page; axe-core
finds nothing on the session page (it runs with JavaScript on), nor on the host's page."""

from __future__ import annotations

import pytest

from portal.people.models import User
from surveys.demo import MEET_THE_MANAGER_TITLE
from surveys.models import Booking, BookingState, HeldQuestions, Session, SessionKind
from tests.browser.test_pages_in_chromium import assert_no_axe_violations, sign_in

pytestmark = pytest.mark.browser


def _no_sideways_scrolling(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_a_young_person_books_meet_the_manager_with_javascript_off(
    phone_without_javascript, asgi_server, demo, screenshot
):
    page = phone_without_javascript
    session = Session.objects.get(kind=SessionKind.MEET_THE_MANAGER, title=MEET_THE_MANAGER_TITLE)
    sign_in(page, asgi_server, demo["young_person"])
    page.goto(f"{asgi_server}/surveys/sessions/")
    page.get_by_role("link", name=MEET_THE_MANAGER_TITLE).click()
    assert page.get_by_role("heading", level=1).inner_text() == MEET_THE_MANAGER_TITLE
    page.get_by_label("A question you'd like to ask (optional)").fill(
        "When will I hear about my housing band?"
    )
    page.get_by_label("Don't show my name with my question").check()
    _no_sideways_scrolling(page)
    page.get_by_role("button", name="Book a place").click()
    assert page.get_by_text("You're booked on Meet the manager").is_visible()
    assert page.get_by_role("link", name="Add it to your calendar").is_visible()
    _no_sideways_scrolling(page)
    screenshot(page, "booking")

    person = User.objects.get(username=demo["young_person"]["username"])
    booking = Booking.objects.get(session=session, person=person)
    assert booking.state == BookingState.BOOKED
    # Sent without a name: not kept on the booking, held sealed for the host (issue 15).
    assert booking.question_in_advance == ""
    assert HeldQuestions.objects.filter(session=session).exists()

    page.goto(f"{asgi_server}/my-page/")
    panel = page.get_by_role("region", name="Have your say")
    assert panel.get_by_role("heading", name="Your bookings").is_visible()
    assert panel.get_by_role("link", name=MEET_THE_MANAGER_TITLE, exact=True).is_visible()


def test_the_session_pages_have_no_axe_violations(phone, asgi_server, demo):
    session = Session.objects.get(kind=SessionKind.MEET_THE_MANAGER, title=MEET_THE_MANAGER_TITLE)
    forum = Session.objects.get(kind=SessionKind.FORUM)
    sign_in(phone, asgi_server, demo["young_person"])
    for path in ["/surveys/sessions/", f"/surveys/sessions/{forum.pk}/"]:
        phone.goto(f"{asgi_server}{path}")
        assert_no_axe_violations(phone)
    phone.goto(f"{asgi_server}/surveys/sessions/{session.pk}/")
    assert_no_axe_violations(phone)
    phone.get_by_role("button", name="Book a place").click()
    assert_no_axe_violations(phone)  # booked, with the calendar link and Cancel
