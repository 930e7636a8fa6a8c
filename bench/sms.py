"""Twilio's inbound SMS webhook, `POST /sms/inbound/`: webhooks handled per second through the
whole path, against a bare view returning the same TwiML.

What is timed, each request on its own with `django.test.Client` (as `bench/run.py` times pages),
the two sides taking turns request by request so that both see the same machine:

- Webhook: `chat.texts.webhooks.inbound` through the portal's middleware: Twilio's signature checked
  with `RequestValidator` over `PUBLIC_BASE_URL` + the path, the `MessageSid` looked up in
  `chat.InboundText` and stored, the sender found by their verified number, the text stored by
  `chat.services.post_message`, and the message sent to the conversation's group on the channel
  layer (after the commit, still inside the request). Each request is a fresh text from the
  demo young person's verified number, carrying the fields Twilio sends, really signed.
- Baseline: `bench-bare-twiml/` (`bench/urls.py`), the same middleware and the same empty
  `<Response/>`, with no signature check and no database. It gets the same signed requests.
- Retries: one `MessageSid` already stored, posted again and again (Twilio retrying a webhook it
  thinks failed): the signature check, one lookup, the same answer, nothing stored or sent.

A subscriber sits in the conversation's group (`Conversation.group_name_for(pk)`) on the channel
layer the bench's HTTP measures use (the embedded default: `InMemoryChannelLayer`). After each
webhook, outside the timing, it takes that text's message off the layer (the in-memory layer
holds only `capacity` (100) messages a channel and drops the rest without a word); the bench
fails if any message is missing, extra or not the text sent, or if the database does not hold
exactly the texts sent. The requests are signed before the clock starts.

Run alone while working on it: `.venv/bin/python bench/sms.py` prints these measures without
writing `bench/results.json`; `--profile` also prints where the webhook's time goes (step by
step, then cProfile).
"""

from __future__ import annotations

import asyncio
import contextlib
import statistics
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

WEBHOOK_PATH = "/sms/inbound/"
BARE_PATH = "/bench-bare-twiml/"
TEXTS = 500  # timed webhooks, each with a fresh MessageSid (and as many bare requests)
WARM_UP = 10  # of each, not timed
RETRIES = 500  # timed repeats of one stored MessageSid
RECEIVE_TIMEOUT = 5.0  # seconds; far above the path's cost, only so a lost message fails the run

# Only the bench's: the settings are overridden while it runs. Twilio's signature is over the
# URL it called, so the public base URL is part of what is signed.
AUTH_TOKEN = "bench-twilio-auth-token-not-a-real-one"
PUBLIC_BASE_URL = "https://portal.example.gov.uk"
ACCOUNT_SID = "AC" + "0" * 32
COUNCIL_NUMBER = "+447700900123"  # Ofcom's drama range: never a real number
FORM = "application/x-www-form-urlencoded"


class BenchFailure(RuntimeError):
    """The webhook did not do what it is timed doing."""


@dataclass(frozen=True)
class SignedText:
    """One inbound text as Twilio posts it: the form body and its X-Twilio-Signature."""

    sid: str
    body: str
    form: str
    signature: str


def twilio_fields(sid: str, from_number: str, body: str) -> dict[str, str]:
    """The fields Twilio posts for an inbound SMS (all of them are signed)."""
    return {
        "ToCountry": "GB",
        "ToState": "",
        "SmsMessageSid": sid,
        "NumMedia": "0",
        "ToCity": "",
        "FromZip": "",
        "SmsSid": sid,
        "FromState": "",
        "SmsStatus": "received",
        "FromCity": "",
        "Body": body,
        "FromCountry": "GB",
        "To": COUNCIL_NUMBER,
        "ToZip": "",
        "NumSegments": "1",
        "MessageSid": sid,
        "AccountSid": ACCOUNT_SID,
        "From": from_number,
        "ApiVersion": "2010-04-01",
    }


def signed_texts(count: int, from_number: str) -> list[SignedText]:
    from twilio.request_validator import RequestValidator

    validator = RequestValidator(AUTH_TOKEN)
    url = PUBLIC_BASE_URL + WEBHOOK_PATH
    texts = []
    for i in range(count):
        sid = f"SM{uuid.uuid4().hex}"
        body = f"Hi Sam, it's Jordan. Bench text {i}: can we talk about my flat?"
        fields = twilio_fields(sid, from_number, body)
        signature = validator.compute_signature(url, fields)
        texts.append(SignedText(sid, body, urlencode(fields), signature))
    return texts


