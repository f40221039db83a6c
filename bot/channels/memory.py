"""What the messaging channels remember between webhook calls: the message ids
already answered (platforms retry a webhook they think failed), the numbered
options last offered to an SMS patient, and how many turns each conversation
has had (bot/channels/resilience.py caps them).

In one process a small in-memory store is enough; with several Rasa instances
behind a load balancer (ACNEBOT_REDIS_URL set) the memory is in Redis, so a retry
that reaches the other instance is still recognised. Keys name a patient only by
a keyed hash of their id (a phone number, a chat id), never by the id itself.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections import OrderedDict
from typing import Optional

from bot import settings
from bot.channels.conversation_ids import pseudonym

logger = logging.getLogger(__name__)

SEEN_FOR_SECONDS = 24 * 3600
OPTIONS_FOR_SECONDS = 24 * 3600
# Turns are counted over a day from a conversation's first message.
TURNS_FOR_SECONDS = 24 * 3600
_MAX_LOCAL_KEYS = 100_000


class _LocalStore:
    def __init__(self) -> None:
        self._values: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._lock = threading.Lock()

    def add(self, key: str, value: str, ttl: int) -> bool:
        with self._lock:
            self._expire()
            if key in self._values:
                return False
            self._values[key] = (time.monotonic() + ttl, value)
            return True

    def put(self, key: str, value: str, ttl: int) -> None:
        with self._lock:
            self._values.pop(key, None)
            self._values[key] = (time.monotonic() + ttl, value)
            self._expire()

    def get(self, key: str) -> Optional[str]:
        with self._lock:
            self._expire()
            found = self._values.get(key)
            return found[1] if found else None

    def increment(self, key: str, ttl: int) -> int:
        with self._lock:
            self._expire()
            now = time.monotonic()
            found = self._values.pop(key, None)
            if found is not None and found[0] < now:
                found = None  # its day is over
            count = int(found[1]) + 1 if found else 1
            self._values[key] = (found[0] if found else now + ttl, str(count))
            return count

    def _expire(self) -> None:
        now = time.monotonic()
        while self._values and (len(self._values) > _MAX_LOCAL_KEYS or next(iter(self._values.values()))[0] < now):
            self._values.popitem(last=False)


class _RedisStore:
    def __init__(self, url: str) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)

    def add(self, key: str, value: str, ttl: int) -> bool:
        return bool(self._redis.set(key, value, nx=True, ex=ttl))

    def put(self, key: str, value: str, ttl: int) -> None:
        self._redis.set(key, value, ex=ttl)

    def get(self, key: str) -> Optional[str]:
        value = self._redis.get(key)
        return value.decode("utf-8") if value is not None else None

    def increment(self, key: str, ttl: int) -> int:
        pipeline = self._redis.pipeline()  # one transaction: the key never lacks its expiry
        pipeline.set(key, 0, ex=ttl, nx=True)
        pipeline.incr(key)  # keeps the expiry
        _, count = pipeline.execute()
        return int(count)


class ChannelMemory:
    def __init__(self, redis_url: Optional[str] = None) -> None:
        self._store = _RedisStore(redis_url) if redis_url else _LocalStore()

    def first_time(self, channel: str, message_id: str) -> bool:
        """True the first time a platform's message id is seen, False for a retry.
        If the memory cannot be reached the message is answered (a rare double
        answer is better than silence)."""
        try:
            return self._store.add(f"acnebot:seen:{channel}:{message_id}", "1", SEEN_FOR_SECONDS)
        except Exception as error:  # redis.RedisError and connection errors
            logger.error("Channel memory unavailable (%s); answering without the retry check.", type(error).__name__)
            return True

    def remember_options(self, channel: str, sender: str, payloads: list[str]) -> None:
        try:
            self._store.put(f"acnebot:options:{channel}:{pseudonym(sender)}", json.dumps(payloads), OPTIONS_FOR_SECONDS)
        except Exception as error:
            logger.error("Channel memory unavailable (%s); numbered options not remembered.", type(error).__name__)

    def options(self, channel: str, sender: str) -> list[str]:
        try:
            value = self._store.get(f"acnebot:options:{channel}:{pseudonym(sender)}")
        except Exception as error:
            logger.error("Channel memory unavailable (%s); numbered options not read.", type(error).__name__)
            return []
        return json.loads(value) if value else []

    def count_turn(self, conversation: str) -> int:
        """This message's number among the conversation's turns of the last
        TURNS_FOR_SECONDS, counted from its first; 1 if the memory cannot be reached."""
        try:
            return self._store.increment(f"acnebot:turns:{pseudonym(conversation)}", TURNS_FOR_SECONDS)
        except Exception as error:
            logger.error("Channel memory unavailable (%s); turns not counted.", type(error).__name__)
            return 1


_memory: Optional[ChannelMemory] = None


def channel_memory() -> ChannelMemory:
    """The process's channel memory, in Redis when ACNEBOT_REDIS_URL is set."""
    global _memory
    if _memory is None:
        _memory = ChannelMemory(settings.redis_url())
    return _memory
