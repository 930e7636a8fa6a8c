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
