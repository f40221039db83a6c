"""Rasa's `events` table in the SQL tracker store, opened for retention and the
staff report."""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

from sqlalchemy import MetaData, Table, create_engine, inspect
from sqlalchemy.engine import Engine, make_url


@contextmanager
def events_table(url: str) -> Iterator[tuple[Engine, Optional[Table]]]:
    """The store's engine and its events table (None before Rasa created it).
    A SQLite file that does not exist is an error, not a new empty store."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and not Path(parsed.database or "").is_file():
        raise ValueError(f"there is no tracker store at {parsed.database}")
    engine = create_engine(url, future=True)
    try:
        yield engine, Table("events", MetaData(), autoload_with=engine) if inspect(engine).has_table("events") else None
    finally:
        engine.dispose()
