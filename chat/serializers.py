"""A message as the contract's frames and API show it."""

from __future__ import annotations

from chat.models import Message


def message_frame_body(message: Message) -> dict:
    sender = message.sender
    return {
        "id": message.pk,
        "conversation": message.conversation_id,
        "sender": (
            {
                "id": sender.pk,
                "name": sender.display_name,
                "role": sender.role.value if sender.role else None,
            }
            if sender is not None
            else {"id": None, "name": "Chatbot", "role": "bot"}
        ),
        "body": message.body,
        "channel": message.channel,
        "created_at": message.created_at.isoformat(),
        "client_id": message.client_id or None,
    }
