"""Booking a session (young people) and recording who came (the host, the participation team
and managers): plain fields that work with JavaScript off."""

from __future__ import annotations

from django import forms
from django.http import QueryDict

from surveys.forms import NOT_TEXT, only_text
from surveys.models import QUESTION_MAX, Booking


class BookingForm(forms.Form):
    """Booking a session: help with travel, and a question in advance, with or without a name.
    Every POST to the booking page goes through this (issue 15, finding 5)."""

    travel_help_needed = forms.BooleanField(required=False)
    question = forms.CharField(
        required=False,
        max_length=QUESTION_MAX,
        validators=[only_text],
        error_messages={
            "max_length": f"Keep your question under {QUESTION_MAX} characters.",
            "null_characters_not_allowed": NOT_TEXT,
        },
    )
    question_anonymous = forms.BooleanField(required=False)


class AttendanceForm(forms.Form):
    """Who came to a session: one "came" / "did not come" choice per person with a place.

    Built from the session's own bookings, so a field for any other id (another session's, one
    too big for the database, not a number at all) is not a field here and is ignored."""

    CHOICES = [("yes", "Came"), ("no", "Did not come")]

    def __init__(self, data: QueryDict | None = None, *, coming: list[Booking]) -> None:
        super().__init__(data)
        self.coming = coming
        for booking in coming:
            self.fields[self.field_name(booking)] = forms.ChoiceField(
                choices=self.CHOICES,
                required=False,
                label=f"Did {booking.person.display_name} come?",
                error_messages={"invalid_choice": "Choose Came or Did not come."},
            )

    @staticmethod
    def field_name(booking: Booking) -> str:
        return f"came-{booking.pk}"

    def came(self) -> dict[int, bool]:
        """Booking id to whether they came, for the people a choice was made for."""
        return {
            booking.pk: self.cleaned_data[self.field_name(booking)] == "yes"
            for booking in self.coming
            if self.cleaned_data.get(self.field_name(booking))
        }
