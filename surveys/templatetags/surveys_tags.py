"""Template helpers for surveys: percentages as people read them, and the open surveys a
young person can answer (for My page, which lives in another app)."""

from __future__ import annotations

from django import template

from portal.people.models import User
from surveys import selectors
from surveys.charts import format_percent
from surveys.models import Survey

register = template.Library()


@register.filter
def pct(value: float | None) -> str:
    return format_percent(value)


@register.simple_tag
def open_surveys_for(user: User) -> list[Survey]:
    """Open surveys this young person has not answered yet (none for anyone else)."""
    return list(selectors.open_surveys_for(user))


@register.simple_tag
def session_bookings_for(user: User) -> list:
    """This young person's own bookings for sessions still to come (none for anyone else)."""
    from surveys.session_views import my_bookings

    if not user.is_authenticated or not user.is_young_person or user.is_portal_staff:
        return []
    return list(my_bookings(user))
