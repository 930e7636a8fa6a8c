"""Texts from young people: the one service behind `POST /sms/inbound/` (`receive_text`).

A text from a young person's verified number goes into their conversation through
`chat.services.post_message`, exactly as a message typed on the website does, so their PA sees
it live in the inbox. "ASK ..." goes to the chatbot, STOP and START change whether the portal
may text them. Everything else gets a kind answer and a record, and never reaches a PA's
conversation or creates an account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from chat import services
from chat.bot import services as bot
from chat.bot.models import AskChannel
from chat.models import Channel, InboundText, Message
from chat.safeguarding import services as safeguarding
from chat.safeguarding.crisis import HIGH, crisis_reply
from chat.texts import selectors
from portal.people.models import YoungPersonProfile


@dataclass(frozen=True)
class TextOutcome:
    record: InboundText
    reply: str | None  # what to text back, if anything


def unknown_number_reply() -> str:
    council, team = settings.PORTAL["COUNCIL"], settings.PORTAL["LEAVING_CARE_PHONE"]
    out_of_hours = settings.PORTAL["OUT_OF_HOURS_PHONE"]
    return (
        f"Thanks for your text. This number is for care leavers supported by {council}, "
        "and we don't know your number yet. To talk to the leaving care team call "
        f"{team} (Mon-Fri), or out of hours {out_of_hours}. If you are in danger call 999."
    )


EMPTY_REPLY = (
    "Your text reached us with no words in it (we can't receive pictures). "
    "Please text your message again."
)


# The keywords carriers and Twilio act on: the whole text, in any case, nothing else with it.
STOP_WORDS = {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"}
START_WORDS = {"START", "UNSTOP", "YES"}
HELP_WORDS = {"HELP", "INFO"}

STOPPED_REPLY = (
    "You won't get any more texts from the care leaver portal. Text START to get them again. "
    "You can still text us, and use the website."
)
STARTED_REPLY = "You'll get texts from the care leaver portal again. Text STOP to stop them."


def help_reply() -> str:
    team = settings.PORTAL["LEAVING_CARE_PHONE"]
    out_of_hours = settings.PORTAL["OUT_OF_HOURS_PHONE"]
    return (
        "Care leaver portal: text us and your Personal Adviser (PA) will reply. Leaving care "
        f"team {team} (Mon-Fri), out of hours {out_of_hours}, in danger call 999. "
        "Text STOP to stop texts."
    )


# "ASK how much is the grant": a question for the chatbot, answered by text, rather than a
# message for their PA.
ASK_PREFIX = re.compile(r"^\s*(?:ask|q)\s*[:\-]?\s+(?P<question>\S.*)$", re.IGNORECASE | re.DOTALL)


def question_in(body: str) -> str | None:
    match = ASK_PREFIX.match(body)
    return match.group("question").strip() if match else None


def keyword(body: str) -> str | None:
    word = body.strip().upper()
    for name, words in (("stop", STOP_WORDS), ("start", START_WORDS), ("help", HELP_WORDS)):
        if word in words:
            return name
    return None


def chunks(body: str, size: int = services.MAX_BODY) -> list[str]:
    """A text longer than a message may be is kept whole, as several messages."""
    return [body[i : i + size] for i in range(0, len(body), size)]


def receive_text(*, message_sid: str, from_number: str, body: str) -> TextOutcome:
    """Store a text once and put it where it belongs. Twilio retrying the same `MessageSid`
    gets the same answer and stores nothing new."""
    existing = InboundText.objects.filter(message_sid=message_sid).first()
    if existing is not None:
        return _answer(existing)
    profile = selectors.young_person_texting_from(from_number)
    text = body.strip()
    said = keyword(text)
    question = question_in(text) if said is None else None
    if said is not None:
        outcome = InboundText.Outcome.KEYWORD
    elif question is not None:
        outcome = InboundText.Outcome.ASKED
    elif profile is None:
        outcome = InboundText.Outcome.UNKNOWN_NUMBER  # or RISK, once screened below
    elif not text:
        outcome = InboundText.Outcome.EMPTY
    else:
        outcome = InboundText.Outcome.POSTED
    reply: str | None = None
    try:
        with transaction.atomic():
            if outcome == InboundText.Outcome.UNKNOWN_NUMBER and text:
                # Screened once, by the safeguarding service (no conversation to post it in).
                screening = safeguarding.receive_unknown_text(text=text, from_number=from_number)
                if screening.at_risk:
                    outcome = InboundText.Outcome.RISK
                    reply = f"{screening.crisis.as_text()} {unknown_number_reply()}"
            record = InboundText.objects.create(
                message_sid=message_sid,
                from_number=from_number[:32],
                body=body,
                young_person=profile,
                outcome=outcome,
            )
            if said is not None and profile is not None:
                _obey(profile, said)
            if outcome == InboundText.Outcome.POSTED:
                # post_message screened each part and, for a risk, wrote the crisis reply in
                # the thread: the same words go back by text.
                reply = selectors.crisis_reply_to(_post(profile, text, message_sid))
            elif outcome == InboundText.Outcome.ASKED:
                reply = _ask(question, profile, from_number)
            if reply:  # kept, so Twilio retrying this text gets the same answer
                record.reply = reply
                record.save(update_fields=["reply"])
    except IntegrityError:
        # Twilio's retry arrived while the first was being stored: the first one counts.
        return _answer(InboundText.objects.get(message_sid=message_sid))
    return _answer(record)


def _post(profile: YoungPersonProfile, text: str, message_sid: str) -> list[Message]:
    conversation = services.conversation_for(profile)
    return [
        services.post_message(
            conversation=conversation,
            sender=profile.user,
            body=part,
            channel=Channel.SMS,
            client_id=f"sms:{message_sid}:{number}",
        )[0]
        for number, part in enumerate(chunks(text))
    ]


def _ask(question: str, profile: YoungPersonProfile | None, from_number: str) -> str:
    try:
        answer = bot.ask(
            question,
            user=profile.user if profile else None,
            channel=AskChannel.SMS,
            from_number="" if profile else from_number[:32],
        )
    except bot.BadQuestion as bad:
        return str(bad)
    return answer.answer


def _obey(profile: YoungPersonProfile, said: str) -> None:
    """STOP and START change whether the portal may text them; nothing else does."""
    if said == "stop" and profile.texts_stopped_at is None:
        profile.texts_stopped_at = timezone.now()
    elif said == "start":
        profile.texts_stopped_at = None
    profile.save(update_fields=["texts_stopped_at", "updated_at"])


def _answer(record: InboundText) -> TextOutcome:
    if record.reply:
        return TextOutcome(record=record, reply=record.reply)
    if record.outcome == InboundText.Outcome.KEYWORD:
        reply = {"stop": STOPPED_REPLY, "start": STARTED_REPLY, "help": help_reply()}
        return TextOutcome(record=record, reply=reply[keyword(record.body)])
    replies = {
        InboundText.Outcome.UNKNOWN_NUMBER: unknown_number_reply(),
        InboundText.Outcome.EMPTY: EMPTY_REPLY,
        # (a risk's reply is stored with it; this is for texts kept before issue 16)
        InboundText.Outcome.RISK: f"{crisis_reply(HIGH).as_text()} {unknown_number_reply()}",
    }
    return TextOutcome(record=record, reply=replies.get(record.outcome))
