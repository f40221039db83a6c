"""Answering a question: pick the knowledge entries (and, where they fall
short, the passages) for it, and have the reply composed (bot/dialogue/composition.py)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.dialogue.aspects import asked_aspects, not_covered_text, not_named_text, other_subjects_named
from bot.dialogue.composition import cites, compose
from bot.knowledge.retrieval import Hit, passage_index
from bot.knowledge.store.models import Entry
from bot.knowledge.store.queries import disputed_topic_entries, find_entry
from bot.nlp.lemmas import lemmas_of, training_lemmas, word_forms_of
from bot.nlp.pipeline import topic_tags


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
) -> tuple[list[Entry], list[dict[str, str | None]]]:
    """One entry per combination of the values asked about, without repeats, and
    the combinations that had no entry of their own."""
    entries: dict[str, Entry] = {}
    unmatched = []
    any_value: list[str | None] = [None]
    for scar_type in list(scar_types) or any_value:
        for treatment in list(treatments) or any_value:
            exact = find_entry(session, topic, scar_type, treatment)
            if exact is not None:
                entries.setdefault(exact.key, exact)
                continue
            if scar_type or treatment:
                unmatched.append({"scar_type": scar_type, "treatment": treatment})
            found = []
            if scar_type and treatment:
                # No entry for both values: one for each ("surgery for pockmarks").
                found = [
                    e for e in (find_entry(session, topic, scar_type, None), find_entry(session, topic, None, treatment)) if e
                ]
            if not found:
                closest = _first_entry(session, _candidates(topic, scar_type, treatment)[1:])
                found = [closest] if closest else []
                if topic == "causes" and scar_type and closest is not None and closest.topic != topic:
                    # "why does my skin stay dented after a spot heals": how that type forms, and
                    # what causes acne scars at all (inflammation, picking ...), which it shares.
                    found += [entry for entry in [find_entry(session, topic, None, None)] if entry is not None]
            for entry in found:
                entries.setdefault(entry.key, entry)
    return list(entries.values()), unmatched


def _answer(entries: Sequence[Entry], hits: Sequence[Hit] = ()) -> Answer:
    return Answer(compose(entries, hits), tuple(e.key for e in entries), tuple(h.passage_id for h in hits))


def touched_disputes(session: Session, question: str, stored_texts: Sequence[str]) -> list[Entry]:
    """The general entries whose sources disagree (whether popping pimples causes
    scars) and whose topic the question or the reply talks about, in whatever
    words: the topic's terms in data/tagging.yml find it."""
    disputed = {entry.topic: entry for entry in disputed_topic_entries(session)}
    if not disputed:
        return []
    talked_about = set(topic_tags(question)) if question else set()
    talked_about.update(*(_topics_of(text) for text in stored_texts))
    return [entry for topic, entry in disputed.items() if topic in talked_about]


@lru_cache(maxsize=1024)
def _topics_of(stored_text: str) -> frozenset[str]:
    """Cached for entries' answers and passages, read again and again (never for
    a patient's question, which would then stay in memory)."""
    return frozenset(topic_tags(stored_text))


# A question this short is about its unfamiliar words ("what is cryotherapy?"); in a
# longer message they are mostly the patient's story ("I thought scars only come from
# cuts or injuries. what causes acne scars then?"), which the curated entry answers.
MAX_NOVEL_QUESTION_TERMS = 12


def _novel_terms(question: str, entries: Sequence[Entry]) -> set[str]:
    """Words of the question that neither the NLU training data nor the chosen
    answers contain in any form: what a newly added document may be the only one
    to cover. A new inflection of a known word ("forms" beside "form") is not new."""
    known = set(training_lemmas())
    for entry in entries:
        known.update(_answer_lemmas(entry.answer))
    return {form for forms in word_forms_of(question) if known.isdisjoint(forms) for form in forms}


@lru_cache(maxsize=512)
def _answer_lemmas(text: str) -> tuple[str, ...]:
    return lemmas_of(text)


def find_answer(
    session: Session,
    topic: str,
    scar_types: Sequence[str] = (),
    treatments: Sequence[str] = (),
    question: str = "",
) -> tuple[list[Entry], list[Hit]]:
    """The curated entries for the topic and values, or the best stored passages
    where the curated entries do not cover the question."""
    entries, unmatched = select_entries(session, topic, scar_types, treatments)
    terms = lemmas_of(question) if question.strip() else ()
    if not terms:
        return entries, []
    index = passage_index(session)
    novel = _novel_terms(question, entries) if len(set(terms)) <= MAX_NOVEL_QUESTION_TERMS else set()
    if novel:
        hits = index.search(terms, any_of=novel)
        if hits:
            return [], hits
    if not entries:
        # Only passages tagged with the topic and every value asked about.
        tags = {f"topic:{topic}"} | {f"{entity}:{value}" for values in unmatched for entity, value in values.items() if value}
        return [], index.search(terms, all_tags=tags)
    extra: dict[int, Hit] = {}
    for values in unmatched:
        tags = {f"{entity}:{value}" for entity, value in values.items() if value}
        for hit in index.search(terms, all_tags=tags):
            if not cites(entries, hit):
                extra.setdefault(hit.passage_id, hit)
    return entries, list(extra.values())


