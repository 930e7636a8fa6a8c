"""Browser tests: Debian's Chromium driven by Playwright against the live test server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connections

from tests.services import CHROMIUM, require

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture(scope="module")
def chromium():
    """One browser per test module: Playwright's sync API holds an event loop on this thread
    while it runs, so it must be closed before the async tests in other modules."""
    require("chromium")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # between page actions are still plain synchronous calls.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def phone(chromium):
    """A page the size of a small phone, 360 px wide."""
    context = chromium.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=1)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_javascript(chromium):
    context = chromium.new_context(
        viewport={"width": 360, "height": 740}, java_script_enabled=False
    )
    yield context.new_page()
    context.close()


@pytest.fixture
def demo(transactional_db) -> dict[str, dict]:
    """The demo people and published offer (a live-server test starts from an empty database)."""
    out = StringIO()
    call_command("demo", "--json", stdout=out)
    accounts = json.loads(out.getvalue())["accounts"]
    by_role: dict[str, dict] = {}
    for account in accounts:
        by_role.setdefault(account["role"], account)
    return by_role


@pytest.fixture
def screenshot(tmp_path):
    """Save a full-page PNG; into docs/screenshots when UPDATE_SCREENSHOTS=1."""
    folder = SCREENSHOTS if os.environ.get("UPDATE_SCREENSHOTS") == "1" else tmp_path

    def take(page, name: str) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


DAPHNE = [sys.executable, "-m", "daphne", "-b", "127.0.0.1"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def asgi_server(transactional_db, tmp_path):
    """The whole portal, HTTP and WebSockets, served by Daphne (what `make run` serves) in its
    own process on the test database. pytest-django's `live_server` speaks only WSGI."""
    port = _free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.browser.daphne_settings",
        "PORTAL_TEST_DATABASE_NAME": str(connections["default"].settings_dict["NAME"]),
    }
    log = (tmp_path / "daphne.log").open("w+")
    server = subprocess.Popen(
        [*DAPHNE, "-p", str(port), "tests.browser.daphne_app:application"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                server.kill()
                log.seek(0)
                raise RuntimeError(f"Daphne did not start:\n{log.read()}") from None
            time.sleep(0.1)
    yield f"http://127.0.0.1:{port}"
    server.terminate()
    server.wait(timeout=10)
    log.close()
