"""WebSocket messaging: how long a `send` takes to reach the other member, and how many messages
a second one process stores and fans out, against a bare Channels echo on the same Redis layer.

Why this shape: the issue asks for the time from `send` to the other member's `message` frame
(median and p99) at 1, 50 and 500 open sockets in one process, and for messages per second, each
compared with the least Channels itself can do. So both sides run in this one process and one
event loop, on a RedisChannelLayer (database 14, a fresh prefix each run, flushed afterwards),
through `channels.testing.WebsocketCommunicator` (less its test-only patch: `server_like`):
what differs between the two is only the consumer, not the network or the server. The bench's
own client code shares that loop with both, so the figures are a little worse than a server's
would be, for both alike.

- Portal: the real `portal.asgi.application` (origin check, session auth, `ChatConsumer`), signed
  in with real sessions. N sockets are N/2 conversations, each a young person and their own PA
  (one young person per PA, so every socket is in exactly one conversation); N=1 is a young
  person alone, timed to their own acknowledgement. Everything the consumer does is in the
  figures: the message and read position written, presence checked, the other socket marking
  the message delivered (a write) and announcing a receipt.
- Echo: `EchoConsumer` below joins one group per pair and `group_send`s each frame to it; no
  database, no auth. Same N, same pairing, same frames, same clock.
- Latency: after `WARM_UP_SENDS`, `LATENCY_SAMPLES` sends one after another (each waits for the
  other member's frame and its own ack), taking the conversations in turn, young person and PA
  taking turns to send. Other sockets stay open and idle: this is the path, not a queue.
- Under load: every socket sends its share of `THROUGHPUT_MESSAGES` in a closed loop (its next
  send after its own ack), all sockets at once, timed until every member's frame has arrived:
  messages per second, and the p99 of send-to-other-member meanwhile.

The database is the bench's SQLite file, where Django opens a connection for every
`database_sync_to_async` call (CONN_MAX_AGE 0 for SQLite in `portal/settings.py`). Production
runs PostgreSQL with connections kept for 60 s. Either way Channels runs every
`database_sync_to_async` call of a process on one thread, so the database work per message is
what bounds the portal's throughput per process.
"""

from __future__ import annotations

import asyncio
import datetime
import itertools
import json
import math
import statistics
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs

from channels.generic.websocket import AsyncJsonWebsocketConsumer

SOCKET_COUNTS = (1, 50, 500)
REDIS_URL = "redis://127.0.0.1:6379/14"  # not 0 (the portal's) nor 15 (the tests')

WARM_UP_SENDS = 10  # first queries and first group sends, not timed
LATENCY_SAMPLES = 300
LATENCY_CONCURRENCY = 1  # one send at a time: the path itself; the load is the next measure
THROUGHPUT_MESSAGES = 500
FRAME_TIMEOUT = 60.0  # seconds; far above any aim, only so that a lost frame fails the bench
CONNECT_AT_ONCE = 50  # sockets opening together; all 500 at once only measures a queue
ORIGIN = b"http://testserver"

USERNAME_PREFIX = "bench-ws-"


def layer_config(prefix: str) -> dict:
    """The production channel layer's settings (`portal/layers.py` says why they are not
    channels_redis's defaults), with the run's own prefix."""
    from portal.layers import redis_layer

    return redis_layer(REDIS_URL, prefix=prefix)


class EchoConsumer(AsyncJsonWebsocketConsumer):
    """The baseline: what Channels costs with no database and no auth. Joins the group of its
    pair (`?pair=K`) and sends every frame it gets to that group, shaped like a `message`."""

    async def connect(self) -> None:
        query = parse_qs(self.scope["query_string"].decode("latin-1"))
        self.group = f"echo.{query['pair'][0]}"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content: Any, **kwargs: Any) -> None:
        await self.channel_layer.group_send(self.group, {"type": "echo.message", "frame": content})

    async def echo_message(self, event: dict) -> None:
        frame = event["frame"]
        await self.send_json(
            {
                "type": "message",
                "message": {
                    "conversation": frame["conversation"],
                    "body": frame["body"],
                    "client_id": frame["client_id"],
                },
            }
        )


def server_like(communicator_class: type) -> type:
    """`channels.testing`'s communicators patch `channels.db.close_old_connections` into a no-op
    while they send or receive, so that a test's transaction survives. With hundreds of sockets
    at once those patches interleave and leave it off for good, and the consumer would keep one
    database connection forever. A server (Daphne) leaves it on: Channels closes old connections
    around every `database_sync_to_async` call, which is part of the cost measured."""
    from asgiref.testing import ApplicationCommunicator

    class ServerLike(communicator_class):
        async def send_input(self, message: dict) -> None:
            return await ApplicationCommunicator.send_input(self, message)

        async def receive_output(self, timeout: float = 1) -> dict:
            return await ApplicationCommunicator.receive_output(self, timeout)

    return ServerLike


