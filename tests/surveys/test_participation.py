"""Each young person's participation record (surveys answered, sessions they came to, panels and
events the participation team adds), the year's figures, and who may see and change what."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from portal.people.models import StaffAccess
from portal.people.roles import NotAllowed, Role
from surveys.models import ActivityKind, Booking, BookingState, ParticipationEntry, SessionKind
from surveys.participation import selectors as participation_selectors
from surveys.participation import services as participation_services
from surveys.sessions import services as session_services
from tests import factories
from tests.surveys.conftest import build_survey
from tests.surveys.test_results import respond
from tests.surveys.test_sessions import make_session

pytestmark = pytest.mark.django_db

MY_RECORD = reverse("surveys:my_record")
EVERYONE = reverse("surveys:participation")


def person_url(profile) -> str:
    return reverse("surveys:participation_person", args=[profile.pk])


def came_to(session, person, state=BookingState.ATTENDED) -> Booking:
    """A booking the host has marked: they came (or did not). Made directly, as the session
    may already be in the past, when booking is closed."""
    return Booking.objects.create(session=session, person=person, state=state)


def past_session(host, *, days_ago: int = 7, **fields):
    session = make_session(host, **fields)
    starts = timezone.now() - datetime.timedelta(days=days_ago)
    type(session).objects.filter(pk=session.pk).update(
        starts_at=starts, ends_at=starts + datetime.timedelta(hours=1)
    )
    session.refresh_from_db()
    return session


def add(person, officer, kind=ActivityKind.INTERVIEW_PANEL, title="Interview panel", days_ago=3):
    return ParticipationEntry.objects.create(
        person=person,
        kind=kind,
        title=title,
        took_part_on=timezone.localdate() - datetime.timedelta(days=days_ago),
        added_by=officer,
    )


@pytest.fixture
def officer(participation):
    return participation


# --- A young person's own record ---------------------------------------------------------------


def test_a_young_person_sees_everything_they_took_part_in_and_nobody_elses(
    client, young_person, other_young_person, manager, officer
):
    me, them = young_person.user, other_young_person.user
    named = build_survey(title="Housing survey", anonymous=False)
    anonymous = build_survey(title="Annual care leaver survey")
    respond(named, person=me)
    respond(anonymous, person=me, better="More help with bills, my landlord is awful")
    session = make_session(manager, title="Meet the manager, October")
    came_to(session, me)
    booked_only = make_session(manager, title="Meet the manager, December")
    session_services.book(session=booked_only, person=me)
    add(me, officer, ActivityKind.FOSTERING_PANEL, "Fostering panel in March")
    # Someone else's record must not leak into mine.
    respond(build_survey(title="Someone else's survey"), person=them)
    add(them, officer, ActivityKind.CELEBRATION, "Their celebration evening")

    client.force_login(me)
    page = client.get(MY_RECORD)
    assert page.status_code == 200
    text = page.text
    for title in [
        "Housing survey",
        "Annual care leaver survey",
        "Meet the manager, October",
        "Fostering panel in March",
    ]:
        assert title in text
    # An anonymous survey shows that they took part, never what they said.
    assert "nobody can see what you said" in text
    assert "landlord" not in text
    # A booking they have not come to yet is not something they took part in.
    assert "Meet the manager, December" not in text
    assert "Someone else" not in text
    assert "Their celebration evening" not in text
    assert "This year (April" in text and ": 4 things" in text


def test_my_page_links_to_the_record(client, young_person):
    client.force_login(young_person.user)
    assert MY_RECORD in client.get(reverse("people:my_page")).text


def test_an_empty_record_says_how_it_fills(client, young_person):
    client.force_login(young_person.user)
    assert "Nothing yet. When you answer a survey" in client.get(MY_RECORD).text


def test_staff_have_no_own_record_page(client, pa):
    client.force_login(pa)
    assert client.get(MY_RECORD).status_code == 403


# --- Who sees everyone's ------------------------------------------------------------------------


def test_the_participation_team_and_managers_see_everyones_record(
    client, young_person, other_young_person, officer, manager
):
    add(other_young_person.user, officer, title="Interview panel for a new PA")
    for reader in (officer, manager):
        client.force_login(reader)
        listing = client.get(EVERYONE)
        assert listing.status_code == 200
        assert young_person.user.display_name in listing.text
        assert other_young_person.user.display_name in listing.text
        record = client.get(person_url(other_young_person))
        assert record.status_code == 200
        assert "Interview panel for a new PA" in record.text


@pytest.mark.parametrize("who", ["young_person", "pa", "editor"])
def test_nobody_else_sees_participation_records(client, request, who, young_person, officer):
    entry = add(young_person.user, officer)
    user = request.getfixturevalue(who)
    user = getattr(user, "user", user)
    client.force_login(user)
    assert client.get(EVERYONE).status_code == 403
    assert client.get(person_url(young_person)).status_code == 403
    response = client.post(
        person_url(young_person),
        {"kind": "celebration", "title": "x", "took_part_on": "2026-01-01"},
    )
    assert response.status_code == 403
    assert client.post(reverse("surveys:participation_remove", args=[entry.pk])).status_code == 403
    assert ParticipationEntry.objects.count() == 1


def test_signed_out_people_are_sent_to_sign_in(client, young_person):
    for url in (MY_RECORD, EVERYONE, person_url(young_person)):
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_opening_a_record_is_recorded_for_the_audit(client, young_person, officer):
    client.force_login(officer)
    client.get(person_url(young_person))
    access = StaffAccess.objects.get()
    assert (access.staff, access.young_person, access.what) == (
        officer,
        young_person,
        "participation record",
    )


def test_the_list_finds_a_young_person_by_name(client, officer):
    factories.YoungPersonFactory(user__first_name="Kayden", user__last_name="Okafor")
    factories.YoungPersonFactory(user__first_name="Mia", user__last_name="Shaw")
    client.force_login(officer)
    page = client.get(EVERYONE, {"q": "okaf"}).text
    assert "Kayden Okafor" in page
    assert "Mia Shaw" not in page
    assert "Nobody's name matches" in client.get(EVERYONE, {"q": "zzz"}).text


# --- Adding and removing by hand ----------------------------------------------------------------


def test_the_participation_team_adds_a_panel_and_the_young_person_sees_it(
    client, young_person, officer
):
    client.force_login(officer)
    on = timezone.localdate() - datetime.timedelta(days=2)
    response = client.post(
        person_url(young_person),
        {"kind": "interview_panel", "title": "  Interview   panel for a PA ", "took_part_on": on},
        follow=True,
    )
    assert "Added to" in response.text
    entry = ParticipationEntry.objects.get()
    assert (entry.kind, entry.title, entry.took_part_on, entry.added_by) == (
        ActivityKind.INTERVIEW_PANEL,
        "Interview panel for a PA",
        on,
        officer,
    )
    client.force_login(young_person.user)
    assert "Interview panel for a PA" in client.get(MY_RECORD).text


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"kind": "", "title": "Panel", "took_part_on": "2026-01-05"}, "Choose what kind"),
        ({"kind": "celebration", "title": " ", "took_part_on": "2026-01-05"}, "Say what it was"),
        ({"kind": "celebration", "title": "Party", "took_part_on": ""}, "Give the date"),
        ({"kind": "celebration", "title": "Party", "took_part_on": "31/02/2026"}, "real date"),
        ({"kind": "celebration", "title": "Party", "took_part_on": "2999-01-01"}, "in the future"),
        ({"kind": "rocket", "title": "Party", "took_part_on": "2026-01-05"}, "Select a valid"),
        ({"kind": "celebration", "title": "x" * 161, "took_part_on": "2026-01-05"}, "under 160"),
    ],
)
def test_a_bad_entry_is_refused_with_a_clear_message_and_what_was_typed_kept(
    client, young_person, officer, form, message
):
    client.force_login(officer)
    response = client.post(person_url(young_person), form)
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert message in response.text
    if form["title"].strip():
        assert f'value="{form["title"]}"' in response.text
    assert not ParticipationEntry.objects.exists()


def test_a_manager_reads_records_but_cannot_add_or_remove(client, young_person, manager, officer):
    entry = add(young_person.user, officer)
    client.force_login(manager)
    page = client.get(person_url(young_person)).text
    assert "Add to the record" not in page
    assert ">Remove<" not in page
    response = client.post(
        person_url(young_person),
        {"kind": "celebration", "title": "Party", "took_part_on": "2026-01-05"},
    )
    assert response.status_code == 403
    remove = client.post(reverse("surveys:participation_remove", args=[entry.pk]))
    assert remove.status_code == 403
    assert ParticipationEntry.objects.count() == 1


def test_an_entry_added_by_mistake_is_removed(client, young_person, officer):
    entry = add(young_person.user, officer, title="Wrong person")
    client.force_login(officer)
    response = client.post(reverse("surveys:participation_remove", args=[entry.pk]), follow=True)
    assert "Removed from" in response.text
    assert not ParticipationEntry.objects.exists()


def test_removing_an_entry_is_recorded_for_the_audit(client, young_person, officer):
    entry = add(young_person.user, officer, title="Wrong person")
    client.force_login(officer)
    client.post(reverse("surveys:participation_remove", args=[entry.pk]))
    access = StaffAccess.objects.get()
    assert (access.staff, access.young_person, access.what) == (
        officer,
        young_person,
        "participation record: removed an entry",
    )


def test_only_the_participation_team_removes_entries(young_person, officer, manager):
    entry = add(young_person.user, officer)
    with pytest.raises(NotAllowed):
        participation_services.remove_entry(by=manager, entry=entry)
    assert ParticipationEntry.objects.exists()
    assert not StaffAccess.objects.exists()


def test_removing_needs_post(client, young_person, officer):
    entry = add(young_person.user, officer)
    client.force_login(officer)
    assert client.get(reverse("surveys:participation_remove", args=[entry.pk])).status_code == 405
    assert ParticipationEntry.objects.exists()


def test_entries_are_only_for_young_people(officer, pa):
    with pytest.raises(ValueError):
        participation_services.add_entry(
            by=officer,
            person=pa,
            kind=ActivityKind.CELEBRATION,
            title="Party",
            took_part_on=timezone.localdate(),
        )


# --- The year's figures -------------------------------------------------------------------------


def test_the_council_year_runs_from_april_to_march():
    last = participation_selectors.council_year(datetime.date(2026, 3, 31))
    assert last.label == "April 2025 to March 2026"
    year = participation_selectors.council_year(datetime.date(2026, 4, 1))
    assert (year.start, year.end) == (datetime.date(2026, 4, 1), datetime.date(2027, 3, 31))
    assert datetime.date(2027, 3, 31) in year
    assert datetime.date(2027, 4, 1) not in year


def test_the_figures_count_each_young_person_once_across_everything(
    client, manager, officer, young_person, other_young_person
):
    a, b = young_person.user, other_young_person.user
    c = factories.YoungPersonFactory().user  # took part in nothing
    assert c
    survey = build_survey(anonymous=False)  # counted at once (anonymous ones go in groups)
    respond(survey, person=a)
    first = past_session(manager, title="MTM 1", capacity=10)
    second = past_session(manager, title="MTM 2", capacity=10, days_ago=3)
    came_to(first, a)
    came_to(second, a)
    came_to(second, b)
    came_to(second, factories.YoungPersonFactory().user, BookingState.DID_NOT_COME)
    forum = past_session(manager, kind=SessionKind.FORUM, title="Forum", capacity=10)
    came_to(forum, b)
    add(a, officer, ActivityKind.INTERVIEW_PANEL)
    add(a, officer, ActivityKind.FOSTERING_PANEL)
    add(b, officer, ActivityKind.INTERVIEW_PANEL)
    add(b, officer, ActivityKind.CELEBRATION)
    add(b, officer, ActivityKind.FORUM, "Forum, came without booking")
    # Last council year's panel is not this year's.
    year = participation_selectors.council_year()
    ParticipationEntry.objects.create(
        person=c,
        kind=ActivityKind.INTERVIEW_PANEL,
        title="Old panel",
        took_part_on=year.start - datetime.timedelta(days=1),
        added_by=officer,
    )

    figures = participation_selectors.year_figures()
    assert figures.care_leavers == 4
    assert figures.took_part == 2
    assert figures.surveys_answered == 1
    assert figures.meet_the_manager_came == 3
    assert figures.meet_the_manager_held == 2
    rows = [(row.session.title, row.places_taken, row.came) for row in figures.meet_the_manager]
    assert rows == [("MTM 1", 1, 1), ("MTM 2", 3, 2)]
    assert figures.forum_attendances == 2
    assert figures.people_on_panels == 2
    assert figures.panel_total == 3
    assert figures.celebration_people == 1

    last_year = participation_selectors.year_figures(
        participation_selectors.council_year(starting=year.first_year - 1)
    )
    assert (last_year.took_part, last_year.people_on_panels) == (1, 1)

    client.force_login(officer)
    page = client.get(EVERYONE).text
    assert "2 of 4 care leavers (50%)" in page
    assert "3 came to 2 sessions held so far" in page
    assert "2 young people, 3 panels in all" in page
    assert "1 of 4 care leavers" in client.get(EVERYONE, {"year": year.first_year - 1}).text


def test_a_year_that_makes_no_sense_shows_this_year(client, officer):
    client.force_login(officer)
    this_year = participation_selectors.council_year().label
    for value in ["banana", "1900", "3000"]:
        page = client.get(EVERYONE, {"year": value})
        assert page.status_code == 200
        assert f"Who took part, {this_year}" in page.text or "Who took part" in page.text
    assert f"Who took part, {this_year}" in client.get(EVERYONE, {"year": "3000"}).text


def test_the_figures_page_costs_the_same_queries_for_5_or_40_young_people(client, officer, manager):
    session = past_session(manager, capacity=50)
    survey = build_survey()

    def take_part(n: int) -> None:
        for _ in range(n):
            person = factories.YoungPersonFactory().user
            came_to(session, person)
            respond(survey, person=person)
            add(person, officer)

    client.force_login(officer)
    take_part(5)
    client.get(EVERYONE)
    with CaptureQueriesContext(connection) as few:
        assert client.get(EVERYONE).status_code == 200
    take_part(35)
    with CaptureQueriesContext(connection) as many:
        page = client.get(EVERYONE)
    assert "40 of 40 care leavers" in page.text
    assert len(many) == len(few)


# --- Sessions for staff -------------------------------------------------------------------------


def test_staff_see_the_sessions_they_run(client, manager, pa, officer):
    make_session(pa, title="Drop-in run by the PA")
    make_session(manager, title="Session run by the manager")
    client.force_login(pa)
    page = client.get(reverse("surveys:staff_sessions")).text
    assert "Drop-in run by the PA" in page
    assert "Session run by the manager" not in page
    client.force_login(officer)
    page = client.get(reverse("surveys:staff_sessions")).text
    assert "Drop-in run by the PA" in page
    assert "Session run by the manager" in page


def test_young_people_cannot_open_the_staff_sessions_list(client, young_person):
    client.force_login(young_person.user)
    assert client.get(reverse("surveys:staff_sessions")).status_code == 403


def test_staff_home_links_to_participation_for_those_who_may_see_it(client, officer, pa):
    client.force_login(officer)
    assert EVERYONE in client.get(reverse("people:staff_home")).text
    client.force_login(pa)
    assert EVERYONE not in client.get(reverse("people:staff_home")).text


@pytest.fixture
def editor(db):
    return factories.staff(Role.EDITOR, username="editor")
