"""The channel layer carries messages between processes: in memory locally, Redis in production.

Later issues fan chat messages out through it; this checks the layer itself round-trips a
message to a group, on the embedded default and on a real Redis.
"""

from __future__ import annotations

import pytest
from channels.layers import get_channel_layer
from channels_redis.core import RedisChannelLayer

from tests.services import TEST_REDIS_URL, require


async def round_trip(layer) -> None:
    first = await layer.new_channel("test.")
    second = await layer.new_channel("test.")
    await layer.group_add("conversation.1", first)
    await layer.group_add("conversation.1", second)
    await layer.group_send("conversation.1", {"type": "chat.message", "body": "hello"})
    assert (await layer.receive(first))["body"] == "hello"
    assert (await layer.receive(second))["body"] == "hello"
    await layer.group_discard("conversation.1", second)
    await layer.group_send("conversation.1", {"type": "chat.message", "body": "only first"})
    assert (await layer.receive(first))["body"] == "only first"
    await layer.group_discard("conversation.1", first)


async def test_the_configured_layer_fans_out_to_a_group():
    await round_trip(get_channel_layer())


@pytest.mark.redis
async def test_redis_layer_fans_out_to_a_group():
    require("redis")
    layer = RedisChannelLayer(hosts=[TEST_REDIS_URL], prefix="portal-test")
    try:
        await round_trip(layer)
    finally:
        await layer.flush()
        await layer.close_pools()
