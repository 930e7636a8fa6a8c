"""Load: a few hundred young people reading pages and messaging their PA at once, against the
portal served the production way by one uvicorn process and then by two, so that the scaling
ratio is measured rather than assumed.

Why this shape: the other measures time one path in one process with nothing else happening;
this one asks what the whole portal does when many people use it together, through the real
server, the real PostgreSQL and the real Redis, and what a second process buys.

- Services: a throwaway PostgreSQL database, `bench_load` on 127.0.0.1:5432 (user postgres,
  trust), created and dropped by this script, and Redis database 13 (emptied with FLUSHDB, that
  database only, before each run). Migrated, the demo loaded (`manage.py demo`), static files
  collected (production serves them with WhiteNoise's manifest). Skipped, saying why, when
  either does not answer.
- People: `PEOPLE` young people (300) on caseloads of `CASELOAD` (20, about what a PA
  carries), each PA with an authenticator app (staff without one may open no socket), and a
  conversation each. Written in bulk with unusable passwords, and signed in by writing their
  sessions straight into Django's session engine: signing in is not what is timed.
- Server: `uvicorn portal.asgi:application --workers N` on one port, N = 1 then 2, production
  settings from the environment: SECRET_KEY set (so DEBUG off, Secure cookies), ALLOWED_HOSTS
  and PUBLIC_BASE_URL for loopback, SECURE_SSL_REDIRECT=0 (loopback has no TLS; the council's
  proxy ends it), and DATABASE_CONN_MAX_AGE=0. Django's documentation says to turn persistent
  connections off under ASGI, and this bench shows why: each request runs in a thread of its
  own, so with the settings' default of 60 every request left a connection behind and 300
  people reached PostgreSQL's 100 in seconds ("too many clients", then 503s).
- Client: this one process, one event loop (uvloop), aiohttp. Each young person has their own
  HTTP connection and their own socket on `/ws/chat/?receipts=1` (as the messages page opens
  it); each PA has one socket open (as the inbox does). In a closed loop, every young person
  waits a think time (exponential, mean `THINK_SECONDS`), then reads a page (home, an offer
  page, "what can I get" with their answers, My page, their messages page) or sends their PA a
  message over the socket and waits for its echo. At most `IN_FLIGHT_PER_PROCESS` page requests
  per process are in flight at once, as a proxy's per-server limit would allow (why, beside the
  constant); a request waiting for its turn is timed from when it was wanted. The cookie is sent
  by hand: the portal's are Secure, which a cookie jar rightly keeps off plain HTTP.
- Figures, over `SECONDS` after `WARM_UP_SECONDS` not counted, in `ROUNDS` rounds taking turns
  (1, 2, 1, 2 processes) and pooled: what ends in the counted time counts. Pages per second and page
  latency p50/p95/p99; messages per second (sends acknowledged) and the time to the sender's
  echo; fan-out latency p50/p95/p99, from the `send` frame to the `message` frame on the PA's
  socket, which with two processes is often open in the other process (through Redis); errors
  the people saw, by kind (not 200, timeouts, error frames, closed sockets, messages the PA
  never got), and ERROR entries in the servers' log; CPU used by the servers, the client and
  the whole machine (from /proc) in the counted window; the most PostgreSQL connections at once.

The offered load (300 people acting every 5 s or so) is more than one process serves on this
machine, on purpose: the throughput is then each setup's capacity, so the ratio of two
processes to one is the scaling, and the latencies include the queue that a busy hour builds.
The machine matters here more than anywhere in the bench: with 2 cores the client, PostgreSQL,
Redis, the portal's processes and whatever else runs share them, and one process cannot use
more than about one core (the GIL), so two cannot reach twice one. The CPU figures say how
much each side had; the ratio is what a second process buys on this machine, not on a bigger
one.

Run alone: `.venv/bin/python bench/load.py --seconds 15 --people 300` prints the measures
without writing bench/results.json (`make bench` does); `--rounds`, `--think` and
`--processes 1 2 3` change the plan, `--log FILE` keeps the servers' log.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import contextlib
import datetime
import json
import math
import os
import random
import re
import secrets
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

PEOPLE = 300
CASELOAD = 20  # young people per PA
SECONDS = 15.0  # counted, per run
# Each process count runs this many times, taking turns (1, 2, 1, 2): others' work on a shared
# machine comes and goes, and taking turns spreads it over both rather than onto one.
ROUNDS = 2
# Not counted: each process's first requests, and the time the closed loop takes to settle
# (about one think time plus one queue).
WARM_UP_SECONDS = 10.0
THINK_SECONDS = 5.0  # mean pause between one person's actions: someone tapping through pages
# Page requests in flight per server process, as a proxy's per-server limit (HAProxy's
# maxconn, nginx's max_conns) would allow; the rest wait at the proxy, and that wait is part
# of their latency. Why a limit: Django opens a PostgreSQL connection for every request in
# flight, each in a thread of its own, with no limit of its own (300 people reached the
# cluster's 100 connections, which others share, and pages failed). Why 2: every page thread of
# a process competes for the GIL with the one thread that does all of that process's socket
# work, so with more in flight the socket waits. Measured once on this machine, one process,
# 300 people: pages per second about the same at 2, 4 and 16 (26-28), fan-out p99 0.8 s, 2.7 s
# and 13 s.
IN_FLIGHT_PER_PROCESS = 2
PROCESS_COUNTS = (1, 2)
# What a young person does next, with weights: mostly reading, a fifth of the time messaging.
ACTIONS = {
    "home": 10,
    "offer": 35,
    "checker": 10,
    "my_page": 15,
    "messages_page": 10,
    "message": 20,
}
MESSAGES = [
    "Hi, can we talk about my pathway plan next week?",
    "Did you get the form I sent about the bursary?",
    "What time is the forum on Thursday?",
    "Thanks for yesterday, the flat viewing went well.",
    "Can you help me fill in the grant form?",
]

POSTGRES_ADMIN = "postgresql://postgres@127.0.0.1:5432/postgres"
DATABASE = "bench_load"
DATABASE_URL = f"postgres://postgres@127.0.0.1:5432/{DATABASE}"
REDIS_URL = "redis://127.0.0.1:6379/13"  # the bench's own: not 0 (the portal), 14 or 15

REQUEST_TIMEOUT = 30.0  # seconds; far above any aim, so a stuck request counts as an error
DRAIN_SECONDS = 10.0  # after the run, how long a sent message may still take to reach the PA
CONNECT_AT_ONCE = 50  # sockets opening together, as page loads spread them
START_TIMEOUT = 60.0
USERNAME_PREFIX = "bench-load-"


# --- Services -----------------------------------------------------------------------------------


def services_answer() -> str | None:
    """None when PostgreSQL and Redis answer; otherwise why not, to print."""
    import psycopg
    import redis

    try:
        psycopg.connect(POSTGRES_ADMIN, connect_timeout=2).close()
    except psycopg.Error as error:
        return f"PostgreSQL at {POSTGRES_ADMIN} does not answer ({error})"
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
    except redis.RedisError as error:
        return f"Redis at {REDIS_URL} does not answer ({error})"
    return None


def admin_sql(statement: str) -> None:
    """CREATE and DROP DATABASE cannot run in a transaction: autocommit, on the admin database."""
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN, autocommit=True, connect_timeout=5) as connection:
        connection.execute(statement)


def drop_database() -> None:
    # FORCE: a server killed mid-run may leave connections behind; they are only ours.
    admin_sql(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def flush_redis() -> None:
    """Empty database 13 only (never FLUSHALL: others use the other databases)."""
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def server_env(port: int, secret_key: str) -> dict[str, str]:
    """Production settings, as `.env.example` lists them, for this machine's loopback."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DATABASE_", "REDIS_", "TWILIO_", "SECURE_", "EMAIL_", "PORTAL_"))
        and k not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "PUBLIC_BASE_URL", "SMS_BACKEND"}
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            "SECRET_KEY": secret_key,
            "ALLOWED_HOSTS": "127.0.0.1",
            "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
            "DATABASE_URL": DATABASE_URL,
            # Under ASGI each request runs in a thread of its own, so a kept connection is
            # never reused; Django's docs say to turn persistent connections off there.
            "DATABASE_CONN_MAX_AGE": "0",
            "REDIS_URL": REDIS_URL,
            "SECURE_SSL_REDIRECT": "0",  # loopback has no TLS; the council's proxy would
            "PYTHONUNBUFFERED": "1",
        }
    )
    return env


