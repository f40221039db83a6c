"""The sentences patients read, from data/messages.yml, checked when first read:
a missing, empty or mistyped message stops the assistant at start with a message
that says what to fix, rather than showing a patient a broken reply."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

import yaml

MESSAGES_FILE = Path(__file__).resolve().parents[2] / "data" / "messages.yml"
# Each message, and the placeholders it may use.
REQUIRED = {
    "disclaimer": set(),
    "privacy_notice": set(),
    "clinic_contact": set(),
    "nothing_found": set(),
    "nothing_more": set(),
    "out_of_scope": {"contact"},
    "clinic_info": {"contact"},
    "unavailable": {"contact"},
    "offer_topics": set(),
    "rephrase": set(),
    "rephrase_with_guesses": set(),
    "personal_advice_refusal": set(),
    "personal_advice_medicines": set(),
    "personal_advice_general_follows": set(),
    "not_text": set(),
    "sources_label": set(),
    "sources_differ_label": set(),
    "sources_also_say": set(),
    "sources_say": set(),
    "feedback_question": set(),
    "feedback_yes": set(),
    "feedback_no": set(),
    "feedback_thanks": set(),
    "feedback_sorry": set(),
    "thanks_and_goodbye": set(),
    "book_consultation": set(),
    "booking_link": {"booking_url"},
    "booking_contact": {"contact"},
}
# The widget's words (the `widget` mapping), and the placeholders each may use.
WIDGET_REQUIRED: dict[str, set[str]] = {
    name: set()
    for name in (
        "title",
        "open",
        "close",
        "conversation",
        "input_label",
        "placeholder",
        "send",
        "typing",
        "suggestions",
        "you_said",
        "assistant_said",
        "disclaimer_short",
        "more",
        "less",
        "sources",
        "retrying",
        "not_sent",
        "retry",
        "unreachable",
    )
}
WIDGET_REQUIRED["contact"] = {"contact"}


class MessagesError(ValueError):
    """data/messages.yml cannot be used; the message says what to fix."""


@lru_cache(maxsize=1)
def load_messages(path: Path | None = None) -> dict:
    path = path or MESSAGES_FILE
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise MessagesError(f"{path.name} cannot be read: {error}") from error
    if not isinstance(raw, dict):
        raise MessagesError(f"{path.name} must be a mapping of message names to sentences")
    problems = _problems(raw, REQUIRED)
    widget = raw.get("widget")
    if isinstance(widget, dict):
        problems += _problems(widget, WIDGET_REQUIRED, "widget.")
    else:
        problems.append("'widget' must map each of the widget's words to its text")
    topics = raw.get("topics")
    if (
        not isinstance(topics, dict)
        or not topics
        or not all(
            isinstance(spec, dict) and isinstance(spec.get("label"), str) and spec["label"].strip() for spec in topics.values()
        )
    ):
        problems.append("'topics' must map each topic to a non-empty label")
    if problems:
        raise MessagesError(f"{path.name}: " + "; ".join(problems))
    return raw


def _problems(raw: dict, required: dict[str, set[str]], prefix: str = "") -> list[str]:
    """What is wrong with the messages `required` names: missing, empty, or using placeholders it may not."""
    problems = []
    for name, allowed in required.items():
        text = raw.get(name)
        if not isinstance(text, str) or not text.strip():
            problems.append(f"'{prefix}{name}' is missing or empty")
            continue
        try:
            used = {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}
        except ValueError as error:
            problems.append(f"'{prefix}{name}' has a broken placeholder ({error})")
            continue
        if used - allowed:
            problems.append(
                f"'{prefix}{name}' uses {', '.join('{' + f + '}' for f in sorted(used - allowed))}; it may use "
                + (", ".join("{" + f + "}" for f in sorted(allowed)) or "no placeholder")
            )
    return problems


def widget_words(contact: str) -> dict[str, str]:
    """The widget's words, their lines joined, {contact} filled in."""
    return {
        name: " ".join(text.split()).format(contact=contact)
        for name, text in load_messages()["widget"].items()
        if name in WIDGET_REQUIRED
    }


def message(name: str, **values: str) -> str:
    """The message, its lines joined, with its placeholders filled in."""
    return " ".join(load_messages()[name].split()).format(**values)


def topic_labels() -> dict[str, str]:
    """Every question topic and its button label, in the file's order."""
    return {topic: spec["label"] for topic, spec in load_messages()["topics"].items()}


def booking_topics() -> frozenset[str]:
    """The topics whose answers offer the booking button."""
    return frozenset(topic for topic, spec in load_messages()["topics"].items() if spec.get("booking"))


def menu_topics() -> tuple[str, ...]:
    """The topics the button menu offers, in order."""
    return tuple(topic for topic, spec in load_messages()["topics"].items() if spec.get("menu"))
