from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.answers import answer_from_passages, offer_topics_text, topic_menu
from bot.store.db import new_session


class ActionOfferTopics(Action):
    """Offers topic buttons when asked what the bot can do. When the message was
    not understood, answers from stored passages that match its unfamiliar
    words (a newly added document, say), or else asks to rephrase."""

    def name(self) -> Text:
        return "action_offer_topics"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        understood = (tracker.latest_message.get("intent") or {}).get("name") != "nlu_fallback"
        if not understood:
            with new_session() as session:
                answer = answer_from_passages(session, tracker.latest_message.get("text") or "")
            if answer is not None:
                dispatcher.utter_message(text=answer.text)
                return []
        dispatcher.utter_message(text=offer_topics_text(understood), buttons=topic_menu())
        return []
