from actions.action_offer_topics import ActionOfferTopics
from tests.support.trackers import make_tracker


def test_says_what_it_can_do_with_topic_buttons(dispatcher):
    ActionOfferTopics().run(dispatcher, make_tracker("what can you do", "ask_capabilities"), domain={})
    [message] = dispatcher.messages
    assert message["text"].startswith("I answer general questions about acne scars")
    assert len(message["buttons"]) == 6


def test_asks_to_rephrase_when_it_did_not_understand(dispatcher):
    ActionOfferTopics().run(dispatcher, make_tracker("blorp", "nlu_fallback"), domain={})
    [message] = dispatcher.messages
    assert message["text"].startswith("Sorry, I'm not sure I understood. Could you rephrase")
    assert message["buttons"][0] == {"title": "What causes acne scars", "payload": "/ask_causes"}


def test_an_unsure_message_naming_a_scar_type_gets_the_likeliest_answer(knowledge, dispatcher):
    tracker = make_tracker(
        "would fillers help my rolling scars", "nlu_fallback", [("scar_type", "rolling"), ("treatment", "dermal fillers")]
    )
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.5},
        {"name": "ask_treatment", "confidence": 0.45},
        {"name": "ask_personal_advice", "confidence": 0.4},
    ]
    events = ActionOfferTopics().run(dispatcher, tracker, domain={})
    [message] = dispatcher.messages
    assert message["text"].startswith("Rolling scars come from bands of scar tissue")
    assert {"event": "slot", "timestamp": None, "name": "topic", "value": "treatment"} in events


def test_an_unsure_follow_up_naming_a_scar_type_gets_that_scar_types_answer(knowledge, dispatcher):
    tracker = make_tracker("whats a pockmark", "nlu_fallback", [("scar_type", "pockmarks")])
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "follow_up", "confidence": 0.29},
    ]
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    [message] = dispatcher.messages
    assert message["text"].startswith("Pockmarks, also called acne craters")


def test_an_unreachable_knowledge_store_gets_an_apology_not_an_error(monkeypatch, dispatcher, caplog):
    # Nothing listens on port 1: the store cannot be reached.
    monkeypatch.setenv("ACNEBOT_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/none?connect_timeout=2")
    ActionOfferTopics().run(dispatcher, make_tracker("zorbly wumpus frabjous", "nlu_fallback"), domain={})
    [message] = dispatcher.messages
    assert "can't look that up right now" in message["text"]
    assert "Knowledge store unreachable (OperationalError)" in caplog.text
