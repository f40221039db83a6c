"""What the answering actions share: reading the question from the tracker, and
a polite reply when the knowledge store cannot be reached."""
import logging
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from sqlalchemy.exc import SQLAlchemyError

from bot.answers import answer_question, unavailable_text
from bot.context import ENTITIES, resolve_subject
from bot.personal_advice import personal_advice_reply
from bot.store.db import new_session
from bot.topics import topic_of_intent


logger = logging.getLogger(__name__)


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


def answer_from_tracker(tracker: Tracker, intent: Optional[Text]) -> Tuple[Text, List[Dict[Text, Any]]]:
    """The answer to the latest message read as `intent`, and the slots that
    remember its subject for a follow-up. If the knowledge store is unreachable,
    an apology and no slot changes (rasa-sdk would otherwise answer Rasa with an
    error that quotes the whole conversation, which Rasa logs)."""
    subject = resolve_subject(
        topic=topic_of_intent(intent),
        mentioned=mentioned_values(tracker),
        remembered_topic=tracker.get_slot("topic"),
        remembered={entity: plain_values(tracker.get_slot(entity)) for entity in ENTITIES},
        text=tracker.latest_message.get("text") or "",
        follow_up=intent == "follow_up",
    )
    try:
        with new_session() as session:
            answer = answer_question(
                session,
                subject.topic,
                subject.get("scar_type"),
                subject.get("treatment"),
                question=tracker.latest_message.get("text") or "",
            )
    except SQLAlchemyError as error:
        return store_unreachable(error), []
    events = [SlotSet("topic", subject.topic)] + [SlotSet(entity, subject.get(entity) or None) for entity in ENTITIES]
    return answer.text, events


def personal_advice_from_tracker(tracker: Tracker) -> Text:
    values = {entity: list(dict.fromkeys(found)) for entity, found in mentioned_values(tracker).items()}
    try:
        with new_session() as session:
            return personal_advice_reply(
                session, tracker.latest_message.get("text") or "", values["scar_type"], values["treatment"]
            )
    except SQLAlchemyError as error:
        return store_unreachable(error)


def store_unreachable(error: SQLAlchemyError) -> Text:
    logger.error("Knowledge store unreachable (%s); the patient was asked to try again.", type(error).__name__)
    return unavailable_text()