def manage(env: dict[str, str], *args: str, log: Path) -> None:
    with log.open("a") as out:
        subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=env, stdout=out, stderr=out, check=True
        )


# --- People (run in a child process, with the servers' settings) --------------------------------


def make_people(count: int) -> dict[str, Any]:
    """`count` young people on caseloads of `CASELOAD`, their PAs (each with an authenticator
    app), a conversation each, and a signed-in session for everyone; returns what the client
    needs: sessions, conversations and the pages to read. Called in a child process whose
    environment is the servers', so the sessions are signed with the servers' SECRET_KEY."""
    import django

    django.setup()
    from wagtail.models import Page

    from bench.people import create_caseloads, session_for
    from offer.models import OfferHomePage
    from portal.people.choices import Circumstance, LeavingCareStatus

    rng = random.Random(9)
    today = datetime.date.today()

    def profile_fields(i: int) -> dict[str, Any]:
        return {
            # 17 to 24: a spread of what they can get now and soon
            "date_of_birth": today.replace(year=today.year - 17 - i % 8)
            - datetime.timedelta(days=rng.randrange(1, 360)),
            "leaving_care_status": (
                LeavingCareStatus.RELEVANT if i % 8 == 0 else LeavingCareStatus.FORMER_RELEVANT
            ),
            "circumstances": rng.sample(list(Circumstance.values), k=rng.randrange(0, 3)),
        }

    made = create_caseloads(
        prefix=USERNAME_PREFIX,
        team_name="Bench load team",
        young_count=count,
        pa_count=math.ceil(count / CASELOAD),
        adviser_of=lambda i: i // CASELOAD,
        profile_fields=profile_fields,
    )
    pas, young, profiles, conversations = (
        made.pas,
        made.young,
        made.profiles,
        made.conversations,
    )

    home = OfferHomePage.objects.live().first()
    offer_pages = [
        p.url for p in Page.objects.live().public().descendant_of(home, inclusive=True) if p.url
    ]
    checker = []
    for profile in profiles:
        query = f"age={profile.age()}&status={profile.leaving_care_status}"
        query += "".join(f"&circumstance={c}" for c in profile.circumstances)
        checker.append(f"/what-can-i-get/?{query}")
    return {
        "pas": [{"session": session_for(u)} for u in pas],
        "young": [
            {
                "session": session_for(u),
                "conversation": conversations[profile.pk],
                "pa": i // CASELOAD,
                "checker": checker[i],
            }
            for i, (u, profile) in enumerate(zip(young, profiles, strict=True))
        ],
        "offer_pages": offer_pages,
    }


