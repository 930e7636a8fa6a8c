"""`/ws/chat/`: one socket per signed-in person, carrying all their conversations.

The consumer only relays: it checks the frame, calls a service, and answers. Frames are the
contract's (`../shared/contract/README.md`): send, sync, read in; message and error out. A
refusal is an error frame and the socket stays open.

Additions, all invisible to a client that keeps to the contract (`docs/messaging.md`):
`ping` (answered with `pong`) keeps the socket counted as "on the website" for
`chat.presence`. A socket opened as `/ws/chat/?receipts=1` gets `receipt` frames saying how far
the other members have got, and says itself what reached its screen with a `delivered` frame
(shaped like `read`), so "Delivered" means the person's browser really had it; for any other
socket, a message counts as delivered once it is written to the socket.

When a service the socket needs stops answering (docs/deploy.md): without PostgreSQL a frame
is answered `{"type": "error", "code": "unavailable", "retry_after": seconds}` and the socket
stays open (nothing was stored: the client sends it again later, with the same client_id); without
Redis the socket cannot hear the others any more, so it is closed with 1013 ("try again
later") and the page reconnects and asks for what it missed (`sync`).

Hostile frames (issue 15, findings 5 and 6): every frame is checked by `chat.frames` before
anything else (binary, too big, nested too deep, not JSON, a NUL or a lone surrogate: an error
frame, the socket stays open), and `send` frames are limited per person
(`settings.SOCKET_SEND_RATE`), answered `rate_limited` with `retry_after` when over it.
A frame that still hits a bug in the portal is answered `internal` and logged with its
traceback, rather than dropping the socket: for staff it carries live safeguarding alerts.

Speed: every message costs each member's socket some work, and all of a process's database
calls share one thread, so the consumer loads the conversations its person may read when it
opens (and again when their caseload changes: `chat_rejoin`). The consumer never publishes:
the services tell the channel layer once their transaction commits (the sender's own
acknowledgement is the `message` frame every member's socket gets).

Staff sockets also join their own staff group (`staff.<user id>`), where safeguarding alerts
they are told of arrive as `alert` frames; a young person's socket joins none, and alerts are
never sent to a conversation's group (issue 16).
"""

from __future__ import annotations

import contextlib
import datetime
import logging
from urllib.parse import parse_qs

from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.exceptions import StopConsumer
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from chat import frames, selectors, services
from chat.models import Channel, Conversation
from chat.presence import services as presence
from chat.safeguarding import selectors as safeguarding_selectors
from chat.serializers import message_frame_body
from chat.texts import selectors as text_selectors
from portal import unavailable
from portal.people.middleware import needs_second_factor
from portal.people.roles import USE_STAFF_PAGES, can

logger = logging.getLogger("portal.chat")

NOT_SIGNED_IN = 4401
NO_SECOND_FACTOR = 4403
TRY_AGAIN_LATER = unavailable.TRY_AGAIN_LATER
UNAVAILABLE = "Messages can't be saved or loaded just now. Please try again in a minute."
INTERNAL = "Something went wrong on our side with that. Please try again, or reload the page."


