"""Sign-in forms (allauth's, with our labels and audit) and the young person's own settings."""

from __future__ import annotations

from allauth.account.forms import ConfirmLoginCodeForm, LoginForm, RequestLoginCodeForm
from allauth.core import context
from django import forms

from portal.people.choices import ContactPreference
from portal.people.models import SignInEvent, YoungPersonProfile
from portal.people.signin_audit import record_sign_in_event


class SignInForm(LoginForm):
    """Username or mobile number, and a password."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        login = self.fields["login"]
        login.label = "Username or mobile number"
        login.widget.attrs.update(
            {"autocomplete": "username", "autocapitalize": "none", "spellcheck": "false"}
        )
        login.widget.attrs.pop("placeholder", None)
        password = self.fields["password"]
        password.widget.attrs.pop("placeholder", None)
        password.help_text = ""


class RequestCodeForm(RequestLoginCodeForm):
    """Ask for a sign-in code by text."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        phone = self.fields["phone"]
        phone.label = "Your mobile number"
        phone.help_text = "The number your Personal Adviser (PA) has for you, like 07700 900123."


class ConfirmCodeForm(ConfirmLoginCodeForm):
    """Type the 6-digit code from the text. A wrong code is recorded in the audit trail."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        code = self.fields["code"]
        code.label = "Sign-in code"
        code.help_text = "The 6 numbers in the text we sent you."
        code.widget.attrs.update({"inputmode": "numeric", "pattern": "[0-9 ]*"})
        code.widget.attrs.pop("placeholder", None)

    def clean_code(self) -> str:
        try:
            return super().clean_code()
        except forms.ValidationError:
            record_sign_in_event(
                outcome=SignInEvent.Outcome.CODE_FAILED, request=context.request, method="code"
            )
            raise


class ContactPreferenceForm(forms.ModelForm):
    """A young person changes how they like to be contacted."""

    contact_preference = forms.ChoiceField(
        label="How would you like your Personal Adviser (PA) to get in touch?",
        choices=ContactPreference.choices,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = YoungPersonProfile
        fields = ["contact_preference"]


class AllocateAdviserForm(forms.Form):
    """A manager picks the PA for a young person from the PAs in their teams."""

    adviser = forms.ModelChoiceField(
        label="Personal Adviser (PA)",
        queryset=None,
        empty_label=None,
        error_messages={"invalid_choice": "Choose a Personal Adviser (PA) from your team."},
    )

    def __init__(self, *args, advisers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = advisers
        self.fields["adviser"].label_from_instance = lambda user: user.display_name