# --- Server -------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`uvicorn portal.asgi:application --workers N`: started, waited for, stopped."""

    def __init__(self, processes: int, port: int, env: dict[str, str], log: Path) -> None:
        self.processes, self.port, self.env, self.log = processes, port, env, log
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        command = [PYTHON, "-m", "uvicorn", "portal.asgi:application"]
        command += ["--host", "127.0.0.1", "--port", str(self.port)]
        command += ["--workers", str(self.processes), "--no-access-log"]
        with self.log.open("a") as out:
            out.write(f"\n=== {' '.join(command[1:])}\n")
            out.flush()
            # Its own process group, so that whatever happens it is ended with its workers.
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=self.env, stdout=out, stderr=out, start_new_session=True
            )
        deadline = time.monotonic() + START_TIMEOUT
        while len(self.worker_pids()) < self.processes or not self.ready():
            if self.process.poll() is not None:
                raise RuntimeError(f"uvicorn exited with {self.process.returncode}; see {self.log}")
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"uvicorn did not start in {START_TIMEOUT:.0f} s; see {self.log}"
                )
            time.sleep(0.3)

    def run_log(self) -> str:
        """This run's part of the log (the file holds the setup's and earlier runs' too)."""
        text = self.log.read_text(errors="replace")
        return text[text.rfind("\n=== ") :]

    def worker_pids(self) -> list[int]:
        """Every worker says "Started server process [pid]" once its application is loaded."""
        return [int(p) for p in re.findall(r"Started server process \[(\d+)\]", self.run_log())]

    def ready(self) -> bool:
        """`/readyz`: database, cache and channel layer answer."""
        import urllib.request

        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/readyz", timeout=5) as r:
                return r.status == 200
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # uvicorn stops its workers, then itself
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # the group started above, only ours
            self.process.wait()


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU the processes have used so far (/proc/PID/stat fields 14 and 15)."""
    total = 0
    for pid in pids:
        with contextlib.suppress(OSError):
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    return total / os.sysconf("SC_CLK_TCK")


def machine_busy_seconds() -> float:
    """CPU seconds the whole machine has spent busy (all cores), from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return (sum(values[:8]) - idle) / os.sysconf("SC_CLK_TCK")


class ConnectionWatch:
    """Samples how many PostgreSQL connections the bench database has, twice a second, in a
    thread: the most the servers held at once is a figure operators size `max_connections` by."""

    def __init__(self) -> None:
        self.peak = 0
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        import psycopg

        with psycopg.connect(POSTGRES_ADMIN, autocommit=True) as connection:
            while not self.stopping.wait(0.5):
                (count,) = connection.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = %s", (DATABASE,)
                ).fetchone()
                self.peak = max(self.peak, count)

    def __enter__(self) -> ConnectionWatch:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join(timeout=5)


# --- Client -------------------------------------------------------------------------------------


@dataclass
class Tally:
    """What one run saw. What ends inside the counted window is counted (a page read, a
    message's echo or its arrival at the PA, an error), as a server's own counters would: with
    a queue in front, what starts in the window ends after it, so counting by start would
    either wait for the whole queue or leave its tail out."""

    counting: bool = False
    pages: list[float] = field(default_factory=list)  # seconds each
    pages_by_kind: dict[str, list[float]] = field(
        default_factory=lambda: collections.defaultdict(list)
    )
    acks: list[float] = field(default_factory=list)  # seconds, send to the sender's echo
    fanout: list[float] = field(default_factory=list)  # seconds, send to the PA's frame
    errors: collections.Counter[str] = field(default_factory=collections.Counter)
    # client_id -> (perf_counter at send, sent in the window?) until the PA's socket has it
    awaiting_pa: dict[str, tuple[float, bool]] = field(default_factory=dict)

    def error(self, kind: str) -> None:
        """Count an error a socket's reader saw, if the window is open."""
        if self.counting:
            self.errors[kind] += 1


