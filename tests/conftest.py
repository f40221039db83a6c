"""Shared fixtures: real knowledge stores on SQLite and on PostgreSQL."""
from __future__ import annotations

import os
import uuid

import psycopg2
import pytest
from sqlalchemy.engine import make_url

from bot.ingest.run import ingest
from bot.store.db import get_engine, migrate, new_session

# The PostgreSQL server the tests use (trust auth on these machines); override
# with ACNEBOT_TEST_POSTGRES_URL.
POSTGRES_URL = os.environ.get("ACNEBOT_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")


def _admin_connection():
    url = make_url(POSTGRES_URL)
    connection = psycopg2.connect(
        host=url.host, port=url.port, user=url.username, password=url.password, dbname=url.database
    )
    connection.autocommit = True
    return connection


@pytest.fixture
def postgres_url():
    """A new, empty PostgreSQL database, dropped after the test."""
    name = f"acnebot_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = _admin_connection()
    except psycopg2.OperationalError as error:
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_URL} (start it, see README): {error}")
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    url = str(make_url(POSTGRES_URL).set(database=name))
    yield url
    get_engine(url).dispose()
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'knowledge.sqlite3'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request):
    """An empty, migrated knowledge store on each database the product supports."""
    url = request.getfixturevalue("sqlite_url" if request.param == "sqlite" else "postgres_url")
    migrate(url)
    return url


@pytest.fixture
def session(store_url):
    with new_session(store_url) as session:
        yield session


@pytest.fixture
def knowledge(store_url, monkeypatch):
    """The store filled from data/, and made the store the bot's code reads."""
    with new_session(store_url) as session:
        ingest(session)
    monkeypatch.setenv("ACNEBOT_DATABASE_URL", store_url)
    with new_session(store_url) as session:
        yield session
