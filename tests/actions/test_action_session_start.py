from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet

from actions.action_session_start import ActionSessionStart
from bot import settings
from tests.actions.conftest import make_tracker


def test_a_new_session_opens_with_the_privacy_notice_and_keeps_the_subject(dispatcher):
    tracker = make_tracker("hi", "greet", slots={"topic": "treatment", "scar_type": ["rolling"]})
    domain = {"session_config": {"carry_over_slots_to_new_session": True}}
    events = ActionSessionStart().run(dispatcher, tracker, domain)
    assert [m["text"] for m in dispatcher.messages] == [settings.PRIVACY_NOTICE]
    assert events == [
        SessionStarted(),
        SlotSet("topic", "treatment"),
        SlotSet("scar_type", ["rolling"]),
        ActionExecuted("action_listen"),
    ]
