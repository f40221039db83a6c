import yaml
from rasa_sdk.events import ActionExecuted, SessionStarted, SlotSet

from actions.action_session_start import ActionSessionStart
from bot import settings
from tests.support.trackers import make_tracker

DOMAIN = yaml.safe_load(settings.DOMAIN_FILE.read_text(encoding="utf-8"))


def test_a_new_session_opens_with_the_privacy_notice_and_starts_clean(dispatcher):
    """What an earlier session was about (here, rolling scars) is not carried into a
    new one: whoever continues the conversation later learns nothing from it."""
    tracker = make_tracker("hi", "greet", slots={"topic": "treatment", "scar_type": ["rolling"]})
    events = ActionSessionStart().run(dispatcher, tracker, DOMAIN)
    assert [m["text"] for m in dispatcher.messages] == [settings.PRIVACY_NOTICE]
    assert events == [SessionStarted(), ActionExecuted("action_listen")]


def test_slots_are_carried_over_only_when_the_domain_says_so(dispatcher):
    tracker = make_tracker("hi", "greet", slots={"topic": "treatment", "scar_type": ["rolling"]})
    domain = {"session_config": {"carry_over_slots_to_new_session": True}}
    events = ActionSessionStart().run(dispatcher, tracker, domain)
    assert events == [
        SessionStarted(),
        SlotSet("topic", "treatment"),
        SlotSet("scar_type", ["rolling"]),
        ActionExecuted("action_listen"),
    ]