@dataclass(frozen=True)
class Pair:
    """One conversation: its id and the session keys of the young person and their PA."""

    conversation: int
    young_session: str
    pa_session: str


class Socket:
    """A communicator plus a reader that timestamps each `message` frame as it arrives, so a
    sender can wait for a frame on any socket without the communicator's timeout (which would
    cancel the application)."""

    def __init__(self, communicator: Any) -> None:
        self.communicator = communicator
        self.waiting: dict[str, asyncio.Future[float]] = {}
        self.reader: asyncio.Task | None = None
        self.failed: str | None = None

    def start_reading(self) -> None:
        self.reader = asyncio.create_task(self._read())

    def expect(self, client_id: str) -> asyncio.Future[float]:
        future = asyncio.get_running_loop().create_future()
        if self.failed:
            future.set_exception(RuntimeError(self.failed))
        else:
            self.waiting[client_id] = future
        return future

    async def _read(self) -> None:
        while True:
            output = await self.communicator.output_queue.get()
            now = time.perf_counter()
            if output["type"] != "websocket.send":
                self._fail(f"socket closed or odd output: {output}")
                return
            frame = json.loads(output["text"])
            if frame["type"] == "error":
                self._fail(f"error frame: {frame}")
                return
            if frame["type"] != "message":
                continue
            waiter = self.waiting.pop(frame["message"]["client_id"], None)
            if waiter is not None and not waiter.done():
                waiter.set_result(now)

    def _fail(self, reason: str) -> None:
        """Fail every wait on this socket at once, rather than after `FRAME_TIMEOUT`."""
        self.failed = reason
        for waiter in self.waiting.values():
            if not waiter.done():
                waiter.set_exception(RuntimeError(reason))

    async def close(self) -> None:
        if self.reader is not None:
            self.reader.cancel()
        await self.communicator.disconnect(timeout=FRAME_TIMEOUT)


@dataclass
class Room:
    """One conversation's open sockets: the young person's and, for N > 1, the PA's."""

    conversation: int
    young: Socket
    pa: Socket | None
    turn: itertools.count = field(default_factory=itertools.count)

    def sender_and_other(self) -> tuple[Socket, Socket]:
        """Young person and PA take turns; alone, the young person hears their own ack."""
        if self.pa is None:
            return self.young, self.young
        return (self.young, self.pa) if next(self.turn) % 2 == 0 else (self.pa, self.young)

    def sockets(self) -> list[Socket]:
        return [self.young] if self.pa is None else [self.young, self.pa]


@dataclass
class Figures:
    """One side's figures at one N, in seconds and messages per second."""

    latencies: list[float]
    per_second: float
    loaded_latencies: list[float]


OpenRooms = Callable[[list[Pair]], Awaitable[list[Room]]]
Maker = Callable[[], Any]  # makes one (not yet connected) communicator


async def send_one(room: Room) -> float:
    """Send one message; wait for the other member's frame and the sender's ack; return seconds
    from the send to the other member's frame."""
    sender, other = room.sender_and_other()
    client_id = uuid.uuid4().hex
    heard = other.expect(client_id)
    ack = heard if other is sender else sender.expect(client_id)
    start = time.perf_counter()
    await sender.communicator.send_json_to(
        {"type": "send", "conversation": room.conversation, "body": "Bench", "client_id": client_id}
    )
    arrived = await asyncio.wait_for(heard, FRAME_TIMEOUT)
    await asyncio.wait_for(ack, FRAME_TIMEOUT)
    return arrived - start


async def latencies(rooms: list[Room], samples: int, concurrency: int) -> list[float]:
    """`samples` sends, `concurrency` at a time, never two at once in one conversation."""
    idle: asyncio.Queue[Room] = asyncio.Queue()
    for room in rooms:
        idle.put_nowait(room)
    numbers = itertools.count()
    seconds: list[float] = []

    async def sender() -> None:
        while next(numbers) < samples:
            room = await idle.get()
            seconds.append(await send_one(room))
            idle.put_nowait(room)

    await asyncio.gather(*(sender() for _ in range(min(concurrency, len(rooms)))))
    return seconds


