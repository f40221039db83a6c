"""The fixed replies that are not answers: out of scope, the clinic's
business, an apology when the knowledge store is unreachable, and the topic
menu with its words (all wording in data/messages.yml)."""

from __future__ import annotations

from typing import Sequence

from bot import settings
from bot.dialogue.messages import menu_topics, message
from bot.dialogue.topics import INTENT_PREFIX, TOPICS


def out_of_scope_text() -> str:
    return message("out_of_scope", contact=settings.clinic_contact())


def clinic_info_text() -> str:
    """Bookings, prices and opening hours are not in the documents: the clinic's contact."""
    return message("clinic_info", contact=settings.clinic_contact())


def unavailable_text() -> str:
    """When the assistant cannot look anything up (a server or database is down)."""
    return message("unavailable", contact=settings.clinic_contact())


def topic_menu(guesses: Sequence[str] = ()) -> list[dict[str, str]]:
    """Quick-reply buttons: the guessed topics first, then the menu's."""
    topics = dict.fromkeys([*guesses, *menu_topics()])
    return [{"title": TOPICS[topic], "payload": f"/{INTENT_PREFIX}{topic}"} for topic in topics]


def offer_topics_text(understood: bool, guessed: bool = False) -> str:
    if understood:
        return message("offer_topics")
    return message("rephrase_with_guesses" if guessed else "rephrase")
