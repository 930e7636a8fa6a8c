"""Model fields the project shares."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import models


class ChoiceListField(models.JSONField):
    """A list of codes from a fixed set, stored as JSON (works on SQLite and PostgreSQL alike)
    and edited as tick boxes in forms and the Wagtail admin."""

    def __init__(self, *args, item_choices=(), **kwargs) -> None:
        self.item_choices = list(item_choices)
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def validate(self, value, model_instance) -> None:
        super().validate(value, model_instance)
        allowed = {code for code, _ in self.item_choices}
        unknown = sorted(set(value or []) - allowed)
        if unknown:
            raise ValidationError(f"Unknown choices: {', '.join(map(str, unknown))}.")

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.item_choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
        }
        defaults.update(kwargs)
        # Skip JSONField.formfield (it would force a JSON text box).
        return models.Field.formfield(self, **defaults)
