"""The NLU model on the held-out test set: floors that a regression cannot pass."""

from __future__ import annotations

import pytest

from bot import settings
from tools.nlu_evaluation import MODEL_FILE, fallback_config, parse_examples, predict, score
from tools.quality_bars import BARS

INTENT_MACRO_F1_FLOOR = BARS["heldout_intent_macro_f1"].floor
ENTITY_F1_FLOOR = BARS["heldout_entity_f1"].floor
OUT_OF_SCOPE_RECALL_FLOOR = BARS["heldout_out_of_scope_recall"].floor

EXAMPLES = parse_examples()


@pytest.fixture(scope="module")
def scores():
    if not MODEL_FILE.exists():
        pytest.fail(f"No trained model at {MODEL_FILE}: run `make train` (make test does it)")
    return score(predict(EXAMPLES), fallback_config()["threshold"])


def test_the_held_out_set_is_large_and_apart_from_the_training_data():
    assert len(EXAMPLES) >= 200
    training = set()
    for path in (settings.PROJECT_ROOT / "data" / "nlu").glob("*.yml"):
        training.update(example.text.lower().strip() for example in parse_examples(path))
    assert [e.text for e in EXAMPLES if e.text.lower().strip() in training] == []


def test_intent_macro_f1_stays_above_its_floor(scores):
    weakest = sorted(scores.per_intent.items(), key=lambda item: item[1][2])[:3]
    assert scores.intent_macro_f1 >= INTENT_MACRO_F1_FLOOR, f"weakest intents: {weakest}"


def test_entity_f1_stays_above_its_floor(scores):
    assert min(scores.entity_f1.values()) >= ENTITY_F1_FLOOR, scores.entity_f1


def test_out_of_scope_recall_stays_above_its_floor(scores):
    assert scores.out_of_scope_recall >= OUT_OF_SCOPE_RECALL_FLOOR
