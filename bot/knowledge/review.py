"""The clinician review file: every entry as the bot serves it, with its sources."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bot import settings
from bot.knowledge.store.models import Citation, Entry


def _subject(entry: Entry) -> str:
    values = [value for value in (entry.scar_type, entry.treatment) if value]
    return entry.topic.replace("_", " ") + (f" — {', '.join(values)}" if values else "")


def review_markdown(session: Session) -> str:
    entries = session.scalars(
        select(Entry).options(selectinload(Entry.citations).selectinload(Citation.document)).order_by(Entry.topic, Entry.key)
    ).all()
    reviewed = sum(1 for entry in entries if entry.reviewed_by and entry.reviewed_on)
    lines = [
        "# Knowledge entries for clinical review",
        "",
        f"{len(entries)} entries, {reviewed} reviewed. To record a review, set `reviewed_by` and "
        "`reviewed_on` (YYYY-MM-DD) on the entry in `data/knowledge/` and run `make ingest`. "
        "With `ACNEBOT_REVIEWED_ONLY=on` the assistant answers only from reviewed entries.",
        "",
        f"Every answer ends with: _{settings.DISCLAIMER}_",
    ]
    for entry in entries:
        state = (
            f"reviewed by {entry.reviewed_by} on {entry.reviewed_on.isoformat()}"
            if entry.reviewed_by and entry.reviewed_on
            else "**not reviewed**"
        )
        lines += ["", f"## {_subject(entry)} (`{entry.key}`)", "", f"Review: {state}", ""]
        lines += [f"> {line}" if line else ">" for line in entry.answer.strip().splitlines()]
        if entry.sources_differ:
            lines += ["", f"Sources differ: {entry.sources_differ}"]
        lines += ["", "Sources:"]
        for citation in entry.citations:
            lines.append(f"- {citation.document.title}: “{citation.quote}”")
    return "\n".join(lines) + "\n"
