"""Safeguarding's write path: screening a message, raising an alert, acknowledging, closing
and escalating it. The only code that publishes alert events (after commit).

`screen_message` is called exactly once for every message a young person writes, by the
intake (`chat.services.post_message` and `chat.bot.services.ask`), never by an edge. A text
from a number no young person has is screened by `receive_unknown_text`, the one service the
texts webhook calls for it.

Who is told: the young person's PA and their team's manager (or, with no PA yet, the managers
answering them), live on their staff sockets and in their alert queue, and the duty team by
email when `PORTAL_DUTY_EMAIL` is set. An immediate or high alert nobody acknowledges within
`PORTAL["ALERT_ACK_MINUTES"]` goes to the duty team, then to the service managers
(`escalate`, run by the task worker; `escalate_overdue` is the cron sweep behind it). The
email says only that there is an alert and where to read it, never the young person's words
or name: email leaves the council's systems.
"""

from __future__ import annotations

import dataclasses
import datetime
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from chat.bot.models import AskChannel, Question
from chat.safeguarding import selectors
from chat.safeguarding.crisis import HIGH, IMMEDIATE, CrisisReply, crisis_reply
from chat.safeguarding.detector import CATEGORIES, Assessment, assess
from chat.safeguarding.models import EscalationLevel, SafeguardingAlert
from portal import unavailable
from portal.people.models import StaffAccess, User, YoungPersonProfile
from portal.people.roles import NotAllowed

logger = logging.getLogger("portal.safeguarding")

# The task worker's queue for escalations (`manage.py db_worker --backend texts --queue-name
# texts,safeguarding`).
SAFEGUARDING = {"backend": "texts", "queue_name": "safeguarding"}
URGENT = (IMMEDIATE, HIGH)  # the severities that are escalated when nobody acknowledges them


class AlertError(Exception):
    """A refusal each edge turns into its own answer (a message on the alert's page)."""


class AlreadyAcknowledged(AlertError):
    pass


class AlreadyClosed(AlertError):
    pass


class NoteNeeded(AlertError):
    pass


@dataclass(frozen=True)
class Screening:
    """What screening found in one message: the detector's assessment (categories, severity,
    evidence) and, when it is a risk, the crisis reply each edge renders in its own form."""

    assessment: Assessment
    crisis: CrisisReply | None

    @property
    def at_risk(self) -> bool:
        return self.assessment.at_risk

    @property
    def severity(self) -> str | None:
        return self.assessment.severity

    @property
    def categories(self) -> tuple[str, ...]:
        return self.assessment.categories

    @property
    def evidence(self) -> list[str]:
        return self.assessment.evidence

    def told(self, words: str) -> Screening:
        """The same screening, its crisis reply saying who was told ("I've told Sam...")."""
        if self.crisis is None or not words:
            return self
        return dataclasses.replace(self, crisis=dataclasses.replace(self.crisis, told=words))


NOT_SCREENED = Screening(Assessment(()), None)


def screen_message(text: str, *, context: Sequence[str] = ()) -> Screening:
    """Read one message (with up to three earlier ones from the same young person, oldest
    first) for risk. Pure: stores nothing and tells nobody; the intake raises the alert."""
    assessment = assess(text, context=tuple(context)[-3:])
    if not assessment.at_risk:
        return Screening(assessment, None)
    return Screening(assessment, crisis_reply(assessment.severity, assessment.categories))


def told_words(profile: YoungPersonProfile | None, alert: SafeguardingAlert | None) -> str:
    """What the crisis reply says about who knows now."""
    adviser = profile.personal_adviser if profile is not None else None
    if adviser is not None:
        return f"I've told {adviser.short_name}, your PA, now."
    if alert is not None and profile is not None and alert.told.exists():
        return "I've told the leaving care team's managers now."
    return ""


def ack_minutes() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.PORTAL["ALERT_ACK_MINUTES"])


def raise_alert(
    screening: Screening,
    *,
    text: str,
    profile: YoungPersonProfile | None,
    channel: AskChannel | str,
    message=None,
    question: Question | None = None,
    from_number: str = "",
) -> SafeguardingAlert:
    """Record the alert and who is told; once the caller's transaction commits, tell them
    (their staff sockets, the duty mailbox). An immediate or high alert also gets its
    escalation waiting on the task worker, in the same transaction."""
    assessment = screening.assessment
    alert = SafeguardingAlert.objects.create(
        young_person=profile,
        from_number=from_number[:32],
        channel=channel,
        text=text,
        categories=list(assessment.categories),
        phrases=[risk.phrase for risk in assessment.risks],
        severity=assessment.severity,
        evidence=list(assessment.evidence),
        message=message,
        question=question,
    )
    # Immediate danger does not wait ten minutes for the duty team: they hear at once, with
    # the PA and manager (the escalation to service managers still runs if nobody acknowledges).
    at_once = EscalationLevel.DUTY if alert.severity == IMMEDIATE else EscalationLevel.TOLD
    told = selectors.who_to_tell(profile, at_once)
    alert.told.set(told)
    duty = settings.PORTAL.get("DUTY_EMAIL", "")
    if duty:
        alert.duty_emailed_to = duty
        alert.save(update_fields=["duty_emailed_to"])
    if alert.severity in URGENT:
        _enqueue_escalation(alert.pk, alert.created_at + ack_minutes())
    logger.warning(
        "Safeguarding alert %s raised (%s, %s)",
        alert.pk,
        alert.severity,
        ", ".join(alert.categories),
    )
    people = [person.pk for person in told]
    transaction.on_commit(lambda: _tell(alert.pk, people, email_to=duty))
    return alert


