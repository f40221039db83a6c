"""Shared fixtures: real knowledge stores on SQLite and on PostgreSQL; and the
test tiers (pyproject.toml), marked here by folder and by the services used."""

from __future__ import annotations

import uuid
from pathlib import Path

import psycopg2
import pytest

from bot.knowledge.ingest.sync import ingest
from bot.knowledge.store.db import get_engine, migrate, new_session
from tests.support.services import POSTGRES_URL, admin_connection, create_database

# The folders whose tests all need more than Python and the built spaCy pipeline.
TIER_OF_FOLDER = {"e2e": "e2e", "production": "production", "nlu": "model"}
TESTS_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items):
    for item in items:
        folder = Path(str(item.fspath)).resolve().relative_to(TESTS_DIR).parts[0]
        if folder in TIER_OF_FOLDER:
            item.add_marker(TIER_OF_FOLDER[folder])
        if "postgres_url" in item.fixturenames:
            item.add_marker("integration")
        if "report" in item.fixturenames and folder == "safety":
            # The red-flag detector over every held-out and ordinary set.
            item.add_marker("model")


@pytest.fixture
def postgres_url():
    """A new, empty PostgreSQL database, dropped after the test."""
    name = f"acnebot_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = admin_connection()
    except psycopg2.OperationalError as error:
        pytest.fail(f"PostgreSQL is not reachable at {POSTGRES_URL} (start it, see README): {error}")
    url = create_database(admin, name)
    yield url
    get_engine(url).dispose()
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture
def sqlite_url(tmp_path):
    return f"sqlite:///{tmp_path / 'knowledge.sqlite3'}"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.integration)])
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
