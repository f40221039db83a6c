"""Action results are validated as Rasa validates them (bot/runtime/action_result_schema.py),
with a validator built once."""

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction

from bot.runtime.action_result_schema import validate_action_result

VALID = [
    {},
    {"events": [], "responses": []},
    {
        "events": [{"event": "slot", "name": "topic", "value": "causes"}],
        "responses": [{"text": "Acne scars form when …", "buttons": [{"title": "Yes", "payload": "/answer_helped"}]}],
    },
]
INVALID = [
    {"events": "not a list"},
    {"events": [{"name": "no event type"}]},
    {"events": [{"event": "no_such_event"}]},
    {"responses": [1, 2]},
    [],
]


@pytest.mark.parametrize("result", VALID)
def test_results_rasa_accepts_are_accepted(result):
    action = RemoteAction("action_answer_question", None)
    assert RemoteAction._validate_action_result(action, result)
    assert validate_action_result(action, result)


@pytest.mark.parametrize("result", INVALID)
def test_results_rasa_rejects_are_rejected_with_the_same_explanation(result):
    action = RemoteAction("action_answer_question", None)
    with pytest.raises(ValidationError) as rasa_error:
        RemoteAction._validate_action_result(action, result)
    with pytest.raises(ValidationError) as our_error:
        validate_action_result(action, result)
    assert our_error.value.message == rasa_error.value.message
    assert "Failed to validate Action server response" in our_error.value.message


def test_the_launcher_installs_it_before_rasa_starts(monkeypatch):
    import rasa.__main__

    from bot.runtime import rasa_launcher

    # Restored after the test, whatever the launcher sets.
    monkeypatch.setattr(RemoteAction, "_validate_action_result", RemoteAction._validate_action_result)
    monkeypatch.setattr("sys.argv", ["rasa_launcher", "--version"])
    installed = []
    monkeypatch.setattr(rasa.__main__, "main", lambda: installed.append(RemoteAction._validate_action_result))
    rasa_launcher.main()
    assert installed == [validate_action_result]
