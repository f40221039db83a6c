from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from actions.answering import (
    Reply,
    answer_from_tracker,
    caution_reply,
    latest_intent,
    mentioned_values,
    personal_advice_from_tracker,
    refers_to_the_subject,
    send,
    store_unreachable,
)
from bot.dialogue.answers import answer_from_passages
from bot.dialogue.canned_replies import offer_topics_text, topic_menu
from bot.dialogue.topics import likeliest_topics, topic_of_intent
from bot.knowledge.store.db import new_session


class ActionOfferTopics(Action):
    """Offers topic buttons when asked what the bot can do. When the message was
    not understood: if it names a scar type or treatment, or refers back to the
    subject under discussion, answers the likeliest acne-scar question (or
    declines personal advice); else answers from stored passages that match its
    unfamiliar words (a newly added document, say); else asks to rephrase. A
    message that calls for a caution of its own (a skin reaction, a plan to treat
    oneself) gets that caution rather than "rephrase". "Rephrase" offers the
    topics the model found likeliest first, then the menu."""

    def name(self) -> Text:
        return "action_offer_topics"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        understood = latest_intent(tracker) != "nlu_fallback"
        if not understood:
            likeliest = tracker.get_intent_of_latest_message(skip_fallback_intent=True)
            mentions = any(mentioned_values(tracker).values())
            if mentions or refers_to_the_subject(tracker):
                if mentions and likeliest == "ask_personal_advice":
                    return send(dispatcher, personal_advice_from_tracker(tracker))
                # A follow-up keeps the topic under discussion, or takes the one
                # its scar type or treatment suggests ("whats a pockmark").
                if topic_of_intent(likeliest) or likeliest == "follow_up":
                    return send(dispatcher, answer_from_tracker(tracker, likeliest))
            caution = caution_reply(tracker)
            if caution is not None:
                dispatcher.utter_message(text=caution)
                return []
            try:
                with new_session() as session:
                    answer = answer_from_passages(session, tracker.latest_message.get("text") or "")
            except SQLAlchemyError as error:
                dispatcher.utter_message(text=store_unreachable(error))
                return []
            if answer is not None:
                return send(dispatcher, Reply(answer.text, answer=answer, kind="passages"))
        guesses = [] if understood else likeliest_topics(tracker.latest_message.get("intent_ranking") or [])
        dispatcher.utter_message(text=offer_topics_text(understood, bool(guesses)), buttons=topic_menu(guesses))
        return []
