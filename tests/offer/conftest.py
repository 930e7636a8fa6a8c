"""Fixtures for the offer: the published demo offer, and the contract's rules."""

from __future__ import annotations

import json

import pytest

from tests import contract as contract_files

CONTRACT = contract_files.ENTITLEMENTS


@pytest.fixture
def offer(db):
    """The published demo offer. Loaded once into the test database (see tests/conftest.py);
    a test that empties the database (a live-server test) gets it loaded again."""
    from offer import demo
    from offer.models import OfferHomePage

    return OfferHomePage.objects.first() or demo.load()


@pytest.fixture(scope="session")
def contract() -> dict:
    return json.loads(CONTRACT.read_text())
