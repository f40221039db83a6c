"""Read queries on the knowledge store."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot import settings
from bot.knowledge.store.models import Citation, Entry


def find_entry(session: Session, topic: str, scar_type: str | None, treatment: str | None) -> Entry | None:
    """The entry for exactly this topic, scar type and treatment (None matches no
    value); with ACNEBOT_REVIEWED_ONLY on, only a reviewed one."""
    if any("\x00" in value for value in (topic, scar_type, treatment) if value):
        return None  # no stored value holds a NUL, and PostgreSQL refuses one in a query
    query = (
        select(Entry)
        .where(
            Entry.topic == topic,
            Entry.scar_type.is_(None) if scar_type is None else Entry.scar_type == scar_type,
            Entry.treatment.is_(None) if treatment is None else Entry.treatment == treatment,
        )
        .options(selectinload(Entry.citations).selectinload(Citation.document))
    )
    if settings.reviewed_only():
        query = query.where(Entry.reviewed_by.is_not(None), Entry.reviewed_on.is_not(None))
    return session.scalars(query).first()


def disputed_topic_entries(session: Session) -> list[Entry]:
    """General entries (no scar type or treatment) on whose point the sources disagree."""
    query = (
        select(Entry)
        .where(Entry.sources_differ.is_not(None), Entry.scar_type.is_(None), Entry.treatment.is_(None))
        .order_by(Entry.key)
    )
    if settings.reviewed_only():
        query = query.where(Entry.reviewed_by.is_not(None), Entry.reviewed_on.is_not(None))
    return list(session.scalars(query))
