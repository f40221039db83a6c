"""Reading curated knowledge entries and checking every citation against its document."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.dialogue.aspects import aspect_names
from bot.dialogue.topics import TOPICS
from bot.knowledge.ingest.documents import SourceDocument
from bot.nlp.vocabulary import load_terms


@dataclass(frozen=True)
class Quote:
    document: str
    text: str
    start: int
    end: int


@dataclass
class KnowledgeEntry:
    key: str
    topic: str
    answer: str
    scar_type: str | None = None
    treatment: str | None = None
    sources_differ: str | None = None
    reviewed_by: str | None = None
    reviewed_on: dt.date | None = None
    quotes: list[Quote] = field(default_factory=list)
    aspects: dict[str, str] = field(default_factory=dict)

    def content_hash(self, documents: dict[str, SourceDocument]) -> str:
        content = {
            name: getattr(self, name) for name in ("topic", "answer", "scar_type", "treatment", "sources_differ", "reviewed_by")
        }
        content["reviewed_on"] = self.reviewed_on.isoformat() if self.reviewed_on else None
        content["aspects"] = self.aspects
        content["quotes"] = [(q.document, q.text, q.start, documents[q.document].sha256) for q in self.quotes]
        return hashlib.sha256(json.dumps(content, sort_keys=True).encode("utf-8")).hexdigest()


def locate_quote(quote: str, body: str) -> tuple[int, int] | None:
    """Character offsets of the quote in the body, ignoring differences in white space."""
    words = quote.split()
    if not words:
        return None
    match = re.search(r"\s+".join(re.escape(word) for word in words), body)
    return (match.start(), match.end()) if match else None


def _text(raw: dict, name: str) -> str | None:
    value = raw.get(name)
    return " ".join(str(value).split()) if value is not None and str(value).strip() else None


def _aspects(raw, where: str, problems: list[str]) -> dict[str, str]:
    """An entry's answers to aspects of data/aspects.yml ("duration": "..."), checked."""
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        problems.append(f"{where} has `aspects` that is not a mapping of aspect to answer")
        return {}
    known = aspect_names()
    aspects = {}
    for name, text in raw.items():
        if name not in known:
            problems.append(f"{where} answers an unknown aspect '{name}' (known: {', '.join(known)})")
        elif not isinstance(text, str) or not text.strip():
            problems.append(f"{where} has an empty answer for aspect '{name}'")
        else:
            aspects[name] = " ".join(text.split())
    return aspects


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def read_entries(directory: Path, documents: list[SourceDocument]) -> tuple[list[KnowledgeEntry], list[str]]:
    """Every entry in the folder's YAML files, and a message for each problem found."""
    by_slug = {document.slug: document for document in documents}
    values = {(term.entity, term.canonical) for term in load_terms()}
    entries: list[KnowledgeEntry] = []
    problems: list[str] = []
    seen_keys: dict[str, str] = {}
    seen_subjects: dict[tuple, str] = {}
    for path in sorted(directory.glob("*.yml")):
        try:
            raw_entries = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("entries") or []
        except (UnicodeDecodeError, yaml.YAMLError) as error:
            problems.append(f"{path.name}: cannot be read as YAML: {error}")
            continue
        for number, raw in enumerate(raw_entries, start=1):
            key = str(raw.get("key") or "").strip()
            where = f"{path.name}: entry '{key}'" if key else f"{path.name}: entry #{number}"
            entry_problems = []
            if not key:
                entry_problems.append(f"{where} has no key")
            elif key in seen_keys:
                entry_problems.append(f"{where} repeats a key already used in {seen_keys[key]}")
            topic = str(raw.get("topic") or "")
            if topic not in TOPICS:
                entry_problems.append(f"{where} has an unknown topic '{topic}' (known: {', '.join(TOPICS)})")
            for entity in ("scar_type", "treatment"):
                value = raw.get(entity)
                if value is not None and (entity, value) not in values:
                    entry_problems.append(f"{where} has {entity} '{value}', which the vocabulary does not list")
            subject = (topic, raw.get("scar_type"), raw.get("treatment"))
            if subject in seen_subjects:
                entry_problems.append(f"{where} answers the same question as entry '{seen_subjects[subject]}'")
            answer = _text(raw, "answer")
            if not answer:
                entry_problems.append(f"{where} has no answer text")
            try:
                reviewed_on = _date(raw.get("reviewed_on"))
            except ValueError:
                entry_problems.append(f"{where} has reviewed_on '{raw.get('reviewed_on')}', not a YYYY-MM-DD date")
                reviewed_on = None
            aspects = _aspects(raw.get("aspects"), where, entry_problems)
            citations = raw.get("citations") or []
            if not citations:
                entry_problems.append(f"{where} cites no document")
            quotes = []
            for citation in citations:
                slug, text = citation.get("document"), _text(citation, "quote")
                if slug not in by_slug:
                    entry_problems.append(f"{where} cites '{slug}', which is not in data/documents/")
                    continue
                span = locate_quote(text or "", by_slug[slug].body)
                if span is None:
                    entry_problems.append(f"{where} quotes a passage that is not in '{slug}': \"{text}\"")
                    continue
                quotes.append(Quote(slug, by_slug[slug].body[span[0] : span[1]], *span))
            if entry_problems:
                problems.extend(entry_problems)
                continue
            seen_keys[key] = path.name
            seen_subjects[subject] = key
            entries.append(
                KnowledgeEntry(
                    key=key,
                    topic=topic,
                    answer=str(raw["answer"]).strip(),
                    scar_type=raw.get("scar_type"),
                    treatment=raw.get("treatment"),
                    sources_differ=_text(raw, "sources_differ"),
                    reviewed_by=_text(raw, "reviewed_by"),
                    reviewed_on=reviewed_on,
                    quotes=quotes,
                    aspects=aspects,
                )
            )
    return entries, problems
