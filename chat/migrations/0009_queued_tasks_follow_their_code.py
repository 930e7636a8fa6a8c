# Issue 17 moved the worker's tasks beside the services that enqueue them:
# - chat.tasks.{send_text,nudge,handle_notification} -> chat.texts.services.outbound.*
# - chat.safeguarding.tasks.escalate_alert -> chat.safeguarding.services.escalate_alert
# The worker finds a queued task by its path, and some wait a while (a retry with backoff, an
# escalation due in 10 minutes), so the ones still waiting at an upgrade follow their task here,
# and go back if reversed. No model changes.

from django.db import migrations

MOVED = {
    "chat.tasks.send_text": "chat.texts.services.outbound.send_text",
    "chat.tasks.nudge": "chat.texts.services.outbound.nudge",
    "chat.tasks.handle_notification": "chat.texts.services.outbound.handle_notification",
    "chat.safeguarding.tasks.escalate_alert": "chat.safeguarding.services.escalate_alert",
}


def _move(apps, moves: dict[str, str]) -> None:
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    for old, new in moves.items():
        DBTaskResult.objects.filter(task_path=old, status="READY").update(task_path=new)


def forwards(apps, schema_editor) -> None:
    _move(apps, MOVED)


def backwards(apps, schema_editor) -> None:
    _move(apps, {new: old for old, new in MOVED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("chat", "0008_safeguarding_alerts"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