def _enqueue_escalation(alert_id: int, when: datetime.datetime) -> None:
    escalate_alert.using(run_after=when).enqueue(alert_id)


def alert_event(alert: SafeguardingAlert) -> dict:
    """What a staff socket is sent: an `alert` frame (the contract's frame type for staff)."""
    conversation = getattr(alert.young_person, "conversation", None) if alert.young_person else None
    return {
        "type": "chat.alert",
        "alert": {
            "id": alert.pk,
            "conversation": conversation.pk if conversation is not None else None,
            "categories": [CATEGORIES.get(code, code) for code in alert.categories],
            "severity": alert.severity,
            "severity_label": alert.severity_label,
            "escalation_level": alert.escalation_level,
            "url": alert.get_absolute_url(),
        },
    }


def _tell(alert_id: int, people: list[int], *, email_to: str = "", escalated: bool = False):
    """After commit: each person told gets the alert on their staff sockets (best effort: the
    alert stands in their queue without Redis), and the duty mailbox an email."""
    alert = SafeguardingAlert.objects.select_related("young_person__conversation").get(pk=alert_id)
    if email_to:
        _email(alert, email_to, escalated=escalated)
    event = alert_event(alert)
    for user_id in people:
        unavailable.group_send_or_log(selectors.staff_group_name(user_id), event)


def _email(alert: SafeguardingAlert, to: str, *, escalated: bool) -> None:
    link = settings.PUBLIC_BASE_URL + alert.get_absolute_url()
    if escalated:
        minutes = settings.PORTAL["ALERT_ACK_MINUTES"]
        subject = "Safeguarding alert not acknowledged: please act now"
        body = (
            f"A safeguarding alert on the care leaver portal ({alert.severity_label.lower()}) "
            f"has not been acknowledged for {minutes * alert.escalation_level} minutes. "
            f"{alert.get_escalation_level_display()}. Please read it and acknowledge it now: "
            f"{link}"
        )
    else:
        subject = "Safeguarding alert from the care leaver portal"
        body = (
            "A message on the care leaver portal reads as a risk to a young person "
            f"({alert.severity_label.lower()}). Please read it now and act: {link}\n\n"
            "The young person's PA or, if they have none yet, the managers answering "
            "their messages have been told in the portal too."
        )
    try:
        send_mail(subject=subject, message=body, from_email=None, recipient_list=[to])
    except Exception:  # the alert stands in the portal even if email is down
        logger.exception("Could not email the duty team about alert %s", alert.pk)


def _locked(alert: SafeguardingAlert | int, by: User) -> SafeguardingAlert:
    pk = alert if isinstance(alert, int) else alert.pk
    if not selectors.alerts_visible_to(by).filter(pk=pk).exists():
        raise NotAllowed("This alert is not one you can act on.")
    return (
        SafeguardingAlert.objects.select_for_update(of=("self",))
        .select_related("young_person")
        .get(pk=pk)
    )


def _audit(by: User, alert: SafeguardingAlert, what: str) -> None:
    """Staff acting on a young person's alert goes in the one audit trail of staff reads and
    actions (`StaffAccess`), whoever they are. A text from an unknown number has no young
    person: the alert's own named fields are its record."""
    logger.info("Safeguarding alert %s: %s by user %s", alert.pk, what, by.pk)
    if alert.young_person_id is not None:
        StaffAccess.objects.create(staff=by, young_person=alert.young_person, what=what[:60])


def _refuse_if_done(alert: SafeguardingAlert, *, acknowledging: bool) -> None:
    if alert.closed_at is not None:
        who = alert.closed_by.display_name if alert.closed_by else "someone"
        raise AlreadyClosed(f"{who} already closed this alert at {alert.closed_at:%H:%M}.")
    if acknowledging and alert.acknowledged_at is not None:
        who = alert.acknowledged_by.display_name if alert.acknowledged_by else "someone"
        raise AlreadyAcknowledged(
            f"{who} already acknowledged this alert at {alert.acknowledged_at:%H:%M}."
        )


