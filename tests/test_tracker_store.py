"""The SQLite tracker store (bot/runtime/tracker_store.py) keeps a write-ahead
log synced at checkpoints, and a conversation saved is there when the store is
opened again."""

import asyncio

from rasa.shared.core.domain import Domain
from rasa.shared.core.events import BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import text

from bot import settings
from bot.runtime.tracker_store import DurableSQLTrackerStore

DOMAIN = Domain.load(str(settings.PROJECT_ROOT / "domain.yml"))


def test_every_connection_writes_ahead_and_syncs_at_checkpoints(tmp_path):
    store = DurableSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "conversations.sqlite3"))
    for _ in range(2):
        with store.engine.connect() as connection:
            assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert connection.execute(text("PRAGMA synchronous")).scalar() == 1  # NORMAL
    store.engine.dispose()


def test_a_saved_conversation_is_read_back_by_a_store_opened_later(tmp_path):
    path = str(tmp_path / "conversations.sqlite3")
    events = [UserUttered("do acne scars go away?"), BotUttered("Usually not by themselves.")]
    first = DurableSQLTrackerStore(DOMAIN, dialect="sqlite", db=path)
    asyncio.run(first.save(DialogueStateTracker.from_events("patient", events)))
    first.engine.dispose()
    second = DurableSQLTrackerStore(DOMAIN, dialect="sqlite", db=path)
    tracker = asyncio.run(second.retrieve("patient"))
    assert tracker is not None and [e.text for e in tracker.events if hasattr(e, "text")] == [e.text for e in events]
    second.engine.dispose()


def test_the_connection_stays_open_between_turns(tmp_path):
    store = DurableSQLTrackerStore(DOMAIN, dialect="sqlite", db=str(tmp_path / "conversations.sqlite3"))
    for turn in range(3):
        asyncio.run(store.save(DialogueStateTracker.from_events("patient", [UserUttered(f"turn {turn}")])))
        asyncio.run(store.retrieve("patient"))
    assert store.engine.pool.checkedin() == 1  # one connection, kept and reused
    store.engine.dispose()


def test_a_store_in_memory_keeps_what_it_saved():
    store = DurableSQLTrackerStore(DOMAIN, dialect="sqlite", db=":memory:")
    asyncio.run(store.save(DialogueStateTracker.from_events("patient", [UserUttered("are scars forever?")])))
    tracker = asyncio.run(store.retrieve("patient"))
    assert tracker is not None and tracker.latest_message.text == "are scars forever?"
