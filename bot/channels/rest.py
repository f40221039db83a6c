"""Rasa's REST channel, with requests checked before Rasa sees them.

Rasa's own channel answers a body without a message with an empty list, and
puts every request without a sender into one shared conversation ("default").
Here such requests get a 400 with a clear reason instead, and an overlong
message a 413, so no input is silently dropped or mixed up; but an overlong
message that describes an emergency or suicidal thoughts gets the emergency or
crisis reply, not a refusal.

Rasa takes the client's `sender` as the conversation id. Here it must be an id
the server issued (POST /webhooks/rest/conversations, bot/channels/conversation_ids.py),
or the message gets a 401: a guessed id reaches no one's conversation.
"""

from __future__ import annotations

import json
from typing import Any, Awaitable, Callable, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import PayloadTooLarge
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels import conversation_ids
from bot.channels.resilience import always_answer
from bot.dialogue.responses import ALERTS, alert_reply
from bot.safety.red_flags import detect

UNKNOWN_SENDER = (
    '"sender" is not a conversation id this server issued: '
    "get one with POST /webhooks/rest/conversations and send it with every message of the conversation."
)
MAX_MESSAGE_CHARS = 2000
MAX_SENDER_CHARS = 128
# The largest request body read at all (Sanic's default is 100 MB): room for an
# over-length message to be read for red flags before it is refused.
MAX_BODY_BYTES = 64 * 1024


def request_problem(body: bytes) -> Optional[tuple[int, str]]:
    """(status, reason) for a webhook body that cannot be a patient's message, else None."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):  # RecursionError: deeply nested JSON
        return 400, 'The body must be JSON in UTF-8: {"sender": "...", "message": "..."}.'
    if not isinstance(data, dict):
        return 400, 'The body must be a JSON object with "sender" and "message".'
    sender, message = data.get("sender"), data.get("message")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        return 400, f'"sender" must be a non-empty string of at most {MAX_SENDER_CHARS} characters.'
    if not isinstance(message, str):
        return 400, '"message" must be a string.'
    if len(message) > MAX_MESSAGE_CHARS:
        return 413, f'"message" is longer than {MAX_MESSAGE_CHARS} characters; please send a shorter question.'
    if not conversation_ids.is_issued(sender):
        return 401, UNKNOWN_SENDER
    return None


class CheckedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    def _extract_input_channel(self, req: Request) -> Text:
        # Never the client's own "input_channel": every REST message is stored as "rest".
        return self.name()

    def get_metadata(self, request: Request) -> None:
        # Client metadata is not stored: the widget sends none, and a client could
        # otherwise grow the tracker store by megabytes a message.
        return None

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        conversation_ids.secret_key()  # a missing or weak key stops the server at start, not at the first message
        blueprint = super().blueprint(always_answer(on_new_message))

        @blueprint.listener("before_server_start")
        async def cap_bodies(app, _loop) -> None:
            app.config.REQUEST_MAX_SIZE = MAX_BODY_BYTES
            app.error_handler.add(PayloadTooLarge, _body_too_large)

        @blueprint.route("/conversations", methods=["POST"])
        async def new_conversation(_: Request) -> HTTPResponse:
            return response.json({"sender": conversation_ids.issue()}, status=201)

        @blueprint.middleware("request")
        async def check(request: Request) -> Optional[HTTPResponse]:
            if request.method == "POST" and request.path.rstrip("/").endswith("/webhook"):
                problem = request_problem(request.body)
                if problem is not None:
                    status, reason = problem
                    if status in (401, 413):
                        # Refused, but a message about an emergency still gets its reply.
                        alert = _alert(request)
                        if alert is not None:
                            return alert
                    return response.json({"error": reason}, status=status)
            return None

        return blueprint


def _body_too_large(_request: Optional[Request], _error: Exception) -> HTTPResponse:
    return response.json(
        {"error": f"The request is larger than {MAX_BODY_BYTES // 1024} KB; please send a shorter question."}, status=413
    )


def _alert(request: Request) -> Optional[HTTPResponse]:
    """The alert reply to a refused message that raises a red flag, else None."""
    data = json.loads(request.body.decode("utf-8"))
    flag = detect(data["message"])
    if flag is None:
        return None
    reply = alert_reply(flag.value)
    return response.json([{"recipient_id": data["sender"], "text": reply["text"], "alert": ALERTS[reply["utter_action"]]}])
