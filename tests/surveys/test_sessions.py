"""Meet-the-manager sessions and the care leavers forum: booking, the waiting list, cancelling
(with the first person waiting given the place and told by text), the calendar file, recording
who came, the day-before reminder, and who may see what."""

from __future__ import annotations

import datetime
import importlib

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from chat.models import OutgoingText
from portal.people import demo as people_demo
from portal.people.roles import Role
from surveys import demo
from surveys.models import Booking, BookingState, Session, SessionKind
from surveys.sessions import selectors as session_selectors
from surveys.sessions import services as session_services
from tests import factories
from tests.surveys.conftest import after_commit
from tests.tasks import let_time_pass, run_due_tasks, waiting_tasks

queued_reminders = importlib.import_module(
    "surveys.migrations.0006_queued_reminders_follow_the_task"
)


def make_session(host, *, capacity=3, starts_in=datetime.timedelta(days=5), **fields) -> Session:
    starts_at = timezone.now() + starts_in
    defaults = {
        "kind": SessionKind.MEET_THE_MANAGER,
        "title": "Meet the manager",
        "starts_at": starts_at,
        "ends_at": starts_at + datetime.timedelta(hours=1),
        "place": "The Hub, 14 Market Street",
        "host": host,
        "capacity": capacity,
    }
    return Session.objects.create(**{**defaults, **fields})


def young(n: int = 0, **kwargs):
    return factories.YoungPersonFactory(
        user__username=f"yp{n}", mobile=f"+4474001230{n:02d}", mobile_verified=True, **kwargs
    ).user


@pytest.fixture
def session(manager) -> Session:
    return make_session(manager)


@pytest.fixture
def forum(manager) -> Session:
    return make_session(
        manager, kind=SessionKind.FORUM, title="Care leavers forum", travel_help_available=True
    )


@pytest.fixture
def participation(db):
    return factories.staff(Role.PARTICIPATION, username="participation")


def states(session: Session) -> dict[str, str]:
    return dict(session.bookings.values_list("person__username", "state"))


# --- Booking ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_young_person_books_a_place_from_the_session_page(client, young_person, session):
    client.force_login(young_person.user)
    page = client.get(reverse("surveys:session", args=[session.pk]))
    assert page.status_code == 200
    assert "Book a place" in page.text
    response = client.post(
        reverse("surveys:session_book", args=[session.pk]),
        {"question": "When do I get my Setting Up Home Grant?"},
        follow=True,
    )
    assert "You&#x27;re booked on Meet the manager" in response.text
    assert "Add it to your calendar" in response.text
    booking = Booking.objects.get(session=session, person=young_person.user)
    assert booking.state == BookingState.BOOKED
    assert booking.question_in_advance == "When do I get my Setting Up Home Grant?"


@pytest.mark.django_db
def test_the_list_shows_upcoming_sessions_only(client, young_person, manager, session):
    make_session(manager, title="Last month's session", starts_in=-datetime.timedelta(days=30))
    client.force_login(young_person.user)
    page = client.get(reverse("surveys:sessions"))
    assert "Meet the manager" in page.text
    assert "Last month" not in page.text
    assert "3 places left" in page.text


@pytest.mark.django_db
def test_a_full_session_puts_people_on_the_waiting_list_with_their_place(client, manager):
    session = make_session(manager, capacity=1)
    first, second, third = young(1), young(2), young(3)
    session_services.book(session=session, person=first)
    assert session_services.book(session=session, person=second).waiting_place == 1
    client.force_login(third)
    response = client.post(reverse("surveys:session_book", args=[session.pk]), follow=True)
    assert response.status_code == 200
    assert "on the waiting list: number 2" in response.text
    assert states(session) == {"yp1": "booked", "yp2": "waiting", "yp3": "waiting"}


