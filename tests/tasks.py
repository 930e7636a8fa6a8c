"""Running queued tasks inside a test, with django-tasks-db's own worker code.

`run_due_tasks` claims each task that is due, as `manage.py db_worker` does, and runs it with
the worker's `run_task`, but inside the test's transaction (the real worker's loop closes
database connections between tasks, which would end that transaction). The browser tests run
the real `db_worker` command in its own process.
"""

from __future__ import annotations

import datetime

from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult, get_date_max


def _worker() -> Worker:
    return Worker(
        queue_names=["texts"],
        interval=0,
        batch=True,
        backend_name="texts",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )


def run_due_tasks(at_most: int | None = None, limit: int = 100) -> list[str]:
    """Run every task that is due now, and any they enqueue that are due too (or only the
    first `at_most`); returns what each returned, oldest first."""
    worker, results = _worker(), []
    for _ in range(limit):
        if at_most is not None and len(results) == at_most:
            return results
        task = DBTaskResult.objects.ready().first()
        if task is None:
            return results
        task.claim(worker.worker_id)
        worker.run_task(task)
        task.refresh_from_db()
        assert task.status == "SUCCESSFUL", task.traceback
        results.append(task.return_value)
    raise AssertionError(f"more than {limit} tasks: is one enqueueing itself for ever?")


def waiting_tasks(name: str) -> list[DBTaskResult]:
    """Tasks not yet due (a retry after back-off, a nudge after a delay), by function name."""
    later = DBTaskResult.objects.filter(
        status="READY", run_after__gt=timezone.now(), run_after__lt=get_date_max()
    )
    return [task for task in later.order_by("run_after") if task.task_path.endswith(f".{name}")]


def let_time_pass(by: datetime.timedelta) -> None:
    """Bring forward everything that was waiting, as if `by` had passed: the tasks' own
    `run_after` and the texts' `send_after`."""
    from chat.models import OutgoingText

    for task in DBTaskResult.objects.filter(status="READY", run_after__lt=get_date_max()):
        task.run_after -= by
        task.save(update_fields=["run_after"])
    for text in OutgoingText.objects.filter(state=OutgoingText.State.QUEUED):
        text.send_after -= by
        text.save(update_fields=["send_after"])
