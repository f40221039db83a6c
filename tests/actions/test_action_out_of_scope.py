import shutil

import pytest

from actions.action_out_of_scope import ActionOutOfScope
from bot import settings
from bot.dialogue.messages import message
from bot.dialogue.scope import about_acne_scars
from bot.knowledge.ingest.sync import ingest
from bot.knowledge.store.db import new_session
from tests.support.trackers import make_tracker


def test_declines_politely_points_to_the_clinic_and_offers_topics(dispatcher):
    events = ActionOutOfScope().run(dispatcher, make_tracker("what's the weather", "out_of_scope"), domain={})
    assert events == []
    [message] = dispatcher.messages
    assert message["text"].startswith("I can only help with questions about acne scars")
    assert settings.clinic_contact() in message["text"]
    assert {"title": "Treatments", "payload": "/ask_treatment"} in message["buttons"]


def test_a_short_question_on_an_aspect_of_the_subject_under_discussion_is_a_follow_up(knowledge, dispatcher):
    slots = {"topic": "treatment", "treatment": ["microdermabrasion"]}
    ranking = [("out_of_scope", 0.45), ("ask_treatment", 0.35), ("follow_up", 0.17)]
    tracker = make_tracker("how fast does it work", "out_of_scope", slots=slots, ranking=ranking)
    events = ActionOutOfScope().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"].startswith("My sources don't cover how soon microdermabrasion shows results.")
    assert {"treatment": ["microdermabrasion"]}.items() <= {e["name"]: e["value"] for e in events}.items()


def test_a_short_question_how_to_treat_the_subject_under_discussion_is_a_follow_up(knowledge, dispatcher):
    slots = {"topic": "acne_severity"}
    ranking = [("out_of_scope", 0.63), ("ask_treatment", 0.17), ("follow_up", 0.04)]
    tracker = make_tracker("how fast should i get it treated then", "out_of_scope", slots=slots, ranking=ranking)
    events = ActionOutOfScope().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"].startswith("Several treatment options can improve the appearance of acne scars")
    assert {"topic": "treatment"}.items() <= {e["name"]: e["value"] for e in events}.items()


def test_a_short_question_how_to_treat_with_a_faint_treatment_reading_is_not_a_follow_up(dispatcher):
    slots = {"topic": "acne_severity"}
    ranking = [("out_of_scope", 0.85), ("ask_treatment", 0.08), ("follow_up", 0.04)]
    tracker = make_tracker("how fast should i get it treated then", "out_of_scope", slots=slots, ranking=ranking)
    ActionOutOfScope().run(dispatcher, tracker, domain={})
    assert not dispatcher.messages[0]["text"].startswith("Several treatment options")


def test_a_question_how_to_treat_something_else_stays_out_of_scope(dispatcher):
    slots = {"topic": "acne_severity"}
    ranking = [("out_of_scope", 0.8), ("ask_see_doctor", 0.1), ("ask_treatment", 0.05)]
    tracker = make_tracker("i have a wart too, should i get it treated", "out_of_scope", slots=slots, ranking=ranking)
    ActionOutOfScope().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"].startswith("I can only help with questions about acne scars")


def test_how_to_treat_another_condition_stays_out_of_scope(dispatcher):
    slots = {"topic": "treatment", "treatment": ["laser"]}
    ranking = [("out_of_scope", 0.38), ("ask_treatment", 0.2), ("follow_up", 0.1)]
    tracker = make_tracker("can they treat this rash too", "out_of_scope", slots=slots, ranking=ranking)
    ActionOutOfScope().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"].startswith("I can only help with questions about acne scars")


def test_without_a_subject_under_discussion_it_is_still_out_of_scope(dispatcher):
    ActionOutOfScope().run(dispatcher, make_tracker("how fast does it work", "out_of_scope"), domain={})
    assert dispatcher.messages[0]["text"].startswith("I can only help with questions about acne scars")


def test_a_question_about_something_else_with_a_dummy_it_stays_out_of_scope(dispatcher):
    slots = {"topic": "treatment", "treatment": ["laser"]}
    ranking = [("out_of_scope", 0.9), ("ask_side_effects", 0.05)]
    tracker = make_tracker("is it safe to take ibuprofen?", "out_of_scope", slots=slots, ranking=ranking)
    ActionOutOfScope().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"].startswith("I can only help with questions about acne scars")


def test_a_circumstance_to_weigh_said_about_the_subject_under_discussion_gets_its_caution_then_the_subject(knowledge, dispatcher):
    slots = {"topic": "treatment", "treatment": ["dermal fillers"]}
    ranking = [("out_of_scope", 0.5), ("follow_up", 0.3)]
    tracker = make_tracker("im pregnant though, can i still have it", "out_of_scope", slots=slots, ranking=ranking)
    ActionOutOfScope().run(dispatcher, tracker, domain={})
    caution, *rest = dispatcher.messages[0]["text"].split("\n\n")
    assert caution.startswith("You mentioned pregnancy or breastfeeding.")
    assert "Juvederm" in "\n\n".join(rest)


