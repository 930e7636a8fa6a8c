"""The only code that changes participation records: the entries the participation team adds
for what happened away from the portal, and takes back when added by mistake.

Surveys answered and sessions attended are never written here: a record reads them from what
the young person did (`surveys.participation.selectors`).
"""

from __future__ import annotations

import datetime

from django.db import transaction

from portal.people.models import User
from portal.people.roles import NotAllowed
from surveys.models import ActivityKind, ParticipationEntry
from surveys.participation.selectors import can_add_entries, can_remove_entries


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
    """Take back an entry added by mistake. Surveys and sessions cannot be removed here: they
    come from what the young person did. Raises `NotAllowed` for anyone but the participation
    team."""
    if not can_remove_entries(by):
        raise NotAllowed("Only the participation team removes entries.")
    entry.delete()
