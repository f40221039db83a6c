from actions.action_out_of_scope import ActionOutOfScope
from bot import settings
from tests.support.trackers import make_tracker


def test_declines_politely_points_to_the_clinic_and_offers_topics(dispatcher):
    events = ActionOutOfScope().run(dispatcher, make_tracker("what's the weather", "out_of_scope"), domain={})
    assert events == []
    [message] = dispatcher.messages
    assert message["text"].startswith("I can only help with questions about acne scars")
    assert settings.clinic_contact() in message["text"]
    assert {"title": "Treatments", "payload": "/ask_treatment"} in message["buttons"]
