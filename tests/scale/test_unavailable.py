"""portal/unavailable.py in one process, on either run: the pieces tests/scale/test_faults.py
shows working in production's shape, here with a Redis that never answers."""

from __future__ import annotations

import pytest
from django.core.cache import caches
from django.db import OperationalError
from django.test import RequestFactory

from portal import unavailable

NOBODY = "redis://127.0.0.1:1/0"  # nothing listens on port 1: a real refusal, no mock


@pytest.fixture
def redis_away(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "portal.unavailable.ForgivingRedisCache",
            "LOCATION": NOBODY,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
    unavailable._resting_until.clear()
    yield caches["default"]
    unavailable._resting_until.clear()


def test_a_cache_that_does_not_answer_is_an_empty_cache_that_keeps_nothing(redis_away):
    cache = redis_away
    cache.set("greeting", "hello")
    assert cache.get("greeting") is None
    assert cache.get("greeting", "a default") == "a default"
    assert cache.get_many(["greeting"]) == {}
    assert cache.add("lock", 1) is True  # a rate limit or a lock lets the caller through
    with pytest.raises(ValueError, match="not found"):
        cache.incr("counter")  # as for a key that is not there
    assert cache.delete("greeting") is False
    cache.clear()


@pytest.mark.django_db
def test_pages_do_not_fail_when_the_cache_does_not_answer(client, redis_away):
    assert client.get("/").status_code == 200
    assert client.get("/get-help-now/").status_code == 200


def test_a_database_error_that_reaches_django_is_a_503_not_a_500():
    request = RequestFactory().get("/messages/")
    try:
        raise OperationalError("the database is not accepting connections")
    except OperationalError:
        answer = unavailable.server_error(request)
    assert answer.status_code == 503 and answer["Retry-After"] == str(unavailable.RETRY_AFTER)
    assert "not working just now" in answer.content.decode()


def test_any_other_error_is_still_the_500_page():
    request = RequestFactory().get("/messages/")
    try:
        raise RuntimeError("a bug")
    except RuntimeError:
        answer = unavailable.server_error(request)
    assert answer.status_code == 500


def test_machines_get_json_they_can_retry_on():
    request = RequestFactory().post("/sms/inbound/")
    answer = unavailable.unavailable_response(request)
    assert answer.status_code == 503 and answer["Content-Type"] == "application/json"


async def test_a_socket_opened_while_the_database_is_away_is_closed_try_again_later():
    """The session and user are read before any consumer runs; without the database the
    handshake is refused with 1013 (the page reconnects later), not a traceback."""
    from channels.testing import WebsocketCommunicator

    async def reads_the_session(scope, receive, send):
        raise OperationalError("connection refused")

    app = unavailable.CloseSocketWithoutDatabase(reads_the_session)
    communicator = WebsocketCommunicator(app, "/ws/chat/")
    connected, code = await communicator.connect()
    assert (connected, code) == (False, unavailable.TRY_AGAIN_LATER)