async def throughput(rooms: list[Room], messages: int) -> tuple[float, list[float]]:
    """Every socket sends its share in a closed loop, all sockets at once; messages per second
    until the last member's frame has arrived, and each send's time to the other member."""
    sockets = [(room, socket) for room in rooms for socket in room.sockets()]
    each = max(1, math.ceil(messages / len(sockets)))
    sent: list[tuple[float, asyncio.Future[float]]] = []

    async def sender(room: Room, me: Socket) -> None:
        others = [s for s in room.sockets() if s is not me] or [me]
        for _ in range(each):
            client_id = uuid.uuid4().hex
            theirs = [s.expect(client_id) for s in others]
            mine = theirs[0] if others == [me] else me.expect(client_id)
            start = time.perf_counter()
            await me.communicator.send_json_to(
                {
                    "type": "send",
                    "conversation": room.conversation,
                    "body": "Bench",
                    "client_id": client_id,
                }
            )
            sent.extend((start, future) for future in theirs)
            await asyncio.wait_for(mine, FRAME_TIMEOUT)

    start = time.perf_counter()
    await asyncio.gather(*(sender(room, socket) for room, socket in sockets))
    arrivals = await asyncio.wait_for(asyncio.gather(*(f for _, f in sent)), FRAME_TIMEOUT)
    elapsed = time.perf_counter() - start
    seconds = [arrived - began for (began, _), arrived in zip(sent, arrivals, strict=True)]
    return each * len(sockets) / elapsed, seconds


async def measure(open_rooms: OpenRooms, pairs: list[Pair]) -> Figures:
    """Open the sockets, time them, and close them whatever happens, so that the presence rows
    and groups do not outlive the run."""
    rooms = await open_rooms(pairs)
    try:
        for room in itertools.islice(itertools.cycle(rooms), WARM_UP_SENDS):
            await send_one(room)
        sampled = await latencies(rooms, LATENCY_SAMPLES, LATENCY_CONCURRENCY)
        rate, loaded = await throughput(rooms, THROUGHPUT_MESSAGES)
    finally:
        await asyncio.gather(*(s.close() for room in rooms for s in room.sockets()))
    return Figures(sampled, rate, loaded)


async def _open(make: Maker) -> Socket:
    socket = Socket(make())
    connected, code = await socket.communicator.connect(timeout=FRAME_TIMEOUT)
    if not connected:
        raise RuntimeError(f"socket refused with code {code}")
    socket.start_reading()
    return socket


async def _open_all(makers: list[Maker]) -> list[Socket]:
    """Open sockets `CONNECT_AT_ONCE` at a time, as a page load spreads them in real life."""
    gate = asyncio.Semaphore(CONNECT_AT_ONCE)

    async def one(make: Maker) -> Socket:
        async with gate:
            return await _open(make)

    return list(await asyncio.gather(*(one(m) for m in makers)))


async def _rooms(pairs: list[Pair], young: list[Maker], pas: list[Maker] | None) -> list[Room]:
    sockets = await _open_all(young + (pas or []))
    others: list[Socket | None] = list(sockets[len(pairs) :]) if pas else [None] * len(pairs)
    return [
        Room(pair.conversation, mine, theirs)
        for pair, mine, theirs in zip(pairs, sockets[: len(pairs)], others, strict=True)
    ]


def portal_rooms(single: bool) -> OpenRooms:
    """The real application, as a browser reaches it: origin header and session cookie."""
    from channels.testing import WebsocketCommunicator

    from portal.asgi import application

    communicator = server_like(WebsocketCommunicator)

    def maker(session_key: str) -> Maker:
        headers = [(b"origin", ORIGIN), (b"cookie", f"sessionid={session_key}".encode())]
        return lambda: communicator(application, "/ws/chat/", headers=headers)

    async def open_rooms(pairs: list[Pair]) -> list[Room]:
        young = [maker(p.young_session) for p in pairs]
        return await _rooms(pairs, young, None if single else [maker(p.pa_session) for p in pairs])

    return open_rooms


def echo_rooms(single: bool) -> OpenRooms:
    """The echo consumer alone: no middleware, so no origin check, session or user."""
    from channels.testing import WebsocketCommunicator

    application = EchoConsumer.as_asgi()
    communicator = server_like(WebsocketCommunicator)

    def maker(pair: int) -> Maker:
        return lambda: communicator(application, f"/ws/echo/?pair={pair}")

    async def open_rooms(pairs: list[Pair]) -> list[Room]:
        young = [maker(p.conversation) for p in pairs]
        return await _rooms(
            pairs, young, None if single else [maker(p.conversation) for p in pairs]
        )

    return open_rooms


