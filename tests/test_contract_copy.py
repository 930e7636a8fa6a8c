"""The contract's files copied into tests/contract/ are the contract's own: if `../shared` is
beside the repository (as where the contract is kept), each copy must equal its original, so
the copies never drift into a private contract of our own."""

from __future__ import annotations

import pytest

from tests.contract import DEV_SET, ENTITLEMENTS, ORIGINAL


@pytest.mark.parametrize("copy", [DEV_SET, ENTITLEMENTS], ids=lambda path: path.name)
def test_the_copy_is_the_contracts_own(copy):
    original = ORIGINAL / copy.name
    if not ORIGINAL.exists():
        pytest.skip(f"the contract is not beside this clone ({ORIGINAL}); the copy is used")
    assert copy.read_bytes() == original.read_bytes(), f"copy {copy.name} from {original} again"
