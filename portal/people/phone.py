"""Mobile numbers as young people type them ("07700 900123") stored as E.164 ("+447700900123")."""

from __future__ import annotations

import phonenumbers
from django import forms
from django.conf import settings


def normalise_mobile(value: str) -> str | None:
    """Return the E.164 form of a valid number typed in UK or international style, else None."""
    try:
        number = phonenumbers.parse(value, settings.PHONENUMBER_DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


class MobileNumberField(forms.CharField):
    """A form field that accepts a UK mobile in any usual spelling and cleans it to E.164."""

    default_error_messages = {
        "invalid": "Enter a UK mobile number, like 07700 900123, or one starting with +.",
    }

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("label", "Mobile number")
        kwargs.setdefault("max_length", 32)
        kwargs.setdefault(
            "widget",
            forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
        )
        super().__init__(**kwargs)

    def clean(self, value: str) -> str:
        value = super().clean(value)
        if not value:
            return value
        e164 = normalise_mobile(value)
        if e164 is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return e164
