"""What the answering actions share: reading the question from the tracker,
sending an answer with the question whether it helped, and a polite reply when
the knowledge store cannot be reached."""

import logging
import re
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy.exc import SQLAlchemyError

from bot import settings
from bot.dialogue.answers import Answer, Question, answer_from_passages, answer_questions, more_about
from bot.dialogue.aspects import asked_aspect, asked_aspects, not_covered_text
from bot.dialogue.canned_replies import clinic_info_text, unavailable_text
from bot.dialogue.context import (
    ENTITIES,
    MAX_FOLLOW_UP_CHARS,
    TREATMENT_TOPICS,
    Subject,
    asks_for_examples,
    asks_for_more,
    asks_how_to_treat,
    asks_what_to_do,
    is_elliptical,
    kinds_of_treatment_asked,
    refers_back,
    resolve_subject,
)
from bot.dialogue.feedback import ANSWERED_SLOT, answer_kind, answered, booking_button, feedback_prompt, offers_booking
from bot.dialogue.messages import message
from bot.dialogue.personal_advice import personal_advice_reply
from bot.dialogue.risk_context import cautions
from bot.dialogue.topics import CLINIC_INTENTS, question_behind_follow_up, topic_of_intent
from bot.knowledge.store.db import new_session
from bot.nlp.vocabulary import canonical_values

logger = logging.getLogger(__name__)


@dataclass
class Reply:
    text: Text
    events: List[Dict[Text, Any]] = field(default_factory=list)
    # A medical answer, which the patient is asked to rate, and how it was made.
    answer: Optional[Answer] = None
    kind: Text = ""
    # Whether it sends the patient to a dermatologist (then the booking button follows).
    booking: bool = False


def send(dispatcher: CollectingDispatcher, reply: Reply) -> List[Dict[Text, Any]]:
    """Sends the reply; after a medical answer, asks whether it helped and
    remembers what it gave for the rating (bot/dialogue/feedback.py)."""
    dispatcher.utter_message(text=reply.text)
    if reply.answer is None:
        return reply.events
    question, buttons = feedback_prompt(reply.booking)
    dispatcher.utter_message(text=question, buttons=buttons)
    return [*reply.events, SlotSet(ANSWERED_SLOT, answered(reply.answer, reply.kind))]


def latest_intent(tracker: Tracker) -> Optional[Text]:
    return (tracker.latest_message.get("intent") or {}).get("name")


# The longest entity value a patient's spelling of a scar type or treatment needs.
MAX_ENTITY_CHARS = 100


def plain_values(values: Any) -> List[Text]:
    """Entity or slot values that can be a scar type or treatment: short strings.
    A slash command can set anything ("/ask_treatment{\"scar_type\": [{\"x\": 1}]}")."""
    if isinstance(values, str):
        values = [values]
    if not isinstance(values, (list, tuple)):
        return []
    return [value for value in values if isinstance(value, str) and 0 < len(value) <= MAX_ENTITY_CHARS and "\x00" not in value]


def mentioned_values(tracker: Tracker) -> Dict[Text, List[Text]]:
    return {entity: plain_values(list(tracker.get_latest_entity_values(entity))) for entity in ENTITIES}


def remembered_values(tracker: Tracker) -> Dict[Text, List[Text]]:
    """The scar types and treatments under discussion, from the slots."""
    return {entity: plain_values(tracker.get_slot(entity)) for entity in ENTITIES}


def _values_in(entities: Any) -> Dict[Text, List[Text]]:
    found: Dict[Text, List[Text]] = {entity: [] for entity in ENTITIES}
    for item in entities if isinstance(entities, list) else []:
        if isinstance(item, dict) and item.get("entity") in found:
            found[item["entity"]] += plain_values(item.get("value"))
    return found


def asked_questions(tracker: Tracker) -> List[Tuple[Optional[Text], Text, Dict[Text, List[Text]]]]:
    """The questions of the latest message as (intent, text, entity values): the
    ones the NLU found (bot/nlp/questions.py) when it asks several, else one."""
    message = tracker.latest_message or {}
    found = message.get("questions")
    questions = [
        (question["intent"], question["text"], _values_in(question.get("entities")))
        for question in (found if isinstance(found, list) else [])
        if isinstance(question, dict) and isinstance(question.get("intent"), str) and isinstance(question.get("text"), str)
    ]
    return questions or [(latest_intent(tracker), message.get("text") or "", mentioned_values(tracker))]


