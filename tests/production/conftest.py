"""The production profile, for real: one action server and two Rasa servers
sharing a PostgreSQL tracker store, a Redis lock store and a PostgreSQL
knowledge store, each started as `make run` would with the profile's variables."""
from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import psycopg2
import pytest
import redis
from sqlalchemy.engine import make_url

from bot import settings
from bot.channels.credentials import configured_channels
from bot.endpoints import write_endpoints
from bot.ingest.run import ingest
from bot.serve import RASA, rasa_run_args, start_action_server, stop, wait_for
from bot.store.db import get_engine, migrate, new_session
from tests.conftest import POSTGRES_URL, _admin_connection
from tests.e2e.conftest import MODEL

ACTION_PORT = 5255
RASA_PORTS = (5205, 5206)
REDIS_URL = os.environ.get("ACNEBOT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


class Deployment:
    """The running servers, which the fault tests stop and start again."""

    def __init__(self, workdir: Path, env: dict, endpoints: Path, tracker_url: str):
        self.workdir, self.env, self.endpoints, self.tracker_url = workdir, env, endpoints, tracker_url
        self.urls = [f"http://localhost:{port}" for port in RASA_PORTS]
        self.credentials = workdir / "credentials.yml"
        configured_channels(settings.PROJECT_ROOT / "credentials.yml", self.credentials, env)
        self.actions = None
        self.rasa: list[subprocess.Popen] = []

    def log(self, name: str) -> Path:
        return self.workdir / f"{name}.log"

    def start_actions(self) -> None:
        self.actions = start_action_server(
            ACTION_PORT, env=self.env, stdout=open(self.log("actions"), "a"), stderr=subprocess.STDOUT
        )

    def stop_actions(self) -> None:
        stop(self.actions)
        self.actions = None

    def start_rasa(self) -> None:
        for port in RASA_PORTS:
            self.rasa.append(subprocess.Popen(
                [RASA, *rasa_run_args(port, str(self.endpoints), str(self.credentials)), "--model", str(MODEL)],
                cwd=settings.PROJECT_ROOT, env=self.env,
                stdout=open(self.log(f"rasa-{port}"), "a"), stderr=subprocess.STDOUT,
            ))
        for url, process, port in zip(self.urls, self.rasa, RASA_PORTS):
            if not wait_for(f"{url}/", 180, process):
                pytest.fail(f"Rasa on {port} did not start:\n" + self.log(f"rasa-{port}").read_text()[-3000:])

    def stop_all(self) -> None:
        stop(*self.rasa, self.actions)


def _create_database(admin, name: str) -> str:
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    return str(make_url(POSTGRES_URL).set(database=name))


@pytest.fixture(scope="session")
def deployment(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (make test does it)")
    try:
        redis.Redis.from_url(REDIS_URL).ping()
        admin = _admin_connection()
    except (redis.RedisError, psycopg2.OperationalError) as error:
        pytest.fail(f"PostgreSQL and Redis must be running (.ci/run starts them): {error}")
    suffix = uuid.uuid4().hex[:10]
    tracker_url = _create_database(admin, f"acnebot_tracker_{suffix}")
    knowledge_url = _create_database(admin, f"acnebot_knowledge_{suffix}")
    migrate(knowledge_url)
    with new_session(knowledge_url) as session:
        ingest(session)
    get_engine(knowledge_url).dispose()

    workdir = tmp_path_factory.mktemp("production")
    profile = {
        "ACNEBOT_DATABASE_URL": knowledge_url,
        "ACNEBOT_TRACKER_STORE_URL": tracker_url,
        "ACNEBOT_REDIS_URL": REDIS_URL,
        "ACNEBOT_ACTION_SERVER_URL": f"http://localhost:{ACTION_PORT}/webhook",
    }
    env = {**os.environ, **profile, "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONUNBUFFERED": "1"}
    env.pop("ACNEBOT_API_TOKEN", None)
    endpoints = write_endpoints(workdir / "endpoints.yml", environ=profile)
    # Rasa creates the tracker store's tables when it starts; two servers starting
    # at once on an empty database would race, so Rasa's own class creates them first.
    from rasa.core.tracker_store import TrackerStore
    from rasa.utils.endpoints import read_endpoint_config

    TrackerStore.create(read_endpoint_config(str(endpoints), "tracker_store"))

    running = Deployment(workdir, env, endpoints, tracker_url)
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop_all()
        admin.close()
        admin = _admin_connection()  # the fault tests restart PostgreSQL
        with admin.cursor() as cursor:
            for name in (make_url(tracker_url).database, make_url(knowledge_url).database):
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
