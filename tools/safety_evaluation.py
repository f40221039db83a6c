"""How well the red-flag detector does on its sets: recall, false alarms, speed.

The held-out sets (tests/safety/heldout/) were written apart from the project
and are never used to change the detector; the development set
(data/safety/examples.yml) is what the rules were tuned on and the classifier
learnt from, so its figures are flattered. Ordinary questions from the
project's other test sets must raise no flag either.
"""

from __future__ import annotations

import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import yaml

from bot import settings
from bot.safety.red_flags import Finding, assess

TESTS_DIR = settings.PROJECT_ROOT / "tests"
HELDOUT_DIR = TESTS_DIR / "safety" / "heldout"
# Every message of these has its key words misspelt ("cnat breth").
MISSPELLED_DIR = HELDOUT_DIR / "misspelled"

# Issue #12's targets for the held-out figures, and the floors `make test` holds
# them to: the targets, now that all four are met (docs/safety.md).
TARGETS = {"emergency_recall": 0.98, "crisis_recall": 0.98, "lookalike_false_alarms": 0.01, "ordinary_false_alarms": 0.01}
# The misspelled sets (tests/safety/heldout/misspelled/, written on 2026-11-24)
# are held to the same targets; their floors are one message short of the last
# figures measured on them (docs/safety.md), so that `make test` catches
# a step back while the targets stay in view.
TARGETS |= {
    "misspelled_emergency_recall": 0.98,
    "misspelled_crisis_recall": 0.98,
    "misspelled_lookalike_false_alarms": 0.01,
}
FLOORS = dict(TARGETS) | {
    "misspelled_emergency_recall": 0.95,
    "misspelled_crisis_recall": 0.925,
    "misspelled_lookalike_false_alarms": 0.034,
}
LATENCY_P95_MS = 5.0


@dataclass(frozen=True)
class Case:
    text: str
    expected: Optional[str]  # "emergency", "crisis" or None
    group: str


@dataclass
class Outcome:
    case: Case
    finding: Optional[Finding]
    milliseconds: float

    @property
    def flagged(self) -> Optional[str]:
        return self.finding.flag.value if self.finding else None


def _flag_of(group: str) -> Optional[str]:
    return group if group in ("emergency", "crisis") else None


def load_set(paths: Iterable[Path], expected: Optional[str] = "from-group") -> list[Case]:
    """Cases from YAML files mapping a group (a category) to a list of messages."""
    cases = []
    for path in paths:
        for group, messages in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            label = _flag_of(group) if expected == "from-group" else expected
            cases += [Case(str(text), label, f"{path.stem}/{group}") for text in messages]
    return cases


def heldout_cases() -> dict[str, list[Case]]:
    return {
        "emergency": load_set(sorted(HELDOUT_DIR.glob("emergency*.yml")), "emergency"),
        "crisis": load_set(sorted(HELDOUT_DIR.glob("crisis*.yml")), "crisis"),
        "lookalikes": load_set(sorted(HELDOUT_DIR.glob("lookalikes*.yml")), None),
        "misspelled_emergency": load_set([MISSPELLED_DIR / "emergency.yml"], "emergency"),
        "misspelled_crisis": load_set([MISSPELLED_DIR / "crisis.yml"], "crisis"),
        "misspelled_lookalikes": load_set([MISSPELLED_DIR / "lookalikes.yml"], None),
    }


def development_cases() -> list[Case]:
    return load_set(sorted(settings.SAFETY_DATA_DIR.glob("*.yml")))


def ordinary_cases() -> list[Case]:
    """Every ordinary patient message in the project's other test sets."""
    cases = []
    nlu = yaml.safe_load((TESTS_DIR / "nlu" / "heldout.yml").read_text(encoding="utf-8"))
    from bot.nlp.vocabulary import example_lines, plain_text

    for block in nlu.get("nlu", []):
        if block.get("intent") not in (None, "emergency", "crisis"):
            cases += [Case(plain_text(line), None, "tests/nlu/heldout.yml") for line in example_lines(block)]
    for case in yaml.safe_load((TESTS_DIR / "e2e" / "answers.yml").read_text(encoding="utf-8")):
        cases.append(Case(case["ask"], None, "tests/e2e/answers.yml"))
    for case in yaml.safe_load((TESTS_DIR / "e2e" / "realistic.yml").read_text(encoding="utf-8")):
        cases += [Case(turn["say"], None, "tests/e2e/realistic.yml") for turn in case["turns"]]
    old = yaml.safe_load((TESTS_DIR / "safety" / "red_flags.yml").read_text(encoding="utf-8"))
    cases += [Case(text, None, "tests/safety/red_flags.yml") for text in old["lookalikes"]]
    return cases


def run(cases: list[Case]) -> list[Outcome]:
    outcomes = []
    for case in cases:
        start = time.perf_counter()
        finding = assess(case.text)
        outcomes.append(Outcome(case, finding, (time.perf_counter() - start) * 1000))
    return outcomes


def recall(outcomes: list[Outcome]) -> float:
    return sum(o.flagged == o.case.expected for o in outcomes) / len(outcomes)


def false_alarm_rate(outcomes: list[Outcome]) -> float:
    return sum(o.flagged is not None for o in outcomes) / len(outcomes)


