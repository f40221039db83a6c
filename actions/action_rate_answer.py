import logging
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.answering import latest_intent
from bot.dialogue.feedback import ANSWERED_SLOT, HELPFUL_INTENT, feedback_reply, record_rating
from bot.knowledge.store.db import new_session

logger = logging.getLogger(__name__)


class ActionRateAnswer(Action):
    """Stores whether the latest answer helped (once: the slot is then cleared) and
    thanks the patient; when it did not help, offers the booking button."""

    def name(self) -> Text:
        return "action_rate_answer"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return rate_answer(dispatcher, tracker, helpful=latest_intent(tracker) == HELPFUL_INTENT)


def rate_answer(dispatcher: CollectingDispatcher, tracker: Tracker, helpful: bool) -> List[Dict[Text, Any]]:
    """The rating stored and the patient thanked (also for a message read as thanks
    or as saying the answer helped, equally: actions/action_offer_topics.py)."""
    try:
        with new_session() as session:
            record_rating(session, tracker.get_slot(ANSWERED_SLOT), helpful)
    except SQLAlchemyError as error:
        # The patient is thanked all the same; only the rating is lost.
        logger.error("Knowledge store unreachable (%s); a rating was not stored.", type(error).__name__)
    text, buttons = feedback_reply(helpful)
    dispatcher.utter_message(text=text, buttons=buttons)
    return [SlotSet(ANSWERED_SLOT, None)]
