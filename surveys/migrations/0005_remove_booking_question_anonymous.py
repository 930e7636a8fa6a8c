# A migration of its own, so the rows 0004 moved are committed before the column goes (PostgreSQL
# refuses to alter a table with pending trigger events in the same transaction).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('surveys', '0004_anonymous_answers_held_in_groups'),
    ]

    operations = [
        migrations.RemoveField(
            model_name='booking',
            name='question_anonymous',
        ),
    ]
