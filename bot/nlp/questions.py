"""Several questions in one message ("what causes them and how do I get rid of
them?"): a Rasa NLU component that finds each question and the topic it asks
about, so the answering action can answer each one, in order.

DIET reads a message as one intent. This component splits the text into
questions (sentences and clauses joined by "and", "also" ... that start like a
question or end in "?") and classifies each with the small intent model
(bot/nlp/intent_model.py), trained by `rasa train` on the same NLU examples.
When two to three questions ask about different topics (a price or a booking
may be one of them, beside a medical question) it adds them to the parse data
as `questions`; Rasa keeps that in the tracker, where the action reads it. When
DIET could not place the whole, read it as out of scope or clinic business, or
read another kind of request less surely than every question is read, the
message gets its first medical question's intent so that the answering action
runs.

A story around a question ("I'm 32 and my acne came back ... what treatments
are out there?") is read by DIET as a whole, so the story's words can outweigh
the question's. When the surest question-like part clearly asks about a topic,
and more surely than DIET reads the whole, the message gets that topic: the
question says what is asked, the story only its context (its entities and risk
contexts are still read from the whole message).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Text

import numpy as np
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.dialogue.context import ASKS_ABOUT_TREATING, NAMES_TREATING, PREVENTING, WITHOUT_TREATMENT
from bot.dialogue.topics import CLINIC_INTENTS, FALLBACK, topic_of_intent
from bot.nlp.follow_ups import FOLLOW_UP
from bot.nlp.intent_model import WithIntentModel

QUESTIONS = "questions"
TREATMENT = "ask_treatment"
PREVENTION = "ask_prevention"
CAPABILITIES = "ask_capabilities"
# Readings of a story's question that refer back to the story rather than name a topic.
REFERS_BACK = {FOLLOW_UP, CAPABILITIES}
MAX_QUESTIONS = 3
# A question's own topic must be at least this likely; below it, the part is
# context or chatter ("I'm 16 and my skin is oily.") and not asked about.
MIN_CONFIDENCE = 0.45
# A story's one question decides the topic from this probability on; when the
# whole message was not understood or read as small talk, from MIN_CONFIDENCE on
# ("could you rephrase" or "goodbye" after a long story is the worst reply it could get).
FOCUS_CONFIDENCE = 0.6
# A later part read as a follow-up is read as its next intent from this probability on.
MIN_SECOND_READING = 0.25
# Story words around the question, at least: shorter messages are the question.
MIN_STORY_WORDS = 8
# Intents the question of a story may replace: other topics, "not understood", and
# small talk (a story that asks a question is no greeting, goodbye, thanks or rating
# of an answer, however "off to college soon" or "it looked great" reads). Personal
# advice, the clinic and follow-ups stay as they are (several questions are weighed
# against them in _questions_win).
SMALL_TALK = {"greet", "goodbye", "thank", "answer_helped", "answer_not_helpful"}
REPLACEABLE = {FALLBACK, "out_of_scope", *SMALL_TALK}
# Readings that would leave a story's question unanswered: its question decides from
# MIN_CONFIDENCE on, as when the whole was not understood.
UNANSWERING = {FALLBACK, *SMALL_TALK}
QUESTION_START = (
    r"(?:what|whats|what's|how|hows|why|when|where|which|who|is|are|am|can|could|do|does|did|will|would|"
    r"should|shall|any|anything|tell|explain|wondering|wonder|"
    # text-speak: "r my scars permanent", "wat helps"
    r"r|wat|wats|wot)\b"
)
# Sentence ends, a colon ("quick question: …"), an emoji ("sorry 🙈 what causes …") and
# the numbers of a list ("1) do you treat raised scars 2) what causes ice pick ones").
_SENTENCE_END = re.compile(
    r"(?<=[?!.;:\u2600-\u27bf\ufe0f\U0001f300-\U0001faff])\s+|\n+"
    # "2)" after a space, "1." or "1)" right after a sentence end or a colon; whitespace is
    # matched from its first character only, so a long run of it is read once.
    r"|(?<!\s)\s+\(?\d{1,2}\)\s+|(?<=[:;?!.]\s)\(?\d{1,2}[.)]\s+"
)
# A clause after a comma that starts like a question ("what causes them, do they go away
# by themselves, and …"; "dents on my cheeks, what are they called").
_COMMA_QUESTION = r",\s*(?=(?:what|whats|what's|how|why|which|when|where|do|does|did|is|are|can|could|will|would|should)\s)"
_JOINED_QUESTION = re.compile(
    r"(?:,\s*|(?<!\s)\s+)(?:and|also|plus|&|\+|but|or)\s+(?:also\s+|then\s+|if\s+(?:not|so)\s*,?\s*)?"
    # "and roughly how much is it"
    r"(?:(?:roughly|approximately|realistically|honestly|generally|usually|typically|just|finally)\s+)?(?="
    + QUESTION_START
    + ")|"
    + _COMMA_QUESTION,
    re.IGNORECASE,
)
# "also" and "plus" lead into a question ("also, how much is it?") but start story clauses too ("and also my cheeks ...").
_STARTS_LIKE_QUESTION = re.compile(
    r"^\W*(?:and\s+|so\s+|also,?\s+|plus,?\s+|but\s+|ok\s+|okay\s+)?" + QUESTION_START, re.IGNORECASE
)


@dataclass(frozen=True)
class Part:
    text: str
    start: int
    end: int


def split_questions(text: str) -> list[Part]:
    """The parts of a message that read as questions, with their character spans."""
    parts = []
    for sentence in _spans(text, _SENTENCE_END, 0, len(text)):
        for clause in _spans(text, _JOINED_QUESTION, sentence.start, sentence.end):
            if _word_count(clause.text) >= 2 and (clause.text.rstrip().endswith("?") or _STARTS_LIKE_QUESTION.match(clause.text)):
                parts.append(clause)
    return parts


def _asks_how_to_treat_what_came_before(text: str, reading: str, whole: Optional[str]) -> bool:
    """Whether a question read as a follow-up ("... What can actually be done about
    them?") or as asking what the bot can do ("... What are my options?") asks how to
    treat the scars told of before it. Not when the whole story was read as prevention
    ("terrified of scarring, what are my options?"), out of scope or small talk (a
    surgery scar, "hi, I'm Sam ... what can you do?"), nor when it asks how to prevent."""
    if whole in {PREVENTION, "out_of_scope", *SMALL_TALK} or PREVENTING.search(text) or WITHOUT_TREATMENT.search(text):
        return False
    if reading == FOLLOW_UP:
        return bool(ASKS_ABOUT_TREATING.search(text))
    return reading == CAPABILITIES and bool(NAMES_TREATING.search(text))


def _word_count(text: str) -> int:
    return len(re.findall(r"[A-Za-z]+", text))


def _inside(entity: Dict[Text, Any], part: Part) -> bool:
    return part.start <= entity.get("start", -1) < part.end


def _spans(text: str, separator: re.Pattern, start: int, end: int) -> list[Part]:
    spans, position = [], start
    for match in separator.finditer(text, start, end):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, end))
    return [Part(text[a:b].strip(), a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in spans if text[a:b].strip()]


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True)
class QuestionSplitter(WithIntentModel):
    def questions(self, text: str, entities: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
        """Up to three questions on different topics, in order, each with its intent
        and the entities inside it; [] when the message asks one thing. A question
        of clinic business (a price, a booking) counts beside a medical one."""
        parts = split_questions(text)
        if self.model is None or len(parts) < 2:
            return []
        found: List[Dict[Text, Any]] = []
        # The scar types and treatments named outside every question ("I have rolling scars,
        # what causes them, how do I get rid of them?") are what questions naming none ask about.
        context = [e for e in entities if not any(_inside(e, part) for part in parts)]
        for part, intent, confidence in self._readings(parts, several=True):
            if confidence < MIN_CONFIDENCE or (topic_of_intent(intent) is None and intent not in CLINIC_INTENTS):
                continue
            inside = [e for e in entities if _inside(e, part)] or context
            question = {"intent": intent, "text": part.text, "entities": inside, "confidence": confidence}
            if found and found[-1]["intent"] == intent and not inside:
                continue
            found.append(question)
        distinct = {(q["intent"], frozenset((e.get("entity"), str(e.get("value"))) for e in q["entities"])) for q in found}
        asks_a_topic = any(topic_of_intent(q["intent"]) for q in found)
        return found[:MAX_QUESTIONS] if len(distinct) >= 2 and asks_a_topic else []

    def story_question(
        self, text: str, threshold: float = FOCUS_CONFIDENCE, asked_only: bool = False, whole: Optional[str] = None
    ) -> Optional[Dict[Text, Any]]:
        """The intent a story's question asks (with its probability): of the parts that
        read as questions, the one the model reads most surely as a topic, when it
        is at least `threshold` likely and the story around it is long enough; else None.
        Parts with a question mark come first: "also" or "and is" can start a clause
        of the story too; with `asked_only`, only they count. `whole` is how the whole
        message was read (see _readings)."""
        parts = split_questions(text)
        asked = [part for part in parts if part.text.endswith("?")]
        parts = asked if asked_only else asked or parts
        if not parts:
            return None
        words = _word_count(text)
        story_words = [words - _word_count(part.text) for part in parts]  # the story around each part
        # No part has a story around it: nothing to read (most messages, a model prediction saved).
        if self.model is None or all(count < MIN_STORY_WORDS for count in story_words):
            return None
        topical = [
            (reading, count)
            for reading, count in zip(self._readings(parts, in_a_story=True, whole=whole), story_words, strict=True)
            if topic_of_intent(reading[1]) is not None
        ]
        if not topical:
            return None
        (_, intent, confidence), count = max(topical, key=lambda item: item[0][2])
        if confidence < threshold:
            return None
        return {"name": intent, "confidence": confidence} if count >= MIN_STORY_WORDS else None

    def _readings(
        self, parts: List[Part], several: bool = False, in_a_story: bool = False, whole: Optional[str] = None
    ) -> List[tuple[Part, str, float]]:
        """Each part with the small model's likeliest intent for it and its probability.
        A part that refers back to the story around it (`in_a_story`) or, with
        `several`, to the question before it ("Do scars go away without treatment?
        And if they don't, what are my options?") and asks how to treat what it refers
        to is about treatment (_asks_how_to_treat_what_came_before). Otherwise, with
        `several`, a later part read as a follow-up ("… and can it be prevented?") asks
        its likeliest other intent, with that intent's share of the probability left
        beside the follow-up reading, when the model gave that intent at least
        MIN_SECOND_READING (a small one would be inflated: "why is that?"); a later
        part whose second reading is a follow-up gets its own reading's share of
        the probability left beside the follow-up reading in the same way."""
        readings = []
        classes = [str(name) for name in self.model.classes_]
        for index, (part, probabilities) in enumerate(zip(parts, self.probabilities([part.text for part in parts]), strict=True)):
            # Likeliest first; a stable sort keeps argmax's choice between equal readings.
            best, *rest = (int(i) for i in np.argsort(-probabilities, kind="stable")[:2])
            intent, confidence = classes[best], float(probabilities[best])
            refers_back = in_a_story or (several and index > 0)
            if refers_back and _asks_how_to_treat_what_came_before(part.text, intent, whole):
                # Each of those readings means the treatments here: their probabilities add up.
                intent = TREATMENT
                confidence = sum(
                    float(probabilities[classes.index(name)]) for name in {*REFERS_BACK, TREATMENT} if name in classes
                )
            elif several and index > 0 and intent == FOLLOW_UP and rest and probabilities[rest[0]] >= MIN_SECOND_READING:
                intent, confidence = classes[rest[0]], float(probabilities[rest[0]]) / (1.0 - confidence)
            elif several and index > 0 and rest and classes[rest[0]] == FOLLOW_UP:
                # "... and can early treatment stop that": that it follows on is no rival reading.
                confidence /= 1.0 - float(probabilities[rest[0]])
            readings.append((part, intent, confidence))
        return readings

    @staticmethod
    def _questions_win(intent: dict, questions: List[Dict[Text, Any]]) -> bool:
        """Whether the questions, not DIET's reading of the whole, say what to do: when
        the whole was not understood, read as out of scope or as clinic business
        beside medical questions, or as another kind of request (personal advice,
        a follow-up, small talk) less surely than every question is read. A topic
        DIET reads in the whole is answered with the questions anyway."""
        name = intent.get("name")
        # Clinic business asked beside a medical question: the answer, then the clinic's contact.
        if name in (FALLBACK, "out_of_scope", *CLINIC_INTENTS):
            return True
        if topic_of_intent(name) is not None:
            return False
        return float(intent.get("confidence", 0.0)) < min(question["confidence"] for question in questions)

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            questions = self.questions(message.get(TEXT) or "", message.get(ENTITIES) or [])
            if not questions:
                current: Optional[dict] = message.get(INTENT)
                name = (current or {}).get("name")
                if name in REPLACEABLE or topic_of_intent(name) is not None:
                    threshold = MIN_CONFIDENCE if name in UNANSWERING else FOCUS_CONFIDENCE
                    # A thank-you or goodbye may say what it thanks for ("... why my scars look
                    # worse in the morning. See you!"): only a question asked with "?" replaces it.
                    asked = self.story_question(message.get(TEXT) or "", threshold, asked_only=name in SMALL_TALK, whole=name)
                    # The likelier reading wins: the question alone, or DIET's of the whole.
                    if (
                        asked is not None
                        and asked["name"] != name
                        and asked["confidence"] > (current or {}).get("confidence", 0.0)
                    ):
                        message.set(INTENT, asked, add_to_output=True)
                continue
            message.set(QUESTIONS, questions, add_to_output=True)
            intent: Optional[dict] = message.get(INTENT)
            if not intent or self._questions_win(intent, questions):
                first = next(q for q in questions if topic_of_intent(q["intent"]))
                message.set(
                    INTENT,
                    {"name": first["intent"], "confidence": intent.get("confidence", 0.0) if intent else 0.0},
                    add_to_output=True,
                )
        return messages
