"""Conversations, messages and read positions.

A young person has one conversation. Its members are the young person, their current Personal
Adviser (PA) and any staff added for cover, and, while they have no PA yet, the managers who answer
for them; a PA who hands over stops being a member at once, because membership follows the
profile rather than being copied into the conversation.
Messages are written only by `chat.services` (`post_message`, and `post_asked_message` for the
chatbot's hand-over).
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from portal.people import unallocated
from portal.people.models import User, YoungPersonProfile


class Channel(models.TextChoices):
    WEB = "web", "Website"
    SMS = "sms", "Text message"
    BOT = "bot", "Chatbot"


class DeliveryState(models.TextChoices):
    """Where a message stands beyond the portal: only a message also sent by text moves on from
    `stored`, following what Twilio reports about the text."""

    STORED = "stored", "Sent"
    QUEUED = "queued", "Waiting to be texted"
    SENT = "sent", "Texted"
    DELIVERED = "delivered", "Text delivered"
    UNDELIVERED = "undelivered", "Text not delivered"
    FAILED = "failed", "Text could not be sent"


class Conversation(models.Model):
    young_person = models.OneToOneField(
        YoungPersonProfile, on_delete=models.CASCADE, related_name="conversation"
    )
    cover_staff = models.ManyToManyField(
        User,
        blank=True,
        related_name="covered_conversations",
        help_text="Staff added while the PA is away. They can read and reply.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)

    def __str__(self) -> str:
        return f"Conversation with {self.young_person.user.display_name}"

    @property
    def group_name(self) -> str:
        """The channel-layer group every member's socket joins for this conversation."""
        return self.group_name_for(self.pk)

    @staticmethod
    def group_name_for(pk: int) -> str:
        return f"conversation.{pk}"

    @staticmethod
    def receipts_group_name_for(pk: int) -> str:
        """Only sockets that asked for receipts join this one, so a receipt costs nothing
        where nobody would show it."""
        return f"receipts.{pk}"

    def is_member(self, user: User) -> bool:
        """Whether `user` may write here (and has read positions): the young person, their
        PA, staff added for cover and, while the young person has no PA yet, the managers who
        answer for them (`portal.people.unallocated`). The one answer for the HTTP form, the
        socket and every service.

        No query when the caller loaded what it reads, as `chat.selectors` and the socket
        consumer do: `young_person__team__manager`, the prefetched `cover_staff`, and
        `user.roles`."""
        if not (user.is_authenticated and user.is_active):
            return False
        profile = self.young_person
        if user.pk in (profile.user_id, profile.personal_adviser_id):
            return True  # the usual case, with no query
        if profile.personal_adviser_id is None and unallocated.answers_for(user, profile):
            return True
        # `.all()` rather than `.filter()`: it uses `prefetch_related("cover_staff")` when the
        # caller loaded it, as the socket consumer does, so no query runs on its event loop.
        return any(member.pk == user.pk for member in self.cover_staff.all())


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    sender = models.ForeignKey(
        User, on_delete=models.SET_NULL, null=True, blank=True, related_name="messages_sent"
    )
    body = models.TextField()
    channel = models.CharField(max_length=3, choices=Channel.choices)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    client_id = models.CharField(
        max_length=64,
        blank=True,
        help_text="The sender's own id for the message, so a resend is stored once.",
    )
    delivery_state = models.CharField(
        max_length=12, choices=DeliveryState.choices, default=DeliveryState.STORED
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "sender", "client_id"],
                condition=~models.Q(client_id=""),
                name="one_message_per_client_id",
            )
        ]

    def __str__(self) -> str:
        return f"{self.sender or 'bot'}: {self.body[:40]}"


class ReadPosition(models.Model):
    """How far a member has got: every message up to `last_delivered` has reached one of their
    screens, and every message up to `last_read` they have read. Read implies delivered."""

    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="read_positions"
    )
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="read_positions")
    last_read = models.ForeignKey(Message, on_delete=models.SET_NULL, null=True, blank=True)
    last_delivered = models.ForeignKey(
        Message, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="one_position_each")
        ]

    def __str__(self) -> str:
        return f"{self.user} has read {self.conversation} up to {self.last_read_id}"


