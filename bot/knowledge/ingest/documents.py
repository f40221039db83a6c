"""Reading source documents: a provenance header (YAML front matter) and the text.

Plain text and Markdown are stored as they are; HTML is stored as its text.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from bot.knowledge.ingest.html_text import html_to_text

SUPPORTED_SUFFIXES = {".txt", ".md", ".html", ".htm"}
REQUIRED_HEADER_FIELDS = ("title", "source")


@dataclass(frozen=True)
class SourceDocument:
    slug: str
    title: str
    source: str
    body: str
    # Navigation and section headings the page's text runs into its sentences.
    headings: tuple[str, ...] = ()

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.body.encode("utf-8")).hexdigest()


def read_document(path: Path) -> SourceDocument:
    """Parse one document; raises ValueError with a message naming the file."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        raise ValueError(f"{path.name}: not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    if not text.strip():
        raise ValueError(f"{path.name}: the file is empty")
    if not text.startswith("---\n"):
        raise ValueError(f"{path.name}: missing the provenance header (--- title: … source: … ---)")
    try:
        _, header_text, body = text.split("---\n", 2)
        header = yaml.safe_load(header_text) or {}
    except (ValueError, yaml.YAMLError):
        raise ValueError(f"{path.name}: the provenance header is not valid YAML between two --- lines") from None
    missing = [field for field in REQUIRED_HEADER_FIELDS if not str(header.get(field) or "").strip()]
    if missing:
        raise ValueError(f"{path.name}: the provenance header lacks {', '.join(missing)}")
    if path.suffix.lower() in {".html", ".htm"}:
        body = html_to_text(body)
    if not body.strip():
        raise ValueError(f"{path.name}: the document has a header but no text")
    headings = header.get("headings") or []
    if not isinstance(headings, list) or not all(isinstance(h, str) and h.strip() for h in headings):
        raise ValueError(f"{path.name}: `headings` in the provenance header must be a list of phrases")
    return SourceDocument(
        slug=path.stem,
        title=str(header["title"]).strip(),
        source=str(header["source"]).strip(),
        body=body,
        headings=tuple(h.strip() for h in headings),
    )


def read_documents(directory: Path) -> tuple[list[SourceDocument], list[str]]:
    """Every supported document in the folder, and a message for each one at fault."""
    documents: list[SourceDocument] = []
    problems: list[str] = []
    by_hash: dict[str, str] = {}
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or not path.is_file():
            continue
        if path.suffix.lower() not in SUPPORTED_SUFFIXES:
            problems.append(f"{path.name}: unsupported file type (use {', '.join(sorted(SUPPORTED_SUFFIXES))})")
            continue
        try:
            document = read_document(path)
        except ValueError as error:
            problems.append(str(error))
            continue
        if document.sha256 in by_hash:
            problems.append(f"{path.name}: same text as {by_hash[document.sha256]}; remove one of them")
            continue
        by_hash[document.sha256] = path.name
        documents.append(document)
    return documents, problems
