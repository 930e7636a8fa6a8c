"""Texting young people: what to send, when, and what became of it.

The one path for every outgoing text about a conversation. `post_message` records a
`Notification` when staff write to a young person who is not on the website; the worker then
calls `handle_notification`:

- they prefer texts: the message itself is texted at once (a person wrote it, so quiet hours do
  not hold it);
- they prefer the website (or a call): if they have not read it there within
  `TEXT_NUDGE_AFTER_MINUTES`, one text says a message is waiting, outside quiet hours;
- they texted STOP, or have no verified mobile: nothing is texted, and the notification says why.

`send_text` hands each part to the SMS backend. Every step is a conditional UPDATE on the
text's state, so a retry, a second worker or a repeated task cannot send a text twice; a text
whose sending was interrupted with no answer from Twilio is marked failed for a person to retry
rather than sent again blindly. A worker that dies mid-send leaves its text "sending" with no
task to finish it: `sweep_abandoned_texts` (`manage.py sweep_texts`, every few minutes) hands
it back to `send_text`, which settles it that way. `record_status` takes Twilio's status
callbacks.

The worker's tasks (`manage.py db_worker`, django-tasks-db on the portal's own database) are
`handle_notification`, `nudge` and `send_text` themselves, declared here with `@task` rather
than as wrappers in a module of their own: each is enqueued by this module (a reply queues
`send_text`, which queues itself again to retry), so wrappers elsewhere would import this
module and be imported by it. Tests run them with `.call(...)`, or through the worker's own
code (`tests.tasks.run_due_tasks`). They have their own backend and queue ("texts", see `TASKS`
in settings), so a council can run as many text workers as it needs without them picking up
anything else.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from chat.models import (
    Conversation,
    DeliveryState,
    Message,
    Notification,
    OutgoingText,
    TextPart,
    TextStatusReport,
)
from chat.texts import selectors
from portal import sms, unavailable
from portal.people.choices import ContactPreference
from portal.people.models import User, YoungPersonProfile
from portal.sms import parts, quiet_hours

logger = logging.getLogger("portal.sms")

# The worker's queue for texts: `manage.py db_worker --backend texts --queue-name texts`.
TEXTS = {"backend": "texts", "queue_name": "texts"}

MAX_ATTEMPTS = 6
# Twilio's error for a number that texted STOP to the carrier: we must not text it again.
UNSUBSCRIBED = 21610

# Twilio's statuses in the order they can happen; a callback never moves a part backwards
# (they can arrive out of order).
STATUS_ORDER = {
    TextPart.Status.UNSENT: 0,
    TextPart.Status.SENDING: 1,
    TextPart.Status.ACCEPTED: 2,
    TextPart.Status.SCHEDULED: 2,
    TextPart.Status.QUEUED: 3,
    TextPart.Status.SENT: 4,
    TextPart.Status.DELIVERED: 5,
    TextPart.Status.UNDELIVERED: 6,
    TextPart.Status.FAILED: 6,
    TextPart.Status.CANCELED: 6,
    TextPart.Status.UNKNOWN: 6,
}
BAD_ENDINGS = {
    TextPart.Status.UNDELIVERED,
    TextPart.Status.FAILED,
    TextPart.Status.CANCELED,
    TextPart.Status.UNKNOWN,
}


# What Twilio's delivery error codes mean, for the PA deciding whether to try again.
DELIVERY_ERRORS = {
    "30003": "Their phone could not be reached: it may be off or out of signal.",
    "30004": "Their phone or network blocked the text.",
    "30005": "The number is not in use any more, or does not exist.",
    "30006": "The number is a landline or cannot receive texts.",
    "30007": "The phone network filtered the text as spam.",
    "30008": "The phone network could not deliver it, and did not say why.",
}


def delivery_error(code: str) -> str:
    if not code:
        return ""
    return DELIVERY_ERRORS.get(code, f"Twilio reported error {code}.")


def backoff(attempt: int) -> datetime.timedelta:
    """30 s, 2 min, 8 min, 32 min, then hourly: a busy Twilio gets room to recover."""
    return datetime.timedelta(seconds=min(30 * 4 ** (attempt - 1), 3600))


def nudge_delay() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.PORTAL["TEXT_NUDGE_AFTER_MINUTES"])


def status_callback_url() -> str:
    return settings.PUBLIC_BASE_URL + reverse("chat:sms_status")


def reply_body(message: Message) -> str:
    """A PA's message as a text: who it is from, then their words."""
    sender = message.sender
    profile = message.conversation.young_person
    if sender is None:
        who = "Care leaver portal"
    elif sender.pk == profile.personal_adviser_id:
        who = f"{sender.preferred_name or sender.first_name or sender.display_name} (your PA)"
    else:
        who = f"{sender.display_name} (leaving care team)"
    return f"{who}: {message.body}"


