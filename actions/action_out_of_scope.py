from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import caution_reply
from bot.dialogue.canned_replies import out_of_scope_text, topic_menu


class ActionOutOfScope(Action):
    """Says politely that only acne scars are covered, and where to go instead; a
    message that calls for a caution of its own (a reaction to a home remedy, a
    plan to treat oneself) gets that instead."""

    def name(self) -> Text:
        return "action_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        caution = caution_reply(tracker)
        if caution is not None:
            dispatcher.utter_message(text=caution)
            return []
        dispatcher.utter_message(text=out_of_scope_text(), buttons=topic_menu())
        return []
