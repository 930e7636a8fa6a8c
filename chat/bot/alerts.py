"""Safeguarding alerts: telling people at once when a young person's message reads as a risk.

Who is told: the young person's PA and their team's manager, in the portal (an alert on their
alerts page and live on any staff page following the conversation), and the duty team by email
when `PORTAL_DUTY_EMAIL` is set. A young person with no PA yet: the managers who answer their
messages (`portal.people.unallocated`: their team's manager, else every service manager). The
email says only that there is an alert and where to read it, never the young person's words or
name: email leaves the council's systems.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from chat.bot.models import AskChannel, Question, SafeguardingAlert
from chat.bot.safeguarding import CATEGORIES, Assessment
from portal import unavailable
from portal.people import unallocated
from portal.people.models import User, YoungPersonProfile

logger = logging.getLogger("portal.safeguarding")


def crisis_contacts() -> str:
    out_of_hours = settings.PORTAL["OUT_OF_HOURS_PHONE"]
    return (
        "If you are in danger or hurt, call 999 now. You can talk to Samaritans any time on "
        "116 123 (free), or text SHOUT to 85258 (free). The council's out-of-hours team: "
        f"{out_of_hours}."
    )


def people_to_tell(profile: YoungPersonProfile | None) -> list[User]:
    """Who is told in the portal. Someone with no PA yet is not left with nobody: the managers
    answering their messages are told (issue 15, finding 8)."""
    if profile is None:
        return []
    if profile.personal_adviser_id is None:
        return unallocated.managers_answering(profile)
    adviser = profile.personal_adviser
    people = [adviser]
    staff = getattr(adviser, "staff_profile", None)
    manager = staff.team.manager if staff and staff.team_id and staff.team.manager_id else None
    if manager is not None and manager.pk != adviser.pk:
        people.append(manager)
    return people


def raise_alert(
    assessment: Assessment,
    *,
    text: str,
    profile: YoungPersonProfile | None,
    channel: AskChannel,
    message=None,
    question: Question | None = None,
    from_number: str = "",
) -> SafeguardingAlert:
    """Record the alert and tell people, once the caller's transaction commits."""
    alert = SafeguardingAlert.objects.create(
        young_person=profile,
        from_number=from_number,
        channel=channel,
        text=text,
        categories=list(assessment.categories),
        phrases=[risk.phrase for risk in assessment.risks],
        message=message,
        question=question,
    )
    told = people_to_tell(profile)
    alert.told.set(told)
    duty = settings.PORTAL.get("DUTY_EMAIL", "")
    if duty:
        alert.duty_emailed_to = duty
        alert.save(update_fields=["duty_emailed_to"])
    logger.warning("Safeguarding alert %s raised (%s)", alert.pk, ", ".join(alert.categories))
    transaction.on_commit(lambda: _tell(alert, duty))
    return alert


def labels(categories: list[str]) -> list[str]:
    return [CATEGORIES.get(code, code) for code in categories]


def _tell(alert: SafeguardingAlert, duty: str) -> None:
    link = settings.PUBLIC_BASE_URL + reverse("chat:alert", args=[alert.pk])
    if duty:
        try:
            send_mail(
                subject="Safeguarding alert from the care leaver portal",
                message=(
                    "A message on the care leaver portal reads as a risk to a young person. "
                    f"Please read it now and act: {link}\n\n"
                    "The young person's PA or, if they have none yet, the managers answering "
                    "their messages have been told in the portal too."
                ),
                from_email=None,
                recipient_list=[duty],
            )
        except Exception:  # the alert stands in the portal even if email is down
            logger.exception("Could not email the duty team about alert %s", alert.pk)
    if alert.young_person_id is None:
        return
    conversation = getattr(alert.young_person, "conversation", None)
    if conversation is None:
        return
    event = {
        "type": "chat.alert",
        "alert": {
            "id": alert.pk,
            "conversation": conversation.pk,
            "categories": labels(alert.categories),
            "url": reverse("chat:alert", args=[alert.pk]),
        },
    }
    # Best effort: the alert stands without Redis, on the alerts page, and the young person's
    # reply (the crisis contacts) must not fail because a live screen could not be told.
    unavailable.group_send_or_log(conversation.group_name, event)
