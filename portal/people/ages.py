"""A person's age: the one function that works it out, with nothing from Django.

Pure, so the offer's eligibility rules (`offer/eligibility.py`), profiles and the participation
figures all count birthdays the same way, and it can be tested without a database.
"""

from __future__ import annotations

import datetime


def age_on(date_of_birth: datetime.date, day: datetime.date) -> int:
    """Completed years on `day`: the age the law and the local offer mean.

    Someone born on 29 February turns a year older on 1 March in a non-leap year.
    """
    had_birthday = (day.month, day.day) >= (date_of_birth.month, date_of_birth.day)
    return day.year - date_of_birth.year - (0 if had_birthday else 1)