class LiveSocket:
    """One `/ws/chat/` socket and a reader that timestamps frames as they arrive: the young
    person's resolves their own sends' acks; the PA's records each message's fan-out."""

    def __init__(self, ws: Any, tally: Tally, *, is_pa: bool) -> None:
        self.ws, self.tally, self.is_pa = ws, tally, is_pa
        self.acks: dict[str, asyncio.Future[float]] = {}
        self.closing = False
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        import aiohttp

        async for frame in self.ws:
            now = time.perf_counter()
            if frame.type != aiohttp.WSMsgType.TEXT:
                continue
            data = json.loads(frame.data)
            kind = data.get("type")
            if kind == "error":
                self.tally.error(f"error frame: {data.get('code')}")
            elif kind == "message":
                client_id = data["message"].get("client_id", "")
                if self.is_pa:
                    sent = self.tally.awaiting_pa.pop(client_id, None)
                    if sent is not None and self.tally.counting:
                        self.tally.fanout.append(now - sent[0])
                else:
                    waiter = self.acks.pop(client_id, None)
                    if waiter is not None and not waiter.done():
                        waiter.set_result(now)
        if not self.closing:
            self.tally.error("socket closed by the server")
            for waiter in self.acks.values():
                if not waiter.done():
                    waiter.set_exception(ConnectionError("socket closed"))

    async def close(self) -> None:
        self.closing = True
        await self.ws.close()
        with contextlib.suppress(asyncio.CancelledError):
            await self.reader


@dataclass
class YoungPerson:
    number: int
    session: str
    conversation: int
    checker: str
    http: Any = None
    live: LiveSocket | None = None


def percentile(seconds: list[float], p: int) -> float | None:
    """The p-th percentile in ms (inclusive method, as bench/sockets.py), None without data."""
    if len(seconds) < 2:
        return None
    return round(statistics.quantiles(seconds, n=100, method="inclusive")[p - 1] * 1000, 1)


