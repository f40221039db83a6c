import pytest
from rasa_sdk.events import SlotSet

from actions.action_answer_question import ActionAnswerQuestion
from bot import settings
from bot.dialogue.feedback import ANSWERED_SLOT
from bot.dialogue.messages import message
from tests.support.trackers import make_tracker

RATING_PAYLOADS = ["/answer_helped", "/answer_not_helpful"]


def run(dispatcher, tracker):
    """The answer's text and the subject slots it sets (what it gave for rating aside)."""
    events = ActionAnswerQuestion().run(dispatcher, tracker, domain={})
    slots = {event["name"]: event["value"] for event in events}
    answered = slots.pop(ANSWERED_SLOT, None)
    if answered is None:  # no answer to rate: no question whether it helped
        assert len(dispatcher.messages) == 1
    else:
        assert len(dispatcher.messages) == 2 and dispatcher.messages[1]["text"] == message("feedback_question")
    return dispatcher.messages[0]["text"], slots


def test_answers_the_topic_from_the_store_and_remembers_the_subject(knowledge, dispatcher):
    text, slots = run(dispatcher, make_tracker("what are rolling scars", "ask_scar_types", [("scar_type", "rolling")]))
    assert text.startswith("Rolling scars give the skin an uneven")
    assert text.endswith(settings.DISCLAIMER)
    assert slots == {"topic": "scar_types", "scar_type": ["rolling"], "treatment": None}


def test_the_kinds_of_a_treatment_read_as_the_kinds_of_scars_get_the_treatment(knowledge, dispatcher):
    tracker = make_tracker("what kinds of laser are there?", "ask_scar_types", [("treatment", "laser")])
    tracker.latest_message["entities"][0].update(start=14, end=19)
    text, slots = run(dispatcher, tracker)
    assert slots["topic"] == "treatment" and "Fraxel" in text


def test_a_follow_up_naming_only_a_new_treatment_keeps_the_aspect_asked_before(knowledge, dispatcher):
    slots = {"topic": "treatment", "treatment": ["dermal fillers"]}
    tracker = make_tracker("and lasers?", "follow_up", [("treatment", "laser")], slots=slots)
    tracker.events.insert(0, {"event": "user", "text": "how long do they last"})
    text, slots = run(dispatcher, tracker)
    assert text.startswith("My sources don't cover how long the results of laser treatment last")
    assert slots["treatment"] == ["laser"]


def test_a_follow_up_naming_a_new_treatment_after_a_question_of_no_aspect_gets_its_answer(knowledge, dispatcher):
    slots = {"topic": "treatment", "treatment": ["dermal fillers"]}
    tracker = make_tracker("and lasers?", "follow_up", [("treatment", "laser")], slots=slots)
    tracker.events.insert(0, {"event": "user", "text": "what are fillers"})
    text, _ = run(dispatcher, tracker)
    assert text.startswith("Laser treatments are one of the options")


def test_what_to_do_about_acne_scars_read_as_what_they_are_gets_the_treatment_answer(knowledge, dispatcher):
    text, slots = run(dispatcher, make_tracker("what can I do about acne scars", "ask_overview"))
    assert text.startswith("Several treatment options can improve the appearance of acne scars")
    dispatcher.messages.clear()
    text, slots = run(dispatcher, make_tracker("what can I do to prevent acne scars", "ask_overview"))
    assert slots["topic"] == "overview"


def test_a_follow_up_naming_a_scar_type_does_not_keep_the_aspect_asked_before(knowledge, dispatcher):
    slots = {"topic": "treatment", "treatment": ["microneedling"]}
    tracker = make_tracker("what about for ice pick scars?", "follow_up", [("scar_type", "ice pick")], slots=slots)
    tracker.events.insert(0, {"event": "user", "text": "does microneedling hurt?"})
    text, _ = run(dispatcher, tracker)
    assert "painful" not in text


@pytest.mark.parametrize(
    "later, intent",
    [("Also what are they exactly?", "ask_scar_types"), ("And what about them?", "follow_up")],
)
def test_clinic_business_on_a_scar_type_then_a_question_naming_nothing_is_answered(knowledge, dispatcher, later, intent):
    clinic = "Do you treat rolling scars at your clinic?"
    tracker = make_tracker(f"{clinic} {later}", "ask_clinic", [("scar_type", "rolling")], slots={"topic": "scar_types"})
    tracker.latest_message["questions"] = [
        {"intent": "ask_clinic", "text": clinic, "entities": [{"entity": "scar_type", "value": "rolling"}]},
        {"intent": intent, "text": later, "entities": []},
    ]
    reply, _ = run(dispatcher, tracker)
    assert reply.startswith("Rolling scars give the skin an uneven")


def test_a_follow_up_question_uses_the_remembered_scar_type(knowledge, dispatcher):
    tracker = make_tracker("how are they treated?", "ask_treatment", slots={"topic": "scar_types", "scar_type": ["rolling"]})
    text, slots = run(dispatcher, tracker)
    assert text.startswith("Rolling scars come from bands of scar tissue")
    assert slots["topic"] == "treatment" and slots["scar_type"] == ["rolling"]


