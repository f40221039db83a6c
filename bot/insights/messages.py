"""Patients' messages as the tracker store holds them, read for the staff report:
only user messages, only inside the period and the retention window."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from functools import lru_cache
from typing import Iterator

from sqlalchemy import select

from bot.tracker_events import events_table


@dataclass(frozen=True)
class PatientMessage:
    conversation: str
    day: str  # YYYY-MM-DD, UTC
    intent: str
    text: str
    entities: tuple[tuple[str, str], ...]
    # The intents of the questions of a message that asked several; () otherwise.
    questions: tuple[str, ...]


def read_messages(url: str, since: float) -> Iterator[PatientMessage]:
    """Every patient message stored at or after `since` (a Unix time), oldest first."""
    with events_table(url) as (engine, events):
        if events is None:
            return
        query = (
            select(events.c.sender_id, events.c.timestamp, events.c.intent_name, events.c.data)
            .where(events.c.type_name == "user", events.c.timestamp >= since)
            .order_by(events.c.timestamp)
        )
        with engine.connect() as connection:
            rows = connection.execution_options(stream_results=True, yield_per=5000).execute(query)
            for sender, timestamp, intent, data in rows:
                yield _message(sender, timestamp, intent, data)


@lru_cache(maxsize=None)
def _day(days_since_epoch: int) -> str:
    return datetime.fromtimestamp(days_since_epoch * 86400, tz=timezone.utc).strftime("%Y-%m-%d")


def _message(sender: str, timestamp: float, intent: str | None, data: str | None) -> PatientMessage:
    try:
        event = json.loads(data or "{}")
    except json.JSONDecodeError:
        event = {}
    parse_data = event.get("parse_data") or {}
    entities = tuple(
        (str(entity.get("entity")), str(entity.get("value")))
        for entity in parse_data.get("entities") or []
        if isinstance(entity, dict) and entity.get("entity") and entity.get("value") is not None
    )
    questions = tuple(str(question.get("intent")) for question in parse_data.get("questions") or [] if isinstance(question, dict))
    return PatientMessage(
        conversation=sender,
        day=_day(int(timestamp // 86400)),
        intent=intent or (parse_data.get("intent") or {}).get("name") or "",
        text=str(event.get("text") or ""),
        entities=entities,
        questions=questions,
    )
