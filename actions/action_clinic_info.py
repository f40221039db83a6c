import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import answer_from_tracker, mentioned_values, send, send_clinic_contact
from bot.dialogue.aspects import asked_aspect

# A visit to the clinic, which the clinic's team knows about ("how long is the consultation?").
_VISIT = re.compile(r"\b(consult\w*|appointments?|visits?|bookings?)\b", re.IGNORECASE)
_TREATMENTS = re.compile(r"\btreatments?\b", re.IGNORECASE)


class ActionClinicInfo(Action):
    """Bookings, prices and opening hours: the clinic's contact, from the configuration,
    with the booking button (after any caution the message calls for). A medical
    aspect of the clinic's treatments ("which of your treatments has the least
    downtime?") is answered as that aspect of treatment."""

    def name(self) -> Text:
        return "action_clinic_info"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        aspect = asked_aspect(text)
        if (
            aspect is not None
            and aspect.ask != "clinic"
            and (mentioned_values(tracker)["treatment"] or _TREATMENTS.search(text))
            and not _VISIT.search(text)
        ):
            return send(dispatcher, answer_from_tracker(tracker, "ask_treatment"))
        return send_clinic_contact(dispatcher, tracker)
