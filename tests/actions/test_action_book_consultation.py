import pytest

from actions.action_book_consultation import ActionBookConsultation
from bot import settings
from tests.support.trackers import make_tracker


def reply(dispatcher):
    events = ActionBookConsultation().run(dispatcher, make_tracker("/book_consultation", "book_consultation"), domain={})
    [message] = dispatcher.messages
    assert events == []  # nothing about the patient is kept
    return message["text"]


def test_gives_the_configured_booking_page(dispatcher, monkeypatch):
    monkeypatch.setenv("ACNEBOT_BOOKING_URL", "https://clinic.example/book?from=chat")
    text = reply(dispatcher)
    assert text.startswith("You can book a consultation")
    assert text.endswith("https://clinic.example/book?from=chat")


def test_without_a_booking_page_gives_the_clinics_contact(dispatcher, monkeypatch):
    monkeypatch.delenv("ACNEBOT_BOOKING_URL", raising=False)
    monkeypatch.setenv("ACNEBOT_CLINIC_CONTACT", "call 0123 456 789")
    assert reply(dispatcher) == "To book a consultation with one of the clinic's dermatologists, call 0123 456 789."


@pytest.mark.parametrize("value", ["clinic.example/book", "javascript:alert(1)", "https://", "ftp://clinic.example"])
def test_a_booking_url_that_is_not_a_web_address_is_refused(monkeypatch, value):
    monkeypatch.setenv("ACNEBOT_BOOKING_URL", value)
    with pytest.raises(ValueError, match="ACNEBOT_BOOKING_URL must be an http:// or https:// address"):
        settings.booking_url()
