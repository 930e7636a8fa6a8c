from __future__ import annotations

import uuid

from django import forms

from chat.services import MAX_BODY


class MessageForm(forms.Form):
    """The no-JavaScript way to send: the page gives each form a fresh client_id, so pressing
    Send twice (or the browser re-posting) stores one message."""

    body = forms.CharField(
        label="Your message",
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Type a message first.",
            "max_length": f"Messages can be up to {MAX_BODY} characters.",
        },
    )
    client_id = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault("client_id", uuid.uuid4().hex)
        super().__init__(*args, **kwargs)