def test_a_treatment_asked_about_for_acne_scars_is_answered_however_the_message_read(knowledge, dispatcher):
    text = "platelet rich plasma is that for acne scars too or only for hair loss?"
    tracker = make_tracker(text, "out_of_scope", [("treatment", "platelet-rich plasma")])
    ActionOutOfScope().run(dispatcher, tracker, domain={})
    assert "platelet-rich plasma" in dispatcher.messages[0]["text"].lower()
    # the same treatment for something else stays out of scope
    ActionOutOfScope().run(
        dispatcher, make_tracker("is prp good for hair loss", "out_of_scope", [("treatment", "prp")]), domain={}
    )
    assert dispatcher.messages[-1]["text"].startswith("I can only help with questions about acne scars")


def test_a_treatment_asked_about_for_the_pits_from_spots_is_answered(knowledge, dispatcher):
    text = "do i need an operation to get rid of pits from spots?"
    tracker = make_tracker(text, "out_of_scope", [("treatment", "surgery"), ("scar_type", "atrophic")])
    ActionOutOfScope().run(dispatcher, tracker, domain={})
    assert "surgery" in dispatcher.messages[0]["text"].lower()
    assert not dispatcher.messages[0]["text"].startswith("I can only help")
    # scars from acne denied: still out of scope
    dispatcher.messages.clear()
    text = "i don't have scars from acne, is prp good for hair loss"
    ActionOutOfScope().run(dispatcher, make_tracker(text, "out_of_scope", [("treatment", "platelet-rich plasma")]), domain={})
    assert dispatcher.messages[0]["text"].startswith("I can only help")


def test_a_message_about_acne_scars_read_as_out_of_scope_is_answered_as_the_models_next_reading(knowledge, dispatcher):
    ranking = [("out_of_scope", 0.43), ("ask_treatment", 0.24), ("ask_causes", 0.16)]
    tracker = make_tracker("best way to fix dents in skin from old zits??", "out_of_scope", ranking=ranking)
    ActionOutOfScope().run(dispatcher, tracker, domain={})
    assert "microneedling" in dispatcher.messages[0]["text"]


def test_a_message_about_acne_scars_with_no_other_reading_is_asked_to_rephrase(dispatcher):
    ranking = [("out_of_scope", 0.6), ("ask_causes", 0.15)]
    tracker = make_tracker("my acne left scars and my mum keeps going on about it lol", "out_of_scope", ranking=ranking)
    ActionOutOfScope().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"] == message("rephrase_with_guesses")
    assert dispatcher.messages[0]["buttons"][0]["payload"] == "/ask_causes"
    # spots and marks of another kind stay out of scope
    dispatcher.messages.clear()
    tracker = make_tracker("what cream for age spots and stretch marks", "out_of_scope", ranking=ranking)
    ActionOutOfScope().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"].startswith("I can only help")


@pytest.mark.parametrize(
    "text, about",
    [
        ("best way to fix dents in skin from old zits??", True),
        ("my spots left pits, will laser help", True),
        ("platelet rich plasma is that for acne scars too or only for hair loss?", True),
        # denied, or scars of another cause
        ("i have no acne scars, but will prp help my hair loss", False),
        ("i havent got acne scars, is botox safe", False),
        ("i don't have scars from acne, is prp good for hair loss", False),
        ("my acne cleared without scarring, now i want lip filler", False),
        ("my chickenpox spots left scars, can laser fix them", False),
        ("age spots and sun spots and a scar from surgery, what laser is best", False),
        ("old self-harm scars, also some spots, what can be done about them", False),
        ("my dog has spots and a scar on his nose", False),
    ],
)
def test_a_message_says_it_is_about_acne_scars(text, about):
    assert about_acne_scars(text) is about


def test_a_word_no_training_example_has_that_the_documents_cover_is_answered_from_them(
    store_url, monkeypatch, tmp_path, dispatcher
):
    """The documents say what is in scope: a leaflet ingested on a treatment the model never saw answers for it."""
    documents = shutil.copytree(settings.DOCUMENTS_DIR, tmp_path / "documents")
    (documents / "cryotherapy.md").write_text(LEAFLET, encoding="utf-8")
    with new_session(store_url) as session:
        ingest(session, documents, settings.KNOWLEDGE_DIR)
    monkeypatch.setenv("ACNEBOT_DATABASE_URL", store_url)
    ranking = [("out_of_scope", 0.33), ("follow_up", 0.2), ("ask_treatment", 0.18)]
    ActionOutOfScope().run(dispatcher, make_tracker("what is cryotherapy?", "out_of_scope", ranking=ranking), domain={})
    assert "Cryotherapy is a minor procedure" in dispatcher.messages[0]["text"]
    assert dispatcher.messages[0]["text"].endswith(settings.DISCLAIMER)


LEAFLET = """---
title: "Clinic leaflet: cryotherapy"
source: "Test leaflet written for this test"
---
Cryotherapy is a minor procedure in which raised scars are frozen so that they flatten.
"""
