"""Rasa's SQL tracker store, riding out a short database outage.

Rasa wraps every tracker store in a fail-safe: on a database error it keeps the
conversation in that server's memory only, so the turns taken while PostgreSQL
restarts are missing from the tracker store afterwards, and the other servers
never see them. This store retries instead (a restart takes a second or two),
so every turn is written where every server reads it. Saving is safe to repeat:
Rasa's store writes only the events the database does not have yet.

On SQLite (the default, one server) the store keeps its connection open
between turns (SQLAlchemy 1.4 opens and closes one per session on a SQLite
file) and a write-ahead log synced to disk at checkpoints, not at every commit:
an fsync per turn blocked the server's event loop for a few milliseconds on
every message. A crash of the assistant loses nothing; a power cut may lose
the last turns. The log's files take the database file's owner-only mode.
"""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path
from typing import Any, Awaitable, Callable, Optional, Text

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from bot.runtime.private_files import private_sqlite_file

logger = logging.getLogger(__name__)

RETRY_FOR_SECONDS = 20.0
RETRY_EVERY_SECONDS = 0.5


class DurableSQLTrackerStore(SQLTrackerStore):
    engine: Engine

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if kwargs.get("dialect", "sqlite") == "sqlite":
            private_sqlite_file(Path(kwargs.get("db", "rasa.db")))
        super().__init__(*args, **kwargs)
        # A database in memory lives and dies with its one connection: left as Rasa made it.
        if self.engine.dialect.name == "sqlite" and self.engine.url.database not in (None, "", ":memory:"):
            self.engine.dispose()
            # Rasa's server uses the store from its event loop's thread only.
            engine = create_engine(self.engine.url, poolclass=QueuePool, connect_args={"check_same_thread": False})
            event.listen(engine, "connect", _write_ahead_log)
            self.engine, self.sessionmaker = engine, sessionmaker(bind=engine)

    async def _retrieve(self, sender_id: Text, fetch_events_from_all_sessions: bool) -> Optional[DialogueStateTracker]:
        return await _retrying(super()._retrieve, sender_id, fetch_events_from_all_sessions)

    async def save(self, tracker: DialogueStateTracker) -> None:
        await _retrying(super().save, tracker)


def _write_ahead_log(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


async def _retrying(operation: Callable[..., Awaitable[Any]], *args: Any) -> Any:
    deadline = time.monotonic() + RETRY_FOR_SECONDS
    while True:
        try:
            return await operation(*args)
        except OperationalError as error:  # connection lost or refused, database locked
            if time.monotonic() >= deadline:
                raise
            logger.warning("Tracker store unreachable (%s); retrying.", type(error.orig).__name__)
            await asyncio.sleep(RETRY_EVERY_SECONDS)
