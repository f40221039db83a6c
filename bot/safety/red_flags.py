"""Detecting messages that describe an emergency or suicidal thoughts and self-harm.

Built for recall: the rules (bot/safety/rules.py) recognise the clinical
concepts in normalised text, clause by clause; the learned classifier
(bot/safety/classifier.py) catches wordings the rules do not know. Either one
raises the flag and neither can silence the other. Crisis comes before
emergency.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from typing import Optional

from bot import settings
from bot.safety import classifier, rules

logger = logging.getLogger(__name__)

# A long message is also read by the classifier a few sentences at a time, so a
# warning sign buried in it is not drowned by the ordinary questions around it.
_WINDOW_WORDS = 60


class RedFlag(str, Enum):
    EMERGENCY = "emergency"
    CRISIS = "crisis"


@dataclass(frozen=True)
class Finding:
    flag: RedFlag
    by: str  # "rules" or "classifier"
    concept: str


def assess(text: str) -> Optional[Finding]:
    """The red flag `text` raises, if any, and what raised it."""
    found = rules.find(text)
    if found is not None:
        flag, concept = found
        return Finding(RedFlag(flag), "rules", concept)
    try:
        model = classifier.load()
    except classifier.MissingClassifier:
        logger.error("The red-flag classifier is not built; only the rules are checking messages.")
        return None
    for part in _windows(text):
        label = model.flag(part, settings.SAFETY_CLASSIFIER_THRESHOLD)
        if label is not None:
            return Finding(RedFlag(label), "classifier", "learned from examples")
    return None


# The channels and Rasa's NLU component both check each message, in one process.
@lru_cache(maxsize=256)
def detect(text: str) -> Optional[RedFlag]:
    finding = assess(text)
    return finding.flag if finding else None


def _windows(text: str) -> list[str]:
    """The whole text, and for a long one, runs of whole sentences of about _WINDOW_WORDS words."""
    words = text.split()
    if len(words) <= _WINDOW_WORDS:
        return [text]
    windows: list[str] = [text]
    current: list[str] = []
    for sentence in re.split(r"(?<=[.!?\n])\s+", text):
        if current and len(" ".join(current + [sentence]).split()) > _WINDOW_WORDS:
            windows.append(" ".join(current))
            current = []
        current.append(sentence)
    if current:
        windows.append(" ".join(current))
    return windows
