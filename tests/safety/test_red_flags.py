"""The red-flag rules on their test set: every message classified right."""
from pathlib import Path

import pytest
import yaml

from bot.safety.red_flags import RedFlag, detect

CASES = yaml.safe_load((Path(__file__).parent / "red_flags.yml").read_text(encoding="utf-8"))


def test_the_set_is_large_enough():
    assert len(CASES["emergency"]) + len(CASES["crisis"]) >= 40
    assert len(CASES["lookalikes"]) >= 40


@pytest.mark.parametrize("message", CASES["emergency"])
def test_emergencies_are_flagged(message):
    assert detect(message) is RedFlag.EMERGENCY


@pytest.mark.parametrize("message", CASES["crisis"])
def test_self_harm_is_flagged(message):
    assert detect(message) is RedFlag.CRISIS


@pytest.mark.parametrize("message", CASES["lookalikes"])
def test_ordinary_questions_are_not_flagged(message):
    assert detect(message) is None
