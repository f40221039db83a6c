"""A Rasa NLU component that puts red flags first.

It runs after the intent classifiers. A message that the red-flag detector
(rules and its classifier, bot/safety/red_flags.py) flags gets the intent
`emergency` or `crisis`, and the dialogue rules answer it before anything else.
The intent models' own red-flag readings never raise a flag, however sure: DIET
learns hundreds of red flags so that it tells them from the other intents, and
trained on that many it reads ordinary look-alikes as red flags (docs/safety.md).
They leave the ranking, and the next intent takes the place of one that came first.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.nlp.shorthand import TYPED_TEXT
from bot.safety.red_flags import RedFlag, detect

RED_FLAG_INTENTS = {flag.value for flag in RedFlag}
NOT_UNDERSTOOD = {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": 0.0}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class RedFlagClassifier(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "RedFlagClassifier":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            # What the patient typed, before the shorthand was spelt out (bot/nlp/shorthand.py).
            flag = detect(message.get(TYPED_TEXT) or message.get(TEXT) or "")
            ranking = [item for item in message.get(INTENT_RANKING_KEY) or [] if item["name"] not in RED_FLAG_INTENTS]
            if flag is not None:
                intent = {"name": flag.value, "confidence": 1.0}
                message.set(INTENT, intent, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
            else:
                current = message.get(INTENT)
                if current and current.get("name") in RED_FLAG_INTENTS:
                    message.set(INTENT, ranking[0] if ranking else NOT_UNDERSTOOD, add_to_output=True)
                if message.get(INTENT_RANKING_KEY) is not None:
                    message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
