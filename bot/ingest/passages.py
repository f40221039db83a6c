"""Splitting a document into passages (sentences) tagged with the entities they mention."""
from __future__ import annotations

import re
from dataclasses import dataclass

from bot.nlp.pipeline import load

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class PassageSpan:
    start: int
    end: int
    text: str
    tags: tuple[str, ...]


def _paragraphs(body: str):
    """(offset, text) of each paragraph: headings and list items stand alone."""
    start = 0
    for match in PARAGRAPH_BREAK.finditer(body):
        yield start, body[start:match.start()]
        start = match.end()
    yield start, body[start:]


def split_passages(body: str) -> list[PassageSpan]:
    nlp = load()
    passages = []
    for offset, paragraph in _paragraphs(body):
        for sentence in nlp(paragraph).sents:
            text = sentence.text.strip()
            if not text:
                continue
            start = offset + sentence.start_char + sentence.text.index(text)
            tags = sorted({f"{ent.label_}:{ent.ent_id_}" for ent in sentence.ents})
            passages.append(PassageSpan(start, start + len(text), text, tuple(tags)))
    return passages
