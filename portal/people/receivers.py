"""Signal receivers for people: keep role groups in step after migrate, audit sign-ins."""

from __future__ import annotations

from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY
from allauth.mfa.signals import authentication_failed as second_factor_failed
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_migrate
from django.dispatch import receiver

from portal.people.lockout import account_for_login
from portal.people.models import SignInEvent
from portal.people.services import record_sign_in_event, sync_roles


@receiver(post_migrate, dispatch_uid="people_sync_roles")
def create_role_groups(sender, app_config=None, **kwargs) -> None:
    # Once per migrate. Every migration has run by now; sync_roles makes any permission that
    # the other apps' own post_migrate handlers have not made yet.
    if app_config is not None and app_config.label == "people":
        sync_roles()


@receiver(user_logged_in, dispatch_uid="people_audit_signed_in")
def audit_signed_in(sender, request, user, **kwargs) -> None:
    method = ""
    if request is not None and hasattr(request, "session"):
        records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY) or []
        method = "+".join(dict.fromkeys(r.get("method", "") for r in records if r.get("method")))
    record_sign_in_event(
        outcome=SignInEvent.Outcome.SIGNED_IN, request=request, user=user, method=method
    )


@receiver(user_logged_out, dispatch_uid="people_audit_signed_out")
def audit_signed_out(sender, request, user, **kwargs) -> None:
    if user is not None:
        # "idle": StaffIdleTimeoutMiddleware signed them out, not they themselves.
        method = getattr(request, "signed_out_because", "")
        record_sign_in_event(
            outcome=SignInEvent.Outcome.SIGNED_OUT, request=request, user=user, method=method
        )


@receiver(user_login_failed, dispatch_uid="people_audit_failed")
def audit_failed(sender, credentials, request=None, **kwargs) -> None:
    identifier = str(credentials.get("phone") or credentials.get("username") or "")
    record_sign_in_event(
        outcome=SignInEvent.Outcome.FAILED,
        request=request,
        # The account it was aimed at, if the username or number is one we know (verified or
        # not), so that the people who look after that account can see the attempts.
        user=account_for_login(identifier, verified_only=False),
        identifier=identifier,
        method="password",
    )


@receiver(second_factor_failed, dispatch_uid="people_audit_second_factor_failed")
def audit_second_factor_failed(sender, request, user, **kwargs) -> None:
    record_sign_in_event(
        outcome=SignInEvent.Outcome.SECOND_FACTOR_FAILED,
        request=request,
        user=user,
        method="totp",
    )
