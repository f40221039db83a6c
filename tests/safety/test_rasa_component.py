"""The NLU component that puts red flags first: the detector raises the flag; the
intent models' readings of a red flag give way."""

from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.safety.rasa_component import RedFlagClassifier


def parsed(text: str, *ranking: tuple[str, float]) -> Message:
    message = Message(data={TEXT: text})
    intents = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    message.set(INTENT, intents[0])
    message.set(INTENT_RANKING_KEY, intents)
    return message


def intent_of(message: Message) -> str:
    [processed] = RedFlagClassifier().process([message])
    return processed.get(INTENT)["name"]


def test_the_detector_overrides_diet():
    assert intent_of(parsed("my eye went dark after the filler", ("ask_treatment", 0.9), ("emergency", 0.1))) == "emergency"


def test_the_detector_reads_the_message_as_typed_not_as_its_shorthand_was_spelt_out():
    from bot.nlp.shorthand import TYPED_TEXT

    message = parsed("how long do you need after a peel", ("ask_side_effects", 0.9))
    message.set(TYPED_TEXT, "my eye went dark after the filler")
    assert intent_of(message) == "emergency"


def test_diet_raises_no_flag_however_sure():
    message = parsed("what causes acne scars", ("crisis", 0.99), ("ask_causes", 0.01))
    assert intent_of(message) == "ask_causes"


def test_an_ordinary_message_keeps_diets_intent():
    assert intent_of(parsed("what causes acne scars", ("ask_causes", 0.97), ("emergency", 0.01))) == "ask_causes"


def test_an_unsure_red_flag_behind_the_fallback_leaves_the_ranking():
    """The fallback's readings are acted on (a second question, topics to offer), so an unsure red flag must not be one."""
    message = parsed("not the info i needed", ("nlu_fallback", 0.3), ("crisis", 0.34), ("answer_not_helpful", 0.33))
    [processed] = RedFlagClassifier().process([message])
    assert processed.get(INTENT)["name"] == "nlu_fallback"
    assert [item["name"] for item in processed.get(INTENT_RANKING_KEY)] == ["nlu_fallback", "answer_not_helpful"]


def test_a_red_flag_an_intent_model_read_alone_gives_way_to_not_understood():
    assert intent_of(parsed("what causes acne scars", ("crisis", 0.99))) == "nlu_fallback"