@pytest.mark.django_db
def test_a_second_booking_is_refused_and_nothing_is_lost(client, young_person, forum):
    client.force_login(young_person.user)
    url = reverse("surveys:session_book", args=[forum.pk])
    client.post(url, {"travel_help_needed": "on", "question": "Is there food?"})
    response = client.post(url, {"question": "Something else"}, follow=True)
    assert response.status_code == 200
    assert "already booked this session" in response.text
    booking = Booking.objects.get(session=forum, person=young_person.user)
    assert booking.question_in_advance == "Is there food?"
    assert booking.travel_help_needed
    assert Booking.objects.filter(session=forum).count() == 1


@pytest.mark.django_db
def test_a_past_session_cannot_be_booked(client, young_person, manager):
    past = make_session(manager, starts_in=-datetime.timedelta(hours=2))
    client.force_login(young_person.user)
    page = client.get(reverse("surveys:session", args=[past.pk]))
    assert "already started or finished" in page.text
    assert "Book a place" not in page.text
    response = client.post(reverse("surveys:session_book", args=[past.pk]), follow=True)
    assert response.status_code == 200
    assert "can&#x27;t be booked" in response.text
    assert not Booking.objects.exists()


@pytest.mark.django_db
def test_travel_help_is_only_asked_for_where_it_is_offered(client, young_person, session, forum):
    client.force_login(young_person.user)
    assert "I need help with travel" in client.get(reverse("surveys:session", args=[forum.pk])).text
    assert (
        "I need help with travel"
        not in client.get(reverse("surveys:session", args=[session.pk])).text
    )
    client.post(reverse("surveys:session_book", args=[session.pk]), {"travel_help_needed": "on"})
    assert not Booking.objects.get(session=session).travel_help_needed


@pytest.mark.django_db
def test_a_very_long_question_is_an_error_on_the_page(client, young_person, session):
    client.force_login(young_person.user)
    response = client.post(
        reverse("surveys:session_book", args=[session.pk]), {"question": "x" * 1001}
    )
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert not Booking.objects.exists()


# --- Cancelling and the waiting list ------------------------------------------------------------


@pytest.mark.django_db
def test_cancelling_gives_the_place_to_the_first_waiting_and_texts_them(client, manager):
    session = make_session(manager, capacity=1)
    holder, first_waiting, second_waiting = young(1), young(2), young(3)
    for person in (holder, first_waiting, second_waiting):
        session_services.book(session=session, person=person)
    client.force_login(holder)
    response = client.post(reverse("surveys:session_cancel", args=[session.pk]), follow=True)
    assert "Your place is cancelled" in response.text
    assert states(session) == {"yp1": "cancelled", "yp2": "booked", "yp3": "waiting"}
    text = OutgoingText.objects.get()
    assert text.young_person.user == first_waiting
    assert text.kind == OutgoingText.Kind.PLACE
    assert "a place came free and it's yours" in text.body
    # The second waiting is now first.
    booking = Booking.objects.get(person=second_waiting)
    assert session_selectors.waiting_place(booking) == 1


@pytest.mark.django_db
def test_leaving_the_waiting_list_promotes_nobody(manager):
    session = make_session(manager, capacity=1)
    holder, waiting = young(1), young(2)
    session_services.book(session=session, person=holder)
    outcome = session_services.book(session=session, person=waiting)
    assert session_services.cancel(booking=outcome.booking) is None
    assert states(session) == {"yp1": "booked", "yp2": "cancelled"}
    assert not OutgoingText.objects.exists()


@pytest.mark.django_db
def test_someone_who_cancelled_can_book_again_at_the_back_of_the_queue(manager):
    session = make_session(manager, capacity=1)
    first, second = young(1), young(2)
    booked = session_services.book(session=session, person=first).booking
    session_services.book(session=session, person=second)
    session_services.cancel(booking=booked)
    again = session_services.book(session=session, person=first)
    assert again.booking.pk == booked.pk
    assert again.waiting_place == 1
    assert states(session) == {"yp1": "waiting", "yp2": "booked"}


@pytest.mark.django_db
def test_cancelling_someone_elses_booking_is_not_found(client, young_person, manager):
    session = make_session(manager)
    other = young(1)
    session_services.book(session=session, person=other)
    client.force_login(young_person.user)
    assert client.post(reverse("surveys:session_cancel", args=[session.pk])).status_code == 404
    assert client.get(reverse("surveys:session_ics", args=[session.pk])).status_code == 404
    assert states(session) == {"yp1": "booked"}


