from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import answer_from_tracker, latest_intent, send


class ActionAnswerQuestion(Action):
    """Answers a question about acne scars from the knowledge store, and asks whether it helped."""

    def name(self) -> Text:
        return "action_answer_question"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        return send(dispatcher, answer_from_tracker(tracker, latest_intent(tracker)))
