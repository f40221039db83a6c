"""Every measured quality figure's floor and target, in one table.

The floor is what `make test` holds (set a little under what the model
reached, for the noise of retraining); the target is what the issues ask.
`make eval` reports each figure against its target; the tests fail below
its floor. The red-flag detector's own bars are in tools/safety_evaluation.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    floor: float | None  # None: measured by `make eval` only (too slow for `make test`)
    target: float


BARS: dict[str, Bar] = {
    # tests/nlu/heldout.yml, written apart from the training data (last measured
    # 2026-11-25: intent 0.958, out-of-scope recall 1.000). Its labels predate the
    # intent guide (docs/intent-guide.md) the training data now follows: "i want to
    # book an appointment" is ask_clinic there, "and does that hurt?" a side-effects
    # question. The floor is the target.
    "heldout_intent_macro_f1": Bar(floor=0.95, target=0.95),
    "heldout_entity_f1": Bar(floor=0.97, target=0.95),
    "heldout_out_of_scope_recall": Bar(floor=0.95, target=0.90),
    # 5-fold cross-validation of the training data (issue #13)
    "cross_validation_intent_macro_f1": Bar(floor=None, target=0.90),
    # tests/e2e/realistic.yml end to end; last measured 2026-11-25: 0.944 in all,
    # multi_question 0.921 (35 of 38), aspect 0.886, risk_context 0.974, conflict
    # 1.000. Each floor is at least one conversation under what was measured, so
    # multi_question's is now under its target (0.974 the session before).
    "realistic_all": Bar(floor=0.925, target=0.92),
    "realistic_multi_question": Bar(floor=0.89, target=0.92),
    "realistic_aspect": Bar(floor=0.81, target=0.92),
    "realistic_risk_context": Bar(floor=0.94, target=0.92),
    "realistic_conflict": Bar(floor=0.96, target=0.92),
}
