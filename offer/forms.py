"""The "What can I get?" checker: three questions, in young people's words.

`CheckerForm` is the one place a question about a person is checked: the checker's page, the
API (`GET /api/entitlements`) and the `entitlements` command all ask it, so bad input gets the
same answer from each, naming the field (age, status or circumstance).
"""

from __future__ import annotations

from django import forms

from offer.eligibility import Person
from portal.people.choices import Circumstance, LeavingCareStatus

STATUS_IN_PLAIN_WORDS = [
    (LeavingCareStatus.ELIGIBLE, "I'm 16 or 17 and still in care"),
    (LeavingCareStatus.RELEVANT, "I'm 16 or 17 and I've left care"),
    (LeavingCareStatus.FORMER_RELEVANT, "I'm 18 or over and I was in care when I was 16 or 17"),
    (
        LeavingCareStatus.QUALIFYING,
        "I left care after I turned 16 in another way, for example to live with a special guardian",
    ),
]


class TickBoxes(forms.MultipleChoiceField):
    """Tick boxes, where an empty value means nothing ticked (as `circumstance=` does in a
    query string)."""

    def to_python(self, value) -> list[str]:
        return [chosen for chosen in super().to_python(value) if chosen != ""]


class CheckerForm(forms.Form):
    """Age, leaving-care status and circumstances: a `Person` for the eligibility rules."""

    age = forms.IntegerField(
        label="1. How old are you?",
        min_value=0,
        max_value=120,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input--short"}),
        error_messages={
            "required": "Tell us how old you are.",
            "invalid": "Type your age as a number, like 19.",
            "min_value": "Age can't be below 0.",
            "max_value": "Type an age of 120 or under.",
        },
    )
    status = forms.ChoiceField(
        label="2. Which of these is true for you?",
        help_text="This is your leaving-care status. Not sure? Your Personal Adviser (PA) "
        "can tell you.",
        choices=STATUS_IN_PLAIN_WORDS,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the sentence that fits you best.",
            # Only a typed URL, the API or the command can send another code.
            "invalid_choice": "Unknown status '%(value)s': use one of "
            + ", ".join(LeavingCareStatus.values)
            + ".",
        },
    )
    circumstance = TickBoxes(
        label="3. What is true for you now?",
        help_text="Tick all that apply, or none.",
        choices=Circumstance.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={
            "invalid_choice": "Unknown circumstance '%(value)s': use any of "
            + ", ".join(Circumstance.values)
            + ".",
        },
    )

    def person(self) -> Person:
        """The person the answers describe (once the form is valid)."""
        data = self.cleaned_data
        return Person(data["age"], data["status"], frozenset(data["circumstance"]))

    def first_error(self) -> tuple[str, str]:
        """The first field that is wrong, in the questions' order, and what is wrong with it:
        for the API's 400 and the command's error, which each name one field."""
        field, errors = next(iter(self.errors.items()))
        return field, errors[0]
