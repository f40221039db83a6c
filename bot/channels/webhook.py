"""What every messaging-platform webhook does the same way: refuse a call that
fails its check, hand a patient's message to Rasa, and never log the message."""

from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable, Optional

from rasa.core.channels.channel import OutputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.resilience import always_answer, error_kind
from bot.channels.signatures import Rejection

logger = logging.getLogger(__name__)


def webhook_blueprint(name: str) -> Blueprint:
    """A channel's routes, starting with the health check at its root."""
    blueprint = Blueprint(name, __name__)

    @blueprint.route("/", methods=["GET"])
    async def health(_: Request) -> HTTPResponse:
        return response.json({"status": "ok"})

    return blueprint


def refusal_for(channel: str, rejection: Rejection) -> Optional[HTTPResponse]:
    """The 401/403 response for a failed check (None if it passed), logged without the body."""
    if rejection is None:
        return None
    status, reason = rejection
    logger.warning("%s webhook call refused (%s): %s", channel, status, reason)
    return response.json({"error": reason}, status=status)


def json_body(body: bytes) -> Optional[dict]:
    """The webhook's JSON object, or None when the body is not one."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):  # RecursionError: deeply nested JSON
        return None
    return data if isinstance(data, dict) else None


def bad_request(channel: str, reason: str) -> HTTPResponse:
    logger.warning("%s webhook call refused (400): %s", channel, reason)
    return response.json({"error": reason}, status=400)


async def deliver(
    on_new_message: Callable[[UserMessage], Awaitable[Any]],
    channel: str,
    text: str,
    sender: str,
    out_channel: OutputChannel,
    metadata: Optional[dict] = None,
) -> None:
    """Let Rasa answer the message through `out_channel`; if it cannot, the patient
    is asked to try again (always_answer). Nothing is raised: the platform would
    only retry the same message."""
    handle = always_answer(on_new_message)
    try:
        await handle(UserMessage(text, out_channel, sender, input_channel=channel, metadata=metadata))
    except Exception as error:
        logger.error("Could not send a %s reply: %s", channel, error_kind(error))
