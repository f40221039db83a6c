import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import (
    answer_from_tracker,
    caution_reply,
    mentioned_values,
    passages_reply,
    refers_to_the_subject,
    send,
)
from bot.dialogue.aspects import asked_aspect
from bot.dialogue.canned_replies import offer_topics_text, out_of_scope_text, topic_menu
from bot.dialogue.context import asks_how_to_treat, asks_what_to_do
from bot.dialogue.risk_context import risk_contexts
from bot.dialogue.scope import about_acne_scars
from bot.dialogue.topics import FALLBACK, likeliest_topics, second_question

# "can they treat this rash too", "i also have a tattoo, how do i get rid of it": something else.
_SOMETHING_ELSE = re.compile(r"\b(?:too|also|as well|another|other)\b", re.IGNORECASE)
# The model's treatment reading that, with words asking how to treat, makes a follow-up of an out-of-scope reading.
MIN_TREATMENT_READING = 0.15


class ActionOutOfScope(Action):
    """Says politely that only acne scars are covered, and where to go instead; a
    message that calls for a caution of its own (a reaction to a home remedy, a
    plan to treat oneself) gets that instead. A short message that asks an aspect
    of the subject under discussion ("how fast does it work?" after
    microdermabrasion) is a follow-up when the model's second reading is a
    question too ("is it safe to take ibuprofen?" stays out of scope); so is one
    that says a personal circumstance to weigh (pregnancy, isotretinoin …), and
    one that asks how to treat it ("should i get it treated then") when the
    model's second reading is treatment and it names nothing else ("this rash
    too"). A message that says it is about acne scars is answered as the
    question the model read second, or as one about the treatment or scar type
    it names, or about treating them when it asks what to do; with neither, it
    is asked to rephrase, not told that only acne scars are covered."""

    def name(self) -> Text:
        return "action_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        ranking = tracker.latest_message.get("intent_ranking") or []
        second = second_question(ranking)
        # "how fast should i get it treated then" after severe acne: how to treat it, when the model
        # thought of treatment next (unsure, but the words say it).
        readings = [item for item in ranking if item.get("name") != FALLBACK]
        next_reading = readings[1] if len(readings) > 1 else {}
        if (
            refers_to_the_subject(tracker)
            and asks_how_to_treat(text)
            and not _SOMETHING_ELSE.search(text)
            and next_reading.get("name") == "ask_treatment"
            and float(next_reading.get("confidence") or 0) >= MIN_TREATMENT_READING
        ):
            return send(dispatcher, answer_from_tracker(tracker, "ask_treatment"))
        if (
            refers_to_the_subject(tracker)
            and (
                asked_aspect(text) is not None
                # "im pregnant though, can i still have it" after fillers: the caution, then the subject again.
                or any(not context.standalone for context in risk_contexts(text))
            )
            and second is not None
        ):
            return send(dispatcher, answer_from_tracker(tracker, "follow_up"))
        caution = caution_reply(tracker)
        if about_acne_scars(text):
            # "platelet rich plasma, is that for acne scars too or only for hair loss?": about acne scars after
            # all, so the model's next reading, or what it names, is the question; else "rephrase", not "only acne scars".
            named = mentioned_values(tracker)
            # A follow-up reading needs a subject under discussion to follow.
            if second == "follow_up" and tracker.get_slot("topic") is None:
                second = None
            treating = named["treatment"] or asks_what_to_do(text)
            asked = second or ("ask_treatment" if treating else "ask_scar_types" if named["scar_type"] else None)
            if asked is not None:
                return send(dispatcher, answer_from_tracker(tracker, asked))
            if caution is None:
                guesses = likeliest_topics(ranking)
                dispatcher.utter_message(text=offer_topics_text(False, bool(guesses)), buttons=topic_menu(guesses))
                return []
        if caution is not None:
            dispatcher.utter_message(text=caution)
            return []
        # A word no training example has, which the documents cover ("what is cryotherapy?" once a
        # leaflet on it is ingested): the documents say what is in scope, not the model.
        passages = passages_reply(tracker)
        if passages is not None:
            return send(dispatcher, passages)
        dispatcher.utter_message(text=out_of_scope_text(), buttons=topic_menu())
        return []
