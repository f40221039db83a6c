"""The assistant the end-to-end tests run: its ports, its logs and what was sent
to it (for the check that no message text is logged), and a patient's
conversation over its REST channel."""

from __future__ import annotations

import json
import sqlite3

import requests

from bot.channels.resilience import conversation_id
from bot.runtime.rest_client import WEBHOOK_PATH, new_sender

RASA_PORT = 5105
ACTION_PORT = 5155
# The running servers' log files and every message sent to them, for the test
# that no message text is logged.
BOT_LOGS: list = []
SENT: list = []
# The messaging channels' secrets in the test (credentials.yml reads them from
# the environment); their APIs are the local fake.
CHANNEL_SECRETS = {
    "ACNEBOT_TELEGRAM_ACCESS_TOKEN": "123456789:AAtest-telegram-token_abcdefghijklmnopq",
    "ACNEBOT_TELEGRAM_SECRET_TOKEN": "telegram-secret-0123456789",
    "ACNEBOT_MESSENGER_VERIFY_TOKEN": "messenger-verify-token",
    "ACNEBOT_MESSENGER_APP_SECRET": "messenger-app-secret",
    "ACNEBOT_MESSENGER_PAGE_ACCESS_TOKEN": "messenger-page-token",
    "ACNEBOT_TWILIO_ACCOUNT_SID": "AC" + "0" * 32,
    "ACNEBOT_TWILIO_AUTH_TOKEN": "twilio-auth-token",
    "ACNEBOT_TWILIO_NUMBER": "+15550001111",
}


def stored_user_events(sender: str) -> list[dict]:
    """The user events of a REST conversation, as the running bot's SQLite tracker store holds them."""
    database = BOT_LOGS[0].parent / "tracker.sqlite3"
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user'", (conversation_id("rest", sender),)
        ).fetchall()
    return [json.loads(data) for (data,) in rows]


# The clinic's booking page the test servers are given (ACNEBOT_BOOKING_URL).
BOOKING_URL = "https://clinic.example/book?from=chat"


def split_feedback(messages: list[dict]) -> tuple[list[dict], dict | None]:
    """A reply's messages before the question whether the answer helped, and that
    question (None when it was not asked: no medical answer)."""
    if messages and messages[-1].get("part") == "feedback":
        return messages[:-1], messages[-1]
    return messages, None


class Chat:
    """One patient's conversation over the REST channel."""

    def __init__(self, url: str):
        self.url = f"{url}{WEBHOOK_PATH}"
        self.http = requests.Session()
        self.sender = new_sender(url, self.http)

    def send(self, message: str) -> list[dict]:
        SENT.append(message)
        response = self.http.post(self.url, json={"sender": self.sender, "message": message}, timeout=30)
        response.raise_for_status()
        return response.json()

    def ask(self, message: str) -> str:
        """The reply's text bubbles joined, as a patient reads them, without the
        question whether the answer helped."""
        answer, _ = split_feedback(self.send(message))
        return "\n\n".join(m["text"] for m in answer if "text" in m)

    def start(self) -> list[dict]:
        """Open the conversation; its first reply starts with the privacy notice."""
        messages = self.send("hello")
        assert messages[0]["text"].startswith("Privacy: I give general information")
        return messages
