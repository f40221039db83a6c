"""The PostgreSQL server and Redis the tests use (trust auth and no password on
these machines; .ci/run starts them when they are down)."""

from __future__ import annotations

import json
import os

import psycopg2
from sqlalchemy.engine import make_url

POSTGRES_URL = os.environ.get("ACNEBOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("ACNEBOT_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def admin_connection():
    """An autocommit connection to the PostgreSQL server, for creating and dropping databases."""
    url = make_url(POSTGRES_URL)
    connection = psycopg2.connect(host=url.host, port=url.port, user=url.username, password=url.password, dbname=url.database)
    connection.autocommit = True
    return connection


def create_database(admin, name: str) -> str:
    """A new database on the server; its URL."""
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    return str(make_url(POSTGRES_URL).set(database=name))


def user_texts(tracker_url: str, sender: str) -> list[str]:
    """What the patient of a REST conversation said, in order, as a PostgreSQL tracker store holds it."""
    from bot.channels.resilience import conversation_id  # imports Rasa: only the tests that need it pay for it

    with psycopg2.connect(tracker_url) as connection, connection.cursor() as cursor:
        cursor.execute(
            "SELECT data FROM events WHERE sender_id = %s AND type_name = 'user' ORDER BY id", (conversation_id("rest", sender),)
        )
        return [json.loads(data)["text"] for (data,) in cursor.fetchall()]


def tracker_store(url: str):
    """Rasa's own SQL tracker store on a SQLite or PostgreSQL URL, with the assistant's domain."""
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    from bot import settings

    parsed = make_url(url)
    domain = Domain.load(str(settings.PROJECT_ROOT / "domain.yml"))
    if parsed.get_backend_name() == "sqlite":
        return SQLTrackerStore(domain, dialect="sqlite", db=parsed.database)
    return SQLTrackerStore(
        domain, dialect="postgresql", host=parsed.host, port=parsed.port, db=parsed.database, username=parsed.username
    )
