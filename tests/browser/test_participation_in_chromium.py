"""Participation records in Chromium at 360 px: the participation officer adds a fostering panel
to the demo young person's record (a mistake first, then right), and the young person, with
JavaScript off, finds it from My page. axe-core finds nothing on the figures page, the staff
record (with and without errors) or the young person's own record."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from surveys.models import ActivityKind, ParticipationEntry
from tests.browser.test_pages_in_chromium import assert_no_axe_violations, sign_in

pytestmark = pytest.mark.browser


def _fits(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


def test_the_team_adds_a_panel_and_the_young_person_sees_it(
    phone, phone_without_javascript, asgi_server, demo, screenshot
):
    staff = phone
    sign_in(staff, asgi_server, demo["participation"])
    staff.goto(f"{asgi_server}/staff/participation/")
    assert staff.get_by_role("heading", level=1).inner_text().startswith("Who took part")
    figures = staff.get_by_role("region", name="The year's figures")
    assert figures.get_by_text("Care leavers on panels").is_visible()
    _fits(staff)
    assert_no_axe_violations(staff)
    screenshot(staff, "participation-figures")

    staff.get_by_label("Find by name").fill("Jordan")
    staff.get_by_role("button", name="Find").click()
    staff.get_by_role("link", name="Jordan", exact=False).first.click()
    assert staff.get_by_role("button", name="Remove Interview panel for a new").is_visible()

    # A mistake first: nothing chosen, a date in the future.
    staff.get_by_label("When").fill("2099-01-01")
    staff.get_by_role("button", name="Add to the record").click()
    summary = staff.get_by_role("alert")
    assert summary.get_by_text("Choose what kind of thing it was").is_visible()
    assert summary.get_by_text("That date is in the future").is_visible()
    assert_no_axe_violations(staff)
    # The error links to the first choice of the question (a list of radios has no one input).
    target = summary.get_by_role("link", name="Choose what kind of thing it was").get_attribute(
        "href"
    )
    first_choice = staff.evaluate(f"document.querySelector('{target}').value")
    assert first_choice == ActivityKind.INTERVIEW_PANEL.value

    day = timezone.localdate() - datetime.timedelta(days=5)
    staff.get_by_label("Fostering panel").check()
    staff.get_by_label("What it was").fill("Fostering panel: approving new foster carers")
    staff.get_by_label("When").fill(day.isoformat())
    staff.get_by_role("button", name="Add to the record").click()
    assert staff.get_by_text("Added to").is_visible()
    _fits(staff)
    assert_no_axe_violations(staff)
    entry = ParticipationEntry.objects.get(kind=ActivityKind.FOSTERING_PANEL)
    assert entry.person.username == demo["young_person"]["username"]
    assert entry.took_part_on == day

    young = phone_without_javascript
    sign_in(young, asgi_server, demo["young_person"])
    young.get_by_role("link", name="What you've taken part in").click()
    record = young.get_by_role("list").filter(has_text="Fostering panel")
    assert record.get_by_text("Fostering panel: approving new foster carers").is_visible()
    assert young.get_by_text("Care leavers celebration evening").is_visible()
    _fits(young)
    screenshot(young, "participation-record")


def test_the_young_persons_own_record_has_no_axe_violations(phone, asgi_server, demo):
    sign_in(phone, asgi_server, demo["young_person"])
    phone.goto(f"{asgi_server}/surveys/my-record/")
    assert phone.get_by_role("heading", level=1).inner_text() == "What you've taken part in"
    assert_no_axe_violations(phone)


def test_the_staff_sessions_list_has_no_axe_violations(phone, asgi_server, demo):
    sign_in(phone, asgi_server, demo["participation"])
    phone.goto(f"{asgi_server}/staff/sessions/")
    assert phone.get_by_role("link", name="Meet the manager").first.is_visible()
    _fits(phone)
    assert_no_axe_violations(phone)