class OpenSocket(models.Model):
    """A `/ws/chat/` socket that is open now: whether a young person is on the website decides
    whether a PA's reply should also reach them another way.

    Kept in the database so every ASGI worker sees every other worker's sockets. A worker that
    dies cannot remove its rows, so a socket counts only while it has been `seen_at` recently
    (the page's script pings; `chat.presence.selectors` says how recently).
    """

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="open_sockets")
    channel_name = models.CharField(max_length=200, unique=True)
    opened_at = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now, db_index=True)

    def __str__(self) -> str:
        return f"{self.user} on {self.channel_name}"


class Notification(models.Model):
    """A young person should be told about a message they have not seen, because nobody could
    show it to them on the website when it was sent. The SMS sender works through these."""

    class State(models.TextChoices):
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Texted"
        READ_ON_WEBSITE = "read", "Not needed: read on the website first"
        NOT_TEXTED = "not_texted", "Not texted"
        FAILED = "failed", "Could not be sent"

    recipient = models.ForeignKey(User, on_delete=models.CASCADE, related_name="notifications")
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="notifications")
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)
    text = models.ForeignKey(
        "OutgoingText",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
        help_text="The text that told them: the message itself, or a nudge to read it.",
    )
    note = models.CharField(max_length=200, blank=True, help_text="Why it was not texted.")

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["recipient", "message"], name="one_notice_each")
        ]
        indexes = [models.Index(fields=["state", "created_at"])]

    def __str__(self) -> str:
        return f"Tell {self.recipient} about message {self.message_id}: {self.state}"


class InboundText(models.Model):
    """Every text Twilio passed to the portal, stored once per `MessageSid` (Twilio retries a
    webhook it thinks failed), with what became of it. A text from a number the portal does not
    know stays here for staff and reaches no conversation."""

    class Outcome(models.TextChoices):
        POSTED = "posted", "Added to the young person's conversation"
        UNKNOWN_NUMBER = "unknown", "From a number no young person has verified"
        EMPTY = "empty", "Had no words in it"
        KEYWORD = "keyword", "STOP, START or HELP"
        ASKED = "asked", "A question for the chatbot (ASK ...)"
        RISK = "risk", "From an unknown number, and read as a risk: crisis contacts sent"

    message_sid = models.CharField(max_length=64, unique=True)
    from_number = models.CharField(max_length=32)
    body = models.TextField(blank=True)
    received_at = models.DateTimeField(default=timezone.now, db_index=True)
    young_person = models.ForeignKey(
        YoungPersonProfile,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_texts",
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices)
    reply = models.TextField(
        blank=True, help_text="What was texted back, when it was worked out for this text."
    )

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"Text {self.message_sid} from {self.from_number}: {self.outcome}"


