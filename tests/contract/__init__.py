"""The outside contract's data files (`../shared/contract/`), copied here so the tests that use
them run wherever the repository is cloned, CI included, instead of skipping when `../shared`
is not beside it. `tests/test_contract_copy.py` fails when a copy differs from the original."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
ORIGINAL = HERE.parents[2] / "shared" / "contract"
DEV_SET = HERE / "ask-dev-set.jsonl"
ENTITLEMENTS = HERE / "entitlements.json"
