"""Retention on Rasa's real SQL tracker store, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import sqlite3
import time

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.cli import main
from bot.insights.render import REPORT_FILES
from bot.runtime.retention import forget_conversations, tracker_store_url_in_use
from tests.support.services import tracker_store

DAY = 86400
NOW = time.time()


def save_conversation(store: SQLTrackerStore, sender: str, last_active: float) -> None:
    events = [
        UserUttered("what causes acne scars", {"name": "ask_causes"}, timestamp=last_active - 60),
        ActionExecuted("action_answer_question", timestamp=last_active),
    ]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))


@pytest.mark.parametrize("database", ["sqlite_url", pytest.param("postgres_url", marks=pytest.mark.integration)])
def test_conversations_older_than_the_limit_are_deleted_and_the_rest_kept(request, database):
    url = request.getfixturevalue(database)
    store = tracker_store(url)
    save_conversation(store, "old-patient", NOW - 40 * DAY)
    save_conversation(store, "older-patient", NOW - 400 * DAY)
    save_conversation(store, "recent-patient", NOW - 2 * DAY)

    assert forget_conversations(url, older_than_days=30, now=NOW) == 2

    assert set(asyncio.run(store.keys())) == {"recent-patient"}
    assert len(asyncio.run(store.retrieve_full_tracker("recent-patient")).events) == 2
    store.engine.dispose()
    assert forget_conversations(url, older_than_days=30, now=NOW) == 0


def test_an_empty_tracker_store_is_fine(tmp_path):
    empty = tmp_path / "tracker.sqlite3"
    sqlite3.connect(empty).close()
    assert forget_conversations(f"sqlite:///{empty}", older_than_days=1) == 0


def test_the_command_reads_the_tracker_store_from_endpoints(tmp_path, capsys):
    endpoints = tmp_path / "endpoints.yml"
    endpoints.write_text(f'tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "{tmp_path / "t.db"}"\n')
    sqlite3.connect(tmp_path / "t.db").close()
    assert tracker_store_url_in_use(endpoints) == f"sqlite:///{tmp_path / 't.db'}"
    assert main(["forget", "--days", "30", "--endpoints", str(endpoints)]) == 0
    assert "Deleted 0 conversation(s)" in capsys.readouterr().out
    assert main(["forget", "--days", "-1", "--endpoints", str(endpoints)]) == 2


def test_run_from_anywhere_the_command_finds_the_project_store_and_creates_none(tmp_path, monkeypatch, capsys):
    """From cron, the working directory is not the project's: a relative SQLite path
    in endpoints.yml is the project's store, and a missing store is an error, not
    a new empty file."""
    project, elsewhere = tmp_path / "project", tmp_path / "elsewhere"
    (project / "var").mkdir(parents=True)
    elsewhere.mkdir()
    endpoints = project / "endpoints.yml"
    endpoints.write_text('tracker_store:\n  type: SQL\n  dialect: "sqlite"\n  db: "var/tracker.sqlite3"\n')
    monkeypatch.chdir(elsewhere)
    assert tracker_store_url_in_use(endpoints) == f"sqlite:///{project / 'var' / 'tracker.sqlite3'}"
    assert main(["forget", "--days", "30", "--endpoints", str(endpoints)]) == 2
    assert "there is no tracker store at" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == [] and list((project / "var").iterdir()) == []
    store = tracker_store(tracker_store_url_in_use(endpoints))
    save_conversation(store, "old-patient", NOW - 40 * DAY)
    store.engine.dispose()
    assert main(["forget", "--days", "30", "--endpoints", str(endpoints)]) == 0
    assert "Deleted 1 conversation(s)" in capsys.readouterr().out


def test_forgetting_conversations_removes_the_staff_report_that_may_quote_them(tmp_path, capsys):
    url, reports = f"sqlite:///{tmp_path / 't.db'}", tmp_path / "results"
    reports.mkdir()
    for name in REPORT_FILES:
        (reports / name).write_text("quotes a patient")
    (reports / "realistic.md").write_text("an evaluation, not a report")
    store = tracker_store(url)
    save_conversation(store, "recent-patient", NOW - DAY)
    store.engine.dispose()
    assert main(["forget", "--days", "30", "--tracker-url", url, "--reports", str(reports)]) == 0
    assert all((reports / name).is_file() for name in REPORT_FILES)  # nothing deleted, the report stays
    store = tracker_store(url)
    save_conversation(store, "old-patient", NOW - 40 * DAY)
    store.engine.dispose()
    assert main(["forget", "--days", "30", "--tracker-url", url, "--reports", str(reports)]) == 0
    assert "Removed the staff report" in capsys.readouterr().out
    assert sorted(path.name for path in reports.iterdir()) == ["realistic.md"]


def test_a_report_that_cannot_be_deleted_is_reported_not_a_traceback(tmp_path, capsys, monkeypatch):
    # Running as root, no file mode stops a delete here: the file system's refusal is simulated.
    url, reports = f"sqlite:///{tmp_path / 't.db'}", tmp_path / "results"
    reports.mkdir()
    (reports / "insights.html").write_text("quotes a patient")
    store = tracker_store(url)
    save_conversation(store, "old-patient", NOW - 40 * DAY)
    store.engine.dispose()

    def refuse(path, missing_ok=False):
        raise PermissionError(f"cannot delete {path}")

    monkeypatch.setattr("pathlib.Path.unlink", refuse)
    assert main(["forget", "--days", "30", "--tracker-url", url, "--reports", str(reports)]) == 2
    assert "is still there: cannot delete" in capsys.readouterr().err