@pytest.mark.django_db
def test_capacity_is_never_exceeded(manager):
    capacity = 4
    session = make_session(manager, capacity=capacity)
    people = [young(n) for n in range(capacity + 3)]
    outcomes = [session_services.book(session=session, person=p) for p in people]
    assert [o.waiting_place for o in outcomes] == [None] * capacity + [1, 2, 3]
    held = Booking.objects.filter(session=session, state=BookingState.BOOKED)
    assert held.count() == capacity
    for outcome in outcomes[:2]:
        session_services.cancel(booking=outcome.booking)
    assert held.count() == capacity
    assert Booking.objects.filter(session=session, state=BookingState.WAITING).count() == 1
    assert Booking.objects.filter(session=session, state=BookingState.CANCELLED).count() == 2
    # The two waiting longest were given the places, in order.
    assert list(
        Booking.objects.filter(session=session, state=BookingState.BOOKED)
        .order_by("created_at")
        .values_list("person__username", flat=True)
    )[-2:] == ["yp4", "yp5"]
    assert OutgoingText.objects.count() == 2
    # Cancelling again changes nothing.
    with pytest.raises(session_services.NothingToCancel):
        session_services.cancel(booking=outcomes[0].booking)
    assert held.count() == capacity


# --- Calendar file ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_calendar_file_describes_the_booked_session(client, young_person, manager, settings):
    settings.PUBLIC_BASE_URL = "https://portal.example.gov.uk"
    starts = datetime.datetime(
        2030, 7, 3, 17, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=1))
    )
    session = make_session(manager, starts_in=starts - timezone.now())
    session.starts_at, session.ends_at = starts, starts + datetime.timedelta(hours=1)
    session.save()
    client.force_login(young_person.user)
    assert client.get(reverse("surveys:session_ics", args=[session.pk])).status_code == 404
    session_services.book(session=session, person=young_person.user)
    response = client.get(reverse("surveys:session_ics", args=[session.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["UID"]) == f"session-{session.pk}@portal.example.gov.uk"
    assert event.decoded("DTSTART") == datetime.datetime(2030, 7, 3, 16, 30, tzinfo=datetime.UTC)
    assert event.decoded("DTEND") == datetime.datetime(2030, 7, 3, 17, 30, tzinfo=datetime.UTC)
    assert b"DTSTART:20300703T163000Z" in response.content
    assert str(event["SUMMARY"]) == "Meet the manager"
    assert str(event["LOCATION"]) == "The Hub, 14 Market Street"
    assert event["ORGANIZER"].params["CN"] == manager.display_name


@pytest.mark.django_db
def test_an_online_session_has_its_link_in_the_calendar_file(client, young_person, manager):
    session = make_session(manager, place="", online_link="https://meet.example.org/abc")
    session_services.book(session=session, person=young_person.user)
    client.force_login(young_person.user)
    event = Calendar.from_ical(
        client.get(reverse("surveys:session_ics", args=[session.pk])).content
    ).walk("VEVENT")[0]
    assert str(event["URL"]) == "https://meet.example.org/abc"


# --- Staff: who is coming, questions, attendance --------------------------------------------------


@pytest.mark.django_db
def test_the_host_sees_who_is_coming_and_the_waiting_list(client, manager):
    session = make_session(manager, capacity=1, kind=SessionKind.FORUM, travel_help_available=True)
    coming, waiting = young(1), young(2)
    session_services.book(session=session, person=coming, travel_help_needed=True)
    session_services.book(session=session, person=waiting)
    client.force_login(manager)
    page = client.get(reverse("surveys:staff_session", args=[session.pk]))
    assert page.status_code == 200
    assert coming.display_name in page.text
    assert "Needs help" in page.text
    waiting_list = page.text.split('id="waiting-heading"')[1].split("</section>")[0]
    assert waiting.display_name in waiting_list


@pytest.mark.django_db
def test_an_anonymous_question_is_shown_without_the_name(client, manager):
    session = make_session(manager, capacity=10)
    named, hidden = young(1), young(2)
    with after_commit():
        session_services.book(
            session=session, person=named, question="Can I get help with driving?"
        )
        session_services.book(
            session=session,
            person=hidden,
            question="Why did my PA change again?",
            question_anonymous=True,
        )
    # Kept nowhere near the booking, which names them.
    assert Booking.objects.get(person=hidden).question_in_advance == ""
    client.force_login(manager)
    page = client.get(reverse("surveys:staff_session", args=[session.pk])).text
    questions = page.split('id="questions-heading"')[1].split("</section>")[0]
    assert "Can I get help with driving?" in questions
    assert f"From {named.display_name}" in questions
    assert "Why did my PA change again?" not in questions  # not until a group has booked
    with after_commit():
        for n in range(3, 7):
            session_services.book(session=session, person=young(n))
    page = client.get(reverse("surveys:staff_session", args=[session.pk])).text
    questions = page.split('id="questions-heading"')[1].split("</section>")[0]
    assert "Why did my PA change again?" in questions
    assert "Can I get help with driving?" in questions
    assert hidden.display_name not in questions
    assert hidden.last_name not in questions
    assert "Name not shown" in questions


@pytest.mark.django_db
def test_the_host_records_who_came(client, manager, session):
    came, missed = young(1), young(2)
    a = session_services.book(session=session, person=came).booking
    b = session_services.book(session=session, person=missed).booking
    client.force_login(manager)
    response = client.post(
        reverse("surveys:staff_session", args=[session.pk]),
        {f"came-{a.pk}": "yes", f"came-{b.pk}": "no", "came-999999": "yes", "came-x": "yes"},
        follow=True,
    )
    assert "Saved who came: 2 people" in response.text
    assert states(session) == {"yp1": "attended", "yp2": "did_not_come"}
    # A place kept by someone who did not come is not given away again.
    assert session_selectors.places_taken(session) == 2


@pytest.mark.django_db
def test_staff_pages_are_for_the_host_participation_and_managers(
    client, manager, pa, participation, young_person, other_pa
):
    session = make_session(manager)
    hosted_by_pa = make_session(pa, title="Forum with Sam")
    url = reverse("surveys:staff_session", args=[session.pk])
    client.force_login(manager)
    assert client.get(url).status_code == 200
    client.force_login(participation)
    assert client.get(url).status_code == 200
    client.force_login(pa)
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403
    assert client.get(reverse("surveys:staff_session", args=[hosted_by_pa.pk])).status_code == 200
    client.force_login(other_pa)
    assert client.get(reverse("surveys:staff_session", args=[hosted_by_pa.pk])).status_code == 403
    client.force_login(young_person.user)
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_staff_cannot_book_and_young_people_see_only_their_own_bookings(
    client, manager, pa, young_person
):
    session = make_session(manager)
    other = young(1)
    session_services.book(session=session, person=other)
    client.force_login(pa)
    assert client.get(reverse("surveys:sessions")).status_code == 403
    assert client.post(reverse("surveys:session_book", args=[session.pk])).status_code == 403
    with pytest.raises(session_services.NotAYoungPerson):
        session_services.book(session=session, person=pa)
    client.force_login(young_person.user)
    page = client.get(reverse("surveys:session", args=[session.pk])).text
    assert other.display_name not in page
    assert "Book a place" in page
    my_page = client.get(reverse("people:my_page")).text
    assert "Your bookings" not in my_page


@pytest.mark.django_db
def test_my_page_shows_your_bookings(client, young_person, session):
    session_services.book(session=session, person=young_person.user)
    client.force_login(young_person.user)
    page = client.get(reverse("people:my_page")).text
    panel = page.split('id="surveys-heading"')[1].split("</section>")[0]
    assert "Your bookings" in panel
    assert "Meet the manager" in panel


# --- The reminder the day before ----------------------------------------------------------------


@pytest.fixture
def no_quiet_hours(settings):
    settings.PORTAL = {**settings.PORTAL, "QUIET_HOURS": ""}


@pytest.mark.django_db
def test_a_reminder_is_texted_the_day_before(young_person, session, outbox, no_quiet_hours):
    session_services.book(session=session, person=young_person.user)
    [planned] = waiting_tasks("remind")
    assert abs(planned.run_after - (session.starts_at - datetime.timedelta(days=1))) < (
        datetime.timedelta(seconds=1)
    )
    run_due_tasks()
    assert not outbox and not OutgoingText.objects.exists()
    let_time_pass(datetime.timedelta(days=4, hours=1))
    assert run_due_tasks()[0] == "reminder queued"
    text = OutgoingText.objects.get()
    assert text.kind == OutgoingText.Kind.REMINDER
    assert text.state == OutgoingText.State.SENT
    assert "Reminder: Meet the manager is tomorrow" in text.body
    assert len(outbox) == 1


@pytest.mark.django_db
def test_a_reminder_queued_before_the_task_moved_still_goes(
    young_person, session, outbox, no_quiet_hours
):
    session_services.book(session=session, person=young_person.user)
    [planned] = waiting_tasks("remind")
    planned.task_path = queued_reminders.OLD  # as a worker before issue 17 queued it
    planned.save(update_fields=["task_path"])
    queued_reminders.forwards(django_apps, None)
    planned.refresh_from_db()
    assert planned.task_path == queued_reminders.NEW == session_services.remind.module_path
    let_time_pass(datetime.timedelta(days=4, hours=1))
    assert run_due_tasks()[0] == "reminder queued"
    assert len(outbox) == 1


@pytest.mark.django_db
def test_no_reminder_after_cancelling(young_person, session, outbox, no_quiet_hours):
    outcome = session_services.book(session=session, person=young_person.user)
    session_services.cancel(booking=outcome.booking)
    let_time_pass(datetime.timedelta(days=4, hours=1))
    assert run_due_tasks() == ["not booked"]
    assert not OutgoingText.objects.exists()
    assert not outbox


@pytest.mark.django_db
def test_someone_given_a_place_gets_a_reminder_too(manager, outbox, no_quiet_hours):
    session = make_session(manager, capacity=1)
    holder, waiting = young(1), young(2)
    held = session_services.book(session=session, person=holder).booking
    session_services.book(session=session, person=waiting)
    assert len(waiting_tasks("remind")) == 1
    session_services.cancel(booking=held)
    assert len(waiting_tasks("remind")) == 2
    let_time_pass(datetime.timedelta(days=4, hours=1))
    results = run_due_tasks()
    assert "reminder queued" in results and "not booked" in results
    bodies = list(OutgoingText.objects.values_list("young_person__user__username", "body"))
    assert [u for u, b in bodies if b.startswith("Reminder")] == ["yp2"]


# --- Demo ---------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_demo_has_an_upcoming_meet_the_manager_session_and_a_forum():
    people_demo.load()
    demo.load()
    demo.load()  # safe to run again
    manager_session = Session.objects.get(kind=SessionKind.MEET_THE_MANAGER)
    forum = Session.objects.get(kind=SessionKind.FORUM)
    assert manager_session.host.username == "morgan.manager"
    assert manager_session.capacity == 12
    assert forum.capacity == 20 and forum.travel_help_available
    assert manager_session.starts_at > timezone.now() and forum.starts_at > timezone.now()


@pytest.mark.django_db
def test_cancelling_and_booking_again_still_means_one_reminder(
    young_person, session, outbox, no_quiet_hours
):
    first = session_services.book(session=session, person=young_person.user).booking
    session_services.cancel(booking=first)
    session_services.book(session=session, person=young_person.user)
    assert len(waiting_tasks("remind")) == 2  # one from each booking
    let_time_pass(datetime.timedelta(days=4, hours=1))
    results = run_due_tasks()
    assert results.count("reminder queued") == 1 and "reminded already" in results
    assert OutgoingText.objects.filter(kind=OutgoingText.Kind.REMINDER).count() == 1
    assert len(outbox) == 1
