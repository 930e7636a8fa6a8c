# A "place came free and it's yours" text is its own kind, not a reminder (issue 17). Like a
# reminder it waits for quiet hours to end. Texts already sent keep the kind they were sent as.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("chat", "0009_queued_tasks_follow_their_code"),
    ]

    operations = [
        migrations.AlterField(
            model_name="outgoingtext",
            name="kind",
            field=models.CharField(
                choices=[
                    ("reply", "A message from their PA, by text"),
                    ("nudge", "A message is waiting on the website"),
                    ("reminder", "A reminder about something they booked"),
                    ("place", "A place came free on something they were waiting for"),
                ],
                max_length=10,
            ),
        ),
    ]
