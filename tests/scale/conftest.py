"""Production's shape in tests: several uvicorn processes, the text worker, one PostgreSQL
and one Redis, all real (only Twilio's HTTP transport is stood in for).

These tests need the run on PostgreSQL and Redis (`make test-services`): several processes
share PostgreSQL's test database, and one Redis as their channel layer, which SQLite and the
in-memory layer cannot give. On the embedded run they skip, saying so.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

import psycopg
import pytest
from asgiref.sync import sync_to_async
from django.conf import settings
from django.db import connection, connections

from tests import services, twilio_fake
from tests.scale import clients, processes

# Every portal process a test starts connects as this, so the database outage test can find
# their connections (and only theirs) to cut.
APPLICATION_NAME = "portal-under-test"


@pytest.fixture
async def postgres_and_redis():
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        pytest.skip(
            "needs the run on PostgreSQL and Redis (DATABASE_URL and REDIS_URL set, as "
            "`make test-services` sets them): several processes share one database and Redis"
        )
    services.require("postgres")
    services.require("redis")
    yield
    # The test's database calls ran in asgiref's thread (`sync_to_async`), which outlives the
    # test: close its connection, or the test database cannot be dropped at the end.
    await sync_to_async(connections.close_all)()


@pytest.fixture
def portal_env() -> dict[str, str]:
    """What every process the test starts runs with, as `make run-prod` runs them: no
    persistent database connections under ASGI (Django's advice), one public address for
    Twilio's signatures whichever process answers. A test adds to it before starting any."""
    return {
        "DATABASE_CONN_MAX_AGE": "0",
        "PGAPPNAME": APPLICATION_NAME,
        "PUBLIC_BASE_URL": clients.PUBLIC_BASE_URL,
    }


class Twilio:
    """Twilio as the started processes see it: its real client, with the HTTP transport
    replaced (tests/scale/twilio_script.py). `answer(...)` scripts what it says next."""

    def __init__(self, folder: Path) -> None:
        self.log = folder / "twilio-requests.jsonl"
        self.script = folder / "twilio-script.json"
        self.script.write_text("[]")

    @property
    def env(self) -> dict[str, str]:
        return {
            "TWILIO_ACCOUNT_SID": twilio_fake.ACCOUNT,
            "TWILIO_AUTH_TOKEN": twilio_fake.TOKEN,
            "TWILIO_FROM_NUMBER": twilio_fake.FROM,
            "TWILIO_HTTP_CLIENT": "tests.scale.twilio_script.from_environment",
            "FAKE_TWILIO_LOG": str(self.log),
            "FAKE_TWILIO_SCRIPT": str(self.script),
        }

    def answer(self, *answers) -> None:
        self.script.write_text(json.dumps(list(answers)))

    def requests(self) -> list[dict]:
        return twilio_fake.logged_requests(self.log)


@pytest.fixture
def twilio(tmp_path, portal_env) -> Twilio:
    stand_in = Twilio(tmp_path)
    portal_env.update(stand_in.env)
    return stand_in


@pytest.fixture
def portals(tmp_path, portal_env):
    """Start uvicorn processes on the test database: `await portals(2)`. All are stopped
    after the test, and their logs printed (pytest shows them when a test fails)."""
    started: list[processes.Portal] = []

    async def start(count: int) -> list[processes.Portal]:
        env = processes.portal_env(portal_env)
        new = await asyncio.to_thread(processes.start_portals, env, tmp_path, count)
        started.extend(new)
        return new

    yield start
    for portal in started:
        portal.stop()
        print(f"--- {portal.url}\n{portal.log()[-4000:]}")


@pytest.fixture
def text_worker(tmp_path, portal_env):
    """Start the text worker (`manage.py db_worker`) on the test database: `text_worker()`;
    it returns the process (a test may kill it). Stopped after the test."""
    started: list[subprocess.Popen] = []
    log_path = tmp_path / "worker.log"

    def start() -> subprocess.Popen:
        worker = processes.start_worker(processes.portal_env(portal_env), log_path)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        processes.stop(worker)
    if log_path.exists():
        print(f"--- text worker\n{log_path.read_text()[-4000:]}")


@pytest.fixture
def redis_server(tmp_path, portal_env):
    """A redis-server of this test's own (see `processes.RedisServer`), as the started
    processes' REDIS_URL; stopped after the test."""
    if shutil.which("redis-server") is None:
        reason = "redis-server is not installed (apt-get install redis-server)"
        if services.required():
            pytest.fail(f"{reason}, and REQUIRE_SERVICES=1 says it must be.")
        pytest.skip(reason)
    folder = tmp_path / "redis"
    folder.mkdir()
    server = processes.RedisServer(folder)
    server.start()
    portal_env["REDIS_URL"] = server.url
    yield server
    server.stop()


class PostgresOutage:
    """PostgreSQL going away under the portal's processes, for real: the test's own database
    stops taking connections and the processes' connections are cut. The test process keeps
    its own connections (not cut), to look at the rows afterwards."""

    def __init__(self) -> None:
        self.name = connection.settings_dict["NAME"]
        # Only ever the database pytest-django made for this run, never one it was given.
        assert self.name.startswith("test_"), f"{self.name} is not a test database"
        self.admin = self._connect("postgres", autocommit=True)

    @staticmethod
    def _connect(dbname: str, *, autocommit: bool) -> psycopg.Connection:
        database = connection.settings_dict
        return psycopg.connect(
            host=database["HOST"] or None,
            port=database["PORT"] or None,
            user=database["USER"] or None,
            password=database["PASSWORD"] or None,
            dbname=dbname,
            autocommit=autocommit,
        )

    def hold_row(self, table: str, pk: int) -> psycopg.Connection:
        """A transaction of the test's own holding one row (FOR NO KEY UPDATE: an insert that
        refers to it goes ahead, an UPDATE of it waits) until the connection is closed."""
        holder = self._connect(self.name, autocommit=False)
        holder.execute(f'SELECT 1 FROM "{table}" WHERE id = %s FOR NO KEY UPDATE', (pk,))  # noqa: S608
        return holder

    def begin(self) -> None:
        self.admin.execute(f'ALTER DATABASE "{self.name}" WITH ALLOW_CONNECTIONS false')
        self.admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
            " WHERE datname = %s AND application_name = %s",
            (self.name, APPLICATION_NAME),
        )

    def end(self) -> None:
        self.admin.execute(f'ALTER DATABASE "{self.name}" WITH ALLOW_CONNECTIONS true')

    def portal_waits_on_a_lock(self) -> bool:
        """Is one of the portal's transactions stopped, waiting for a row the test holds?"""
        return bool(
            self.admin.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = %s"
                " AND application_name = %s AND wait_event_type = 'Lock'",
                (self.name, APPLICATION_NAME),
            ).fetchone()[0]
        )


@pytest.fixture
def postgres_outage(postgres_and_redis):
    """`begin()` and `end()` an outage of the test database. It always ends, whatever the test
    did: connections are allowed again before and after (so a run killed mid-outage does not
    leave the next one locked out)."""
    outage = PostgresOutage()
    outage.end()
    try:
        yield outage
    finally:
        outage.end()
        outage.admin.close()
