"""The staff report on a year of a busy clinic's traffic: 100,000 conversations
(400,000 patient messages and 320,000 answers rated or not, 1.5 million events)
generated inside PostgreSQL in Rasa's own table, read in under 30 seconds."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import create_engine, text

from bot.insights.report import make_report
from tests.support.services import tracker_store

CONVERSATIONS = 100_000
MESSAGES_EACH = 4
# (intent, text): every fifth message is one the assistant could not answer.
KINDS = [
    ("ask_treatment", "how are boxcar scars treated"),
    ("ask_causes", "what causes acne scars"),
    ("follow_up", "and does it hurt?"),
    ("ask_scar_types", "what are ice pick scars"),
    ("nlu_fallback", "can I bring my dog 7 to the appointment"),
]

# The `answered` slot of each answer as Rasa stores it (json.dumps' spacing), around
# its timestamp and intent.
ANSWERED_SLOT_JSON = {
    "slot_start": '{"event": "slot", "timestamp": ',
    "slot_middle": ', "name": "answered", "value": {"kind": "curated entry", "entries": ["',
    "slot_end": '"], "passages": []}}',
}


def generate(url: str, now: float) -> None:
    tracker_store(url).engine.dispose()  # Rasa creates its table
    kinds = ", ".join(f"('{intent}', '{words}')" for intent, words in KINDS)
    engine = create_engine(url, future=True)
    with engine.begin() as connection:
        connection.execute(
            text(
                f"""
                WITH kinds(intent, words) AS (VALUES {kinds}),
                numbered AS (SELECT row_number() OVER () - 1 AS k, intent, words FROM kinds),
                messages AS (
                    SELECT c, m, :now - (c % 365) * 86400.0 - m * 60 AS at, n.intent, n.words
                    FROM generate_series(1, :conversations) AS c
                    CROSS JOIN generate_series(1, :each) AS m
                    JOIN numbered n ON n.k = (c + m) % 5
                )
                INSERT INTO events (sender_id, type_name, timestamp, intent_name, action_name, data)
                SELECT 'patient-' || c, kind, at + offs, CASE WHEN kind = 'user' THEN intent END,
                       CASE WHEN kind = 'action' THEN 'action_answer_question' END,
                       CASE WHEN kind = 'user' THEN json_build_object(
                           'event', 'user', 'timestamp', at, 'text', words,
                           'parse_data', json_build_object('intent', json_build_object('name', intent, 'confidence', 0.9),
                                                           'entities', json_build_array(), 'text', words))::text
                            WHEN kind = 'slot' THEN :slot_start || (at + offs) || :slot_middle || intent || :slot_end
                            ELSE json_build_object('event', kind, 'timestamp', at + offs)::text END
                FROM messages CROSS JOIN (VALUES ('user', 0), ('action', 1), ('bot', 2), ('slot', 3)) AS e(kind, offs)
                -- every answer sets the slot; a message not understood gets none
                WHERE kind <> 'slot' OR intent <> 'nlu_fallback'
                """
            ),
            {"now": now, "conversations": CONVERSATIONS, "each": MESSAGES_EACH, **ANSWERED_SLOT_JSON},
        )
    engine.dispose()


@pytest.mark.integration
def test_a_year_of_a_busy_clinic_is_reported_in_under_30_seconds(postgres_url, tmp_path):
    now = time.time()
    generate(postgres_url, now)

    started = time.monotonic()
    summary, _ = make_report(postgres_url, days=366, retention_days=366, folder=tmp_path, now=now + 60)
    seconds = time.monotonic() - started

    assert summary.conversations == CONVERSATIONS
    assert summary.messages == CONVERSATIONS * MESSAGES_EACH
    assert summary.handling["not understood"] == CONVERSATIONS * MESSAGES_EACH // 5
    answers = CONVERSATIONS * MESSAGES_EACH * 4 // 5
    assert summary.quality.by_kind["curated entry"].served == answers
    assert sum(served.served for served in summary.quality.by_entry.values()) == answers
    [unanswered] = summary.unanswered
    assert unanswered.wordings == ["can I bring my dog # to the appointment"]
    print(f"report over {summary.messages} messages: {seconds:.1f} s")
    assert seconds < 30
