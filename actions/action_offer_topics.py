from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.answers import offer_topics_text, topic_menu


class ActionOfferTopics(Action):
    """Offers topic buttons: when asked what the bot can do, or when it did not understand."""

    def name(self) -> Text:
        return "action_offer_topics"

    def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        understood = (tracker.latest_message.get("intent") or {}).get("name") != "nlu_fallback"
        dispatcher.utter_message(text=offer_topics_text(understood), buttons=topic_menu())
        return []