def misses(outcomes: list[Outcome]) -> list[Outcome]:
    return [o for o in outcomes if o.flagged != o.case.expected]


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


@dataclass
class Report:
    heldout: dict[str, list[Outcome]]
    development: list[Outcome]
    ordinary: list[Outcome]
    figures: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.figures = {
            "emergency_recall": recall(self.heldout["emergency"]),
            "crisis_recall": recall(self.heldout["crisis"]),
            "lookalike_false_alarms": false_alarm_rate(self.heldout["lookalikes"]),
            "ordinary_false_alarms": false_alarm_rate(self.ordinary),
            "misspelled_emergency_recall": recall(self.heldout["misspelled_emergency"]),
            "misspelled_crisis_recall": recall(self.heldout["misspelled_crisis"]),
            "misspelled_lookalike_false_alarms": false_alarm_rate(self.heldout["misspelled_lookalikes"]),
        }

    def all_outcomes(self) -> list[Outcome]:
        return [o for group in self.heldout.values() for o in group] + self.development + self.ordinary

    def latency_p95(self) -> float:
        return p95([o.milliseconds for o in self.all_outcomes()])

    def failing(self, limits: dict[str, float] = TARGETS) -> list[str]:
        """The figures that miss their limits (the issue's targets, or the floors), as
        "name = value (limit …)"."""
        failing = []
        for name, limit in limits.items():
            value = self.figures[name]
            if (value < limit) if name.endswith("recall") else (value > limit):
                failing.append(f"{name} = {value:.3f} (limit {limit})")
        return failing

    def summary(self) -> str:
        figures = ", ".join(f"{name} {value:.3f}" for name, value in self.figures.items())
        return f"Red flags on the held-out sets: {figures}; p95 {self.latency_p95():.2f} ms per message"

    def markdown(self) -> str:
        lines = ["# Red-flag detector", "", "Written by `make eval` (`python -m tools safety-eval`).", ""]
        lines += [
            "| set | messages | measure | value | target | floor in `make test` |",
            "| --- | ---: | --- | ---: | ---: | ---: |",
        ]
        rows = [
            ("held-out emergency", self.heldout["emergency"], "recall", "emergency_recall"),
            ("held-out crisis", self.heldout["crisis"], "recall", "crisis_recall"),
            ("held-out look-alikes", self.heldout["lookalikes"], "false alarms", "lookalike_false_alarms"),
            ("ordinary questions of the other test sets", self.ordinary, "false alarms", "ordinary_false_alarms"),
            ("held-out emergency, misspelled", self.heldout["misspelled_emergency"], "recall", "misspelled_emergency_recall"),
            ("held-out crisis, misspelled", self.heldout["misspelled_crisis"], "recall", "misspelled_crisis_recall"),
            (
                "held-out look-alikes, misspelled",
                self.heldout["misspelled_lookalikes"],
                "false alarms",
                "misspelled_lookalike_false_alarms",
            ),
        ]
        for name, outcomes, measure, key in rows:
            lines.append(f"| {name} | {len(outcomes)} | {measure} | {self.figures[key]:.3f} | {TARGETS[key]} | {FLOORS[key]} |")
        development = {flag: [o for o in self.development if o.case.expected == flag] for flag in ("emergency", "crisis", None)}
        lines.append(
            f"| development emergency (seen) | {len(development['emergency'])} | recall | "
            f"{recall(development['emergency']):.3f} | | |"
        )
        lines.append(
            f"| development crisis (seen) | {len(development['crisis'])} | recall | {recall(development['crisis']):.3f} | | |"
        )
        lines.append(
            f"| development look-alikes (seen) | {len(development[None])} | false alarms | "
            f"{false_alarm_rate(development[None]):.3f} | | |"
        )
        by_rules = sum(o.finding is not None and o.finding.by == "rules" for o in self.all_outcomes())
        by_classifier = sum(o.finding is not None and o.finding.by == "classifier" for o in self.all_outcomes())
        lines += [
            "",
            f"Flags raised by the rules: {by_rules}; by the classifier alone: {by_classifier}.",
            f"Time per message: median {statistics.median(o.milliseconds for o in self.all_outcomes()):.2f} ms, "
            f"p95 {self.latency_p95():.2f} ms (target {LATENCY_P95_MS} ms).",
            "",
        ]
        for title, outcomes in (
            ("Held-out misses and false alarms", [o for g in self.heldout.values() for o in g]),
            ("False alarms on ordinary questions", self.ordinary),
            ("Development misses and false alarms", self.development),
        ):
            wrong = misses(outcomes)
            lines += [f"## {title} ({len(wrong)})", ""]
            lines += [
                f"- [{o.case.group}] expected {o.case.expected or 'nothing'}, got {o.flagged or 'nothing'}"
                f"{f' ({o.finding.by}: {o.finding.concept})' if o.finding else ''}: {o.case.text!r}"
                for o in wrong
            ]
            lines.append("")
        return "\n".join(lines)


def evaluate() -> Report:
    return Report(
        heldout={name: run(cases) for name, cases in heldout_cases().items()},
        development=run(development_cases()),
        ordinary=run(ordinary_cases()),
    )
