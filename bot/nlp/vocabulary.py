"""The entity vocabulary: canonical values per entity type and their variants.

It is read from the Rasa NLU file data/nlu/vocabulary.yml (lookup tables give
the canonical values of each entity type, synonym blocks their variants), so
Rasa's synonym mapper and the spaCy entity rules share one source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from bot import settings


@dataclass(frozen=True)
class Term:
    entity: str
    canonical: str
    variants: tuple[str, ...]

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.canonical, *self.variants)


# Rasa's annotation markup in training examples: [text](entity) or [text]{"entity": ...}
ANNOTATION = re.compile(r"\[(?P<text>[^\]]+)\](?:\((?P<entity>[^)]+)\)|(?P<json>\{[^}]*\}))")


def example_lines(block: dict) -> list[str]:
    """The examples of a Rasa NLU block, as written (annotations included)."""
    return [line.strip()[2:].strip() for line in (block.get("examples") or "").splitlines() if line.strip().startswith("- ")]


def plain_text(example: str) -> str:
    """An example without its annotation markup."""
    return ANNOTATION.sub(lambda match: match["text"], example)


def load_terms(path: Path = settings.VOCABULARY_FILE) -> list[Term]:
    """Every canonical value with its entity type and variants."""
    nlu = yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", [])
    variants: dict[str, list[str]] = {}
    for block in nlu:
        if "synonym" in block:
            variants.setdefault(block["synonym"], []).extend(example_lines(block))
    terms = []
    for block in nlu:
        if "lookup" in block:
            for canonical in example_lines(block):
                terms.append(Term(block["lookup"], canonical, tuple(variants.pop(canonical, []))))
    if variants:
        raise ValueError(f"{path}: synonyms for values that no lookup table lists: {sorted(variants)}")
    return terms


@lru_cache(maxsize=None)
def canonical_values(entity: str) -> frozenset[str]:
    """The canonical values of one entity type ("treatment": laser, microneedling ...)."""
    return frozenset(term.canonical for term in load_terms() if term.entity == entity)
