"""`/ws/chat/`: one socket per signed-in person, carrying all their conversations.

The consumer only relays: it checks the frame, calls a service or selector, and answers. Frames
are the contract's (`../shared/contract/README.md`): send, sync, read in; message and error out.
A refusal is an error frame and the socket stays open.
"""

from __future__ import annotations

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer

from chat import selectors, services
from chat.models import Channel
from chat.serializers import message_frame_body

NOT_SIGNED_IN = 4401


class ChatConsumer(AsyncJsonWebsocketConsumer):
    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.close(code=NOT_SIGNED_IN)
            return
        self.user = user
        self.groups_joined = await self._conversation_groups()
        for group in self.groups_joined:
            await self.channel_layer.group_add(group, self.channel_name)
        await self.accept()

    async def disconnect(self, code: int) -> None:
        for group in getattr(self, "groups_joined", []):
            await self.channel_layer.group_discard(group, self.channel_name)

    @database_sync_to_async
    def _conversation_groups(self) -> list[str]:
        profile = getattr(self.user, "young_person", None)
        if profile is not None:
            services.conversation_for(profile)
        return [c.group_name for c in selectors.conversations_visible_to(self.user)]

    async def error(self, code: str, detail: str) -> None:
        await self.send_json({"type": "error", "code": code, "detail": detail})

    async def receive_json(self, content, **kwargs) -> None:
        if not isinstance(content, dict):
            await self.error("bad_frame", "Frames are JSON objects with a 'type'.")
            return
        handler = {"send": self.on_send, "sync": self.on_sync, "read": self.on_read}.get(
            content.get("type")
        )
        if handler is None:
            await self.error("unknown_type", "The type must be send, sync or read.")
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
        for frame in await self._frames_after(conversation, after):
            await self.send_json({"type": "message", "message": frame})

    @database_sync_to_async
    def _frames_after(self, conversation, after: int) -> list[dict]:
        return [message_frame_body(m) for m in selectors.messages_after(conversation, after)]

    async def on_read(self, conversation, content: dict) -> None:
        up_to = content.get("up_to")
        if not isinstance(up_to, int) or isinstance(up_to, bool):
            await self.error("bad_frame", "'up_to' must be a message id.")
            return
        try:
            await database_sync_to_async(services.mark_read)(
                conversation=conversation, user=self.user, up_to=up_to
            )
        except services.ChatError as refused:
            await self.error(refused.code, str(refused))

    async def chat_message(self, event: dict) -> None:
        await self.send_json({"type": "message", "message": event["message"]})
