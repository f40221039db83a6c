"""The realistic held-out set, end to end: each case of tests/e2e/realistic.yml is a
fresh conversation over the REST channel of the real servers, and a turn passes
when the reply holds every fact it must (one of each fact's alternatives).

`make eval` runs it on servers of its own and writes results/realistic.md; the
e2e tests hold its floors.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot import settings
from bot.runtime import rest_client
from tools.quality_bars import BARS

CASES_FILE = settings.PROJECT_ROOT / "tests" / "e2e" / "realistic.yml"
MODEL = settings.MODEL_FILE
# The target for the whole set (tools/quality_bars.py), and the kinds it asks to be counted apart.
TARGET = BARS["realistic_all"].target
COUNTED_KINDS = ("multi_question", "aspect", "risk_context", "conflict")
# Ports of their own, so that `make run` may go on beside it.
RASA_PORT, ACTION_PORT = 5205, 5255


@dataclass(frozen=True)
class Result:
    kind: str
    turns: tuple[str, ...]
    replies: tuple[str, ...]
    missing: tuple[tuple[str, ...], ...]

    @property
    def passed(self) -> bool:
        return not self.missing


def load_cases(path: Path = CASES_FILE) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def missing_facts(reply: str, facts: list[list[str]]) -> list[tuple[str, ...]]:
    """The facts none of whose alternatives the reply contains."""
    lowered = reply.lower()
    return [tuple(fact) for fact in facts if not any(alternative.lower() in lowered for alternative in fact)]


def run_case(base_url: str, case: dict) -> Result:
    """One case as a new conversation: every turn sent in order, each reply checked."""
    sender = rest_client.new_sender(base_url)
    replies, missing = [], []
    for turn in case["turns"]:
        reply = "\n\n".join(message.get("text", "") for message in rest_client.send(base_url, sender, turn["say"]))
        replies.append(reply)
        missing += missing_facts(reply, turn.get("facts") or [])
    return Result(case["kind"], tuple(t["say"] for t in case["turns"]), tuple(replies), tuple(missing))


def run_all(base_url: str, cases: list[dict]) -> list[Result]:
    return [run_case(base_url, case) for case in cases]


def report(results: list[Result], seconds: float, cases_file: Path = CASES_FILE) -> str:
    passed = sum(r.passed for r in results)
    by_kind = Counter(r.kind for r in results)
    passed_by_kind = Counter(r.kind for r in results if r.passed)
    lines = [
        "<!-- Written by `make eval` (python -m tools realistic-eval); rerun it to reproduce. -->",
        f"# {'Realistic held-out set' if cases_file == CASES_FILE else cases_file.name}, end to end",
        "",
        f"{len(results)} conversations from `{cases_file.relative_to(settings.PROJECT_ROOT)}` over the REST "
        f"channel of the real servers, each a new conversation; {seconds:.0f} s in all. A conversation "
        "passes when every reply holds all its facts.",
        "",
        "| kind | conversations | right | share |",
        "| --- | --- | --- | --- |",
    ]
    for kind in sorted(by_kind):
        lines.append(f"| {kind} | {by_kind[kind]} | {passed_by_kind[kind]} | {passed_by_kind[kind] / by_kind[kind]:.3f} |")
    lines.append(f"| **all** | {len(results)} | {passed} | **{passed / len(results):.3f}** (target ≥ {TARGET}) |")
    lines += ["", "## Misses", ""]
    for result in results:
        if result.passed:
            continue
        lines.append(f"- ({result.kind}) " + " → ".join(f"“{t}”" for t in result.turns))
        lines.append("  - missing: " + "; ".join(" / ".join(f"“{a}”" for a in fact) for fact in result.missing))
        lines.append("  - reply: “" + result.replies[-1].replace("\n", " ")[:400] + "”")
    return "\n".join(lines) + "\n"


def share_right(results: list[Result], kind: str | None = None) -> float:
    chosen = [r for r in results if kind is None or r.kind == kind]
    return sum(r.passed for r in chosen) / len(chosen)


def evaluate(output: Path, model: Path = MODEL, cases_file: Path = CASES_FILE) -> list[Result]:
    """Start the servers on ports of their own with a fresh store, run every case, write the report."""
    from bot.knowledge.ingest.sync import ingest
    from bot.knowledge.store.db import migrate, new_session
    from tools.server_cluster import ServerCluster

    with tempfile.TemporaryDirectory(prefix="acnebot-realistic-") as workdir:
        store_url = f"sqlite:///{Path(workdir) / 'knowledge.sqlite3'}"
        migrate(store_url)
        with new_session(store_url) as session:
            ingest(session)
        env = {key: value for key, value in os.environ.items() if not key.startswith("ACNEBOT_")}
        env.update(
            {
                "ACNEBOT_DATABASE_URL": store_url,
                "ACNEBOT_TRACKER_STORE_URL": f"sqlite:///{Path(workdir) / 'tracker.sqlite3'}",
                "ACNEBOT_ACTION_SERVER_URL": f"http://localhost:{ACTION_PORT}/webhook",
            }
        )
        servers = ServerCluster(Path(workdir), env, (RASA_PORT,), ACTION_PORT, model)
        try:
            servers.start()
            started = time.monotonic()
            results = run_all(servers.urls[0], load_cases(cases_file))
            seconds = time.monotonic() - started
        finally:
            servers.stop_all()
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(report(results, seconds, cases_file), encoding="utf-8")
    return results
