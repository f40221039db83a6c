"""The question topics the assistant answers, each with a short label for buttons.

A topic's intent in the NLU data is `ask_<topic>`.
"""
from __future__ import annotations

TOPICS: dict[str, str] = {
    "overview": "What acne scars are",
    "causes": "What causes acne scars",
    "scar_types": "Types of acne scars",
    "picking": "Does picking cause scars?",
    "treatment": "Treatments",
    "prevention": "Preventing scars",
    "symptoms": "Signs of acne scars",
    "diagnosis": "How scars are diagnosed",
    "see_doctor": "When to see a doctor",
    "specialist": "Which specialist to see",
    "go_away": "Do scars go away?",
    "acne_severity": "Mild vs severe acne",
    "genetics": "Genetics and scarring",
    "emotional_impact": "Emotional impact",
    # The documents say nothing about pain, side effects or recovery time: the
    # topic exists so such questions get "my sources don't cover that", not an
    # unrelated treatment answer.
    "side_effects": "Pain and side effects",
}

INTENT_PREFIX = "ask_"


def topic_of_intent(intent: str | None) -> str | None:
    """The topic an intent asks about, or None for any other intent."""
    if intent and intent.startswith(INTENT_PREFIX):
        topic = intent[len(INTENT_PREFIX):]
        if topic in TOPICS:
            return topic
    return None
