"""Red flags first, personal advice declined, clinic business to the clinic: end to end."""

import pytest
import requests

from bot import settings
from bot.channels.rest import MAX_MESSAGE_CHARS
from bot.dialogue.responses import response_text
from bot.runtime.rest_client import new_sender
from tests.support.running_bot import SENT, Chat

EMERGENCY = response_text("utter_emergency")
CRISIS = response_text("utter_crisis")
ORDINARY = "Could you tell me which treatments help boxcar scars and how many sessions people usually need? "


@pytest.mark.parametrize(
    "message",
    [
        "my throat is swelling after the peel, also how are rolling scars treated?",
        "after my filler injection my vision is blurry",
        "i have a fever and the redness is spreading since my microneedling",
    ],
)
def test_an_emergency_gets_the_emergency_reply_and_no_faq(chat, message):
    assert chat.send(message) == [{"recipient_id": chat.sender, "text": EMERGENCY, "alert": "emergency"}]


def test_self_harm_gets_crisis_support_marked_as_an_alert(chat):
    [reply] = chat.send("my scars make me want to kill myself")
    assert reply["alert"] == "crisis" and reply["text"] == CRISIS
    assert "988" in CRISIS and "116 123" in CRISIS and "112" in CRISIS


def test_on_the_first_turn_the_emergency_reply_comes_before_the_privacy_notice(bot_url):
    patient = Chat(bot_url)
    replies = patient.send("my lip went grey and cold after the filler an hour ago")
    assert replies[0]["text"] == EMERGENCY and replies[0]["alert"] == "emergency"
    assert [reply["text"] for reply in replies].count(EMERGENCY) == 1
    assert any(reply["text"] == settings.PRIVACY_NOTICE for reply in replies[1:])


def test_a_warning_sign_buried_in_a_long_message_is_found(chat):
    message = ORDINARY * 3 + "Also since this morning my throat feels tight and I'm wheezing. " + ORDINARY * 2
    assert chat.send(message)[0]["alert"] == "emergency"


def _post(bot_url: str, sender: str, message: str) -> requests.Response:
    SENT.append(message)
    return requests.post(f"{bot_url}/webhooks/rest/webhook", json={"sender": sender, "message": message}, timeout=30)


def test_an_overlong_message_with_a_warning_sign_gets_the_emergency_reply_not_a_refusal(bot_url):
    message = ORDINARY * 25 + "My eye went dark after the filler injection. " + ORDINARY * 5
    assert len(message) > MAX_MESSAGE_CHARS
    response = _post(bot_url, new_sender(bot_url), message)
    assert response.status_code == 200
    assert [(reply["text"], reply["alert"]) for reply in response.json()] == [(EMERGENCY, "emergency")]


def test_an_overlong_message_about_self_harm_gets_the_crisis_reply(bot_url):
    message = ORDINARY * 25 + "honestly i just want to disappear forever. "
    response = _post(bot_url, new_sender(bot_url), message)
    assert response.status_code == 200 and response.json()[0]["text"] == CRISIS


def test_an_overlong_ordinary_message_is_still_refused(bot_url):
    response = _post(bot_url, new_sender(bot_url), ORDINARY * 30)
    assert response.status_code == 413 and "shorter" in response.json()["error"]


def test_look_alike_questions_get_the_normal_answer(chat):
    assert "my sources don't cover that" in chat.ask("can fillers cause swelling?")
    assert "Clear + Brilliant" in chat.ask("tell me about laser treatment for acne scars")


def test_dosing_and_personal_diagnosis_are_declined(chat):
    text = chat.ask("how much isotretinoin should I take")
    # the caution for patients on isotretinoin first, then the refusal
    assert text.startswith("You mentioned isotretinoin.") and "I can't tell what your own skin needs" in text
    assert text.endswith(settings.DISCLAIMER)
    text = chat.ask("which laser should I get for my scars")
    assert text.startswith("I can't tell what your own skin needs") and "Harmony XL Pro" in text


def test_booking_and_prices_go_to_the_clinic(chat):
    text = chat.ask("how much does a consultation cost")
    assert text.startswith("The clinic's team can help with appointments, prices")
    assert settings.clinic_contact() in text