def answer_from_tracker(tracker: Tracker, intent: Optional[Text], also: Optional[Text] = None) -> Reply:
    """The answer to the latest message (each of its questions when it asks
    several; with `also`, read as that question too), and the slots that
    remember its subject for a follow-up. If the
    knowledge store is unreachable, an apology and no slot changes (rasa-sdk
    would otherwise answer Rasa with an error that quotes the whole conversation,
    which Rasa logs)."""
    asked = asked_questions(tracker)
    if len(asked) == 1 and asks_for_more(asked[0][1]) and _after_an_answer(tracker):
        return _more_reply(tracker)
    # Clinic business asked beside medical questions ("what are ice pick scars and can I
    # book in?"): the medical ones are answered, then the clinic's contact follows.
    clinic_asked = len(asked) > 1 and any(question[0] in CLINIC_INTENTS for question in asked)
    if len(asked) == 1:
        text, mentioned = asked[0][1], asked[0][2]
        if intent == "follow_up" and not any(mentioned.values()) and asked_aspect(text) is None:
            # Nothing new named and no aspect asked ("why?", "what about if it runs in my family"):
            # not the answer just given again, but the question behind it.
            ranking = tracker.latest_message.get("intent_ranking") or []
            intent = question_behind_follow_up(ranking, tracker.get_slot("topic")) or intent
        asked = [(intent, text, mentioned)] + ([(also, text, mentioned)] if also and also != intent else [])
    remembered_topic = tracker.get_slot("topic")
    remembered = remembered_values(tracker)
    questions: List[Question] = []
    subject: Optional[Subject] = None
    carried: Dict[Text, List[Text]] = {}
    entities = (tracker.latest_message or {}).get("entities")
    previous = _previous_question(tracker)
    kinds_asked = kinds_of_treatment_asked(_text(tracker), entities if isinstance(entities, list) else [])
    for asked_intent, text, mentioned in asked:
        if asked_intent in CLINIC_INTENTS:
            # Its scar type or treatment is what the questions after it are about ("how much is laser and how many sessions").
            carried = dict(mentioned) if any(mentioned.values()) else {}
            continue
        if carried and not any(mentioned.values()):
            mentioned = carried
        follow_up = asked_intent == "follow_up" or (remembered_topic is not None and is_elliptical(text))
        subject = resolve_subject(
            topic=None if follow_up else _topic_asked(asked_intent, text, mentioned, kinds_asked),
            mentioned=mentioned,
            remembered_topic=remembered_topic,
            remembered=remembered,
            text=text,
            follow_up=follow_up,
        )
        # "and lasers?" after "how long do fillers last?": the same aspect of the new subject.
        carries_aspect = (
            follow_up
            and is_elliptical(text)
            and bool(mentioned["treatment"])
            and not mentioned["scar_type"]
            and not asked_aspects(text)
            and len(previous.split()) <= MAX_ASPECT_QUESTION_WORDS
        )
        questions.append(
            Question(
                subject.topic,
                tuple(subject.get("scar_type")),
                tuple(subject.get("treatment")),
                text,
                aspects_from=previous if carries_aspect else "",
            )
        )
        # A later question may refer back to an earlier one ("... and how are they treated?").
        remembered_topic, remembered = subject.topic, {entity: subject.get(entity) for entity in ENTITIES}
    if subject is None:  # only clinic business was asked
        return Reply(cautioned(tracker, _clinic_text(tracker)))
    try:
        with new_session() as session:
            answer = answer_questions(session, questions)
    except SQLAlchemyError as error:
        return Reply(cautioned(tracker, store_unreachable(error)))
    events = [SlotSet("topic", subject.topic)] + [SlotSet(entity, subject.get(entity) or None) for entity in ENTITIES]
    text = "\n\n".join([answer.text, _clinic_text(tracker, remembered=False)] if clinic_asked else [answer.text])
    return Reply(
        cautioned(tracker, text),
        events,
        answer=answer,
        kind=answer_kind(answer, len(questions)),
        booking=clinic_asked or offers_booking(question.topic for question in questions),
    )


# Topics a question about the kinds of a treatment is misread as (not the specialist, nor seeing a doctor).
KINDS_READ_AS_SCARS = ("scar_types", "overview", "symptoms")


