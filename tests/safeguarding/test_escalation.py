"""Escalation with a fake clock (issue 16): an immediate or high alert nobody acknowledges
within ALERT_ACK_MINUTES goes to the duty team, then after as many again to the service
managers; acknowledged, nothing more happens. `services.escalate` takes `now`; the task worker's
path is driven by moving the stored times back, as `tests.tasks.let_time_pass` does."""

from __future__ import annotations

import datetime
import importlib
from io import StringIO

import pytest
from django.apps import apps as django_apps
from django.core import mail
from django.core.management import call_command

from chat import services
from chat.models import Channel, SafeguardingAlert
from chat.safeguarding import services as safeguarding
from portal.people.roles import Role
from tests import factories
from tests.tasks import let_time_pass, run_due_tasks, waiting_tasks

moved_tasks = importlib.import_module("chat.migrations.0009_queued_tasks_follow_their_code")

pytestmark = pytest.mark.django_db

MINUTE = datetime.timedelta(minutes=1)


@pytest.fixture
def duty(db):
    return factories.staff(Role.DUTY, username="duty")


@pytest.fixture
def head_of_service(db):
    return factories.staff(Role.MANAGER, username="head_of_service")


@pytest.fixture
def duty_email(settings):
    settings.PORTAL = {**settings.PORTAL, "DUTY_EMAIL": "duty@example.gov.uk"}


def raise_risk(young_person, capture) -> SafeguardingAlert:
    with capture(execute=True):
        message, _ = services.post_message(
            conversation=services.conversation_for(young_person),
            sender=young_person.user,
            body="i want to kill myself",
            channel=Channel.WEB,
        )
    return message.alerts.get()


def told(alert: SafeguardingAlert) -> set[str]:
    return set(alert.told.values_list("username", flat=True))


def test_unacknowledged_goes_to_duty_after_ten_minutes_then_to_the_managers(
    young_person,
    pa,
    manager,
    duty,
    head_of_service,
    duty_email,
    django_capture_on_commit_callbacks,
):
    alert = raise_risk(young_person, django_capture_on_commit_callbacks)
    assert told(alert) == {"pa", "manager"}
    assert len(mail.outbox) == 1  # the duty mailbox hears of every alert at once
    [task] = waiting_tasks("escalate_alert")
    assert task.run_after == alert.created_at + 10 * MINUTE
    assert task.queue_name == "safeguarding"

    start = alert.created_at
    assert safeguarding.escalate(alert.pk, now=start + 9 * MINUTE) == "not due"
    alert.refresh_from_db()
    assert alert.escalation_level == 0

    with django_capture_on_commit_callbacks(execute=True):
        outcome = safeguarding.escalate(alert.pk, now=start + 10 * MINUTE)
    assert outcome == "escalated to level 1"
    alert.refresh_from_db()
    assert alert.escalation_level == 1 and alert.escalated_at == start + 10 * MINUTE
    assert told(alert) == {"pa", "manager", "duty"}
    assert len(mail.outbox) == 2 and "not acknowledged" in mail.outbox[1].subject
    assert "kill" not in mail.outbox[1].body  # the words stay in the portal
    later = [t.run_after for t in waiting_tasks("escalate_alert")]
    assert start + 20 * MINUTE in later

    assert safeguarding.escalate(alert.pk, now=start + 15 * MINUTE) == "not due"
    with django_capture_on_commit_callbacks(execute=True):
        assert safeguarding.escalate(alert.pk, now=start + 20 * MINUTE) == "escalated to level 2"
    alert.refresh_from_db()
    assert alert.escalation_level == 2
    assert told(alert) == {"pa", "manager", "duty", "head_of_service"}
    assert safeguarding.escalate(alert.pk, now=start + 60 * MINUTE) == "with the managers already"


