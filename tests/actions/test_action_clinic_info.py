from actions.action_clinic_info import ActionClinicInfo
from tests.support.trackers import make_tracker


def test_points_to_the_clinic_with_the_configured_contact(dispatcher, monkeypatch):
    monkeypatch.setenv("ACNEBOT_CLINIC_CONTACT", "call 0123 456 789 or write to desk@clinic.example")
    ActionClinicInfo().run(dispatcher, make_tracker("how much is a peel", "ask_clinic"), domain={})
    [message] = dispatcher.messages
    assert message["text"].startswith("The clinic's team can help with appointments, prices, opening hours")
    assert "call 0123 456 789 or write to desk@clinic.example" in message["text"]
    assert message["buttons"] == [{"title": "📅 Book a consultation", "payload": "/book_consultation"}]
