"""Alerts someone must act on (issue 16): who sees them, the queue's order, acknowledging and
closing as services under a row lock with an audit entry, and the staff pages."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from chat import services
from chat.models import Channel, SafeguardingAlert
from chat.safeguarding import selectors
from chat.safeguarding import services as safeguarding
from portal.people.models import StaffAccess
from portal.people.roles import Role
from tests import factories

RISKY = "i want to kill myself"


def risk_from(young_person, body: str = RISKY) -> SafeguardingAlert:
    message, _ = services.post_message(
        conversation=services.conversation_for(young_person),
        sender=young_person.user,
        body=body,
        channel=Channel.WEB,
    )
    return message.alerts.get()


@pytest.fixture
def duty(db):
    return factories.staff(Role.DUTY, username="duty")


@pytest.mark.django_db
def test_who_sees_an_alert_the_pa_manager_and_duty_team_not_another_pa_or_the_young_person(
    young_person, pa, manager, other_pa, duty
):
    alert = risk_from(young_person)
    for seer in (pa, manager, duty):
        assert list(selectors.alerts_visible_to(seer)) == [alert], seer
    for stranger in (other_pa, young_person.user):
        assert not selectors.alerts_visible_to(stranger).exists(), stranger
    assert set(alert.told.all()) == {pa, manager}


@pytest.mark.django_db
def test_the_duty_team_sees_every_alert_and_a_text_from_an_unknown_number_is_theirs(
    young_person, other_young_person, duty
):
    ours = risk_from(young_person)
    theirs = risk_from(other_young_person)
    unknown = safeguarding.raise_alert(
        safeguarding.screen_message(RISKY),
        text=RISKY,
        profile=None,
        channel="sms",
        from_number="+447700900321",
    )
    assert set(selectors.alerts_visible_to(duty)) == {ours, theirs, unknown}
    assert list(unknown.told.all()) == [duty]


@pytest.mark.django_db
def test_the_queue_is_most_urgent_first_then_oldest_and_open_only(young_person, pa):
    now = timezone.now()

    def alert(severity: str, minutes_ago: int, **extra) -> SafeguardingAlert:
        return SafeguardingAlert.objects.create(
            young_person=young_person,
            channel="web",
            text=f"{severity} {minutes_ago}",
            severity=severity,
            created_at=now - datetime.timedelta(minutes=minutes_ago),
            **extra,
        )

    concern_old = alert("concern", 90)
    high_new = alert("high", 5)
    immediate_new = alert("immediate", 1)
    high_old = alert("high", 30)
    alert("immediate", 60, closed_at=now, closed_note="done")
    assert list(selectors.alert_queue(pa)) == [immediate_new, high_old, high_new, concern_old]
    assert selectors.alert_queue(pa, include_closed=True).count() == 5


@pytest.mark.django_db
def test_acknowledging_names_the_person_audits_it_and_refuses_a_second(young_person, pa, manager):
    alert = risk_from(young_person)
    safeguarding.acknowledge(alert, manager)
    alert.refresh_from_db()
    assert alert.acknowledged_by == manager and alert.acknowledged_at is not None
    assert StaffAccess.objects.filter(
        staff=manager, young_person=young_person, what="acknowledged safeguarding alert"
    ).exists()
    with pytest.raises(safeguarding.AlreadyAcknowledged, match=manager.display_name):
        safeguarding.acknowledge(alert, pa)
    alert.refresh_from_db()
    assert alert.acknowledged_by == manager


@pytest.mark.django_db
def test_closing_needs_a_note_acknowledges_too_is_audited_and_happens_once(young_person, pa):
    alert = risk_from(young_person)
    with pytest.raises(safeguarding.NoteNeeded):
        safeguarding.close(alert, pa, "  ")
    safeguarding.close(alert, pa, "Called her; safe at her sister's tonight.")
    alert.refresh_from_db()
    assert alert.closed_by == pa and alert.closed_note.startswith("Called her")
    assert alert.acknowledged_by == pa
    assert StaffAccess.objects.filter(staff=pa, what="closed safeguarding alert").exists()
    with pytest.raises(safeguarding.AlreadyClosed):
        safeguarding.close(alert, pa, "again")
    with pytest.raises(safeguarding.AlreadyClosed):
        safeguarding.acknowledge(alert, pa)


@pytest.mark.django_db
def test_someone_who_cannot_see_an_alert_cannot_act_on_it(young_person, other_pa):
    alert = risk_from(young_person)
    with pytest.raises(safeguarding.NotAllowed):
        safeguarding.acknowledge(alert, other_pa)
    with pytest.raises(safeguarding.NotAllowed):
        safeguarding.close(alert, young_person.user, "x")
    alert.refresh_from_db()
    assert alert.acknowledged_at is None and alert.closed_at is None


@pytest.mark.django_db(transaction=True)
def test_two_people_acknowledging_at_once_one_wins_and_the_other_is_told(young_person, pa, manager):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite runs one writer at a time anyway")
    alert = risk_from(young_person)
    start = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def acknowledge(person) -> None:
        from django.db import connections

        start.wait()
        try:
            safeguarding.acknowledge(alert.pk, person)
            outcomes[person.username] = "won"
        except safeguarding.AlreadyAcknowledged as refused:
            outcomes[person.username] = str(refused)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=acknowledge, args=(who,)) for who in (pa, manager)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == ["manager", "pa"]
    winners = [who for who, outcome in outcomes.items() if outcome == "won"]
    assert len(winners) == 1
    [loser] = set(outcomes) - set(winners)
    assert "already acknowledged" in outcomes[loser]
    alert.refresh_from_db()
    assert alert.acknowledged_by.username == winners[0]
    assert StaffAccess.objects.filter(what="acknowledged safeguarding alert").count() == 1


# --- Pages ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_queue_page_shows_why_how_urgent_how_old_and_who_has_it(client, young_person, pa):
    alert = risk_from(young_person)
    client.force_login(pa)
    page = client.get(reverse("chat:alerts")).text
    assert young_person.user.display_name in page
    assert "High" in page and alert.evidence[0] in page
    assert "Thoughts of suicide" in page
    assert "Nobody has acknowledged it yet." in page
    safeguarding.acknowledge(alert, pa)
    page = client.get(reverse("chat:alerts")).text
    assert f"Acknowledged by {pa.display_name}" in page


@pytest.mark.django_db
def test_acknowledge_and_close_are_plain_forms_and_a_second_is_refused_clearly(
    client, young_person, pa, manager
):
    alert = risk_from(young_person)
    client.force_login(manager)
    page = client.get(alert.get_absolute_url()).text
    assert f'action="{reverse("chat:alert_acknowledge", args=[alert.pk])}"' in page
    assert "The chatbot replied" in page and "116 123" in page
    response = client.post(reverse("chat:alert_acknowledge", args=[alert.pk]), follow=True)
    assert "You have acknowledged this alert" in response.text
    client.force_login(pa)
    response = client.post(reverse("chat:alert_acknowledge", args=[alert.pk]), follow=True)
    assert f"{manager.display_name} already acknowledged this alert" in response.text
    close = reverse("chat:alert_close", args=[alert.pk])
    refused = client.post(close, {"note": ""})
    assert refused.status_code == 400 and "Say what you did" in refused.text
    client.post(close, {"note": "Rang her back, she is safe."})
    alert.refresh_from_db()
    assert alert.closed_by == pa and alert.acknowledged_by == manager


@pytest.mark.django_db
def test_reading_someone_elses_alert_is_audited_and_a_stranger_gets_a_404(
    client, young_person, duty, other_pa
):
    alert = risk_from(young_person)
    client.force_login(duty)
    assert client.get(alert.get_absolute_url()).status_code == 200
    assert StaffAccess.objects.filter(
        staff=duty, young_person=young_person, what="safeguarding alert"
    ).exists()
    client.force_login(other_pa)
    assert client.get(alert.get_absolute_url()).status_code == 404
    assert client.post(reverse("chat:alert_acknowledge", args=[alert.pk])).status_code == 404
    client.force_login(young_person.user)
    assert client.get(reverse("chat:alerts")).status_code == 403


@pytest.mark.django_db
def test_the_duty_role_is_a_staff_role_with_its_permission(duty):
    assert duty.is_portal_staff and duty.has_perm("chat.view_all_alerts")
