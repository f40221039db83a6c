"""A real running assistant: the action server and the Rasa server with the trained
model, on their own ports, reading a freshly ingested SQLite store."""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess

import pytest
import requests
import yaml

from bot import settings
from bot.channels.resilience import conversation_id
from bot.endpoints import write_endpoints
from bot.ingest.run import ingest
from bot.rest_client import WEBHOOK_PATH, new_sender
from bot.serve import RASA_SERVER, rasa_run_args, start_action_server, stop, wait_for
from bot.store.db import migrate, new_session
from tests.fake_platforms import FakePlatforms

RASA_PORT = 5105
ACTION_PORT = 5155
MODEL = settings.PROJECT_ROOT / "models" / "acne-scar-assistant.tar.gz"
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


@pytest.fixture(scope="session", autouse=True)
def no_message_text_in_the_logs():
    """When every end-to-end test has run and the servers have stopped: no message
    any of them sent (15 characters or more) is in either server's log."""
    yield
    if not BOT_LOGS:
        return  # no test started the servers
    logs = "\n".join(path.read_text(encoding="utf-8", errors="replace") for path in BOT_LOGS)
    assert "Action endpoint is up and running" in logs  # the logs are the real servers' logs
    leaked = sorted(message for message in set(SENT) if len(message) >= 15 and message in logs)
    assert leaked == [], "message text in the servers' logs"


@pytest.fixture(scope="session")
def bot_store_url(tmp_path_factory):
    """The knowledge store the running bot reads, filled from data/."""
    store_url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'knowledge.sqlite3'}"
    migrate(store_url)
    with new_session(store_url) as session:
        ingest(session)
    return store_url


@pytest.fixture(scope="session")
def platforms():
    """The messaging platforms' APIs, faked on loopback."""
    fake = FakePlatforms()
    yield fake
    fake.close()


def channel_credentials(workdir, platforms) -> str:
    """credentials.yml with every channel on: the test's secrets in place of the
    variables, and the platforms' API calls sent to the fake."""
    text = (settings.PROJECT_ROOT / "credentials.yml").read_text()
    secrets = {**CHANNEL_SECRETS, "ACNEBOT_TWILIO_WEBHOOK_URL": f"http://localhost:{RASA_PORT}/webhooks/twilio/webhook"}
    text = re.sub(r"\$\{(\w+)\}", lambda match: json.dumps(secrets[match.group(1)]), text)
    channels = yaml.safe_load(text)
    for module_path, platform in (("telegram.TelegramChannel", "telegram"), ("messenger.MessengerChannel", "graph"), ("twilio.TwilioChannel", "twilio")):
        channels[f"bot.channels.{module_path}"]["api_url"] = f"{platforms.url}/{platform}"
    path = workdir / "credentials.yml"
    path.write_text(yaml.safe_dump(channels))
    return str(path)


@pytest.fixture(scope="session")
def bot_url(tmp_path_factory, bot_store_url, platforms):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (make test does it)")
    workdir = tmp_path_factory.mktemp("bot")
    store_url = bot_store_url
    endpoints = write_endpoints(workdir / "endpoints.yml", environ={
        "ACNEBOT_TRACKER_STORE_URL": f"sqlite:///{workdir / 'tracker.sqlite3'}",
        "ACNEBOT_ACTION_SERVER_URL": f"http://localhost:{ACTION_PORT}/webhook",
    })
    env = {**os.environ, "ACNEBOT_DATABASE_URL": store_url, "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONUNBUFFERED": "1"}
    logs = {name: open(workdir / f"{name}.log", "w") for name in ("actions", "rasa")}
    BOT_LOGS.extend(workdir / f"{name}.log" for name in logs)
    actions = start_action_server(ACTION_PORT, env=env, stdout=logs["actions"], stderr=subprocess.STDOUT)
    env.pop("ACNEBOT_API_TOKEN", None)
    rasa = subprocess.Popen(
        [*RASA_SERVER, *rasa_run_args(RASA_PORT, str(endpoints), channel_credentials(workdir, platforms)), "--model", str(MODEL)],
        cwd=settings.PROJECT_ROOT, env=env, stdout=logs["rasa"], stderr=subprocess.STDOUT,
    )
    url = f"http://localhost:{RASA_PORT}"
    try:
        if not wait_for(f"{url}/", 180, rasa):
            pytest.fail("The Rasa server did not start:\n" + (workdir / "rasa.log").read_text()[-3000:])
        yield url
    finally:
        stop(rasa, actions)
        for log in logs.values():
            log.close()


def stored_user_events(sender: str) -> list[dict]:
    """The user events of a REST conversation, as the running bot's SQLite tracker store holds them."""
    database = BOT_LOGS[0].parent / "tracker.sqlite3"
    with sqlite3.connect(database) as connection:
        rows = connection.execute(
            "SELECT data FROM events WHERE sender_id = ? AND type_name = 'user'", (conversation_id("rest", sender),)
        ).fetchall()
    return [json.loads(data) for (data,) in rows]


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
        """The reply's text bubbles joined, as a patient reads them."""
        return "\n\n".join(m["text"] for m in self.send(message) if "text" in m)

    def start(self) -> list[dict]:
        """Open the conversation; its first reply starts with the privacy notice."""
        messages = self.send("hello")
        assert messages[0]["text"].startswith("Privacy: I give general information")
        return messages


@pytest.fixture
def chat(bot_url, request):
    """A patient whose conversation is open (privacy notice and greeting done)."""
    patient = Chat(bot_url)
    patient.start()
    return patient
