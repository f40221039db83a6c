"""What every channel does around Rasa: red flags first, and a reply to every message."""

import asyncio

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot import settings
from bot.channels.resilience import always_answer
from bot.dialogue.canned_replies import unavailable_text
from bot.dialogue.responses import response_text


def run(text: str, rasa) -> list[dict]:
    """The replies a patient gets when `rasa` stands in for Rasa's handling of the message."""
    output = CollectingOutputChannel()
    asyncio.run(always_answer(rasa)(UserMessage(text, output, "patient-1", input_channel="rest")))
    return output.messages


async def opens_then_fails(message: UserMessage) -> None:
    await message.output_channel.send_response(message.sender_id, {"text": settings.PRIVACY_NOTICE})
    raise RuntimeError("the action server went away")


async def opens_then_answers_the_emergency(message: UserMessage) -> None:
    await message.output_channel.send_response(message.sender_id, {"text": settings.PRIVACY_NOTICE})
    await message.output_channel.send_response(
        message.sender_id, {"text": response_text("utter_emergency"), "utter_action": "utter_emergency"}
    )


def test_a_first_turn_that_fails_after_the_privacy_notice_still_gets_an_apology():
    assert [m["text"] for m in run("what causes acne scars?", opens_then_fails)] == [settings.PRIVACY_NOTICE, unavailable_text()]


def test_the_emergency_reply_comes_first_marked_as_an_alert_and_only_once():
    replies = run("my lips went white after the filler", opens_then_answers_the_emergency)
    assert [(m["text"], m.get("alert")) for m in replies] == [
        (response_text("utter_emergency"), "emergency"),
        (settings.PRIVACY_NOTICE, None),
    ]


def test_the_crisis_reply_does_not_wait_for_rasa_and_needs_no_apology():
    replies = run("i want to kill myself", opens_then_fails)
    assert [m["text"] for m in replies] == [response_text("utter_crisis"), settings.PRIVACY_NOTICE]


async def restarts(message: UserMessage) -> None:
    await message.output_channel.send_response(message.sender_id, {"text": settings.PRIVACY_NOTICE})


def test_after_a_restart_the_privacy_notice_is_the_answer():
    assert [m["text"] for m in run("/restart", restarts)] == [settings.PRIVACY_NOTICE]


def test_each_channel_has_its_own_conversation_ids_and_replies_reach_the_platforms_id():
    """A REST client that sends a patient's phone number as its sender does not
    continue that patient's SMS conversation: Rasa sees "rest:…" and "twilio:…"."""
    seen = []

    async def rasa(message: UserMessage) -> None:
        seen.append(message.sender_id)
        await message.output_channel.send_response(message.sender_id, {"text": "an answer"})

    for channel in ("rest", "twilio"):
        output = CollectingOutputChannel()
        asyncio.run(always_answer(rasa)(UserMessage("hi", output, "+15550001111", input_channel=channel)))
        assert [m["recipient_id"] for m in output.messages] == ["+15550001111"]
    assert seen == ["rest:+15550001111", "twilio:+15550001111"]


def test_a_conversation_past_the_turn_cap_starts_anew(monkeypatch):
    """Rasa's cost per turn grows with the conversation; past the cap a client's
    messages go to a new, short conversation."""
    from bot.channels import memory

    monkeypatch.setattr(memory, "_memory", memory.ChannelMemory())
    monkeypatch.setattr(settings, "MAX_TURNS_PER_CONVERSATION", 2)
    seen = []

    async def rasa(message: UserMessage) -> None:
        seen.append(message.sender_id)
        await message.output_channel.send_response(message.sender_id, {"text": "an answer"})

    for _ in range(5):
        asyncio.run(always_answer(rasa)(UserMessage("hi", CollectingOutputChannel(), "abc", input_channel="rest")))
    assert seen == ["rest:abc", "rest:abc", "rest:abc#1", "rest:abc#1", "rest:abc#2"]


async def answers_with_sources(message: UserMessage) -> None:
    from bot.dialogue.messages import message as text_of

    answer = f"Rolling scars come from bands of scar tissue.\n\n{text_of('sources_label')} A; B.\n\n{settings.DISCLAIMER}"
    await message.output_channel.send_response(message.sender_id, {"text": settings.PRIVACY_NOTICE})
    await message.output_channel.send_response(message.sender_id, {"text": answer})


def test_rest_replies_name_the_privacy_notice_sources_and_disclaimer_for_the_widget():
    replies = run("how are rolling scars treated?", answers_with_sources)
    assert [m.get("part") for m in replies] == ["privacy_notice", None, "sources", "disclaimer"]
