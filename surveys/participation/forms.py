"""The participation team adds something a young person took part in away from the portal."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone

from surveys.models import ActivityKind, ParticipationEntry


class ParticipationEntryForm(forms.ModelForm):
    """The participation team adds something a young person took part in away from the portal."""

    class Meta:
        model = ParticipationEntry
        fields = ["kind", "title", "took_part_on"]
        labels = {"kind": "What kind of thing", "title": "What it was", "took_part_on": "When"}
        help_texts = {
            "title": "A few words the young person will understand: they see this on their "
            "record. For example 'Interview panel for a new PA'.",
            "took_part_on": "For example 14 10 2026. Use the date it happened.",
        }
        widgets = {
            "kind": forms.RadioSelect,
            "took_part_on": forms.DateInput(attrs={"type": "date"}),
        }
        error_messages = {
            "kind": {"required": "Choose what kind of thing it was"},
            "title": {
                "required": "Say what it was",
                "max_length": "Keep it under 160 characters",
            },
            "took_part_on": {
                "required": "Give the date it happened",
                "invalid": "Give a real date, for example 14 10 2026",
            },
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Radios, so no "---------" choice: nothing ticked already says "not chosen yet".
        self.fields["kind"].choices = ActivityKind.choices

    def clean_took_part_on(self) -> datetime.date:
        day = self.cleaned_data["took_part_on"]
        if day > timezone.localdate():
            raise forms.ValidationError("That date is in the future. Add it once it has happened.")
        if day.year < 2000:
            raise forms.ValidationError("Give a date from 2000 onwards.")
        return day

    def clean_title(self) -> str:
        return " ".join(self.cleaned_data["title"].split())
