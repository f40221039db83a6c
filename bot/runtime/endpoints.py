"""The Rasa server's endpoints: endpoints.yml (the embedded defaults: SQLite
tracker store, in-memory lock store, action server on this machine) with the
production profile's environment variables applied on top."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping, Optional

import yaml
from sqlalchemy.engine import make_url

from bot import settings

TRACKER_STORE_TYPE = "bot.runtime.tracker_store.DurableSQLTrackerStore"


def tracker_store_config(url: str) -> dict[str, Any]:
    """Settings of Rasa's SQL tracker store (retrying through a database restart:
    bot/runtime/tracker_store.py) for an SQLAlchemy URL."""
    parsed = make_url(url)
    config: dict[str, Any] = {"type": TRACKER_STORE_TYPE, "dialect": parsed.get_backend_name(), "db": parsed.database}
    for key, value in (("url", parsed.host), ("port", parsed.port), ("username", parsed.username), ("password", parsed.password)):
        if value is not None:
            config[key] = value
    return config


def lock_store_config(url: str) -> dict[str, Any]:
    """Rasa's Redis lock store settings for a redis:// URL."""
    parsed = make_url(url)
    config: dict[str, Any] = {
        "type": "redis",
        "url": parsed.host or "localhost",
        "port": parsed.port or 6379,
        "db": int(parsed.database or 0),
        "key_prefix": "acnebot",
    }
    if parsed.password:
        config["password"] = parsed.password
    return config


def endpoints_config(
    base: Path = settings.PROJECT_ROOT / "endpoints.yml", environ: Optional[Mapping[str, str]] = None
) -> dict[str, Any]:
    """endpoints.yml with ACNEBOT_TRACKER_STORE_URL, ACNEBOT_REDIS_URL and
    ACNEBOT_ACTION_SERVER_URL applied."""
    config = yaml.safe_load(base.read_text(encoding="utf-8")) or {}
    tracker_url = settings.configured_tracker_store_url(environ)
    if tracker_url:
        config["tracker_store"] = tracker_store_config(tracker_url)
    redis_url = settings.redis_url(environ)
    if redis_url:
        config["lock_store"] = lock_store_config(redis_url)
    action_url = settings.action_server_url(environ)
    if action_url:
        config["action_endpoint"] = {"url": action_url}
    return config


def write_endpoints(target: Path, environ: Optional[Mapping[str, str]] = None) -> Path:
    """Write the endpoints Rasa is started with (it may hold a database password:
    readable by its owner only)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    target.touch(mode=0o600)
    target.chmod(0o600)
    target.write_text(yaml.safe_dump(endpoints_config(environ=environ), sort_keys=False), encoding="utf-8")
    return target


def stores_summary(environ: Optional[Mapping[str, str]] = None) -> str:
    """Where conversations, locks and knowledge are kept, passwords hidden: the
    line `make run` prints so an operator sees which profile is on."""

    def shown(url: str) -> str:
        return make_url(url).render_as_string(hide_password=True)

    tracker = settings.configured_tracker_store_url(environ)
    redis_url = settings.redis_url(environ)
    knowledge = settings.database_url(environ)
    return (
        f"Conversations: {shown(tracker) if tracker else 'SQLite file of endpoints.yml'}; "
        f"locks: {'Redis ' + shown(redis_url) if redis_url else 'in memory (one server)'}; "
        f"knowledge: {shown(knowledge)}."
    )
