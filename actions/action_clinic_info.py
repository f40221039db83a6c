from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import send_clinic_contact


class ActionClinicInfo(Action):
    """Bookings, prices and opening hours: the clinic's contact, from the configuration,
    with the booking button (after any caution the message calls for)."""

    def name(self) -> Text:
        return "action_clinic_info"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return send_clinic_contact(dispatcher, tracker)
