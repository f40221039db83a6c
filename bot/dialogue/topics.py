"""The question topics the assistant answers, each with a short label for buttons.

A topic's intent in the NLU data is `ask_<topic>`.
"""

from __future__ import annotations

from bot.dialogue.messages import topic_labels

# Labels and menu order are in data/messages.yml, with the other sentences patients read.
TOPICS: dict[str, str] = topic_labels()

INTENT_PREFIX = "ask_"
# The intent Rasa's FallbackClassifier gives a message it is not sure enough of.
FALLBACK = "nlu_fallback"
# Clinic business (prices, opening hours, booking), which the clinic's contact answers.
CLINIC_INTENTS = ("ask_clinic", "book_consultation")


def topic_of_intent(intent: str | None) -> str | None:
    """The topic an intent asks about, or None for any other intent."""
    if intent and intent.startswith(INTENT_PREFIX):
        topic = intent[len(INTENT_PREFIX) :]
        if topic in TOPICS:
            return topic
    return None


# A topic the model gave at least this much is worth offering first when a
# message was not understood; at most two are offered.
GUESS_CONFIDENCE = 0.15
MAX_GUESSES = 2


def likeliest_topics(intent_ranking: list[dict]) -> list[str]:
    """The topics a not-understood message most likely asks about, likeliest first."""
    topics = [topic_of_intent(item.get("name")) for item in intent_ranking if item.get("confidence", 0.0) >= GUESS_CONFIDENCE]
    return [topic for topic in topics if topic is not None][:MAX_GUESSES]


# A follow-up that names nothing new and asks no aspect would get the answer just
# given again; the likeliest question on another topic replaces it from this on
# ("ok so how do I prevent it then" after the causes).
NEW_QUESTION_CONFIDENCE = 0.2


def question_behind_follow_up(intent_ranking: list[dict], topic_under_discussion: str | None) -> str | None:
    """The intent of the likeliest question on another topic than the one under
    discussion, when the model gave it at least NEW_QUESTION_CONFIDENCE and more
    than the topic under discussion; else None."""
    for item in intent_ranking:
        topic = topic_of_intent(item.get("name"))
        if topic is not None and topic == topic_under_discussion:
            return None
        if topic is not None:
            return item["name"] if item.get("confidence", 0.0) >= NEW_QUESTION_CONFIDENCE else None
    return None


# Two readings this close (the fallback classifier's ambiguity threshold in
# config.yml), each at least TORN_CONFIDENCE, are both answered rather than neither
# ("i never picked my spots so why do i still have scars": the causes and picking).
TORN_GAP = 0.05
TORN_CONFIDENCE = 0.25


def torn_between(intent_ranking: list[dict]) -> tuple[str, str] | None:
    """The two likeliest intents of a message the model could not choose between,
    when both are questions (a topic, or a follow-up); else None."""
    readings = _readings(intent_ranking)[:2]
    if len(readings) < 2:
        return None
    (first, p1), (second, p2) = readings
    both_questions = _is_question(first) and _is_question(second)
    return (first, second) if both_questions and p1 - p2 <= TORN_GAP and p2 >= TORN_CONFIDENCE else None


def second_question(intent_ranking: list[dict]) -> str | None:
    """The model's second reading of a message when it is a question (a topic or a
    follow-up) it gave at least NEW_QUESTION_CONFIDENCE; else None."""
    for name, p in _readings(intent_ranking)[1:2]:
        if _is_question(name) and p >= NEW_QUESTION_CONFIDENCE:
            return name
    return None


def _readings(intent_ranking: list[dict]) -> list[tuple[str, float]]:
    """The model's readings of a message, likeliest first, without the fallback."""
    return [(item["name"], item.get("confidence", 0.0)) for item in intent_ranking if item.get("name") != FALLBACK]


def _is_question(intent: str) -> bool:
    """A question the knowledge answers: a topic, or a follow-up on one."""
    return topic_of_intent(intent) is not None or intent == "follow_up"
