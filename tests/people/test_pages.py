"""Pages for signed-in people, and what happens when someone opens a page that is not theirs."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.people.models import StaffAccess
from portal.people.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db

STAFF_PAGES = [reverse("people:staff_home")]


def test_visitors_are_sent_to_sign_in(client):
    for url in [reverse("people:my_page"), reverse("people:staff_home")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))


def test_my_page_shows_the_young_persons_pa_and_details(client, young_person, pa):
    pa.first_name, pa.last_name = "Sam", "Okafor"
    pa.save()
    client.force_login(young_person.user)
    response = client.get(reverse("people:my_page"))
    assert "Sam Okafor" in response.text
    assert "Former relevant" in response.text
    assert "07400 123456" in response.text and "Checked" in response.text


def test_my_page_without_a_pa_says_who_to_call(client, young_person):
    young_person.personal_adviser = None
    young_person.save()
    client.force_login(young_person.user)
    response = client.get(reverse("people:my_page"))
    assert "You do not have a PA on this website yet" in response.text


def test_a_young_person_changes_how_they_are_contacted(client, young_person):
    client.force_login(young_person.user)
    response = client.post(reverse("people:my_page"), {"contact_preference": "call"}, follow=True)
    assert "Saved." in response.text
    young_person.refresh_from_db()
    assert young_person.contact_preference == "call"


def test_a_made_up_contact_choice_is_refused_and_nothing_changes(client, young_person):
    client.force_login(young_person.user)
    response = client.post(reverse("people:my_page"), {"contact_preference": "pigeon"})
    assert response.status_code == 200
    assert "There is a problem" in response.text
    young_person.refresh_from_db()
    assert young_person.contact_preference == "sms"


def test_a_young_person_opening_staff_pages_gets_403(client, young_person, other_young_person):
    client.force_login(young_person.user)
    assert client.get(reverse("people:staff_home")).status_code == 403
    response = client.get(reverse("people:young_person", args=[young_person.pk]))
    assert response.status_code == 403
    assert "This page is for the leaving care team" in response.text


def test_staff_opening_my_page_get_403(client, pa):
    client.force_login(pa)
    assert client.get(reverse("people:my_page")).status_code == 403


def test_pa_home_lists_their_caseload_only(client, pa, young_person, other_young_person):
    client.force_login(pa)
    response = client.get(reverse("people:staff_home"))
    assert young_person.user.display_name in response.text
    assert other_young_person.user.display_name not in response.text
    assert "1 young person" in response.text


def test_a_pa_opening_another_pas_young_person_gets_404_and_nothing_is_recorded(
    client, pa, other_young_person
):
    client.force_login(pa)
    response = client.get(reverse("people:young_person", args=[other_young_person.pk]))
    assert response.status_code == 404
    assert not StaffAccess.objects.exists()


def test_a_pa_reading_their_own_caseload_is_not_logged(client, pa, young_person):
    client.force_login(pa)
    assert client.get(reverse("people:young_person", args=[young_person.pk])).status_code == 200
    assert not StaffAccess.objects.exists()


def test_a_manager_reading_a_team_record_is_recorded_and_shown(client, manager, young_person):
    client.force_login(manager)
    response = client.get(reverse("people:young_person", args=[young_person.pk]))
    assert response.status_code == 200
    access = StaffAccess.objects.get()
    assert (access.staff, access.young_person, access.what) == (manager, young_person, "profile")
    response = client.get(reverse("people:staff_home"))
    assert f"opened {young_person.user.display_name}" in response.text


def test_manager_home_shows_team_loads_and_unallocated(client, manager, pa, young_person):
    factories.YoungPersonFactory(user__first_name="Unallocated", user__last_name="Person")
    client.force_login(manager)
    response = client.get(reverse("people:staff_home"))
    assert pa.display_name in response.text
    assert "Unallocated Person" in response.text


def test_participation_home_shows_counts_not_names(client, young_person):
    officer = factories.staff(Role.PARTICIPATION)
    client.force_login(officer)
    response = client.get(reverse("people:staff_home"))
    assert "1 young person has an account" in response.text
    assert young_person.user.display_name not in response.text


def test_editor_home_links_to_the_cms(client):
    editor = factories.staff(Role.EDITOR)
    client.force_login(editor)
    response = client.get(reverse("people:staff_home"))
    assert reverse("wagtailadmin_home") in response.text
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_a_pa_cannot_reach_the_cms(client, pa):
    client.force_login(pa)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code in {302, 403}


def test_landing_sends_each_role_to_its_page(client, young_person, pa):
    client.force_login(young_person.user)
    assert client.get(reverse("people:landing")).url == reverse("people:my_page")
    client.force_login(pa)
    assert client.get(reverse("people:landing")).url == reverse("people:staff_home")


def test_someone_with_no_role_gets_a_clear_403(client):
    client.force_login(factories.UserFactory())
    response = client.get(reverse("people:landing"))
    assert response.status_code == 403
    assert "no role yet" in response.text


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_manager_sees_failed_sign_ins_for_their_team_only(
    client, manager, young_person, other_young_person
):
    for username in ["young", "someone_else"]:
        client.post(reverse("account_login"), {"login": username, "password": "wrong-one"})
    client.force_login(manager)
    response = client.get(reverse("people:staff_home"))
    trouble = response.text.split("Sign-in problems")[1].split("Records opened")[0]
    assert young_person.user.display_name in trouble
    assert other_young_person.user.display_name not in trouble
