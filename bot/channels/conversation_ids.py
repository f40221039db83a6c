"""Conversation ids the server issues for the REST channel and the widget.

Rasa's REST channel takes the client's `sender` as the conversation id, so
anyone who knows or guesses an id ("patient-1", a phone number) would continue
that conversation. Here the server hands out ids instead
(POST /webhooks/rest/conversations): 128 random bits and an HMAC of them under
the server's secret key. A REST message whose sender is not such an id is
refused, so a guessed or made-up id reaches no one's conversation.

The same key keeps personal ids (phone numbers, chat ids) out of the channel
memory's keys (bot/channels/memory.py).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import tempfile
from functools import lru_cache
from pathlib import Path

from bot import settings
from bot.runtime.private_files import OWNER_ONLY_FILE, OWNER_ONLY_FOLDER

_RANDOM_BYTES = 16
_SIGNATURE_CHARS = 32
# Shorter keys are refused: a weak key would let anyone forge ids.
MIN_KEY_CHARS = 32


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


@lru_cache(maxsize=1)
def secret_key() -> bytes:
    """ACNEBOT_SECRET_KEY, or else a random key kept in var/secret-key (readable by
    its owner only), so that ids stay valid across restarts and every server of
    one machine shares it. With the production profile (ACNEBOT_REDIS_URL: servers
    that may run on several machines) the variable is required."""
    given = settings.secret_key()
    if given:
        key = given.encode("utf-8")
    elif settings.redis_url():
        raise RuntimeError(
            "ACNEBOT_SECRET_KEY must be set with ACNEBOT_REDIS_URL: every server needs the same key, "
            "or a conversation's turns on another server would start a new conversation"
        )
    else:
        key = _key_file(settings.LOCAL_DATA_DIR / "secret-key")
    if len(key) < MIN_KEY_CHARS:
        raise RuntimeError(
            f"the secret key must be at least {MIN_KEY_CHARS} characters long; set a long random ACNEBOT_SECRET_KEY"
        )
    return key


def _key_file(path: Path) -> bytes:
    """The key in `path`, made first if there is none. It is written whole to a
    temporary file and linked into place, so no process ever reads a partial key."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=OWNER_ONLY_FOLDER)
    if not path.exists():
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".secret-key-")
        try:
            os.fchmod(descriptor, OWNER_ONLY_FILE)
            with os.fdopen(descriptor, "wb") as file:
                file.write(secrets.token_urlsafe(48).encode("ascii"))
            try:
                os.link(temporary, path)
            except FileExistsError:
                pass  # another process made it first: use theirs
        finally:
            os.unlink(temporary)
    return path.read_bytes().strip()


def _subkey(purpose: str) -> bytes:
    """A key of its own for each use of the secret key."""
    return hmac.new(secret_key(), purpose.encode("ascii"), hashlib.sha256).digest()


def _signature(channel: str, random_part: str) -> str:
    digest = hmac.new(_subkey("conversation-ids"), f"{channel}:{random_part}".encode("ascii"), hashlib.sha256).digest()
    return _b64(digest)[:_SIGNATURE_CHARS]


def issue(channel: str = "rest") -> str:
    """A new conversation id for `channel`: "<random>.<signature>"."""
    random_part = _b64(secrets.token_bytes(_RANDOM_BYTES))
    return f"{random_part}.{_signature(channel, random_part)}"


def is_issued(sender: str, channel: str = "rest") -> bool:
    """Whether `sender` is an id this server (or one sharing its key) issued for `channel`."""
    random_part, _, signature = sender.partition(".")
    if not random_part or len(signature) != _SIGNATURE_CHARS or not sender.isascii():
        return False
    return hmac.compare_digest(signature.encode("ascii"), _signature(channel, random_part).encode("ascii"))


def pseudonym(value: str) -> str:
    """A keyed hash of a personal id, for keys that must not show it (a phone number
    has too few digits for a plain hash to hide it)."""
    return _b64(hmac.new(_subkey("pseudonyms"), value.encode("utf-8"), hashlib.sha256).digest())[:32]
