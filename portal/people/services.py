"""The only code that changes people's records. Views call these; nothing else writes."""

from __future__ import annotations

from django.db import transaction

from portal.people import selectors
from portal.people.choices import ContactPreference
from portal.people.models import AdviserAllocation, StaffAccess, User, YoungPersonProfile


class NotAllowed(Exception):
    """The person asking may not make this change; the edge answers 403 or a form error."""


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
