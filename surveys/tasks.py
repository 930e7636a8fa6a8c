"""Background tasks for sessions, on the texts queue (see `chat.tasks`). Thin: the decisions
live in `surveys.bookings`."""

from __future__ import annotations

from django.tasks import task

from surveys import bookings


@task(backend="texts", queue_name="texts")
def remind(booking_id: int, starts_at: str) -> str:
    return bookings.remind(booking_id, starts_at)
