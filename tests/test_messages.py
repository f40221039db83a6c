"""The sentences patients read live in data/messages.yml, checked when read; the
topics there match the intents, rules and menu."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from bot import settings
from bot.dialogue.canned_replies import topic_menu
from bot.dialogue.messages import MESSAGES_FILE, MessagesError, load_messages, menu_topics, message, topic_labels
from bot.dialogue.topics import INTENT_PREFIX


def test_every_message_is_there_and_fills_its_placeholders(monkeypatch):
    monkeypatch.setenv("ACNEBOT_CLINIC_CONTACT", "call 01234 567890")
    assert message("out_of_scope", contact=settings.clinic_contact()).endswith(
        "for anything about the clinic, call 01234 567890."
    )
    assert settings.DISCLAIMER == message("disclaimer")
    monkeypatch.setenv("ACNEBOT_CLINIC_CONTACT", "  ")
    assert settings.clinic_contact() == message("clinic_contact")


@pytest.mark.parametrize(
    "change, problem",
    [
        (lambda raw: raw.pop("disclaimer"), "'disclaimer' is missing or empty"),
        (lambda raw: raw.update(privacy_notice="  "), "'privacy_notice' is missing or empty"),
        (lambda raw: raw.update(out_of_scope="ask {clinic}"), "'out_of_scope' uses {clinic}; it may use {contact}"),
        (lambda raw: raw.update(rephrase="what {"), "'rephrase' has a broken placeholder"),
        (lambda raw: raw.update(topics={"causes": {"label": ""}}), "'topics' must map each topic to a non-empty label"),
    ],
)
def test_a_broken_messages_file_is_refused_with_what_to_fix(tmp_path, change, problem):
    raw = yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))
    change(raw)
    path = tmp_path / "messages.yml"
    path.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(
        MessagesError, match="messages.yml: .*" + problem.replace("{", r"\{").replace("}", r"\}").replace("(", r"\(")
    ):
        load_messages.__wrapped__(path)


def test_no_patient_sentence_is_left_in_the_python_code():
    for text in (message("disclaimer"), message("rephrase"), message("not_text"), message("personal_advice_refusal")):
        fragment = text[:40]
        found = [p for p in (settings.PROJECT_ROOT / "bot").rglob("*.py") if fragment in p.read_text(encoding="utf-8")]
        found += [p for p in (settings.PROJECT_ROOT / "actions").rglob("*.py") if fragment in p.read_text(encoding="utf-8")]
        assert found == [], fragment


def test_topics_intents_rules_and_menu_agree():
    domain = yaml.safe_load(settings.DOMAIN_FILE.read_text(encoding="utf-8"))
    intents = {intent if isinstance(intent, str) else next(iter(intent)) for intent in domain["intents"]}
    rules = yaml.safe_load((settings.PROJECT_ROOT / "data" / "rules" / "questions.yml").read_text(encoding="utf-8"))["rules"]
    answered = {step["intent"] for rule in rules for step in rule["steps"] if "intent" in step}
    topic_intents = {INTENT_PREFIX + topic for topic in topic_labels()}
    asked = {intent for intent in intents if intent.startswith(INTENT_PREFIX)} - {
        "ask_clinic",
        "ask_capabilities",
        "ask_personal_advice",
    }
    assert topic_intents == asked
    assert topic_intents <= answered
    assert set(menu_topics()) <= set(topic_labels())
    assert [button["payload"] for button in topic_menu()] == [f"/{INTENT_PREFIX}{topic}" for topic in menu_topics()]


def test_a_clinic_changes_the_disclaimer_and_topic_labels_by_editing_data_only(tmp_path):
    """A copy of data/messages.yml with new wording: every reply, the menu and the
    widget say it, and no Python changed. (A fresh process, as the servers read
    the file when they start.)"""
    raw = yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))
    raw["disclaimer"] = "Please ask Dr Example at the Riverside clinic about your own skin."
    raw["topics"]["causes"]["label"] = "Why scars form"
    raw["widget"]["retry"] = "Send again"
    copy = tmp_path / "messages.yml"
    copy.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    script = (
        "import json, pathlib, bot.dialogue.messages\n"
        f"bot.dialogue.messages.MESSAGES_FILE = pathlib.Path({str(copy)!r})\n"
        "from bot import settings\n"
        "from bot.dialogue.canned_replies import topic_menu\nfrom bot.dialogue.composition import compose\n"
        "from bot.channels.widget import widget_script\n"
        "print(json.dumps({'disclaimer': settings.DISCLAIMER, 'reply': compose([]),\n"
        "                  'menu': [b['title'] for b in topic_menu()], 'widget': widget_script()}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=settings.PROJECT_ROOT)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["disclaimer"] == raw["disclaimer"]
    assert seen["reply"].endswith(raw["disclaimer"])
    assert seen["menu"][0] == "Why scars form"
    assert '"retry": "Send again"' in seen["widget"] and '"title": "Why scars form"' in seen["widget"]
