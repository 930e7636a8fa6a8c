"""Shared fixtures: roles exist, texts go to an in-memory outbox, caches start empty."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from portal import sms
from portal.people.roles import Role
from tests import factories


def pytest_collection_modifyitems(items):
    # Browser tests last: Playwright's sync API keeps an event loop on the main thread while a
    # browser is open, which async tests must not meet.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """SQLite's test database in a file rather than in memory, so that the browser tests'
    Daphne process (tests/browser/conftest.py) can open the same database."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("db") / "test.db")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Publishing the demo offer takes a second or two: do it once, inside the test database,
    # and let each test's transaction roll its own changes back.
    from offer import demo

    with django_db_blocker.unblock():
        demo.load()


@pytest.fixture(autouse=True)
def _sms_outbox(settings):
    settings.SMS_BACKEND = "portal.sms.backends.locmem.LocmemBackend"
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Django's advice for test suites: the production hasher is slow on purpose.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _empty_cache():
    # Rate limits and lockouts live in the cache (Redis in the services run): start clean.
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def outbox():
    return sms.outbox


@pytest.fixture
def team(db):
    return factories.TeamFactory()


@pytest.fixture
def manager(db, team):
    user = factories.staff(Role.MANAGER, team=team, username="manager")
    team.manager = user
    team.save()
    return user


@pytest.fixture
def pa(db, team):
    return factories.staff(Role.PA, team=team, username="pa")


@pytest.fixture
def other_pa(db):
    other_team = factories.TeamFactory(name="Another team")
    return factories.staff(Role.PA, team=other_team, username="other_pa")


@pytest.fixture
def young_person(db, pa):
    return factories.YoungPersonFactory(
        user__username="young",
        personal_adviser=pa,
        mobile="+447400123456",
        mobile_verified=True,
    )


@pytest.fixture
def other_young_person(db, other_pa):
    return factories.YoungPersonFactory(user__username="someone_else", personal_adviser=other_pa)
