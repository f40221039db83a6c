from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.action_rate_answer import rate_answer
from actions.answering import (
    Reply,
    answer_from_tracker,
    asks_an_aspect_of_the_subject,
    asks_how_to_treat_the_subject,
    caution_reply,
    cautioned,
    latest_intent,
    mentioned_values,
    passages_reply,
    personal_advice_from_tracker,
    refers_to_the_subject,
    send,
    send_clinic_contact,
)
from bot.dialogue.canned_replies import offer_topics_text, topic_menu
from bot.dialogue.context import asks_for_examples, asks_what_to_do
from bot.dialogue.feedback import HELPFUL_INTENT
from bot.dialogue.messages import message
from bot.dialogue.scope import about_acne_scars
from bot.dialogue.topics import CLINIC_INTENTS, FALLBACK, likeliest_topics, topic_of_intent, torn_between


class ActionOfferTopics(Action):
    """Offers topic buttons when asked what the bot can do, unless the message
    follows on from the answer just given (_follows_on). When the message was
    not understood: if it follows on, answers it; if it names a scar type or
    treatment, or refers back to the subject under discussion, answers the
    likeliest acne-scar question (or declines personal advice, or gives the
    clinic's contact for its business); if it says it is about acne scars and
    asks what to do about them, answers how to treat them; when the model was
    torn between two questions, answers both; else answers from stored passages
    that match its unfamiliar words (a newly added document, say); else asks to
    rephrase. A message that calls for a caution of its own (a skin reaction, a
    plan to treat oneself) gets that caution rather than "rephrase". "Rephrase"
    offers the topics the model found likeliest first, then the menu."""

    def name(self) -> Text:
        return "action_offer_topics"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        understood = latest_intent(tracker) != FALLBACK
        ranking = tracker.latest_message.get("intent_ranking") or []
        if understood and _follows_on(tracker):
            return send(dispatcher, answer_from_tracker(tracker, "follow_up"))
        if not understood:
            closing = _torn_small_talk(ranking)
            if closing == THANKS_AND_HELPED:
                # "thanks thats really helpful": torn between two kind words, it is both.
                return rate_answer(dispatcher, tracker, helpful=True)
            if closing == THANKS_AND_GOODBYE:
                # "cheers, that's all I needed"
                dispatcher.utter_message(text=message("thanks_and_goodbye"))
                return []
            torn = torn_between(ranking)
            if torn is not None:
                return send(dispatcher, _torn_reply(tracker, *torn))
            if _follows_on(tracker):
                return send(dispatcher, answer_from_tracker(tracker, "follow_up"))
            likeliest = tracker.get_intent_of_latest_message(skip_fallback_intent=True)
            if likeliest == "follow_up" and asks_an_aspect_of_the_subject(tracker):
                # "how many sessions do u need" after PRP: that aspect of the subject.
                return send(dispatcher, answer_from_tracker(tracker, "follow_up"))
            mentions = any(mentioned_values(tracker).values())
            if mentions or refers_to_the_subject(tracker):
                if mentions and likeliest == "ask_personal_advice":
                    return send(dispatcher, personal_advice_from_tracker(tracker))
                if mentions and likeliest in CLINIC_INTENTS:
                    # "what would a laser session cost me": the clinic's contact.
                    return send_clinic_contact(dispatcher, tracker)
                # A follow-up keeps the topic under discussion, or takes the one
                # its scar type or treatment suggests ("whats a pockmark").
                if topic_of_intent(likeliest) or likeliest == "follow_up":
                    return send(dispatcher, answer_from_tracker(tracker, likeliest))
            text = tracker.latest_message.get("text") or ""
            if about_acne_scars(text) and asks_what_to_do(text):
                # "I'm 50 and I still have acne scars from high school. Is it too late to do anything about them?"
                return send(dispatcher, answer_from_tracker(tracker, "ask_treatment"))
            caution = caution_reply(tracker)
            if caution is not None:
                dispatcher.utter_message(text=caution)
                return []
            passages = passages_reply(tracker)
            if passages is not None:
                return send(dispatcher, passages)
        guesses = [] if understood else likeliest_topics(ranking)
        text = offer_topics_text(understood, bool(guesses))
        dispatcher.utter_message(text=text if understood else cautioned(tracker, text), buttons=topic_menu(guesses))
        return []


def _follows_on(tracker: Tracker) -> bool:
    """Right after an answer, a request for its examples ("like what", "give me examples")
    or a question how to treat its subject ("ok so what would actually help"), which
    the model read as not understood or as what the bot can do."""
    asks_examples = asks_for_examples(tracker.latest_message.get("text") or "") and refers_to_the_subject(tracker)
    return asks_examples or asks_how_to_treat_the_subject(tracker)


def _torn_reply(tracker: Tracker, first: Text, second: Text) -> Reply:
    """Both readings of a message the model could not choose between, in order. With
    a follow-up reading and a subject under discussion it is a follow-up (which
    answers the other reading when that outranks the subject: answer_from_tracker);
    without a subject the other reading is the question."""
    if "follow_up" in (first, second):
        other = second if first == "follow_up" else first
        if tracker.get_slot("topic") is not None:
            return answer_from_tracker(tracker, "follow_up")
        return answer_from_tracker(tracker, other)
    return answer_from_tracker(tracker, first, also=second)


# Two closing words read equally (within the fallback's ambiguity gap), each surely enough: the message is both.
THANKS_AND_HELPED = frozenset({"thank", HELPFUL_INTENT})
THANKS_AND_GOODBYE = frozenset({"thank", "goodbye"})
MIN_SMALL_TALK_CONFIDENCE = 0.3


def _torn_small_talk(ranking: List[Dict[Text, Any]]) -> frozenset:
    """The two likeliest readings when both are sure enough, else none."""
    readings = [item for item in ranking if item.get("name") != FALLBACK][:2]
    if len(readings) < 2 or any(float(item.get("confidence") or 0) < MIN_SMALL_TALK_CONFIDENCE for item in readings):
        return frozenset()
    return frozenset(str(item.get("name")) for item in readings)
