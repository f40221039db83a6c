"""Redaction of patients' texts before the staff report shows them."""

from __future__ import annotations

import pytest

from bot.insights.redaction import known_words, redact
from bot.insights.report import report_words


@pytest.fixture(scope="module")
def known():
    return report_words()


@pytest.mark.parametrize(
    "text, expected",
    [
        ("my name is Sarah Jones, is laser ok", "my name is [name], is laser ok"),
        ("hi im Priya and my scars hurt", "hi im [name] and my scars hurt"),
        ("call me jo. do fillers last", "call me [name]. do fillers last"),
        ("email me on sarah.j+1@example.co.uk please", "email me on [email] please"),
        ("text me on +44 7700 900123 about peels", "text me on [phone] about peels"),
        ("ring 020-7946-0958", "ring [phone]"),
        ("I'm 16 and had acne for 3 years", "I'm # and had acne for # years"),
        ("is Fraxel or Juvederm better for boxcar scars", "is Fraxel or Juvederm better for boxcar scars"),
        ("Dr Okonkwo said my ice pick scars need TCA", "Dr [name] said my ice pick scars need TCA"),
        ("see www.example.com/page?id=7 for my photo", "see [link] for my photo"),
        ("I am worried about scarring", "I am worried about scarring"),
        ("my name is sarah jones and i have rolling scars", "my name is [name] and i have rolling scars"),
        ("I'm Mark Taylor, do peels work", "I'm [name], do peels work"),
        ("José García asked about microneedling", "[name] [name] asked about microneedling"),
        ("hi, Zoë here, are fillers safe", "hi, [name] here, are fillers safe"),
        ("Привет, is laser ok", "[name], is laser ok"),
        ("dm me @sarah_j99 about prp", "dm me [handle] about prp"),
        ("its Fraxel I was asking about", "its Fraxel I was asking about"),
    ],
)
def test_what_could_identify_a_patient_is_taken_out(known, text, expected):
    assert redact(text, known) == expected


def test_a_capitalised_word_the_data_knows_only_as_a_name_is_a_name():
    known = known_words(["my daughter is worried"], ["Fraxel is a laser"])
    assert redact("Emma says Fraxel hurts", known) == "[name] says Fraxel hurts"
