"""Who may see whom: every selector gives the wrong person nothing."""

from __future__ import annotations

import datetime

import pytest

from portal.people import selectors
from portal.people.choices import LeavingCareStatus
from portal.people.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db


def visible(user) -> set[str]:
    return set(selectors.young_people_visible_to(user).values_list("user__username", flat=True))


def test_a_young_person_sees_only_themselves(young_person, other_young_person):
    assert visible(young_person.user) == {"young"}


def test_a_pa_sees_their_caseload_and_not_another_pas(pa, young_person, other_young_person):
    assert visible(pa) == {"young"}


def test_a_manager_sees_their_teams_caseloads_only(manager, pa, young_person, other_young_person):
    assert visible(manager) == {"young"}


@pytest.mark.parametrize("role", [Role.PARTICIPATION, Role.EDITOR])
def test_participation_and_editors_see_no_young_person(role, young_person):
    assert visible(factories.staff(role)) == set()


def test_someone_with_no_role_sees_nobody(young_person):
    assert visible(factories.UserFactory()) == set()


def test_a_deactivated_account_is_hidden_from_its_pa(pa, young_person):
    young_person.user.is_active = False
    young_person.user.save()
    assert visible(pa) == set()


def test_caseload_sizes_against_the_20_to_22_guide(manager, pa, team):
    for _ in range(23):
        factories.YoungPersonFactory(personal_adviser=pa)
    quiet = factories.staff(Role.PA, team=team, username="quiet")
    loads = {load.adviser.username: load for load in selectors.advisers_in_teams_of(manager)}
    assert loads["pa"].caseload == 23 and loads["pa"].over_target
    assert loads["quiet"].caseload == 0 and not loads["quiet"].within_target
    assert quiet.username in loads


def test_a_pa_who_is_not_a_manager_has_no_team_view(pa):
    assert selectors.advisers_in_teams_of(pa) == []


def test_participation_figures_count_without_names(young_person, other_young_person):
    factories.YoungPersonFactory(
        date_of_birth=datetime.date(2009, 1, 1), leaving_care_status=LeavingCareStatus.ELIGIBLE
    )
    figures = selectors.participation_figures(on=datetime.date(2026, 11, 23))
    assert figures.total == 3
    assert dict(figures.by_status) == {
        "Eligible": 1,
        "Relevant": 0,
        "Former relevant": 2,
        "Qualifying": 0,
    }
    assert dict(figures.by_age) == {"16 to 17": 1, "18 to 20": 2, "21 to 25": 0}
    assert figures.with_verified_mobile == 1
