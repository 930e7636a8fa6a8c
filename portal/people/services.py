"""The only code that changes people's records: profiles, PAs, the record of staff reads, the
sign-in audit trail, sign-in codes and the role groups. Views, the allauth adapter, forms and
signal receivers call these; nothing else writes.
"""

from __future__ import annotations

import logging

from allauth.core.internal.httpkit import get_client_ip
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from portal.people import codes, selectors
from portal.people.choices import ContactPreference
from portal.people.models import (
    AdviserAllocation,
    SignInCode,
    SignInEvent,
    StaffAccess,
    User,
    YoungPersonProfile,
)
from portal.people.roles import GROUP_NAMES, ROLE_PERMISSIONS, NotAllowed

logger = logging.getLogger("portal.people.signin")


# --- Profiles ---------------------------------------------------------------------------------


@transaction.atomic
def set_contact_preference(
    *, profile: YoungPersonProfile, preference: ContactPreference
) -> YoungPersonProfile:
    """A young person changes how they like to be contacted. Called by My page's form."""
    profile.contact_preference = preference
    profile.save(update_fields=["contact_preference", "updated_at"])
    return profile


@transaction.atomic
def set_mobile(*, user: User, phone: str, verified: bool) -> bool:
    """Put an E.164 number on a young person's profile; returns whether it was stored.

    Called by the allauth adapter when a number is added, changed or proved by a texted code.
    A proved number belongs to whoever proved it: it is taken off any profile where it sat
    unproved (a PA's typo, or a number that changed hands). An unproved number never takes a
    number from anyone else.
    """
    profile = YoungPersonProfile.objects.select_for_update().filter(user=user).first()
    if profile is None:
        return False
    holders = YoungPersonProfile.objects.filter(mobile=phone).exclude(pk=profile.pk)
    if verified:
        if holders.filter(mobile_verified=True).exists():
            return False
        holders.update(mobile=None, mobile_verified=False)
    elif holders.exists():
        return False
    profile.mobile = phone
    profile.mobile_verified = verified
    profile.save(update_fields=["mobile", "mobile_verified", "updated_at"])
    return True


# --- Who looks after whom, and who looked -----------------------------------------------------
def record_staff_access(*, staff: User, profile: YoungPersonProfile, what: str) -> None:
    """Keep a record when staff open a young person who is not on their own caseload.

    A PA reading their own caseload is their job and is not recorded; anyone else's read is,
    so a manager can see who looked at what (safeguarding data is read on a need-to-know basis).
    """
    if profile.personal_adviser_id == staff.pk or profile.user_id == staff.pk:
        return
    StaffAccess.objects.create(staff=staff, young_person=profile, what=what)


@transaction.atomic
def allocate_adviser(
    *, manager: User, profile: YoungPersonProfile, adviser: User
) -> YoungPersonProfile:
    """A manager gives a young person a PA from one of their teams, or moves them to another.

    Called by the young person's record page and by the conversation page of a young person
    with no PA (`chat.views.allocate`). Keeps the history in `AdviserAllocation`, whose
    post_save (`chat.receivers`) re-checks the open sockets of everyone who could read or
    answer before and after. The young person joins the PA's team too, so that if the PA later
    leaves, that team's manager answers them (`unallocated`).
    """
    if not selectors.young_people_visible_to(manager).filter(pk=profile.pk).exists():
        raise NotAllowed("This young person is not in your team.")
    if not selectors.advisers_allocatable_by(manager).filter(pk=adviser.pk).exists():
        raise NotAllowed("Choose a Personal Adviser (PA) in one of your teams.")
    if profile.personal_adviser_id == adviser.pk:
        return profile
    # Created before the profile changes: `chat.receivers` reads who answered until now.
    AdviserAllocation.objects.create(
        young_person=profile,
        previous_adviser=profile.personal_adviser,
        adviser=adviser,
        allocated_by=manager,
    )
    profile.personal_adviser = adviser
    staff = getattr(adviser, "staff_profile", None)
    profile.team_id = staff.team_id if staff else profile.team_id
    profile.save(update_fields=["personal_adviser", "team", "updated_at"])
    return profile


# --- The sign-in audit trail ------------------------------------------------------------------
def record_sign_in_event(
    *,
    outcome: SignInEvent.Outcome,
    request: HttpRequest | None,
    user: User | None = None,
    identifier: str = "",
    method: str = "",
) -> SignInEvent:
    """Write one `SignInEvent` row and one log line: every sign-in, failed attempt, lockout and
    code ends up in the same place. Called by the signal receivers (Django's and allauth's),
    the account adapter and the sign-in forms."""
    user_agent = request.META.get("HTTP_USER_AGENT", "")[:300] if request is not None else ""
    event = SignInEvent.objects.create(
        outcome=outcome,
        user=user if user is not None and user.pk else None,
        identifier=(identifier or (user.username if user is not None else ""))[:150],
        method=method,
        # The caller's address as allauth sees it (it honours ALLAUTH_TRUSTED_PROXY_COUNT).
        ip_address=(get_client_ip(request) or None) if request is not None else None,
        user_agent=user_agent,
    )
    level = (
        logging.INFO
        if outcome in {event.Outcome.SIGNED_IN, event.Outcome.SIGNED_OUT}
        else logging.WARNING
    )
    logger.log(
        level,
        "sign-in %s user=%s identifier=%r method=%s ip=%s",
        outcome,
        event.user_id,
        event.identifier,
        method or "-",
        event.ip_address,
    )
    return event


# --- One live sign-in code per account (the rules: `codes`) -----------------------------------
@transaction.atomic
def remember_sign_in_code(*, user: User, code: str) -> None:
    """The code just texted is now the account's only live one: any earlier one, in whatever
    session asked for it, stops working. Called by the adapter as it texts a sign-in code."""
    SignInCode.objects.update_or_create(
        user=user,
        defaults={"code_hash": codes.code_hash(user=user, code=code), "sent_at": timezone.now()},
    )


def forget_sign_in_code(*, user: User) -> None:
    """A code signs in once: called by the code form when it has been accepted."""
    SignInCode.objects.filter(user=user).delete()


# --- Role groups ------------------------------------------------------------------------------
def sync_roles() -> None:
    """Create the role groups and give each exactly its permissions (`roles.ROLE_PERMISSIONS`).

    Called after every `migrate` (see `receivers.py`) and by the demo; safe to run again.
    """
    # Other apps' permissions may not exist yet when our post_migrate handler runs first.
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for role, group_name in GROUP_NAMES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        perms = []
        for dotted in ROLE_PERMISSIONS[role]:
            app_label, codename = dotted.split(".")
            perms.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        group.permissions.set(perms)
