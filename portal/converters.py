"""`<id:pk>`: a database id in a URL, as a 404 whenever it cannot be one.

Django's `<int:...>` takes any run of digits, so `/staff/messages/9223372036854775808/` (2^63)
reached a view and, in places, a query that cannot hold it (a 500 on SQLite and PostgreSQL,
issue 15, finding 5). Ids here are `BigAutoField`s: 1 to 2^63 - 1. Anything else does not
match the route at all, which Django answers with its 404 page, before any view runs.

Registered on import; every URLconf that uses `<id:...>` imports this module.
"""

from __future__ import annotations

from django.urls import register_converter

MAX_ID = 2**63 - 1  # the largest BigAutoField (a signed 64-bit integer)


class DatabaseIdConverter:
    """0 to MAX_ID, without a sign: 0 matches (no row has it, so the view's lookup is a 404)
    because pages reverse a route with 0 as a placeholder their script fills in."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is larger than any database id")  # no match: a 404
        return number

    def to_url(self, value: int | str) -> str:
        return str(int(value))


register_converter(DatabaseIdConverter, "id")
