"""Editors set the rules in Wagtail's admin: contradictions are refused with a message, and a
report lists pages not reviewed with care leavers in the last 12 months."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from offer.models import EntitlementPage
from portal.people.roles import Role
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def grant(offer):
    return EntitlementPage.objects.get(slug="setting-up-home-grant")


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"min_age": 22, "max_age": 18}, "max_age", "below the starting age"),
        ({"statuses": []}, "statuses", "at least one status"),
        ({"min_age": 19, "max_age": 24, "statuses": ["eligible"]}, "statuses", "Nobody aged"),
        (
            {"requires_all": ["not_in_education_or_work", "in_work"]},
            "requires_all",
            "at once",
        ),
        ({"statuses": ["retired"]}, "statuses", "Unknown choices"),
    ],
)
def test_contradicting_rules_are_refused_with_a_message(grant, changes, field, message):
    for name, value in changes.items():
        setattr(grant, name, value)
    with pytest.raises(ValidationError) as caught:
        grant.full_clean()
    assert message in " ".join(caught.value.message_dict[field])


@pytest.fixture
def editor_client(client):
    editor = factories.staff(Role.EDITOR, username="editor")
    client.force_login(editor)
    return client


def test_an_editor_sees_the_rules_as_tick_boxes(editor_client, grant):
    response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[grant.pk]))
    assert response.status_code == 200
    assert 'type="checkbox" name="statuses" value="former_relevant"' in response.text


def test_saving_contradicting_rules_in_the_admin_changes_nothing(editor_client, grant):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = nested_form_data(
        {
            "title": grant.title,
            "slug": grant.slug,
            "summary": grant.summary,
            "min_age": 22,
            "max_age": 18,
            "statuses": ["former_relevant"],
            "steps": streamfield([]),
            "body": streamfield([]),
            "comments": inline_formset([]),
        }
    )
    response = editor_client.post(
        reverse("wagtailadmin_pages:edit", args=[grant.pk]), {**data, "action-publish": "1"}
    )
    assert response.status_code == 200
    assert "below the starting age" in response.text
    grant.refresh_from_db()
    assert (grant.min_age, grant.max_age) == (16, 24)


def test_the_review_report_lists_pages_over_a_year_old(editor_client, grant):
    grant.last_reviewed = datetime.date.today() - datetime.timedelta(days=400)
    grant.save_revision().publish()
    response = editor_client.get(reverse("offer_review_due"))
    assert response.status_code == 200
    assert "Setting Up Home Grant" in response.text
    assert "Council tax exemption" not in response.text


def test_content_editors_may_publish_the_offer_but_pas_may_not(grant, pa):
    editor = factories.staff(Role.EDITOR, username="editor2")
    assert grant.permissions_for_user(editor).can_publish()
    assert not grant.permissions_for_user(pa).can_edit()
