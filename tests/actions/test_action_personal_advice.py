from actions.action_personal_advice import ActionPersonalAdvice
from bot import settings
from bot.dialogue.messages import message
from tests.support.trackers import make_tracker

REFUSAL = message("personal_advice_refusal")


def reply(dispatcher, text, entities=()):
    """The reply's text; a refusal with general information is followed by the
    question whether it helped, with the booking button."""
    ActionPersonalAdvice().run(dispatcher, make_tracker(text, "ask_personal_advice", entities), domain={})
    message, *rest = dispatcher.messages
    if message["text"].startswith(REFUSAL):
        [prompt] = rest
        assert prompt["buttons"][-1]["payload"] == "/book_consultation"
    return message["text"]


def test_a_dose_question_is_declined_without_general_treatment_content(knowledge, dispatcher):
    text = reply(dispatcher, "how much isotretinoin should I take")
    # the caution for patients on isotretinoin comes first
    assert text.startswith("You mentioned isotretinoin.")
    assert REFUSAL in text and "doctor who prescribed it" in text
    assert text.endswith(settings.DISCLAIMER)


def test_a_treatment_choice_is_declined_then_the_options_are_given(knowledge, dispatcher):
    text = reply(dispatcher, "which laser should I get", [("treatment", "laser")])
    assert text.startswith(REFUSAL)
    assert "Clear + Brilliant" in text
    assert text.endswith(settings.DISCLAIMER)


def test_what_type_is_my_scar_is_declined_then_how_a_dermatologist_tells_and_the_types_are_explained(knowledge, dispatcher):
    text = reply(dispatcher, "what type of scar is this on my cheek")
    assert text.startswith(REFUSAL)
    assert text.index("visual assessment") < text.index("Atrophic scars are sunken")


def test_an_aspect_asked_as_personal_advice_of_the_subject_under_discussion_is_about_it(knowledge, dispatcher):
    tracker = make_tracker(
        "how many would I need", "ask_personal_advice", slots={"topic": "treatment", "treatment": ["chemical peel"]}
    )
    ActionPersonalAdvice().run(dispatcher, tracker, domain={})
    assert "My sources don't cover how many sessions a chemical peel takes" in dispatcher.messages[0]["text"]


def test_which_treatment_for_a_scar_type_is_declined_then_its_treatments_are_given(knowledge, dispatcher):
    text = reply(
        dispatcher, "i have loads of ice pick scars on my cheeks which treatment should i get", [("scar_type", "ice pick")]
    )
    assert text.startswith(REFUSAL)
    assert "microneedling" in text.lower()
    # and a scar named beside "which type" is still a question of type
    dispatcher.messages.clear()
    text = reply(dispatcher, "is the scar on my nose a boxcar one, which type is it", [("scar_type", "boxcar")])
    assert "Boxcar scars" in text and "microneedling" not in text.lower()


def test_a_price_asked_as_personal_advice_goes_to_the_clinic(knowledge, dispatcher):
    text = reply(dispatcher, "what would a laser session cost me", [("treatment", "laser")])
    assert text.startswith("My sources don't cover the cost of laser treatment. The clinic's team can tell you:")


def test_an_aspect_asked_as_personal_advice_is_answered_after_the_refusal(knowledge, dispatcher):
    text = reply(dispatcher, "for my ice pick scars would one peel be enough", [("treatment", "chemical peel")])
    refusal, aspect = text.split("\n\n")[:2]
    assert refusal.startswith(REFUSAL)
    assert aspect.startswith("My sources don't cover how many sessions a chemical peel takes")


def test_a_medicine_used_is_not_a_question_about_it(knowledge, dispatcher):
    assert "doctor who prescribed it" not in reply(dispatcher, "I use retinol every night, which treatment should I get?")


def test_a_medicine_only_mentioned_is_not_a_question_about_it(knowledge, dispatcher):
    text = reply(dispatcher, "im on isotretinoin and have some wavy patches on my cheeks, what type of scars are mine?")
    assert "doctor who prescribed it" not in text
    assert "Rolling scars" in text or "rolling" in text
