import stat

import yaml

from bot.runtime.endpoints import endpoints_config, stores_summary, write_endpoints


def test_without_the_production_variables_endpoints_yml_is_used_as_it_is():
    config = endpoints_config(environ={})
    assert config["tracker_store"] == {
        "type": "bot.runtime.tracker_store.DurableSQLTrackerStore",
        "dialect": "sqlite",
        "db": "var/tracker.sqlite3",
    }
    assert "lock_store" not in config
    assert config["action_endpoint"] == {"url": "http://localhost:5055/webhook"}


def test_the_production_profile_uses_postgresql_and_redis(tmp_path):
    profile = {
        "ACNEBOT_TRACKER_STORE_URL": "postgresql://rasa:s3cret@db.internal:5433/conversations",
        "ACNEBOT_REDIS_URL": "redis://:pw@cache.internal:6380/2",
        "ACNEBOT_ACTION_SERVER_URL": "http://actions.internal:5055/webhook",
    }
    target = write_endpoints(tmp_path / "endpoints.yml", environ=profile)
    config = yaml.safe_load(target.read_text())
    assert config["tracker_store"] == {
        "type": "bot.runtime.tracker_store.DurableSQLTrackerStore",
        "dialect": "postgresql",
        "db": "conversations",
        "url": "db.internal",
        "port": 5433,
        "username": "rasa",
        "password": "s3cret",
    }
    assert config["lock_store"] == {
        "type": "redis",
        "url": "cache.internal",
        "port": 6380,
        "db": 2,
        "key_prefix": "acnebot",
        "password": "pw",
    }
    assert config["action_endpoint"] == {"url": "http://actions.internal:5055/webhook"}
    # It holds a password: only its owner may read it.
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_the_stores_line_names_the_profile_without_passwords():
    production = {
        "ACNEBOT_TRACKER_STORE_URL": "postgresql://rasa:s3cret@db/conversations",
        "ACNEBOT_REDIS_URL": "redis://:pw@cache:6379/0",
        "ACNEBOT_DATABASE_URL": "postgresql://acnebot:s3cret@db/knowledge",
    }
    line = stores_summary(production)
    assert line == (
        "Conversations: postgresql://rasa:***@db/conversations; locks: Redis redis://:***@cache:6379/0; "
        "knowledge: postgresql://acnebot:***@db/knowledge."
    )
    assert "s3cret" not in line and "pw@" not in line
    assert stores_summary({}).startswith("Conversations: SQLite file of endpoints.yml; locks: in memory (one server)")
