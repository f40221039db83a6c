"""The realistic held-out set (tests/e2e/realistic.yml), end to end over REST:
messages written apart from the project, each checked for the facts its reply
must hold. `make eval` lists each miss (results/realistic.md); here its floors."""

from __future__ import annotations

import pytest

from tools.quality_bars import BARS
from tools.realistic import COUNTED_KINDS, load_cases, run_all, share_right

# The floors are in tools/quality_bars.py, with what was measured.
FLOOR = BARS["realistic_all"].floor
KIND_FLOORS = {kind: BARS[f"realistic_{kind}"].floor for kind in ("multi_question", "aspect", "risk_context", "conflict")}


@pytest.fixture(scope="module")
def results(bot_url):
    return run_all(bot_url, load_cases())


def test_the_set_has_at_least_300_conversations_and_30_of_each_counted_kind():
    cases = load_cases()
    assert len(cases) >= 300
    for kind in COUNTED_KINDS:
        assert sum(case["kind"] == kind for case in cases) >= 30, kind


def test_enough_replies_hold_their_facts(results):
    assert share_right(results) >= FLOOR


@pytest.mark.parametrize("kind", sorted(KIND_FLOORS))
def test_each_kind_holds_its_floor(results, kind):
    assert share_right(results, kind) >= KIND_FLOORS[kind]
