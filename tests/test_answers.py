"""Answer composition against the real knowledge store (SQLite and PostgreSQL)."""

from __future__ import annotations

import pytest

from bot import settings
from bot.dialogue.answers import answer_question
from bot.dialogue.canned_replies import out_of_scope_text, topic_menu
from bot.dialogue.topics import TOPICS


@pytest.mark.parametrize("topic", [topic for topic in TOPICS if topic != "side_effects"])
def test_every_topic_has_an_answer_ending_with_the_disclaimer(knowledge, topic):
    answer = answer_question(knowledge, topic)
    assert answer.entry_keys, topic
    assert answer.text.endswith(settings.DISCLAIMER)
    assert "Sources: " in answer.text


def test_a_named_scar_type_gets_the_specific_answer(knowledge):
    answer = answer_question(knowledge, "treatment", ["rolling"])
    assert answer.entry_keys == ("treatment/rolling",)
    assert "Rolling scars" in answer.text


def test_a_named_treatment_gets_the_specific_answer(knowledge):
    answer = answer_question(knowledge, "treatment", treatments=["dermal fillers"])
    assert answer.entry_keys == ("treatment/dermal-fillers",)
    assert "Juvederm" in answer.text and "12 months" in answer.text


def test_two_values_get_both_answers_with_one_disclaimer(knowledge):
    answer = answer_question(knowledge, "scar_types", ["boxcar", "ice pick"])
    assert answer.entry_keys == ("scar-types/boxcar", "scar-types/ice-pick")
    assert answer.text.count(settings.DISCLAIMER) == 1


def test_a_combination_without_its_own_entry_falls_back_to_the_closest(knowledge):
    assert answer_question(knowledge, "treatment", ["boxcar"], ["laser"]).entry_keys == ("treatment/boxcar", "treatment/laser")
    assert answer_question(knowledge, "go_away", ["boxcar"], ["laser"]).entry_keys == ("go-away",)
    # how the type forms, then what causes acne scars at all
    assert answer_question(knowledge, "causes", ["rolling"]).entry_keys == ("scar-types/rolling", "causes")
    assert answer_question(knowledge, "symptoms", ["boxcar"]).entry_keys == ("scar-types/boxcar",)
    assert answer_question(knowledge, "overview", treatments=["laser"]).entry_keys == ("treatment/laser",)
    assert answer_question(knowledge, "prevention", ["boxcar"]).entry_keys == ("prevention",)


def test_conflicting_sources_are_said_to_differ(knowledge):
    text = answer_question(knowledge, "picking").text
    assert "Sources differ:" in text
    assert "popping pimples doesn't cause scarring" in text
    assert "medical professional" in text


def test_sources_are_named_by_title_and_can_be_switched_off(knowledge, monkeypatch):
    assert "Sources: Health Library: Acne Scars." in answer_question(knowledge, "specialist").text
    monkeypatch.setenv("ACNEBOT_CITATIONS", "off")
    text = answer_question(knowledge, "specialist").text
    assert "Sources:" not in text
    assert text.endswith(settings.DISCLAIMER)


def test_an_empty_store_says_so_and_still_gives_the_disclaimer(session):
    answer = answer_question(session, "causes")
    assert answer.entry_keys == ()
    assert answer.text.startswith("I'm sorry, my sources don't cover that.")
    assert answer.text.endswith(settings.DISCLAIMER)


def test_out_of_scope_points_to_the_clinic_with_the_configured_contact(monkeypatch):
    monkeypatch.setenv("ACNEBOT_CLINIC_CONTACT", "call us on 0123 456 789")
    text = out_of_scope_text()
    assert "only help with questions about acne scars" in text
    assert "call us on 0123 456 789" in text


def test_topic_menu_payloads_are_topic_intents():
    assert [button["payload"] for button in topic_menu()][:2] == ["/ask_causes", "/ask_scar_types"]


def test_a_story_with_words_no_entry_uses_still_gets_the_curated_answer(knowledge):
    story = (
        "my derm back home said my scars were from inflammation and i was confused, "
        "i thought scars only come from cuts or injuries. what causes acne scars then?"
    )
    assert answer_question(knowledge, "causes", question=story).entry_keys == ("causes",)
