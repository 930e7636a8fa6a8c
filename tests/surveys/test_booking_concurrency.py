"""Two young people booking the last place at the same moment, on two database connections:
the row lock on the session serves them one after the other, so one gets the place and the
other goes on the waiting list. Needs PostgreSQL (SQLite allows one writer at a time anyway)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from surveys.models import Booking, BookingState
from surveys.sessions import selectors as session_selectors
from surveys.sessions import services as session_services
from tests import factories
from tests.surveys.test_sessions import make_session


@pytest.mark.django_db(transaction=True)
def test_two_people_booking_the_last_place_at_once_never_overfill_it(manager):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL's row locks (the services run of `make test` has them)")
    session = make_session(manager, capacity=3)
    for _ in range(2):
        session_services.book(session=session, person=factories.YoungPersonFactory().user)
    racers = [factories.YoungPersonFactory().user for _ in range(2)]
    start = threading.Barrier(len(racers))
    outcomes: dict[int, int | None] = {}
    errors: list[BaseException] = []

    def race(person) -> None:
        try:
            start.wait(timeout=10)
            outcome = session_services.book(session=session, person=person)
            outcomes[person.pk] = outcome.waiting_place
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=race, args=(person,)) for person in racers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert not errors, errors
    assert sorted(outcomes.values(), key=lambda v: v or 0) == [None, 1]
    states = sorted(Booking.objects.filter(person__in=racers).values_list("state", flat=True))
    assert states == [BookingState.BOOKED, BookingState.WAITING]
    assert session_selectors.places_taken(session) == 3
