import pytest

from actions.action_offer_topics import ActionOfferTopics
from bot import settings
from bot.dialogue.messages import message
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


def test_a_message_torn_between_thanks_and_that_helped_is_both(knowledge, dispatcher):
    ranking = [("nlu_fallback", 0.3), ("answer_helped", 0.48), ("thank", 0.48), ("ask_treatment", 0.01)]
    tracker = make_tracker("thanks thats really helpful", "nlu_fallback", slots={"answered": "causes"}, ranking=ranking)
    events = ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert [m["text"] for m in dispatcher.messages] == [message("feedback_thanks")]
    assert {"event": "slot", "timestamp": None, "name": "answered", "value": None} in events
    # torn between thanks and a question, it is not understood
    dispatcher.messages.clear()
    ranking = [("nlu_fallback", 0.3), ("thank", 0.4), ("ask_treatment", 0.38)]
    ActionOfferTopics().run(dispatcher, make_tracker("thanks, and laser?", "nlu_fallback", ranking=ranking), domain={})
    assert dispatcher.messages[-1]["text"] != message("feedback_thanks")


def test_a_message_torn_between_thanks_and_goodbye_is_both(dispatcher):
    ranking = [("nlu_fallback", 0.3), ("goodbye", 0.45), ("thank", 0.42), ("ask_treatment", 0.01)]
    tracker = make_tracker("cheers, that's all I needed", "nlu_fallback", slots={"answered": "causes"}, ranking=ranking)
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert [m["text"] for m in dispatcher.messages] == [message("thanks_and_goodbye")]
    # unsure of either, it is not understood
    dispatcher.messages.clear()
    ranking = [("nlu_fallback", 0.3), ("goodbye", 0.29), ("thank", 0.28)]
    ActionOfferTopics().run(dispatcher, make_tracker("ta ra then", "nlu_fallback", ranking=ranking), domain={})
    assert dispatcher.messages[-1]["text"] != message("thanks_and_goodbye")


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
    message, prompt = dispatcher.messages
    assert message["text"].startswith("Rolling scars come from bands of scar tissue")
    assert prompt["text"] == "Did this answer your question?"
    assert {"event": "slot", "timestamp": None, "name": "topic", "value": "treatment"} in events


def test_an_unsure_follow_up_naming_a_scar_type_gets_that_scar_types_answer(knowledge, dispatcher):
    tracker = make_tracker("whats a pockmark", "nlu_fallback", [("scar_type", "pockmarks")])
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "follow_up", "confidence": 0.29},
    ]
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    message, _prompt = dispatcher.messages
    assert message["text"].startswith("Pockmarks, also called acne craters")


def test_an_unsure_message_referring_back_to_the_subject_is_answered_on_that_subject(knowledge, dispatcher):
    ranking = [{"name": "nlu_fallback", "confidence": 0.4}, {"name": "follow_up", "confidence": 0.39}]
    tracker = make_tracker(
        "how long do they last?", "nlu_fallback", slots={"topic": "treatment", "treatment": ["dermal fillers"]}
    )
    tracker.latest_message["intent_ranking"] = ranking
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"].startswith("Juvederm, a dermal filler, can be used to lift scars for 12 months")
    # With no subject under discussion, the same message is not guessed at.
    dispatcher.messages.clear()
    tracker = make_tracker("how long do they last?", "nlu_fallback")
    tracker.latest_message["intent_ranking"] = ranking
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[-1]["text"].startswith("Sorry, I'm not sure I understood")


def test_an_unsure_aspect_question_with_a_subject_under_discussion_asks_about_that_subject(knowledge, dispatcher):
    ranking = [{"name": "nlu_fallback", "confidence": 0.3}, {"name": "follow_up", "confidence": 0.24}]
    slots = {"topic": "treatment", "treatment": ["platelet-rich plasma"]}
    tracker = make_tracker("how many sessions do u need", "nlu_fallback", slots=slots)
    tracker.latest_message["intent_ranking"] = ranking
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"].startswith("My sources don't cover how many sessions PRP therapy takes")


def test_an_unreachable_knowledge_store_gets_an_apology_not_an_error(monkeypatch, dispatcher, caplog):
    # Nothing listens on port 1: the store cannot be reached.
    monkeypatch.setenv("ACNEBOT_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/none?connect_timeout=2")
    ActionOfferTopics().run(dispatcher, make_tracker("zorbly wumpus frabjous", "nlu_fallback"), domain={})
    [message] = dispatcher.messages
    assert "can't look that up right now" in message["text"]
    assert "Knowledge store unreachable (OperationalError)" in caplog.text


