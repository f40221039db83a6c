"""The production profile, for real: one action server and two Rasa servers
sharing a PostgreSQL tracker store, a Redis lock store and a PostgreSQL
knowledge store, each started as `make run` would with the profile's variables."""

from __future__ import annotations

import os
import uuid

import psycopg2
import pytest
import redis
from sqlalchemy.engine import make_url

from bot import settings
from bot.knowledge.ingest.sync import ingest
from bot.knowledge.store.db import get_engine, migrate, new_session
from tests.support.production import ACTION_PORT, API_TOKEN, RASA_PORTS
from tests.support.services import REDIS_URL, admin_connection, create_database
from tools.server_cluster import ServerCluster

MODEL = settings.MODEL_FILE


@pytest.fixture(scope="session")
def deployment(tmp_path_factory):
    if not MODEL.exists():
        pytest.fail(f"No trained model at {MODEL}: run `make train` (make test does it)")
    try:
        redis.Redis.from_url(REDIS_URL).ping()
        admin = admin_connection()
    except (redis.RedisError, psycopg2.OperationalError) as error:
        pytest.fail(f"PostgreSQL and Redis must be running (.ci/run starts them): {error}")
    suffix = uuid.uuid4().hex[:10]
    tracker_url = create_database(admin, f"acnebot_tracker_{suffix}")
    knowledge_url = create_database(admin, f"acnebot_knowledge_{suffix}")
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
        # Servers on several machines share the key that signs conversation ids.
        "ACNEBOT_SECRET_KEY": f"production-test-key-{uuid.uuid4().hex}",
        "ACNEBOT_API_TOKEN": API_TOKEN,
    }
    env = {**os.environ, **profile, "TF_CPP_MIN_LOG_LEVEL": "2", "PYTHONUNBUFFERED": "1"}
    # The fault tests stop and start the servers again.
    running = ServerCluster(workdir, env, RASA_PORTS, ACTION_PORT, MODEL)
    try:
        running.start()
        yield running
    finally:
        running.stop_all()
        admin.close()
        admin = admin_connection()  # the fault tests restart PostgreSQL
        with admin.cursor() as cursor:
            for name in (make_url(tracker_url).database, make_url(knowledge_url).database):
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