def test_an_acknowledged_alert_is_not_escalated(
    young_person, pa, manager, duty, django_capture_on_commit_callbacks
):
    alert = raise_risk(young_person, django_capture_on_commit_callbacks)
    safeguarding.acknowledge(alert, pa)
    start = alert.created_at
    assert safeguarding.escalate(alert.pk, now=start + 11 * MINUTE) == "acknowledged"
    assert safeguarding.escalate_overdue(now=start + 11 * MINUTE) == []
    alert.refresh_from_db()
    assert alert.escalation_level == 0 and told(alert) == {"pa", "manager"}


def test_the_setting_decides_the_minutes(
    settings, young_person, pa, duty, django_capture_on_commit_callbacks
):
    settings.PORTAL = {**settings.PORTAL, "ALERT_ACK_MINUTES": 3}
    alert = raise_risk(young_person, django_capture_on_commit_callbacks)
    assert safeguarding.escalate(alert.pk, now=alert.created_at + 2 * MINUTE) == "not due"
    assert safeguarding.escalate(alert.pk, now=alert.created_at + 3 * MINUTE).startswith(
        "escalated"
    )


def test_the_sweep_escalates_only_what_is_overdue(
    young_person, other_young_person, pa, duty, django_capture_on_commit_callbacks
):
    first = raise_risk(young_person, django_capture_on_commit_callbacks)
    second = raise_risk(other_young_person, django_capture_on_commit_callbacks)
    SafeguardingAlert.objects.filter(pk=first.pk).update(created_at=first.created_at - 30 * MINUTE)
    now = second.created_at + 5 * MINUTE
    assert safeguarding.escalate_overdue(now=now) == ["escalated to level 1"]
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.escalation_level, second.escalation_level) == (1, 0)


def test_the_worker_runs_the_escalation_when_it_falls_due(
    young_person, pa, duty, django_capture_on_commit_callbacks
):
    alert = raise_risk(young_person, django_capture_on_commit_callbacks)
    assert run_due_tasks() == []  # not due yet
    # Ten minutes and a bit pass: the alert's own time and the task's both move back.
    SafeguardingAlert.objects.filter(pk=alert.pk).update(created_at=alert.created_at - 11 * MINUTE)
    let_time_pass(11 * MINUTE)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_due_tasks() == ["escalated to level 1"]
    alert.refresh_from_db()
    assert alert.escalation_level == 1 and "duty" in told(alert)


def test_the_sweep_command_for_cron(young_person, pa, duty, django_capture_on_commit_callbacks):
    alert = raise_risk(young_person, django_capture_on_commit_callbacks)
    SafeguardingAlert.objects.filter(pk=alert.pk).update(created_at=alert.created_at - 11 * MINUTE)
    out = StringIO()
    call_command("escalate_alerts", stdout=out)
    assert "1 alert(s) escalated." in out.getvalue()


def test_an_escalation_queued_before_the_task_moved_still_runs(
    young_person, pa, manager, duty, django_capture_on_commit_callbacks
):
    """Issue 17 moved the task from chat.safeguarding.tasks into the services; one a worker
    queued before the upgrade follows it, or an urgent alert would never reach the duty team."""
    alert = raise_risk(young_person, django_capture_on_commit_callbacks)
    [planned] = waiting_tasks("escalate_alert")
    old = "chat.safeguarding.tasks.escalate_alert"
    planned.task_path = old  # as a worker before issue 17 queued it
    planned.save(update_fields=["task_path"])
    moved_tasks.forwards(django_apps, None)
    planned.refresh_from_db()
    assert planned.task_path == moved_tasks.MOVED[old] == safeguarding.escalate_alert.module_path
    SafeguardingAlert.objects.filter(pk=alert.pk).update(created_at=alert.created_at - 11 * MINUTE)
    let_time_pass(11 * MINUTE)
    with django_capture_on_commit_callbacks(execute=True):
        assert run_due_tasks() == ["escalated to level 1"]
    alert.refresh_from_db()
    assert alert.escalation_level == 1
