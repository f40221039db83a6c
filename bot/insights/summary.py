"""The staff report's figures, counted from patients' messages: conversations and
messages per day, how each message was handled, topics, scar types and
treatments asked about, booking requests and the unanswered questions
(redacted, with near-duplicates counted together); and from the answers given
and their ratings: how often each entry was served and whether it helped."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Iterable

import numpy as np

from bot.dialogue.feedback import BOOKING_INTENT, HELPFUL_INTENT, NOT_HELPFUL_INTENT
from bot.dialogue.topics import TOPICS, topic_of_intent
from bot.insights.messages import AnswerGiven, PatientMessage, Rating

# How a message was handled, decided by its intent, in the report's order.
HANDLING = {
    "medical question": "answered from the curated entries (or, for a new document, its passages)",
    "several questions": "two or three questions in one message, each answered",
    "follow-up": "a follow-up on the topic under discussion",
    "not understood": "the likeliest answer when it names a scar type or treatment, else a passage matching its words, else the rephrase reply with topic buttons",
    "out of scope": "declined: not about acne scars",
    "personal advice": "declined: asks for a diagnosis or a treatment choice",
    "clinic business": "sent to the clinic's contact, with the booking button",
    "booking": "the clinic's booking page (or its contact when none is configured)",
    "answer rated": "a tap on 👍 or 👎 under an answer, or the same in words: thanked",
    "emergency": "the emergency reply",
    "crisis": "the crisis reply",
    "conversation": "greetings, thanks, goodbyes, what the assistant does",
}
UNANSWERED = {"not understood", "out of scope"}
# At most this many unanswered texts are clustered: the commonest, after redaction.
MAX_CLUSTERED = 5000
SIMILAR = 0.6


def handling_of(message: PatientMessage) -> str:
    intent = message.intent
    if intent in ("emergency", "crisis"):
        return intent
    # The answering action answers several questions only when the message's
    # intent is a topic; a red flag, the clinic or personal advice come first.
    if message.questions and topic_of_intent(intent):
        return "several questions"
    if topic_of_intent(intent):
        return "medical question"
    return {
        "follow_up": "follow-up",
        "nlu_fallback": "not understood",
        "out_of_scope": "out of scope",
        "ask_personal_advice": "personal advice",
        "ask_clinic": "clinic business",
        BOOKING_INTENT: "booking",
        HELPFUL_INTENT: "answer rated",
        NOT_HELPFUL_INTENT: "answer rated",
        "emergency": "emergency",
        "crisis": "crisis",
    }.get(intent, "conversation")


@dataclass
class Cluster:
    text: str  # the commonest wording
    count: int
    wordings: list[str] = field(default_factory=list)


@dataclass
class Served:
    """How often something was given as an answer, and how it was rated."""

    served: int = 0
    helpful: int = 0
    not_helpful: int = 0

    @property
    def rated(self) -> int:
        return self.helpful + self.not_helpful


@dataclass
class AnswerQuality:
    by_kind: dict[str, Served]
    by_entry: dict[str, Served]
    by_passage: dict[str, Served]


@dataclass
class Summary:
    conversations_per_day: dict[str, int]
    messages_per_day: dict[str, int]
    handling: Counter
    topics: Counter
    scar_types: Counter
    treatments: Counter
    unanswered: list[Cluster]
    # Conversations with a message in the period (one that spans two days counts once here).
    conversations: int
    # Requests to book: taps on the booking button, and typed requests.
    booking_taps: int = 0
    booking_typed: int = 0
    quality: AnswerQuality = field(default_factory=lambda: AnswerQuality({}, {}, {}))

    @property
    def messages(self) -> int:
        return sum(self.messages_per_day.values())

    def rate(self, handling: str) -> float:
        return self.handling[handling] / self.messages if self.messages else 0.0


def summarise(messages: Iterable[PatientMessage], redact) -> Summary:
    """`redact`: a patient's text to the text the report may show."""
    conversations: dict[str, set[str]] = {}
    per_day: Counter = Counter()
    handling: Counter = Counter()
    topics: Counter = Counter()
    scar_types: Counter = Counter()
    treatments: Counter = Counter()
    unanswered: Counter = Counter()
    booking_taps = booking_typed = 0
    for message in messages:
        per_day[message.day] += 1
        conversations.setdefault(message.day, set()).add(message.conversation)
        kind = handling_of(message)
        handling[kind] += 1
        for intent in message.questions if kind == "several questions" else (message.intent,):
            topic = topic_of_intent(intent)
            if topic:
                topics[TOPICS[topic]] += 1
        for entity, value in message.entities:
            if entity == "scar_type":
                scar_types[value] += 1
            elif entity == "treatment":
                treatments[value] += 1
        if kind == "booking":
            # A button sends its payload ("/book_consultation") as the message.
            if message.text.startswith("/"):
                booking_taps += 1
            else:
                booking_typed += 1
        if kind in UNANSWERED and message.text.strip():
            unanswered[" ".join(redact(message.text).split())] += 1
    days = _every_day(min(per_day), max(per_day)) if per_day else []
    return Summary(
        conversations_per_day={day: len(conversations.get(day, ())) for day in days},
        messages_per_day={day: per_day[day] for day in days},
        handling=handling,
        topics=topics,
        scar_types=scar_types,
        treatments=treatments,
        unanswered=cluster(unanswered),
        conversations=len(set().union(*conversations.values())) if conversations else 0,
        booking_taps=booking_taps,
        booking_typed=booking_typed,
    )


