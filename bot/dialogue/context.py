"""Conversation context: which scar types and treatments a question is about.

Values named in the message win. A message that names none but refers back
("how are they treated?", "what about it?") keeps the values under discussion;
any other message is a general question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

ENTITIES = ("scar_type", "treatment")
# The topics a follow-up naming a new treatment stays on; on any other it asks about the treatment.
TREATMENT_TOPICS = ("treatment", "side_effects")
# A follow-up that asks how to treat what was discussed, after a topic about the scars themselves
# (not after prevention or feelings: "what can i do to stop new ones forming?").
ABOUT_THE_SCARS = ("overview", "scar_types", "causes", "symptoms", "go_away", "genetics", "acne_severity", "picking")
WITHOUT_TREATMENT = re.compile(r"\bwithout (?:any )?treat", re.IGNORECASE)
# "can anything be done to prevent more scars?": how to prevent them, not how to treat them.
PREVENTING = re.compile(
    r"\b(?:prevent\w*|stop\w*|avoid\w*|(?:lower|reduce|cut) (?:my|the|his|her|their|our) (?:chances?|risk))\b", re.IGNORECASE
)
# "what if i already have them?", "and for existing scars?": scars there already, which prevention cannot help.
ALREADY_SCARRED = re.compile(
    r"\b(?:already (?:have|has|got|had)|(?:have|has|'ve|ve) already got) (?:them|those|these|scars?|scarring|acne scars)\b"
    r"|\bones? (?:i|you|we|they|he|she) (?:already )?(?:have|has|got)\b|\bexisting (?:ones?|scars?)\b",
    re.IGNORECASE,
)
# "... i already have a few, how do i make sure i dont get more": still how to prevent.
_MORE_TO_COME = re.compile(r"\b(?:more|new ones|make sure|don'?t get|do not get|keep (?:them|it) from)\b", re.IGNORECASE)
# "what can be done", "what can i do": how to treat what was spoken of, or (of acne) how to prevent scars.
WHAT_CAN_BE_DONE = (
    r"what can (?:\w+ly )?(?:be|i|you|we) (?:\w+ly )?(?:do|done)|(?:can|could) (?:anything|something) be done"
    r"|(?:do|done) (?:anything|something) (?:about|for|with)"
)
NAMES_TREATING = re.compile(
    r"\b(?:what (?:are|r) (?:the|my) options|any options|get rid of|treat|treated"
    r"|treating|treatments?|fix|fixed|removed?|smooth(?:ed)? (?:them |it )?out)\b",
    re.IGNORECASE,
)
# "ok so what would actually help"
WHAT_WOULD_HELP = r"what (?:\w+ly )?(?:would|will|could|might) (?:\w+ly )?(?:help|work)"
ASKS_ABOUT_TREATING = re.compile(rf"\b(?:{WHAT_CAN_BE_DONE}|{WHAT_WOULD_HELP})\b|{NAMES_TREATING.pattern}", re.IGNORECASE)


def asks_how_to_treat(text: str) -> bool:
    """ "what can be done about them?", "is it too late to do anything about them?"; not
    "do they go away without treatment?" nor "can anything be done to prevent more?"."""
    return bool(ASKS_ABOUT_TREATING.search(text)) and not WITHOUT_TREATMENT.search(text) and not PREVENTING.search(text)


_WHAT_TO_DO = re.compile(rf"\b(?:{WHAT_CAN_BE_DONE}|get rid of)\b", re.IGNORECASE)


def asks_what_to_do(text: str) -> bool:
    """ "what can I do about acne scars?": what to do about them, which an overview of
    acne scars does not answer; not "what can I do to prevent them?"."""
    return bool(_WHAT_TO_DO.search(text)) and not PREVENTING.search(text) and not WITHOUT_TREATMENT.search(text)


# The longest message read as a short follow-up ("and lasers?", "how long do they last?").
MAX_FOLLOW_UP_CHARS = 80
REFERRING_WORDS = frozenset({"they", "them", "their", "it", "its", "those", "these", "that", "this", "ones", "one"})


# "what kinds of laser are there?", "which types of fillers": the kinds of a treatment, not of scars.
_KINDS_OF = re.compile(
    r"(?:\b(?:types|kinds|sorts|forms|varieties)|\b(?:what|which|different|any)\s+(?:\w+\s+)?(?:type|kind|sort|form|variety))"
    r"\s+of\s+(?:(?:the|all|different|the different|all the)\s+)?$",
    re.IGNORECASE,
)
_KINDS_AFTER = re.compile(r"^\s*(?:treatments?\s+)?(?:types|kinds|sorts|varieties)\b", re.IGNORECASE)


def kinds_of_treatment_asked(text: str, entities: list) -> set[str]:
    """The treatments whose kinds the message asks about ("types of laser", "laser types")."""
    asked = set()
    for entity in entities:
        if not isinstance(entity, dict):
            continue
        start, end = entity.get("start"), entity.get("end")
        if entity.get("entity") != "treatment" or not isinstance(start, int) or not isinstance(end, int):
            continue
        if _KINDS_OF.search(text[:start]) or _KINDS_AFTER.search(text[end:]):
            asked.add(str(entity.get("value")))
    return asked


@dataclass(frozen=True)
class Subject:
    topic: str
    values: dict[str, list[str]] = field(default_factory=dict)

    def get(self, entity: str) -> list[str]:
        return self.values.get(entity, [])


# "what about boxcar scars?", "and microneedling?", "how about for rolling ones":
# whatever the intent model makes of them, they continue the topic under discussion.
ELLIPTICAL = re.compile(
    r"^\W*(?:ok(?:ay)?\W+|so\W+|and\W+)?(?:what|how)\s+about\b"
    # "and lasers?", but not a whole question after "and" ("and does that hurt?")
    r"|^\W*and\s+(?!(?:does|do|did|is|are|was|were|has|have|had|am|can|could|will|would|should|how|what|why|when|where|which"
    r"|who|i|it|they|they're|you|r|u|wat|wot|whats|what's|hows|how's|wud|shud|cud)\b)"
    r"(?:for\s+|with\s+|the\s+)?[\w\s+-]{1,40}\?*\W*$",
    re.IGNORECASE,
)


# "tell me more", "go on", "anything else?": more about the subject under discussion.
_THAT = r"(?:it|that|them|this|those|that one|this one)"
MORE = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|and|so|yes|yeah|sure|cool|thanks|please|pls)\W+)*"
    r"(?:(?:can|could) (?:you|u)\s+)?"
    r"(?:(?:tell me|say|explain|any|anything|is there) (?:some )?more|more|go on|keep going|continue|anything else|what else"
    r"|elaborate|explain further)"
    rf"(?:\s+(?:info|information|details?))?(?:\s+(?:on|about) {_THAT})?(?:\s+(?:then|please|pls|plz))*\W*$",
    re.IGNORECASE,
)


# "like what", "such as?", "for example?": examples of what the last answer spoke of.
EXAMPLES = re.compile(
    r"^\W*(?:(?:ok(?:ay)?|so|and|um+|hmm+|like)\W+)*(?:like what|such as|for example|for instance|e\.?g\.?"
    r"|(?:any|some|give me(?: some)?|got any) examples?|examples?)(?:\s+(?:please|pls|plz|then))?\W*$",
    re.IGNORECASE,
)


def asks_for_more(text: str) -> bool:
    return bool(MORE.search(text))


def asks_for_examples(text: str) -> bool:
    return bool(EXAMPLES.search(text))


def refers_back(text: str) -> bool:
    return bool(REFERRING_WORDS & set(re.findall(r"[a-z]+", text.lower())))


def is_elliptical(text: str) -> bool:
    """A short follow-up that names only its new subject ("and lasers?")."""
    return len(text) <= MAX_FOLLOW_UP_CHARS and bool(ELLIPTICAL.search(text))


def resolve_subject(
    topic: str | None,
    mentioned: dict[str, list[str]],
    remembered_topic: str | None,
    remembered: dict[str, list[str]],
    text: str,
    follow_up: bool,
) -> Subject:
    """The topic and entity values a message asks about.

    `topic` is None for a follow-up such as "what about boxcar scars?", which
    keeps the topic under discussion.
    """
    keep_values = follow_up or refers_back(text)
    values = {}
    for entity in ENTITIES:
        if mentioned.get(entity):
            values[entity] = list(dict.fromkeys(mentioned[entity]))
        elif keep_values and remembered.get(entity):
            values[entity] = list(remembered[entity])
    if topic is None:
        topic = remembered_topic or _default_topic(values)
        asks_treating = topic in ABOUT_THE_SCARS and asks_how_to_treat(text)
        if (mentioned.get("treatment") or asks_treating) and topic not in TREATMENT_TOPICS:
            # "and lasers, do they work?" after picking, "can anything be done about the dents?":
            # a question about treating them.
            topic = "treatment"
    if (
        topic == "prevention"
        and remembered_topic == "prevention"
        and ALREADY_SCARRED.search(text)
        and not PREVENTING.search(text)
        and not _MORE_TO_COME.search(text)
    ):
        # "what if i already have them?" after how to prevent scars: how to treat them.
        topic = "treatment"
    return Subject(topic, values)


def _default_topic(values: dict[str, list[str]]) -> str:
    if values.get("treatment"):
        return "treatment"
    if values.get("scar_type"):
        return "scar_types"
    return "overview"
