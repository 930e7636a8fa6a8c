"""`/ws/chat/`: one socket per signed-in person, carrying all their conversations.

The consumer only relays: it checks the frame, calls a service or selector, and answers. Frames
are the contract's (`../shared/contract/README.md`): send, sync, read in; message and error out.
A refusal is an error frame and the socket stays open.

Additions, all invisible to a client that keeps to the contract (`docs/messaging.md`):
`ping` (answered with `pong`) keeps the socket counted as "on the website" for
`chat.presence`. A socket opened as `/ws/chat/?receipts=1` gets `receipt` frames saying how far
the other members have got, and says itself what reached its screen with a `delivered` frame
(shaped like `read`), so "Delivered" means the person's browser really had it; for any other
socket, a message counts as delivered once it is written to the socket.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from chat import presence, selectors, services
from chat.models import Channel
from chat.serializers import message_frame_body
from portal.people.middleware import needs_second_factor

NOT_SIGNED_IN = 4401
NO_SECOND_FACTOR = 4403


class ChatConsumer(AsyncJsonWebsocketConsumer):
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
        self.groups_joined, self.member_of = await self._conversations()
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await database_sync_to_async(presence.socket_opened)(self.user, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)
        if hasattr(self, "user"):
            await database_sync_to_async(presence.socket_closed)(self.channel_name)

    @database_sync_to_async
    def _conversations(self) -> tuple[list[str], set[int]]:
        """The groups to join (every conversation this person may read) and the ids of those
        they are a member of (whose messages count as delivered to them)."""
        profile = getattr(self.user, "young_person", None)
        if profile is not None:
            services.conversation_for(profile)
        visible = list(selectors.conversations_visible_to(self.user))
        return (
            [c.group_name for c in visible],
            {c.pk for c in visible if c.is_member(self.user)},
        )

    async def error(self, code: str, detail: str) -> None:
        await self.send_json({"type": "error", "code": code, "detail": detail})

    async def receive_json(self, content, **kwargs) -> None:
        if not isinstance(content, dict):
            await self.error("bad_frame", "Frames are JSON objects with a 'type'.")
            return
        if content.get("type") == "ping":
            await database_sync_to_async(presence.socket_seen)(self.channel_name)
            await self.send_json({"type": "pong"})
            return
        handler = {
            "send": self.on_send,
            "sync": self.on_sync,
            "read": self.on_read,
            "delivered": self.on_delivered,
        }.get(content.get("type"))
        if handler is None:
            await self.error(
                "unknown_type", "The type must be send, sync, read, delivered or ping."
            )
            return
        conversation_id = content.get("conversation")
        if not isinstance(conversation_id, int) or isinstance(conversation_id, bool):
            await self.error("bad_frame", "'conversation' must be a conversation's id.")
            return
        conversation = await self._conversation(conversation_id)
        if conversation is None:
            await self.error("not_found", "There is no conversation with that id for you.")
            return
        await handler(conversation, content)

    async def decode_json(self, text_data):
        try:
            return await super().decode_json(text_data)
        except ValueError:
            return None  # receive_json answers with an error frame

    @database_sync_to_async
    def _conversation(self, conversation_id: int):
        return selectors.conversations_visible_to(self.user).filter(pk=conversation_id).first()

    async def on_send(self, conversation, content: dict) -> None:
        body = content.get("body")
        client_id = content.get("client_id")
        if not isinstance(body, str):
            await self.error("bad_frame", "'body' must be text.")
            return
        if not isinstance(client_id, str) or not client_id:
            await self.error("bad_frame", "'client_id' must be a non-empty string.")
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

    async def on_sync(self, conversation, content: dict) -> None:
        after = content.get("after", 0)
        if not isinstance(after, int) or isinstance(after, bool) or after < 0:
            await self.error("bad_frame", "'after' must be a message id (0 for everything).")
            return
        frames = await self._frames_after(conversation, after)
        for frame in frames:
            await self.send_json({"type": "message", "message": frame})
        if frames and not self.wants_receipts:
            await self._delivered(conversation.pk, frames[-1]["id"])

    @database_sync_to_async
    def _frames_after(self, conversation, after: int) -> list[dict]:
        return [message_frame_body(m) for m in selectors.messages_after(conversation, after)]

    async def on_read(self, conversation, content: dict) -> None:
        await self._move(services.mark_read, conversation, content)

    async def on_delivered(self, conversation, content: dict) -> None:
        await self._move(services.mark_delivered, conversation, content)

    async def _move(self, mark, conversation, content: dict) -> None:
        up_to = content.get("up_to")
        if not isinstance(up_to, int) or isinstance(up_to, bool):
            await self.error("bad_frame", "'up_to' must be a message id.")
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
            await self._delivered(message["conversation"], message["id"])

    async def _delivered(self, conversation_id: int, up_to: int) -> None:
        """Frames just written to a socket that cannot say itself what it received."""
        if conversation_id in self.member_of:
            await database_sync_to_async(self._mark_delivered)(conversation_id, up_to)

    def _mark_delivered(self, conversation_id: int, up_to: int) -> None:
        conversation = selectors.conversations_visible_to(self.user).filter(pk=conversation_id)
        found = conversation.first()
        if found is not None:
            try:
                services.mark_delivered(conversation=found, user=self.user, up_to=up_to)
            except services.NotAMember:
                self.member_of.discard(conversation_id)  # handed over since the socket opened

    async def chat_receipt(self, event: dict) -> None:
        receipt = event["receipt"]
        if self.wants_receipts and receipt["user"]["id"] != self.user.pk:
            await self.send_json({"type": "receipt", **receipt})
