"""Answer composition: pick the knowledge entry for a question and write the reply.

Every reply with medical content ends with settings.DISCLAIMER.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from sqlalchemy.orm import Session

from bot import settings
from bot.nlp.lemmas import lemmas_of, training_lemmas
from bot.retrieval import Hit, passage_index
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
    passage_ids: tuple[int, ...] = ()


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


def _first_entry(session: Session, candidates: list[tuple]) -> Entry | None:
    return next((entry for entry in (find_entry(session, *c) for c in candidates) if entry is not None), None)


def select_entries(
    session: Session, topic: str, scar_types: Sequence[str] = (), treatments: Sequence[str] = ()
) -> tuple[list[Entry], list[dict[str, str]]]:
    """One entry per combination of the values asked about, without repeats, and
    the combinations that had no entry of their own."""
    entries: dict[str, Entry] = {}
    unmatched = []
    for scar_type in list(scar_types) or [None]:
        for treatment in list(treatments) or [None]:
            exact = find_entry(session, topic, scar_type, treatment)
            if exact is not None:
                entries.setdefault(exact.key, exact)
                continue
            if scar_type or treatment:
                unmatched.append({"scar_type": scar_type, "treatment": treatment})
            found = []
            if scar_type and treatment:
                # No entry for both values: one for each ("surgery for pockmarks").
                found = [e for e in (find_entry(session, topic, scar_type, None), find_entry(session, topic, None, treatment)) if e]
            if not found:
                closest = _first_entry(session, _candidates(topic, scar_type, treatment)[1:])
                found = [closest] if closest else []
            for entry in found:
                entries.setdefault(entry.key, entry)
    return list(entries.values()), unmatched


def _cites(entries: Sequence[Entry], hit: Hit) -> bool:
    return any(
        citation.document_id == hit.document_id and citation.start_char < hit.end and hit.start < citation.end_char
        for entry in entries
        for citation in entry.citations
    )


def compose(entries: Sequence[Entry], hits: Sequence[Hit] = ()) -> str:
    parts = []
    for entry in entries:
        parts.append(entry.answer.strip())
        if entry.sources_differ:
            parts.append(f"Sources differ: {entry.sources_differ}")
    if hits:
        quotes = "\n".join(f"• “{hit.text}” ({hit.document_title})" for hit in hits)
        parts.append(("The sources also say:\n" if entries else "Here is what the sources say:\n") + quotes)
    if not parts:
        parts.append(NOTHING_FOUND)
    if settings.citations_enabled():
        titles = dict.fromkeys(
            [citation.document.title for entry in entries for citation in entry.citations]
            + [hit.document_title for hit in hits]
        )
        if titles:
            parts.append("Sources: " + "; ".join(titles) + ".")
    parts.append(settings.DISCLAIMER)
    return "\n\n".join(parts)


def _answer(entries: Sequence[Entry], hits: Sequence[Hit] = ()) -> Answer:
    return Answer(compose(entries, hits), tuple(e.key for e in entries), tuple(h.passage_id for h in hits))


def _novel_terms(terms: tuple[str, ...], entries: Sequence[Entry]) -> set[str]:
    """Words of the question that neither the NLU training data nor the chosen
    answers contain: what a newly added document may be the only one to cover."""
    known = set(training_lemmas())
    for entry in entries:
        known.update(_answer_lemmas(entry.answer))
    return set(terms) - known


@lru_cache(maxsize=512)
def _answer_lemmas(text: str) -> tuple[str, ...]:
    return lemmas_of(text)


def answer_question(
    session: Session,
    topic: str,
    scar_types: Sequence[str] = (),
    treatments: Sequence[str] = (),
    question: str = "",
) -> Answer:
    """The curated answer for the topic and values, or the best stored passages
    where the curated entries do not cover the question."""
    entries, unmatched = select_entries(session, topic, scar_types, treatments)
    terms = lemmas_of(question) if question.strip() else ()
    if not terms:
        return _answer(entries)
    index = passage_index(session)
    novel = _novel_terms(terms, entries)
    if novel:
        hits = index.search(terms, any_of=novel)
        if hits:
            return _answer([], hits)
    if not entries:
        # Only passages tagged with the topic and every value asked about.
        tags = {f"topic:{topic}"} | {
            f"{entity}:{value}" for values in unmatched for entity, value in values.items() if value
        }
        return _answer([], index.search(terms, all_tags=tags))
    extra: dict[int, Hit] = {}
    for values in unmatched:
        tags = {f"{entity}:{value}" for entity, value in values.items() if value}
        for hit in index.search(terms, all_tags=tags):
            if not _cites(entries, hit):
                extra.setdefault(hit.passage_id, hit)
    return _answer(entries, list(extra.values()))


def answer_from_passages(session: Session, question: str) -> Answer | None:
    """For a message the NLU model did not understand: passages that contain its
    unfamiliar words, or None when nothing relevant is stored."""
    terms = lemmas_of(question)
    novel = _novel_terms(terms, [])
    hits = passage_index(session).search(terms, any_of=novel) if novel else []
    return _answer([], hits) if hits else None


def out_of_scope_text() -> str:
    return (
        "I can only help with questions about acne scars: what causes them, the types, "
        "treatments, prevention and when to see a doctor. For other skin conditions, "
        "please ask a dermatologist; for anything about the clinic, "
        f"{settings.clinic_contact()}."
    )


def clinic_info_text() -> str:
    """Bookings, prices and opening hours are not in the documents: the clinic's contact."""
    return (
        "The clinic's team can help with appointments, prices, opening hours and how to "
        f"find us: {settings.clinic_contact()}."
    )


def unavailable_text() -> str:
    """When the assistant cannot look anything up (a server or database is down)."""
    return (
        "Sorry, I can't look that up right now. Please try again in a few minutes, "
        f"or contact the clinic: {settings.clinic_contact()}."
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