def nudge_body(profile: YoungPersonProfile) -> str:
    adviser = profile.personal_adviser
    if adviser is not None:
        who = f"{adviser.preferred_name or adviser.first_name} (your PA)"
    else:  # no PA yet: a manager answered (portal.people.unallocated)
        who = "The leaving care team"
    link = settings.PUBLIC_BASE_URL + reverse("chat:my_messages")
    return (
        f"{who} has sent you a message on the care leaver portal: {link} "
        "You can also reply to this text. Text STOP to stop texts."
    )


# --- Deciding ------------------------------------------------------------------------------


def notification_recorded(notification: Notification) -> None:
    """Called by `chat.services.post_message` in the transaction that stored the message, so
    the task commits with it."""
    handle_notification.enqueue(notification.pk)


@task(**TEXTS)
def handle_notification(notification_id: int) -> str:
    """Decide how (and whether) a young person hears about a message they have not seen: the
    worker's task, enqueued by `notification_recorded`."""
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("message__conversation__young_person__user", "message__sender")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.state != Notification.State.PENDING:
            return "settled already"
        profile = notification.message.conversation.young_person
        reason = selectors.why_not_texted(profile)
        if reason:
            _settle([notification], Notification.State.NOT_TEXTED, note=reason)
            return "not texted"
        if profile.contact_preference == ContactPreference.TEXT:
            text = queue_text(
                profile,
                kind=OutgoingText.Kind.REPLY,
                body=reply_body(notification.message),
                message=notification.message,
            )
            _settle([notification], Notification.State.SENT, text=text)
            return "reply queued"
        due = quiet_hours.next_allowed(notification.created_at + nudge_delay())
        nudge.using(run_after=due).enqueue(profile.user_id)
        return "nudge planned"


@task(**TEXTS)
def nudge(user_id: int) -> str:
    """One text saying messages are waiting, if any of this young person's are still unread:
    the worker's task, planned by `handle_notification` for after the nudge delay."""
    with transaction.atomic():
        pending = list(
            Notification.objects.select_for_update()
            .filter(recipient_id=user_id, state=Notification.State.PENDING)
            .order_by("pk")
        )
        if not pending:
            return "nothing waiting"
        profile = YoungPersonProfile.objects.select_related("user", "personal_adviser").get(
            user_id=user_id
        )
        reason = selectors.why_not_texted(profile)
        if reason:
            _settle(pending, Notification.State.NOT_TEXTED, note=reason)
            return "not texted"
        text = queue_text(profile, kind=OutgoingText.Kind.NUDGE, body=nudge_body(profile))
        _settle(pending, Notification.State.SENT, text=text)
        return "nudge queued"


def _settle(
    notifications: list[Notification],
    state: Notification.State,
    *,
    text: OutgoingText | None = None,
    note: str = "",
) -> None:
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        state=state, text=text, note=note, handled_at=timezone.now()
    )