@dataclass(frozen=True)
class Question:
    topic: str
    scar_types: tuple[str, ...] = ()
    treatments: tuple[str, ...] = ()
    text: str = ""
    # Where the aspects asked are read, when not in `text`: "and lasers?" after "how long do fillers last?".
    aspects_from: str = ""


def answer_question(
    session: Session,
    topic: str,
    scar_types: Sequence[str] = (),
    treatments: Sequence[str] = (),
    question: str = "",
) -> Answer:
    """The reply to one question: its entries or passages, sources and disclaimer."""
    return answer_questions(session, [Question(topic, tuple(scar_types), tuple(treatments), question)])


def answer_questions(session: Session, questions: Sequence[Question]) -> Answer:
    """One reply to the questions of one message: for each, in the order asked, the
    aspect it asks about (answered or said to be uncovered), then its entries (one
    already given is not repeated) or passages; then the disputes they touch, one
    Sources line and one disclaimer."""
    leading: list[str] = []
    entries: dict[str, Entry] = {}
    hits: dict[int, Hit] = {}
    for question in questions:
        leading += [line for line in not_named_lines(session, question.text) if line not in leading]
        leading += [line for line in aspect_lines(session, question) if line not in leading]
        found_entries, found_hits = find_answer(session, question.topic, question.scar_types, question.treatments, question.text)
        for entry in found_entries:
            entries.setdefault(entry.key, entry)
        for hit in found_hits:
            hits.setdefault(hit.passage_id, hit)
    chosen, quoted = list(entries.values()), list(hits.values())
    disputes = touched_disputes(
        session, "\n".join(q.text for q in questions), [*(entry.answer for entry in chosen), *(hit.text for hit in quoted)]
    )
    return Answer(
        compose(chosen, quoted, disputes, leading),
        tuple(e.key for e in chosen),
        tuple(h.passage_id for h in quoted),
    )


# Topics whose questions can ask about an aspect of a treatment.
ASPECT_TOPICS = ("treatment", "side_effects")


def not_named_lines(session: Session, text: str) -> list[str]:
    """That the sources don't cover a treatment or scar type the question names
    and no stored passage does ("what is subcision?"), instead of letting the
    general answer pass for an answer about it."""
    named = other_subjects_named(text) if text else []
    if not named:
        return []
    passages = [row.text for row in passage_index(session).rows]
    return [
        not_named_text(name)
        for name, patterns in named
        if not any(pattern.search(passage) for pattern in patterns for passage in passages)
    ]


def aspect_lines(session: Session, question: Question) -> list[str]:
    """What the sources say about each aspect the question asks of each treatment
    ("how long do fillers last?", "does it hurt and how long does it last?"), in
    the order asked, or that they don't cover it and who can."""
    asked = question.aspects_from or question.text
    aspects = asked_aspects(asked) if asked else []
    if not aspects or (question.topic not in ASPECT_TOPICS and not question.treatments):
        return []
    if not question.treatments:
        return [not_covered_text(aspect, None) for aspect in aspects]
    # Each treatment's entry is looked up once, whatever the number of aspects asked.
    answered = {}
    for treatment in question.treatments:
        entry = find_entry(session, "treatment", None, treatment)
        answered[treatment] = json.loads(entry.aspects or "{}") if entry is not None else {}
    return [
        answered[treatment].get(aspect.name) or not_covered_text(aspect, treatment)
        for aspect in aspects
        for treatment in question.treatments
    ]


def more_about(session: Session, question: Question, shown: str) -> Answer | None:
    """More about a subject than the replies so far (`shown`) said: the passages
    about its scar types or treatments (else those tagged with its topic, or any
    when none is), ranked by its entries' words, that neither those replies nor
    the entries they gave quote or cite; None when none is left."""
    entries, _ = select_entries(session, question.topic, question.scar_types, question.treatments)
    given = [entry for entry in session.scalars(select(Entry)) if entry.answer.strip() in shown]
    terms = lemmas_of(
        " ".join([question.topic.replace("_", " "), *question.scar_types, *question.treatments, *(e.answer for e in entries)])
    )
    index = passage_index(session)
    values = {f"scar_type:{v}" for v in question.scar_types} | {f"treatment:{v}" for v in question.treatments}
    topic = {f"topic:{question.topic}"}
    # A topic no passage is tagged with (what acne scars are, in general): any passage.
    tags = values or (topic if any(topic <= passage_tags for passage_tags in index.tag_sets) else set())
    unseen = [
        hit
        for hit in index.search(terms, all_tags=tags, limit=len(index.rows))
        if not cites([*entries, *given], hit) and hit.text not in shown
    ]
    if unseen:
        return _answer([], unseen[:2])
    return None


def answer_from_passages(session: Session, question: str) -> Answer | None:
    """For a message the NLU model did not understand: passages that contain its
    unfamiliar words, or None when nothing relevant is stored."""
    terms = lemmas_of(question)
    novel = _novel_terms(question, [])
    hits = passage_index(session).search(terms, any_of=novel) if novel else []
    return _answer([], hits) if hits else None
