"""A manager allocates a Personal Adviser (PA) to a young person, and only from their own team."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.people.models import AdviserAllocation
from portal.people.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db


def page(profile) -> str:
    return reverse("people:young_person", args=[profile.pk])


def test_a_manager_allocates_a_pa_to_someone_without_one(client, manager, pa):
    unallocated = factories.YoungPersonFactory()
    client.force_login(manager)
    assert "Allocate a PA" in client.get(page(unallocated)).text
    response = client.post(page(unallocated), {"adviser": pa.pk}, follow=True)
    assert f"PA is now {pa.display_name}" in response.text
    unallocated.refresh_from_db()
    assert unallocated.personal_adviser == pa
    entry = AdviserAllocation.objects.get()
    assert (entry.previous_adviser, entry.adviser, entry.allocated_by) == (None, pa, manager)
    assert "PA history" in response.text


def test_moving_to_another_pa_keeps_the_history(client, manager, pa, team, young_person):
    second = factories.staff(Role.PA, team=team, username="second")
    client.force_login(manager)
    client.post(page(young_person), {"adviser": second.pk})
    young_person.refresh_from_db()
    assert young_person.personal_adviser == second
    assert AdviserAllocation.objects.get().previous_adviser == pa


def test_a_pa_from_another_team_cannot_be_chosen_and_nothing_changes(
    client, manager, young_person, other_pa
):
    client.force_login(manager)
    response = client.post(page(young_person), {"adviser": other_pa.pk})
    assert response.status_code == 200
    assert "Choose a Personal Adviser (PA) from your team" in response.text
    young_person.refresh_from_db()
    assert young_person.personal_adviser.username == "pa"
    assert not AdviserAllocation.objects.exists()


def test_a_pa_cannot_allocate(client, pa, young_person, team):
    second = factories.staff(Role.PA, team=team, username="second")
    client.force_login(pa)
    assert client.post(page(young_person), {"adviser": second.pk}).status_code == 403
    young_person.refresh_from_db()
    assert young_person.personal_adviser == pa


def test_a_manager_cannot_touch_another_teams_young_person(client, manager, pa, other_young_person):
    client.force_login(manager)
    assert client.get(page(other_young_person)).status_code == 404
    assert client.post(page(other_young_person), {"adviser": pa.pk}).status_code == 404
    other_young_person.refresh_from_db()
    assert other_young_person.personal_adviser.username == "other_pa"


# --- Young people with no PA yet belong to a team's manager, or to every manager (issue 15) ---


def test_allocating_puts_the_young_person_in_the_pas_team(client, manager, pa, team):
    unallocated = factories.YoungPersonFactory()
    client.force_login(manager)
    client.post(page(unallocated), {"adviser": pa.pk})
    unallocated.refresh_from_db()
    assert unallocated.team == team  # if the PA leaves, this team's manager answers them


def test_another_teams_manager_cannot_open_or_allocate_a_teamed_young_person_without_a_pa(
    client, team, manager, other_pa
):
    waiting = factories.YoungPersonFactory(team=team)
    other_team = other_pa.staff_profile.team
    other_manager = factories.staff(Role.MANAGER, team=other_team, username="other_manager")
    other_team.manager = other_manager
    other_team.save()
    client.force_login(other_manager)
    assert waiting.user.display_name not in client.get(reverse("people:staff_home")).text
    assert client.get(page(waiting)).status_code == 404
    assert client.post(page(waiting), {"adviser": other_pa.pk}).status_code == 404
    waiting.refresh_from_db()
    assert waiting.personal_adviser is None
    client.force_login(manager)
    assert waiting.user.display_name in client.get(reverse("people:staff_home")).text