class Subscriber:
    """A channel in the conversation's group, as a PA's open inbox would be."""

    def __init__(self, group: str) -> None:
        from asgiref.sync import async_to_sync
        from channels.layers import get_channel_layer

        self.layer = get_channel_layer()
        self.group = group
        self.channel = async_to_sync(self.layer.new_channel)()
        async_to_sync(self.layer.group_add)(group, self.channel)
        self.events: list[dict] = []

    def take(self, count: int, timeout: float = RECEIVE_TIMEOUT) -> list[dict]:
        """The next `count` events on the channel; fails when they do not all come."""
        from asgiref.sync import async_to_sync

        got: list[dict] = []

        async def receive() -> None:
            for _ in range(count):
                got.append(await asyncio.wait_for(self.layer.receive(self.channel), timeout))

        with contextlib.suppress(TimeoutError):  # counted below, and said
            async_to_sync(receive)()
        self.events.extend(got)
        if len(got) != count:
            raise BenchFailure(
                f"the subscriber on {self.group} got {len(got)} of {count} events "
                f"({len(self.events)} in all so far)"
            )
        return got

    def nothing_more(self) -> None:
        """Fails if anything else is waiting (or comes within a moment)."""
        from asgiref.sync import async_to_sync

        async def receive() -> dict | None:
            try:
                return await asyncio.wait_for(self.layer.receive(self.channel), 0.2)
            except TimeoutError:
                return None

        extra = async_to_sync(receive)()
        if extra is not None:
            raise BenchFailure(f"the subscriber on {self.group} got an unexpected {extra}")

    def close(self) -> None:
        from asgiref.sync import async_to_sync

        async_to_sync(self.layer.group_discard)(self.group, self.channel)


def post(client, path: str, text: SignedText, expected: bytes) -> float:
    """Seconds for one POST; fails unless it is answered with `expected` TwiML."""
    start = time.perf_counter()
    response = client.post(
        path, text.form, content_type=FORM, headers={"X-Twilio-Signature": text.signature}
    )
    seconds = time.perf_counter() - start
    if response.status_code != 200 or not response["Content-Type"].startswith("text/xml"):
        raise BenchFailure(f"{path} answered {response.status_code}: {response.content[:200]!r}")
    if response.content != expected:
        raise BenchFailure(f"{path} answered {response.content!r}, not {expected!r}")
    return seconds


def expect_message(subscriber: Subscriber, text: SignedText, conversation_id: int) -> None:
    """The text's one message, on the layer, as every member's socket would get it."""
    (event,) = subscriber.take(1)
    message = event.get("message", {})
    if (
        event.get("type") != "chat.message"
        or message.get("conversation") != conversation_id
        or message.get("client_id") != f"sms:{text.sid}:0"
        or message.get("body") != text.body
        or message.get("channel") != "sms"
    ):
        raise BenchFailure(f"the subscriber got {event}, not the message of text {text.sid}")


@dataclass
class Timings:
    webhook: list[float]
    bare: list[float]
    retry: list[float]
    queries: int
    retry_queries: int
    fanned_out: int


