"""Liveness and readiness for load balancers and orchestrators.

`/healthz` answers while the process can serve; `/readyz` also checks the database, the cache
and the channel layer, and names the part that failed (503) so an operator knows where to look.
"""

from __future__ import annotations

import asyncio
import logging
import uuid

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("portal.health")


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    key = f"readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=5)
    if cache.get(key) != "1":
        raise RuntimeError("the cache did not return what was stored")
    cache.delete(key)


# Seconds the channel layer has to hand a message back before it counts as not answering.
CHANNEL_LAYER_WITHIN = 3


async def _round_trip_channel_layer() -> None:
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer is configured")
    # The default prefix, as the sockets' own channels have: channels_redis reads a process's
    # channels through one shared loop, which waits on the Redis list of the prefix it was
    # started for. While a socket holds that loop, a channel of another prefix is never read
    # (the check used to hang on any process with a socket open).
    channel = await layer.new_channel()
    async with asyncio.timeout(CHANNEL_LAYER_WITHIN):
        await layer.send(channel, {"type": "readyz.ping"})
        message = await layer.receive(channel)
    if message.get("type") != "readyz.ping":
        raise RuntimeError("the channel layer returned the wrong message")


def check_channel_layer() -> None:
    async_to_sync(_round_trip_channel_layer)()


CHECKS = {"database": check_database, "cache": check_cache, "channel_layer": check_channel_layer}


@require_GET
@never_cache
def readyz(request: HttpRequest) -> JsonResponse:
    results: dict[str, str] = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as exc:
            # The detail goes to the log, not to whoever can reach this URL.
            logger.error("readyz: %s failed: %r", name, exc)
            results[name] = f"failed ({exc.__class__.__name__})"
        else:
            results[name] = "ok"
    failing = [name for name, result in results.items() if result != "ok"]
    status = 503 if failing else 200
    body = {"status": "ok" if not failing else "unavailable", "checks": results}
    if failing:
        body["failing"] = failing
    return JsonResponse(body, status=status)
