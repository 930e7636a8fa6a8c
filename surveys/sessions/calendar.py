"""A booked session as an iCalendar (.ics) file, for a phone's calendar."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress, vText

from surveys.models import Booking

PRODID = "-//Care leaver portal//Sessions//EN"


def uid_for(booking: Booking) -> str:
    """Stable for the session, so a second download updates the same calendar entry."""
    host = settings.PUBLIC_BASE_URL.split("://", 1)[-1].split("/", 1)[0] or "portal.invalid"
    return f"session-{booking.session_id}@{host}"


def ics_for(booking: Booking) -> bytes:
    session = booking.session
    utc = datetime.UTC
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid_for(booking))
    event.add("dtstamp", timezone.now().astimezone(utc))
    event.add("dtstart", session.starts_at.astimezone(utc))
    event.add("dtend", session.ends_at.astimezone(utc))
    event.add("summary", session.title)
    if session.description:
        event.add("description", session.description)
    if session.place:
        event.add("location", session.place)
    if session.online_link:
        event.add("url", session.online_link)
        if not session.place:
            event.add("location", "Online")
    host = session.host
    organizer = vCalAddress(f"mailto:{host.email}" if host.email else "mailto:noreply@invalid")
    organizer.params["cn"] = vText(host.display_name)
    event.add("organizer", organizer)
    calendar.add_component(event)
    return calendar.to_ical()
