"""The project's own spaCy pipeline and the vocabulary it is built from."""

import pytest
import yaml

from bot import settings
from bot.knowledge.ingest.documents import read_documents
from bot.nlp.pipeline import load
from bot.nlp.vocabulary import load_terms

TERMS = load_terms()


def entities(text):
    return [(ent.label_, ent.ent_id_) for ent in load()(text).ents]


def test_every_canonical_value_comes_from_the_documents():
    documents, problems = read_documents(settings.DOCUMENTS_DIR)
    assert problems == []
    corpus = " ".join(" ".join(document.body.lower().split()) for document in documents)
    missing = [term.canonical for term in TERMS if term.canonical.lower() not in corpus]
    assert missing == []


@pytest.mark.parametrize("term", TERMS, ids=lambda term: term.canonical)
def test_every_spelling_is_recognised_as_its_canonical_value(term):
    for spelling in term.spellings:
        assert entities(f"tell me about {spelling} please") == [(term.entity, term.canonical)], spelling


@pytest.mark.parametrize(
    "text, expected",
    [
        ("are ICEPICK scars deep", [("scar_type", "ice pick")]),
        ("what is a box car scar", [("scar_type", "boxcar")]),
        ("do craters and pockmarks go away", [("scar_type", "pockmarks"), ("scar_type", "pockmarks")]),
        ("does lazer or micro needling work", [("treatment", "laser"), ("treatment", "microneedling")]),
        (
            "PRP vs Juvéderm for rolling scars",
            [("treatment", "platelet-rich plasma"), ("treatment", "dermal fillers"), ("scar_type", "rolling")],
        ),
        ("is Clear + Brilliant a laser", [("treatment", "laser"), ("treatment", "laser")]),
        ("how are acne scars treated", []),
        # rolling scars as patients describe them
        ("what causes the wavy ones", [("scar_type", "rolling")]),
    ],
)
def test_patients_spellings_in_sentences(text, expected):
    assert entities(text) == expected


def test_the_pipeline_is_the_one_rasa_loads():
    nlp = load()
    config = yaml.safe_load(settings.CONFIG_FILE.read_text(encoding="utf-8"))
    [spacy_nlp] = [c for c in config["pipeline"] if c["name"] == "SpacyNLP"]
    assert (settings.PROJECT_ROOT / spacy_nlp["model"]).resolve() == settings.spacy_pipeline_path().resolve()
    assert nlp.pipe_names == ["lemmatizer", "sentencizer", "entity_ruler", "span_ruler"]
    assert [token.lemma_ for token in nlp("scars treated")] == ["scar", "treat"]


def test_tagging_rules_mark_topics_lesions_devices_and_causes():
    doc = load()("Acne scars are caused by inflamed papules; Juvederm can lift scars.")
    tags = {(span.label_, span.id_) for span in doc.spans["tags"]}
    assert {("topic", "causes"), ("lesion", "papule"), ("cause", "inflammation"), ("device", "Juvederm")} <= tags
