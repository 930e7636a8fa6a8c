"""Quiet hours: when the portal sends no automated, non-urgent text.

A reminder or a "you have a message" nudge that falls due at 23:40 waits until the morning, in
the council's time zone (`TIME_ZONE`), clocks changing included. The hours come from
`PORTAL["QUIET_HOURS"]`, "HH:MM-HH:MM", and may run past midnight (the usual case).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.utils import timezone


def _window() -> tuple[datetime.time, datetime.time] | None:
    spec = (settings.PORTAL.get("QUIET_HOURS") or "").strip()
    if not spec:
        return None
    start, end = (datetime.time.fromisoformat(part.strip()) for part in spec.split("-"))
    return (start, end) if start != end else None


def is_quiet(moment: datetime.datetime) -> bool:
    window = _window()
    if window is None:
        return False
    start, end = window
    local = timezone.localtime(moment).time()
    if start < end:
        return start <= local < end
    return local >= start or local < end


def next_allowed(moment: datetime.datetime) -> datetime.datetime:
    """`moment` itself when texts may go then; otherwise the end of that quiet spell."""
    window = _window()
    if window is None or not is_quiet(moment):
        return moment
    start, end = window
    local = timezone.localtime(moment)
    day = local.date()
    if start > end and local.time() >= start:
        day += datetime.timedelta(days=1)  # the spell that began this evening ends tomorrow
    return timezone.make_aware(datetime.datetime.combine(day, end))