class OutgoingText(models.Model):
    """A text the portal sends a young person: a PA's reply, or a nudge that a message waits.

    Written by `chat.texts.services.outbound` and sent by the task worker, never during a
    request. The state moves forward only, through one conditional UPDATE per step, so two
    workers (or a retry racing the first attempt) can never send it twice.
    """

    class Kind(models.TextChoices):
        REPLY = "reply", "A message from their PA, by text"
        NUDGE = "nudge", "A message is waiting on the website"
        REMINDER = "reminder", "A reminder about something they booked"
        PLACE = "place", "A place came free on something they were waiting for"

    class State(models.TextChoices):
        QUEUED = "queued", "Waiting to be sent"
        SENDING = "sending", "Being sent"
        SENT = "sent", "Texted"
        DELIVERED = "delivered", "Delivered"
        UNDELIVERED = "undelivered", "Not delivered"
        FAILED = "failed", "Could not be sent"
        NOT_SENT = "not_sent", "Not sent"

    young_person = models.ForeignKey(
        YoungPersonProfile, on_delete=models.CASCADE, related_name="outgoing_texts"
    )
    kind = models.CharField(max_length=10, choices=Kind.choices)
    message = models.ForeignKey(
        Message,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="texts",
        help_text="The message this text carries (replies only).",
    )
    body = models.TextField()
    to_number = models.CharField(max_length=32, blank=True, help_text="Set when it is sent.")
    state = models.CharField(max_length=12, choices=State.choices, default=State.QUEUED)
    urgent = models.BooleanField(
        default=False, help_text="Sent even in quiet hours. A PA's own reply always is."
    )
    send_after = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.CharField(max_length=300, blank=True)
    retry_of = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="retries"
    )
    requested_by = models.ForeignKey(
        User,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="Who asked for it to be sent again, for a retry.",
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        indexes = [models.Index(fields=["state", "send_after"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.young_person}: {self.state}"


class TextPart(models.Model):
    """One text as the provider sent it. A long body goes as several (see `portal.sms.parts`);
    each has its own provider id, and Twilio's status callbacks arrive for each."""

    class Status(models.TextChoices):
        UNSENT = "", "Not sent yet"
        SENDING = "sending", "Handed to Twilio, no answer yet"
        ACCEPTED = "accepted", "Accepted"
        SCHEDULED = "scheduled", "Scheduled"
        QUEUED = "queued", "Queued"
        SENT = "sent", "Sent"
        DELIVERED = "delivered", "Delivered"
        UNDELIVERED = "undelivered", "Undelivered"
        FAILED = "failed", "Failed"
        CANCELED = "canceled", "Cancelled"
        UNKNOWN = "unknown", "Unknown: Twilio did not answer"

    text = models.ForeignKey(OutgoingText, on_delete=models.CASCADE, related_name="parts")
    position = models.PositiveSmallIntegerField()
    body = models.TextField()
    provider_sid = models.CharField(max_length=64, null=True, blank=True, unique=True)
    provider_status = models.CharField(max_length=12, choices=Status.choices, blank=True)
    error_code = models.CharField(max_length=10, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["text", "position"]
        constraints = [
            models.UniqueConstraint(fields=["text", "position"], name="one_part_per_position")
        ]

    def __str__(self) -> str:
        return f"Part {self.position} of {self.text_id}: {self.provider_status or 'unsent'}"


class TextStatusReport(models.Model):
    """Twilio's status callbacks as they came, kept so that one arriving before its text's sid
    was stored is still applied, and so staff can see what Twilio said and when."""

    provider_sid = models.CharField(max_length=64, db_index=True)
    status = models.CharField(max_length=12)
    error_code = models.CharField(max_length=10, blank=True)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.provider_sid}: {self.status}"


# The chatbot's and safeguarding's records live in their packages and belong to this app.
from chat.bot.models import AskChannel, Question  # noqa: E402
from chat.safeguarding.models import SafeguardingAlert  # noqa: E402


# A message in a conversation and a question put to the chatbot each say how it came: the one
# mapping between the two. A text is a text; everything else is the website (a question asked
# through the API or the command line, a message the chatbot wrote).
def ask_channel_for(channel: str) -> AskChannel:
    """How safeguarding names the channel of a conversation's message (`Message.channel`)."""
    return AskChannel.SMS if channel == Channel.SMS else AskChannel.WEB


def message_channel_for(channel: str) -> Channel:
    """The channel a question handed to a PA shows in the conversation (`AskChannel`)."""
    return Channel.SMS if channel == AskChannel.SMS else Channel.WEB


__all__ = [
    "AskChannel",
    "Channel",
    "Conversation",
    "DeliveryState",
    "InboundText",
    "Message",
    "Notification",
    "OpenSocket",
    "OutgoingText",
    "Question",
    "ReadPosition",
    "SafeguardingAlert",
    "TextPart",
    "TextStatusReport",
    "ask_channel_for",
    "message_channel_for",
]
