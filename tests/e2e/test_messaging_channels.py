"""Telegram, Messenger and Twilio (SMS and WhatsApp) end to end: signed sample
webhook calls posted to the running Rasa server, the replies caught by the fake
platform APIs. Unsigned, wrongly signed and retried calls are checked too."""

from __future__ import annotations

import itertools
import json
import time

import pytest
import requests

from bot import settings
from bot.channels.replies import NUMBERED_OPTIONS_PROMPT
from bot.channels.signatures import messenger_signature, twilio_signature
from bot.dialogue.messages import message
from bot.dialogue.responses import response_text
from tests.support.running_bot import CHANNEL_SECRETS, SENT

QUESTION = "what causes acne scars?"
# A fact of the curated "causes" answer (data/knowledge/).
CAUSES_FACT = "inflammatory acne lesions"
# Every medical answer is followed by this question, with 👍 and 👎 (bot/dialogue/feedback.py).
FEEDBACK = message("feedback_question")
RATING_TITLES = [message("feedback_yes"), message("feedback_no")]
BOOKING_TITLE = message("book_consultation")
# An answer that sends the patient to a dermatologist, so the booking button follows it.
SEE_DOCTOR = "when should I see a doctor about my acne scars?"
_ids = itertools.count(int(time.time()))


def new_id() -> int:
    return next(_ids)


# Telegram -------------------------------------------------------------------

TELEGRAM_SECRET = CHANNEL_SECRETS["ACNEBOT_TELEGRAM_SECRET_TOKEN"]


def telegram_update(chat: int, text: str | None = None, **message) -> dict:
    body = {"message_id": new_id(), "date": int(time.time()), "chat": {"id": chat, "type": "private"}, **message}
    if text is not None:
        SENT.append(text)
        body["text"] = text
    return {"update_id": new_id(), "message": body}


def post_telegram(bot_url: str, update: dict, secret: str | None = TELEGRAM_SECRET) -> requests.Response:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    return requests.post(f"{bot_url}/webhooks/telegram/webhook", json=update, headers=headers, timeout=30)


def telegram_texts(platforms, chat: int) -> list[str]:
    return [call["text"] for call in platforms.sent("telegram", "sendMessage", chat_id=chat)]


def test_telegram_answers_a_signed_message_with_the_disclaimer(bot_url, platforms):
    chat = new_id()
    assert post_telegram(bot_url, telegram_update(chat, QUESTION)).status_code == 200
    texts = telegram_texts(platforms, chat)
    assert texts[0].startswith("Privacy:")
    assert CAUSES_FACT in texts[-2].lower() and texts[-2].endswith(settings.DISCLAIMER)
    assert texts[-1] == FEEDBACK


@pytest.mark.parametrize("secret, status", [(None, 401), ("wrong-secret-0123456789", 403), ("", 401)])
def test_telegram_refuses_an_unsigned_or_wrongly_signed_call(bot_url, platforms, secret, status):
    chat = new_id()
    assert post_telegram(bot_url, telegram_update(chat, QUESTION), secret=secret).status_code == status
    assert telegram_texts(platforms, chat) == []


def test_telegram_answers_a_retried_update_once(bot_url, platforms):
    chat = new_id()
    update = telegram_update(chat, QUESTION)
    assert post_telegram(bot_url, update).status_code == 200
    answered = len(telegram_texts(platforms, chat))
    assert answered >= 2 and CAUSES_FACT in "\n".join(telegram_texts(platforms, chat))  # privacy notice, answer …
    retry = post_telegram(bot_url, update)
    assert retry.status_code == 200 and retry.json() == {"status": "already answered"}
    assert len(telegram_texts(platforms, chat)) == answered


