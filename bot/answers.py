"""Answer composition: pick the knowledge entry for a question and write the reply.

Every reply with medical content ends with settings.DISCLAIMER.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from sqlalchemy.orm import Session

from bot import settings
from bot.store.models import Entry
from bot.store.queries import find_entry
from bot.topics import INTENT_PREFIX, TOPICS

# Topics whose answers a button menu offers first, in this order.
MENU_TOPICS = ("causes", "scar_types", "treatment", "prevention", "picking", "see_doctor")

NOTHING_FOUND = (
    "I'm sorry, my sources don't cover that. A dermatologist can answer it for you."
)


@dataclass(frozen=True)
class Answer:
    text: str
    entry_keys: tuple[str, ...]


def _candidates(topic: str, scar_type: str | None, treatment: str | None) -> list[tuple]:
    """Entries to try, most specific first; the general topic entry last."""
    order = [(topic, scar_type, treatment)]
    if scar_type:
        order.append((topic, scar_type, None))
    if treatment:
        order.append((topic, None, treatment))
    # A scar type's description says what it is, what it looks like and why it
    # forms; a treatment's entry says what it is.
    if scar_type and topic in ("overview", "causes", "symptoms"):
        order.append(("scar_types", scar_type, None))
    if treatment and topic == "overview":
        order.append(("treatment", None, treatment))
    order.append((topic, None, None))
    return list(dict.fromkeys(order))


def select_entries(
    session: Session, topic: str, scar_types: Sequence[str] = (), treatments: Sequence[str] = ()
) -> list[Entry]:
    """One entry per combination of the values asked about, without repeats."""
    entries: dict[str, Entry] = {}
    for scar_type in list(scar_types) or [None]:
        for treatment in list(treatments) or [None]:
            for candidate in _candidates(topic, scar_type, treatment):
                entry = find_entry(session, *candidate)
                if entry is not None:
                    entries.setdefault(entry.key, entry)
                    break
    return list(entries.values())


def compose(entries: Sequence[Entry]) -> str:
    parts = []
    for entry in entries:
        parts.append(entry.answer.strip())
        if entry.sources_differ:
            parts.append(f"Sources differ: {entry.sources_differ}")
    if not parts:
        parts.append(NOTHING_FOUND)
    if settings.citations_enabled():
        titles = dict.fromkeys(
            citation.document.title for entry in entries for citation in entry.citations
        )
        if titles:
            parts.append("Sources: " + "; ".join(titles) + ".")
    parts.append(settings.DISCLAIMER)
    return "\n\n".join(parts)


def answer_question(
    session: Session, topic: str, scar_types: Sequence[str] = (), treatments: Sequence[str] = ()
) -> Answer:
    entries = select_entries(session, topic, scar_types, treatments)
    return Answer(compose(entries), tuple(entry.key for entry in entries))


def out_of_scope_text() -> str:
    return (
        "I can only help with questions about acne scars: what causes them, the types, "
        "treatments, prevention and when to see a doctor. For appointments, prices or "
        f"anything else, {settings.clinic_contact()}. For other skin conditions, "
        "please ask a dermatologist."
    )


def topic_menu() -> list[dict[str, str]]:
    """Quick-reply buttons for the most asked topics."""
    return [{"title": TOPICS[topic], "payload": f"/{INTENT_PREFIX}{topic}"} for topic in MENU_TOPICS]


def offer_topics_text(understood: bool) -> str:
    if understood:
        return (
            "I answer general questions about acne scars: what causes them, the types, "
            "whether picking causes them, treatments, prevention, and when to see a "
            "dermatologist. Pick a topic or ask in your own words."
        )
    return "Sorry, I'm not sure I understood. Could you rephrase it, or pick one of these topics?"