def test_what_about_keeps_the_topic_and_switches_the_scar_type(knowledge, dispatcher):
    tracker = make_tracker(
        "what about boxcar scars?",
        "follow_up",
        [("scar_type", "boxcar")],
        slots={"topic": "treatment", "scar_type": ["rolling"]},
    )
    text, slots = run(dispatcher, tracker)
    assert text.startswith("Boxcar scars are sunken scars")
    assert slots == {"topic": "treatment", "scar_type": ["boxcar"], "treatment": None}


def test_a_follow_up_naming_a_treatment_after_another_topic_asks_about_the_treatment(knowledge, dispatcher):
    tracker = make_tracker(
        "ok and lasers for the scars, do they work", "follow_up", [("treatment", "laser")], slots={"topic": "picking"}
    )
    text, slots = run(dispatcher, tracker)
    assert slots["topic"] == "treatment" and slots["treatment"] == ["laser"]
    assert "laser" in text.lower()


def test_a_follow_up_that_names_nothing_new_answers_the_question_behind_it(knowledge, dispatcher):
    ranking = [("follow_up", 0.58), ("ask_prevention", 0.4), ("ask_capabilities", 0.01)]
    tracker = make_tracker("ok so how do i prevent it then", "follow_up", slots={"topic": "causes"}, ranking=ranking)
    text, slots = run(dispatcher, tracker)
    assert text.startswith("The best way to prevent acne scars")
    assert slots["topic"] == "prevention"


def test_a_follow_up_keeps_the_subject_when_the_model_ranks_it_above_another_topic(knowledge, dispatcher):
    ranking = [("follow_up", 0.55), ("ask_causes", 0.25), ("ask_prevention", 0.2)]
    tracker = make_tracker("and why is that", "follow_up", slots={"topic": "causes"}, ranking=ranking)
    text, slots = run(dispatcher, tracker)
    assert text.startswith("Acne scars form as the skin heals, as a result of inflammation") and slots["topic"] == "causes"


def test_a_follow_up_the_model_sees_no_other_question_in_keeps_the_subject(knowledge, dispatcher):
    ranking = [("follow_up", 0.9), ("ask_prevention", 0.05)]
    tracker = make_tracker("tell me more about that", "follow_up", slots={"topic": "causes"}, ranking=ranking)
    text, slots = run(dispatcher, tracker)
    assert text.startswith("Acne scars form as the skin heals, as a result of inflammation")
    assert slots["topic"] == "causes"


def test_a_general_question_forgets_the_previous_subject(knowledge, dispatcher):
    tracker = make_tracker("how are acne scars treated", "ask_treatment", slots={"topic": "scar_types", "scar_type": ["rolling"]})
    text, slots = run(dispatcher, tracker)
    assert text.startswith("Several treatment options can improve the appearance of acne scars")
    assert slots["scar_type"] is None


def test_sets_nothing_it_did_not_answer_about(knowledge, dispatcher):
    events = ActionAnswerQuestion().run(dispatcher, make_tracker("do acne scars go away", "ask_go_away"), domain={})
    assert events == [
        SlotSet("topic", "go_away"),
        SlotSet("scar_type", None),
        SlotSet("treatment", None),
        SlotSet(ANSWERED_SLOT, {"kind": "curated entry", "entries": ["go-away"], "passages": []}),
    ]


def test_asks_whether_the_answer_helped_with_two_quick_replies(knowledge, dispatcher):
    ActionAnswerQuestion().run(dispatcher, make_tracker("what causes acne scars?", "ask_causes"), domain={})
    answer, prompt = dispatcher.messages
    assert answer["text"].endswith(settings.DISCLAIMER) and not answer["buttons"]
    assert [button["payload"] for button in prompt["buttons"]] == RATING_PAYLOADS


def test_an_answer_that_sends_the_patient_to_a_dermatologist_offers_the_booking_button(knowledge, dispatcher):
    ActionAnswerQuestion().run(dispatcher, make_tracker("when should I see a doctor about my scars", "ask_see_doctor"), domain={})
    _, prompt = dispatcher.messages
    assert [button["payload"] for button in prompt["buttons"]] == [*RATING_PAYLOADS, "/book_consultation"]
    assert prompt["buttons"][2]["title"] == message("book_consultation")


def test_several_questions_are_rated_as_one_answer_naming_each_entry(knowledge, dispatcher):
    tracker = make_tracker("what causes acne scars and do they go away?", "ask_causes")
    tracker.latest_message["questions"] = [
        {"intent": "ask_causes", "text": "what causes acne scars", "entities": []},
        {"intent": "ask_go_away", "text": "do they go away?", "entities": []},
    ]
    events = ActionAnswerQuestion().run(dispatcher, tracker, domain={})
    [answered] = [event["value"] for event in events if event["name"] == ANSWERED_SLOT]
    assert answered == {"kind": "several questions", "entries": ["causes", "go-away"], "passages": []}