def run(client, texts: list[SignedText], subscriber: Subscriber, conversation_id: int) -> Timings:
    """Warm up, then the webhook and the bare view taking turns, then the retries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from twilio.twiml.messaging_response import MessagingResponse

    empty = str(MessagingResponse()).encode()
    warm, timed = texts[:WARM_UP], texts[WARM_UP:]
    for text in warm:
        post(client, BARE_PATH, text, empty)
        with CaptureQueriesContext(connection) as captured:
            post(client, WEBHOOK_PATH, text, empty)
        expect_message(subscriber, text, conversation_id)
    queries = len(captured)  # the last warm-up's: the first ones also create what is missing

    webhook, bare = [], []
    for text in timed:
        bare.append(post(client, BARE_PATH, text, empty))
        webhook.append(post(client, WEBHOOK_PATH, text, empty))
        expect_message(subscriber, text, conversation_id)

    retried = texts[0]
    with CaptureQueriesContext(connection) as captured:
        post(client, WEBHOOK_PATH, retried, empty)
    retry_queries = len(captured)  # now: the next request empties the connection's query log
    retry = [post(client, WEBHOOK_PATH, retried, empty) for _ in range(RETRIES)]
    subscriber.nothing_more()
    return Timings(webhook, bare, retry, queries, retry_queries, len(subscriber.events))


def sms_messages(conversation_id: int) -> int:
    from chat.models import Channel, Message

    return Message.objects.filter(conversation_id=conversation_id, channel=Channel.SMS).count()


def check_stored(texts: list[SignedText], conversation_id: int, before: int) -> None:
    """Every text stored once, as one SMS message in the conversation, and nothing more (the
    retries included)."""
    from chat.models import InboundText, Message

    sids = [t.sid for t in texts]
    records = InboundText.objects.filter(message_sid__in=sids)
    if records.count() != len(texts) or records.exclude(outcome="posted").exists():
        raise BenchFailure(f"{records.count()} of {len(texts)} texts stored as posted")
    mine = Message.objects.filter(
        conversation_id=conversation_id, client_id__in=[f"sms:{sid}:0" for sid in sids]
    ).count()
    added = sms_messages(conversation_id) - before
    if mine != len(texts) or added != len(texts):
        raise BenchFailure(f"{mine} messages ({added} new in all) stored for {len(texts)} texts")


def sms_measures() -> list[dict]:
    """The measures, for `bench/run.py` (Django set up, demo loaded)."""
    from django.test import Client, override_settings

    from chat import services
    from chat.models import Conversation
    from portal.people.models import YoungPersonProfile

    profile = YoungPersonProfile.objects.select_related("user").get(user__username="jordan")
    if not (profile.mobile and profile.mobile_verified):
        raise BenchFailure("the demo young person has no verified mobile to text from")
    conversation = services.conversation_for(profile)
    texts = signed_texts(WARM_UP + TEXTS, str(profile.mobile))
    before = sms_messages(conversation.pk)

    with override_settings(
        ROOT_URLCONF="bench.urls", TWILIO_AUTH_TOKEN=AUTH_TOKEN, PUBLIC_BASE_URL=PUBLIC_BASE_URL
    ):
        subscriber = Subscriber(Conversation.group_name_for(conversation.pk))
        try:
            t = run(Client(), texts, subscriber, conversation.pk)
        finally:
            subscriber.close()
    check_stored(texts, conversation.pk, before)
    if t.fanned_out != len(texts):
        raise BenchFailure(f"the subscriber got {t.fanned_out} messages for {len(texts)} texts")
    return results(t, type(subscriber.layer).__name__)


def per_second(seconds: list[float]) -> float:
    return len(seconds) / sum(seconds)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 3)


def results(t: Timings, layer: str) -> list[dict]:
    webhook, bare, retry = per_second(t.webhook), per_second(t.bare), per_second(t.retry)
    how = (
        f"{TEXTS} texts from the demo young person's verified number, each a fresh MessageSid, "
        "signed; django.test.Client, each request timed alone, webhook and baseline taking turns"
    )
    baseline = (
        "baseline: a bare view (bench/urls.py) answering the same empty TwiML through the same "
        "middleware, no signature check or database"
    )
    p50, bare_p50 = statistics.median(t.webhook), statistics.median(t.bare)
    return [
        {
            "name": "sms_inbound_webhooks_per_second",
            "value": round(webhook, 1),
            "unit": "requests/s",
            "baseline": round(bare, 1),
            "ratio": round(bare / webhook, 2),
            "note": (
                f"{how}; signature check, MessageSid dedupe, stored by post_message, sent to "
                f"the conversation's group ({layer}); {baseline}. ratio = baseline / value, so "
                "above 1 means the webhook is slower; aim under 3"
            ),
        },
        {
            "name": "sms_inbound_webhook_ms_p50",
            "value": ms(p50),
            "unit": "ms/request",
            "baseline": ms(bare_p50),
            "ratio": round(p50 / bare_p50, 2),
            "note": "median of the requests above; ratio = value / baseline",
        },
        {
            "name": "sms_inbound_webhook_queries",
            "value": t.queries,
            "unit": "queries",
            "note": "statements for one new text, BEGIN, SAVEPOINT, RELEASE and COMMIT included",
        },
        {
            "name": "sms_inbound_fanout_messages_received",
            "value": t.fanned_out,
            "unit": "messages",
            "note": (
                f"messages a subscriber in the conversation's group got, of {WARM_UP + TEXTS} "
                "texts sent (warm-up included); the bench fails unless every one arrives"
            ),
        },
        {
            "name": "sms_inbound_retries_per_second",
            "value": round(retry, 1),
            "unit": "requests/s",
            "baseline": round(bare, 1),
            "ratio": round(bare / retry, 2),
            "note": (
                f"one stored MessageSid posted {RETRIES} times (Twilio retrying): signature "
                f"check, lookup, same answer, nothing stored or sent ({t.retry_queries} "
                f"{'query' if t.retry_queries == 1 else 'queries'} each); ratio = baseline / value"
            ),
        },
    ]


def main() -> None:
    """Only these measures, printed; `--profile` adds where the webhook's time goes."""
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from bench.run import setup_django

    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp) / "bench.sqlite3")
        for r in sms_measures():
            extra = f" (baseline {r['baseline']}, ratio {r['ratio']})" if "ratio" in r else ""
            print(f"{r['name']:<40} {r['value']:>10} {r['unit']}{extra}")
        if "--profile" in sys.argv:
            profile_webhook()


