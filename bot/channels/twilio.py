"""SMS and WhatsApp through Twilio, with every webhook call checked against
X-Twilio-Signature.

Rasa 3.6's TwilioInput checks no signature and sends replies with blocking HTTP
calls, one SMS per paragraph. Here a missing or wrong signature gets 401/403, a
retried message (same MessageSid) is answered once, replies go out with Twilio's
asynchronous client in as few messages as the 1600-character limit allows, and
buttons become numbered options the patient answers with a number.
"""

from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, cast

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.twilio import TwilioInput, TwilioOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient

from bot.channels.memory import channel_memory
from bot.channels.replies import chosen_option, numbered_options, split_text
from bot.channels.resilience import error_kind
from bot.channels.signatures import check_twilio
from bot.channels.webhook import bad_request, deliver, refusal_for, webhook_blueprint
from bot.dialogue.messages import message as patient_text

logger = logging.getLogger(__name__)

TEXT_LIMIT = 1600
WHATSAPP = "whatsapp:"
# Twilio reads the webhook's answer as TwiML; an empty Response sends nothing more.
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


class TwilioReplies(TwilioOutput):
    """Sends SMS or WhatsApp replies with the REST API (`api_url` for another host)."""

    def __init__(self, account_sid: Text, auth_token: Text, twilio_number: Text, api_url: Optional[Text] = None) -> None:
        super().__init__(account_sid, auth_token, twilio_number)
        self.http_client = AsyncTwilioHttpClient(timeout=10)
        if api_url:
            self.api.base_url = api_url.rstrip("/")

    def _sender_for(self, recipient_id: Text) -> Text:
        """Reply from the WhatsApp form of the number to a WhatsApp patient."""
        if recipient_id.startswith(WHATSAPP) and not self.twilio_number.startswith(WHATSAPP):
            return WHATSAPP + self.twilio_number
        return self.twilio_number

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for piece in split_text(text, TEXT_LIMIT):
            try:
                await self.messages.create_async(to=recipient_id, from_=self._sender_for(recipient_id), body=piece)
            except TwilioRestException as error:
                logger.error("Twilio refused a reply: HTTP %s, error %s", error.status, error.code)
                return

    async def send_text_with_buttons(self, recipient_id: Text, text: Text, buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        channel_memory().remember_options("twilio", recipient_id, [b["payload"] for b in buttons])
        await self.send_text_message(recipient_id, numbered_options(text, buttons))

    async def send_quick_replies(
        self, recipient_id: Text, text: Text, quick_replies: List[Dict[Text, Any]], **kwargs: Any
    ) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)


class TwilioChannel(TwilioInput):
    @classmethod
    def name(cls) -> Text:
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        if not credentials:
            cls.raise_missing_credentials_exception()
        credentials = cast(Dict[Text, Any], credentials)  # the line above raised otherwise
        return cls(
            credentials["account_sid"],
            credentials["auth_token"],
            credentials["twilio_number"],
            credentials["webhook_url"],
            credentials.get("api_url"),
        )

    def __init__(
        self,
        account_sid: Text,
        auth_token: Text,
        twilio_number: Text,
        webhook_url: Text,
        api_url: Optional[Text] = None,
    ) -> None:
        super().__init__(str(account_sid), str(auth_token), str(twilio_number), debug_mode=False)
        self.webhook_url = str(webhook_url)
        self.api_url = api_url
        self._out: Optional[TwilioReplies] = None

    def get_output_channel(self) -> TwilioReplies:
        # Made on the first call, inside the server's event loop (its HTTP session
        # belongs to that loop), and then kept.
        if self._out is None:
            self._out = TwilioReplies(self.account_sid, self.auth_token, self.twilio_number, self.api_url)
        return self._out

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = webhook_blueprint("twilio_webhook")

        @blueprint.route("/webhook", methods=["POST"])
        async def webhook(request: Request) -> HTTPResponse:
            form = request.form
            refused = refusal_for(
                "Twilio",
                check_twilio(self.auth_token, self.webhook_url, form, request.headers.get("X-Twilio-Signature")),
            )
            if refused:
                return refused
            sender, message_id = form.get("From"), form.get("MessageSid")
            if not sender or not message_id:
                return bad_request("Twilio", "the form must have From and MessageSid")
            if channel_memory().first_time("twilio", message_id):
                try:
                    await self._answer(sender, form.get("Body") or "", form.get("NumMedia") or "0", on_new_message, request)
                except Exception as error:
                    logger.error("Could not answer a Twilio message: %s", error_kind(error))
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return blueprint

    async def _answer(self, sender: Text, body: Text, media: Text, on_new_message: Callable, request: Request) -> None:
        out = self.get_output_channel()
        if not body.strip() and media != "0":
            await out.send_text_message(sender, patient_text("not_text"))
            return
        text = chosen_option(body, channel_memory().options("twilio", sender)) or body
        await deliver(on_new_message, "twilio", text, sender, out, self.get_metadata(request))
