"""The only code that changes people's records. Views call these; nothing else writes."""

from __future__ import annotations

from django.db import transaction

from portal.people.choices import ContactPreference
from portal.people.models import StaffAccess, User, YoungPersonProfile


@transaction.atomic
def set_contact_preference(
    *, profile: YoungPersonProfile, preference: ContactPreference
) -> YoungPersonProfile:
    """A young person changes how they like to be contacted. Called by My page's form."""
    profile.contact_preference = preference
    profile.save(update_fields=["contact_preference", "updated_at"])
    return profile


def record_staff_access(*, staff: User, profile: YoungPersonProfile, what: str) -> None:
    """Keep a record when staff open a young person who is not on their own caseload.

    A PA reading their own caseload is their job and is not recorded; anyone else's read is,
    so a manager can see who looked at what (safeguarding data is read on a need-to-know basis).
    """
    if profile.personal_adviser_id == staff.pk or profile.user_id == staff.pk:
        return
    StaffAccess.objects.create(staff=staff, young_person=profile, what=what)
