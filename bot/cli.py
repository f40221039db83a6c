"""The `python -m bot` command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot import settings


def _build_nlp(_args) -> int:
    from bot.nlp.pipeline import build_to_disk

    print(f"spaCy pipeline written to {build_to_disk().relative_to(settings.PROJECT_ROOT)}")
    return 0


def _write_report(report, output: Path) -> None:
    """A report's Markdown to `output`, and its summary to the terminal."""
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report.markdown(), encoding="utf-8")
    print(f"{report.summary()}\nReport: {output}")


def _build_safety(_args) -> int:
    from bot.safety.classifier import build_to_disk

    print(f"Red-flag classifier written to {build_to_disk().relative_to(settings.PROJECT_ROOT)}")
    return 0


def _ingest(_args) -> int:
    from bot.knowledge.ingest import IngestError
    from bot.knowledge.ingest.sync import ingest
    from bot.knowledge.store.db import migrate, new_session

    migrate()
    try:
        with new_session() as session:
            report = ingest(session)
    except IngestError as error:
        print(f"Ingest stopped; the store is unchanged. Fix these and run it again:\n{error}", file=sys.stderr)
        return 1
    print(report.summary())
    return 0


def _coverage(args) -> int:
    from bot.knowledge.coverage import coverage

    report = coverage()
    _write_report(report, args.output)
    for problem in report.problems:
        print(f"- {problem}", file=sys.stderr)
    return 1 if report.problems else 0


def _review(args) -> int:
    from bot.knowledge.review import review_markdown
    from bot.knowledge.store.db import new_session

    with new_session() as session:
        text = review_markdown(session)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text, encoding="utf-8")
    print(f"Review file: {args.output}")
    return 0


def _forget(args) -> int:
    from bot.insights.render import REPORT_FILES
    from bot.runtime.retention import forget_conversations, tracker_store_url_in_use

    try:
        url = args.tracker_url or tracker_store_url_in_use(args.endpoints)
        deleted = forget_conversations(url, args.days)
    except ValueError as error:
        print(f"Nothing deleted: {error}", file=sys.stderr)
        return 2
    print(f"Deleted {deleted} conversation(s) with no activity in the last {args.days:g} days.")
    if not deleted:
        return 0
    # A staff report written before may quote the deleted conversations.
    removed = [path for path in (args.reports / name for name in REPORT_FILES) if path.is_file()]
    try:
        for path in removed:
            path.unlink(missing_ok=True)
    except OSError as error:
        print(f"The staff report that may quote them is still there: {error}. Delete it by hand.", file=sys.stderr)
        return 2
    if removed:
        print(f"Removed the staff report that may quote them ({', '.join(map(str, removed))}); `make report` writes a new one.")
    return 0


def _report(args) -> int:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.insights.report import make_report
    from bot.runtime.retention import tracker_store_url_in_use

    try:
        url = args.tracker_url or tracker_store_url_in_use(args.endpoints)
        summary, written = make_report(url, args.days, args.retention_days, args.output)
    except (ValueError, SQLAlchemyError, OSError) as error:
        print(f"No report written: {error}", file=sys.stderr)
        return 2
    print(f"{summary.conversations} conversations, {summary.messages} patient messages. Written: {', '.join(map(str, written))}")
    return 0


def _ask(args) -> int:
    from bot.dialogue.answers import answer_question
    from bot.knowledge.store.db import new_session

    with new_session() as session:
        print(answer_question(session, args.topic, args.scar_type or (), args.treatment or ()).text)
    return 0


def _serve(_args) -> int:
    from bot.runtime.serve import serve

    return serve()


def _shell(_args) -> int:
    from bot.runtime.serve import shell

    return shell()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="The acne-scar assistant: set-up, serving and maintenance. Development tools: python -m tools.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("build-nlp", help="build the project's spaCy pipeline").set_defaults(run=_build_nlp)
    commands.add_parser("build-safety", help="train the red-flag classifier").set_defaults(run=_build_safety)
    commands.add_parser("ingest", help="migrate the store and fill it from data/").set_defaults(run=_ingest)
    report = commands.add_parser("coverage", help="report document sentences no entry covers, and broken citations")
    report.add_argument("--output", type=Path, default=settings.PROJECT_ROOT / "results" / "coverage.md")
    report.set_defaults(run=_coverage)
    review = commands.add_parser("review", help="write the clinician review file of every entry")
    review.add_argument("--output", type=Path, default=settings.PROJECT_ROOT / "results" / "review.md")
    review.set_defaults(run=_review)
    forget = commands.add_parser("forget", help="delete conversations older than N days from the tracker store")
    forget.add_argument("--days", type=float, required=True)
    forget.add_argument("--endpoints", type=Path, default=settings.PROJECT_ROOT / "endpoints.yml")
    forget.add_argument("--reports", type=Path, default=settings.PROJECT_ROOT / "results", help="where `make report` writes")
    forget.add_argument(
        "--tracker-url", help="SQLAlchemy URL of the tracker store (default: ACNEBOT_TRACKER_STORE_URL, else endpoints.yml's)"
    )
    forget.set_defaults(run=_forget)
    report = commands.add_parser("report", help="the staff report of what patients asked: results/insights.html and .md")
    report.add_argument("--days", type=float, default=30.0, help="the period: the last N days (default 30)")
    report.add_argument("--retention-days", type=float, default=30.0, help="nothing older than this is read (RETENTION_DAYS)")
    report.add_argument("--output", type=Path, default=settings.PROJECT_ROOT / "results")
    report.add_argument("--endpoints", type=Path, default=settings.PROJECT_ROOT / "endpoints.yml")
    report.add_argument(
        "--tracker-url", help="SQLAlchemy URL of the tracker store (default: ACNEBOT_TRACKER_STORE_URL, else endpoints.yml's)"
    )
    report.set_defaults(run=_report)
    ask = commands.add_parser("ask", help="print the stored answer for a topic")
    ask.add_argument("topic")
    ask.add_argument("--scar-type", action="append")
    ask.add_argument("--treatment", action="append")
    ask.set_defaults(run=_ask)
    commands.add_parser("serve", help="run the action server and the Rasa server").set_defaults(run=_serve)
    commands.add_parser(
        "shell", help="chat with the assistant in the terminal (its own servers, beside `make run`)"
    ).set_defaults(run=_shell)
    args = parser.parse_args(argv)
    return args.run(args)