async def load_run(
    port: int,
    people: dict[str, Any],
    *,
    seconds: float,
    warm_up: float,
    think: float,
    in_flight: int,
    pids: list[int],
) -> tuple[Tally, dict[str, Any]]:
    """Open every socket, let everyone act for `warm_up` + `seconds`, count the last
    `seconds`, then wait for messages still on their way to a PA and close everything.
    Returns the tally and the counted window's clocks: wall time, and the CPU the server's
    processes (`pids`), this client and the whole machine used in it."""
    import aiohttp

    base = f"http://127.0.0.1:{port}"
    origin = {"Origin": base}
    tally = Tally()
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT)
    stop = asyncio.Event()
    offer_pages: list[str] = people["offer_pages"]
    kinds, weights = list(ACTIONS), list(ACTIONS.values())

    def session(session_key: str) -> aiohttp.ClientSession:
        # A browser's own connection for each person (at most one request at a time, plus the
        # socket); the cookie sent by hand, because the portal's are Secure (HTTPS only) and a
        # cookie jar rightly keeps those off a plain-HTTP loopback.
        return aiohttp.ClientSession(
            base_url=base,
            connector=aiohttp.TCPConnector(limit=2),
            cookie_jar=aiohttp.DummyCookieJar(),
            headers={"Cookie": f"sessionid={session_key}"},
            timeout=timeout,
        )

    async def open_socket(http: aiohttp.ClientSession, query: str, is_pa: bool) -> LiveSocket:
        ws = await http.ws_connect(f"/ws/chat/{query}", headers=origin, autoping=True)
        return LiveSocket(ws, tally, is_pa=is_pa)

    pa_http = [session(p["session"]) for p in people["pas"]]
    young = [
        YoungPerson(i, y["session"], y["conversation"], y["checker"])
        for i, y in enumerate(people["young"])
    ]
    for person in young:
        person.http = session(person.session)

    gate = asyncio.Semaphore(CONNECT_AT_ONCE)
    # The proxy in front of the processes: at most `in_flight` page requests at a time (the
    # rest wait, and their wait is part of their latency).
    proxy = asyncio.Semaphore(in_flight)

    async def gated(coro: Any) -> Any:
        async with gate:
            return await coro

    # PAs first, as an inbox is open before a young person writes.
    pa_sockets = await asyncio.gather(*(gated(open_socket(h, "", True)) for h in pa_http))
    sockets = await asyncio.gather(
        *(gated(open_socket(p.http, "?receipts=1", False)) for p in young)
    )
    for person, live in zip(young, sockets, strict=True):
        person.live = live

    async def read(person: YoungPerson, kind: str, rng: random.Random) -> None:
        if kind == "offer":
            url = rng.choice(offer_pages)
        else:
            url = {"home": "/", "checker": person.checker, "my_page": "/my-page/"}.get(
                kind, "/messages/"
            )
        start = time.perf_counter()
        try:
            async with proxy:
                if stop.is_set():  # the run is over: no one is counting this one
                    return
                async with person.http.get(url, allow_redirects=False) as response:
                    await response.read()
                    status = response.status
        except TimeoutError:
            failure = f"timeout: {kind} page"
        except aiohttp.ClientError as error:
            failure = f"{type(error).__name__}: {kind} page"
        else:
            failure = None if status == 200 else f"HTTP {status}: {kind} page"
        spent = time.perf_counter() - start
        if not tally.counting:
            return
        if failure:
            tally.errors[failure] += 1
        else:
            tally.pages.append(spent)
            tally.pages_by_kind[kind].append(spent)

    async def message(person: YoungPerson, rng: random.Random) -> None:
        assert person.live is not None
        client_id = uuid.uuid4().hex
        ack = asyncio.get_running_loop().create_future()
        person.live.acks[client_id] = ack
        start = time.perf_counter()
        tally.awaiting_pa[client_id] = (start, tally.counting)
        try:
            await person.live.ws.send_json(
                {
                    "type": "send",
                    "conversation": person.conversation,
                    "body": rng.choice(MESSAGES),
                    "client_id": client_id,
                }
            )
            acked = await asyncio.wait_for(ack, REQUEST_TIMEOUT)
        except (TimeoutError, ConnectionError) as error:
            if tally.counting:
                tally.errors[f"message not acknowledged ({type(error).__name__})"] += 1
            return
        if tally.counting:
            tally.acks.append(acked - start)

    async def live(person: YoungPerson) -> None:
        rng = random.Random(person.number)
        with contextlib.suppress(TimeoutError):  # spread the first actions out
            await asyncio.wait_for(stop.wait(), rng.uniform(0, think))
        while not stop.is_set():
            kind = rng.choices(kinds, weights)[0]
            if kind == "message":
                await message(person, rng)
            else:
                await read(person, kind, rng)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), rng.expovariate(1 / think))

    tasks = [asyncio.create_task(live(p)) for p in young]
    await asyncio.sleep(warm_up)
    tally.counting = True
    before = clocks(pids)
    await asyncio.sleep(seconds)
    tally.counting = False
    after = clocks(pids)
    window = {k: (after[k] - before[k]) for k in ("wall", "client", "machine")}
    window["workers"] = [a - b for a, b in zip(after["workers"], before["workers"], strict=True)]
    stop.set()
    await asyncio.gather(*tasks)

    deadline = time.perf_counter() + DRAIN_SECONDS
    while any(c for _, c in tally.awaiting_pa.values()) and time.perf_counter() < deadline:
        await asyncio.sleep(0.1)
    lost = sum(1 for _, counted in tally.awaiting_pa.values() if counted)
    if lost:
        tally.errors[f"message never reached the PA's socket within {DRAIN_SECONDS:.0f} s"] += lost

    await asyncio.gather(*(s.close() for s in [*pa_sockets, *sockets]))
    await asyncio.gather(*(h.close() for h in [*pa_http, *(p.http for p in young)]))
    return tally, window


def clocks(pids: list[int]) -> dict[str, Any]:
    """Wall time, and CPU seconds used so far by each server process, this client (all its
    threads) and the whole machine."""
    return {
        "wall": time.perf_counter(),
        "client": time.process_time(),
        "machine": machine_busy_seconds(),
        "workers": [cpu_seconds([pid]) for pid in pids],
    }


def run_client(port: int, people: dict[str, Any], **kwargs: Any) -> tuple[Tally, dict]:
    """The client's event loop: uvloop when installed (less client CPU), else asyncio's."""
    try:
        import uvloop

        factory = uvloop.new_event_loop
    except ImportError:  # pragma: no cover - uvicorn[standard] installs it
        factory = None
    return asyncio.run(load_run(port, people, **kwargs), loop_factory=factory)


# --- One run per process count ------------------------------------------------------------------


@dataclass
class Sample:
    """One run: N processes started, loaded, counted and stopped."""

    processes: int
    tally: Tally
    window: dict[str, Any]  # the counted window's clocks (see `load_run`)
    server_errors: dict[str, int]
    connections_peak: int
    load_average: float
    phases: dict[str, float]  # seconds: start, the client's run, stop