# The webhook's steps, timed by wrapping them (inclusive: a step's time includes its callees').
STEPS = [
    ("chat.texts.webhooks", "signed_by_twilio"),
    ("chat.texts.services.inbound", "receive_text"),
    ("chat.texts.selectors", "young_person_texting_from"),
    ("chat.services", "conversation_for"),
    ("chat.services", "post_message"),
    ("chat.models", "Conversation.is_member"),
    ("chat.services", "_move_position"),
    ("chat.services", "message_event"),
    ("chat.services", "announce"),
]


def profile_webhook(count: int = 1000) -> None:
    """`count` more webhooks timed step by step, then `count` under cProfile (own time).

    The step timings come first because cProfile's cumulative times mislead here: since Python
    3.12 it profiles every thread at once, and `announce` runs the channel layer's `group_send`
    on a thread of its own (`async_to_sync` outside an event loop), so that thread's calls land
    in the middle of the request's."""
    import cProfile
    import functools
    import importlib
    import pstats

    from django.db import connection
    from django.test import Client, override_settings
    from twilio.twiml.messaging_response import MessagingResponse

    from chat.models import Conversation
    from portal.people.models import YoungPersonProfile

    profile = YoungPersonProfile.objects.get(user__username="jordan")
    empty = str(MessagingResponse()).encode()
    spent: dict[str, float] = dict.fromkeys(["request", "SQL execute", "commit"], 0.0)

    def timer(label: str, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - start

        return timed

    def sql(execute, *args):
        start = time.perf_counter()
        try:
            return execute(*args)
        finally:
            spent["SQL execute"] += time.perf_counter() - start

    patched = []
    for module_name, dotted in [
        *STEPS,
        ("django.db.backends.base.base", "BaseDatabaseWrapper.commit"),
    ]:
        owner = importlib.import_module(module_name)
        *path, name = dotted.split(".")
        for part in path:
            owner = getattr(owner, part)
        original = owner.__dict__[name]
        label = "commit" if name == "commit" else f"{module_name}.{dotted}"
        setattr(owner, name, timer(label, original))
        patched.append((owner, name, original))

    with override_settings(
        ROOT_URLCONF="bench.urls", TWILIO_AUTH_TOKEN=AUTH_TOKEN, PUBLIC_BASE_URL=PUBLIC_BASE_URL
    ):
        client = Client()
        subscriber = Subscriber(Conversation.group_name_for(profile.conversation.pk))
        try:
            with connection.execute_wrapper(sql):
                for text in signed_texts(count, str(profile.mobile)):
                    spent["request"] += post(client, WEBHOOK_PATH, text, empty)
                    subscriber.take(1)
            for owner, name, original in patched:
                setattr(owner, name, original)
            print(f"\nWall clock per webhook, ms (inclusive), over {count} webhooks:")
            for label, seconds in sorted(spent.items(), key=lambda item: -item[1]):
                print(f"{seconds / count * 1000:9.3f}  {label}")

            profiler = cProfile.Profile()
            for text in signed_texts(count, str(profile.mobile)):
                profiler.enable()
                post(client, WEBHOOK_PATH, text, empty)
                profiler.disable()
                subscriber.take(1)
        finally:
            for owner, name, original in patched:
                setattr(owner, name, original)
            subscriber.close()
    print(f"\ncProfile over {count} more webhooks, by own time:")
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
