from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue.feedback import booking_reply


class ActionBookConsultation(Action):
    """The clinic's booking page (ACNEBOT_BOOKING_URL), or its contact when unset.
    Nothing personal is asked for here; the report counts these requests."""

    def name(self) -> Text:
        return "action_book_consultation"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=booking_reply())
        return []
