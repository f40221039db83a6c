"""The `python -m tools` command line: development tools that the assistant's
servers never import (evaluations and the benchmark)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot import settings


def _write_report(report, output: Path) -> None:
    """A report's Markdown to `output`, and its summary to the terminal."""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report.markdown(), encoding="utf-8")
    print(f"{report.summary()}\nReport: {output}")


def _safety_eval(args) -> int:
    from tools.safety_evaluation import evaluate

    _write_report(evaluate(), args.output)
    return 0


def _realistic_eval(args) -> int:
    from tools.realistic import TARGET, evaluate, share_right

    output = args.output or settings.PROJECT_ROOT / "results" / f"{args.cases.stem.replace('_', '-')}.md"
    results = evaluate(output, args.model, args.cases.resolve())
    print(f"{args.cases.name} end to end: {share_right(results):.3f} right (target {TARGET}); see {output}")
    return 0


def _evaluate(args) -> int:
    from tools.nlu_evaluation import parse_examples, predict, summary_markdown

    text = summary_markdown(predict(parse_examples()), args.results)
    (args.results / "summary.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


def _fold_readings(args) -> int:
    from tools.fold_readings import main as fold_readings

    return fold_readings(args.config, args.seed, args.output)


def _bench(_args) -> int:
    from tools.benchmark import main as bench

    return bench()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools", description="The acne-scar assistant's development tools.")
    commands = parser.add_subparsers(dest="command", required=True)
    safety = commands.add_parser("safety-eval", help="score the red-flag detector on its sets; write results/safety.md")
    safety.add_argument("--output", type=Path, default=settings.PROJECT_ROOT / "results" / "safety.md")
    safety.set_defaults(run=_safety_eval)
    realistic = commands.add_parser("realistic-eval", help="run tests/e2e/realistic.yml over REST; write results/realistic.md")
    realistic.add_argument("--output", type=Path, help="default: results/<the cases file's name>.md")
    realistic.add_argument("--model", type=Path, default=settings.MODEL_FILE)
    realistic.add_argument(
        "--cases",
        type=Path,
        default=settings.PROJECT_ROOT / "tests" / "e2e" / "realistic.yml",
        help="the cases to run (default: the held-out set; tests/e2e/realistic_development.yml is for reading errors)",
    )
    realistic.set_defaults(run=_realistic_eval)
    evaluate = commands.add_parser("evaluate", help="score the model on the held-out set; write results/summary.md")
    evaluate.add_argument("--results", type=Path, default=settings.PROJECT_ROOT / "results")
    evaluate.set_defaults(run=_evaluate)
    folds = commands.add_parser(
        "fold-readings", help="5-fold cross-validation on fixed folds, read stage by stage; write results/fold-readings/"
    )
    folds.add_argument("--config", type=Path, default=settings.PROJECT_ROOT / "config.yml")
    folds.add_argument("--seed", type=int, default=0, help="the folds' shuffle")
    folds.add_argument("--output", type=Path, default=settings.PROJECT_ROOT / "results" / "fold-readings")
    folds.set_defaults(run=_fold_readings)
    commands.add_parser("bench", help="benchmark against plain Rasa through REST; write results/bench.md").set_defaults(
        run=_bench
    )
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
