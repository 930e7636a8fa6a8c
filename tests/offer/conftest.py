"""Fixtures for the offer: the published demo offer, and the contract's rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "contract" / "entitlements.json"


@pytest.fixture
def offer(db):
    """The published demo offer. Loaded once into the test database (see tests/conftest.py);
    a test that empties the database (a live-server test) gets it loaded again."""
    from offer import demo
    from offer.models import OfferHomePage

    return OfferHomePage.objects.first() or demo.load()


@pytest.fixture(scope="session")
def contract() -> dict:
    if not CONTRACT.exists():
        pytest.skip(f"The contract is not beside the project ({CONTRACT}).")
    return json.loads(CONTRACT.read_text())
