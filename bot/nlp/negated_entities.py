"""A Rasa NLU component: a treatment the patient rules out ("are there any scar
treatments that aren't laser?", "without lasers", "other than fillers") is not
what they ask about, so its entity is dropped and the question reads as one
about treatment in general; so is one the patient asks for something other than
("I had a bad reaction to a chemical peel. What other options are there?"). Treatments listed under `keep` stay: for them the
entry itself answers the question ("can scars be fixed without surgery?" is what
the surgery entry is about)."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES, TEXT
from rasa.shared.nlu.training_data.message import Message

# Words just before a treatment that rule it out. Not "not", "no", "avoid" or "except":
# "why not laser?", "should i avoid laser with dark skin?" ask about laser. "isn't"/"aren't" only after a word that
# makes them a relative clause ("ones that aren't laser"): "isn't laser better?" asks about laser.
_RULED_OUT = re.compile(
    r"(\b(without|other than|apart from|besides|instead of|rather than|alternatives? to|non"
    # "I'd rather avoid lasers", not "should I avoid laser with dark skin?"
    r"|(rather|prefer to|want to|wanna|like to|trying to|hoping to) (avoid|skip|stay away from|not (have|do|get|use)))"
    r"|\b(that|which|ones?|something|anything|things?|treatments?|options?) "
    r"(aren'?t|isn'?t|are not|is not|don'?t (use|involve|include)|doesn'?t (use|involve|include)))"
    r"[\s-]+((a|an|the|any|using|use|involving|doing|having|getting)\s+)?$",
    re.IGNORECASE,
)


# A later sentence or clause that asks for something else ("I had a bad reaction to a chemical
# peel. What other options are there?", "tried microneedling, any alternatives?").
_SOMETHING_ELSE_ASKED = re.compile(
    r"[.!?,;]\s*(?:\w+\s+){0,4}?(?:(?:what|which|any|are there(?: any)?)\s+(?:other|different|alternative)\s+"
    r"(?:options?|treatments?|choices?|procedures?)\b|any alternatives?\b"
    # "what else is there", "what else can i try"; not "what else should i know about them"
    r"|what else (?:is there|are there|can i (?:try|do|use|get)|could i (?:try|do)|works?|helps?|would (?:work|help)"
    r"|do you (?:have|offer|recommend))\b)",
    re.IGNORECASE,
)


# "are lasers the only option?": whether there is anything else.
_THE_ONLY_ONE = re.compile(
    r"\s+(?:really\s+)?(?:the\s+)?only\s+(?:options?|treatments?|ways?|things?|choices?|ones?)\b", re.IGNORECASE
)


def is_ruled_out(text: str, start: int, end: int | None = None) -> bool:
    """Whether the words before `start` rule out what begins there, or (given its
    `end`) it is asked whether it is the only option or a later sentence or clause
    asks for something other than it."""
    if _RULED_OUT.search(text[max(0, start - 60) : start]):
        return True
    return end is not None and bool(_THE_ONLY_ONE.match(text, end) or _SOMETHING_ELSE_ASKED.search(text, end))


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class RuledOutTreatments(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"entity": "treatment", "keep": []}

    def __init__(self, config: Dict[Text, Any]) -> None:
        self.entity, self.keep = config["entity"], set(config["keep"])

    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> "RuledOutTreatments":
        return cls(config)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            text, entities = message.get(TEXT) or "", message.get(ENTITIES) or []
            kept = [entity for entity in entities if not self._ruled_out(text, entity)]
            if len(kept) < len(entities):
                message.set(ENTITIES, kept, add_to_output=True)
        return messages

    def _ruled_out(self, text: str, entity: Dict[Text, Any]) -> bool:
        return (
            entity.get("entity") == self.entity
            and entity.get("value") not in self.keep
            and isinstance(entity.get("start"), int)
            and is_ruled_out(text, entity["start"], entity["end"] if isinstance(entity.get("end"), int) else None)
        )
