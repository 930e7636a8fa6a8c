"""Sign-in forms (allauth's, with our labels and audit) and the young person's own settings."""

from __future__ import annotations

from allauth.account.adapter import get_adapter
from allauth.account.forms import (
    ChangePhoneForm,
    ConfirmLoginCodeForm,
    LoginForm,
    RequestLoginCodeForm,
)
from allauth.account.internal.stagekit import unstash_login
from allauth.core import context, ratelimit
from django import forms

from portal.people import codes, services
from portal.people.choices import ContactPreference
from portal.people.models import SignInEvent, User, YoungPersonProfile


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

    def clean_phone(self) -> str:
        """allauth's checks, then the number's daily limit: the same answer whether or not the
        number has an account, so the form cannot be used to find out."""
        phone = super().clean_phone()
        if phone and not codes.may_text_code_to(phone):
            _record_code_not_sent(phone, user=getattr(self, "_user", None))
            raise forms.ValidationError(codes.daily_limit_message(), code="daily_limit")
        return phone


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
            code = super().clean_code()
            login = unstash_login(context.request, peek=True)
            user = login.user if login is not None else None
            # The code matches this session's; it must also be the account's newest, so that
            # a code asked for in another session (or before a newer one) no longer works.
            if user is None or not codes.is_live_sign_in_code(user=user, code=self.expected_code):
                raise get_adapter().validation_error("code_replaced")
        except forms.ValidationError:
            services.record_sign_in_event(
                outcome=SignInEvent.Outcome.CODE_FAILED, request=context.request, method="code"
            )
            raise
        services.forget_sign_in_code(user=user)
        return code


class ChangeMobileForm(ChangePhoneForm):
    """A signed-in young person adds or changes their mobile; a code is texted to check it.

    Before anything is sent: the number's daily limit, and allauth's own limit of one code a
    number every 30 seconds (which it enforces by raising an error that would be a server
    error here). A number checked on someone else's account passes, and the adapter then sends
    nothing, so that this form says nothing about whose number it is (issue 15, finding 9)."""

    def clean_phone(self) -> str:
        phone = super().clean_phone()
        if not codes.may_text_code_to(phone):
            _record_code_not_sent(phone, user=self.user)
            raise forms.ValidationError(codes.daily_limit_message(), code="daily_limit")
        if not ratelimit.consume(context.request, action="verify_phone", key=phone, dry_run=True):
            raise get_adapter().validation_error("rate_limited")
        return phone


def _record_code_not_sent(phone: str, *, user: User | None) -> None:
    services.record_sign_in_event(
        outcome=SignInEvent.Outcome.CODE_NOT_SENT,
        request=context.request,
        user=user,
        identifier=phone,
        method="code",
    )


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
        error_messages={
            "required": "Choose a Personal Adviser (PA).",
            "invalid_choice": "Choose a Personal Adviser (PA) from your team.",
        },
    )

    def __init__(self, *args, advisers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["adviser"].queryset = advisers
        self.fields["adviser"].label_from_instance = lambda user: user.display_name
