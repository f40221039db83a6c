from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import personal_advice_from_tracker, send


class ActionPersonalAdvice(Action):
    """Declines to diagnose, dose or choose for the patient, then gives general information."""

    def name(self) -> Text:
        return "action_personal_advice"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return send(dispatcher, personal_advice_from_tracker(tracker))