@dataclass
class RunFigures:
    """The figures of every round with N processes, pooled: counts and CPU summed over the
    rounds' counted windows, percentiles over all their samples together."""

    processes: int
    seconds: float
    pages_per_second: float
    rounds_pages_per_second: list[float]
    page_ms: dict[int, float | None]
    page_p99_by_kind: dict[str, float | None]
    messages_per_second: float
    ack_ms: dict[int, float | None]
    fanout_ms: dict[int, float | None]
    errors: dict[str, int]  # what the people saw
    server_errors: dict[str, int]  # what the servers logged
    server_cpu_cores: float
    worker_cpu_cores: list[float]
    client_cpu_cores: float
    machine_busy_cores: float
    postgres_connections_peak: int
    load_averages: list[float]

    @classmethod
    def pooled(cls, samples: list[Sample]) -> RunFigures:
        wall = sum(s.window["wall"] for s in samples)
        pages = [x for s in samples for x in s.tally.pages]
        kinds: dict[str, list[float]] = collections.defaultdict(list)
        errors: collections.Counter[str] = collections.Counter()
        logged: collections.Counter[str] = collections.Counter()
        for sample in samples:
            for kind, seconds in sample.tally.pages_by_kind.items():
                kinds[kind].extend(seconds)
            errors.update(sample.tally.errors)
            logged.update(sample.server_errors)
        acks = [x for s in samples for x in s.tally.acks]
        fanout = [x for s in samples for x in s.tally.fanout]
        workers = [sum(w) for w in zip(*(s.window["workers"] for s in samples), strict=True)]
        return cls(
            processes=samples[0].processes,
            seconds=round(wall, 1),
            pages_per_second=round(len(pages) / wall, 1),
            rounds_pages_per_second=[
                round(len(s.tally.pages) / s.window["wall"], 1) for s in samples
            ],
            page_ms={p: percentile(pages, p) for p in (50, 95, 99)},
            page_p99_by_kind={k: percentile(v, 99) for k, v in sorted(kinds.items())},
            messages_per_second=round(len(acks) / wall, 1),
            ack_ms={p: percentile(acks, p) for p in (50, 95, 99)},
            fanout_ms={p: percentile(fanout, p) for p in (50, 95, 99)},
            errors=dict(errors),
            server_errors=dict(logged),
            server_cpu_cores=round(sum(workers) / wall, 2),
            worker_cpu_cores=[round(w / wall, 2) for w in workers],
            client_cpu_cores=round(sum(s.window["client"] for s in samples) / wall, 2),
            machine_busy_cores=round(sum(s.window["machine"] for s in samples) / wall, 2),
            postgres_connections_peak=max(s.connections_peak for s in samples),
            load_averages=[round(s.load_average, 2) for s in samples],
        )


def server_errors(log: str) -> dict[str, int]:
    """What the servers logged at ERROR during the run, one entry per failure: Django's
    "Internal Server Error: /path" (or 503) and uvicorn's "Exception in ASGI application", each
    with the exception that ended its traceback."""
    found: collections.Counter[str] = collections.Counter()
    blocks = re.split(r"\n(?=[^\n]*\bERROR\b)", log)
    for block in blocks[1:]:
        first = block.split("\n", 1)[0]
        what = re.sub(r"^.*?\bERROR\b:?\s*(django\.request: )?", "", first)
        what = re.sub(r"/offer/\S+", "/offer/...", what)
        exceptions = EXCEPTION_LINE.findall(block)
        cause = f" ({exceptions[-1][0]}: {exceptions[-1][1][:100]})" if exceptions else ""
        found[f"{what}{cause}"] += 1
    return dict(found)


def sample_log(log: Path) -> str:
    """The part of the log written by the last run."""
    text = log.read_text(errors="replace")
    return text[text.rfind("\n=== ") :]


def first_traceback(log: str, lines: int = 60) -> str:
    """The first traceback in the log, to print when a run had errors."""
    start = log.find("Traceback (most recent call last)")
    if start < 0:
        return ""
    return "\n".join(log[start:].splitlines()[:lines])


# The exception line that ends a traceback: not indented, a dotted class name, a colon.
EXCEPTION_LINE = re.compile(
    r"^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Timeout|Refused)): (.*)$", re.MULTILINE
)


def one_run(
    processes: int,
    env: dict[str, str],
    port: int,
    people: dict[str, Any],
    log: Path,
    *,
    seconds: float,
    warm_up: float,
    think: float,
) -> Sample:
    """Start N processes, load them, stop them; what the run saw, and what the servers logged."""
    flush_redis()
    server = Server(processes, port, env, log)
    phases = {"start": time.perf_counter()}
    try:
        server.start()
        phases["client"] = time.perf_counter()
        load_average = os.getloadavg()[0]
        with ConnectionWatch() as watch:
            tally, window = run_client(
                port,
                people,
                seconds=seconds,
                warm_up=warm_up,
                think=think,
                in_flight=IN_FLIGHT_PER_PROCESS * processes,
                pids=server.worker_pids(),
            )
        phases["stop"] = time.perf_counter()
    finally:
        server.stop()
    phases["end"] = time.perf_counter()
    return Sample(
        processes=processes,
        tally=tally,
        window=window,
        server_errors=server_errors(server.run_log()),
        connections_peak=watch.peak,
        load_average=load_average,
        phases={
            "start": phases["client"] - phases["start"],
            "client": phases["stop"] - phases["client"],
            "stop": phases["end"] - phases["stop"],
        },
    )


