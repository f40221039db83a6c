from alembic import command
from sqlalchemy import inspect

from bot.knowledge.store.db import alembic_config, get_engine, migrate


def columns(url, table):
    return {column["name"] for column in inspect(get_engine(url)).get_columns(table)}


def test_migrations_go_down_to_nothing_and_back_up(store_url):
    assert "lemmas" in columns(store_url, "passages")
    config = alembic_config()
    with get_engine(store_url).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert "lemmas" not in columns(store_url, "passages")
    assert "pipeline_fingerprint" not in columns(store_url, "documents")
    with get_engine(store_url).begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "base")
    assert not inspect(get_engine(store_url)).has_table("entries")
    migrate(store_url)
    assert "pipeline_fingerprint" in columns(store_url, "documents")
