"""Settings read from the environment: embedded defaults, production checks, real services."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION = {
    "SECRET_KEY": "x7$Kq2!vTz9@Lm4#Rp8^Wn3&Yb6*Hc1(Jd5)Fg0-Ns2+Qe7=Ua",
    "ALLOWED_HOSTS": "portal.example.gov.uk",
    "PUBLIC_BASE_URL": "https://portal.example.gov.uk",
    "DATABASE_URL": "postgres://portal@db.internal:5432/portal",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
    "TWILIO_AUTH_TOKEN": "token",
    "TWILIO_FROM_NUMBER": "+447400123400",
}


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    leave_out = {*PRODUCTION, "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in leave_out}
    return subprocess.run(
        [sys.executable, *args],
        env={**clean, **env},
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def settings_in(env: dict[str, str]) -> dict:
    script = (
        "import json, django; django.setup(); from django.conf import settings as s;"
        "print(json.dumps({'debug': s.DEBUG, 'db': s.DATABASES['default']['ENGINE'],"
        "'cache': s.CACHES['default']['BACKEND'], 'layer': s.CHANNEL_LAYERS['default']['BACKEND'],"
        "'sms': s.SMS_BACKEND, 'hsts': getattr(s, 'SECURE_HSTS_SECONDS', 0),"
        "'secure_cookies': getattr(s, 'SESSION_COOKIE_SECURE', False)}))"
    )
    done = run(["-c", script], {"DJANGO_SETTINGS_MODULE": "portal.settings", **env})
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_with_no_environment_the_portal_uses_embedded_defaults():
    found = settings_in({})
    assert found["debug"] is True
    assert found["db"] == "django.db.backends.sqlite3"
    assert found["cache"].endswith("LocMemCache")
    assert found["layer"] == "channels.layers.InMemoryChannelLayer"
    assert found["sms"] == "portal.sms.backends.console.ConsoleBackend"


def test_production_variables_switch_on_postgresql_redis_twilio_and_hsts():
    found = settings_in(PRODUCTION)
    assert found["debug"] is False
    assert found["db"] == "django.db.backends.postgresql"
    assert found["cache"] == "portal.unavailable.ForgivingRedisCache"
    assert found["layer"] == "channels_redis.core.RedisChannelLayer"
    assert found["sms"] == "portal.sms.backends.twilio.TwilioBackend"
    assert found["hsts"] >= 31536000 and found["secure_cookies"] is True


def test_check_deploy_is_clean_with_production_variables():
    done = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "System check identified no issues" in done.stdout


def test_production_refuses_to_start_without_allowed_hosts():
    env = {k: v for k, v in PRODUCTION.items() if k != "ALLOWED_HOSTS"}
    done = run(["manage.py", "check"], env)
    assert done.returncode != 0
    assert "Set ALLOWED_HOSTS" in done.stderr


def test_production_refuses_a_weak_secret_key():
    done = run(["manage.py", "check"], {**PRODUCTION, "SECRET_KEY": "secret"})
    assert done.returncode != 0
    assert "SECRET_KEY must be at least 50 random characters" in done.stderr


def variables_settings_read() -> set[str]:
    """Every environment variable portal/settings.py reads by name: os.environ.get("X"),
    os.environ["X"], env_bool("X", ...), env_list("X", ...) and dj_database_url's env="X"."""
    tree = ast.parse((ROOT / "portal" / "settings.py").read_text())
    named: list[ast.expr] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and ast.unparse(node.value) == "os.environ":
            named.append(node.slice)
        if isinstance(node, ast.Call):
            if ast.unparse(node.func) in {"os.environ.get", "os.getenv", "env_bool", "env_list"}:
                named.append(node.args[0])
            named.extend(k.value for k in node.keywords if k.arg == "env")
    # A name that is not a literal is env_bool's and env_list's own parameter.
    return {n.value for n in named if isinstance(n, ast.Constant) and isinstance(n.value, str)}


def test_env_example_lists_every_variable_the_settings_read_and_no_other():
    listed = set(
        re.findall(r"^(?:# )?([A-Z][A-Z0-9_]*)=", (ROOT / ".env.example").read_text(), re.M)
    )
    read = variables_settings_read()
    assert {"SECRET_KEY", "DATABASE_URL", "PORTAL_DUTY_EMAIL"} <= read  # the reading works
    assert read - listed == set(), "add these to .env.example"
    assert listed - read == set(), "portal/settings.py no longer reads these"