def make_pairs(count: int) -> list[Pair]:
    """`count` young people, each with their own PA (who has an authenticator app, or the
    socket would be refused) and a conversation; a signed-in session for each person.
    Written in bulk and straight to the session store: the sign-in path is not what is timed."""
    from bench.people import create_caseloads, session_for
    from portal.people.choices import LeavingCareStatus

    made = create_caseloads(
        prefix=USERNAME_PREFIX,
        team_name=f"Bench sockets {uuid.uuid4().hex[:8]}",
        young_count=count,
        pa_count=count,
        adviser_of=lambda i: i,
        profile_fields=lambda i: {
            "date_of_birth": datetime.date(2006, 5, 17),
            "leaving_care_status": LeavingCareStatus.FORMER_RELEVANT,
        },
    )
    return [
        Pair(made.conversations[profile.pk], session_for(y), session_for(pa))
        for profile, y, pa in zip(made.profiles, made.young, made.pas, strict=True)
    ]


def redis_answers(url: str) -> str | None:
    """None when Redis answers; otherwise why not, to print."""
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
    except redis.RedisError as error:
        return f"{url} does not answer ({error})"
    return None


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def p99(seconds: list[float]) -> float:
    return statistics.quantiles(seconds, n=100, method="inclusive")[98]


def results_for(n: int, portal: Figures, echo: Figures) -> list[dict]:
    heard = "their own ack" if n == 1 else "the other member's message frame"
    at_once = min(LATENCY_CONCURRENCY, max(1, n // 2))
    rooms = (
        "one young person's socket"
        if n == 1
        else f"{n // 2} conversations of a young person and their own PA (one each)"
    )
    sampled = (
        f"{rooms}; {LATENCY_SAMPLES} sends, {at_once} at a time, other sockets idle; from send "
        f"to {heard}; baseline: a bare Channels echo on the same Redis layer"
    )
    out: list[dict] = []
    for label, pick in [("p50", statistics.median), ("p99", p99)]:
        value, base = pick(portal.latencies), pick(echo.latencies)
        note = sampled + ("; aim under 100 ms" if n == 500 and label == "p99" else "")
        out.append(
            {
                "name": f"ws_send_to_message_ms_{label}_{n}_sockets",
                "value": ms(value),
                "unit": "ms",
                "baseline": ms(base),
                "ratio": round(value / base, 2),
                "note": note + "; aim ratio under 3",
            }
        )
    value, base = p99(portal.loaded_latencies), p99(echo.loaded_latencies)
    out.append(
        {
            "name": f"ws_send_to_message_ms_p99_{n}_sockets_all_sending",
            "value": ms(value),
            "unit": "ms",
            "baseline": ms(base),
            "ratio": round(value / base, 2),
            "note": (
                f"send to {heard} while all {n} sockets send at once (the messages/s run); "
                "a queue, so it grows with N"
            ),
        }
    )
    out.append(
        {
            "name": f"ws_messages_per_second_{n}_sockets",
            "value": round(portal.per_second, 1),
            "unit": "messages/s",
            "baseline": round(echo.per_second, 1),
            "ratio": round(echo.per_second / portal.per_second, 2),
            "note": (
                f"all {n} sockets send their share of {THROUGHPUT_MESSAGES} messages at once, each "
                "send after the last one's ack; counted when stored and heard by every member. "
                "ratio = echo / portal, so above 1 means the portal is slower; aim under 3"
            ),
        }
    )
    return out


async def run_all(pairs: list[Pair]) -> list[dict]:
    from channels.layers import get_channel_layer

    out: list[dict] = []
    try:
        for n in SOCKET_COUNTS:
            start = time.perf_counter()
            single = n == 1
            chosen = pairs[: max(1, n // 2)]
            echo = await measure(echo_rooms(single), chosen)
            portal = await measure(portal_rooms(single), chosen)
            out.extend(results_for(n, portal, echo))
            print(f"WebSocket measures, {n} sockets: {time.perf_counter() - start:.1f} s")
    finally:
        layer = get_channel_layer()
        await layer.flush()  # the run's keys, by prefix
        await layer.close_pools()
    return out


def socket_measures() -> list[dict]:
    """The WebSocket measures, or none (saying why) when Redis does not answer."""
    from channels.layers import channel_layers
    from django.conf import settings

    reason = redis_answers(REDIS_URL)
    if reason is not None:
        print(f"Skipping the WebSocket measures: {reason}")
        return []
    settings.CHANNEL_LAYERS = {"default": layer_config(f"bench{uuid.uuid4().hex[:8]}")}
    channel_layers.backends.clear()
    try:
        pairs = make_pairs(max(SOCKET_COUNTS) // 2)
        return asyncio.run(run_all(pairs))
    finally:
        channel_layers.backends.clear()
