"""A Rasa NLU component, first in the pipeline: the shorthand patients type
("y do u get scars", "ppl", "45 yo") is read as the words it stands for
(data/shorthand.yml) by every component after it, in training and in
conversation alike. The intent models learn from few such spellings, and a
message of shorthand fell back where the same words spelt out were understood.

The message as typed is kept (`TYPED_TEXT`): the red flags are checked on what
the patient wrote, with their own reading of shorthand (bot/safety/normalise.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Text

import yaml
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot import settings

TYPED_TEXT = "typed_text"
# "y" and "n" are "why" and "and" from this many words on; fewer, they answer yes or no.
MIN_WORDS_FOR_LONGER = 4


class ShorthandError(ValueError):
    """data/shorthand.yml cannot be used; the message says what to fix."""


@dataclass(frozen=True)
class Shorthand:
    words: dict[str, str]
    after_a_number: dict[str, str]
    in_longer_messages: dict[str, str]
    # Words that a shorthand word is left alone before: "U shaped" is a shape, not "you shaped".
    not_before: tuple[str, ...] = ()

    @classmethod
    def load(cls, path: Path = settings.SHORTHAND_FILE) -> "Shorthand":
        try:
            table = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            sections = [table.get(key) or {} for key in ("words", "after_a_number", "in_longer_messages")]
        except (OSError, yaml.YAMLError, AttributeError) as error:
            raise ShorthandError(f"{path.name} cannot be used: {error}") from error
        for section in sections:
            if not isinstance(section, dict) or not all(
                isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip() for k, v in section.items()
            ):
                raise ShorthandError(
                    f"{path.name}: `words`, `after_a_number` and `in_longer_messages` must map shorthand to the words it stands for"
                )
        not_before = table.get("not_before") or []
        if not isinstance(not_before, list) or not all(isinstance(word, str) and word.strip() for word in not_before):
            raise ShorthandError(f"{path.name}: `not_before` must list words")
        words, after_a_number, in_longer_messages = ({k.lower(): v for k, v in section.items()} for section in sections)
        return cls(words, after_a_number, in_longer_messages, tuple(word.strip().lower() for word in not_before))

    def pattern(self, longer: bool) -> re.Pattern[str]:
        words = {**self.words, **self.in_longer_messages} if longer else self.words
        return _compiled(tuple(sorted(words)), tuple(sorted(self.after_a_number)), self.not_before)

    def expand(self, text: str) -> tuple[str, list[tuple[int, int]]]:
        """The text with its shorthand spelt out, and each replacement's (end in
        the typed text, change in length), to move offsets by."""
        shifts: list[tuple[int, int]] = []
        pieces: list[str] = []
        last = 0
        longer = len(text.split()) >= MIN_WORDS_FOR_LONGER
        for match in self.pattern(longer).finditer(text):
            typed = match.group("word") or match.group("after_number")
            key = typed.lower()
            words = self.words.get(key) or self.in_longer_messages.get(key) or self.after_a_number[key]
            start, end = match.span("word") if match.group("word") else match.span("after_number")
            # Apart from a figure or word it was run into: "16yo", "w/laser".
            if start > 0 and text[start - 1].isalnum():
                words = " " + words
            if end < len(text) and text[end].isalnum():
                words += " "
            pieces += [text[last:start], words]
            shifts.append((end, len(words) - (end - start)))
            last = end
        if not shifts:
            return text, shifts
        return "".join(pieces) + text[last:], shifts


def _boundaries(entry: str, before: bool = True) -> str:
    """A whole word: no letter, digit, apostrophe or slash on either side of it;
    an entry that ends in a slash ("w/") may run into the next word ("w/laser")."""
    # Nor a hyphen ("u-shaped") or a full stop inside an abbreviation ("U.S.").
    after = r"(?![\w'/-])(?!\.\w)" if re.match(r"\w", entry[-1]) else ""
    return (r"(?<![\w'/.-])" if before else "") + re.escape(entry) + after


@lru_cache(maxsize=4)
def _compiled(words: tuple[str, ...], after_a_number: tuple[str, ...], not_before: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so that "w/o" is read before "w/".
    shorthand = "|".join(_boundaries(w) for w in sorted(words, key=len, reverse=True))
    kept = r"(?!\s+(?:" + "|".join(map(re.escape, not_before)) + r")\b)" if not_before else ""
    alternatives = [r"(?P<word>(?:" + shorthand + ")" + kept + ")"]
    if after_a_number:
        numbered = "|".join(_boundaries(w, before=False) for w in sorted(after_a_number, key=len, reverse=True))
        alternatives.append(r"(?<=\d)\s?(?P<after_number>" + numbered + ")")
    return re.compile("|".join(alternatives), re.IGNORECASE)


def moved(offset: int, shifts: list[tuple[int, int]]) -> int:
    """Where an offset of the typed text is in the spelt-out text."""
    return offset + sum(change for end, change in shifts if end <= offset)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER], is_trainable=False)
class PatientShorthand(GraphComponent):
    """Registered as a featurizer so that Rasa runs it over the training data too."""

    def __init__(self, shorthand: Shorthand):
        self.shorthand = shorthand

    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> "PatientShorthand":
        return cls(Shorthand.load())

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._spell_out(message)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for example in training_data.training_examples:
            self._spell_out(example)
        return training_data

    def _spell_out(self, message: Message) -> None:
        typed = message.get(TEXT)
        if not typed:
            return
        text, shifts = self.shorthand.expand(typed)
        message.set(TYPED_TEXT, typed)
        if not shifts:
            return
        message.set(TEXT, text, add_to_output=True)
        # Entities annotated in a training example move with their words.
        for entity in message.get(ENTITIES) or []:
            entity["start"], entity["end"] = moved(entity["start"], shifts), moved(entity["end"], shifts)
