"""Where the test suite finds PostgreSQL, Redis and Chromium, and whether they answer.

`make test` runs the suite on the embedded defaults, then again on PostgreSQL and Redis. A test
that needs a service calls `require(...)`: it skips with the reason when the service is absent,
unless REQUIRE_SERVICES=1 (as in CI), when it fails instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import sys
from urllib.parse import urlparse

import pytest

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")
TEST_REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def required() -> bool:
    return os.environ.get("REQUIRE_SERVICES") == "1"


def _answers(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection((parsed.hostname, parsed.port or default_port), timeout=2):
            return True
    except OSError:
        return False


def postgres_answers() -> bool:
    return _answers(TEST_DATABASE_URL, 5432)


def redis_answers() -> bool:
    return _answers(TEST_REDIS_URL, 6379)


def chromium_present() -> bool:
    return shutil.which(CHROMIUM) is not None


def require(service: str) -> None:
    """Skip (or, with REQUIRE_SERVICES=1, fail) unless `service` is here."""
    checks = {
        "postgres": (postgres_answers, f"PostgreSQL does not answer at {TEST_DATABASE_URL}"),
        "redis": (redis_answers, f"Redis does not answer at {TEST_REDIS_URL}"),
        "chromium": (chromium_present, f"Chromium is not at {CHROMIUM} (apt-get install chromium)"),
    }
    check, reason = checks[service]
    if check():
        return
    if required():
        pytest.fail(f"{reason}, and REQUIRE_SERVICES=1 says it must be.")
    pytest.skip(reason)


if __name__ == "__main__":
    # `python tests/services.py postgres redis`: exit 0 if all answer (used by the Makefile).
    missing = [
        name
        for name in sys.argv[1:]
        if not {"postgres": postgres_answers, "redis": redis_answers, "chromium": chromium_present}[
            name
        ]()
    ]
    for name in missing:
        print(f"{name} is not available", file=sys.stderr)
    sys.exit(1 if missing else 0)
