"""A Rasa NLU component: a message that only names its new subject ("what about
boxcar scars?", "and microneedling?") is a follow-up, whatever topic DIET reads
in it. As a follow-up it keeps the topic under discussion; with none, the
answering action takes the topic its scar type or treatment suggests, which is
what DIET's guess would have given."""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.dialogue.context import is_elliptical
from bot.dialogue.topics import FALLBACK, topic_of_intent

FOLLOW_UP = "follow_up"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class EllipticalFollowUp(GraphComponent):
    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> "EllipticalFollowUp":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            name = intent.get("name")
            if (topic_of_intent(name) or name == FALLBACK) and is_elliptical(message.get(TEXT) or ""):
                message.set(INTENT, {"name": FOLLOW_UP, "confidence": intent.get("confidence", 0.0)}, add_to_output=True)
        return messages
