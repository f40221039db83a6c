"""What the staff report reads, only inside the period and the retention window:
patients' messages and the answers given (the `answered` slot's values) as the
tracker store holds them, and the ratings of answers from the knowledge store."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timezone
from functools import lru_cache
from typing import Iterator

from sqlalchemy import inspect, select

from bot.dialogue.feedback import ANSWERED_SLOT
from bot.knowledge.store.db import new_session
from bot.knowledge.store.models import AnswerRating
from bot.runtime.tracker_events import events_table


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


@dataclass(frozen=True)
class AnswerGiven:
    day: str
    kind: str
    entries: tuple[str, ...]


def read_answers(url: str, since: float) -> Iterator[AnswerGiven]:
    """Every medical answer given at or after `since`: how it was made and the
    entries it gave (the `answered` slot as the answering actions set it)."""
    with events_table(url) as (engine, events):
        if events is None:
            return
        query = (
            select(events.c.timestamp, events.c.data)
            .where(
                events.c.type_name == "slot",
                events.c.timestamp >= since,
                # Rasa stores each event as json.dumps of its dict: a cheap first filter.
                events.c.data.like(f'%"name": "{ANSWERED_SLOT}"%'),
            )
            .order_by(events.c.timestamp)
        )
        with engine.connect() as connection:
            rows = connection.execution_options(stream_results=True, yield_per=5000).execute(query)
            for timestamp, data in rows:
                given = _answer_given(timestamp, data)
                if given is not None:
                    yield given


def _answer_given(timestamp: float, data: str | None) -> AnswerGiven | None:
    try:
        event = json.loads(data or "{}")
    except json.JSONDecodeError:
        return None
    value = event.get("value")
    if event.get("name") != ANSWERED_SLOT or not isinstance(value, dict) or not isinstance(value.get("kind"), str):
        return None
    entries = tuple(key for key in value.get("entries") or [] if isinstance(key, str))
    return AnswerGiven(_day(int(timestamp // 86400)), value["kind"], entries)


@dataclass(frozen=True)
class Rating:
    kind: str
    entries: tuple[str, ...]
    passages: tuple[str, ...]  # "document-slug#position"
    helpful: bool


def read_ratings(knowledge_url: str, since: date) -> list[Rating]:
    """The ratings stored on or after the day `since` (none before the knowledge
    store was first migrated to hold them)."""
    with new_session(knowledge_url) as session:
        if not inspect(session.get_bind()).has_table(AnswerRating.__tablename__):
            return []
        rows = session.execute(
            select(AnswerRating.answer_kind, AnswerRating.entry_keys, AnswerRating.passages, AnswerRating.helpful).where(
                AnswerRating.rated_on >= since
            )
        ).all()
    return [Rating(kind, _split(entries), _split(passages), bool(helpful)) for kind, entries, passages, helpful in rows]


def _split(joined: str | None) -> tuple[str, ...]:
    return tuple(part for part in (joined or "").split("|") if part)
