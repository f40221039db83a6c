import re
from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.answering import answer_from_tracker, caution_reply, mentioned_values, refers_to_the_subject, send
from bot.dialogue.aspects import asked_aspect
from bot.dialogue.canned_replies import out_of_scope_text, topic_menu
from bot.dialogue.risk_context import risk_contexts
from bot.dialogue.topics import reads_as_a_question

# A message that says it is about acne scars, and does not deny having them.
_NOT_DENIED = r"(?<!not )(?<!no )(?<!n't have )(?<!n't got )"
ACNE_SCARS = re.compile(
    _NOT_DENIED + r"\b(acne|pimple|spot|zit)s? (scar|scars|scarring|marks|pits|holes|dents)\b"
    # "pits from spots", "marks left by my acne"
    r"|"
    + _NOT_DENIED
    + r"\b(scars|marks|pits|holes|dents) (from|after|left by) (my |old |the )?(acne|pimples|spots|zits|breakouts)\b",
    re.IGNORECASE,
)


class ActionOutOfScope(Action):
    """Says politely that only acne scars are covered, and where to go instead; a
    message that calls for a caution of its own (a reaction to a home remedy, a
    plan to treat oneself) gets that instead. A short message that asks an aspect
    of the subject under discussion ("how fast does it work?" after
    microdermabrasion) is a follow-up when the model's second reading is a
    question too ("is it safe to take ibuprofen?" stays out of scope); so is one
    that says a personal circumstance to weigh (pregnancy, isotretinoin …). A
    message that names a treatment or scar type and says it is about acne scars
    is answered as a question about them."""

    def name(self) -> Text:
        return "action_out_of_scope"

    def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        if (
            refers_to_the_subject(tracker)
            and (
                asked_aspect(text) is not None
                # "im pregnant though, can i still have it" after fillers: the caution, then the subject again.
                or any(not context.standalone for context in risk_contexts(text))
            )
            and reads_as_a_question(tracker.latest_message.get("intent_ranking") or [])
        ):
            return send(dispatcher, answer_from_tracker(tracker, "follow_up"))
        named = mentioned_values(tracker)
        if ACNE_SCARS.search(text) and any(named.values()):
            # "platelet rich plasma, is that for acne scars too or only for hair loss?": about acne scars after all.
            return send(dispatcher, answer_from_tracker(tracker, "ask_treatment" if named["treatment"] else "ask_scar_types"))
        caution = caution_reply(tracker)
        if caution is not None:
            dispatcher.utter_message(text=caution)
            return []
        dispatcher.utter_message(text=out_of_scope_text(), buttons=topic_menu())
        return []
