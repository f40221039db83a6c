import pytest

from bot import settings
from bot.channels.replies import chosen_option, numbered_options, short_title, split_text

PARAGRAPH = "Atrophic scars are sunken. Hypertrophic scars are raised. " * 6
LONG_ANSWER = "\n\n".join([PARAGRAPH.strip()] * 5 + [settings.DISCLAIMER])


@pytest.mark.parametrize("limit", [160, 400, 1600, 2000, 4096])
def test_split_keeps_every_word_whole_and_in_order(limit):
    pieces = split_text(LONG_ANSWER, limit)
    assert all(0 < len(piece) <= limit for piece in pieces)
    assert " ".join(pieces).split() == LONG_ANSWER.split()


def test_split_prefers_paragraphs_and_keeps_the_disclaimer_whole():
    pieces = split_text(LONG_ANSWER, 1000)
    assert len(pieces) > 1 and pieces[-1].endswith(settings.DISCLAIMER)
    assert all(piece.endswith(".") for piece in pieces)


def test_split_falls_back_to_sentences_then_words():
    sentences = split_text("One two three. Four five six seven eight nine ten.", 20)
    assert sentences == ["One two three.", "Four five six seven", "eight nine ten."]


def test_short_text_is_one_piece_and_empty_text_none():
    assert split_text("  Hello there.  ", 20) == ["Hello there."]
    assert split_text("Hello.", 10) == ["Hello."]
    assert split_text("   ", 10) == []


def test_only_a_word_longer_than_the_limit_is_cut():
    assert split_text("a " + "x" * 25, 10) == ["a", "x" * 10, "x" * 10, "x" * 5]


def test_numbered_options_and_choosing_one():
    buttons = [{"title": "Causes", "payload": "/ask_causes"}, {"title": "Treatments", "payload": "/ask_treatment"}]
    text = numbered_options("Pick a topic.", buttons)
    assert text == "Pick a topic.\n\nReply with a number:\n1. Causes\n2. Treatments"
    payloads = [button["payload"] for button in buttons]
    assert chosen_option("2", payloads) == "/ask_treatment"
    assert chosen_option(" 1. ", payloads) == "/ask_causes"
    assert chosen_option("3", payloads) is None
    assert chosen_option("2 laser sessions", payloads) is None
    assert chosen_option("1", []) is None


def test_short_title_cuts_at_a_word():
    assert short_title("Does picking cause scars?", 20) == "Does picking cause…"
    assert short_title("Treatments", 20) == "Treatments"
    assert len(short_title("How scars are diagnosed", 20)) <= 20
