"""A Rasa NLU component: a message that only names its new subject ("what about
boxcar scars?", "and microneedling?") is a follow-up, whatever topic DIET reads
in it; so is a short one read as small talk, or as clinic business, that asks a
medical aspect of a treatment.
As a follow-up it keeps the topic under discussion; with none, the answering
action takes the topic its scar type or treatment suggests, which is what
DIET's guess would have given."""

from __future__ import annotations

import re
from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.dialogue.aspects import asked_aspect
from bot.dialogue.context import MAX_FOLLOW_UP_CHARS, is_elliptical
from bot.dialogue.topics import FALLBACK, topic_of_intent

FOLLOW_UP = "follow_up"
# Small talk and questions about the bot ask nothing of a treatment: a short message read
# as one that asks an aspect ("how soon will i see a difference", read as goodbye) or
# refers back to what was discussed ("so what would help them", read as asking what the
# bot can do) is a follow-up.
NOT_ABOUT_A_SUBJECT = frozenset({"greet", "goodbye", "thank", "ask_capabilities", "bot_challenge"})
_ASKED = re.compile(
    r"\?|^\W*(?:\w+\W+){0,2}(?:how|what|whats|what's|when|which|why|do|does|did|is|are|can|could|will|would|should|r)\b",
    re.IGNORECASE,
)
_BACK_TO_THE_SUBJECT = re.compile(r"\b(?:them|those|these|they|which one|that one)\b", re.IGNORECASE)
# Read as clinic business for its "do you", "how many sessions do you need" asks a medical
# aspect of the treatment discussed; a price, an appointment or a visit stays the clinic's.
CLINIC = "ask_clinic"
_CLINIC_BUSINESS = re.compile(
    r"\b(?:appointments?|appt|consultations?|visits?|book\w*|costs?|price\w*|pay\w*|fees?|charge\w*|insurance|open\w*"
    r"|hours|where|located|address|phone|email|staff|clinic|reply|respond)\b"
    # what the clinic itself does: "what age do you treat from?", "do you sell derma rollers?"
    r"|\byou (?:treat|do|sell|offer|provide|stock|accept|take)\b|\byour (?:place|practice)\b",
    re.IGNORECASE,
)


def _asks_of_a_subject(intent: str | None, text: str) -> bool:
    # Asked, not said: "thanks, I feel a lot safer now" stays thanks.
    if intent not in {*NOT_ABOUT_A_SUBJECT, CLINIC} or len(text) > MAX_FOLLOW_UP_CHARS or not _ASKED.search(text):
        return False
    aspect = asked_aspect(text)
    if intent == CLINIC:
        return aspect is not None and aspect.ask == "dermatologist" and not _CLINIC_BUSINESS.search(text)
    return aspect is not None or (intent == "ask_capabilities" and bool(_BACK_TO_THE_SUBJECT.search(text)))


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
            text = message.get(TEXT) or ""
            if ((topic_of_intent(name) or name == FALLBACK) and is_elliptical(text)) or _asks_of_a_subject(name, text):
                message.set(INTENT, {"name": FOLLOW_UP, "confidence": intent.get("confidence", 0.0)}, add_to_output=True)
        return messages