def test_telegram_buttons_are_an_inline_keyboard_and_a_tap_is_answered(bot_url, platforms):
    chat = new_id()
    post_telegram(bot_url, telegram_update(chat, "what can you do?"))
    menu = platforms.sent("telegram", "sendMessage", chat_id=chat)[-1]
    rows = json.loads(menu["reply_markup"])["inline_keyboard"]
    assert [button["text"] for row in rows for button in row][:2] == ["What causes acne scars", "Types of acne scars"]
    tap = {
        "update_id": new_id(),
        "callback_query": {
            "id": str(new_id()),
            "from": {"id": chat, "is_bot": False, "first_name": "P"},
            "chat_instance": "1",
            "data": rows[0][0]["callback_data"],
            "message": {"message_id": 1, "date": 0, "chat": {"id": chat, "type": "private"}, "text": menu["text"]},
        },
    }
    assert post_telegram(bot_url, tap).status_code == 200
    answer = telegram_texts(platforms, chat)[-2]
    assert CAUSES_FACT in answer.lower() and answer.endswith(settings.DISCLAIMER)
    assert platforms.sent("telegram", "answerCallbackQuery", callback_query_id=tap["callback_query"]["id"])


def telegram_tap(chat: int, message: dict, data: str) -> dict:
    return {
        "update_id": new_id(),
        "callback_query": {
            "id": str(new_id()),
            "from": {"id": chat, "is_bot": False, "first_name": "P"},
            "chat_instance": "1",
            "data": data,
            "message": {"message_id": 1, "date": 0, "chat": {"id": chat, "type": "private"}, "text": message["text"]},
        },
    }


def test_telegram_feedback_and_booking_buttons_are_an_inline_keyboard_and_tapping_them_works(bot_url, platforms):
    chat = new_id()
    post_telegram(bot_url, telegram_update(chat, SEE_DOCTOR))
    prompt = platforms.sent("telegram", "sendMessage", chat_id=chat)[-1]
    buttons = [button for row in json.loads(prompt["reply_markup"])["inline_keyboard"] for button in row]
    assert prompt["text"] == FEEDBACK and [b["text"] for b in buttons] == [*RATING_TITLES, BOOKING_TITLE]
    post_telegram(bot_url, telegram_tap(chat, prompt, buttons[0]["callback_data"]))
    assert telegram_texts(platforms, chat)[-1] == message("feedback_thanks")
    post_telegram(bot_url, telegram_tap(chat, prompt, buttons[2]["callback_data"]))
    assert telegram_texts(platforms, chat)[-1].startswith("You can book a consultation")


def test_telegram_a_photo_gets_a_text_only_reply(bot_url, platforms):
    chat = new_id()
    update = telegram_update(chat, photo=[{"file_id": "x", "file_unique_id": "y", "width": 9, "height": 9}])
    assert post_telegram(bot_url, update).status_code == 200
    assert telegram_texts(platforms, chat) == [message("not_text")]


def test_telegram_start_command_opens_the_conversation(bot_url, platforms):
    chat = new_id()
    post_telegram(bot_url, telegram_update(chat, "/start"))
    texts = telegram_texts(platforms, chat)
    assert texts[0].startswith("Privacy:") and len(texts) >= 2


def test_telegram_refuses_a_body_that_is_not_an_update(bot_url):
    response = requests.post(
        f"{bot_url}/webhooks/telegram/webhook",
        data=b"\xff not json",
        headers={"X-Telegram-Bot-Api-Secret-Token": TELEGRAM_SECRET},
        timeout=30,
    )
    assert response.status_code == 400 and "update_id" in response.json()["error"]


# Messenger ------------------------------------------------------------------

APP_SECRET = CHANNEL_SECRETS["ACNEBOT_MESSENGER_APP_SECRET"]


def messenger_event(sender: str, text: str | None = None, **message) -> dict:
    if text is not None:
        SENT.append(text)
        message["text"] = text
    return {
        "sender": {"id": sender},
        "recipient": {"id": "PAGE"},
        "timestamp": int(time.time() * 1000),
        "message": {"mid": f"m_{new_id()}", **message},
    }


def post_messenger(bot_url: str, *events: dict, signature: str | None = "sign", header="X-Hub-Signature-256"):
    body = json.dumps({"object": "page", "entry": [{"id": "PAGE", "time": 0, "messaging": list(events)}]}).encode()
    headers = {"Content-Type": "application/json"}
    if signature == "sign":
        headers[header] = messenger_signature(APP_SECRET, body)
    elif signature is not None:
        headers[header] = signature
    return requests.post(f"{bot_url}/webhooks/messenger/webhook", data=body, headers=headers, timeout=30)


