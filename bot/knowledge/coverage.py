"""Coverage of the documents by the knowledge entries.

Lists the document sentences with medical content (any tag from the spaCy
rules) that no entry cites, and every entry whose citations no longer match
its document. Works on the files in data/, so it also catches a document
edited after its entries were written.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bot import settings
from bot.knowledge.ingest.documents import read_documents
from bot.knowledge.ingest.knowledge import read_entries
from bot.knowledge.ingest.passages import split_passages


@dataclass
class Uncovered:
    document: str
    title: str
    text: str
    tags: tuple[str, ...]


@dataclass
class CoverageReport:
    medical_sentences: int = 0
    uncovered: list[Uncovered] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    def summary(self) -> str:
        covered = self.medical_sentences - len(self.uncovered)
        return (
            f"{covered} of {self.medical_sentences} sentences with medical content are cited by an entry; "
            f"{len(self.uncovered)} are not. Broken citations or files: {len(self.problems)}."
        )

    def markdown(self) -> str:
        lines = ["# Knowledge coverage", "", self.summary(), ""]
        lines += ["## Broken citations and files", ""]
        lines += [f"- {problem}" for problem in self.problems] or ["None."]
        lines += ["", "## Sentences no entry covers", ""]
        current = None
        for item in self.uncovered:
            if item.document != current:
                current = item.document
                lines += ["", f"### {item.title} (`{item.document}`)", ""]
            lines.append(f"- {item.text}  \n  _tags: {', '.join(item.tags)}_")
        return "\n".join(lines) + "\n"


def coverage(documents_dir: Path = settings.DOCUMENTS_DIR, knowledge_dir: Path = settings.KNOWLEDGE_DIR) -> CoverageReport:
    documents, problems = read_documents(documents_dir)
    entries, entry_problems = read_entries(knowledge_dir, documents)
    report = CoverageReport(problems=problems + entry_problems)
    cited: dict[str, list[tuple[int, int]]] = {}
    for entry in entries:
        for quote in entry.quotes:
            cited.setdefault(quote.document, []).append((quote.start, quote.end))
    for document in documents:
        spans = cited.get(document.slug, [])
        passages = [passage for passage in split_passages(document.body) if passage.tags]
        # A sentence repeated word for word is covered where any copy of it is cited.
        cited_texts = {p.text for p in passages if any(s < p.end and p.start < e for s, e in spans)}
        report.medical_sentences += len(passages)
        report.uncovered += [
            Uncovered(document.slug, document.title, p.text, p.tags) for p in passages if p.text not in cited_texts
        ]
    return report