def queue_text(
    profile: YoungPersonProfile,
    *,
    kind: OutgoingText.Kind,
    body: str,
    message: Message | None = None,
    urgent: bool = False,
    retry_of: OutgoingText | None = None,
    requested_by: User | None = None,
) -> OutgoingText:
    """Store a text with its parts and enqueue its sending, in the caller's transaction.
    Automated texts that are not urgent wait for quiet hours to end; replies never do."""
    now = timezone.now()
    holds = kind != OutgoingText.Kind.REPLY and not urgent
    send_after = quiet_hours.next_allowed(now) if holds else now
    text = OutgoingText.objects.create(
        young_person=profile,
        kind=kind,
        message=message,
        body=body,
        urgent=urgent,
        send_after=send_after,
        retry_of=retry_of,
        requested_by=requested_by,
    )
    TextPart.objects.bulk_create(
        TextPart(text=text, position=n, body=piece)
        for n, piece in enumerate(parts.split(body), start=1)
    )
    if message is not None:
        _message_state(message, DeliveryState.QUEUED)
    sending = send_text.using(run_after=send_after) if send_after > now else send_text
    sending.enqueue(text.pk)
    return text


# --- Sending --------------------------------------------------------------------------------


@task(**TEXTS)
def send_text(text_id: int) -> str:
    """Send a queued text's unsent parts. Safe to call any number of times: the worker's task,
    enqueued by `queue_text`, by itself to retry, and by the sweep."""
    now = timezone.now()
    claimed = OutgoingText.objects.filter(
        pk=text_id, state=OutgoingText.State.QUEUED, send_after__lte=now
    ).update(state=OutgoingText.State.SENDING, attempts=F("attempts") + 1, updated_at=now)
    if not claimed:
        return "not due, or taken already"
    text = OutgoingText.objects.select_related("young_person__user", "message").get(pk=text_id)
    profile = text.young_person
    reason = selectors.why_not_texted(profile)
    if reason:
        _finish(text, OutgoingText.State.NOT_SENT, error=reason)
        return "not sent"
    to = profile.mobile.as_e164
    OutgoingText.objects.filter(pk=text.pk).update(to_number=to)
    unsent = [TextPart.Status.UNSENT, TextPart.Status.SENDING]
    for part in text.parts.filter(provider_status__in=unsent).order_by("position"):
        if part.provider_status == TextPart.Status.SENDING:
            # An earlier attempt handed this part to Twilio and stopped before the answer.
            TextPart.objects.filter(pk=part.pk).update(provider_status=TextPart.Status.UNKNOWN)
            _finish(text, OutgoingText.State.FAILED, error=INTERRUPTED)
            return "interrupted earlier"
        TextPart.objects.filter(pk=part.pk).update(provider_status=TextPart.Status.SENDING)
        try:
            sent = sms.send_sms(to=to, body=part.body, status_callback=status_callback_url())
        except sms.SMSError as refused:
            return _refused(text, part, refused)
        TextPart.objects.filter(pk=part.pk).update(
            provider_sid=sent.provider_id or None,
            provider_status=_known_status(sent.status),
        )
        if sent.provider_id:
            _apply_early_reports(part.pk, sent.provider_id)
    statuses = list(text.parts.values_list("provider_status", flat=True))
    _finish(text, _text_state(statuses))
    return "sent"


INTERRUPTED = (
    "Sending stopped before Twilio answered, so it may or may not have arrived. "
    "Send it again if they have not had it."
)

# A text still "sending" this long after a worker claimed it was abandoned: that worker died
# (killed, out of memory, its machine restarted) between claiming it and finishing, and no task
# will come back to it. A live worker spends at most Twilio's 15-second timeout on each part.
ABANDONED_AFTER = datetime.timedelta(minutes=10)


