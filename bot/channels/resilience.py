"""What every channel does around Rasa for each patient message.

Red flags first: a message that describes an emergency or suicidal thoughts
gets the emergency or crisis reply at once, before anything else (the privacy
notice of a new conversation included), from the channel itself, so it never
waits for the action server or a store. Rasa then handles the message as usual,
and its own copy of that reply is not sent twice.

Every message gets a reply: when Rasa cannot answer (the action server is down,
the tracker store or the lock store is unreachable), Rasa either raises or logs
the error and says nothing; the patient would see silence or an error page.
Here they get a polite "try again or contact the clinic" instead, and the log
says what failed.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot import settings
from bot.channels.memory import channel_memory
from bot.dialogue.canned_replies import unavailable_text
from bot.dialogue.composition import part_of
from bot.dialogue.responses import ALERTS, alert_reply
from bot.safety.red_flags import detect

logger = logging.getLogger(__name__)

RESTART_COMMANDS = {"/restart", "/session_start"}


class _Watched(OutputChannel):
    """Passes replies on to the real channel, counts the answers among them, and
    drops Rasa's copy of an alert the gate has already sent."""

    def __init__(self, inner: OutputChannel, recipient_id: Text, opens_conversation: bool = False) -> None:
        self.inner = inner
        # The platform's own id of the patient (chat id, phone number, REST sender),
        # which Rasa knows only with the channel's namespace in front.
        self.recipient_id = recipient_id
        self.answers = 0
        self.alert_sent: Optional[str] = None
        # After "/restart" the privacy notice of the new conversation is the whole answer.
        self.opens_conversation = opens_conversation

    def name(self) -> Text:
        return self.inner.name()

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        alert = ALERTS.get(message.get("utter_action") or "")
        if alert is not None and message.get("utter_action") == self.alert_sent:
            return
        # The privacy notice opens a conversation; it does not answer a message.
        if message.get("text") != settings.PRIVACY_NOTICE or self.opens_conversation:
            self.answers += 1
        collected = getattr(self.inner, "messages", None)
        before = len(collected) if isinstance(collected, list) else 0
        await self.inner.send_response(self.recipient_id, message)
        if isinstance(collected, list):
            # REST and the widget: say which replies are alerts, and which paragraphs are the
            # privacy notice, the sources and the disclaimer, so the widget can show each in its place.
            for sent in collected[before:]:
                if alert is not None:
                    sent["alert"] = alert
                part = part_of(sent.get("text"))
                if part is not None:
                    sent["part"] = part

    async def send_alert(self, recipient_id: Text, flag: str) -> None:
        reply = alert_reply(flag)
        await self.send_response(recipient_id, reply)
        self.alert_sent = reply["utter_action"]

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)


def error_kind(error: BaseException) -> str:
    """An error's type, which is all the logs say of it: its text can quote the patient."""
    return f"{type(error).__module__}.{type(error).__name__}"


def conversation_id(channel: Optional[Text], sender_id: Text, turn: int = 1) -> Text:
    """Rasa's id of a conversation: the channel's namespace and the platform's id,
    so that an id sent on one channel ("+15550001111" to REST) never reaches
    another channel's conversation (that number's SMS). Every
    MAX_TURNS_PER_CONVERSATION turns it starts a new one ("rest:abc#1"): Rasa's
    cost per turn grows with the conversation's length, and one client keeping
    a conversation going for thousands of turns would slow every patient."""
    # "#" separates the parts, so a sender's own "#" is escaped: "abc#1" is not abc's second part.
    base = f"{channel or 'unknown'}:{sender_id.replace('%', '%25').replace('#', '%23')}"
    part = (max(turn, 1) - 1) // settings.MAX_TURNS_PER_CONVERSATION
    return f"{base}#{part}" if part else base


def always_answer(on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Callable[[UserMessage], Awaitable[None]]:
    async def handle(message: UserMessage) -> None:
        watched = _Watched(message.output_channel, message.sender_id, (message.text or "").strip() in RESTART_COMMANDS)
        message.output_channel = watched
        base = conversation_id(message.input_channel, message.sender_id)
        message.sender_id = conversation_id(message.input_channel, message.sender_id, channel_memory().count_turn(base))
        try:
            flag = detect(message.text or "")
        except Exception as error:  # a fault in the detector must not silence the assistant; Rasa's NLU checks again
            logger.error("The red-flag check failed on a %s message: %s", message.input_channel, error_kind(error))
            flag = None
        if flag is not None:
            try:
                await watched.send_alert(message.sender_id, flag.value)
            except Exception as error:
                logger.error(
                    "Could not send the %s reply to a %s message: %s", flag.value, message.input_channel, error_kind(error)
                )
        try:
            await on_new_message(message)
        except asyncio.CancelledError:
            # The client went away (Sanic cancels its request). Rasa's REST channel
            # would log the message's text on the way out; the reply has no one to reach.
            logger.warning("A %s client went away before its reply was ready.", message.input_channel)
            return
        except Exception as error:
            # Only the errors' types: a database error's text can quote the message.
            cause = error.__cause__ or error.__context__
            causes = f" (caused by {error_kind(cause)})" if cause else ""
            logger.error(
                "Could not answer a %s message: %s%s. The patient was asked to try again.",
                message.input_channel,
                error_kind(error),
                causes,
            )
        if watched.answers == 0:
            logger.error(
                "No reply to a %s message (see the errors above: is the action server up?); the patient was asked to try again.",
                message.input_channel,
            )
            await watched.inner.send_response(watched.recipient_id, {"text": unavailable_text()})

    return handle
