"""Twilio's HTTP transport stood in for across processes, answering as a test scripts it.

`tests.twilio_fake.FakeTwilio` answers from a list in its own process; the portal's processes
(the text worker above all) make a new client for every text, so the script lives in a file
the test writes and every process reads: each request takes the next answer, under a lock,
and once the script is used up Twilio takes every text ("201 Created"). `HANG` is Twilio
never answering, for a worker to die while it waits.
"""

from __future__ import annotations

import fcntl
import json
import os
import time
from pathlib import Path

from tests.twilio_fake import FakeTwilio

HANG = "hang"


def _next_answer(script: Path):
    """Take the first answer off the script (shared by every process, so under a lock)."""
    with script.open("r+") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        answers = json.loads(file.read() or "[]")
        answer = answers.pop(0) if answers else 201
        file.seek(0)
        file.truncate()
        file.write(json.dumps(answers))
    return tuple(answer) if isinstance(answer, list) else answer


class ScriptedTwilio(FakeTwilio):
    """A `FakeTwilio` whose next answer comes from the script in `FAKE_TWILIO_SCRIPT`."""

    def request(self, method, url, params=None, data=None, headers=None, auth=None, **kwargs):
        answer = _next_answer(Path(os.environ["FAKE_TWILIO_SCRIPT"]))
        if answer == HANG:
            record = {"method": method, "url": url, "data": dict(data or {}), "sid": None}
            with Path(os.environ["FAKE_TWILIO_LOG"]).open("a") as log:
                log.write(json.dumps({**record, "auth": list(auth)}) + "\n")
            time.sleep(3600)  # until the test kills the worker waiting here
        self.answers = [answer]
        return super().request(method, url, params, data, headers, auth, **kwargs)


def from_environment() -> ScriptedTwilio:
    """`TWILIO_HTTP_CLIENT` for a process a test started."""
    return ScriptedTwilio(log_path=os.environ["FAKE_TWILIO_LOG"])
