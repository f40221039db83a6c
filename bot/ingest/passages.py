"""Splitting a document into passages (sentences) tagged with the entities they mention."""
from __future__ import annotations

from dataclasses import dataclass

from bot.nlp.pipeline import load


@dataclass(frozen=True)
class PassageSpan:
    start: int
    end: int
    text: str
    tags: tuple[str, ...]


def split_passages(body: str) -> list[PassageSpan]:
    doc = load()(body)
    passages = []
    for sentence in doc.sents:
        text = sentence.text.strip()
        if not text:
            continue
        start = sentence.start_char + sentence.text.index(text)
        tags = sorted({f"{ent.label_}:{ent.ent_id_}" for ent in sentence.ents})
        passages.append(PassageSpan(start, start + len(text), text, tuple(tags)))
    return passages
