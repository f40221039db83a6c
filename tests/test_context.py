import pytest

from bot.dialogue.context import (
    asks_for_examples,
    asks_for_more,
    is_elliptical,
    kinds_of_treatment_asked,
    refers_back,
    resolve_subject,
)


def resolve(topic, mentioned=None, remembered=None, text="", follow_up=False, remembered_topic=None):
    return resolve_subject(topic, mentioned or {}, remembered_topic, remembered or {}, text, follow_up)


def test_values_in_the_message_win():
    subject = resolve("treatment", {"scar_type": ["boxcar"]}, {"scar_type": ["rolling"]}, "how are boxcar scars treated")
    assert subject.topic == "treatment" and subject.get("scar_type") == ["boxcar"]


def test_a_message_that_refers_back_keeps_the_subject():
    subject = resolve("treatment", remembered={"scar_type": ["rolling"]}, text="How are they treated?")
    assert subject.get("scar_type") == ["rolling"]


def test_a_general_question_drops_the_subject():
    subject = resolve("treatment", remembered={"scar_type": ["rolling"]}, text="how are acne scars treated")
    assert subject.get("scar_type") == []


def test_a_follow_up_keeps_the_topic_and_changes_the_value():
    subject = resolve(
        None,
        {"scar_type": ["boxcar"]},
        {"scar_type": ["rolling"], "treatment": ["laser"]},
        "what about boxcar scars?",
        follow_up=True,
        remembered_topic="treatment",
    )
    assert subject.topic == "treatment"
    assert subject.values == {"scar_type": ["boxcar"], "treatment": ["laser"]}


def test_a_follow_up_with_nothing_before_picks_a_topic_from_the_value():
    assert resolve(None, {"treatment": ["laser"]}, follow_up=True).topic == "treatment"
    assert resolve(None, {"scar_type": ["boxcar"]}, follow_up=True).topic == "scar_types"
    assert resolve(None, follow_up=True).topic == "overview"


@pytest.mark.parametrize(
    "text, remembered_topic, topic",
    [
        ("can anything actually be done about the dents? what are the options", None, "treatment"),
        ("so how do i get rid of them", "causes", "treatment"),
        ("can they be fixed", "scar_types", "treatment"),
        ("can anything be done at his age?", "scar_types", "treatment"),
        ("what can actually be done", "causes", "treatment"),
        ("can anything be done to prevent more scars?", "causes", "causes"),
        ("and why do they form", "scar_types", "scar_types"),
        # after prevention, feelings or without treatment, it is not
        ("what can i do to stop new ones forming?", "prevention", "prevention"),
        ("and without treatment?", "go_away", "go_away"),
    ],
)
def test_a_follow_up_that_asks_how_to_treat_is_about_treatment(text, remembered_topic, topic):
    subject = resolve(None, {"scar_type": ["atrophic"]}, text=text, follow_up=True, remembered_topic=remembered_topic)
    assert subject.topic == topic


def test_repeated_values_are_kept_once():
    assert resolve("scar_types", {"scar_type": ["boxcar", "boxcar"]}).get("scar_type") == ["boxcar"]


def test_referring_words_are_whole_words():
    assert refers_back("and does that hurt?")
    assert not refers_back("what are the options for thick scars")


@pytest.mark.parametrize(
    "text, elliptical",
    [
        ("what about boxcar scars?", True),
        ("and microneedling?", True),
        ("ok how about for rolling ones", True),
        ("And lasers", True),
        ("what are boxcar scars?", False),
        ("and does that hurt?", False),
        # a whole question in text-speak after "and" is no ellipsis either
        ("and r they permanent?", False),
        ("and u think it works?", False),
        ("and the price?", True),
        ("and my ice pick scars?", True),
        ("and how do I prevent them from coming back after treatment, is that possible at all?", False),
        ("how are rolling scars treated", False),
    ],
)
def test_an_elliptical_follow_up_is_recognised_whatever_the_intent(text, elliptical):
    assert is_elliptical(text) is elliptical


@pytest.mark.parametrize(
    "text, more",
    [
        ("tell me more", True),
        ("ok, tell me more please", True),
        ("anything else?", True),
        ("go on", True),
        ("can you elaborate", True),
        ("more info pls", True),
        ("could u tell me more about that", True),
        ("any more info?", True),
        ("go on then", True),
        ("more info on that one pls", True),
        ("no more questions", False),
        ("nothing else, thanks", False),
        ("what else can you do", False),
        ("tell me more about lasers", False),  # names its own subject
        ("what else causes scars", False),
        ("more or less", False),
    ],
)
def test_a_request_for_more_is_recognised(text, more):
    assert asks_for_more(text) is more


def _treatment(text, spelling, value):
    start = text.index(spelling)
    return {"entity": "treatment", "value": value, "start": start, "end": start + len(spelling)}


@pytest.mark.parametrize(
    "text, spelling",
    [
        ("what kinds of laser are there?", "laser"),
        ("which types of fillers are there", "fillers"),
        ("what are the different sorts of chemical peels", "chemical peels"),
        ("laser types for acne scars?", "laser"),
    ],
)
def test_the_kinds_of_a_treatment_are_asked(text, spelling):
    assert kinds_of_treatment_asked(text, [_treatment(text, spelling, "x")]) == {"x"}


@pytest.mark.parametrize(
    "text, spelling",
    [
        ("what kinds of scars does laser help", "laser"),
        ("I had laser last year, what type of scar is this", "laser"),
        ("which type of acne scars respond to fillers", "fillers"),
        ("do i need a dermatologist for this kind of laser or can a beautician do it", "laser"),
    ],
)
def test_the_kinds_of_scars_beside_a_treatment_are_not_its_kinds(text, spelling):
    assert kinds_of_treatment_asked(text, [_treatment(text, spelling, "x")]) == set()


def test_entities_without_a_span_are_skipped():
    assert kinds_of_treatment_asked("types of laser", [{"entity": "treatment", "value": "laser"}, "junk"]) == set()


@pytest.mark.parametrize("text", ["what if i already have them", "and for existing scars?", "what about the ones i have got"])
def test_scars_already_there_after_prevention_ask_about_treatment(text):
    for topic in (None, "prevention"):
        assert resolve(topic, text=text, follow_up=topic is None, remembered_topic="prevention").topic == "treatment"


@pytest.mark.parametrize(
    "text, topic, remembered",
    [
        ("how do i stop more forming, i already have some", "prevention", "prevention"),
        ("i already have scars, how do i prevent them", "prevention", None),
        ("what if i already have them", "go_away", "go_away"),
        ("my son already has acne, how do we make sure it doesnt scar", "prevention", "prevention"),
        ("i already have a few, how do i make sure i dont get more", "prevention", "prevention"),
    ],
)
def test_scars_already_there_otherwise_keep_the_topic(text, topic, remembered):
    assert resolve(topic, text=text, remembered_topic=remembered).topic == topic


@pytest.mark.parametrize(
    "text, examples", [("like what", True), ("such as?", True), ("ok for example?", True), ("like what does it cost", False)]
)
def test_a_request_for_examples_is_recognised(text, examples):
    assert asks_for_examples(text) is examples
