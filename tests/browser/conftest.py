"""Browser tests: Debian's Chromium driven by Playwright against the live test server."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.scale import processes
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


@pytest.fixture
def portal_env() -> dict[str, str]:
    """Environment for the portal processes a test starts (the server, the text worker); a
    fixture such as `fake_twilio_log` adds to it before they start."""
    return {}


@pytest.fixture
def fake_twilio_log(tmp_path, portal_env) -> Path:
    """Twilio configured in the started processes, with only its HTTP transport replaced:
    every request the real client makes is written to this file (see tests/twilio_fake.py)."""
    from tests import twilio_fake

    log = tmp_path / "twilio-requests.jsonl"
    portal_env.update(
        {
            "TWILIO_ACCOUNT_SID": twilio_fake.ACCOUNT,
            "TWILIO_AUTH_TOKEN": twilio_fake.TOKEN,
            "TWILIO_FROM_NUMBER": twilio_fake.FROM,
            "TWILIO_HTTP_CLIENT": "tests.twilio_fake.from_environment",
            "FAKE_TWILIO_LOG": str(log),
        }
    )
    return log


@pytest.fixture
def asgi_server(transactional_db, tmp_path, portal_env):
    """The whole portal, HTTP and WebSockets, served by Daphne (what `make run` serves) in its
    own process on the test database. pytest-django's `live_server` speaks only WSGI."""
    port = processes.free_port()
    url = f"http://127.0.0.1:{port}"
    portal_env["PUBLIC_BASE_URL"] = url
    log_path = tmp_path / "daphne.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [*DAPHNE, "-p", str(port), "tests.browser.daphne_app:application"],
            cwd=ROOT,
            env=processes.portal_env(portal_env),
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    processes.wait_until_healthy(url, server, log_path)
    yield url
    processes.stop(server)


@pytest.fixture
def text_worker(asgi_server, portal_env, tmp_path):
    """The task worker that sends texts, `manage.py db_worker` as production runs it, in its
    own process on the test database. Yields its log file."""
    log_path = tmp_path / "worker.log"
    worker = processes.start_worker(processes.portal_env(portal_env), log_path)
    yield log_path
    processes.stop(worker)