def messenger_messages(platforms, sender: str) -> list[dict]:
    return [call["message"] for call in platforms.sent("graph", "messages") if call["recipient"]["id"] == sender]


def test_messenger_answers_every_message_of_a_signed_batch(bot_url, platforms):
    first, second = f"psid{new_id()}", f"psid{new_id()}"
    response = post_messenger(bot_url, messenger_event(first, QUESTION), messenger_event(second, "what is a boxcar scar?"))
    assert response.status_code == 200
    for sender, fact in ((first, CAUSES_FACT), (second, "boxcar")):
        texts = [message["text"] for message in messenger_messages(platforms, sender)]
        assert texts[0].startswith("Privacy:")
        assert fact in texts[-2].lower() and texts[-2].endswith(settings.DISCLAIMER)
        assert texts[-1] == FEEDBACK
    assert platforms.sent("graph", "messages")[-1]["messaging_type"] == "RESPONSE"


@pytest.mark.parametrize(
    "signature, header, status",
    [
        (None, "X-Hub-Signature-256", 401),
        ("sha256=" + "0" * 64, "X-Hub-Signature-256", 403),
        ("sign", "X-Hub-Signature", 401),  # only the old SHA-1 header's name: not enough
    ],
)
def test_messenger_refuses_an_unsigned_or_wrongly_signed_call(bot_url, platforms, signature, header, status):
    sender = f"psid{new_id()}"
    assert post_messenger(bot_url, messenger_event(sender, QUESTION), signature=signature, header=header).status_code == status
    assert messenger_messages(platforms, sender) == []


def test_messenger_answers_a_retried_message_once(bot_url, platforms):
    sender = f"psid{new_id()}"
    event = messenger_event(sender, QUESTION)
    post_messenger(bot_url, event)
    answered = len(messenger_messages(platforms, sender))
    assert answered >= 2 and CAUSES_FACT in "\n".join(m.get("text", "") for m in messenger_messages(platforms, sender))
    assert post_messenger(bot_url, event).status_code == 200
    assert len(messenger_messages(platforms, sender)) == answered


def test_messenger_buttons_are_quick_replies_within_20_characters(bot_url, platforms):
    sender = f"psid{new_id()}"
    post_messenger(bot_url, messenger_event(sender, "what can you do?"))
    quick_replies = messenger_messages(platforms, sender)[-1]["quick_replies"]
    assert quick_replies and all(len(reply["title"]) <= 20 for reply in quick_replies)
    chosen = messenger_event(sender, "What causes", quick_reply={"payload": quick_replies[0]["payload"]})
    post_messenger(bot_url, chosen)
    answer = messenger_messages(platforms, sender)[-2]["text"]
    assert CAUSES_FACT in answer.lower() and answer.endswith(settings.DISCLAIMER)


def test_messenger_feedback_and_booking_buttons_are_quick_replies_and_tapping_them_works(bot_url, platforms):
    sender = f"psid{new_id()}"
    post_messenger(bot_url, messenger_event(sender, SEE_DOCTOR))
    prompt = messenger_messages(platforms, sender)[-1]
    assert prompt["text"] == FEEDBACK
    titles = [reply["title"] for reply in prompt["quick_replies"]]
    assert titles[:2] == RATING_TITLES and titles[2].startswith("📅 Book a")
    payloads = [reply["payload"] for reply in prompt["quick_replies"]]
    post_messenger(bot_url, messenger_event(sender, titles[1], quick_reply={"payload": payloads[1]}))
    sorry = messenger_messages(platforms, sender)[-1]
    assert sorry["text"] == message("feedback_sorry") and sorry["quick_replies"][0]["payload"] == payloads[2]
    post_messenger(bot_url, messenger_event(sender, titles[2], quick_reply={"payload": payloads[2]}))
    assert messenger_messages(platforms, sender)[-1]["text"].startswith("You can book a consultation")


