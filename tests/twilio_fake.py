"""Twilio's servers, stood in for: the one thing outside this machine.

Only the HTTP transport of Twilio's own client is replaced (the client accepts one), so the
request our code makes through the real client is what the tests check. The portal picks its
transport from `TWILIO_HTTP_CLIENT`; tests point it at `current` (in this process) or at
`from_environment` (a worker or server process the test started, logging to a file).
"""

from __future__ import annotations

import json
import logging
import os
import uuid
from pathlib import Path

import requests
from twilio.http import HttpClient
from twilio.http.response import Response
from urllib3.exceptions import MaxRetryError, NewConnectionError

ACCOUNT = "AC" + "0" * 32
TOKEN = "twilio-test-auth-token"
FROM = "+447400123400"
MESSAGES_URL = f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}/Messages.json"

# Answers the fake can be told to give, in order, instead of "201 Created".
BUSY = 503
TOO_MANY = 429
INVALID_NUMBER = (400, 21211, "The 'To' number +447400123456 is not a valid phone number.")
UNSUBSCRIBED = (400, 21610, "Attempt to send to unsubscribed recipient")
CANNOT_CONNECT = "cannot connect"
NO_ANSWER = "read timeout"


class FakeTwilio(HttpClient):
    """Records each request and answers as Twilio's REST API does."""

    def __init__(self, answers: list | None = None, log_path: str | None = None) -> None:
        super().__init__(logger=logging.getLogger("tests.twilio"), is_async=False)
        self.requests: list[dict] = []
        self.answers = list(answers or [])
        self.log_path = Path(log_path) if log_path else None

    def request(
        self,
        method,
        url,
        params=None,
        data=None,
        headers=None,
        auth=None,
        timeout=None,
        allow_redirects=False,
    ):
        record = {"method": method, "url": url, "data": dict(data or {}), "auth": list(auth)}
        self.requests.append(record)
        answer = self.answers.pop(0) if self.answers else 201
        sid = "SM" + uuid.uuid4().hex
        if self.log_path is not None:
            # With the sid it answers, so a test can send status callbacks for that text.
            with self.log_path.open("a") as log:
                log.write(json.dumps({**record, "sid": sid if answer == 201 else None}) + "\n")
        if answer == CANNOT_CONNECT:
            refused = NewConnectionError(None, "Connection refused")
            raise requests.exceptions.ConnectionError(MaxRetryError(None, url, refused))
        if answer == NO_ANSWER:
            raise requests.exceptions.ReadTimeout("Read timed out. (read timeout=15)")
        if answer == 201:
            body = {
                "sid": sid,
                "account_sid": ACCOUNT,
                "to": data["To"],
                "body": data["Body"],
                "status": "queued",
            }
            return Response(201, json.dumps(body))
        status, code, message = answer if isinstance(answer, tuple) else (answer, 20500, "Busy")
        return Response(status, json.dumps({"code": code, "message": message, "status": status}))


_current: FakeTwilio | None = None


def install(fake: FakeTwilio) -> FakeTwilio:
    global _current
    _current = fake
    return fake


def current() -> FakeTwilio:
    """`TWILIO_HTTP_CLIENT` for tests in this process: the fake the fixture installed."""
    assert _current is not None, "install a FakeTwilio first"
    return _current


def from_environment() -> FakeTwilio:
    """`TWILIO_HTTP_CLIENT` for a process a test started: logs to `FAKE_TWILIO_LOG`."""
    return FakeTwilio(log_path=os.environ["FAKE_TWILIO_LOG"])


def logged_requests(log_path: Path) -> list[dict]:
    if not log_path.exists():
        return []
    return [json.loads(line) for line in log_path.read_text().splitlines() if line]
