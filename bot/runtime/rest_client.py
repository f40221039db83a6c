"""A client of the assistant's REST channel: `make shell`, the realistic
evaluation and the tests talk to a running server through it."""

from __future__ import annotations

from typing import Optional

import requests

CONVERSATIONS_PATH = "/webhooks/rest/conversations"
WEBHOOK_PATH = "/webhooks/rest/webhook"


def new_sender(base_url: str, http: Optional[requests.Session] = None) -> str:
    """A conversation id issued by the server (bot/channels/conversation_ids.py)."""
    response = (http or requests).post(f"{base_url}{CONVERSATIONS_PATH}", timeout=10)
    response.raise_for_status()
    return response.json()["sender"]


def send(base_url: str, sender: str, message: str, http: Optional[requests.Session] = None, timeout: float = 60) -> list[dict]:
    """The replies to one message, as the REST channel returns them."""
    response = (http or requests).post(f"{base_url}{WEBHOOK_PATH}", json={"sender": sender, "message": message}, timeout=timeout)
    response.raise_for_status()
    return response.json()
