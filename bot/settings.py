"""All configuration in one place.

Values that differ between machines or deployments come from environment
variables; everything else is a constant here. Secrets are never stored in the
repository.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import yaml

from bot.dialogue.messages import message

PROJECT_ROOT = Path(__file__).resolve().parent.parent

DOCUMENTS_DIR = PROJECT_ROOT / "data" / "documents"
KNOWLEDGE_DIR = PROJECT_ROOT / "data" / "knowledge"
VOCABULARY_FILE = PROJECT_ROOT / "data" / "nlu" / "vocabulary.yml"
TAGGING_FILE = PROJECT_ROOT / "data" / "tagging.yml"
SHORTHAND_FILE = PROJECT_ROOT / "data" / "shorthand.yml"
CONFIG_FILE = PROJECT_ROOT / "config.yml"
DOMAIN_FILE = PROJECT_ROOT / "domain.yml"
LOCAL_DATA_DIR = PROJECT_ROOT / "var"
# The trained Rasa model (the Makefile's MODEL names the same file).
MODEL_FILE = PROJECT_ROOT / "models" / "acne-scar-assistant.tar.gz"
NLU_DATA_DIR = PROJECT_ROOT / "data" / "nlu"
SAFETY_DATA_DIR = PROJECT_ROOT / "data" / "safety"
BUILD_DIR = PROJECT_ROOT / "build"
SAFETY_CLASSIFIER_FILE = BUILD_DIR / "safety" / "classifier.pickle"
ENGLISH_WORDS_FILE = BUILD_DIR / "safety" / "english-words.txt"
# The red-flag classifier raises a flag from this probability on (chosen in
# docs/safety.md for few false alarms; the rules catch the clear cases).
SAFETY_CLASSIFIER_THRESHOLD = 0.8

# The action server's port is also in endpoints.yml.
RASA_PORT = 5005
ACTION_SERVER_PORT = 5055
# A conversation longer than this starts anew (bot/channels/resilience.py): no
# patient asks this much in a day, and Rasa's cost per turn grows with length.
MAX_TURNS_PER_CONVERSATION = 100
# `make shell` runs beside `make run`, on ports of its own.
SHELL_RASA_PORT = 5006
SHELL_ACTION_SERVER_PORT = 5056

# Their wording is in data/messages.yml, with every other sentence patients read.
DISCLAIMER = message("disclaimer")
PRIVACY_NOTICE = message("privacy_notice")


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _environ(environ: Mapping[str, str] | None) -> Mapping[str, str]:
    return os.environ if environ is None else environ


def database_url(environ: Mapping[str, str] | None = None) -> str:
    """SQLAlchemy URL of the knowledge store (default: an SQLite file under var/)."""
    return _environ(environ).get("ACNEBOT_DATABASE_URL", f"sqlite:///{LOCAL_DATA_DIR / 'knowledge.sqlite3'}")


def redis_url(environ: Mapping[str, str] | None = None) -> str | None:
    """Redis for what several Rasa servers must share (production profile): Rasa's
    lock store and the messaging channels' memory of answered message ids.
    Unset: each process locks and remembers in memory."""
    return _environ(environ).get("ACNEBOT_REDIS_URL") or None


def configured_tracker_store_url(environ: Mapping[str, str] | None = None) -> str | None:
    """SQLAlchemy URL of Rasa's SQL tracker store, e.g. postgresql://user@host/db
    (production profile). Unset: the SQLite file of endpoints.yml."""
    return _environ(environ).get("ACNEBOT_TRACKER_STORE_URL") or None


def action_server_url(environ: Mapping[str, str] | None = None) -> str | None:
    """The action server's webhook URL when it runs elsewhere. Unset: endpoints.yml's."""
    return _environ(environ).get("ACNEBOT_ACTION_SERVER_URL") or None


def citations_enabled() -> bool:
    """Whether answers name their source documents."""
    return _flag("ACNEBOT_CITATIONS", True)


def reviewed_only() -> bool:
    """Whether answers use only entries a clinician has reviewed (reviewed_by and reviewed_on set)."""
    return _flag("ACNEBOT_REVIEWED_ONLY", False)


def api_token(environ: Mapping[str, str] | None = None) -> str | None:
    """Token for Rasa's HTTP API (conversation trackers and model endpoints). Without
    one the API is off, so no caller can read any conversation."""
    value = _environ(environ).get("ACNEBOT_API_TOKEN")
    if value and not value.strip():
        raise ValueError("ACNEBOT_API_TOKEN is blank: set a long random token or unset it")
    return value or None


def secret_key() -> str | None:
    """The key that signs the conversation ids the REST channel hands out. Unset: a
    random key in var/secret-key (enough for servers on one machine; servers on
    several machines must share this variable)."""
    value = os.environ.get("ACNEBOT_SECRET_KEY")
    if value and not value.strip():
        raise ValueError("ACNEBOT_SECRET_KEY is blank: set a long random value or unset it")
    return value or None


def cors_origins() -> str:
    """Web origins allowed to call the REST channel from another site: the sites
    that embed the widget, e.g. "https://clinic.example". Unset: none (the demo
    page, served by the bot itself, needs none)."""
    return os.environ.get("ACNEBOT_CORS_ORIGINS", "").strip()


def action_server_host() -> str:
    """The interface the action server listens on: loopback unless it must be
    reached from another machine (then a private address, never a public one)."""
    return os.environ.get("ACNEBOT_ACTION_SERVER_HOST", "").strip() or "127.0.0.1"


def demo_page_enabled() -> bool:
    """Whether the demo clinic page is served at /webhooks/widget/ (turn it off in production)."""
    return _flag("ACNEBOT_DEMO_PAGE", True)


def frame_ancestors() -> str:
    """Which sites may show the demo page in a frame (the page's CSP frame-ancestors)."""
    return os.environ.get("ACNEBOT_FRAME_ANCESTORS", "").strip() or "'self'"


def clinic_contact() -> str:
    """How patients reach the clinic for bookings, prices and anything personal."""
    return os.environ.get("ACNEBOT_CLINIC_CONTACT", "").strip() or message("clinic_contact")


def booking_url(environ: Mapping[str, str] | None = None) -> str | None:
    """The clinic's online booking page (an http or https address), where "Book a
    consultation" leads. Unset: the booking reply gives the clinic's contact."""
    value = _environ(environ).get("ACNEBOT_BOOKING_URL", "").strip()
    if value and not re.fullmatch(r"https?://[^\s/]+\S*", value):
        raise ValueError(f"ACNEBOT_BOOKING_URL must be an http:// or https:// address, not {value!r}")
    return value or None


@lru_cache(maxsize=1)
def spacy_pipeline_path() -> Path:
    """Where the project's spaCy pipeline lives: read from SpacyNLP in config.yml,
    so Rasa and the ingestion code always load the same pipeline."""
    config = yaml.safe_load(CONFIG_FILE.read_text(encoding="utf-8"))
    for component in config.get("pipeline", []):
        if component.get("name") == "SpacyNLP":
            return PROJECT_ROOT / component["model"]
    raise RuntimeError(f"{CONFIG_FILE} has no SpacyNLP component with a model path")
