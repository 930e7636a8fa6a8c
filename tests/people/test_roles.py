"""Who may do what: the permissions in roles.py, held by the groups and asked one way (`can`)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser, Group
from django.urls import reverse

from portal.people import roles
from portal.people.roles import GROUP_NAMES, ROLE_PERMISSIONS, STAFF_ROLES, Role, can
from tests import factories

pytestmark = pytest.mark.django_db

EVERY_PERMISSION = sorted({p for permissions in ROLE_PERMISSIONS.values() for p in permissions})


def test_each_group_holds_exactly_its_roles_permissions():
    for role, group_name in GROUP_NAMES.items():
        held = {
            f"{app}.{codename}"
            for app, codename in Group.objects.get(name=group_name).permissions.values_list(
                "content_type__app_label", "codename"
            )
        }
        assert held == set(ROLE_PERMISSIONS[role]), role


def test_the_staff_roles_are_the_ones_that_open_staff_pages():
    assert {Role.PA, Role.MANAGER, Role.PARTICIPATION, Role.EDITOR, Role.DUTY} == STAFF_ROLES


@pytest.mark.parametrize("role", list(Role))
def test_a_role_may_do_what_its_permissions_say_and_nothing_else(role, team):
    user = (
        factories.staff(role, team=team)
        if role in STAFF_ROLES
        else factories.UserFactory(role=role)
    )
    for permission in EVERY_PERMISSION:
        assert can(user, permission) is (permission in ROLE_PERMISSIONS[role]), permission
    # The old name agrees with the one check while other apps still use it.
    assert user.is_portal_staff is can(user, roles.USE_STAFF_PAGES)


def test_nobody_signed_out_and_no_closed_account_may_do_anything(pa):
    pa.is_active = False
    pa.save()
    for permission in EVERY_PERMISSION:
        assert not can(AnonymousUser(), permission)
        assert not can(type(pa).objects.get(pk=pa.pk), permission)


def test_a_superuser_may_do_everything():
    admin = factories.UserFactory(is_superuser=True)
    assert all(can(admin, permission) for permission in EVERY_PERMISSION)


def test_after_one_check_no_other_needs_a_query(manager, django_assert_num_queries):
    """The socket consumer asks on its event loop, where a query would fail."""
    can(manager, roles.USE_STAFF_PAGES)
    with django_assert_num_queries(0):
        assert all(can(manager, p) for p in ROLE_PERMISSIONS[Role.MANAGER])
        assert not can(manager, roles.VIEW_CASELOAD)


def test_staff_pages_send_visitors_to_sign_in_and_refuse_young_people(client, young_person):
    for url in [reverse("people:staff_home"), reverse("chat:inbox")]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("account_login"))
    client.force_login(young_person.user)
    for url in [reverse("people:staff_home"), reverse("chat:inbox")]:
        response = client.get(url)
        assert response.status_code == 403
        assert "This page is for the leaving care team." in response.text
