"""Who takes part: surveys are answered, sessions booked and participation records kept for young
people who have been in care, never for staff (staff read the results, run the sessions and read
the records instead).

One test and one error, used by the surveys and sessions services (which refuse anyone else) and
by the selectors (which give anyone else nothing). Pages answer 403 before a service is called.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser

from portal.people.models import User
from portal.people.roles import USE_STAFF_PAGES, can


class NotAYoungPerson(Exception):
    """Only young people answer surveys and book sessions; staff see results and run them."""


def takes_part(person: User | AnonymousUser) -> bool:
    """A signed-in young person who is not also on the staff."""
    return person.is_authenticated and person.is_young_person and not can(person, USE_STAFF_PAGES)
