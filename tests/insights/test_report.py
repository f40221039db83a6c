"""The staff report read from Rasa's real SQL tracker store, on SQLite and on
PostgreSQL: its counts against the conversations that made them."""

from __future__ import annotations

import asyncio
import time
from datetime import datetime, timedelta, timezone

import pytest
import yaml
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.cli import main
from bot.insights.report import DAY, make_report
from bot.knowledge.store.db import migrate, new_session
from bot.knowledge.store.models import AnswerRating
from tests.support.services import tracker_store

# Noon UTC, so that a few hours either side stay on the same day.
NOW = (time.time() // DAY) * DAY + DAY / 2


def said(text: str, intent: str, when: float, entities=(), questions=(), answered=None) -> list:
    parse_data = {
        "intent": {"name": intent, "confidence": 0.9},
        "entities": [{"entity": entity, "value": value} for entity, value in entities],
        "text": text,
    }
    if questions:
        parse_data["questions"] = [{"intent": q, "text": text, "entities": []} for q in questions]
    return [
        UserUttered(text, parse_data["intent"], parse_data["entities"], parse_data, timestamp=when),
        ActionExecuted("action_answer_question", timestamp=when + 1),
        BotUttered("an answer", timestamp=when + 2),
        # What a medical answer gave, as the answering actions remember it for its rating.
        *([SlotSet("answered", {**answered, "passages": []}, timestamp=when + 2)] if answered else []),
    ]


CONVERSATIONS = {
    # today
    "a": said("what causes acne scars", "ask_causes", NOW, answered={"kind": "curated entry", "entries": ["causes"]})
    + said(
        "do lasers help boxcar scars",
        "ask_treatment",
        NOW + 60,
        [("treatment", "laser"), ("scar_type", "boxcar")],
        answered={"kind": "entry and passages", "entries": ["laser-boxcar"]},
    ),
    "b": said(
        "why do scars form and how are they treated?",
        "ask_causes",
        NOW,
        questions=["ask_causes", "ask_treatment"],
        answered={"kind": "several questions", "entries": ["causes", "treatment"]},
    )
    + said("my name is Sarah Jones, can u fix dents from old zits", "out_of_scope", NOW + 30)
    # A red flag that also asks two questions counts as an emergency, not as questions.
    + said(
        "I'm bleeding a lot and feel faint, what causes it and how is it treated",
        "emergency",
        NOW + 90,
        questions=["ask_causes", "ask_treatment"],
    ),
    # yesterday
    "c": said("hi", "greet", NOW - DAY)
    + said("can you fix the dents old zits left", "out_of_scope", NOW - DAY + 10)
    + said("blorp florp 07700 900123", "nlu_fallback", NOW - DAY + 20)
    + said("and microneedling?", "follow_up", NOW - DAY + 30, [("treatment", "microneedling")]),
    # outside a 7-day period, inside retention
    "d": said(
        "what are ice pick scars",
        "ask_scar_types",
        NOW - 10 * DAY,
        [("scar_type", "ice pick")],
        answered={"kind": "curated entry", "entries": ["ice-pick"]},
    ),
    # beyond retention
    "e": said("what are rolling scars", "ask_scar_types", NOW - 40 * DAY),
    # today: a tap on the booking button, a typed request to book, a tap on 👍
    "f": said("/book_consultation", "book_consultation", NOW + 5)
    + said("how do i book a consult", "book_consultation", NOW + 15)
    + said("/answer_helped", "answer_helped", NOW + 25),
}
TODAY = datetime.fromtimestamp(NOW, tz=timezone.utc).date()
# (day, kind, entries, helpful) as action_rate_answer stores them in the knowledge store.
RATINGS = [
    (TODAY, "curated entry", "causes", True),
    (TODAY, "several questions", "causes|treatment", False),
    (TODAY - timedelta(days=10), "curated entry", "ice-pick", True),  # outside a 7-day period
    (TODAY - timedelta(days=40), "curated entry", "rolling", False),  # beyond retention
]


def fill(url: str) -> None:
    store = tracker_store(url)
    for sender, events in CONVERSATIONS.items():
        asyncio.run(store.save(DialogueStateTracker.from_events(sender, events)))
    store.engine.dispose()


@pytest.fixture
def ratings_url(tmp_path):
    """A knowledge store holding RATINGS."""
    url = f"sqlite:///{tmp_path / 'knowledge.sqlite3'}"
    migrate(url)
    with new_session(url) as session:
        session.add_all(
            AnswerRating(rated_on=day, answer_kind=kind, entry_keys=entries, passages="", helpful=helpful)
            for day, kind, entries, helpful in RATINGS
        )
        session.commit()
    return url


@pytest.mark.parametrize("database", ["sqlite_url", pytest.param("postgres_url", marks=pytest.mark.integration)])
def test_the_report_counts_what_the_conversations_said(request, database, tmp_path, ratings_url):
    url = request.getfixturevalue(database)
    fill(url)

    summary, written = make_report(url, days=7, retention_days=30, folder=tmp_path, now=NOW + 120, knowledge_url=ratings_url)

    today, yesterday = (time.strftime("%Y-%m-%d", time.gmtime(t)) for t in (NOW, NOW - DAY))
    assert summary.conversations == 4
    assert summary.conversations_per_day == {yesterday: 1, today: 3}
    assert summary.messages_per_day == {yesterday: 4, today: 8}
    assert dict(summary.handling) == {
        "booking": 2,
        "answer rated": 1,
        "medical question": 2,
        "several questions": 1,
        "out of scope": 2,
        "emergency": 1,
        "conversation": 1,
        "not understood": 1,
        "follow-up": 1,
    }
    assert dict(summary.topics) == {"What causes acne scars": 2, "Treatments": 2}
    assert dict(summary.treatments) == {"laser": 1, "microneedling": 1}
    assert dict(summary.scar_types) == {"boxcar": 1}
    assert summary.rate("out of scope") == pytest.approx(2 / 12)
    assert (summary.booking_taps, summary.booking_typed) == (1, 1)
    served = lambda s: (s.served, s.helpful, s.not_helpful)  # noqa: E731
    quality = summary.quality
    assert {kind: served(s) for kind, s in quality.by_kind.items()} == {
        "curated entry": (1, 1, 0),
        "entry and passages": (1, 0, 0),
        "several questions": (1, 0, 1),
    }
    assert {key: served(s) for key, s in quality.by_entry.items()} == {
        "causes": (2, 1, 1),
        "laser-boxcar": (1, 0, 0),
        "treatment": (1, 0, 1),
    }
    # The two wordings of one unanswered question count together, redacted.
    [dents, blorp] = summary.unanswered
    assert dents.count == 2 and len(dents.wordings) == 2
    assert "Sarah" not in " ".join(dents.wordings) and "[name]" in " ".join(dents.wordings)
    assert blorp.wordings == ["blorp florp [phone]"]

    assert [path.name for path in written] == ["insights.md", "insights.html", "candidate-nlu.yml"]
    report_text = "\n".join(path.read_text() for path in written)
    assert "Medical answers: 3 given, 2 rated (1 helpful, 1 not helpful)." in report_text
    assert "Booking requests: 2 (1 taps on the booking button, 1 typed)." in report_text
    assert "| causes | 2 | 1 | 1 | 50% |" in report_text
    # Patients' texts appear only as redacted unanswered questions.
    for text in ("what causes acne scars", "do lasers help", "bleeding", "Sarah", "900123"):
        assert text not in report_text
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in written)
    candidates = yaml.safe_load((tmp_path / "candidate-nlu.yml").read_text())
    assert candidates["nlu"][0]["intent"] == ""
    assert len(candidates["nlu"][0]["examples"].splitlines()) == 2


