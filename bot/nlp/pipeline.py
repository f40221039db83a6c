"""Build and load the project's spaCy pipeline.

No pretrained English pipeline can be installed here, so the project makes its
own: spaCy's blank English tokenizer, a lookup lemmatizer (tables from
spacy-lookups-data, saved into the pipeline at build time), a rule-based
sentencizer, an entity ruler whose patterns come from the vocabulary
(data/nlu/vocabulary.yml), and a span ruler that tags text with topics, lesion
types, devices and causes (data/tagging.yml) into doc.spans["tags"].
Rasa (SpacyNLP in config.yml) and the ingestion code load it by path.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import cast

import spacy
import yaml
from spacy.language import Language
from spacy.pipeline import EntityRuler, SpanRuler
from spacy.tokenizer import Tokenizer
from spacy.util import compile_infix_regex

from bot import settings
from bot.nlp.vocabulary import Term, load_terms

TAGS_KEY = "tags"


def load_tagging_rules(path: Path = settings.TAGGING_FILE) -> dict[str, dict[str, list[str]]]:
    """{kind: {value: [phrases]}}, e.g. {"lesion": {"papule": ["papule"]}}."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _tag_patterns(nlp: Language, rules: dict[str, dict[str, list[str]]]) -> list[dict]:
    """Each phrase matches its lower-cased words; a phrase written in base forms also
    matches by lemma ("treat" ~ "treated"). One written inflected matches only as
    written: "picking" is not "pick" as in "which one should I pick"."""
    patterns = []
    for kind, values in rules.items():
        for value, phrases in values.items():
            for phrase in phrases:
                tokens = nlp(phrase)
                lemmas, words = [t.lemma_ for t in tokens], [t.lower_ for t in tokens]
                for attribute, sequence in (("LEMMA", lemmas), ("LOWER", words)) if lemmas == words else (("LOWER", words),):
                    patterns.append({"label": kind, "id": value, "pattern": [{attribute: word} for word in sequence]})
    return patterns


def build(terms: list[Term], tagging_rules: dict[str, dict[str, list[str]]]) -> Language:
    nlp = spacy.blank("en")
    # Text scraped from web pages glues list items together ("Harmony XL Pro)Microneedling").
    infixes = [*(nlp.Defaults.infixes or []), r"(?<=[A-Za-z])\)(?=[A-Za-z])"]
    cast(Tokenizer, nlp.tokenizer).infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.add_pipe("sentencizer")
    ruler = cast(EntityRuler, nlp.add_pipe("entity_ruler", config={"phrase_matcher_attr": "LOWER"}))
    # Loads the lemma tables, which the ruler needs when it processes its patterns.
    nlp.initialize()
    ruler.add_patterns(
        [{"label": term.entity, "pattern": spelling, "id": term.canonical} for term in terms for spelling in term.spellings]
    )
    tag_patterns = _tag_patterns(nlp, tagging_rules)
    cast(SpanRuler, nlp.add_pipe("span_ruler", config={"spans_key": TAGS_KEY})).add_patterns(tag_patterns)
    nlp.meta.update(
        {
            "name": "acne_scars_en",
            "version": "1.0.0",
            "description": "Blank English with lookup lemmas, sentences, entity rules "
            "from data/nlu/vocabulary.yml and tagging rules from data/tagging.yml",
        }
    )
    return nlp


def build_to_disk(path: Path | None = None) -> Path:
    path = path or settings.spacy_pipeline_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    build(load_terms(), load_tagging_rules()).to_disk(path)
    return path


@lru_cache(maxsize=1)
def load(path: Path | None = None) -> Language:
    path = path or settings.spacy_pipeline_path()
    if not (path / "meta.json").exists():
        raise FileNotFoundError(f"The spaCy pipeline is missing at {path}: run `make setup` to build it.")
    return spacy.load(path)


def topic_tags(text: str) -> set[str]:
    """The topics (data/tagging.yml) a text talks about. A phrase inside a scar
    type's or treatment's name does not count: "ice pick scars" are not picking."""
    doc = load()(text)
    named = [(ent.start, ent.end) for ent in doc.ents]
    return {
        span.id_
        for span in doc.spans[TAGS_KEY]
        if span.label_ == "topic" and not any(start < span.end and span.start < end for start, end in named)
    }
