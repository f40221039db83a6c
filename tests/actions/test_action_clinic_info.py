import pytest

from actions.action_clinic_info import ActionClinicInfo
from tests.support.trackers import make_tracker


def test_points_to_the_clinic_with_the_configured_contact(dispatcher, monkeypatch):
    monkeypatch.setenv("ACNEBOT_CLINIC_CONTACT", "call 0123 456 789 or write to desk@clinic.example")
    ActionClinicInfo().run(dispatcher, make_tracker("how much is a peel", "ask_clinic"), domain={})
    [message] = dispatcher.messages
    assert message["text"].startswith("The clinic's team can help with appointments, prices, opening hours")
    assert "call 0123 456 789 or write to desk@clinic.example" in message["text"]
    assert message["buttons"] == [{"title": "📅 Book a consultation", "payload": "/book_consultation"}]


def test_a_price_asked_for_a_named_treatment_says_the_sources_do_not_cover_it(dispatcher, monkeypatch):
    monkeypatch.setenv("ACNEBOT_CLINIC_CONTACT", "call 0123 456 789")
    tracker = make_tracker("how much does fraxel cost", "ask_clinic", [("treatment", "laser")])
    ActionClinicInfo().run(dispatcher, tracker, domain={})
    [message] = dispatcher.messages
    assert (
        message["text"]
        == "My sources don't cover the cost of laser treatment. The clinic's team can tell you: call 0123 456 789."
    )


def test_a_plan_to_treat_oneself_is_cautioned_before_the_clinic_contact(dispatcher):
    text = "found hyaluronic filler pens online for £40, was going to inject my own boxcar scars. how deep should i go"
    ActionClinicInfo().run(dispatcher, make_tracker(text, "ask_clinic"), domain={})
    [message] = dispatcher.messages
    caution, contact = message["text"].split("\n\n")
    assert caution.startswith("Please don't treat your skin yourself with blades, needles, injections")
    assert contact.startswith("The clinic's team can help with appointments")


def test_a_price_asked_after_an_answer_about_treatment_is_the_price_of_what_was_discussed(dispatcher, monkeypatch):
    monkeypatch.setenv("ACNEBOT_CLINIC_CONTACT", "call 0123 456 789")
    after_laser = make_tracker("how much does it cost", "ask_clinic", slots={"topic": "treatment", "treatment": ["laser"]})
    after_overview = make_tracker("how much does it cost", "ask_clinic", slots={"topic": "treatment"})
    after_causes = make_tracker("how much does it cost", "ask_clinic", slots={"topic": "causes"})
    consultation = make_tracker(
        "how much does a consultation cost", "ask_clinic", slots={"topic": "treatment", "treatment": ["laser"]}
    )
    for tracker in (after_laser, after_overview, after_causes, consultation):
        ActionClinicInfo().run(dispatcher, tracker, domain={})
    laser, overview, causes, consultation_price = (message["text"] for message in dispatcher.messages)
    assert consultation_price.startswith("The clinic's team can help with appointments, prices")
    assert laser == "My sources don't cover the cost of laser treatment. The clinic's team can tell you: call 0123 456 789."
    assert overview.startswith("My sources don't cover the cost of acne scar treatment.")
    assert causes.startswith("The clinic's team can help with appointments, prices")


def test_a_price_asked_in_passing_after_an_answer_about_a_treatment_is_its_price(dispatcher):
    ActionClinicInfo().run(
        dispatcher, make_tracker("and the price?", "ask_clinic", slots={"topic": "treatment", "treatment": ["laser"]}), domain={}
    )
    [message] = dispatcher.messages
    assert message["text"].startswith("My sources don't cover the cost of laser treatment.")


def test_a_medical_aspect_of_the_clinics_treatments_is_answered_as_that_aspect(knowledge, dispatcher):
    text = "I'm a nurse doing 12 hour shifts. Which of your acne scar treatments has the least downtime?"
    ActionClinicInfo().run(dispatcher, make_tracker(text, "ask_clinic"), domain={})
    assert "don't cover" in dispatcher.messages[0]["text"] and "downtime" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize(
    "text",
    ["do you offer treatments on saturdays so i dont need time off work", "whats the minimum age for treatments at your clinic?"],
)
def test_what_the_clinic_offers_and_when_is_the_clinics_business(dispatcher, text):
    ActionClinicInfo().run(dispatcher, make_tracker(text, "ask_clinic"), domain={})
    assert dispatcher.messages[0]["text"].startswith("The clinic's team can help with appointments")


def test_how_long_a_visit_takes_is_the_clinics_business(dispatcher):
    text = "how long is a fraxel appointment"  # the sessions aspect, of laser
    ActionClinicInfo().run(dispatcher, make_tracker(text, "ask_clinic", [("treatment", "laser")]), domain={})
    assert dispatcher.messages[0]["text"].startswith("The clinic's team can help with appointments")
