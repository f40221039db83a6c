"""Retention: delete conversations older than N days from Rasa's SQL tracker store."""

from __future__ import annotations

import time
from pathlib import Path

from sqlalchemy import delete, func, select

from bot import settings
from bot.runtime.endpoints import TRACKER_STORE_TYPE
from bot.runtime.tracker_events import events_table


def tracker_store_url_in_use(endpoints: Path = settings.PROJECT_ROOT / "endpoints.yml") -> str:
    """The SQLAlchemy URL of the tracker store: ACNEBOT_TRACKER_STORE_URL, else the
    one in endpoints.yml, built by Rasa's own code."""
    configured = settings.configured_tracker_store_url()
    if configured:
        return configured
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    config = read_endpoint_config(str(endpoints), "tracker_store")
    if config is None or config.type not in ("SQL", TRACKER_STORE_TYPE):
        raise ValueError(f"{endpoints} has no SQL tracker store")
    kwargs = config.kwargs
    if kwargs.get("dialect", "sqlite") == "sqlite":
        # Rasa opens a relative SQLite path from the directory it runs in, the
        # project's; so does this, from wherever it runs (cron, say).
        database = Path(kwargs.get("db", "rasa.db"))
        return f"sqlite:///{database if database.is_absolute() else endpoints.resolve().parent / database}"
    url = SQLTrackerStore.get_db_url(
        kwargs.get("dialect", "sqlite"),
        config.url,
        kwargs.get("port"),
        kwargs.get("db", "rasa.db"),
        kwargs.get("username"),
        kwargs.get("password"),
        kwargs.get("login_db"),
        kwargs.get("query"),
    )
    return str(url)


def forget_conversations(url: str, older_than_days: float, now: float | None = None) -> int:
    """Delete every conversation whose last event is older than the given number of
    days; returns how many conversations were deleted."""
    if older_than_days < 0:
        raise ValueError("the number of days cannot be negative")
    with events_table(url) as (engine, events):
        if events is None:
            return 0
        cutoff = (now if now is not None else time.time()) - older_than_days * 86400
        old = select(events.c.sender_id).group_by(events.c.sender_id).having(func.max(events.c.timestamp) < cutoff)
        with engine.begin() as connection:
            senders = connection.scalars(old).all()
            if senders:
                connection.execute(delete(events).where(events.c.sender_id.in_(senders)))
        return len(senders)