def _every_day(first: str, last: str) -> list[str]:
    """Each day from `first` to `last` (YYYY-MM-DD), quiet days included."""
    start, end = date.fromisoformat(first), date.fromisoformat(last)
    return [(start + timedelta(days=offset)).isoformat() for offset in range((end - start).days + 1)]


def cluster(texts: Counter) -> list[Cluster]:
    """Near-duplicate texts together (cosine of WordLlama's sentence embeddings at
    least 0.6: paraphrases of one question score about 0.7 to 0.9 here, different
    questions under 0.3), each cluster named by its commonest wording; largest first."""
    common = texts.most_common(MAX_CLUSTERED)
    if not common:
        return []
    from bot.nlp.wordllama import sentence_embeddings

    vectors = sentence_embeddings(text.lower() for text, _ in common)
    clusters: list[Cluster] = []
    leaders = np.empty_like(vectors)  # the first wording of each cluster, in order
    for index, (text, count) in enumerate(common):
        if clusters:
            similarities = leaders[: len(clusters)] @ vectors[index]
            best = int(similarities.argmax())
            if similarities[best] >= SIMILAR:
                clusters[best].count += count
                clusters[best].wordings.append(text)
                continue
        leaders[len(clusters)] = vectors[index]
        clusters.append(Cluster(text, count, [text]))
    return sorted(clusters, key=lambda c: c.count, reverse=True)


def answer_quality(answers: Iterable[AnswerGiven], ratings: Iterable[Rating]) -> AnswerQuality:
    """Answers given, by how they were made and by entry, and their ratings (a
    rating of an answer that gave two entries counts for each of them)."""
    by_kind: dict[str, Served] = {}
    by_entry: dict[str, Served] = {}
    by_passage: dict[str, Served] = {}
    for answer in answers:
        by_kind.setdefault(answer.kind, Served()).served += 1
        for key in answer.entries:
            by_entry.setdefault(key, Served()).served += 1
    for rating in ratings:
        targets = [by_kind.setdefault(rating.kind, Served())]
        targets += [by_entry.setdefault(key, Served()) for key in rating.entries]
        targets += [by_passage.setdefault(passage, Served()) for passage in rating.passages]
        for target in targets:
            if rating.helpful:
                target.helpful += 1
            else:
                target.not_helpful += 1
    return AnswerQuality(by_kind, by_entry, by_passage)
