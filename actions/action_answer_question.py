from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.answers import answer_question
from bot.context import ENTITIES, resolve_subject
from bot.store.db import new_session
from bot.topics import topic_of_intent


class ActionAnswerQuestion(Action):
    """Answers a question about acne scars from the knowledge store."""

    def name(self) -> Text:
        return "action_answer_question"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        subject = resolve_subject(
            topic=topic_of_intent(intent),
            mentioned={entity: list(tracker.get_latest_entity_values(entity)) for entity in ENTITIES},
            remembered_topic=tracker.get_slot("topic"),
            remembered={entity: tracker.get_slot(entity) or [] for entity in ENTITIES},
            text=tracker.latest_message.get("text") or "",
            follow_up=intent == "follow_up",
        )
        with new_session() as session:
            answer = answer_question(
                session,
                subject.topic,
                subject.get("scar_type"),
                subject.get("treatment"),
                question=tracker.latest_message.get("text") or "",
            )
        dispatcher.utter_message(text=answer.text)
        return [SlotSet("topic", subject.topic)] + [
            SlotSet(entity, subject.get(entity) or None) for entity in ENTITIES
        ]