def _topic_asked(intent: Optional[Text], text: Text, mentioned: Dict[Text, List[Text]], kinds_asked: set) -> Optional[Text]:
    """The topic of the intent the model read, unless the question's words say it is treatment."""
    topic = topic_of_intent(intent)
    if topic in KINDS_READ_AS_SCARS and kinds_asked & set(mentioned["treatment"]):
        # "what kinds of laser are there?" read as the kinds of scars: the kinds of that treatment.
        return "treatment"
    if topic == "overview" and asks_what_to_do(text):
        # "what can I do about acne scars" read as what acne scars are.
        return "treatment"
    return topic


# The longest message before an elliptical follow-up whose aspect it keeps: a question
# ("how long do they last?"), not a story that mentions a cost.
MAX_ASPECT_QUESTION_WORDS = 12


def _previous_question(tracker: Tracker) -> Text:
    """The patient's message before the latest one ("" if none)."""
    texts = [event.get("text") for event in tracker.events if event.get("event") == "user"]
    previous = texts[-2] if len(texts) >= 2 else None
    return previous if isinstance(previous, str) else ""


def _bot_texts(tracker: Tracker) -> List[Text]:
    return [event.get("text") or "" for event in tracker.events if event.get("event") == "bot"]


def _after_an_answer(tracker: Tracker) -> bool:
    """Whether a subject is under discussion and the last reply (the question
    whether it helped aside) answered it: "tell me more" after an emergency or a
    crisis reply is not about the scars discussed before."""
    replies = [text for text in _bot_texts(tracker) if text != message("feedback_question")]
    return isinstance(tracker.get_slot("topic"), str) and bool(replies) and settings.DISCLAIMER in replies[-1]


def _more_reply(tracker: Tracker) -> Reply:
    """More about the subject under discussion ("tell me more"): what the sources
    say of it beyond the replies already given, or that they say nothing more."""
    remembered = remembered_values(tracker)
    subject = Question(tracker.get_slot("topic"), tuple(remembered["scar_type"]), tuple(remembered["treatment"]))
    shown = "\n".join(_bot_texts(tracker))
    try:
        with new_session() as session:
            more = more_about(session, subject, shown)
    except SQLAlchemyError as error:
        return Reply(cautioned(tracker, store_unreachable(error)))
    if more is None:
        return Reply(cautioned(tracker, message("nothing_more")))
    return Reply(cautioned(tracker, more.text), answer=more, kind=answer_kind(more, 1), booking=offers_booking([subject.topic]))


def refers_to_the_subject(tracker: Tracker) -> bool:
    """A short message that refers back ("how long do they last?"), asks for more
    ("tell me more") or for examples ("like what") while a subject is under
    discussion: the subject settles what the model was unsure of."""
    text = _text(tracker)
    return _short_while_a_subject_is_discussed(tracker) and (
        refers_back(text) or ((asks_for_more(text) or asks_for_examples(text)) and _after_an_answer(tracker))
    )


def asks_an_aspect_of_the_subject(tracker: Tracker) -> bool:
    """A short aspect question that names nothing ("how many sessions do u need")
    while a subject is under discussion."""
    return (
        _short_while_a_subject_is_discussed(tracker)
        and asked_aspect(_text(tracker)) is not None
        and not any(mentioned_values(tracker).values())
    )


# "what can you do?", "can you help me": what the bot does, not how to treat.
_ASKS_THE_BOT = re.compile(r"\b(?:what (?:else )?(?:can|could) (?:you|u)|(?:can|could) (?:you|u) (?:help|do))\b", re.IGNORECASE)


def asks_how_to_treat_the_subject(tracker: Tracker) -> bool:
    """A short message that asks how to treat ("ok so what would actually help") right
    after an answer about a subject (not after a crisis or emergency reply)."""
    text = _text(tracker)
    return (
        _short_while_a_subject_is_discussed(tracker)
        and _after_an_answer(tracker)
        and asks_how_to_treat(text)
        and not _ASKS_THE_BOT.search(text)
    )


def _short_while_a_subject_is_discussed(tracker: Tracker) -> bool:
    return tracker.get_slot("topic") is not None and len(_text(tracker)) <= MAX_FOLLOW_UP_CHARS


