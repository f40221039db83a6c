"""The SQLite stores (conversations and knowledge) are readable by their owner only."""

import stat

from rasa.shared.core.domain import Domain

from bot import settings
from bot.knowledge.store.db import migrate
from bot.runtime.tracker_store import DurableSQLTrackerStore


def mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_knowledge_store_is_readable_by_its_owner_only(tmp_path):
    path = tmp_path / "var" / "knowledge.sqlite3"
    migrate(f"sqlite:///{path}")
    assert mode(path) == 0o600 and mode(path.parent) == 0o700


def test_the_tracker_store_is_created_or_tightened_to_owner_only(tmp_path):
    domain = Domain.load(str(settings.PROJECT_ROOT / "domain.yml"))
    new, old = tmp_path / "new.sqlite3", tmp_path / "old.sqlite3"
    old.touch(mode=0o644)
    old.chmod(0o644)
    for path in (new, old):
        store = DurableSQLTrackerStore(domain, dialect="sqlite", db=str(path))
        store.engine.dispose()
        assert mode(path) == 0o600


def test_the_tracker_stores_write_ahead_log_is_readable_by_its_owner_only(tmp_path):
    import asyncio

    from rasa.shared.core.events import UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    from sqlalchemy import text

    domain = Domain.load(str(settings.PROJECT_ROOT / "domain.yml"))
    path = tmp_path / "conversations.sqlite3"
    store = DurableSQLTrackerStore(domain, dialect="sqlite", db=str(path))
    # SQLite removes the log when its last reader closes: one stays open.
    with store.engine.connect() as reader:
        reader.execute(text("SELECT count(*) FROM sqlite_master"))
        asyncio.run(store.save(DialogueStateTracker.from_events("patient", [UserUttered("my scars itch")])))
        logs = [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm")]
        assert all(log.exists() and mode(log) == 0o600 for log in logs)
    store.engine.dispose()
