# Issue 17 moved the day-before reminder task from surveys.tasks.remind to
# surveys.sessions.services.remind. The worker finds a queued task by its path, and reminders are
# queued up to weeks ahead (the day before each session), so letting the queue empty before an
# upgrade is not enough: the ones still waiting follow the task here, and go back if reversed.
# No model changes.

from django.db import migrations

OLD = "surveys.tasks.remind"
NEW = "surveys.sessions.services.remind"


def _move(apps, old: str, new: str) -> None:
    DBTaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    DBTaskResult.objects.filter(task_path=old, status="READY").update(task_path=new)


def forwards(apps, schema_editor) -> None:
    _move(apps, OLD, NEW)


def backwards(apps, schema_editor) -> None:
    _move(apps, NEW, OLD)


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0005_remove_booking_question_anonymous"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
