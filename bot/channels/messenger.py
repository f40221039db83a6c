"""Facebook Messenger, with every webhook call checked against X-Hub-Signature-256.

Rasa 3.6's FacebookInput checks only the older SHA-1 header and answers a forged
call with 200; it reads only the first message of a batch, and its client sends
replies with blocking HTTP calls. Here a missing or wrong signature gets 401/403,
every message of a batch is answered once (a retried message id is skipped), and
replies go out asynchronously: buttons as quick replies, text split at 2000
characters.
"""

from __future__ import annotations

import hmac
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, cast

import aiohttp
from rasa.core.channels.channel import InputChannel, OutputChannel, UserMessage
from rasa.core.channels.facebook import FacebookInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.memory import channel_memory
from bot.channels.replies import short_title, split_text
from bot.channels.resilience import error_kind
from bot.channels.signatures import check_messenger
from bot.channels.webhook import bad_request, deliver, json_body, refusal_for, webhook_blueprint
from bot.dialogue.messages import message as patient_text

logger = logging.getLogger(__name__)

GRAPH_API_URL = "https://graph.facebook.com/v17.0"
TEXT_LIMIT = 2000
QUICK_REPLY_TITLE_LIMIT = 20
MAX_QUICK_REPLIES = 13


class MessengerReplies(OutputChannel):
    """Sends replies with the Send API of the Graph API (`api_url` for another host)."""

    @classmethod
    def name(cls) -> Text:
        return "messenger"

    def __init__(self, page_access_token: Text, api_url: Optional[Text] = None) -> None:
        self.page_access_token = page_access_token
        self.api_url = (api_url or GRAPH_API_URL).rstrip("/")
        self._session: Optional[aiohttp.ClientSession] = None

    async def _send(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10))
        async with self._session.post(
            f"{self.api_url}/me/messages",
            params={"access_token": self.page_access_token},
            json={"recipient": {"id": recipient_id}, "messaging_type": "RESPONSE", "message": message},
        ) as reply:
            if reply.status >= 300:
                logger.error("Messenger's Send API refused a reply: HTTP %s", reply.status)

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for piece in split_text(text, TEXT_LIMIT):
            await self._send(recipient_id, {"text": piece})

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        """Buttons as quick replies under the last piece of the text."""
        *first, last = split_text(text, TEXT_LIMIT) or [""]
        for piece in first:
            await self._send(recipient_id, {"text": piece})
        quick_replies = [
            {"content_type": "text", "title": short_title(b["title"], QUICK_REPLY_TITLE_LIMIT), "payload": b["payload"]}
            for b in buttons[:MAX_QUICK_REPLIES]
        ]
        await self._send(recipient_id, {"text": last, "quick_replies": quick_replies})

    async def send_quick_replies(
        self, recipient_id: Text, text: Text, quick_replies: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)


def _as_dict(value: Any) -> Dict[Text, Any]:
    """A part of a webhook event that should be an object, or {} when it is not."""
    return value if isinstance(value, dict) else {}


def _message_text(event: Dict[Text, Any]) -> Optional[Text]:
    """What the patient said or chose; None for anything that is not text."""
    if isinstance(event.get("postback"), dict):
        return event["postback"].get("payload")
    message = _as_dict(event.get("message"))
    payload = _as_dict(message.get("quick_reply")).get("payload")
    return payload or message.get("text")


def _message_id(event: Dict[Text, Any]) -> Text:
    for part in ("message", "postback"):
        if isinstance(event.get(part), dict) and event[part].get("mid"):
            return str(event[part]["mid"])
    return f"{_as_dict(event.get('sender')).get('id')}:{event.get('timestamp')}"


class MessengerChannel(FacebookInput):
    @classmethod
    def name(cls) -> Text:
        return "messenger"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        credentials = cast(Dict[Text, Any], credentials)  # the line above raised otherwise
        return cls(credentials["verify"], credentials["secret"], credentials["page-access-token"], credentials.get("api_url"))

    def __init__(self, fb_verify: Text, fb_secret: Text, fb_access_token: Text, api_url: Optional[Text] = None) -> None:
        super().__init__(str(fb_verify), str(fb_secret), str(fb_access_token))
        self.out = MessengerReplies(self.fb_access_token, api_url)

    def get_output_channel(self) -> OutputChannel:
        return self.out

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = webhook_blueprint("fb_webhook")

        @blueprint.route("/webhook", methods=["GET"])
        async def subscribe(request: Request) -> HTTPResponse:
            """Meta's one-time check when the webhook URL is registered."""
            token = request.args.get("hub.verify_token") or ""
            if request.args.get("hub.mode") == "subscribe" and hmac.compare_digest(
                token.encode("utf-8"), self.fb_verify.encode("utf-8")
            ):
                return response.text(request.args.get("hub.challenge") or "")
            logger.warning("Messenger webhook subscription refused: wrong verify token")
            return response.json({"error": "wrong hub.verify_token"}, status=403)

        @blueprint.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            refused = refusal_for(
                "Messenger", check_messenger(self.fb_secret, request.body, request.headers.get("X-Hub-Signature-256"))
            )
            if refused:
                return refused
            payload = json_body(request.body)
            if payload is None or not isinstance(payload.get("entry"), list):
                return bad_request("Messenger", "the body must be a Messenger webhook event with entries")
            for entry in payload["entry"]:
                for event in (entry.get("messaging") or []) if isinstance(entry, dict) else []:
                    if isinstance(event, dict):
                        await self._answer(event, on_new_message, request)
            return response.text("EVENT_RECEIVED")

        return blueprint

    async def _answer(self, event: Dict[Text, Any], on_new_message: Callable, request: Request) -> None:
        sender = _as_dict(event.get("sender")).get("id")
        if not isinstance(sender, (str, int)) or not sender or _as_dict(event.get("message")).get("is_echo"):
            return
        if not (event.get("message") or event.get("postback")):
            return  # deliveries, reads and other notifications
        if not channel_memory().first_time("messenger", _message_id(event)):
            return
        text = _message_text(event)
        try:
            if not isinstance(text, str):
                await self.out.send_text_message(str(sender), patient_text("not_text"))
                return
            await deliver(on_new_message, "messenger", text, str(sender), self.out, self.get_metadata(request))
        except Exception as error:
            logger.error("Could not answer a Messenger message: %s", error_kind(error))
