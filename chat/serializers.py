"""A message as the contract's frames and API show it."""

from __future__ import annotations

from chat.models import Message, ReadPosition
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


def receipt_frame_body(position: ReadPosition) -> dict:
    """How far a member has got. Not in the contract's frames: sent only to sockets that ask
    for receipts (`/ws/chat/?receipts=1`), so a client built to the contract never sees one."""
    return {
        "conversation": position.conversation_id,
        "user": person(position.user),
        "delivered_up_to": position.last_delivered_id,
        "read_up_to": position.last_read_id,
    }
