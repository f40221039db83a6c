"""A Rasa NLU component: a scar type or treatment misspelt so that no rule of the
vocabulary matches it ("fraxl", "microneedlling", "hypertropic") is read as the
spelling it is one or two letters from, so the answer is about it and not about
treatment in general. Words of English are left as they are ("feels" is not
"peels"), as are short words, where a letter or two is too much of the word."""

from __future__ import annotations

import re
from difflib import get_close_matches
from functools import lru_cache
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.vocabulary import load_terms
from bot.safety.normalise import is_english_word

# difflib's likeness of a misspelling to the spelling it stands for ("fraxl" and "fraxel": 0.91).
LIKENESS = 0.8
MIN_LENGTH = 5
_WORD = re.compile(r"[A-Za-z]+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:]\s*)\W*$")


@lru_cache(maxsize=1)
def _spellings() -> dict[str, str]:
    """Each one-word spelling of a scar type or treatment, long enough to be misspelt, and its entity type."""
    return {
        spelling.lower(): term.entity
        for term in load_terms()
        for spelling in term.spellings
        if spelling.isalpha() and len(spelling) >= MIN_LENGTH
    }


def misspelled_entities(text: str, taken: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """Entities for the misspelt scar types and treatments in `text` outside the spans already `taken`."""
    spellings = _spellings()
    found = []
    for match in _WORD.finditer(text):
        # A capitalised word inside a sentence is a name ("Dr Lazar", "Rollins"), not a misspelling.
        if match.group(0)[0].isupper() and not _SENTENCE_START.search(text[: match.start()]):
            continue
        word = match.group(0).lower()
        if len(word) < MIN_LENGTH or word in spellings or is_english_word(word):
            continue
        if any(entity.get("start", -1) < match.end() and match.start() < entity.get("end", -1) for entity in taken):
            continue
        close = get_close_matches(word, spellings, n=1, cutoff=LIKENESS)
        if close:
            found.append(
                {
                    "entity": spellings[close[0]],
                    "start": match.start(),
                    "end": match.end(),
                    "value": close[0],
                    "extractor": "MisspelledEntities",
                }
            )
    return found


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class MisspelledEntities(GraphComponent):
    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> "MisspelledEntities":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = list(message.get(ENTITIES) or [])
            added = misspelled_entities(message.get(TEXT) or "", entities)
            if added:
                message.set(ENTITIES, sorted(entities + added, key=lambda e: e.get("start", 0)), add_to_output=True)
        return messages

    def process_training_data(self, training_data: Any) -> Any:
        return training_data
