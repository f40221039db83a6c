"""Rasa's HTTP API, which can read any conversation, is off without a token.
(That no message text reaches the logs is checked when the end-to-end session
ends: `no_message_text_in_the_logs` in conftest.py.)"""

import requests

from tests.support.running_bot import Chat


def test_the_http_api_is_off_without_a_token(bot_url):
    patient = Chat(bot_url)
    patient.send("what causes acne scars")
    for path in (
        f"/conversations/{patient.sender}/tracker",
        f"/conversations/rest:{patient.sender}/tracker",
        f"/conversations/{patient.sender}/messages",
        "/model/parse",
        "/status",
    ):
        response = requests.get(f"{bot_url}{path}", timeout=10)
        assert response.status_code in (404, 405), path
        assert "what causes acne scars" not in response.text
