"""Finding the stored passages that answer a question: BM25 (rank_bm25) over spaCy lemmas.

The index is rebuilt when the stored passages change, so a running action
server answers from newly ingested documents without a restart.
"""

from __future__ import annotations

from dataclasses import dataclass
from threading import Lock
from typing import Any

from rank_bm25 import BM25Okapi
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.knowledge.store.models import Document, Passage


@dataclass(frozen=True)
class Hit:
    passage_id: int
    document_id: int
    document_title: str
    start: int
    end: int
    text: str
    score: float


class PassageIndex:
    def __init__(self, rows: list[Any]):  # SQLAlchemy rows with the passage's columns
        self.rows = rows
        corpus = [row.lemmas.split() for row in rows]
        self.bm25 = BM25Okapi(corpus) if any(corpus) else None
        # Each passage's lemmas and tags as sets, made once for every search.
        self.lemma_sets = [frozenset(lemmas) for lemmas in corpus]
        self.tag_sets = [frozenset(row.tags.split("|")) - {""} for row in rows]

    def search(
        self,
        terms: tuple[str, ...],
        *,
        any_of: set[str] | frozenset[str] = frozenset(),
        all_tags: set[str] | frozenset[str] = frozenset(),
        limit: int = 2,
    ) -> list[Hit]:
        """The best passages for the terms that contain at least one of `any_of`
        (when given) and carry every tag in `all_tags`."""
        if self.bm25 is None or not terms:
            return []
        wanted = set(terms)
        hits = []
        scores = self.bm25.get_scores(list(terms))
        for row, lemmas, tags, score in zip(self.rows, self.lemma_sets, self.tag_sets, scores, strict=True):
            if any_of and not any_of & lemmas:
                continue
            if not all_tags <= tags or not wanted & lemmas:
                continue
            hits.append(Hit(row.id, row.document_id, row.title, row.start_char, row.end_char, row.text, score))
        hits.sort(key=lambda hit: (-hit.score, hit.passage_id))
        return hits[:limit]


_cache: dict[str, tuple[tuple, PassageIndex]] = {}
_lock = Lock()


def passage_index(session: Session) -> PassageIndex:
    """The index of the store's passages, rebuilt only when they changed."""
    version = tuple(
        session.execute(
            select(func.count(Passage.id), func.max(Passage.id), func.max(Document.ingested_at))
            .select_from(Passage)
            .join(Document)
        ).one()
    )
    key = str(session.get_bind().url)
    with _lock:
        cached = _cache.get(key)
        if cached and cached[0] == version:
            return cached[1]
    rows = session.execute(
        select(
            Passage.id,
            Passage.document_id,
            Document.title,
            Passage.start_char,
            Passage.end_char,
            Passage.text,
            Passage.tags,
            Passage.lemmas,
        )
        .join(Document)
        .order_by(Passage.id)
    ).all()
    index = PassageIndex(rows)
    with _lock:
        _cache[key] = (version, index)
    return index
