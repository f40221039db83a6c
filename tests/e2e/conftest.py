"""A real running assistant: the action server and the Rasa server with the trained
model, on their own ports, reading a freshly ingested SQLite store."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
import yaml

from bot import settings
from bot.knowledge.ingest.sync import ingest
from bot.knowledge.store.db import migrate, new_session
from tests.support.fake_platforms import FakePlatforms
from tests.support.running_bot import ACTION_PORT, BOOKING_URL, BOT_LOGS, CHANNEL_SECRETS, RASA_PORT, SENT, Chat
from tools.server_cluster import ServerCluster

MODEL = settings.MODEL_FILE


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


def channel_credentials(workdir, platforms) -> Path:
    """credentials.yml with every channel on: the test's secrets in place of the
    variables, and the platforms' API calls sent to the fake."""
    text = (settings.PROJECT_ROOT / "credentials.yml").read_text()
    secrets = {**CHANNEL_SECRETS, "ACNEBOT_TWILIO_WEBHOOK_URL": f"http://localhost:{RASA_PORT}/webhooks/twilio/webhook"}
    text = re.sub(r"\$\{(\w+)\}", lambda match: json.dumps(secrets[match.group(1)]), text)
    channels = yaml.safe_load(text)
    for module_path, platform in (
        ("telegram.TelegramChannel", "telegram"),
        ("messenger.MessengerChannel", "graph"),
        ("twilio.TwilioChannel", "twilio"),
    ):
        channels[f"bot.channels.{module_path}"]["api_url"] = f"{platforms.url}/{platform}"
    path = workdir / "credentials.yml"
    path.write_text(yaml.safe_dump(channels))
    return path


@pytest.fixture(scope="session")
def bot_servers(tmp_path_factory, bot_store_url, platforms):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (make test does it)")
    workdir = tmp_path_factory.mktemp("bot")
    env = {
        **os.environ,
        "ACNEBOT_DATABASE_URL": bot_store_url,
        "ACNEBOT_TRACKER_STORE_URL": f"sqlite:///{workdir / 'tracker.sqlite3'}",
        "ACNEBOT_ACTION_SERVER_URL": f"http://localhost:{ACTION_PORT}/webhook",
        "ACNEBOT_BOOKING_URL": BOOKING_URL,
        "TF_CPP_MIN_LOG_LEVEL": "2",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("ACNEBOT_API_TOKEN", None)
    servers = ServerCluster(workdir, env, (RASA_PORT,), ACTION_PORT, MODEL, channel_credentials(workdir, platforms))
    BOT_LOGS.extend([servers.log("actions"), servers.log(f"rasa-{RASA_PORT}")])
    try:
        servers.start()
        yield servers
    finally:
        servers.stop_all()


@pytest.fixture(scope="session")
def bot_url(bot_servers):
    return bot_servers.urls[0]


@pytest.fixture(scope="session")
def bot_tracker_url(bot_servers):
    """The running bot's tracker store (SQLite)."""
    return bot_servers.env["ACNEBOT_TRACKER_STORE_URL"]


@pytest.fixture
def chat(bot_url, request):
    """A patient whose conversation is open (privacy notice and greeting done)."""
    patient = Chat(bot_url)
    patient.start()
    return patient
