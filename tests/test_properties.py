"""Property-based tests (hypothesis) of the code patients' text flows through:
request checks, the actions with any tracker, the store's answers for any
subject, the red-flag detector and reply splitting. Nothing may raise, and every
answer ends with the disclaimer."""

from __future__ import annotations

from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rasa_sdk.executor import CollectingDispatcher

from actions.action_answer_question import ActionAnswerQuestion
from actions.action_personal_advice import ActionPersonalAdvice
from bot import settings
from bot.channels.replies import chosen_option, split_text
from bot.channels.rest import request_problem
from bot.channels.webhook import json_body
from bot.dialogue.answers import answer_question
from bot.dialogue.aspects import load_aspects, not_covered_text
from bot.dialogue.canned_replies import clinic_info_text
from bot.dialogue.messages import message
from bot.dialogue.topics import TOPICS
from bot.nlp.vocabulary import canonical_values
from bot.safety.red_flags import RedFlag, detect
from tests.support.trackers import make_tracker

# Fixtures (the filled store) are set up once per test, not per example: the
# examples only read it.
FIXTURE_OK = hypothesis_settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
words = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
values = st.lists(st.one_of(st.sampled_from(["rolling", "boxcar", "ice pick", "laser", "microneedling"]), words), max_size=3)
intents = st.sampled_from([f"ask_{topic}" for topic in TOPICS] + ["follow_up", "ask_personal_advice", "nlu_fallback"])


@given(st.binary(max_size=3000))
def test_request_checks_never_raise_on_any_bytes(body):
    problem = request_problem(body)
    assert problem is None or (problem[0] in (400, 413) and problem[1])
    assert json_body(body) is None or isinstance(json_body(body), dict)


@given(
    st.dictionaries(
        st.text(max_size=10), st.one_of(st.none(), st.integers(), st.text(max_size=50), st.lists(st.integers())), max_size=4
    )
)
def test_request_checks_accept_only_a_sender_and_a_message_string(data):
    import json

    problem = request_problem(json.dumps(data).encode())
    valid = isinstance(data.get("sender"), str) and data["sender"].strip() and isinstance(data.get("message"), str)
    assert (problem is None) == bool(valid)


@FIXTURE_OK
@given(
    text=words,
    intent=intents,
    scar_types=values,
    treatments=values,
    topic=st.one_of(st.none(), st.sampled_from(list(TOPICS)), words),
)
def test_the_answer_action_always_answers_once_with_the_disclaimer(knowledge, text, intent, scar_types, treatments, topic):
    """Then asks whether the answer helped, with its buttons."""
    entities = [("scar_type", v) for v in scar_types] + [("treatment", v) for v in treatments]
    tracker = make_tracker(text, intent, entities, slots={"topic": topic, "scar_type": scar_types or None})
    dispatcher = CollectingDispatcher()
    events = ActionAnswerQuestion().run(dispatcher, tracker, domain={})
    answer, prompt = dispatcher.messages
    assert answer["text"].endswith(settings.DISCLAIMER)
    assert prompt["text"] == message("feedback_question") and len(prompt["buttons"]) >= 2
    assert all(event["event"] == "slot" for event in events)


@FIXTURE_OK
@given(text=words, scar_types=values, treatments=values)
def test_the_personal_advice_action_always_declines_with_the_disclaimer(knowledge, text, scar_types, treatments):
    """Or, asked a price, gives the clinic's contact (no medical content, no disclaimer),
    saying first that the sources don't cover the price of a treatment it names."""
    entities = [("scar_type", v) for v in scar_types] + [("treatment", v) for v in treatments]
    dispatcher = CollectingDispatcher()
    ActionPersonalAdvice().run(dispatcher, make_tracker(text, "ask_personal_advice", entities), domain={})
    reply, *prompt = dispatcher.messages
    cost = next(aspect for aspect in load_aspects().aspects if aspect.name == "cost")
    clinic_replies = (clinic_info_text(), *(not_covered_text(cost, t) for t in canonical_values("treatment")))
    if reply["text"].endswith(clinic_replies):
        assert not prompt
    else:
        assert reply["text"].endswith(settings.DISCLAIMER)
        assert [p["text"] for p in prompt] == [message("feedback_question")]


@FIXTURE_OK
@given(topic=st.sampled_from(list(TOPICS)), scar_types=values, treatments=values, question=words)
def test_the_store_answers_any_subject(knowledge, topic, scar_types, treatments, question):
    answer = answer_question(knowledge, topic, scar_types, treatments, question=question)
    assert answer.text.strip() and answer.text.endswith(settings.DISCLAIMER)


@given(words)
def test_the_red_flag_detector_never_raises_and_gives_a_flag_or_nothing(text):
    assert detect(text) in (None, *RedFlag)


@given(st.text(max_size=5000), st.integers(min_value=20, max_value=5000))
def test_splitting_keeps_every_word_within_the_limit(text, limit):
    pieces = split_text(text, limit)
    assert all(0 < len(piece) <= limit for piece in pieces)
    if all(len(word) <= limit for word in text.split()):
        assert " ".join(pieces).split() == text.split()


@given(st.text(max_size=20), st.lists(st.text(min_size=1, max_size=10), max_size=5))
def test_a_number_reply_picks_an_offered_option_or_nothing(message, payloads):
    assert chosen_option(message, payloads) in payloads + [None]