def sweep_abandoned_texts() -> int:
    """Hand texts abandoned mid-send back to the queue; returns how many.

    Run by `manage.py sweep_texts` (cron, or `make run-prod`'s loop). `send_text` then does
    what it does for any interrupted send: a part that was handed to Twilio with no answer may
    have arrived, so the text is marked failed with `INTERRUPTED` and the PA sees "Text could
    not be sent", why, and "Text it again" (never sent again blindly); parts never handed over
    are sent. One conditional UPDATE each, in the transaction that enqueues the task, so a late
    worker or a second sweep cannot hand one back twice."""
    now = timezone.now()
    handed_back = 0
    abandoned = OutgoingText.objects.filter(
        state=OutgoingText.State.SENDING, updated_at__lt=now - ABANDONED_AFTER
    )
    for text_id in abandoned.values_list("pk", flat=True):
        with transaction.atomic():
            if abandoned.filter(pk=text_id).update(
                state=OutgoingText.State.QUEUED, send_after=now, updated_at=now
            ):
                send_text.enqueue(text_id)
                handed_back += 1
                logger.warning("Text %s was abandoned mid-send; handed back to the worker", text_id)
    return handed_back


def _known_status(status: str) -> str:
    return status if status in TextPart.Status.values else TextPart.Status.QUEUED


def _refused(text: OutgoingText, part: TextPart, refused: sms.SMSError) -> str:
    if refused.retryable and text.attempts < MAX_ATTEMPTS:
        TextPart.objects.filter(pk=part.pk).update(provider_status=TextPart.Status.UNSENT)
        due = timezone.now() + backoff(text.attempts)
        with transaction.atomic():
            OutgoingText.objects.filter(pk=text.pk).update(
                state=OutgoingText.State.QUEUED, send_after=due, error=str(refused)[:300]
            )
            send_text.using(run_after=due).enqueue(text.pk)
        logger.info("Text %s will be tried again at %s: %s", text.pk, due, refused)
        return "will retry"
    status = TextPart.Status.UNKNOWN if refused.maybe_sent else TextPart.Status.FAILED
    TextPart.objects.filter(pk=part.pk).update(
        provider_status=status, error_code=str(refused.code or "")
    )
    if refused.code == UNSUBSCRIBED:
        YoungPersonProfile.objects.filter(pk=text.young_person_id, texts_stopped_at=None).update(
            texts_stopped_at=timezone.now()
        )
    error = INTERRUPTED if refused.maybe_sent else str(refused)
    _finish(text, OutgoingText.State.FAILED, error=error)
    return "failed"


def _finish(text: OutgoingText, state: OutgoingText.State, *, error: str = "") -> None:
    now = timezone.now()
    fields: dict = {"state": state, "error": error[:300], "updated_at": now}
    if state in {OutgoingText.State.SENT, OutgoingText.State.DELIVERED}:
        fields["sent_at"] = now
    with transaction.atomic():
        OutgoingText.objects.filter(pk=text.pk).update(**fields)
        if text.message_id is not None:
            _message_state(text.message, MESSAGE_STATE_FOR[state], error)


MESSAGE_STATE_FOR = {
    OutgoingText.State.QUEUED: DeliveryState.QUEUED,
    OutgoingText.State.SENDING: DeliveryState.QUEUED,
    OutgoingText.State.SENT: DeliveryState.SENT,
    OutgoingText.State.DELIVERED: DeliveryState.DELIVERED,
    OutgoingText.State.UNDELIVERED: DeliveryState.UNDELIVERED,
    OutgoingText.State.FAILED: DeliveryState.FAILED,
    OutgoingText.State.NOT_SENT: DeliveryState.STORED,
}


# --- What became of it ----------------------------------------------------------------------


def record_status(*, provider_sid: str, status: str, error_code: str = "") -> bool:
    """Twilio's status callback for one part: kept as reported, then applied. Returns whether
    the sid is one of our texts' parts (a sign-in code, say, is not).

    A callback can beat `send_text` storing the sid it answers (Twilio may report "failed"
    within milliseconds); the report is kept and `send_text` applies it when the sid lands.
    """
    status = status.strip().lower()
    with transaction.atomic():
        TextStatusReport.objects.create(
            provider_sid=provider_sid, status=status[:12], error_code=(error_code or "")[:10]
        )
        part = (
            TextPart.objects.select_for_update(of=("self",))
            .select_related("text__message")
            .filter(provider_sid=provider_sid)
            .first()
        )
        if part is None:
            return False
        _apply(part, status, error_code)
    return True