@transaction.atomic
def acknowledge(alert: SafeguardingAlert | int, by: User) -> SafeguardingAlert:
    """A named member of staff says they have the alert and are acting on it. Under a row
    lock, so of two people acknowledging at once one wins and the other is told who did
    (`AlreadyAcknowledged`). Stops the escalation. Audited."""
    locked = _locked(alert, by)
    _refuse_if_done(locked, acknowledging=True)
    locked.acknowledged_by = by
    locked.acknowledged_at = timezone.now()
    locked.save(update_fields=["acknowledged_by", "acknowledged_at"])
    _audit(by, locked, "acknowledged safeguarding alert")
    return locked


@transaction.atomic
def close(alert: SafeguardingAlert | int, by: User, note: str) -> SafeguardingAlert:
    """Close the alert with what was done. An alert closed before anyone acknowledged it is
    acknowledged by the same person. Under a row lock; a second close is refused
    (`AlreadyClosed`). Audited."""
    note = (note or "").strip()
    if not note:
        raise NoteNeeded("Say what you did, for the record.")
    locked = _locked(alert, by)
    _refuse_if_done(locked, acknowledging=False)
    now = timezone.now()
    fields = ["closed_by", "closed_at", "closed_note"]
    if locked.acknowledged_at is None:
        locked.acknowledged_by, locked.acknowledged_at = by, now
        fields += ["acknowledged_by", "acknowledged_at"]
    locked.closed_by, locked.closed_at, locked.closed_note = by, now, note[:2000]
    locked.save(update_fields=fields)
    _audit(by, locked, "closed safeguarding alert")
    return locked


def escalate(alert_id: int, now: datetime.datetime | None = None) -> str:
    """Pass an immediate or high alert nobody has acknowledged to the next people: after
    `ALERT_ACK_MINUTES` from when it was raised, the duty team; after as many again, the
    service managers. Each is told live and the duty mailbox by email. Called by the task
    worker (`escalate_alert`, enqueued for when it falls due) and by the sweep; safe to
    call early, late or twice (it decides under a row lock). Returns what it did."""
    now = now or timezone.now()
    with transaction.atomic():
        alert = SafeguardingAlert.objects.select_for_update().filter(pk=alert_id).first()
        if alert is None:
            return "gone"
        if alert.closed_at is not None or alert.acknowledged_at is not None:
            return "acknowledged"
        if alert.severity not in URGENT:
            return "not urgent"
        if alert.escalation_level >= EscalationLevel.MANAGERS:
            return "with the managers already"
        due = (alert.escalated_at or alert.created_at) + ack_minutes()
        if now < due:
            return "not due"
        alert.escalation_level += 1
        alert.escalated_at = now
        alert.save(update_fields=["escalation_level", "escalated_at"])
        profile = (
            YoungPersonProfile.objects.select_related("personal_adviser__staff_profile__team")
            .filter(pk=alert.young_person_id)
            .first()
        )
        people = selectors.who_to_tell(profile, alert.escalation_level)
        alert.told.add(*people)
        if alert.escalation_level < EscalationLevel.MANAGERS:
            _enqueue_escalation(alert.pk, now + ack_minutes())
        level = alert.escalation_level
        logger.warning("Safeguarding alert %s not acknowledged: escalated to %s", alert.pk, level)
        duty = settings.PORTAL.get("DUTY_EMAIL", "")
        ids = [person.pk for person in people]
        transaction.on_commit(lambda: _tell(alert.pk, ids, email_to=duty, escalated=True))
    return f"escalated to level {level}"


def escalate_overdue(now: datetime.datetime | None = None) -> list[str]:
    """The sweep (`manage.py escalate_alerts`, from cron): escalate every open, unacknowledged
    immediate or high alert that is due, in case a worker was down when its task fell due."""
    now = now or timezone.now()
    cutoff = now - ack_minutes()
    overdue = SafeguardingAlert.objects.filter(
        closed_at__isnull=True,
        acknowledged_at__isnull=True,
        severity__in=URGENT,
        escalation_level__lt=EscalationLevel.MANAGERS,
    ).filter(Q(escalated_at__isnull=True, created_at__lte=cutoff) | Q(escalated_at__lte=cutoff))
    due = overdue.order_by("created_at").values_list("pk", flat=True)
    return [escalate(pk, now=now) for pk in due]


def receive_unknown_text(*, text: str, from_number: str) -> Screening:
    """A text from a number no young person has (`chat.texts`): screened here, once. A risk
    raises an alert with the number (someone staff can ring back) and gets the crisis reply."""
    screening = screen_message(text)
    if screening.at_risk:
        raise_alert(
            screening, text=text, profile=None, channel=AskChannel.SMS, from_number=from_number
        )
    return screening


@task(**SAFEGUARDING)
def escalate_alert(alert_id: int) -> str:
    """The worker's task, enqueued when an immediate or high alert is raised, to run when it
    falls due. Declared here, beside the service that enqueues it, so the two need no import
    of each other; tests call `escalate` directly with a fake clock."""
    return escalate(alert_id)
