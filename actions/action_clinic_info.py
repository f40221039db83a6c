import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import answer_from_tracker, mentioned_values, send, send_clinic_contact
from bot.dialogue.aspects import asked_aspect

# A visit to the clinic, which the clinic's team knows about ("how long is the consultation?").
_VISIT = re.compile(r"\b(consult\w*|appointments?|visits?|bookings?)\b", re.IGNORECASE)
# "which of your acne scar treatments has the least downtime?": a comparison of treatments.
_WHICH_TREATMENT = re.compile(
    r"\bwhich (?:of (?:your|the|these|those) )?(?:[\w-]+ ){0,3}?(?:treatments?|options?)\b", re.IGNORECASE
)
# What the clinic offers, when and to whom ("do you offer treatments on saturdays", "minimum age for treatments").
_CLINIC_MATTERS = re.compile(
    r"\b(?:offer\w*|availab\w*|book\w*|open\w*|saturdays?|sundays?|weekends?|evenings?|age|at your clinic)\b", re.IGNORECASE
)


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
            and (mentioned_values(tracker)["treatment"] or _WHICH_TREATMENT.search(text))
            and not _VISIT.search(text)
            and not _CLINIC_MATTERS.search(text)
        ):
            return send(dispatcher, answer_from_tracker(tracker, "ask_treatment"))
        return send_clinic_contact(dispatcher, tracker)