def prepare(env: dict[str, str], count: int, workdir: Path, log: Path) -> dict[str, Any]:
    """The database from nothing: migrated, the demo, static files, and the bench's people."""
    drop_database()
    admin_sql(f"CREATE DATABASE {DATABASE}")
    flush_redis()
    manage(env, "migrate", "--noinput", log=log)
    manage(env, "demo", "--json", log=log)
    manage(env, "collectstatic", "--noinput", log=log)
    out = workdir / "people.json"
    with log.open("a") as errors:
        subprocess.run(
            [PYTHON, str(Path(__file__)), "--make-people", str(count), "--out", str(out)],
            cwd=ROOT,
            env=env,
            stdout=errors,
            stderr=errors,
            check=True,
        )
    return json.loads(out.read_text())


def measure(
    *,
    people: int = PEOPLE,
    seconds: float = SECONDS,
    warm_up: float = WARM_UP_SECONDS,
    think: float = THINK_SECONDS,
    counts: tuple[int, ...] = PROCESS_COUNTS,
    rounds: int = ROUNDS,
    keep_log: Path | None = None,
) -> list[RunFigures]:
    """Set up, `rounds` runs per process count, and always drop the database and empty
    Redis 13 afterwards."""
    port = free_port()
    env = server_env(port, secret_key=secrets.token_urlsafe(60))
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        workdir = Path(tmp)
        log = workdir / "server.log"
        try:
            started = time.perf_counter()
            population = prepare(env, people, workdir, log)
            print(
                f"Load: database, demo and {people} people ready in "
                f"{time.perf_counter() - started:.0f} s"
            )
            samples: dict[int, list[Sample]] = {n: [] for n in counts}
            for round_ in range(1, rounds + 1):
                for n in counts:  # interleaved, so that a change in the machine hits both
                    sample = one_run(
                        n,
                        env,
                        port,
                        population,
                        log,
                        seconds=seconds,
                        warm_up=warm_up,
                        think=think,
                    )
                    samples[n].append(sample)
                    took = ", ".join(f"{k} {v:.0f} s" for k, v in sample.phases.items())
                    pages = len(sample.tally.pages) / sample.window["wall"]
                    print(f"Load, {n} process(es), round {round_}: {pages:.1f} pages/s ({took})")
                    if sample.tally.errors or sample.server_errors:
                        print(f"  errors seen: {dict(sample.tally.errors)}")
                        print(f"  errors logged: {sample.server_errors}")
                        first = first_traceback(sample_log(log))
                        if first:
                            print("  the server's first traceback:\n" + first)
            return [RunFigures.pooled(samples[n]) for n in counts]
        except Exception:
            if log.exists():
                print(log.read_text(errors="replace")[-4000:])
            raise
        finally:
            if keep_log is not None:
                keep_log.write_text(log.read_text(errors="replace") if log.exists() else "")
            with contextlib.suppress(Exception):
                drop_database()
            with contextlib.suppress(Exception):
                flush_redis()


# --- Measures for results.json ------------------------------------------------------------------


def label(n: int) -> str:
    return f"{n}_process" if n == 1 else f"{n}_processes"


