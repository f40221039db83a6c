"""Retrieval over stored passages, and answers from documents no entry cites yet."""

from __future__ import annotations

import shutil

import pytest

from bot import settings
from bot.dialogue.answers import answer_from_passages, answer_question
from bot.knowledge.ingest.sync import ingest
from bot.knowledge.retrieval import passage_index

NEW_DOCUMENT = """---
title: "Clinic leaflet: cryotherapy"
source: "Test leaflet written for this test"
---
Cryotherapy is a minor procedure in which raised scars are frozen so that they flatten.

Most patients see raised scars flatten over the following weeks.
"""


@pytest.fixture
def data_dirs(tmp_path):
    return (
        shutil.copytree(settings.DOCUMENTS_DIR, tmp_path / "documents"),
        shutil.copytree(settings.KNOWLEDGE_DIR, tmp_path / "knowledge"),
    )


def test_bm25_finds_the_passage_with_the_words_asked_about(knowledge):
    [hit] = passage_index(knowledge).search(("wound", "wounds", "scar"), any_of={"wound"}, limit=1)
    assert hit.text.startswith("Scars on human skin result from a wound or injury")
    assert hit.document_title == "Acne scars web compilation"


def test_a_new_document_answers_without_retraining(knowledge, data_dirs, store_url):
    documents, knowledge_dir = data_dirs
    # before: said plainly to be uncovered (data/aspects.yml other_subjects), then the general answer
    before = answer_question(knowledge, "treatment", question="what is cryotherapy?").text
    assert before.startswith("My sources don't cover cryotherapy.") and "Cryotherapy is" not in before
    (documents / "cryotherapy-leaflet.md").write_text(NEW_DOCUMENT, encoding="utf-8")
    knowledge.rollback()
    ingest(knowledge, documents, knowledge_dir)

    answer = answer_question(knowledge, "treatment", question="what is cryotherapy?")
    assert answer.entry_keys == ()
    assert "“Cryotherapy is a minor procedure" in answer.text
    assert "don't cover cryotherapy" not in answer.text
    assert "Sources: Clinic leaflet: cryotherapy." in answer.text
    assert answer.text.endswith(settings.DISCLAIMER)
    # the same when the NLU model did not understand the message at all
    fallback = answer_from_passages(knowledge, "cryotherapy??")
    assert fallback is not None and "Cryotherapy is a minor procedure" in fallback.text


def test_a_new_document_adds_to_an_answer_that_has_no_entry_of_its_own(knowledge, data_dirs):
    documents, knowledge_dir = data_dirs
    (documents / "cryotherapy-leaflet.md").write_text(
        NEW_DOCUMENT + "\nMicroneedling can also soften rolling scars.\n", encoding="utf-8"
    )
    knowledge.rollback()
    ingest(knowledge, documents, knowledge_dir)
    answer = answer_question(
        knowledge, "treatment", ["rolling"], ["microneedling"], question="does microneedling help rolling scars"
    )
    assert answer.entry_keys == ("treatment/rolling", "treatment/microneedling")
    assert "The sources also say:\n• “Microneedling can also soften rolling scars.” (Clinic leaflet: cryotherapy)" in answer.text


def test_nothing_relevant_is_said_plainly(knowledge):
    assert answer_from_passages(knowledge, "blorp zxq frrr") is None
    assert answer_question(knowledge, "treatment", question="how are acne scars treated").passage_ids == ()


def test_unreviewed_entries_can_be_kept_out_of_answers(knowledge, monkeypatch):
    monkeypatch.setenv("ACNEBOT_REVIEWED_ONLY", "on")
    answer = answer_question(knowledge, "specialist", question="which specialist treats acne scars")
    # no reviewed entry: the document passages on the topic answer, quoted and cited
    assert answer.entry_keys == ()
    assert "• “A dermatologist is the right specialist to consult" in answer.text
    assert answer.text.endswith(settings.DISCLAIMER)


def test_a_topic_the_documents_do_not_cover_is_said_to_be_uncovered(knowledge):
    answer = answer_question(knowledge, "side_effects", treatments=["dermal fillers"], question="can fillers cause swelling?")
    assert answer.entry_keys == () and answer.passage_ids == ()
    assert answer.text.startswith("I'm sorry, my sources don't cover that.")
    assert answer.text.endswith(settings.DISCLAIMER)


def test_a_new_inflection_of_a_known_word_keeps_the_curated_answer(knowledge):
    # "forms" is in no training example, "form" is: the causes entry answers, not a passage about "forms" of scars.
    answer = answer_question(knowledge, "causes", question="what actually happens in the skin when a scar forms")
    assert answer.text.startswith("Acne scars form as the skin heals")
