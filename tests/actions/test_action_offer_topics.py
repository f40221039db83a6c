from actions.action_offer_topics import ActionOfferTopics
from tests.actions.conftest import make_tracker


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