def cautioned(tracker: Tracker, reply: Text) -> Text:
    """The reply after the cautions its message calls for (a plan to treat oneself,
    pregnancy, isotretinoin ...: bot/dialogue/risk_context.py)."""
    return "\n\n".join([*cautions(_text(tracker)), reply])


def _text(tracker: Tracker) -> Text:
    text = (tracker.latest_message or {}).get("text")
    return text if isinstance(text, str) else ""


def caution_reply(tracker: Tracker) -> Optional[Text]:
    """For a message no answer fits, the cautions that stand alone (a skin reaction,
    a plan to treat oneself) with the disclaimer; None when it calls for none."""
    found = cautions(_text(tracker), standalone_only=True)
    return "\n\n".join([*found, settings.DISCLAIMER]) if found else None


def send_clinic_contact(dispatcher: CollectingDispatcher, tracker: Tracker) -> List[Dict[Text, Any]]:
    """The clinic's contact (clinic_reply) with the booking button; no events."""
    dispatcher.utter_message(text=clinic_reply(tracker), buttons=[booking_button()])
    return []


def clinic_reply(tracker: Tracker) -> Text:
    """The clinic's contact, after any caution the message calls for ("found filler
    pens online for £40, going to inject my scars"). A price asked for a named
    treatment first says plainly that the sources don't cover it."""
    return cautioned(tracker, _clinic_text(tracker))


def _clinic_text(tracker: Tracker, remembered: bool = True) -> Text:
    """The clinic's contact; for a price, first that the sources don't cover it. With
    `remembered`, a price that refers back is that of the treatment last discussed; not
    beside other questions, which it may refer to instead."""
    aspect = asked_aspect(_text(tracker))
    if aspect is None or aspect.ask != "clinic":
        return clinic_info_text()
    named = _known_treatments(mentioned_values(tracker)["treatment"])
    if named:
        return not_covered_text(aspect, named[0])
    if (
        remembered
        and tracker.get_slot("topic") in TREATMENT_TOPICS
        and (refers_back(_text(tracker)) or is_elliptical(_text(tracker)))
        and not _CLINIC_FEES.search(_text(tracker))
    ):
        # "how much does it cost?" or "and the price?" after an answer about treatment: the price
        # of what was discussed ("how much does a consultation cost?" is not).
        discussed = _known_treatments(plain_values(tracker.get_slot("treatment")))
        return not_covered_text(aspect, discussed[0] if discussed else None)
    return clinic_info_text()


# What the clinic charges for besides a treatment ("what about the consultation fee?").
_CLINIC_FEES = re.compile(r"\b(consult\w*|appointment|visit|booking|deposit|parking|cancellation)\b", re.IGNORECASE)


def _known_treatments(values: List[Text]) -> List[Text]:
    return [value for value in values if value in canonical_values("treatment")]


def personal_advice_from_tracker(tracker: Tracker) -> Reply:
    aspect = asked_aspect(_text(tracker))
    if aspect is not None and aspect.ask == "clinic":
        # "what would a laser session cost me": a price, which only the clinic can give.
        return Reply(clinic_reply(tracker))
    values = {entity: list(dict.fromkeys(found)) for entity, found in mentioned_values(tracker).items()}
    if not any(values.values()) and aspect is not None:
        # "how many would I need" after chemical peels: that aspect of the subject under discussion.
        values = remembered_values(tracker)
    try:
        with new_session() as session:
            answer = personal_advice_reply(session, _text(tracker), values["scar_type"], values["treatment"])
    except SQLAlchemyError as error:
        return Reply(cautioned(tracker, store_unreachable(error)))
    return Reply(cautioned(tracker, answer.text), answer=answer, kind="personal advice", booking=True)


def passages_reply(tracker: Tracker) -> Optional[Reply]:
    """The passages of the documents that contain the message's unfamiliar words,
    after the cautions it calls for (under 18, pregnancy ...: however little else
    was understood); None when nothing relevant is stored."""
    try:
        with new_session() as session:
            answer = answer_from_passages(session, _text(tracker))
    except SQLAlchemyError as error:
        return Reply(store_unreachable(error))
    return None if answer is None else Reply(cautioned(tracker, answer.text), answer=answer, kind="passages")


def store_unreachable(error: SQLAlchemyError) -> Text:
    logger.error("Knowledge store unreachable (%s); the patient was asked to try again.", type(error).__name__)
    return unavailable_text()
