"""Build and load the project's spaCy pipeline.

No pretrained English pipeline can be installed here, so the project makes its
own: spaCy's blank English tokenizer, a lookup lemmatizer (tables from
spacy-lookups-data, saved into the pipeline at build time), a rule-based
sentencizer and an entity ruler whose patterns come from the vocabulary.
Rasa (SpacyNLP in config.yml) and the ingestion code load it by path.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from bot import settings
from bot.nlp.vocabulary import Term, load_terms


def build(terms: list[Term]) -> Language:
    nlp = spacy.blank("en")
    # Text scraped from web pages glues list items together ("Harmony XL Pro)Microneedling").
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z])\)(?=[A-Za-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("sentencizer")
    ruler = nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"})
    # Loads the lemma tables, which the ruler needs when it processes its patterns.
    nlp.initialize()
    ruler.add_patterns(
        [
            {"label": term.entity, "pattern": spelling, "id": term.canonical}
            for term in terms
            for spelling in term.spellings
        ]
    )
    nlp.meta.update(
        {
            "name": "acne_scars_en",
            "version": "1.0.0",
            "description": "Blank English with lookup lemmas, sentences and "
            "entity rules from data/nlu/vocabulary.yml",
        }
    )
    return nlp


def build_to_disk(path: Path | None = None) -> Path:
    path = path or settings.spacy_pipeline_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    build(load_terms()).to_disk(path)
    return path


@lru_cache(maxsize=1)
def load(path: Path | None = None) -> Language:
    path = path or settings.spacy_pipeline_path()
    if not (path / "meta.json").exists():
        raise FileNotFoundError(
            f"The spaCy pipeline is missing at {path}: run `make setup` to build it."
        )
    return spacy.load(path)
