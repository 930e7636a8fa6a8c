# Issue 16: safeguarding alerts move to chat/safeguarding/models.py (same app, same table) and
# gain a severity, the evidence for why they fired, a named acknowledgement, escalation, and a
# close (the old "handled" columns, renamed). Old category codes take the new names.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

OLD_TO_NEW = {"domestic_violence": "domestic_abuse", "homeless_tonight": "homelessness"}


def rename_categories(apps, schema_editor, mapping=OLD_TO_NEW):
    SafeguardingAlert = apps.get_model("chat", "SafeguardingAlert")
    for alert in SafeguardingAlert.objects.all().only("pk", "categories").iterator():
        renamed = list(dict.fromkeys(mapping.get(code, code) for code in alert.categories))
        if renamed != alert.categories:
            SafeguardingAlert.objects.filter(pk=alert.pk).update(categories=renamed)


def rename_categories_back(apps, schema_editor):
    rename_categories(apps, schema_editor, mapping={new: old for old, new in OLD_TO_NEW.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("chat", "0007_outgoingtext_reminder_kind"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RenameField("safeguardingalert", "handled_by", "closed_by"),
        migrations.RenameField("safeguardingalert", "handled_at", "closed_at"),
        migrations.RenameField("safeguardingalert", "handled_note", "closed_note"),
        migrations.AlterField(
            model_name="safeguardingalert",
            name="closed_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="alerts_closed",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="safeguardingalert",
            name="severity",
            field=models.CharField(
                choices=[
                    ("immediate", "Immediate danger"),
                    ("high", "High"),
                    ("concern", "Concern"),
                ],
                default="high",
                max_length=10,
            ),
        ),
        migrations.AddField(
            model_name="safeguardingalert",
            name="evidence",
            field=models.JSONField(default=list, help_text="Why it fired, for staff."),
        ),
        migrations.AddField(
            model_name="safeguardingalert",
            name="acknowledged_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="alerts_acknowledged",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="safeguardingalert",
            name="acknowledged_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AddField(
            model_name="safeguardingalert",
            name="escalation_level",
            field=models.PositiveSmallIntegerField(
                choices=[
                    (0, "Their PA and manager told"),
                    (1, "Passed to the duty team"),
                    (2, "Passed to the service managers"),
                ],
                default=0,
            ),
        ),
        migrations.AddField(
            model_name="safeguardingalert",
            name="escalated_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.AlterModelOptions(
            name="safeguardingalert",
            options={
                "ordering": ["-created_at"],
                "permissions": [
                    ("view_all_alerts", "Can see and acknowledge every safeguarding alert")
                ],
            },
        ),
        migrations.RunPython(rename_categories, rename_categories_back),
    ]
