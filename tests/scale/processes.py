"""The portal as separate processes, for tests that need production's shape: uvicorn serving
HTTP and WebSockets, the text worker (`manage.py db_worker`), and a redis-server of the test's
own that can be stopped and started again.

Every portal process runs the portal's own settings pointed at pytest-django's test database
(`tests/browser/daphne_settings.py`, named for the first server the tests started), so what a
process writes the test reads, and the other way round. The browser tests start their Daphne
server and text worker with these helpers too.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from django.db import connections

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = "tests.browser.daphne_settings"
# A cold start imports Django, Wagtail and the portal: seconds, more on a busy 2-core CI machine.
START_WITHIN = 60.0


def free_port() -> int:
    """A port nothing listens on now (the OS picks it), for a server about to start."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def portal_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """The environment of a portal process: this one's, on the test database, plus `extra`
    (a test's REDIS_URL, Twilio's stand-in...)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "PORTAL_TEST_DATABASE_NAME": str(connections["default"].settings_dict["NAME"]),
        **(extra or {}),
    }


def stop(process: subprocess.Popen, *, kill: bool = False) -> None:
    """SIGTERM and wait, as a supervisor stops a process (SIGKILL if it does not go in time);
    `kill=True` is a crash: SIGKILL at once, no clean-up in the process."""
    if process.poll() is not None:
        return
    if kill:
        process.kill()
    else:
        process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


def _log_of(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else "(no log)"


def wait_until_healthy(url: str, process: subprocess.Popen, log_path: Path) -> None:
    """Poll `url`/healthz until the server answers 200; raise with its log if it dies or
    does not answer within START_WITHIN."""
    deadline = time.monotonic() + START_WITHIN
    while True:
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=2) as answer:  # noqa: S310
                if answer.status == 200:
                    return
        except (OSError, urllib.error.URLError):
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            stop(process, kill=True)
            raise RuntimeError(f"The server at {url} did not start:\n{_log_of(log_path)}")
        time.sleep(0.1)


@dataclass
class Portal:
    """One uvicorn process serving the whole portal, as `make run-prod` runs each worker."""

    port: int
    process: subprocess.Popen
    log_path: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def ws_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/ws/chat/"

    def stop(self, *, kill: bool = False) -> None:
        stop(self.process, kill=kill)

    def log(self) -> str:
        return _log_of(self.log_path)


def uvicorn_command(port: int) -> list[str]:
    """The production server's command line (see the Makefile's `run-prod`), one worker."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "portal.asgi:application",
        "--host=127.0.0.1",
        f"--port={port}",
        "--proxy-headers",
        "--lifespan=off",  # Channels' router has no lifespan events to answer
        "--no-access-log",
    ]


def launch_portal(env: Mapping[str, str], folder: Path) -> Portal:
    """Start uvicorn on a free port, logging to `folder`; `wait_until_healthy` before using
    it (start several first, then wait, and they start side by side)."""
    port = free_port()
    log_path = folder / f"uvicorn-{port}.log"
    log = log_path.open("a")
    process = subprocess.Popen(
        uvicorn_command(port), cwd=ROOT, env=dict(env), stdout=log, stderr=subprocess.STDOUT
    )
    log.close()  # the child has its own copy
    return Portal(port=port, process=process, log_path=log_path)


def start_portals(env: Mapping[str, str], folder: Path, count: int) -> list[Portal]:
    """`count` uvicorn processes with the same environment, each on its own port, answering."""
    portals = [launch_portal(env, folder) for _ in range(count)]
    for portal in portals:
        wait_until_healthy(portal.url, portal.process, portal.log_path)
    return portals


def start_worker(env: Mapping[str, str], log_path: Path) -> subprocess.Popen:
    """The text worker as production runs it, polling every 0.1 s so tests need not wait."""
    log = log_path.open("a")
    worker = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "db_worker",
            "--backend=texts",
            "--queue-name=texts",
            "--no-reload",
            "--no-startup-delay",
            "--interval=0.1",
        ],
        cwd=ROOT,
        env=dict(env),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    return worker


REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


class RedisServer:
    """A redis-server of the test's own, on a port chosen once: `stop()` and `start()` again
    are a Redis restart the portal's processes must live through. It keeps nothing on disk,
    so a restart loses everything in it, as a crashed Redis without persistence does."""

    def __init__(self, folder: Path) -> None:
        self.port = free_port()
        self.folder = folder
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        log = (self.folder / "redis.log").open("a")
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.folder),
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
        deadline = time.monotonic() + START_WITHIN
        while not self.answers():
            if self.process.poll() is not None or time.monotonic() > deadline:
                log = _log_of(self.folder / "redis.log")
                raise RuntimeError(f"redis-server did not start:\n{log}")
            time.sleep(0.05)

    def answers(self) -> bool:
        """Does it answer PING (spoken by hand: the test needs no client for this)?"""
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=1) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=10)
            self.process = None
