from datetime import date

from rasa_sdk.executor import CollectingDispatcher
from sqlalchemy import select

from actions.action_rate_answer import ActionRateAnswer
from bot.dialogue.feedback import ANSWERED_SLOT
from bot.dialogue.messages import message
from bot.knowledge.store.models import AnswerRating, Document, Passage
from tests.support.trackers import make_tracker

QUESTION = "what causes the scars on my cheek, Jane here, 0790 000 000"


def rate(dispatcher, intent, answered):
    tracker = make_tracker(f"/{intent}", intent, slots={ANSWERED_SLOT: answered})
    # The conversation so far holds the patient's question; none of it may be stored.
    tracker.events.insert(0, {"event": "user", "text": QUESTION, "parse_data": {}})
    events = ActionRateAnswer().run(dispatcher, tracker, domain={})
    [reply] = dispatcher.messages
    assert events == [{"event": "slot", "timestamp": None, "name": ANSWERED_SLOT, "value": None}]
    return reply


def ratings(session):
    session.expire_all()
    return session.scalars(select(AnswerRating)).all()


def test_a_helpful_answer_is_stored_with_its_entries_and_kind_only(knowledge, dispatcher):
    reply = rate(dispatcher, "answer_helped", {"kind": "several questions", "entries": ["causes", "go_away"], "passages": []})
    assert reply["text"] == message("feedback_thanks") and not reply["buttons"]
    [row] = ratings(knowledge)
    assert (row.answer_kind, row.entry_keys, row.passages, row.helpful) == ("several questions", "causes|go_away", "", True)
    assert row.rated_on == date.today()
    # Nothing of the conversation: only the rating's own columns exist.
    assert {column.name for column in AnswerRating.__table__.columns} == {
        "id",
        "rated_on",
        "answer_kind",
        "entry_keys",
        "passages",
        "helpful",
    }


def test_an_answer_that_did_not_help_is_stored_and_the_booking_button_offered(knowledge, dispatcher):
    passage = knowledge.scalars(select(Passage).join(Passage.document).order_by(Document.slug, Passage.position)).first()
    reply = rate(dispatcher, "answer_not_helpful", {"kind": "passages", "entries": [], "passages": [passage.id]})
    assert reply["text"] == message("feedback_sorry")
    assert [button["payload"] for button in reply["buttons"]] == ["/book_consultation"]
    [row] = ratings(knowledge)
    assert row.helpful is False and row.passages == f"{passage.document.slug}#{passage.position}"


def test_a_second_tap_or_a_rating_without_an_answer_stores_nothing_but_is_thanked(knowledge, dispatcher):
    reply = rate(dispatcher, "answer_helped", None)
    assert reply["text"] == message("feedback_thanks")
    assert ratings(knowledge) == []


def test_a_malformed_slot_value_stores_nothing(knowledge):
    for malformed in ({"kind": "made up", "entries": ["causes"]}, ["causes"], "causes"):
        rate(CollectingDispatcher(), "answer_helped", malformed)
    assert ratings(knowledge) == []


def test_an_unreachable_store_still_thanks_the_patient(monkeypatch, dispatcher, caplog):
    monkeypatch.setenv("ACNEBOT_DATABASE_URL", "postgresql://postgres@127.0.0.1:1/none?connect_timeout=2")
    reply = rate(dispatcher, "answer_helped", {"kind": "curated entry", "entries": ["causes"], "passages": []})
    assert reply["text"] == message("feedback_thanks")
    assert "a rating was not stored" in caplog.text