def test_nothing_older_than_retention_is_read_whatever_the_period(sqlite_url, tmp_path, ratings_url):
    fill(sqlite_url)
    summary, written = make_report(
        sqlite_url, days=365, retention_days=30, folder=tmp_path, now=NOW + 120, knowledge_url=ratings_url
    )
    assert summary.conversations == 5
    # The rating of ten days ago is read; the one beyond retention is not.
    assert {key: (s.helpful, s.not_helpful) for key, s in summary.quality.by_entry.items() if s.rated} == {
        "causes": (1, 1),
        "treatment": (0, 1),
        "ice-pick": (1, 0),
    }
    assert dict(summary.scar_types) == {"boxcar": 1, "ice pick": 1}
    # Every day from the first message to the last, the quiet ones at zero.
    assert len(summary.messages_per_day) == 11
    assert list(summary.messages_per_day.values()).count(0) == 8
    report_text = "\n".join(path.read_text() for path in written)
    assert "ice pick scars" not in report_text and "rolling" not in report_text
    assert "the last 30 days" in report_text


def test_an_empty_period_writes_a_report_that_says_so(sqlite_url, tmp_path, ratings_url):
    fill(sqlite_url)
    summary, _ = make_report(
        sqlite_url, days=1, retention_days=30, folder=tmp_path, now=NOW + 30 * DAY, knowledge_url=ratings_url
    )
    assert summary.messages == 0
    assert "None in this period." in (tmp_path / "insights.md").read_text()


def test_bad_input_gets_a_clear_message(tmp_path, capsys):
    missing = f"sqlite:///{tmp_path / 'nowhere.sqlite3'}"
    assert main(["report", "--tracker-url", missing, "--output", str(tmp_path)]) == 2
    assert "No report written: there is no tracker store at" in capsys.readouterr().err
    assert main(["report", "--tracker-url", missing, "--days", "0", "--output", str(tmp_path)]) == 2
    assert "the period must be at least part of a day" in capsys.readouterr().err
    assert not (tmp_path / "insights.html").exists()
