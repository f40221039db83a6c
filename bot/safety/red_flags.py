"""Detecting messages that describe an emergency or self-harm.

Deliberately rule-based, so it is predictable and testable: a trained
classifier may miss an emergency it has not seen. A red flag is a symptom
pattern (vision changes, white or dusky skin or severe pain after an injection;
difficulty breathing or throat or face swelling; fever with spreading redness;
heavy bleeding) in a message that describes it happening. General questions
("can fillers cause swelling?") are not red flags. Words are
corrected against the red-flag vocabulary first, so "cant breath" and
"sucidal" still count.
"""
from __future__ import annotations

import difflib
import re
from enum import Enum
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS


class RedFlag(str, Enum):
    EMERGENCY = "emergency"
    CRISIS = "crisis"


SELF_HARM = re.compile(
    r"\b(kill(ing)? my ?self|killmyself|suicid\w*|end(ing)? (it all|my life|things)|take my (own )?life"
    r"|want(ed)? to die|wanna die|wish i (was|were) dead|better off dead|self[- ]?harm\w*"
    r"|(hurt|hurting|cut|cutting|harm|harming) my ?self|no (reason|point) (to|in) (live|living|going on)"
    r"|don'?t want to (live|be alive|be here anymore|exist))\b"
)

BREATHING = re.compile(
    r"\b((can'?t|cannot|can not|could ?n'?t|struggling to|hard to|trouble|difficulty|difficult to|unable to|barely) (\w+ )?breath(e|ing)?"
    r"|short(ness)? of breath|throat (is |feels )?(closing|swelling|swollen|tight)"
    r"|(tongue|lips?|face|throat|mouth|eyes?|eyelids?) (is |are |has |have |feels? |keeps? )?(getting )?(swelling|swollen|puff(ing|ed|y) up|blown up|ballooning)"
    r"|swelling (of|in) (my )?(face|throat|lips?|tongue|mouth))\b"
)
VISION = re.compile(
    r"\b((blurr(y|ed)|double|lost|losing|loss of|changes? in|dim|dark|strange|weird) (my )?(vision|sight|eyesight)"
    r"|(vision|sight|eyesight) (is |has |went |goes |going |gone |got |keeps? )?(\w+ )?(blurr\w*|double|dark|dim|weird|strange|chang\w*|bad|worse|lost|funny|fuzzy)"
    r"|can'?t see|cannot see|(gone|going|went) blind|blind in)\b"
)
SKIN_COLOUR = re.compile(
    r"\b(skin|area|spot|site|injection|lips?|cheeks?|nose|face|forehead|chin|it) (is |has |went |turned |turning |looks? |gone |going |got |getting )*(very |really |all )?"
    r"(white|pale|blanch\w*|dusky|blue|bluish|grey|gray|purple|mottled|black)\b"
)
SEVERE_PAIN = re.compile(
    r"\b((severe|extreme|intense|terrible|unbearable|excruciating|horrible|awful|worst|agonising|agonizing) pain"
    r"|pain( \w+){0,4} (is|was|feels|getting) (so |really |very )?(bad|severe|unbearable|extreme|intense|excruciating|terrible|worse)"
    r"|hurts? (so|really|very) (bad|badly|much))\b"
)
INJECTION = re.compile(r"\b(filler|fillers|inject\w*|juvederm|shot|needle)\b")
FEVER = re.compile(r"\b(fever|feverish|high temperature|temperature|chills|shivering)\b")
SPREADING = re.compile(
    r"\b(spread\w*|getting (bigger|worse|redder|hotter)|hot and (red|swollen)|red streaks?|pus|oozing|growing)\b"
)
HEAVY_BLEEDING = re.compile(
    r"\b((heavy|heavily|a lot of|lots of|won'?t stop|will not stop|not stopping|can'?t stop|keeps?|pouring|gushing|profuse\w*) (\w+ ){0,3}bl(ee|oo)d\w*"
    r"|bleed\w* (\w+ ){0,3}(heavily|a lot|won'?t stop|will not stop|for (an hour|hours|ages)|everywhere|through)"
    r"|blood everywhere|soaked in blood)\b"
)
PERSONAL = re.compile(r"\b(i|i'm|im|i've|ive|my|me|mine|i'd)\b")
# A question about what can happen ("can fillers cause swelling?") is not a red
# flag, unless it also says it is happening ("is it normal that my vision is blurry?").
QUESTION = re.compile(r"^(can|could|does|do|did|will|would|might|may|is|are|was|what|how|why|should|if|when)\b(?!')")
HAPPENING_NOW = re.compile(
    r"\b(right now|currently|started|starting|since|won'?t stop|still"
    r"|my \w+( \w+)? (is|are|has|have|went|turned|keeps?|won'?t)|i (have|had|got|can'?t|cannot|am)|i'm|im)\b"
)

VOCABULARY = (
    "breathe breathing breath throat tongue swelling swollen vision blurry blurred eyesight blind "
    "bleeding bleed blood heavily fever feverish spreading redness streaks filler fillers injection "
    "injected juvederm suicide suicidal myself severe extreme excruciating unbearable terrible dusky "
    "purple bluish blanched mottled white painful"
).split()


@lru_cache(maxsize=4096)
def _correct(word: str) -> str:
    if len(word) < 5 or word in STOP_WORDS or word in VOCABULARY:
        return word
    match = difflib.get_close_matches(word, VOCABULARY, n=1, cutoff=0.8)
    return match[0] if match else word


def normalise(text: str) -> str:
    text = text.lower().replace("’", "'")
    text = re.sub(r"\bcant\b", "can't", text)
    text = re.sub(r"\bwont\b", "won't", text)
    words = re.findall(r"[a-z']+|[^a-z'\s]", text)
    return " ".join(_correct(word) for word in words)


def detect(text: str) -> RedFlag | None:
    """The red flag a message raises, if any; self-harm first."""
    message = normalise(text)
    if SELF_HARM.search(message):
        return RedFlag.CRISIS
    if QUESTION.search(message) and not HAPPENING_NOW.search(message):
        return None
    if BREATHING.search(message) and (PERSONAL.search(message) or re.search(r"can'?t breath|cannot breath", message)):
        return RedFlag.EMERGENCY
    if INJECTION.search(message) and (VISION.search(message) or SKIN_COLOUR.search(message) or SEVERE_PAIN.search(message)):
        return RedFlag.EMERGENCY
    if VISION.search(message) and re.search(r"\b(sudden\w*|lost|losing|can'?t see|cannot see|blind)\b", message):
        return RedFlag.EMERGENCY
    if FEVER.search(message) and SPREADING.search(message):
        return RedFlag.EMERGENCY
    if HEAVY_BLEEDING.search(message):
        return RedFlag.EMERGENCY
    return None
