"""Splitting a document into passages (sentences) tagged with the entities they mention."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
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
        yield start, body[start : match.start()]
        start = match.end()
    yield start, body[start:]


def _within(span, sentence) -> bool:
    return sentence.start <= span.start and span.end <= sentence.end


# Sentences a web page ran together when its markup was dropped: "after acne:Atrophic
# scars are ...", "Harmony XL Pro)Microneedling".
GLUED = re.compile(r"(?<=[a-z][.:;)?!])(?=[A-Z][a-z])")


def _pieces(sentence, headings: re.Pattern | None):
    """(start within the sentence, end, text) of each part of a sentence that
    reads as one: glued sentences apart, and the page's navigation and section
    headings (the document's `headings`) left out wherever they break in."""
    text = sentence.text
    cuts = [(0, 0), *((m.start(), m.start()) for m in GLUED.finditer(text))]
    if headings is not None:
        cuts += [(m.start(), m.end()) for m in headings.finditer(text)]
    cuts = sorted(cuts) + [(len(text), len(text))]
    for (_, start), (end, _) in pairwise(cuts):
        piece = text[start:end]
        start += len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if piece:
            yield start, start + len(piece), piece


def _headings_pattern(headings: tuple[str, ...]) -> re.Pattern | None:
    """A heading counts where it stands between sentences: at the start, or after a
    space and before a capital letter or the end."""
    if not headings:
        return None
    names = "|".join(re.escape(h) for h in sorted(headings, key=len, reverse=True))
    return re.compile(rf"(?:^|(?<=\s))(?:{names})(?=\s+[A-Z]|\s*$)")


def split_passages(body: str, headings: tuple[str, ...] = ()) -> list[PassageSpan]:
    """Each sentence of the body (each part of run-together ones) as a passage."""
    nlp = load()
    pattern = _headings_pattern(tuple(headings))
    passages = []
    for offset, paragraph in _paragraphs(body):
        for sentence in nlp(paragraph).sents:
            for start, end, text in _pieces(sentence, pattern):
                part = sentence.doc.char_span(sentence.start_char + start, sentence.start_char + end, alignment_mode="expand")
                tags = sorted(
                    {f"{ent.label_}:{ent.ent_id_}" for ent in part.ents}
                    | {f"{span.label_}:{span.id_}" for span in sentence.doc.spans[TAGS_KEY] if _within(span, part)}
                )
                begin = offset + sentence.start_char + start
                passages.append(PassageSpan(begin, begin + len(text), text, tuple(tags), content_lemmas(part)))
    return passages
