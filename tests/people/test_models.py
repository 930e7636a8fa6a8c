"""Ages, profiles and phone numbers: the facts the rest of the portal relies on."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from hypothesis import given
from hypothesis import strategies as st

from portal.people.ages import age_on
from portal.people.phone import normalise_mobile
from portal.people.roles import Role
from tests import factories


def test_age_counts_completed_years():
    born = datetime.date(2007, 11, 24)
    assert age_on(born, datetime.date(2025, 11, 23)) == 17
    assert age_on(born, datetime.date(2025, 11, 24)) == 18


def test_a_leap_day_birthday_turns_a_year_older_on_1_march():
    born = datetime.date(2008, 2, 29)
    assert age_on(born, datetime.date(2026, 2, 28)) == 17
    assert age_on(born, datetime.date(2026, 3, 1)) == 18


def _birthday_in(born: datetime.date, year: int) -> datetime.date:
    try:
        return born.replace(year=year)
    except ValueError:  # 29 February in a year without one
        return datetime.date(year, 3, 1)


@given(
    born=st.dates(datetime.date(1990, 1, 1), datetime.date(2015, 12, 31)),
    gap=st.integers(0, 40 * 366),
)
def test_age_is_the_number_of_birthdays_that_have_passed(born, gap):
    day = born + datetime.timedelta(days=gap)
    birthdays_passed = max(y for y in range(0, 42) if _birthday_in(born, born.year + y) <= day)
    assert age_on(born, day) == birthdays_passed


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("07400 123456", "+447400123456"),
        ("07400123456", "+447400123456"),
        ("+44 7400 123456", "+447400123456"),
        ("(07400) 123-456", "+447400123456"),
    ],
)
def test_mobile_numbers_are_stored_as_e164(typed, stored):
    assert normalise_mobile(typed) == stored


@pytest.mark.parametrize("typed", ["", "12", "hello", "07400 12345", "0800 000 000 000"])
def test_things_that_are_not_mobile_numbers_are_refused(typed):
    assert normalise_mobile(typed) is None


@pytest.mark.django_db
def test_profile_refuses_unknown_circumstances_and_a_non_pa_adviser(pa):
    editor = factories.staff(Role.EDITOR)
    profile = factories.YoungPersonFactory.build(
        user=factories.UserFactory(),
        circumstances=["own_home", "on_the_moon"],
        personal_adviser=editor,
    )
    with pytest.raises(ValidationError) as caught:
        profile.full_clean()
    assert "on_the_moon" in str(caught.value.message_dict["circumstances"])
    assert "personal_adviser" in caught.value.message_dict


@pytest.mark.django_db
def test_a_mobile_belongs_to_one_young_person(young_person):
    with pytest.raises(IntegrityError):
        factories.YoungPersonFactory(mobile=young_person.mobile)


@pytest.mark.django_db
def test_a_number_cannot_be_verified_without_a_number():
    with pytest.raises(IntegrityError):
        factories.YoungPersonFactory(mobile=None, mobile_verified=True)


@pytest.mark.django_db
def test_role_comes_from_groups_with_manager_first(team):
    user = factories.staff(Role.PA, team=team)
    user.groups.add(*factories.Group.objects.filter(name="Service managers"))
    user = type(user).objects.get(pk=user.pk)
    assert user.role == Role.MANAGER
    assert user.is_portal_staff and not user.is_young_person
