"""Telegram, with every webhook call checked against the secret token.

Rasa 3.6's TelegramInput checks no signature (it asks Telegram for the bot's name
on every update instead) and sets the webhook on start-up without a secret. Here
the webhook is registered once with a secret token (docs/channels.md), each call
must carry it, a retried update is answered once, and long answers are split at
Telegram's 4096-character limit.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, cast

from aiogram import Bot
from aiogram.bot.api import TelegramAPIServer
from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.telegram import TelegramInput, TelegramOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.channels.memory import channel_memory
from bot.channels.replies import split_text
from bot.channels.resilience import error_kind
from bot.channels.signatures import check_telegram
from bot.channels.webhook import bad_request, deliver, json_body, refusal_for, webhook_blueprint
from bot.dialogue.messages import message as patient_text

logger = logging.getLogger(__name__)

TEXT_LIMIT = 4096
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"


class TelegramReplies(TelegramOutput):
    """Sends replies through the Bot API (or a local Bot API server at `api_url`)."""

    def __init__(self, access_token: Text, api_url: Optional[Text] = None) -> None:
        server = TelegramAPIServer.from_base(api_url) if api_url else None
        Bot.__init__(self, access_token, **({"server": server} if server else {}))

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for piece in split_text(text, TEXT_LIMIT):
            await self.send_message(recipient_id, piece)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        """Buttons as an inline keyboard, one per row (the titles are phrases),
        under the last piece of the text."""
        *first, last = split_text(text, TEXT_LIMIT) or [""]
        for piece in first:
            await self.send_message(recipient_id, piece)
        await super().send_text_with_buttons(recipient_id, last, buttons, button_type="vertical")


class TelegramChannel(TelegramInput):
    @classmethod
    def name(cls) -> Text:
        return "telegram"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        credentials = cast(Dict[Text, Any], credentials)  # the line above raised otherwise
        return cls(credentials["access_token"], credentials["secret_token"], credentials.get("api_url"))

    def __init__(self, access_token: Text, secret_token: Text, api_url: Optional[Text] = None) -> None:
        super().__init__(access_token, verify=None, webhook_url=None, debug_mode=False)
        self.secret_token = str(secret_token)
        self.api_url = api_url
        self._out: Optional[TelegramReplies] = None

    def get_output_channel(self) -> TelegramReplies:
        # Made on the first call, inside the server's event loop, and then kept;
        # unlike Rasa's, it does not set the webhook.
        if self._out is None:
            self._out = TelegramReplies(self.access_token, self.api_url)
        return self._out

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = webhook_blueprint("telegram_webhook")

        @blueprint.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            refused = refusal_for("Telegram", check_telegram(self.secret_token, request.headers.get(SECRET_HEADER)))
            if refused:
                return refused
            update = json_body(request.body)
            if update is None or not isinstance(update.get("update_id"), int):
                return bad_request("Telegram", "the body must be a Telegram Update with an update_id")
            if not channel_memory().first_time("telegram", str(update["update_id"])):
                return response.json({"status": "already answered"})
            try:
                await self._answer(update, on_new_message, request)
            except Exception as error:
                logger.error("Could not answer a Telegram update: %s", error_kind(error))
            return response.json({"status": "ok"})

        return blueprint

    async def _answer(self, update: dict, on_new_message: Callable, request: Request) -> None:
        out = self.get_output_channel()
        callback = update.get("callback_query")
        if isinstance(callback, dict):
            chat = ((callback.get("message") or {}).get("chat") or {}).get("id")
            if chat is None or not isinstance(callback.get("data"), str):
                return
            await out.answer_callback_query(callback["id"])
            await deliver(on_new_message, "telegram", callback["data"], str(chat), out, self.get_metadata(request))
            return
        message = update.get("message")
        if not isinstance(message, dict) or not isinstance((message.get("chat") or {}).get("id"), int):
            return  # edited messages, channel posts, membership changes: nothing to answer
        chat = str(message["chat"]["id"])
        text = message.get("text")
        if not isinstance(text, str):
            await out.send_message(chat, patient_text("not_text"))
            return
        # Telegram opens every conversation with /start, which Rasa would read as an intent.
        text = "hello" if text.strip().split("@")[0] == "/start" else text
        await deliver(on_new_message, "telegram", text, chat, out, self.get_metadata(request))
