"""How a reply reads: the lines that answer the aspect asked, each entry's
answer and the disagreements it touches, quoted passages, one Sources line and
the disclaimer (every reply with medical content ends with it); and which fixed
part of a reply a paragraph is, for the widget."""

from __future__ import annotations

from typing import Sequence

from bot import settings
from bot.dialogue.aspects import general_follows_text
from bot.dialogue.messages import message
from bot.knowledge.retrieval import Hit
from bot.knowledge.store.models import Entry


def compose(
    entries: Sequence[Entry], hits: Sequence[Hit] = (), disputes: Sequence[Entry] = (), leading: Sequence[str] = ()
) -> str:
    """The reply: the lines that answer what was asked first (an aspect), each
    entry's answer with its own disagreement, the disagreements of other entries
    it touches, the passages quoted, one Sources line and the disclaimer."""
    parts = list(leading)
    if leading and entries:
        parts.append(general_follows_text())
    for entry in entries:
        parts.append(entry.answer.strip())
        if entry.sources_differ:
            parts.append(f"{message('sources_differ_label')} {entry.sources_differ}")
    for entry in disputes:
        if entry not in entries:
            parts.append(f"{message('sources_differ_label')} {entry.sources_differ}")
    if hits:
        quotes = "\n".join(f"• “{hit.text}” ({hit.document_title})" for hit in hits)
        parts.append(message("sources_also_say" if entries else "sources_say") + "\n" + quotes)
    if not parts:
        parts.append(message("nothing_found"))
    if settings.citations_enabled():
        titles = dict.fromkeys(
            [citation.document.title for entry in [*entries, *disputes] for citation in entry.citations]
            + [hit.document_title for hit in hits]
        )
        if titles:
            parts.append(f"{message('sources_label')} " + "; ".join(titles) + ".")
    parts.append(settings.DISCLAIMER)
    return "\n\n".join(parts)


def part_of(paragraph: str | None) -> str | None:
    """Which fixed part of a reply a paragraph is ("privacy_notice", "sources",
    "disclaimer" or "feedback", the question whether an answer helped), so that
    the widget can show each one in its place; None for the rest."""
    if paragraph == settings.DISCLAIMER:
        return "disclaimer"
    if paragraph == message("feedback_question"):
        return "feedback"
    if paragraph == settings.PRIVACY_NOTICE:
        return "privacy_notice"
    if paragraph and paragraph.startswith(message("sources_label") + " ") and "\n" not in paragraph:
        return "sources"
    return None


def cites(entries: Sequence[Entry], hit: Hit) -> bool:
    return any(
        citation.document_id == hit.document_id and citation.start_char < hit.end and hit.start < citation.end_char
        for entry in entries
        for citation in entry.citations
    )
