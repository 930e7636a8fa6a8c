"""The only code that changes participation records: the entries the participation team adds
for what happened away from the portal, and takes back when added by mistake.

Surveys answered and sessions attended are never written here: a record reads them from what
the young person did (`surveys.participation.selectors`). Removing an entry is a member of
staff changing a young person's record, so it goes in the audit trail (`StaffAccess`), like
every other staff action on a young person's data.
"""

from __future__ import annotations

import datetime
import logging

from django.db import transaction

from portal.people.models import StaffAccess, User
from portal.people.roles import NotAllowed
from surveys.models import ActivityKind, ParticipationEntry
from surveys.participation.selectors import can_add_entries, can_remove_entries

logger = logging.getLogger(__name__)


@transaction.atomic
def add_entry(
    *, by: User, person: User, kind: ActivityKind, title: str, took_part_on: datetime.date
) -> ParticipationEntry:
    """The participation team records something a young person took part in. The entry itself
    says who added it and when. Raises `NotAllowed` for anyone else."""
    if not can_add_entries(by):
        raise NotAllowed("Only the participation team adds to participation records.")
    if not person.is_young_person:
        raise ValueError("Participation records are for young people.")
    return ParticipationEntry.objects.create(
        person=person, kind=kind, title=title.strip(), took_part_on=took_part_on, added_by=by
    )


@transaction.atomic
def remove_entry(*, by: User, entry: ParticipationEntry) -> None:
    """Take back an entry added by mistake, and record who did it in the audit trail (the entry,
    which said who added it, is gone). Surveys and sessions cannot be removed here: they come
    from what the young person did. Raises `NotAllowed` for anyone but the participation team."""
    if not can_remove_entries(by):
        raise NotAllowed("Only the participation team removes entries.")
    profile = getattr(entry.person, "young_person", None)
    logger.info(
        "Participation entry %s (%s, %s) removed from user %s's record by user %s",
        entry.pk,
        entry.kind,
        entry.took_part_on,
        entry.person_id,
        by.pk,
    )
    if profile is not None:
        # Read on the staff home as "<staff> opened <young person>'s <what>".
        StaffAccess.objects.create(
            staff=by, young_person=profile, what="participation record: removed an entry"
        )
    entry.delete()
