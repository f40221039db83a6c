from rasa_sdk.events import SlotSet

from actions.action_answer_question import ActionAnswerQuestion
from bot import settings
from tests.support.trackers import make_tracker


def run(dispatcher, tracker):
    events = ActionAnswerQuestion().run(dispatcher, tracker, domain={})
    assert len(dispatcher.messages) == 1
    return dispatcher.messages[0]["text"], {event["name"]: event["value"] for event in events}


def test_answers_the_topic_from_the_store_and_remembers_the_subject(knowledge, dispatcher):
    text, slots = run(dispatcher, make_tracker("what are rolling scars", "ask_scar_types", [("scar_type", "rolling")]))
    assert text.startswith("Rolling scars give the skin an uneven")
    assert text.endswith(settings.DISCLAIMER)
    assert slots == {"topic": "scar_types", "scar_type": ["rolling"], "treatment": None}


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


def test_a_general_question_forgets_the_previous_subject(knowledge, dispatcher):
    tracker = make_tracker("how are acne scars treated", "ask_treatment", slots={"topic": "scar_types", "scar_type": ["rolling"]})
    text, slots = run(dispatcher, tracker)
    assert text.startswith("Several treatments can improve how acne scars look")
    assert slots["scar_type"] is None


def test_sets_nothing_it_did_not_answer_about(knowledge, dispatcher):
    events = ActionAnswerQuestion().run(dispatcher, make_tracker("do acne scars go away", "ask_go_away"), domain={})
    assert events == [SlotSet("topic", "go_away"), SlotSet("scar_type", None), SlotSet("treatment", None)]


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
