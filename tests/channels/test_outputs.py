"""Each platform's reply sender against the fake platform APIs: long answers in
pieces within the platform's limit, no word cut, the disclaimer whole at the end."""

import asyncio

import pytest

from bot import settings
from bot.channels.messenger import MessengerReplies
from bot.channels.telegram import TelegramReplies
from bot.channels.twilio import TwilioReplies
from tests.support.fake_platforms import FakePlatforms

SENTENCE = "Fractional laser resurfacing removes thin layers of skin so that new skin can form. "
LONG_ANSWER = SENTENCE * 70 + "\n\n" + settings.DISCLAIMER  # about 6000 characters


@pytest.fixture(scope="module")
def platforms():
    fake = FakePlatforms()
    yield fake
    fake.close()


def check_pieces(pieces: list[str], limit: int) -> None:
    assert len(pieces) > 1 and all(len(piece) <= limit for piece in pieces)
    assert " ".join(pieces).split() == LONG_ANSWER.split()
    assert pieces[-1].endswith(settings.DISCLAIMER)


def test_telegram_splits_at_4096(platforms):
    async def send():
        out = TelegramReplies("123456789:AAtest-telegram-token_abcdefghijklmnopq", f"{platforms.url}/telegram")
        await out.send_text_message("4242", LONG_ANSWER)
        await out.session.close()

    asyncio.run(send())
    check_pieces([call["text"] for call in platforms.sent("telegram", "sendMessage", chat_id=4242)], 4096)


def test_messenger_splits_at_2000(platforms):
    async def send():
        out = MessengerReplies("page-token", f"{platforms.url}/graph")
        await out.send_text_message("psid-long", LONG_ANSWER)

    asyncio.run(send())
    calls = [call for call in platforms.sent("graph", "messages") if call["recipient"]["id"] == "psid-long"]
    check_pieces([call["message"]["text"] for call in calls], 2000)


def test_sms_splits_at_1600_and_buttons_follow_the_last_piece(platforms):
    buttons = [{"title": "Treatments", "payload": "/ask_treatment"}]

    async def send():
        out = TwilioReplies("AC" + "0" * 32, "auth-token", "+15550001111", f"{platforms.url}/twilio")
        await out.send_text_message("+15550002222", LONG_ANSWER)
        await out.send_text_with_buttons("+15550003333", LONG_ANSWER, buttons)

    asyncio.run(send())
    check_pieces([call["Body"] for call in platforms.sent("twilio", "Messages", To="+15550002222")], 1600)
    with_options = [call["Body"] for call in platforms.sent("twilio", "Messages", To="+15550003333")]
    assert with_options[-1].endswith("Reply with a number:\n1. Treatments")
    assert all(len(body) <= 1600 for body in with_options)