def test_clinic_business_beside_a_medical_question_adds_the_clinics_contact(knowledge, dispatcher):
    text = "how much is laser and how many sessions would i need"
    tracker = make_tracker(text, "ask_treatment", [("treatment", "laser")])
    tracker.latest_message["questions"] = [
        {"intent": "ask_clinic", "text": "how much is laser", "entities": [{"entity": "treatment", "value": "laser"}]},
        {"intent": "ask_treatment", "text": "how many sessions would i need", "entities": []},
    ]
    events = ActionAnswerQuestion().run(dispatcher, tracker, domain={})
    reply, prompt = dispatcher.messages
    # The sessions of laser treatment (the clinic part named it), then the price, which only the clinic gives.
    assert reply["text"].startswith("My sources don't cover how many sessions laser treatment takes")
    assert reply["text"].endswith(
        "My sources don't cover the cost of laser treatment. The clinic's team can tell you: " + settings.clinic_contact() + "."
    )
    assert {"title": "📅 Book a consultation", "payload": "/book_consultation"} in prompt["buttons"]
    assert {"event": "slot", "timestamp": None, "name": "treatment", "value": ["laser"]} in events


def test_questions_that_are_all_clinic_business_get_the_clinics_contact(dispatcher):
    tracker = make_tracker("how much is it and can i book", "ask_treatment")
    tracker.latest_message["questions"] = [
        {"intent": "ask_clinic", "text": "how much is it", "entities": []},
        {"intent": "book_consultation", "text": "can i book", "entities": []},
    ]
    events = ActionAnswerQuestion().run(dispatcher, tracker, domain={})
    [message] = dispatcher.messages
    assert message["text"].startswith("The clinic's team can help with appointments, prices") and events == []


def test_an_unreachable_knowledge_store_gets_an_apology_not_an_error(monkeypatch, dispatcher, caplog):
    # Nothing listens on port 1: the store cannot be reached.
    monkeypatch.setenv("ACNEBOT_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/none?connect_timeout=2")
    text, slots = run(dispatcher, make_tracker("what causes acne scars?", "ask_causes"))
    assert "can't look that up right now" in text and "contact the clinic" in text
    assert slots == {}
    assert "Knowledge store unreachable (OperationalError)" in caplog.text


def test_entity_values_that_are_not_short_strings_are_ignored(knowledge, dispatcher):
    """A slash command can set any JSON as an entity value; the answer is the general one."""
    tracker = make_tracker("/ask_treatment", "ask_treatment", [("scar_type", [{"x": 1}]), ("treatment", "x" * 500)])
    text, slots = run(dispatcher, tracker)
    assert text.endswith(settings.DISCLAIMER)
    assert slots == {"topic": "treatment", "scar_type": None, "treatment": None}


def _asked_for_more(text, subject, replies):
    tracker = make_tracker(text, "follow_up", slots=subject)
    tracker.events[:0] = [{"event": "bot", "text": reply} for reply in replies]
    return tracker


def test_asked_for_more_it_quotes_what_the_sources_say_beyond_the_replies_given(knowledge, dispatcher):
    first, _ = run(dispatcher, make_tracker("what causes acne scars", "ask_causes"))
    replies, quoted = [first], []
    # Asked again and again, it never repeats itself, and says so when nothing is left.
    for _ in range(30):
        dispatcher.messages.clear()
        text, slots = run(dispatcher, _asked_for_more("anything else?", {"topic": "causes"}, replies))
        assert slots == {}  # the subject stays as it was
        if text == message("nothing_more"):
            break
        assert text.startswith(message("sources_say")) and text.endswith(settings.DISCLAIMER)
        lines = [line for line in text.splitlines() if line.startswith("•")]
        assert lines and not set(lines) & set(quoted)
        quoted += lines
        replies.append(text)
    else:
        raise AssertionError("never ran out of passages")
    assert len(quoted) >= 10  # the causes are quoted from many more passages than the entry cites


def test_asked_for_more_when_the_entry_cites_every_passage_it_says_so(knowledge, dispatcher):
    boxcar = make_tracker("what are boxcar scars", "ask_scar_types", [("scar_type", "boxcar")])
    first, subject = run(dispatcher, boxcar)
    dispatcher.messages.clear()
    text, slots = run(dispatcher, _asked_for_more("tell me more", subject, [first]))
    assert text == message("nothing_more") and slots == {}


def test_asked_for_more_after_a_reply_that_answered_nothing_it_is_not_about_the_old_subject(knowledge, dispatcher):
    tracker = _asked_for_more("tell me more", {"topic": "causes"}, ["⚠️ URGENT: please reach out for support now."])
    text, _ = run(dispatcher, tracker)
    assert not text.startswith(message("sources_say")) and text != message("nothing_more")
