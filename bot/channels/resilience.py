"""Every patient message gets a reply. When Rasa cannot answer (the action server
is down, the tracker store or the lock store is unreachable), Rasa either raises
or logs the error and says nothing; the patient would see silence or an error
page. Here they get a polite "try again or contact the clinic" instead, and the
log says what failed."""
from __future__ import annotations

import logging
from typing import Any, Awaitable, Callable, Dict, Text

from rasa.core.channels.channel import OutputChannel, UserMessage

from bot.answers import unavailable_text

logger = logging.getLogger(__name__)


class _Watched(OutputChannel):
    """Passes every reply on to the real channel and counts them."""

    def __init__(self, inner: OutputChannel) -> None:
        self.inner = inner
        self.sent = 0

    def name(self) -> Text:  # type: ignore[override]
        return self.inner.name()

    async def send_response(self, recipient_id: Text, message: Dict[Text, Any]) -> None:
        self.sent += 1
        await self.inner.send_response(recipient_id, message)

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self.inner, attribute)


def _kind(error: BaseException) -> str:
    return f"{type(error).__module__}.{type(error).__name__}"


def always_answer(on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Callable[[UserMessage], Awaitable[None]]:
    async def handle(message: UserMessage) -> None:
        watched = _Watched(message.output_channel)
        message.output_channel = watched
        try:
            await on_new_message(message)
        except Exception as error:
            # Only the errors' types: a database error's text can quote the message.
            cause = error.__cause__ or error.__context__
            causes = f" (caused by {_kind(cause)})" if cause else ""
            logger.error(
                "Could not answer a %s message: %s%s. The patient was asked to try again.",
                message.input_channel, _kind(error), causes,
            )
        if watched.sent == 0:
            logger.error(
                "No reply to a %s message (see the errors above: is the action server up?); "
                "the patient was asked to try again.", message.input_channel,
            )
            await watched.inner.send_response(message.sender_id, {"text": unavailable_text()})

    return handle
