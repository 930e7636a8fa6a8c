"""Opening the website editor (Wagtail's admin, /admin/) without the right to use it gives a
clear "you can't see this page", never a redirect loop (issue 15, finding 9)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portal.people.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/snippets/"])
@pytest.mark.parametrize("who", ["young_person", "pa", "manager"])
def test_people_without_the_editor_get_a_clear_403_not_a_loop(request, client, path, who):
    person = request.getfixturevalue(who)
    client.force_login(getattr(person, "user", person))
    response = client.get(path, follow=True)  # the test client raises on a redirect loop
    assert response.status_code == 403
    assert response.redirect_chain == []
    assert "You can't see this page" in response.text
    assert "edit the website" in response.text
    assert reverse("people:landing") in response.text


def test_an_editor_reaches_the_editor(client, team):
    editor = factories.staff(Role.EDITOR, team=team, username="editor")
    client.force_login(editor)
    response = client.get("/admin/")
    assert response.status_code == 200


def test_a_visitor_is_sent_to_sign_in(client):
    response = client.get("/admin/", follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("account_login"))
    assert response.status_code == 200
