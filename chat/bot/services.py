"""The chatbot's answers: its services. `ask` is the one function behind the web's "Ask a
question", `POST /api/ask`, texts starting "ASK" and `manage.py ask`; `record_feedback` keeps
the asker's "did this help?". What it reads of its own records is in `chat.bot.selectors`.

In this order, every time:
1. Safeguarding first (`chat.safeguarding.services.screen_message`, once, with the asker's last
   few questions). A message that reads as a risk gets the crisis reply before anything else,
   and an alert tells their PA and manager, whatever else the message asks: an offer question
   that is also a risk is answered after the help, and nothing else is added to the help. From
   someone not signed in (and not texting) there is no one to tell about: they get the crisis
   reply, and the question is counted, not alerted.
2. A question only a person can deal with ("can you move my appointment") goes to their PA, in
   their conversation, and the bot says so.
3. Otherwise the retriever ranks the published pages. A confident match is answered from that
   page's own title, summary and amount, never invented words, with the page as its source,
   and, for a signed-in young person, whether they look eligible (the one eligibility function).
4. A question about the offer the bot cannot match goes to their PA; anything else (the
   weather) gets a plain "I can only help with...".
Every question is stored (`Question`) for editors, with the asker's "did this help?".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from chat import services as messaging
from chat.bot import intents, retriever, selectors
from chat.bot.models import AskChannel, Question
from chat.models import message_channel_for
from chat.safeguarding import services as safeguarding
from chat.safeguarding.crisis import CrisisReply
from offer import selectors as offer_selectors
from offer.eligibility import decide
from portal.hostile_text import has_nul_or_lone_surrogate
from portal.people.models import User

MAX_QUESTION = 1000  # characters; a question, not an essay (the API answers 400 beyond)
# From this the bot answers from the best page (see retriever.Hit.confidence).
ANSWER_CONFIDENCE = 0.35
# From this, up to ANSWER_CONFIDENCE, it offers the best page as one that "may help" and passes
# the question to their PA as well. Below, it does not name a page. Chosen on the tuning set:
# at 0.20 no null question got a page and 1 of 122 got a wrong one (chat/bot/eval_sets).
SUGGEST_CONFIDENCE = 0.20


class BadQuestion(ValueError):
    """Empty or too long: each edge says so in its own way (a 400, a form error)."""


@dataclass
class Answer:
    answer: str
    entitlement: str | None
    sources: list[dict] = field(default_factory=list)
    handoff: bool = False
    safeguarding: bool = False
    question_id: int | None = None
    crisis: CrisisReply | None = None  # the help, first; each edge renders it its own way
    severity: str | None = None  # "immediate", "high" or "concern" when it read as a risk

    def as_contract(self) -> dict:
        """The object `manage.py ask --json` prints and `POST /api/ask` returns."""
        return {
            "answer": self.answer,
            "entitlement": self.entitlement,
            "sources": self.sources,
            "handoff": self.handoff,
            "safeguarding": self.safeguarding,
        }


def clean_question(question: object) -> str:
    if not isinstance(question, str) or not question.strip():
        raise BadQuestion("Type a question first.")
    if has_nul_or_lone_surrogate(question):  # refused at the edge too (portal.input_guard)
        raise BadQuestion("Your question holds a character that is not text. Type it again.")
    question = " ".join(question.split())
    if len(question) > MAX_QUESTION:
        raise BadQuestion(
            f"Questions can be up to {MAX_QUESTION} characters. For something longer, "
            "message your Personal Adviser (PA)."
        )
    return question


def ask(
    question: object,
    *,
    user: User | None = None,
    channel: AskChannel = AskChannel.API,
    from_number: str = "",
) -> Answer:
    """Answer one question. Raises BadQuestion for an empty or over-long one.

    `from_number` is the number a text came from, when no young person has it: someone staff
    can ring back, so a risk in it raises an alert like any text from that number."""
    text = clean_question(question)
    signed_in = user is not None and user.is_authenticated
    profile = getattr(user, "young_person", None) if signed_in else None
    screening = safeguarding.screen_message(
        text, context=selectors.asked_before(user if signed_in else None)
    )
    at_risk = screening.at_risk
    parts: list[str] = []
    answer = Answer(answer="", entitlement=None)
    if at_risk:
        answer.safeguarding = True
        answer.severity = screening.severity
    for_a_person = intents.needs_a_person(text)
    # A risk is answered with the help alone, unless they also asked about the offer: then the
    # answer follows the help (never "you look eligible" mixed into it otherwise).
    asked_about_the_offer = not at_risk or intents.about_the_offer(text)
    hits = [] if for_a_person or not asked_about_the_offer else retriever.search(text, limit=3)
    best = hits[0] if hits and hits[0].confidence >= SUGGEST_CONFIDENCE else None
    if for_a_person:
        answer.handoff = True
    elif best is not None:
        answer.entitlement = best.slug
        answer.sources = [_source(best)]
        sure = best.confidence >= ANSWER_CONFIDENCE
        words = _from_page(best.slug, profile, link=channel != AskChannel.WEB)
        parts.append(("" if sure else "This may help. ") + words)
        answer.handoff = not sure  # a person checks what the bot was not sure of
    elif hits and intents.about_the_offer(text):
        answer.handoff = True  # about the offer, but not one page the bot is sure of
    elif not at_risk:
        parts.append(
            "Sorry, I can only answer questions about what the council offers care leavers, "
            "like money, housing, college and work, and health. For anything else, message "
            "your Personal Adviser (PA)."
        )
    if at_risk and profile is not None:
        answer.handoff = True  # their PA is told either way
    with transaction.atomic():
        handed = _hand_off(text, profile, channel) if answer.handoff else None
        handed_to = profile.personal_adviser if handed is not None else None
        if answer.handoff and not (at_risk and handed_to is not None):
            # (after a risk handed to their PA, the crisis reply says who was told)
            parts.append(_handoff_words(profile, handed_to))
        record = Question.objects.create(
            asker=user if signed_in else None,
            channel=channel,
            text=text,
            outcome=_outcome(answer),
            entitlement_slug=answer.entitlement or "",
            confidence=hits[0].confidence if hits else 0,
            answer="",
        )
        answer.question_id = record.pk
        alert = None
        if at_risk and (profile is not None or from_number):
            alert = safeguarding.raise_alert(
                screening,
                text=text,
                profile=profile,
                channel=channel,
                message=handed,
                question=record,
                from_number=from_number,
            )
        # A risk from someone not signed in on the website or the API has given no one to
        # reach: they get the crisis reply and the question is kept (outcome "safeguarding",
        # no asker) to be counted, but nobody is paged, since anyone could otherwise flood
        # managers and the duty team with alerts about nobody (issue 15).
        if at_risk:
            answer.crisis = screening.told(safeguarding.told_words(profile, alert)).crisis
            parts.insert(0, answer.crisis.as_text())
        answer.answer = " ".join(parts)
        record.answer = answer.answer
        record.save(update_fields=["answer"])
    return answer


def _source(hit: retriever.Hit) -> dict:
    return {"title": hit.title, "url": settings.PUBLIC_BASE_URL + hit.url, "slug": hit.slug}


def _from_page(slug: str, profile, *, link: bool) -> str:
    """The page's own words: title, summary, the amount if the summary does not give it, and
    for a young person the bot knows, whether it looks like theirs."""
    found = {page.slug: page for page, _ in offer_selectors.live_entitlements()}
    page = found[slug]
    words = [f"{page.title}: {page.summary}"]
    if page.amount_gbp and "£" not in page.summary:
        words.append(f"It is £{page.amount_gbp:,}.")
    if profile is not None:
        decision = decide(page.rules, offer_selectors.person_for_profile(profile))
        if decision.eligible:
            words.append("From what we know about you, you look eligible.")
        else:
            words.append(
                "From what we know about you, you may not be able to get this: "
                + " ".join(decision.missing)
                + " Your PA can check."
            )
    if link:  # the web page links its source itself
        words.append(f"More: {settings.PUBLIC_BASE_URL}{page.url}")
    return " ".join(words)


def _hand_off(text: str, profile, channel: AskChannel):
    """Put the question in the young person's conversation, as from them, so their PA sees it
    in the inbox like any message (and it is texted on nowhere: it is theirs). `ask` screened
    it already, so it is not screened again; a risk's alert is tied to this message. Returns
    it."""
    if profile is None or profile.personal_adviser_id is None:
        return None
    return messaging.post_asked_message(
        conversation=messaging.conversation_for(profile),
        sender=profile.user,
        body=f"(Asked the chatbot) {text}",
        channel=message_channel_for(channel),
    )


def _handoff_words(profile, adviser) -> str:
    if adviser is not None:
        name = adviser.preferred_name or adviser.first_name or "your PA"
        return f"I've passed your question to {name}, your Personal Adviser (PA), who will reply."
    team = settings.PORTAL["LEAVING_CARE_PHONE"]
    if profile is not None:
        return f"To ask a person, call the leaving care team on {team}."
    return (
        "To ask a person, sign in and message your Personal Adviser (PA), or call the "
        f"leaving care team on {team}."
    )


def _outcome(answer: Answer) -> str:
    if answer.safeguarding:
        return Question.Outcome.SAFEGUARDING
    if answer.handoff:  # including a page the bot was not sure of: editors should look
        return Question.Outcome.HANDED_OFF
    if answer.entitlement:
        return Question.Outcome.ANSWERED
    return Question.Outcome.NOT_ANSWERED


def record_feedback(*, question_id: int, user: User | None, helped: bool) -> bool:
    """The asker says whether the answer helped. Only the asker (or, for a question asked
    without signing in, anyone holding its id in their session) can."""
    changed = Question.objects.filter(pk=question_id, asker=user).update(
        helped=helped, feedback_at=timezone.now()
    )
    return bool(changed)