def test_a_message_it_did_not_understand_gets_its_likeliest_topics_first(dispatcher):
    tracker = make_tracker("im 16 and scared of scars like my dads, anything i can do now", "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "ask_genetics", "confidence": 0.38},
        {"name": "ask_prevention", "confidence": 0.3},
        {"name": "ask_causes", "confidence": 0.2},
        {"name": "ask_symptoms", "confidence": 0.03},
    ]
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    [message] = dispatcher.messages
    # A circumstance to weigh is cautioned first, however little else was understood.
    caution, rephrase = message["text"].split("\n\n")
    assert caution.startswith("You mentioned someone under 18.")
    assert rephrase.startswith("Sorry, I'm not sure I understood. The first topics below are my best guesses")
    payloads = [button["payload"] for button in message["buttons"]]
    assert payloads[:2] == ["/ask_genetics", "/ask_prevention"]
    # The menu follows, each topic once.
    assert "/ask_causes" in payloads[2:] and len(payloads) == len(set(payloads)) == 7


@pytest.mark.parametrize(
    "text, ranking",
    [
        (
            "I'm 50 and I still have acne scars from high school. Is it too late to do anything about them?",
            [("nlu_fallback", 0.3), ("ask_prevention", 0.23), ("ask_see_doctor", 0.2)],
        ),
        # as the model read it with the training data of 2026-11-24, late night
        ("what can i do about my acne scars", [("nlu_fallback", 0.3), ("ask_treatment", 0.35), ("ask_overview", 0.3)]),
    ],
)
def test_an_unsure_message_about_acne_scars_that_asks_how_to_treat_them_gets_the_treatment_answer(
    knowledge, dispatcher, text, ranking
):
    ActionOfferTopics().run(dispatcher, make_tracker(text, "nlu_fallback", ranking=ranking), domain={})
    assert "microneedling" in dispatcher.messages[0]["text"]


@pytest.mark.parametrize(
    "text",
    [
        "I'm 50 with acne scars, can anything be done to stop new ones?",
        "my acne scars, do they fade without any treatment",
        "is it too late to do anything about my surgery scar",
    ],
)
def test_an_unsure_message_that_does_not_ask_how_to_treat_acne_scars_is_asked_to_rephrase(dispatcher, text):
    ranking = [("nlu_fallback", 0.3), ("ask_prevention", 0.23), ("ask_see_doctor", 0.2)]
    ActionOfferTopics().run(dispatcher, make_tracker(text, "nlu_fallback", ranking=ranking), domain={})
    assert "microneedling" not in dispatcher.messages[0]["text"]


def test_unlikely_topics_are_not_offered_as_guesses(dispatcher):
    tracker = make_tracker("blorp blorp", "nlu_fallback")
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.4},
        {"name": "out_of_scope", "confidence": 0.3},
        {"name": "ask_genetics", "confidence": 0.1},
    ]
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    [message] = dispatcher.messages
    assert message["text"].startswith("Sorry, I'm not sure I understood. Could you rephrase")
    assert message["buttons"][0]["payload"] == "/ask_causes"


def test_a_message_torn_between_two_questions_gets_both_answers(knowledge, dispatcher):
    ranking = [("nlu_fallback", 0.3), ("ask_causes", 0.42), ("ask_picking", 0.41), ("ask_overview", 0.05)]
    tracker = make_tracker("i never picked my spots so why do i still have scars", "nlu_fallback", ranking=ranking)
    events = ActionOfferTopics().run(dispatcher, tracker, domain={})
    message, prompt = dispatcher.messages
    assert message["text"].startswith("Acne scars form as the skin heals, as a result of inflammation")
    assert "Sources differ" in message["text"]  # the picking entry: the sources disagree
    assert prompt["text"] == "Did this answer your question?"
    [answered] = [event["value"] for event in events if event["name"] == "answered"]
    assert answered["kind"] == "several questions" and answered["entries"] == ["causes", "picking"]


def test_a_torn_follow_up_keeps_the_subject_or_answers_the_other_reading(knowledge, dispatcher):
    ranking = [("nlu_fallback", 0.3), ("follow_up", 0.31), ("ask_treatment", 0.29)]
    tracker = make_tracker("Then what actually helps?", "nlu_fallback", slots={"topic": "go_away"}, ranking=ranking)
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"].startswith("Several treatment options can improve the appearance of acne scars")


def test_two_readings_far_apart_are_not_torn(dispatcher):
    ranking = [("nlu_fallback", 0.3), ("ask_causes", 0.29), ("ask_picking", 0.2)]
    ActionOfferTopics().run(dispatcher, make_tracker("hmm scars", "nlu_fallback", ranking=ranking), domain={})
    assert dispatcher.messages[0]["text"].startswith("Sorry, I'm not sure I understood.")


