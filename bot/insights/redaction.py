"""Patients' texts with what could identify them taken out, before the staff
report shows or writes them: email addresses, links, phone numbers and every
other digit, social-media handles, and names (after "my name is", "I'm",
"call me" ..., and any capitalised or non-English word that the known words do
not hold). Over-redacting an unknown
word is the safe side; a name typed in lower case outside an introduction is
not caught (docs/safety.md)."""

from __future__ import annotations

import re
from typing import Iterable

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
LINK = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
HANDLE = re.compile(r"(?<!\w)@\w+")
# Seven digits or more, with the separators phone numbers are written with.
PHONE = re.compile(r"\+?\d[\d\s().-]{5,}\d")
DIGITS = re.compile(r"\d+")
# Letters of any script, and the apostrophes and hyphens inside a word.
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# What introduces a name, and the (up to two) words after it.
INTRODUCTION = re.compile(
    r"\b(my name is|my name's|name's|call me|i am|i'm|im|this is|it's|its)\s+("
    + WORD.pattern
    + r")(?:\s+("
    + WORD.pattern
    + r"))?",
    re.IGNORECASE,
)
# After these the next word is always a name.
NAMING = ("my name", "name's", "call me")


def known_words(ordinary: Iterable[str], terms: Iterable[str] = ()) -> frozenset[str]:
    """The words to keep, lower-cased: those written in lower case somewhere in
    `ordinary` (patients' messages: a name there is capitalised), and every word of
    `terms` (the documents and the vocabulary: Fraxel, Juvederm, Roaccutane)."""
    lower = {word for text in ordinary for word in WORD.findall(text) if word.islower()}
    return frozenset(lower | {word.lower() for text in terms for word in WORD.findall(text)})


def redact(text: str, known: frozenset[str]) -> str:
    text = EMAIL.sub("[email]", text)
    text = LINK.sub("[link]", text)
    text = HANDLE.sub("[handle]", text)
    text = PHONE.sub("[phone]", text)
    text = DIGITS.sub("#", text)
    text = INTRODUCTION.sub(lambda match: _introduction(match, known), text)
    return WORD.sub(lambda match: _name_or_word(match.group(0), known), text)


def _introduction(match: re.Match, known: frozenset[str]) -> str:
    lead, first, second = match.group(1), match.group(2), match.group(3)
    naming = lead.lower().startswith(NAMING)
    # "I'm worried", "this is painful": an ordinary word, not a name; "I'm Mark" is,
    # though "mark" is a word; "it's Fraxel" is not.
    capitalised_person = first[0].isupper() and first != "I" and lead.lower() in ("i am", "i'm", "im")
    if not naming and not capitalised_person and first.lower() in known:
        return match.group(0)
    if second is None:
        return f"{lead} [name]"
    # "my name is sarah jones", "I'm Mark Taylor"; but "call me jo and", "I'm Priya and".
    surname = second[0].isupper() or second.lower() not in known
    return f"{lead} [name]" if surname else f"{lead} [name] {second}"


def _name_or_word(word: str, known: frozenset[str]) -> str:
    if word.lower() in known or word == "I":
        return word
    # Capitalised, or in another script than the data's: a name, as far as we can tell.
    return "[name]" if word[0].isupper() or not word.isascii() else word
