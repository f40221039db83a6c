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
    # tests/nlu/heldout.yml, written apart from the training data
    # (last measured 2026-11-23: intent 0.970, out-of-scope recall 1.000)
    "heldout_intent_macro_f1": Bar(floor=0.96, target=0.95),
    "heldout_entity_f1": Bar(floor=0.97, target=0.95),
    "heldout_out_of_scope_recall": Bar(floor=0.95, target=0.90),
    # 5-fold cross-validation of the training data (issue #13)
    "cross_validation_intent_macro_f1": Bar(floor=None, target=0.90),
    # tests/e2e/realistic.yml end to end; last measured 2026-11-23 (answers in the
    # documents' own wording, this session's understanding changes): 0.921 in all,
    # multi_question 0.868, aspect 0.841, risk_context 0.974, conflict 1.000. Each
    # floor is about one conversation under what was measured.
    "realistic_all": Bar(floor=0.91, target=0.92),
    "realistic_multi_question": Bar(floor=0.84, target=0.92),
    "realistic_aspect": Bar(floor=0.81, target=0.92),
    "realistic_risk_context": Bar(floor=0.94, target=0.92),
    "realistic_conflict": Bar(floor=0.96, target=0.92),
}
