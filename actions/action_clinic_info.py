from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.dialogue.canned_replies import clinic_info_text
from bot.dialogue.feedback import booking_button


class ActionClinicInfo(Action):
    """Bookings, prices and opening hours: the clinic's contact, from the configuration,
    with the booking button."""

    def name(self) -> Text:
        return "action_clinic_info"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=clinic_info_text(), buttons=[booking_button()])
        return []
