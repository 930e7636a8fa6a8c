"""What a phone or Twilio does to the portal's processes, from a test: open `/ws/chat/` with a
session cookie, post a page's form, post a signed webhook. Plain HTTP through urllib (in a
thread, so two requests can really race) and sockets through `websockets`."""

from __future__ import annotations

import asyncio
import json
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field

from asgiref.sync import sync_to_async
from twilio.request_validator import RequestValidator
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from tests import twilio_fake
from tests.chat.conftest import cookie_for

# The portal's public address, as Twilio knows it, given to every process the tests start.
PUBLIC_BASE_URL = "https://portal.example.gov.uk"
# How long a test waits for something a user would see soon (a frame, a row): generous for a
# busy CI machine; nothing is asserted about how long it took.
SOON = 20.0


def origin_of(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]  # names in lower case
    body: str

    def json(self) -> dict:
        return json.loads(self.body)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def request(
    url: str,
    *,
    data: dict[str, str] | None = None,
    headers: dict[str, str] | None = None,
    cookies: dict[str, str] | None = None,
) -> Answer:
    """One HTTP request (POST when `data` is given), redirects not followed."""
    headers = dict(headers or {})
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    call = urllib.request.Request(url, data=body, headers=headers)  # noqa: S310 (our server)
    try:
        with _opener.open(call, timeout=SOON) as answer:
            return Answer(answer.status, _lower(answer.headers), answer.read().decode())
    except urllib.error.HTTPError as refused:
        return Answer(refused.code, _lower(refused.headers), refused.read().decode())


def _lower(headers) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


async def arequest(url: str, **kwargs) -> Answer:
    return await asyncio.to_thread(request, url, **kwargs)


async def eventually(check, what: str) -> None:
    """Wait until `check()` (synchronous: it may read the database) is true; fail saying
    `what` did not happen. Only that it happens is asserted, never how soon."""
    deadline = asyncio.get_running_loop().time() + SOON
    while not await sync_to_async(check)():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"{what} did not happen")
        await asyncio.sleep(0.1)


def _signed_by_twilio(base_url: str, path: str, params: dict[str, str]) -> dict:
    """A call from Twilio to one process: signed, as Twilio signs, over the public URL
    (`PUBLIC_BASE_URL`, the same for every process), whichever process receives it."""
    signature = RequestValidator(twilio_fake.TOKEN).compute_signature(
        f"{PUBLIC_BASE_URL}{path}", params
    )
    return {
        "url": f"{base_url}{path}",
        "data": params,
        "headers": {"X-Twilio-Signature": signature},
    }


def signed_text(base_url: str, **fields: str) -> dict:
    """Twilio's inbound webhook: a text to the council's number (`request(**signed_text(...))`)."""
    params = {"AccountSid": twilio_fake.ACCOUNT, "To": twilio_fake.FROM, **fields}
    return _signed_by_twilio(base_url, "/sms/inbound/", params)


def status_callback(base_url: str, sid: str, status: str) -> dict:
    """Twilio's status callback: what became of a text the portal sent."""
    params = {"MessageSid": sid, "MessageStatus": status, "AccountSid": twilio_fake.ACCOUNT}
    return _signed_by_twilio(base_url, "/sms/status/", params)


@dataclass
class Person:
    """Someone signed in: their user and session cookie (made by Django's session engine
    with `force_login`, as tests/chat does; staff have an authenticator app set up)."""

    user: object
    session: str
    csrf: str = field(default_factory=lambda: uuid.uuid4().hex)  # a CSRF secret: 32 characters

    @classmethod
    async def signed_in(cls, user) -> Person:
        return cls(user=user, session=await sync_to_async(cookie_for)(user))

    @property
    def cookies(self) -> dict[str, str]:
        return {"sessionid": self.session, "csrftoken": self.csrf}

    async def post_form(self, url: str, data: dict[str, str]) -> Answer:
        """A page's form posted with JavaScript off (the CSRF token as the page gives it)."""
        return await arequest(
            url,
            data={"csrfmiddlewaretoken": self.csrf, **data},
            cookies=self.cookies,
            headers={"Origin": origin_of(url)},
        )


class Socket:
    """`/ws/chat/` as the page's script opens it: the site's origin and the session cookie."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection

    @classmethod
    async def open(cls, ws_url: str, person: Person, *, receipts: bool = False) -> Socket:
        connection = await connect(
            ws_url + ("?receipts=1" if receipts else ""),
            origin=origin_of(ws_url.replace("ws://", "http://", 1)),
            additional_headers={"Cookie": f"sessionid={person.session}"},
            open_timeout=SOON,
        )
        return cls(connection)

    @classmethod
    async def reopen(cls, ws_url: str, person: Person, **kwargs) -> Socket:
        """What the page's script does after losing its socket: try again until one opens
        (a server refuses it while it cannot reach Redis or PostgreSQL)."""
        deadline = asyncio.get_running_loop().time() + SOON
        while True:
            try:
                return await cls.open(ws_url, person, **kwargs)
            except (OSError, TimeoutError, InvalidHandshake) as failed:
                if asyncio.get_running_loop().time() > deadline:
                    raise AssertionError(f"the socket did not open again: {failed!r}") from None
                await asyncio.sleep(0.2)

    async def send(self, frame: dict) -> None:
        await self.connection.send(json.dumps(frame))

    async def say(self, conversation: int, body: str, client_id: str | None = None) -> str:
        client_id = client_id or uuid.uuid4().hex
        await self.send(
            {"type": "send", "conversation": conversation, "body": body, "client_id": client_id}
        )
        return client_id

    async def frame(self, *types: str) -> dict:
        """The next frame of one of `types` (others, such as receipts, are passed over)."""
        return await self.until(lambda frame: not types or frame["type"] in types)

    async def until(self, wanted) -> dict:
        """The next frame for which `wanted(frame)` is true (others are passed over)."""
        async with asyncio.timeout(SOON):
            while True:
                frame = json.loads(await self.connection.recv())
                if wanted(frame):
                    return frame

    async def message(self, client_id: str) -> dict:
        """The stored message a `send` with this client_id became, as this socket is told it
        (the sender's acknowledgement, or the message arriving for another member)."""
        frame = await self.until(
            lambda f: f["type"] == "message" and f["message"]["client_id"] == client_id
        )
        return frame["message"]

    async def messages(self, count: int) -> list[dict]:
        return [(await self.frame("message"))["message"] for _ in range(count)]

    async def sync(self, conversation: int, after: int) -> list[dict]:
        """Every message after `after`, as a page asks after reconnecting. A `ping` follows
        the `sync`: the socket answers frames in order, so its `pong` ends the catch-up."""
        await self.send({"type": "sync", "conversation": conversation, "after": after})
        await self.send({"type": "ping"})
        caught_up = []
        while (frame := await self.frame("message", "pong"))["type"] == "message":
            caught_up.append(frame["message"])
        return caught_up

    async def closed(self) -> int | None:
        """Wait for the server to close this socket (a crashed process, a lost Redis), passing
        over what it still sends; returns the close code (1006: the connection just broke)."""
        try:
            async with asyncio.timeout(SOON):
                while True:
                    await self.connection.recv()
        except ConnectionClosed:
            return self.connection.close_code

    async def close(self) -> None:
        await self.connection.close()
