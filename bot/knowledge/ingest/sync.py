"""One ingest: documents and knowledge entries into the store, in one transaction.

Everything is read and checked before anything is written, so bad input leaves
the store as it was. Unchanged documents and entries are left alone, which makes
running it twice a no-op.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from bot import settings
from bot.knowledge.ingest import IngestError
from bot.knowledge.ingest.documents import SourceDocument, read_documents
from bot.knowledge.ingest.knowledge import KnowledgeEntry, read_entries
from bot.knowledge.ingest.passages import passages_fingerprint, split_passages
from bot.knowledge.store.models import Citation, Document, Entry, Passage


@dataclass
class Changes:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0

    def summary(self, what: str) -> str:
        return (
            f"{what}: {len(self.added)} added, {len(self.updated)} updated, "
            f"{len(self.removed)} removed, {self.unchanged} unchanged"
        )

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


@dataclass
class IngestReport:
    documents: Changes
    entries: Changes

    def summary(self) -> str:
        return f"{self.documents.summary('Documents')}\n{self.entries.summary('Entries')}"


def ingest(
    session: Session,
    documents_dir: Path = settings.DOCUMENTS_DIR,
    knowledge_dir: Path = settings.KNOWLEDGE_DIR,
) -> IngestReport:
    documents, problems = read_documents(documents_dir)
    entries, entry_problems = read_entries(knowledge_dir, documents)
    problems += entry_problems
    if problems:
        raise IngestError(problems)
    with session.begin():
        stored, document_changes = _sync_documents(session, documents)
        entry_changes = _sync_entries(session, entries, documents, stored)
    return IngestReport(document_changes, entry_changes)


def _sync_documents(session: Session, documents: list[SourceDocument]) -> tuple[dict[str, Document], Changes]:
    changes = Changes()
    existing = {document.slug: document for document in session.scalars(select(Document))}
    wanted = {document.slug for document in documents}
    for slug, row in existing.items():
        if slug not in wanted:
            session.delete(row)
            changes.removed.append(slug)
    # Flush deletions first: a renamed file keeps its text, whose hash is unique.
    session.flush()
    rows: dict[str, Document] = {}
    for document in documents:
        # Passages depend on the pipeline and on the document's headings.
        pipeline = hashlib.sha256(json.dumps([passages_fingerprint(), document.headings]).encode()).hexdigest()
        row = existing.get(document.slug)
        if row is not None and (row.sha256, row.title, row.source, row.pipeline_fingerprint) == (
            document.sha256,
            document.title,
            document.source,
            pipeline,
        ):
            changes.unchanged += 1
        else:
            if row is None:
                row = Document(slug=document.slug)
                session.add(row)
                changes.added.append(document.slug)
            else:
                changes.updated.append(document.slug)
            row.title, row.source, row.body = document.title, document.source, document.body
            row.sha256, row.pipeline_fingerprint = document.sha256, pipeline
            row.ingested_at = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
            # Old passages go first: the new ones reuse their positions.
            row.passages.clear()
            session.flush()
            row.passages = [
                Passage(
                    position=i,
                    start_char=p.start,
                    end_char=p.end,
                    text=p.text,
                    tags="|".join(p.tags),
                    lemmas=" ".join(p.lemmas),
                )
                for i, p in enumerate(split_passages(document.body, document.headings))
            ]
        rows[document.slug] = row
    session.flush()
    return rows, changes


def _sync_entries(
    session: Session, entries: list[KnowledgeEntry], documents: list[SourceDocument], stored: dict[str, Document]
) -> Changes:
    changes = Changes()
    by_slug = {document.slug: document for document in documents}
    existing = {entry.key: entry for entry in session.scalars(select(Entry))}
    wanted = {entry.key for entry in entries}
    stale = [key for key in existing if key not in wanted]
    if stale:
        session.execute(delete(Entry).where(Entry.key.in_(stale)))
        changes.removed.extend(stale)
    for entry in entries:
        content_hash = entry.content_hash(by_slug)
        row = existing.get(entry.key)
        if row is not None and row.content_hash == content_hash:
            changes.unchanged += 1
            continue
        if row is None:
            row = Entry(key=entry.key)
            session.add(row)
            changes.added.append(entry.key)
        else:
            changes.updated.append(entry.key)
        row.topic, row.scar_type, row.treatment = entry.topic, entry.scar_type, entry.treatment
        row.answer, row.sources_differ = entry.answer, entry.sources_differ
        row.aspects = json.dumps(entry.aspects, sort_keys=True) if entry.aspects else None
        row.reviewed_by, row.reviewed_on = entry.reviewed_by, entry.reviewed_on
        row.content_hash = content_hash
        row.citations = [
            Citation(position=i, document=stored[q.document], quote=q.text, start_char=q.start, end_char=q.end)
            for i, q in enumerate(entry.quotes)
        ]
    return changes
