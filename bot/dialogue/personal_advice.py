"""Replies to requests the assistant must not answer for one person: a diagnosis,
a dose, or a choice of treatment. They need a dermatologist in person; the
general information that is safe to give follows."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot import settings
from bot.dialogue.answers import Answer, Question, answer_questions, aspect_lines
from bot.dialogue.messages import message

# A dose, or whether to take or stop a medicine: "how many mg should I take", "should I stop my
# antibiotics". Naming a medicine is not asking about it ("I'm on isotretinoin, what are these
# wavy patches called?").
MEDICINE = re.compile(
    r"\b(dose|dosage|doses|mg|milligrams?)\b"
    r"|\b(take|taking|stop|stopping|start|starting|come off|go on|double|skip)\b.{0,40}\b(isotretinoin|accutane|doxycycline"
    r"|spironolactone|antibiotics?|medicines?|medications?|meds|pills?|tablets?|prescription|retinol|retinoids?)\b"
    r"|\b(isotretinoin|accutane|doxycycline|spironolactone|antibiotics?|medicines?|medications?|pills?|tablets?|retinol|retinoids?)\b"
    r".{0,40}\b((should|can|do) i (keep )?(take|taking|stop|start|double|skip|come off)|how much|how many (mg|pills|tablets|capsules)"
    r"|how often)\b",
    re.I,
)
CHOICE = re.compile(r"\b(which|should i|better|best|choose|recommend|get|need)\b", re.I)
# "I have ice pick scars, which treatment should I get?" asks about treating them, not what they are.
TREATING = re.compile(r"\b(treatments?|treat|treating|procedures?|get rid of|fix|options)\b", re.I)


def personal_advice_reply(session: Session, text: str, scar_types=(), treatments=()) -> Answer:
    """The refusal, then the general information (with the entries it gives)."""
    if MEDICINE.search(text):
        return Answer(f"{message('personal_advice_refusal')} {message('personal_advice_medicines')}\n\n{settings.DISCLAIMER}", ())
    topic = "treatment" if treatments or TREATING.search(text) or (CHOICE.search(text) and not scar_types) else "scar_types"
    # "can you tell what kind of scars I have": how a dermatologist tells, then the types.
    asked = [Question("diagnosis")] if topic == "scar_types" else []
    general = answer_questions(session, [*asked, Question(topic, tuple(scar_types), tuple(treatments))])
    refusal = f"{message('personal_advice_refusal')} {message('personal_advice_general_follows')}"
    # "would one peel be enough for my ice picks": what the sources say of that aspect comes first.
    aspects = aspect_lines(session, Question(topic, tuple(scar_types), tuple(treatments), text))
    return Answer("\n\n".join([refusal, *aspects, general.text]), general.entry_keys, general.passage_ids)