class ChatConsumer(AsyncJsonWebsocketConsumer):
    conversations: dict[int, Conversation]
    member_of: set[int]
    is_staff: bool  # may see text states and staff-only events (`roles.USE_STAFF_PAGES`)

    async def __call__(self, scope, receive, send) -> None:
        """Run the socket; if Redis goes away (the receive loop, joining a group or telling
        one fails) close it as "try again later" rather than crash, and stop counting the
        person as on the website, so a PA's reply meanwhile reaches them by text."""
        try:
            await super().__call__(scope, receive, send)
        except unavailable.REDIS_ERRORS as lost:
            logger.warning("A socket lost the channel layer and was closed: %r", lost)
            if hasattr(self, "user"):  # forgotten first: the page may be told at once
                with contextlib.suppress(*unavailable.DATABASE_ERRORS):
                    await database_sync_to_async(presence.socket_closed)(self.channel_name)
            with contextlib.suppress(Exception):  # the socket may be closed already
                await send({"type": "websocket.close", "code": TRY_AGAIN_LATER})

    async def dispatch(self, message: dict) -> None:
        """Without PostgreSQL: refuse a socket being opened (the page tries again), answer a
        frame with an `unavailable` error and keep the socket open, and let a socket that is
        closing close."""
        try:
            await super().dispatch(message)
        except unavailable.DATABASE_ERRORS as lost:
            kind = message["type"]
            logger.warning("Database unavailable on a socket (%s): %r", kind, lost)
            if kind == "websocket.connect":
                await self.close(code=TRY_AGAIN_LATER)
            elif kind == "websocket.receive":
                await self.send_json(
                    {
                        "type": "error",
                        "code": "unavailable",
                        "detail": UNAVAILABLE,
                        "retry_after": unavailable.RETRY_AFTER,
                    }
                )
            elif kind == "websocket.disconnect":
                raise StopConsumer() from lost
            # A group event (a receipt to record, a caseload to reload) is let go: the page
            # catches up with `sync` and `read` when the database is back.
        except (StopConsumer, *unavailable.REDIS_ERRORS):
            raise  # Redis gone: `__call__` closes the socket with 1013 (it cannot hear others)
        except Exception:
            if message["type"] != "websocket.receive":
                raise
            # A bug met by one frame must not drop the socket (and a manager's live alerts
            # with it): answer, log loudly, carry on.
            logger.exception("A socket frame raised an error; the socket stays open")
            await self.error("internal", INTERNAL)

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=NOT_SIGNED_IN)
            return
        if await database_sync_to_async(needs_second_factor)(user):
            await self.close(code=NO_SECOND_FACTOR)
            return
        self.user = user
        query = parse_qs(self.scope.get("query_string", b"").decode("latin-1"))
        self.wants_receipts = query.get("receipts") == ["1"]
        self.conversations, self.member_of = {}, set()
        await self._follow(await self._load_conversations())
        self.staff_groups = safeguarding_selectors.staff_groups_for(self.user)  # no query: loaded
        for group in self.staff_groups:
            await self.channel_layer.group_add(group, self.channel_name)
        await database_sync_to_async(presence.socket_opened)(self.user, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        if hasattr(self, "user"):
            # Leaving the groups needs Redis; forgetting the socket needs PostgreSQL: each is
            # done even when the other is away (a group forgets a gone socket by itself).
            with contextlib.suppress(*unavailable.REDIS_ERRORS):
                await self._follow([])
                for group in getattr(self, "staff_groups", []):
                    await self.channel_layer.group_discard(group, self.channel_name)
            await database_sync_to_async(presence.socket_closed)(self.channel_name)

    @database_sync_to_async
    def _load_conversations(self) -> list[Conversation]:
        """Every conversation this person may read, with what `is_member` needs loaded (a young
        person has theirs from the start: `chat.receivers`). Their roles and permissions are
        loaded here too, once, so frames built on the event loop need no query."""
        _ = self.user.roles
        self.is_staff = can(self.user, USE_STAFF_PAGES)
        return list(selectors.conversations_visible_to(self.user).prefetch_related("cover_staff"))

    async def _follow(self, visible: list[Conversation]) -> set[int]:
        """Join the groups of `visible` and leave any others; returns the newly joined."""
        now = {c.pk: c for c in visible}
        for pk in self.conversations.keys() - now.keys():
            for group in self._groups(pk):
                await self.channel_layer.group_discard(group, self.channel_name)
        for pk in now.keys() - self.conversations.keys():
            for group in self._groups(pk):
                await self.channel_layer.group_add(group, self.channel_name)
        joined = now.keys() - self.conversations.keys()
        self.conversations = now
        self.member_of = {c.pk for c in visible if c.is_member(self.user)}
        return joined

    def _groups(self, pk: int) -> list[str]:
        groups = [Conversation.group_name_for(pk)]
        if self.wants_receipts:
            groups.append(Conversation.receipts_group_name_for(pk))
        return groups

    async def chat_rejoin(self, event: dict) -> None:
        """This person's caseload changed (`chat.receivers`): follow what they may read now,
        and pass on what was written in a newly followed conversation since the change."""
        joined = await self._follow(await self._load_conversations())
        since = datetime.datetime.fromisoformat(event["since"])
        for pk in sorted(joined):
            for frame in await self._frames_since(self.conversations[pk], since):
                await self.send_json({"type": "message", "message": frame})

    @database_sync_to_async
    def _frames_since(self, conversation: Conversation, since: datetime.datetime) -> list[dict]:
        found = selectors.messages_after(conversation).filter(created_at__gte=since)
        return [message_frame_body(m) for m in found]

    async def error(self, code: str, detail: str, **extra) -> None:
        await self.send_json({"type": "error", "code": code, "detail": detail, **extra})

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None):
        """Every frame is checked before it is read (`chat.frames.parse_frame`): anything
        that is not a small JSON object of storable text is answered with an error frame."""
        content = frames.parse_frame(text_data)
        if isinstance(content, frames.Refusal):
            await self.error(content.code, content.detail)
            return
        await self.receive_json(content)

    async def receive_json(self, content: dict, **kwargs) -> None:
        if content.get("type") == "ping":
            await database_sync_to_async(presence.socket_seen)(self.channel_name)
            await self.send_json({"type": "pong"})
            return
        kind = content.get("type")
        handler = {
            "send": self.on_send,
            "sync": self.on_sync,
            "read": self.on_read,
            "delivered": self.on_delivered,
            "text_states": self.on_text_states,
        }.get(kind if isinstance(kind, str) else "")
        if handler is None:
            await self.error(
                "unknown_type",
                "The type must be send, sync, read, delivered, text_states or ping.",
            )
            return
        conversation_id = content.get("conversation")
        if not isinstance(conversation_id, int) or isinstance(conversation_id, bool):
            await self.error("bad_frame", "'conversation' must be a conversation's id.")
            return
        conversation = self.conversations.get(conversation_id)
        if conversation is None:
            await self.error("not_found", "There is no conversation with that id for you.")
            return
        await handler(conversation, content)

    async def on_send(self, conversation: Conversation, content: dict) -> None:
        body = content.get("body")
        client_id = content.get("client_id")
        if not isinstance(body, str):
            await self.error("bad_frame", "'body' must be text.")
            return
        if not isinstance(client_id, str) or not client_id:
            await self.error("bad_frame", "'client_id' must be a non-empty string.")
            return
        wait = await sync_to_async(frames.seconds_until_send_allowed)(self.user.pk)
        if wait:
            # Nothing is stored: the page keeps the message and sends it again after the wait.
            await self.error("rate_limited", frames.rate_limited_detail(wait), retry_after=wait)
            return
        try:
            message, created = await database_sync_to_async(services.post_message)(
                conversation=conversation,
                sender=self.user,
                body=body,
                channel=Channel.WEB,
                client_id=client_id,
            )
        except services.ChatError as refused:
            await self.error(refused.code, str(refused))
            return
        if not created:
            # A resend of a stored message: acknowledge it to this socket only.
            frame = await database_sync_to_async(message_frame_body)(message)
            await self.send_json({"type": "message", "message": frame})

    async def on_sync(self, conversation: Conversation, content: dict) -> None:
        after = content.get("after", 0)
        if not isinstance(after, int) or isinstance(after, bool) or after < 0:
            await self.error("bad_frame", "'after' must be a message id (0 for everything).")
            return
        frames = await self._frames_after(conversation, after)
        for frame in frames:
            await self.send_json({"type": "message", "message": frame})
        if frames and not self.wants_receipts:
            await self._delivered(conversation, frames[-1]["id"])

    @database_sync_to_async
    def _frames_after(self, conversation: Conversation, after: int) -> list[dict]:
        return [message_frame_body(m) for m in selectors.messages_after(conversation, after)]

    async def on_text_states(self, conversation: Conversation, content: dict) -> None:
        """Staff: the text state of every message that was texted, as `text_status` frames,
        so a page that was away (reloading, reconnecting) misses no change."""
        if not self.is_staff:
            await self.error("not_allowed", "Text states are shown to staff.")
            return
        for event in await database_sync_to_async(text_selectors.text_states)(conversation):
            await self.send_json({"type": "text_status", **event["text_status"]})

    async def on_read(self, conversation: Conversation, content: dict) -> None:
        await self._move(services.mark_read, conversation, content)

    async def on_delivered(self, conversation: Conversation, content: dict) -> None:
        await self._move(services.mark_delivered, conversation, content)

    async def _move(self, mark, conversation: Conversation, content: dict) -> None:
        up_to = content.get("up_to")
        if not isinstance(up_to, int) or isinstance(up_to, bool):
            await self.error("bad_frame", "'up_to' must be a message id.")
            return
        if conversation.pk not in self.member_of:
            # A manager reading their team's conversation: their page says what it showed,
            # like anyone's, but only members have read positions. Nothing to do, nothing
            # wrong (an error here would show on their page under every new message).
            return
        try:
            await database_sync_to_async(mark)(
                conversation=conversation, user=self.user, up_to=up_to
            )
        except services.ChatError as refused:
            await self.error(refused.code, str(refused))

    async def chat_message(self, event: dict) -> None:
        message = event["message"]
        await self.send_json({"type": "message", "message": message})
        if message["sender"]["id"] != self.user.pk and not self.wants_receipts:
            conversation = self.conversations.get(message["conversation"])
            if conversation is not None:
                await self._delivered(conversation, message["id"])

    async def _delivered(self, conversation: Conversation, up_to: int) -> None:
        """Frames just written to a socket that cannot say itself what it received: count
        them delivered to a member (a manager reading their team's is not one)."""
        if conversation.pk not in self.member_of:
            return
        try:
            await database_sync_to_async(services.mark_delivered)(
                conversation=conversation, user=self.user, up_to=up_to, known=True
            )
        except services.NotAMember:
            self.member_of.discard(conversation.pk)

    async def chat_receipt(self, event: dict) -> None:
        receipt = event["receipt"]
        if receipt["user"]["id"] != self.user.pk:
            await self.send_json({"type": "receipt", **receipt})

    async def chat_text_status(self, event: dict) -> None:
        """What became of a message texted to the young person (`chat.texts`): staff see
        it under their message; the young person has the text itself."""
        if self.is_staff:
            await self.send_json({"type": "text_status", **event["text_status"]})

    async def chat_alert(self, event: dict) -> None:
        """A safeguarding alert this person was told of. Sent only to their own staff group
        (`chat.safeguarding.selectors.staff_group_name`), which only staff sockets join."""
        await self.send_json({"type": "alert", **event["alert"]})
