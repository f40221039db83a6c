"""Replies to requests the assistant must not answer for one person: a diagnosis,
a dose, or a choice of treatment. They need a dermatologist in person; the
general information that is safe to give follows."""
from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot import settings
from bot.answers import answer_question

REFUSAL = (
    "I can't tell what your own skin needs: saying which type of scar you have, which "
    "dose of a medicine to take or which treatment to choose needs a dermatologist who "
    "can examine you in person."
)
MEDICINE = re.compile(r"\b(dose|dosage|doses|mg|milligrams?|isotretinoin|accutane|doxycycline|antibiotics?|medicines?|medications?|pills?|tablets?|prescription|retinol|retinoids?|take)\b", re.I)
CHOICE = re.compile(r"\b(which|should i|better|best|choose|recommend|get|need)\b", re.I)


def personal_advice_reply(session: Session, text: str, scar_types=(), treatments=()) -> str:
    if MEDICINE.search(text):
        return (
            f"{REFUSAL} Please ask your dermatologist or the doctor who prescribed it about "
            f"medicines and doses.\n\n{settings.DISCLAIMER}"
        )
    topic = "treatment" if treatments or (CHOICE.search(text) and not scar_types) else "scar_types"
    general = answer_question(session, topic, scar_types, treatments, question="")
    return f"{REFUSAL} Here is the general information I can share.\n\n{general.text}"
