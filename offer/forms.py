"""The "What can I get?" checker: three questions, in young people's words."""

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


class CheckerForm(forms.Form):
    age = forms.IntegerField(
        label="1. How old are you?",
        min_value=0,
        max_value=120,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input--short"}),
        error_messages={
            "required": "Tell us how old you are.",
            "invalid": "Type your age as a number, like 19.",
            "min_value": "Age can't be below 0.",
            "max_value": "Type an age under 120.",
        },
    )
    status = forms.ChoiceField(
        label="2. Which of these is true for you?",
        help_text="This is your leaving-care status. Not sure? Your Personal Adviser (PA) "
        "can tell you.",
        choices=STATUS_IN_PLAIN_WORDS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the sentence that fits you best."},
    )
    circumstance = forms.MultipleChoiceField(
        label="3. What is true for you now?",
        help_text="Tick all that apply, or none.",
        choices=Circumstance.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def person(self) -> Person:
        data = self.cleaned_data
        return Person(data["age"], data["status"], frozenset(data["circumstance"]))
