"""Background tasks for texts, run by `manage.py db_worker` (django-tasks-db on the portal's
own database). Thin: the decisions live in `chat.outbound`, where tests call them directly.

They have their own backend and queue ("texts", see `TASKS` in settings), so a council can run
as many text workers as it needs without them picking up anything else.
"""

from __future__ import annotations

from django.tasks import task

from chat import outbound

TEXTS = {"backend": "texts", "queue_name": "texts"}


@task(**TEXTS)
def handle_notification(notification_id: int) -> str:
    return outbound.handle_notification(notification_id)


@task(**TEXTS)
def nudge(user_id: int) -> str:
    return outbound.nudge(user_id)


@task(**TEXTS)
def send_text(text_id: int) -> str:
    return outbound.send_text(text_id)
