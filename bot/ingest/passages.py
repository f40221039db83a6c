"""Splitting a document into passages (sentences) tagged with the entities they mention."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from bot import settings
from bot.nlp import lemmas
from bot.nlp.lemmas import content_lemmas
from bot.nlp.pipeline import TAGS_KEY, load

PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class PassageSpan:
    start: int
    end: int
    text: str
    tags: tuple[str, ...]
    lemmas: tuple[str, ...]


@lru_cache(maxsize=1)
def passages_fingerprint() -> str:
    """A hash of what makes passages (the built spaCy pipeline and this code):
    documents split by another version are split and tagged again at the next ingest."""
    pipeline = settings.spacy_pipeline_path()
    files = sorted(p for p in pipeline.rglob("*") if p.is_file()) + [Path(__file__), Path(lemmas.__file__)]
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.name.encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()


def _paragraphs(body: str):
    """(offset, text) of each paragraph: headings and list items stand alone."""
    start = 0
    for match in PARAGRAPH_BREAK.finditer(body):
        yield start, body[start:match.start()]
        start = match.end()
    yield start, body[start:]


def _within(span, sentence) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end


def split_passages(body: str) -> list[PassageSpan]:
    nlp = load()
    passages = []
    for offset, paragraph in _paragraphs(body):
        for sentence in nlp(paragraph).sents:
            text = sentence.text.strip()
            if not text:
                continue
            start = offset + sentence.start_char + sentence.text.index(text)
            tags = sorted(
                {f"{ent.label_}:{ent.ent_id_}" for ent in sentence.ents}
                | {f"{span.label_}:{span.id_}" for span in sentence.doc.spans[TAGS_KEY] if _within(span, sentence)}
            )
            passages.append(PassageSpan(start, start + len(text), text, tuple(tags), content_lemmas(sentence)))
    return passages
