"""A Rasa NLU component: a message without a single word the model was trained
on falls back, however confident the intent models are (character n-grams of
"blorp zxq" can look like anything).

A word spelled as patients spell a known one is known: letters held
("heyyy", "byeee") or a letter or two off ("thanx", "hallo"). Without that,
"thnx" or "heyyy" got "could you rephrase" although the models read them right.
"""

from __future__ import annotations

import json
import re
from difflib import get_close_matches
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.dialogue.topics import FALLBACK


def _words(message: Message) -> set[str]:
    return {token.text.lower() for token in message.get(TOKENS_NAMES[TEXT]) or [] if len(token.text) > 1 and token.text.isalpha()}


# A misspelling is this close to a known word (difflib's ratio), and both are long
# enough for the likeness to mean something: "blorp" is not "blood" (0.6).
SPELLING_LIKENESS = 0.8
MIN_SPELLED_LENGTH = 4
# A long message of unknown words is not weighed word by word: each look for a
# near spelling reads the whole vocabulary.
MAX_SPELLINGS_WEIGHED = 8
_HELD_LETTER = re.compile(r"(\w)\1{2,}")


def is_known(word: str, vocabulary: set[str], spellings: list[str]) -> bool:
    """Whether `word` is in the vocabulary, with a held letter let go, or is a near
    spelling of one of `spellings` (spelled_words of the vocabulary)."""
    if word in vocabulary or _HELD_LETTER.sub(r"\1", word) in vocabulary:
        return True
    return len(word) >= MIN_SPELLED_LENGTH and bool(get_close_matches(word, spellings, n=1, cutoff=SPELLING_LIKENESS))


def spelled_words(vocabulary: set[str]) -> list[str]:
    """The vocabulary's words long enough to be misspelled."""
    return sorted(word for word in vocabulary if len(word) >= MIN_SPELLED_LENGTH)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class UnknownWordsFallback(GraphComponent):
    def __init__(self, model_storage: ModelStorage, resource: Resource, vocabulary: Optional[set] = None):
        self._model_storage, self._resource = model_storage, resource
        self.vocabulary = vocabulary or set()
        self._spellings = spelled_words(self.vocabulary)

    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> "UnknownWordsFallback":
        return cls(model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        for example in training_data.training_examples:
            self.vocabulary |= _words(example)
        self._spellings = spelled_words(self.vocabulary)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / "vocabulary.json").write_text(json.dumps(sorted(self.vocabulary)), encoding="utf-8")
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "UnknownWordsFallback":
        with model_storage.read_from(resource) as directory:
            vocabulary = set(json.loads((directory / "vocabulary.json").read_text(encoding="utf-8")))
        return cls(model_storage, resource, vocabulary)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            words = _words(message)
            if words and not words & self.vocabulary and not self._spells_a_known_word(words):
                fallback = {"name": FALLBACK, "confidence": 1.0}
                ranking = [item for item in message.get(INTENT_RANKING_KEY) or [] if item["name"] != FALLBACK]
                message.set(INTENT, fallback, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [fallback, *ranking], add_to_output=True)
        return messages

    def _spells_a_known_word(self, words: set[str]) -> bool:
        """Weighed only when no word is known as it is written, and for a few words only."""
        weighed = sorted(words)[:MAX_SPELLINGS_WEIGHED]
        return any(is_known(word, self.vocabulary, self._spellings) for word in weighed)

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
