"""A message as the contract's frames and API show it."""

from __future__ import annotations

from chat.models import Message
from portal.people.models import User

BOT = {"id": None, "name": "Chatbot", "role": "bot"}


def person(user: User) -> dict:
    role = user.role.value if user.role else None
    return {"id": user.pk, "name": user.display_name, "role": role}


def message_frame_body(message: Message) -> dict:
    sender = message.sender
    return {
        "id": message.pk,
        "conversation": message.conversation_id,
        "sender": person(sender) if sender is not None else BOT,
        "body": message.body,
        "channel": message.channel,
        "created_at": message.created_at.isoformat(),
        "client_id": message.client_id or None,
    }
