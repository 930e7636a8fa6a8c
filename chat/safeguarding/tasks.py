"""Background tasks for safeguarding, run by the task worker (`manage.py db_worker --backend
texts --queue-name texts,safeguarding`). Thin: the decisions live in `services`, where tests
call them directly with a fake clock."""

from __future__ import annotations

from django.tasks import task

from chat.safeguarding import services

SAFEGUARDING = {"backend": "texts", "queue_name": "safeguarding"}


@task(**SAFEGUARDING)
def escalate_alert(alert_id: int) -> str:
    """Enqueued when an immediate or high alert is raised, to run when it falls due."""
    return services.escalate(alert_id)
