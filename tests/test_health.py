"""/healthz and /readyz: up, ready, and which part is not."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from channels.layers import channel_layers


@pytest.fixture
def fresh_channel_layers():
    # Channels caches its layers; a settings change needs them rebuilt.
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


def test_healthz_answers_without_touching_services(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_readyz_checks_database_cache_and_channel_layer(client, fresh_channel_layers):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "cache": "ok", "channel_layer": "ok"}


@pytest.mark.django_db
def test_readyz_names_a_cache_that_does_not_answer(client, settings, fresh_channel_layers):
    # A real Redis client pointed at a port where nothing listens: a real failure, no mock.
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failing"] == ["cache"]
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"].startswith("failed")


@pytest.mark.django_db
def test_readyz_names_a_channel_layer_that_does_not_answer(client, settings, fresh_channel_layers):
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "channels_redis.core.RedisChannelLayer",
            "CONFIG": {"hosts": ["redis://127.0.0.1:1/0"]},
        }
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["channel_layer"]


def test_readyz_names_a_database_that_does_not_answer():
    # A fresh process whose DATABASE_URL points where no PostgreSQL listens.
    script = (
        "import django, json; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/readyz');"
        "print(json.dumps({'status': r.status_code, 'body': r.json()}))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_URL": "postgres://nobody@127.0.0.1:1/nothing",
    }
    env.pop("REDIS_URL", None)
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=Path(__file__).resolve().parent.parent,
        check=True,
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["status"] == 503
    assert result["body"]["failing"] == ["database"]
