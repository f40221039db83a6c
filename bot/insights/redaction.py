"""Patients' texts with what could identify them taken out, before the staff
report shows or writes them: email addresses, links, phone numbers and every
other digit, and names (after "my name is", "I'm", "call me" ..., and any
capitalised word that the known words do not hold). Over-redacting an unknown
word is the safe side; a name typed in lower case outside an introduction is
not caught (docs/safety.md)."""

from __future__ import annotations

import re
from typing import Iterable

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
# Seven digits or more, with the separators phone numbers are written with.
PHONE = re.compile(r"\+?\d[\d\s().-]{5,}\d")
DIGITS = re.compile(r"\d+")
INTRODUCTION = re.compile(
    r"\b(my name is|name's|i am|i'm|im|call me|this is|it's|its)\s+([A-Za-z][a-z]+)(?:\s+((?-i:[A-Z][a-z]+)))?", re.IGNORECASE
)
WORD = re.compile(r"[A-Za-z][A-Za-z']*")


def known_words(ordinary: Iterable[str], terms: Iterable[str] = ()) -> frozenset[str]:
    """The words to keep, lower-cased: those written in lower case somewhere in
    `ordinary` (patients' messages: a name there is capitalised), and every word of
    `terms` (the documents and the vocabulary: Fraxel, Juvederm, Roaccutane)."""
    lower = {word for text in ordinary for word in re.findall(r"\b[a-z][a-z']+\b", text)}
    return frozenset(lower | {word.lower() for text in terms for word in WORD.findall(text)})


def redact(text: str, known: frozenset[str]) -> str:
    text = EMAIL.sub("[email]", text)
    text = LINK.sub("[link]", text)
    text = PHONE.sub("[phone]", text)
    text = DIGITS.sub("#", text)
    text = INTRODUCTION.sub(lambda match: _introduction(match, known), text)
    return WORD.sub(lambda match: _name_or_word(match.group(0), known), text)


def _introduction(match: re.Match, known: frozenset[str]) -> str:
    lead, first = match.group(1), match.group(2)
    # "I'm worried", "this is painful": an ordinary word, not a name.
    if first.lower() in known and not lead.lower().startswith(("my name", "name's", "call me")):
        return match.group(0)
    return f"{lead} [name]"


def _name_or_word(word: str, known: frozenset[str]) -> str:
    return word if not word[0].isupper() or word == "I" or word.lower() in known else "[name]"
