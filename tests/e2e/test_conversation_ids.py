"""The REST channel and the widget use conversation ids the server issued: a
guessed, made-up or copied-from-another-channel id reaches no one's conversation
(bot/channels/conversation_ids.py)."""

from __future__ import annotations

import pytest
import requests

from bot.channels import conversation_ids
from bot.channels.rest import UNKNOWN_SENDER
from bot.dialogue.responses import response_text
from bot.runtime.rest_client import CONVERSATIONS_PATH, WEBHOOK_PATH
from tests.support.running_bot import SENT, Chat, stored_user_events


def test_each_conversation_gets_a_new_id_from_the_server(bot_url):
    first, second = (requests.post(f"{bot_url}{CONVERSATIONS_PATH}", timeout=10) for _ in range(2))
    assert first.status_code == second.status_code == 201
    assert first.json()["sender"] != second.json()["sender"]
    assert all(conversation_ids.is_issued(response.json()["sender"]) for response in (first, second))


@pytest.mark.parametrize("kind", ["made up", "a phone number", "another patient's id, re-signed"])
def test_an_id_the_server_did_not_issue_reaches_no_conversation(bot_url, kind):
    patient = Chat(bot_url)
    patient.send("how are rolling scars treated?")
    forged = {
        "made up": "patient-1",
        "a phone number": "+15551234567",
        "another patient's id, re-signed": patient.sender.split(".")[0] + "." + "A" * 32,
    }[kind]
    message = "and what about boxcar scars?"
    SENT.append(message)
    response = requests.post(f"{bot_url}{WEBHOOK_PATH}", json={"sender": forged, "message": message}, timeout=30)
    assert response.status_code == 401
    assert response.json() == {"error": UNKNOWN_SENDER}
    assert stored_user_events(forged) == []
    assert [event["text"] for event in stored_user_events(patient.sender)] == ["how are rolling scars treated?"]


def test_an_emergency_sent_with_an_unknown_id_still_gets_the_emergency_reply(bot_url):
    message = "my lip went white and cold right after my filler"
    SENT.append(message)
    response = requests.post(f"{bot_url}{WEBHOOK_PATH}", json={"sender": "no-such-id", "message": message}, timeout=30)
    assert response.status_code == 200
    assert [(reply["text"], reply["alert"]) for reply in response.json()] == [(response_text("utter_emergency"), "emergency")]