def test_messenger_subscription_needs_the_verify_token(bot_url):
    url = f"{bot_url}/webhooks/messenger/webhook"
    good = {"hub.mode": "subscribe", "hub.verify_token": CHANNEL_SECRETS["ACNEBOT_MESSENGER_VERIFY_TOKEN"], "hub.challenge": "42"}
    assert requests.get(url, params=good, timeout=10).text == "42"
    assert requests.get(url, params={**good, "hub.verify_token": "guess"}, timeout=10).status_code == 403


def test_messenger_an_image_gets_a_text_only_reply(bot_url, platforms):
    sender = f"psid{new_id()}"
    image = messenger_event(sender, attachments=[{"type": "image", "payload": {"url": "https://example.org/x.jpg"}}])
    post_messenger(bot_url, image)
    assert [message["text"] for message in messenger_messages(platforms, sender)] == [message("not_text")]


# Twilio (SMS and WhatsApp) ----------------------------------------------------

AUTH_TOKEN = CHANNEL_SECRETS["ACNEBOT_TWILIO_AUTH_TOKEN"]
NUMBER = CHANNEL_SECRETS["ACNEBOT_TWILIO_NUMBER"]


def post_twilio(bot_url: str, sender: str, body: str, signature: str | None = "sign", message_id: str | None = None):
    url = f"{bot_url}/webhooks/twilio/webhook"
    SENT.append(body)
    form = {
        "MessageSid": message_id or f"SM{new_id():032d}",
        "AccountSid": CHANNEL_SECRETS["ACNEBOT_TWILIO_ACCOUNT_SID"],
        "From": sender,
        "To": NUMBER,
        "Body": body,
        "NumMedia": "0",
    }
    headers = {}
    if signature == "sign":
        headers["X-Twilio-Signature"] = twilio_signature(AUTH_TOKEN, url, form)
    elif signature is not None:
        headers["X-Twilio-Signature"] = signature
    return requests.post(url, data=form, headers=headers, timeout=30), form


def twilio_bodies(platforms, sender: str) -> list[str]:
    return [call["Body"] for call in platforms.sent("twilio", "Messages", To=sender)]


def test_sms_answers_a_signed_message_with_the_disclaimer(bot_url, platforms):
    sender = f"+1555{new_id() % 10**7:07d}"
    response, _ = post_twilio(bot_url, sender, QUESTION)
    assert response.status_code == 200 and "<Response>" in response.text
    bodies = twilio_bodies(platforms, sender)
    assert bodies[0].startswith("Privacy:")
    assert CAUSES_FACT in bodies[-2].lower() and bodies[-2].endswith(settings.DISCLAIMER)
    assert bodies[-1].startswith(FEEDBACK)
    assert all(len(body) <= 1600 for body in bodies)
    assert {call["From"] for call in platforms.sent("twilio", "Messages", To=sender)} == {NUMBER}


@pytest.mark.parametrize("signature, status", [(None, 401), ("bm90IHRoZSBzaWduYXR1cmU=", 403)])
def test_sms_refuses_an_unsigned_or_wrongly_signed_call(bot_url, platforms, signature, status):
    sender = f"+1555{new_id() % 10**7:07d}"
    response, _ = post_twilio(bot_url, sender, QUESTION, signature=signature)
    assert response.status_code == status
    assert twilio_bodies(platforms, sender) == []


def test_sms_answers_a_retried_message_once(bot_url, platforms):
    sender = f"+1555{new_id() % 10**7:07d}"
    _, form = post_twilio(bot_url, sender, QUESTION)
    answered = len(twilio_bodies(platforms, sender))
    assert answered >= 1 and CAUSES_FACT in "\n".join(twilio_bodies(platforms, sender))
    response, _ = post_twilio(bot_url, sender, QUESTION, message_id=form["MessageSid"])
    assert response.status_code == 200 and len(twilio_bodies(platforms, sender)) == answered


def test_sms_buttons_are_numbered_options_answered_with_a_number(bot_url, platforms):
    sender = f"+1555{new_id() % 10**7:07d}"
    post_twilio(bot_url, sender, "what can you do?")
    menu = twilio_bodies(platforms, sender)[-1]
    assert f"{NUMBERED_OPTIONS_PROMPT}\n1. What causes acne scars\n2. Types of acne scars" in menu
    post_twilio(bot_url, sender, "1")
    answer = twilio_bodies(platforms, sender)[-2]
    assert CAUSES_FACT in answer.lower() and answer.endswith(settings.DISCLAIMER)


