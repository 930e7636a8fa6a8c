"""Sockets for the chat tests, on the real channel layer: in memory, and Redis."""

from __future__ import annotations

import uuid

import pytest
from asgiref.sync import sync_to_async
from channels.layers import channel_layers
from channels.testing import WebsocketCommunicator
from django.test import Client

from chat import services
from portal.asgi import application
from portal.layers import redis_layer
from tests.services import TEST_REDIS_URL, require


@pytest.fixture(params=["memory", "redis"])
def layer(request, settings):
    if request.param == "redis":
        require("redis")
        # The production layer settings, with a prefix of the test's own.
        settings.CHANNEL_LAYERS = {
            "default": redis_layer(TEST_REDIS_URL, prefix=f"t{uuid.uuid4().hex[:8]}")
        }
    else:
        settings.CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}
    channel_layers.backends.clear()
    yield request.param
    channel_layers.backends.clear()


def cookie_for(user) -> str:
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


async def connect(
    user=None, origin: str = "http://testserver", path: str = "/ws/chat/"
) -> WebsocketCommunicator:
    """A socket as a browser opens one: with the site's origin and the user's session cookie."""
    headers = [(b"origin", origin.encode())]
    if user is not None:
        session = await sync_to_async(cookie_for)(user)
        headers.append((b"cookie", f"sessionid={session}".encode()))
    return WebsocketCommunicator(application, path, headers=headers)


@pytest.fixture
def conversation(young_person):
    return services.conversation_for(young_person)