def _apply(part: TextPart, status: str, error_code: str) -> None:
    if status not in STATUS_ORDER or status in {TextPart.Status.UNSENT, TextPart.Status.UNKNOWN}:
        return  # not a status of Twilio's we follow
    if STATUS_ORDER[status] <= STATUS_ORDER[part.provider_status]:
        return  # out of order, or nothing new
    part.provider_status = status
    part.error_code = (error_code or "")[:10]
    part.save(update_fields=["provider_status", "error_code", "updated_at"])
    text = part.text
    if text.state in {OutgoingText.State.SENDING, OutgoingText.State.QUEUED}:
        return  # still sending its other parts: `send_text` settles the text when done
    state = _text_state(list(text.parts.values_list("provider_status", flat=True)))
    if state != text.state:
        fields = {"state": state, "updated_at": timezone.now()}
        if status in BAD_ENDINGS:
            fields["error"] = delivery_error(part.error_code)
        OutgoingText.objects.filter(pk=text.pk).update(**fields)
        if text.message_id is not None:
            _message_state(text.message, MESSAGE_STATE_FOR[state], fields.get("error", ""))


def _apply_early_reports(part_pk: int, provider_sid: str) -> None:
    """Status reports that arrived before we stored this sid."""
    reports = list(
        TextStatusReport.objects.filter(provider_sid=provider_sid).values_list(
            "status", "error_code"
        )
    )
    if not reports:
        return
    part = TextPart.objects.select_related("text__message").get(pk=part_pk)
    for status, error_code in reports:
        _apply(part, status, error_code)


def _text_state(statuses: list[str]) -> OutgoingText.State:
    if any(s == TextPart.Status.UNDELIVERED for s in statuses):
        return OutgoingText.State.UNDELIVERED
    if any(s in BAD_ENDINGS for s in statuses):
        return OutgoingText.State.FAILED
    if all(s == TextPart.Status.DELIVERED for s in statuses):
        return OutgoingText.State.DELIVERED
    return OutgoingText.State.SENT


# --- Trying again ---------------------------------------------------------------------------


class CannotRetry(Exception):
    pass


def retry_text(*, message: Message, by: User) -> OutgoingText:
    """A member of the conversation sends a failed text again: a new text, linked to the old."""
    conversation = message.conversation
    if not conversation.is_member(by) or not by.is_portal_staff:
        raise CannotRetry("Only the young person's PA, or staff covering, can send it again.")
    last = message.texts.order_by("-pk").first()
    if last is None or last.state not in {
        OutgoingText.State.FAILED,
        OutgoingText.State.UNDELIVERED,
    }:
        raise CannotRetry("This message has no failed text to send again.")
    profile = conversation.young_person
    reason = selectors.why_not_texted(profile)
    if reason:
        raise CannotRetry(reason)
    with transaction.atomic():
        return queue_text(
            profile,
            kind=last.kind,
            body=reply_body(message),
            message=message,
            retry_of=last,
            requested_by=by,
        )


# --- Telling the thread ---------------------------------------------------------------------


def _message_state(message: Message, state: DeliveryState, detail: str = "") -> None:
    Message.objects.filter(pk=message.pk).update(delivery_state=state)
    event = selectors.text_status_event(message.conversation_id, message.pk, state, detail)
    transaction.on_commit(lambda: _announce(message.conversation_id, event))


def _announce(conversation_id: int, event: dict) -> None:
    # Best effort: without Redis the state is stored, and a page asks for it
    # (`chat.texts.selectors.text_states`).
    unavailable.group_send_or_log(Conversation.receipts_group_name_for(conversation_id), event)
