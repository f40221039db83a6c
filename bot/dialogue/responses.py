"""The assistant's fixed replies as the clinic wrote them in domain.yml.

Code outside Rasa (the channels' red-flag gate) sends some of them itself, so
that they never wait for the action server or a store.
"""

from __future__ import annotations

from functools import lru_cache

import yaml

from bot import settings

# The replies that must stand out in every channel (the widget styles them apart).
ALERTS = {"utter_emergency": "emergency", "utter_crisis": "crisis"}


@lru_cache(maxsize=None)
def response_text(name: str) -> str:
    """The text of the first variation of the domain's response `name`."""
    domain = yaml.safe_load(settings.DOMAIN_FILE.read_text(encoding="utf-8"))
    try:
        return domain["responses"][name][0]["text"]
    except (KeyError, IndexError, TypeError) as error:
        raise KeyError(f"{settings.DOMAIN_FILE.name} has no text response {name!r}") from error


def alert_reply(flag: str) -> dict:
    """The emergency or crisis reply, as Rasa itself would send it."""
    name = f"utter_{flag}"
    return {"text": response_text(name), "utter_action": name}