def results_for(runs: list[RunFigures], *, people: int, think: float) -> list[dict]:
    """The contract's objects. The two-process figures compare with the one-process run of the
    same bench (baseline), so their ratio is the scaling: above 1 is more for throughput, and
    below 1 is better for latency."""
    base = runs[0]
    cores = os.cpu_count()
    how = (
        f"{people} signed-in young people (caseloads of {CASELOAD}, each PA's socket open) in a "
        f"closed loop, think time exponential with mean {think:g} s, {ACTIONS['message']}% of "
        f"actions a message and the rest pages; at most {IN_FLIGHT_PER_PROCESS} page requests "
        "in flight per process (a proxy's limit); uvicorn on loopback, PostgreSQL, Redis and "
        f"the client on the same {cores}-core machine"
    )
    out: list[dict] = []

    def add(
        name: str, value: float | None, unit: str, run: RunFigures, note: str, compare: bool = True
    ) -> None:
        if value is None:
            return
        row: dict[str, Any] = {"name": f"{name}_{label(run.processes)}", "value": value}
        row["unit"] = unit
        first = next((r["value"] for r in out if r["name"] == f"{name}_{label(1)}"), None)
        if compare and run is not base and first:
            row["baseline"] = first
            row["ratio"] = round(value / first, 2)
        row["note"] = note
        out.append(row)

    for run in runs:
        versus = f"; baseline: one process, ratio = {run.processes} / 1" if run is not base else ""
        cpu = (
            f"in the {run.seconds} s counted: the portal's processes used {run.server_cpu_cores} "
            f"cores ({' + '.join(str(w) for w in run.worker_cpu_cores)}), the load client "
            f"{run.client_cpu_cores}, the whole machine {run.machine_busy_cores} of {cores} "
            f"(load averages as the rounds started: "
            f"{', '.join(str(x) for x in run.load_averages)})"
        )
        by_kind = ", ".join(f"{k} {v}" for k, v in run.page_p99_by_kind.items())
        add(
            "load_pages_per_second",
            run.pages_per_second,
            "pages/s",
            run,
            f"{how}. Pages answered 200 per second over {run.seconds} s counted in "
            f"{len(run.rounds_pages_per_second)} rounds taking turns with the other process "
            f"count (each after {WARM_UP_SECONDS:g} s not counted; by round: "
            f"{', '.join(str(x) for x in run.rounds_pages_per_second)}); {cpu}{versus}",
        )
        for p in (50, 95, 99):
            add(
                f"load_page_ms_p{p}",
                run.page_ms[p],
                "ms",
                run,
                "request sent (or queued at the proxy's limit) to body read, every page kind"
                + (f"; p99 by kind (ms): {by_kind}" if p == 99 else "")
                + versus,
            )
        add(
            "load_messages_per_second",
            run.messages_per_second,
            "messages/s",
            run,
            "messages sent over /ws/chat/ and acknowledged (stored, and echoed to the sender); "
            "each person's next action waits for the last, so this moves with the latencies"
            + versus,
        )
        for p in (50, 99):
            add(
                f"load_message_ack_ms_p{p}",
                run.ack_ms[p],
                "ms",
                run,
                "from the send frame to the sender's own echo: stored and announced" + versus,
            )
        for p in (50, 95, 99):
            add(
                f"load_fanout_ms_p{p}",
                run.fanout_ms[p],
                "ms",
                run,
                "from the young person's send frame to the message frame on their PA's socket "
                "(with two processes, often open in the other process: through Redis)" + versus,
            )
        kinds = "; ".join(f"{k}: {v}" for k, v in sorted(run.errors.items())) or "none"
        out.append(
            {
                "name": f"load_errors_{label(run.processes)}",
                "value": sum(run.errors.values()),
                "unit": "errors",
                "note": "what the people saw, counted: pages not answered 200, timeouts, error "
                "frames, sockets closed, messages not acknowledged or never on the PA's socket; "
                f"by kind: {kinds}",
            }
        )
        logged = "; ".join(f"{k}: {v}" for k, v in sorted(run.server_errors.items())) or "none"
        out.append(
            {
                "name": f"load_server_errors_logged_{label(run.processes)}",
                "value": sum(run.server_errors.values()),
                "unit": "errors",
                "note": f"ERROR entries in the servers' log over the whole run: {logged}",
            }
        )
        add("load_server_cpu_cores", run.server_cpu_cores, "cores", run, cpu + versus)
        add("load_client_cpu_cores", run.client_cpu_cores, "cores", run, cpu, compare=False)
        add("load_machine_busy_cores", run.machine_busy_cores, "cores", run, cpu, compare=False)
        add(
            "load_postgres_connections_peak",
            run.postgres_connections_peak,
            "connections",
            run,
            "most connections to the bench database at once, sampled twice a second over the "
            "whole run (Django opens one per page request in flight, and one for each "
            "process's socket work)" + versus,
        )
    return out


def load_measures(**options: Any) -> list[dict]:
    """The load measures, or none (saying why) when PostgreSQL or Redis does not answer.
    `options` are `measure`'s (people, seconds, warm_up, think, counts, rounds, keep_log)."""
    reason = services_answer()
    if reason is not None:
        print(f"Skipping the load measures: {reason}")
        return []
    runs = measure(**options)
    return results_for(
        runs, people=options.get("people", PEOPLE), think=options.get("think", THINK_SECONDS)
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--people", type=int, default=PEOPLE)
    parser.add_argument("--seconds", type=float, default=SECONDS, help="counted, per round")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--warm-up", type=float, default=WARM_UP_SECONDS)
    parser.add_argument("--think", type=float, default=THINK_SECONDS)
    parser.add_argument(
        "--processes", type=int, nargs="+", default=list(PROCESS_COUNTS), help="e.g. 1 2"
    )
    parser.add_argument("--log", type=Path, help="keep the servers' log in this file")
    parser.add_argument("--make-people", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    if args.make_people:
        args.out.write_text(json.dumps(make_people(args.make_people)))
        return
    results = load_measures(
        people=args.people,
        seconds=args.seconds,
        warm_up=args.warm_up,
        think=args.think,
        counts=tuple(args.processes),
        rounds=args.rounds,
        keep_log=args.log,
    )
    width = max((len(r["name"]) for r in results), default=0)
    for r in results:
        extra = f" (baseline {r['baseline']}, ratio {r['ratio']})" if "ratio" in r else ""
        print(f"{r['name']:<{width}} {r['value']:>10} {r['unit']}{extra}")
        if r["name"].startswith("load_errors") and r["value"]:
            print(f"    {r['note']}")


if __name__ == "__main__":
    main()
