"""SQLAlchemy models of the knowledge store.

Documents are the source texts; passages are their sentences as spaCy splits
them; entries are the curated answers, each resting on quoted passages of one or
more documents (its citations).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import declarative_base, relationship

Base: Any = declarative_base()


class Document(Base):
    __tablename__ = "documents"

    id = Column(Integer, primary_key=True)
    slug = Column(String(200), nullable=False, unique=True)
    title = Column(String(300), nullable=False)
    source = Column(Text, nullable=False)
    sha256 = Column(String(64), nullable=False, unique=True)
    body = Column(Text, nullable=False)
    ingested_at = Column(DateTime, nullable=False)
    # passages_fingerprint() of the pipeline build and code that split and tagged its passages.
    pipeline_fingerprint = Column(String(64))

    passages = relationship(
        "Passage",
        back_populates="document",
        cascade="all, delete-orphan",
        order_by="Passage.position",
    )


class Passage(Base):
    __tablename__ = "passages"
    __table_args__ = (UniqueConstraint("document_id", "position"),)

    id = Column(Integer, primary_key=True)
    document_id = Column(ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False)
    start_char = Column(Integer, nullable=False)
    end_char = Column(Integer, nullable=False)
    text = Column(Text, nullable=False)
    # What the passage mentions, "kind:value" separated by "|" (scar_type:rolling, topic:causes).
    tags = Column(Text, nullable=False, default="")
    # Its content words as spaCy lemmas, space-separated: what retrieval indexes.
    lemmas = Column(Text, nullable=False, default="")

    document = relationship("Document", back_populates="passages")


class Entry(Base):
    __tablename__ = "entries"

    id = Column(Integer, primary_key=True)
    key = Column(String(200), nullable=False, unique=True)
    topic = Column(String(60), nullable=False, index=True)
    scar_type = Column(String(60))
    treatment = Column(String(60))
    answer = Column(Text, nullable=False)
    # Where the documents disagree on this entry, said in plain words.
    sources_differ = Column(Text)
    # {aspect: answer} for the aspects of data/aspects.yml the documents answer, as JSON.
    aspects = Column(Text)
    reviewed_by = Column(String(200))
    reviewed_on = Column(Date)
    content_hash = Column(String(64), nullable=False)

    citations = relationship(
        "Citation",
        back_populates="entry",
        cascade="all, delete-orphan",
        order_by="Citation.position",
    )


class Citation(Base):
    __tablename__ = "citations"

    id = Column(Integer, primary_key=True)
    entry_id = Column(ForeignKey("entries.id", ondelete="CASCADE"), nullable=False)
    document_id = Column(ForeignKey("documents.id", ondelete="CASCADE"), nullable=False)
    position = Column(Integer, nullable=False)
    quote = Column(Text, nullable=False)
    start_char = Column(Integer, nullable=False)
    end_char = Column(Integer, nullable=False)

    entry = relationship("Entry", back_populates="citations")
    document = relationship("Document")


class AnswerRating(Base):
    """A patient's answer to "Did this answer your question?". It names what the
    answer gave and holds no text of the patient's, no conversation id and no time
    finer than the day."""

    __tablename__ = "answer_ratings"

    id = Column(Integer, primary_key=True)
    rated_on = Column(Date, nullable=False, index=True)
    # How the answer was made: see bot/dialogue/feedback.py's ANSWER_KINDS.
    answer_kind = Column(String(40), nullable=False)
    # The entries' keys, and the passages as "document-slug#position", each
    # separated by "|": names that outlive a re-ingest, which may renumber rows.
    entry_keys = Column(Text, nullable=False, default="")
    passages = Column(Text, nullable=False, default="")
    helpful = Column(Boolean, nullable=False)