def test_an_unsure_message_naming_a_treatment_read_as_clinic_business_gets_the_clinics_contact(knowledge, dispatcher):
    tracker = make_tracker("what would a laser session cost me", "nlu_fallback", [("treatment", "laser")])
    tracker.latest_message["intent_ranking"] = [
        {"name": "nlu_fallback", "confidence": 0.3},
        {"name": "ask_clinic", "confidence": 0.47},
        {"name": "ask_personal_advice", "confidence": 0.42},
    ]
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    [message] = dispatcher.messages
    assert message["text"].startswith("My sources don't cover the cost of laser treatment. The clinic's team can tell you")
    assert message["buttons"]


def test_an_unsure_request_for_more_gets_more_about_the_subject(knowledge, dispatcher):
    # "tell me more" falls back (follow-up 0.18); right after the boxcar answer it is about boxcar scars.
    tracker = make_tracker(
        "tell me more",
        "nlu_fallback",
        slots={"topic": "scar_types", "scar_type": ["boxcar"]},
        ranking=[("nlu_fallback", 0.3), ("follow_up", 0.18)],
    )
    tracker.events.insert(0, {"event": "bot", "text": "Boxcar scars are sunken scars ...\n\n" + settings.DISCLAIMER})
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    [reply] = dispatcher.messages
    assert reply["text"] == message("nothing_more")


@pytest.mark.parametrize("text", ["like what", "such as", "for example?", "any examples"])
def test_an_unsure_request_for_examples_after_an_answer_gets_the_subjects_answer(knowledge, dispatcher, text):
    # "like what?" is read as a follow-up; "like what" falls back (ask_capabilities 0.31, follow_up 0.27).
    tracker = make_tracker(
        text,
        "nlu_fallback",
        slots={"topic": "treatment"},
        ranking=[("nlu_fallback", 0.3), ("ask_capabilities", 0.31), ("follow_up", 0.27)],
    )
    tracker.events.insert(0, {"event": "bot", "text": "Several treatment options ...\n\n" + settings.DISCLAIMER})
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"].startswith("Several treatment options can improve the appearance of acne scars")


def test_a_request_for_examples_with_no_answer_before_it_is_asked_to_rephrase(dispatcher):
    ranking = [("nlu_fallback", 0.3), ("ask_capabilities", 0.31), ("follow_up", 0.27)]
    ActionOfferTopics().run(dispatcher, make_tracker("like what", "nlu_fallback", ranking=ranking), domain={})
    assert dispatcher.messages[0]["text"].startswith("Sorry, I'm not sure I understood.")


def _after_an_answer(tracker):
    tracker.events.insert(0, {"event": "bot", "text": "An answer ...\n\n" + settings.DISCLAIMER})
    return tracker


def test_a_request_for_examples_read_as_what_the_bot_can_do_gets_the_subjects_answer(knowledge, dispatcher):
    tracker = _after_an_answer(make_tracker("give me examples", "ask_capabilities", slots={"topic": "scar_types"}))
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert "ice pick" in dispatcher.messages[0]["text"]


def test_what_would_help_read_as_what_the_bot_can_do_asks_how_to_treat_the_subject(knowledge, dispatcher):
    tracker = _after_an_answer(make_tracker("ok so what would actually help", "ask_capabilities", slots={"topic": "go_away"}))
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["text"].startswith("Several treatment options can improve the appearance of acne scars")


@pytest.mark.parametrize("text", ["what can you do?", "what can you do for me"])
def test_what_can_you_do_during_a_conversation_gets_the_topics(dispatcher, text):
    tracker = _after_an_answer(make_tracker(text, "ask_capabilities", slots={"topic": "treatment"}))
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert not dispatcher.messages[0]["text"].startswith("Several treatment options")


def test_what_would_help_after_a_crisis_reply_is_not_about_treating_scars(dispatcher):
    tracker = make_tracker("what would help?", "nlu_fallback", slots={"topic": "treatment"})
    tracker.events.insert(0, {"event": "bot", "text": "⚠️ URGENT: please reach out for support now."})
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert not dispatcher.messages[0]["text"].startswith("Several treatment options")


def test_an_unsure_message_about_acne_scars_and_a_treatment_that_asks_nothing_of_treating_is_not_answered_as_treatment(
    dispatcher,
):
    ranking = [("nlu_fallback", 0.3), ("ask_side_effects", 0.25), ("ask_go_away", 0.2)]
    tracker = make_tracker("why do acne scars look worse after treatment sometimes", "nlu_fallback", ranking=ranking)
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert not dispatcher.messages[0]["text"].startswith("Several treatment options")


def test_what_the_bot_can_do_asked_during_a_conversation_gets_the_topics(dispatcher):
    tracker = _after_an_answer(make_tracker("what else can you help with", "ask_capabilities", slots={"topic": "go_away"}))
    ActionOfferTopics().run(dispatcher, tracker, domain={})
    assert dispatcher.messages[0]["buttons"]
    assert not dispatcher.messages[0]["text"].startswith("Several treatment options")
