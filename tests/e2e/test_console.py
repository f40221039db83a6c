"""`make shell`'s chat (bot/runtime/console.py) against the running assistant: buttons are
a numbered list, and typed text is never swallowed by them."""

from __future__ import annotations

from bot.runtime.console import chat
from tests.support.running_bot import SENT


def converse(bot_url: str, lines: list[str]) -> list[str]:
    SENT.extend(lines)
    written: list[str] = []
    chat(bot_url, iter(lines), written.append)
    return written


def test_a_number_chooses_an_offered_option(bot_url):
    written = converse(bot_url, ["what can you do?", "1"])
    options = [line for line in written if line.startswith("  1. ")]
    assert options, written
    chosen = options[0][len("  1. ") :]
    after = written[written.index(f"(chose: {chosen})") + 1 :]
    assert any("inflammatory acne lesions" in line for line in after), after


def test_staff_can_type_a_question_while_options_are_offered(bot_url):
    written = converse(bot_url, ["blorp zxq frrr", "how are rolling scars treated?"])
    assert any(line.startswith("  1. ") for line in written)
    assert any("Rolling scars come from bands of scar tissue" in line for line in written), written


def test_quit_ends_the_chat_and_nothing_after_it_is_sent(bot_url):
    written = converse(bot_url, ["/quit", "what causes acne scars?"])
    assert not any(line.startswith("Assistant") for line in written)