def test_sms_feedback_and_booking_are_numbered_options_answered_with_a_number(bot_url, platforms):
    sender = f"+1555{new_id() % 10**7:07d}"
    post_twilio(bot_url, sender, SEE_DOCTOR)
    prompt = twilio_bodies(platforms, sender)[-1]
    assert prompt == f"{FEEDBACK}\n\n{NUMBERED_OPTIONS_PROMPT}\n1. {RATING_TITLES[0]}\n2. {RATING_TITLES[1]}\n3. {BOOKING_TITLE}"
    post_twilio(bot_url, sender, "1")
    assert twilio_bodies(platforms, sender)[-1] == message("feedback_thanks")
    # The thanks has no options: a later number is not taken as an old option.
    post_twilio(bot_url, sender, SEE_DOCTOR)
    post_twilio(bot_url, sender, "3")
    assert twilio_bodies(platforms, sender)[-1].startswith("You can book a consultation")


def test_whatsapp_replies_come_from_the_whatsapp_number(bot_url, platforms):
    sender = f"whatsapp:+1555{new_id() % 10**7:07d}"
    post_twilio(bot_url, sender, QUESTION)
    calls = platforms.sent("twilio", "Messages", To=sender)
    assert calls and {call["From"] for call in calls} == {f"whatsapp:{NUMBER}"}
    assert calls[-2]["Body"].endswith(settings.DISCLAIMER) and calls[-1]["Body"].startswith(FEEDBACK)


# Red flags first, on every messaging channel -----------------------------------

EMERGENCY_MESSAGE = "my tongue feels huge and i'm wheezing since the peel"
CRISIS_MESSAGE = "i can't do this anymore, i've got my pills saved up"


@pytest.mark.parametrize("message, reply", [(EMERGENCY_MESSAGE, "utter_emergency"), (CRISIS_MESSAGE, "utter_crisis")])
def test_telegram_red_flag_reply_comes_first_and_once(bot_url, platforms, message, reply):
    chat = new_id()
    assert post_telegram(bot_url, telegram_update(chat, message)).status_code == 200
    texts = telegram_texts(platforms, chat)
    assert texts[0] == response_text(reply) and texts.count(response_text(reply)) == 1
    assert texts[1].startswith("Privacy:")


@pytest.mark.parametrize("message, reply", [(EMERGENCY_MESSAGE, "utter_emergency"), (CRISIS_MESSAGE, "utter_crisis")])
def test_messenger_red_flag_reply_comes_first_and_once(bot_url, platforms, message, reply):
    sender = f"psid{new_id()}"
    assert post_messenger(bot_url, messenger_event(sender, message)).status_code == 200
    texts = [message["text"] for message in messenger_messages(platforms, sender)]
    assert texts[0] == response_text(reply) and texts.count(response_text(reply)) == 1


@pytest.mark.parametrize("sender_prefix", ["+1555", "whatsapp:+1555"])
def test_sms_and_whatsapp_red_flag_reply_comes_first_and_once(bot_url, platforms, sender_prefix):
    sender = f"{sender_prefix}{new_id() % 10**7:07d}"
    response, _ = post_twilio(bot_url, sender, EMERGENCY_MESSAGE)
    assert response.status_code == 200
    bodies = twilio_bodies(platforms, sender)
    assert bodies[0] == response_text("utter_emergency") and bodies.count(bodies[0]) == 1


@pytest.mark.parametrize(
    "event",
    [
        {"sender": "not-an-object", "recipient": {"id": "PAGE"}, "message": {"mid": "m_x", "text": "hi"}},
        {"sender": {"id": "psid-odd"}, "recipient": {"id": "PAGE"}, "message": "not-an-object"},
        {"sender": {"id": ["a", "list"]}, "recipient": {"id": "PAGE"}, "message": {"mid": "m_y", "text": "hi"}},
    ],
)
def test_messenger_a_signed_event_of_the_wrong_shape_is_not_a_server_error(bot_url, event):
    assert post_messenger(bot_url, event).status_code == 200
