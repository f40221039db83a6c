"""Whether an answer helped, and the way to book a consultation.

After every medical answer the assistant asks "Did this answer your question?"
with two quick replies (and, where the answer sends the patient to a
dermatologist, the booking button). What the answer gave is remembered in the
`answered` slot; a rating stores one row per entry or passage it gave, with how
the answer was made, and nothing of the patient's words. Wording in
data/messages.yml.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import settings
from bot.dialogue.messages import booking_topics, message
from bot.knowledge.store.models import AnswerRating, Document, Passage

if TYPE_CHECKING:  # the staff report reads this module's names without the answering code
    from bot.dialogue.answers import Answer

# The slot that remembers what the latest answer gave, until it is rated.
ANSWERED_SLOT = "answered"
HELPFUL_INTENT = "answer_helped"
NOT_HELPFUL_INTENT = "answer_not_helpful"
BOOKING_INTENT = "book_consultation"

# How an answer was made, as the report names it.
ANSWER_KINDS = ("curated entry", "passages", "entry and passages", "several questions", "personal advice")


def answer_kind(answer: Answer, questions: int = 1) -> str:
    if questions > 1:
        return "several questions"
    if answer.passage_ids:
        return "entry and passages" if answer.entry_keys else "passages"
    return "curated entry"


def answered(answer: Answer, kind: str) -> dict[str, Any]:
    """The `answered` slot's value for an answer."""
    return {"kind": kind, "entries": list(answer.entry_keys), "passages": list(answer.passage_ids)}


def offers_booking(topics: Iterable[str | None]) -> bool:
    """Whether an answer on these topics sends the patient to a dermatologist (data/messages.yml)."""
    return any(topic in booking_topics() for topic in topics)


def booking_button() -> dict[str, str]:
    return {"title": message("book_consultation"), "payload": f"/{BOOKING_INTENT}"}


def feedback_prompt(booking: bool) -> tuple[str, list[dict[str, str]]]:
    """The question and its buttons (the booking button last, where offered)."""
    buttons = [
        {"title": message("feedback_yes"), "payload": f"/{HELPFUL_INTENT}"},
        {"title": message("feedback_no"), "payload": f"/{NOT_HELPFUL_INTENT}"},
    ]
    return message("feedback_question"), buttons + ([booking_button()] if booking else [])


def feedback_reply(helpful: bool) -> tuple[str, list[dict[str, str]]]:
    """Thanks; or, when it did not help, an apology with the booking button."""
    if helpful:
        return message("feedback_thanks"), []
    return message("feedback_sorry"), [booking_button()]


def booking_reply() -> str:
    """The clinic's booking page, or its contact when none is configured."""
    url = settings.booking_url()
    if url:
        return message("booking_link", booking_url=url)
    return message("booking_contact", contact=settings.clinic_contact())


def record_rating(session: Session, rated: Any, helpful: bool, today: date | None = None) -> bool:
    """Stores the rating of the answer `rated` (the `answered` slot's value);
    False when there is no answer to rate."""
    if not isinstance(rated, Mapping) or rated.get("kind") not in ANSWER_KINDS:
        return False
    entries = [key for key in rated.get("entries") or [] if isinstance(key, str) and key and "|" not in key]
    passage_ids = [pid for pid in rated.get("passages") or [] if isinstance(pid, int) and not isinstance(pid, bool)]
    passages = (
        session.execute(
            select(Document.slug, Passage.position)
            .join(Passage.document)
            .where(Passage.id.in_(passage_ids))
            .order_by(Document.slug, Passage.position)
        ).all()
        if passage_ids
        else []
    )
    session.add(
        AnswerRating(
            rated_on=today or date.today(),
            answer_kind=rated["kind"],
            entry_keys="|".join(entries),
            passages="|".join(f"{slug}#{position}" for slug, position in passages),
            helpful=helpful,
        )
    )
    session.commit()
    return True
