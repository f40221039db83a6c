"""The project's own Rasa NLU components, run as Rasa runs them: WordLlama's
embeddings as features, and the splitter that finds several questions."""

from __future__ import annotations

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.constants import ENTITIES, INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.questions import QUESTIONS, QuestionSplitter
from bot.nlp.wordllama_featurizer import WordLlamaEmbeddings, WordLlamaFeaturizer


def tokenized(text: str) -> Message:
    message = Message(data={TEXT: text})
    WhitespaceTokenizer(WhitespaceTokenizer.get_default_config()).process([message])
    return message


@pytest.fixture(scope="module")
def embeddings():
    return WordLlamaEmbeddings()


def test_each_token_and_the_message_get_wordllamas_features(embeddings):
    featurizer = WordLlamaFeaturizer({**WordLlamaFeaturizer.get_default_config()}, "wordllama", embeddings)
    [message] = featurizer.process([tokenized("do lasers help rolling scars")])
    sequence, sentence = message.get_dense_features(TEXT)
    assert sequence.features.shape == (5, embeddings.dimensions)
    assert not np.any(np.all(sequence.features == 0, axis=1))
    assert sentence.features.shape == (1, embeddings.dimensions)
    assert np.linalg.norm(sentence.features) == pytest.approx(1.0, abs=1e-5)


def test_pretrained_embeddings_put_paraphrases_closer_than_other_topics(embeddings):
    question = embeddings.sentence("how do i get rid of acne scars")
    paraphrase = embeddings.sentence("what treatments remove pitted marks on my face")
    unrelated = embeddings.sentence("what's the weather tomorrow")
    assert question @ paraphrase > question @ unrelated + 0.2


def message(text: str, intent: str) -> Message:
    return Message(data={TEXT: text, INTENT: intent})


TRAINING = TrainingData(
    [
        *(
            message(t, "ask_causes")
            for t in ["what causes acne scars", "why do scars form", "how do acne scars happen", "reason for scarring"]
        ),
        *(
            message(t, "ask_treatment")
            for t in ["how do i get rid of scars", "how are scars treated", "best treatment for scars", "can lasers fix scars"]
        ),
        *(message(t, "greet") for t in ["hi", "hello there", "hey", "good morning"]),
    ]
)


def trained_splitter(directory, training: TrainingData) -> QuestionSplitter:
    component = QuestionSplitter.create(
        {},
        LocalModelStorage(directory),
        Resource("splitter"),
        ExecutionContext(None),  # type: ignore[arg-type]
    )
    component.train(training)
    return component


@pytest.fixture
def splitter(tmp_path):
    return trained_splitter(tmp_path, TRAINING)


def test_two_questions_on_different_topics_are_both_kept_in_order(splitter):
    text = "why do acne scars form and how are they treated?"
    [processed] = splitter.process([Message(data={TEXT: text, INTENT: {"name": "ask_causes", "confidence": 0.9}, ENTITIES: []})])
    assert [(q["intent"], q["text"]) for q in processed.get(QUESTIONS)] == [
        ("ask_causes", "why do acne scars form"),
        ("ask_treatment", "how are they treated?"),
    ]
    assert QUESTIONS in processed.as_dict(only_output_properties=True)


def test_one_question_or_two_on_one_topic_add_nothing(splitter):
    for text in ["why do acne scars form?", "why do scars form? what causes acne scars?", "hi! how are scars treated"]:
        [processed] = splitter.process(
            [Message(data={TEXT: text, INTENT: {"name": "ask_causes", "confidence": 0.9}, ENTITIES: []})]
        )
        assert processed.get(QUESTIONS) is None, text


def test_a_message_diet_could_not_place_gets_its_first_questions_intent(splitter):
    text = "why do acne scars form, and what's the best treatment for scars"
    [processed] = splitter.process(
        [Message(data={TEXT: text, INTENT: {"name": "nlu_fallback", "confidence": 0.4}, ENTITIES: []})]
    )
    assert processed.get(INTENT)["name"] == "ask_causes"


@pytest.mark.parametrize("confidence, expected", [(0.35, "ask_causes"), (0.99, "ask_personal_advice")])
def test_questions_read_more_surely_than_another_kind_of_request_decide(splitter, confidence, expected):
    text = "why do acne scars form, and what's the best treatment for scars"
    [processed] = splitter.process(
        [Message(data={TEXT: text, INTENT: {"name": "ask_personal_advice", "confidence": confidence}, ENTITIES: []})]
    )
    assert processed.get(INTENT)["name"] == expected
    assert len(processed.get(QUESTIONS)) == 2


STORY = "I had acne for years and now my cheeks are covered in marks that never fade. how do they happen?"


def test_a_story_not_understood_takes_its_questions_topic_when_the_question_is_fairly_clear(splitter):
    # The question alone reads as ask_causes at about 0.5: enough to beat "could you rephrase" ...
    [processed] = splitter.process(
        [Message(data={TEXT: STORY, INTENT: {"name": "nlu_fallback", "confidence": 0.4}, ENTITIES: []})]
    )
    assert processed.get(INTENT)["name"] == "ask_causes"


def test_a_storys_question_is_found_among_clauses_that_only_start_like_one(splitter):
    text = "I had acne for years. and is it weird that my cheeks are covered in marks. how do they happen?"
    [processed] = splitter.process(
        [Message(data={TEXT: text, INTENT: {"name": "nlu_fallback", "confidence": 0.4}, ENTITIES: []})]
    )
    assert processed.get(INTENT)["name"] == "ask_causes"


def test_a_story_read_as_another_intent_keeps_it_unless_its_question_is_clear(splitter):
    # ... but not to overrule a reading of the whole story.
    [processed] = splitter.process(
        [Message(data={TEXT: STORY, INTENT: {"name": "out_of_scope", "confidence": 0.3}, ENTITIES: []})]
    )
    assert processed.get(INTENT)["name"] == "out_of_scope"


@pytest.mark.parametrize("small_talk", ["greet", "goodbye", "thank", "answer_helped", "answer_not_helpful"])
def test_a_story_read_as_small_talk_takes_its_questions_topic(splitter, small_talk):
    # A story that asks a question is no greeting, goodbye, thanks or rating, however surely DIET read it so.
    [processed] = splitter.process([Message(data={TEXT: STORY, INTENT: {"name": small_talk, "confidence": 0.4}, ENTITIES: []})])
    assert processed.get(INTENT)["name"] == "ask_causes"
    [short] = splitter.process(
        [Message(data={TEXT: "hi! how are scars treated", INTENT: {"name": small_talk, "confidence": 0.4}})]
    )
    assert short.get(INTENT)["name"] == small_talk  # no story around the question


def test_a_story_read_surely_as_small_talk_stays_so(splitter):
    # DIET surer of the whole than the question alone is read.
    [sure] = splitter.process([Message(data={TEXT: STORY, INTENT: {"name": "goodbye", "confidence": 0.95}})])
    assert sure.get(INTENT)["name"] == "goodbye"


@pytest.fixture
def splitter_with_follow_ups(tmp_path):
    follow_ups = ["what can be done about them", "and what about that", "can it be done", "what else can be done about it"]
    feelings = ["i hate how my scars look", "my scars make me sad", "i avoid photos of myself", "scars ruin my confidence"]
    training = TrainingData(
        [
            *TRAINING.training_examples,
            *(message(t, "follow_up") for t in follow_ups),
            *(message(t, "ask_emotional_impact") for t in feelings),
        ]
    )
    return trained_splitter(tmp_path, training)


@pytest.mark.parametrize(
    "question, expected",
    [
        # a story's question that refers back to the story and asks how to treat it asks about treatment
        ("What can actually be done about them at this point?", "ask_treatment"),
        # one that asks nothing of treating it, or asks how to prevent, stays as the story was read
        ("Is that normal or am I the only one?", "ask_emotional_impact"),
        ("What can be done to avoid more of them?", "ask_emotional_impact"),
    ],
)
def test_a_storys_question_about_treating_what_it_tells_asks_about_treatment(splitter_with_follow_ups, question, expected):
    text = f"I'm 34 and I had terrible acne all through school, and I hate every photo of myself now. {question}"
    [processed] = splitter_with_follow_ups.process(
        [Message(data={TEXT: text, INTENT: {"name": "ask_emotional_impact", "confidence": 0.5}, ENTITIES: []})]
    )
    assert processed.get(INTENT)["name"] == expected


@pytest.mark.parametrize(
    "text, whole",
    [
        (
            "I had a C-section two years ago, the scar is still raised and I hate wearing a bikini. What can be done about it?",
            "out_of_scope",
        ),
        ("Hi, I'm Sam, 27, had acne scars since uni and just found this site today. What can you do?", "greet"),
    ],
)
def test_a_story_read_as_out_of_scope_or_small_talk_is_not_made_a_treatment_question(splitter_with_follow_ups, text, whole):
    [processed] = splitter_with_follow_ups.process(
        [Message(data={TEXT: text, INTENT: {"name": whole, "confidence": 0.4}, ENTITIES: []})]
    )
    assert processed.get(INTENT)["name"] == whole


def test_a_later_question_that_asks_how_to_treat_what_the_first_asked_about_is_about_treatment(splitter_with_follow_ups):
    text = "why do acne scars form? and what can be done about them?"
    [processed] = splitter_with_follow_ups.process(
        [Message(data={TEXT: text, INTENT: {"name": "ask_causes", "confidence": 0.6}, ENTITIES: []})]
    )
    assert [q["intent"] for q in processed.get(QUESTIONS)] == ["ask_causes", "ask_treatment"]


def test_a_story_read_as_prevention_keeps_it_when_its_question_asks_what_to_do(splitter_with_follow_ups):
    text = "personal trainer here, i sweat loads and break out every week on my forehead. terrified of scarring, what can be done"
    [processed] = splitter_with_follow_ups.process(
        [Message(data={TEXT: text, INTENT: {"name": "ask_prevention", "confidence": 0.5}, ENTITIES: []})]
    )
    assert processed.get(INTENT)["name"] == "ask_prevention"


def test_a_thank_you_that_says_what_it_thanks_for_stays_thanks(splitter):
    # Only a question asked with "?" replaces small talk: "how do they happen" here is what was explained.
    text = "thank you so much, I had acne for years and now my cheeks are covered in marks. how do they happen. bye for now"
    [processed] = splitter.process([Message(data={TEXT: text, INTENT: {"name": "thank", "confidence": 0.4}})])
    assert processed.get(INTENT)["name"] == "thank"
    # The control: not understood, the same clause does read as that topic.
    [not_understood] = splitter.process([Message(data={TEXT: text, INTENT: {"name": "nlu_fallback", "confidence": 0.4}})])
    assert not_understood.get(INTENT)["name"] == "ask_causes"


@pytest.mark.parametrize(
    "text, diet, expected",
    [
        ("what about boxcar scars?", "ask_scar_types", "follow_up"),
        ("and microneedling?", "nlu_fallback", "follow_up"),
        ("what about the weather?", "out_of_scope", "out_of_scope"),
        ("what are boxcar scars?", "ask_scar_types", "ask_scar_types"),
        # read as small talk or a question about the bot, but asking an aspect or referring back
        ("how soon will i see a difference", "goodbye", "follow_up"),
        ("thanks, does it hurt?", "thank", "follow_up"),
        ("so what would help them", "ask_capabilities", "follow_up"),
        ("which one do you use", "ask_capabilities", "follow_up"),
        ("what can you help me with", "ask_capabilities", "ask_capabilities"),
        ("thank you for that", "thank", "thank"),
        ("thanks, I feel a lot safer now", "thank", "thank"),
        ("is this a bot?", "bot_challenge", "bot_challenge"),
        # read as clinic business, but asking a medical aspect; prices and appointments stay the clinic's
        ("how many sessions do you need", "ask_clinic", "follow_up"),
        ("does it hurt much?", "ask_clinic", "follow_up"),
        ("how much do you charge for it?", "ask_clinic", "ask_clinic"),
        ("how long is an appointment?", "ask_clinic", "ask_clinic"),
        ("are you open on saturdays?", "ask_clinic", "ask_clinic"),
        ("what age do you treat from?", "ask_clinic", "ask_clinic"),
        ("do you sell derma rollers?", "ask_clinic", "ask_clinic"),
    ],
)
def test_a_message_naming_only_its_new_subject_is_a_follow_up(text, diet, expected):
    from bot.nlp.follow_ups import EllipticalFollowUp

    [processed] = EllipticalFollowUp().process([Message(data={TEXT: text, INTENT: {"name": diet, "confidence": 0.7}})])
    assert processed.get(INTENT)["name"] == expected


@pytest.mark.parametrize(
    "text, named, kept",
    [
        ("are there any scar treatments that arent laser??", "laser", False),
        ("can they be treated without a laser", "laser", False),
        ("why not laser?", "laser", True),
        ("should i avoid laser if i have dark skin?", "laser", True),
        ("can i do microneedling instead of laser", "laser", False),
        ("can i do microneedling instead of laser", "microneedling", True),
        ("isn't laser better for boxcar scars?", "laser", True),
        ("is laser not safe for dark skin", "laser", True),
        ("can acne scars be fixed without surgery", "surgery", True),
        ("i'd rather avoid laser if possible, what else is there?", "laser", False),
        ("i want to avoid laser, what are my options", "laser", False),
    ],
)
def test_a_treatment_the_patient_rules_out_is_not_the_one_asked_about(text, named, kept):
    from bot.nlp.negated_entities import RuledOutTreatments

    value = {"lasers": "laser"}.get(named, named)
    start = text.index(named)
    entity = {"entity": "treatment", "value": value, "start": start, "end": start + len(named)}
    component = RuledOutTreatments({**RuledOutTreatments.get_default_config(), "keep": ["surgery"]})
    [processed] = component.process([Message(data={TEXT: text, ENTITIES: [entity]})])
    assert (processed.get(ENTITIES) == [entity]) is kept


@pytest.mark.parametrize(
    "text, named, kept",
    [
        (
            "Last year I had a bad reaction to a chemical peel. What other options are there for acne scars?",
            "chemical peel",
            False,
        ),
        ("tried microneedling 3 times, any alternatives?", "microneedling", False),
        ("fillers were too expensive. what else is there", "fillers", False),
        ("are lasers the only option", "lasers", False),
        ("is laser really the only treatment that works?", "laser", False),
        ("is laser the best option", "laser", True),
        ("How long do fillers last? What else should I know about them?", "fillers", True),
        ("I'm getting a chemical peel on friday. Any other ways to help it heal faster?", "chemical peel", True),
        ("is laser better than other treatments?", "laser", True),
        ("what is microneedling and what else helps", "microneedling", True),
        ("what other options are there besides fillers? is microneedling any good?", "microneedling", True),
    ],
)
def test_a_treatment_the_patient_asks_for_something_other_than_is_not_the_one_asked_about(text, named, kept):
    from bot.nlp.negated_entities import RuledOutTreatments

    start = text.index(named)
    entity = {"entity": "treatment", "value": named, "start": start, "end": start + len(named)}
    component = RuledOutTreatments({**RuledOutTreatments.get_default_config(), "keep": ["surgery"]})
    [processed] = component.process([Message(data={TEXT: text, ENTITIES: [entity]})])
    assert (processed.get(ENTITIES) == [entity]) is kept


class PartReadings:
    """A stand-in for the small model: each part that starts with `prefix` gets the
    probabilities `later`, every other part `first` ({intent: probability})."""

    def __init__(self, classes, prefix, later, first):
        self.classes_, self.prefix, self.later, self.first = classes, prefix, later, first

    def predict_proba(self, texts):
        names = list(self.classes_)
        rows = []
        for part in texts:
            probabilities = self.later if part.startswith(self.prefix) else self.first
            rows.append([probabilities.get(name, 0.0) for name in names])
        return np.array(rows)


def test_a_later_question_read_as_a_follow_up_asks_its_next_likeliest_topic(splitter, monkeypatch):
    text = "how are scars treated? and why do they form"
    later, first = {"greet": 0.55, "ask_causes": 0.45}, {"ask_treatment": 1.0}
    splitter.model = PartReadings(splitter.model.classes_, "and", later, first)
    monkeypatch.setattr("bot.nlp.questions.FOLLOW_UP", "greet")  # the fake model's follow-up reading
    [processed] = splitter.process([Message(data={TEXT: text, INTENT: {"name": "ask_treatment", "confidence": 0.9}})])
    assert [(q["intent"], round(q["confidence"], 2)) for q in processed.get(QUESTIONS)] == [
        ("ask_treatment", 1.0),
        ("ask_causes", 1.0),
    ]


def test_a_later_question_whose_second_reading_is_a_follow_up_is_surer_of_its_own(splitter, monkeypatch):
    text = "why do people who had acne for years get scars and can early treatment stop that"
    later, first = {"ask_treatment": 0.44, "greet": 0.3, "ask_causes": 0.26}, {"ask_causes": 1.0}
    splitter.model = PartReadings(splitter.model.classes_, "can", later, first)
    monkeypatch.setattr("bot.nlp.questions.FOLLOW_UP", "greet")  # the fake model's follow-up reading
    [processed] = splitter.process([Message(data={TEXT: text, INTENT: {"name": "ask_causes", "confidence": 0.9}})])
    assert [(q["intent"], round(q["confidence"], 2)) for q in processed.get(QUESTIONS)] == [
        ("ask_causes", 1.0),
        ("ask_treatment", 0.63),
    ]


def test_scar_types_named_outside_the_questions_are_what_they_ask_about(splitter):
    text = "I have rolling scars on my cheeks, why do scars form, how are scars treated?"
    rolling = {"entity": "scar_type", "value": "rolling", "start": 7, "end": 14}
    [processed] = splitter.process(
        [Message(data={TEXT: text, INTENT: {"name": "ask_causes", "confidence": 0.9}, ENTITIES: [rolling]})]
    )
    assert [q["entities"] for q in processed.get(QUESTIONS)] == [[rolling], [rolling]]


@pytest.fixture
def blend(tmp_path):
    from bot.nlp.intent_blend import IntentBlend

    component = IntentBlend.create(
        IntentBlend.get_default_config(),
        LocalModelStorage(tmp_path),
        Resource("blend"),
        ExecutionContext(None),  # type: ignore[arg-type]
    )
    component.train(TRAINING)
    return component


def diet_read(text: str, ranking: list[tuple[str, float]]) -> Message:
    items = [{"name": name, "confidence": confidence} for name, confidence in ranking]
    return Message(data={TEXT: text, INTENT: items[0], "intent_ranking": items})


def test_the_blend_follows_the_small_model_when_diet_is_torn(blend):
    [processed] = blend.process(
        [diet_read("how are scars treated", [("ask_causes", 0.5), ("ask_treatment", 0.45), ("greet", 0.05)])]
    )
    ranking = processed.get("intent_ranking")
    assert processed.get(INTENT)["name"] == "ask_treatment"
    assert ranking[0] == processed.get(INTENT)
    assert [item["confidence"] for item in ranking] == sorted((item["confidence"] for item in ranking), reverse=True)
    assert sum(item["confidence"] for item in ranking) == pytest.approx(1.0, abs=0.01)


def test_the_blend_keeps_a_confident_diet_reading(blend):
    [processed] = blend.process([diet_read("what causes acne scars", [("ask_causes", 0.95), ("ask_treatment", 0.05)])])
    assert processed.get(INTENT)["name"] == "ask_causes"
    assert processed.get(INTENT)["confidence"] > 0.6


def test_the_blend_reads_no_red_flag_even_where_diet_is_sure_of_one(blend):
    """Only the red-flag detector raises a flag; the blend reads the rest of DIET's ranking."""
    ranking = [("emergency", 0.9), ("ask_treatment", 0.08), ("ask_causes", 0.02)]
    [processed] = blend.process([diet_read("how are scars treated", ranking)])
    assert processed.get(INTENT)["name"] == "ask_treatment"
    assert "emergency" not in {item["name"] for item in processed.get("intent_ranking")}


def test_the_blend_scales_diets_other_readings_up_only_when_red_flags_had_less_than_half(blend):
    def treatment_confidence(ranking):
        [processed] = blend.process([diet_read("how are scars treated", ranking)])
        return {item["name"]: item["confidence"] for item in processed.get("intent_ranking")}["ask_treatment"]

    unflagged = treatment_confidence([("ask_treatment", 0.8), ("ask_causes", 0.2)])
    assert treatment_confidence([("crisis", 0.2), ("ask_treatment", 0.64), ("ask_causes", 0.16)]) == pytest.approx(unflagged)
    assert treatment_confidence([("crisis", 0.9), ("ask_treatment", 0.08), ("ask_causes", 0.02)]) < unflagged - 0.3


def test_the_small_model_never_lifts_a_red_flag(blend):
    from bot.nlp import intent_blend

    # A small model sure of an emergency, and DIET unsure between a topic and one.
    blend.model = _SureOf("emergency", blend.model.classes_)
    [processed] = blend.process([diet_read("what causes acne scars", [("ask_causes", 0.35), ("emergency", 0.3)])])
    assert processed.get(INTENT)["name"] == "ask_causes"
    assert "emergency" not in {item["name"] for item in processed.get("intent_ranking")}
    assert intent_blend.RED_FLAG_INTENTS == {"emergency", "crisis"}


class _SureOf:
    def __init__(self, intent, classes):
        self.classes_ = np.array([*classes, intent])

    def predict_proba(self, texts):
        return np.array([[0.0] * (len(self.classes_) - 1) + [1.0] for _ in texts])


def test_a_message_asking_several_things_has_each_part_read_once(splitter):
    # Two questions on one topic: read as questions, then for the story's question.
    text = "I have had acne since I was fourteen and now my cheeks are marked. why do acne scars form? what causes acne scars?"
    model, read = splitter.model, []

    class Counting:
        classes_ = model.classes_

        def predict_proba(self, texts):
            read.extend(texts)
            return model.predict_proba(texts)

    splitter.model = Counting()
    [processed] = splitter.process(
        [Message(data={TEXT: text, INTENT: {"name": "out_of_scope", "confidence": 0.5}, ENTITIES: []})]
    )
    assert processed.get(QUESTIONS) is None and processed.get(INTENT)["name"] == "ask_causes"
    assert read and sorted(read) == sorted(set(read))
    assert np.allclose(splitter.probabilities(["why do acne scars form?"]), model.predict_proba(["why do acne scars form?"]))


@pytest.mark.parametrize(
    "text, falls_back",
    [
        ("blorp zxq frrr", True),
        ("qwerty", True),
        ("cnat", True),  # "cat" is too short a word to be misspelled
        ("heyyy", False),  # a held letter
        ("byeee 👋", False),
        ("thnx", False),  # a letter off "thanx"
        ("hallo", False),
        ("how are scars treated", False),
    ],
)
def test_only_a_message_without_a_known_word_or_spelling_falls_back(tmp_path, text, falls_back):

    from bot.nlp.unknown_words import UnknownWordsFallback

    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    vocabulary = TrainingData([message(t, "greet") for t in ["hey", "bye", "thanx", "hello", "how are scars treated", "cat"]])
    tokenizer.process_training_data(vocabulary)
    component = UnknownWordsFallback.create({}, LocalModelStorage(tmp_path), Resource("words"), ExecutionContext(None))  # type: ignore[arg-type]
    component.train(vocabulary)
    read = Message(data={TEXT: text, INTENT: {"name": "greet", "confidence": 0.9}})
    tokenizer.process([read])
    [processed] = component.process([read])
    assert (processed.get(INTENT)["name"] == "nlu_fallback") is falls_back


def test_a_long_message_of_unknown_words_is_weighed_a_few_words_only(tmp_path, monkeypatch):
    import string

    from bot.nlp import unknown_words

    tokenizer = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    vocabulary = TrainingData([message("how are scars treated", "ask_treatment")])
    tokenizer.process_training_data(vocabulary)
    component = unknown_words.UnknownWordsFallback.create(
        {}, LocalModelStorage(tmp_path), Resource("words"), ExecutionContext(None)
    )  # type: ignore[arg-type]
    component.train(vocabulary)
    looked_up = []
    monkeypatch.setattr(unknown_words, "get_close_matches", lambda word, *args, **kwargs: looked_up.append(word) or [])
    gibberish = " ".join("zq" + a + b for a in string.ascii_lowercase for b in string.ascii_lowercase[:12])
    read = Message(data={TEXT: gibberish, INTENT: {"name": "ask_treatment", "confidence": 0.9}})
    tokenizer.process([read])
    [processed] = component.process([read])
    assert processed.get(INTENT)["name"] == "nlu_fallback"
    assert len(looked_up) == unknown_words.MAX_SPELLINGS_WEIGHED


@pytest.mark.parametrize(
    "text, found",
    [
        ("does fraxl help with that", [("treatment", "fraxel")]),
        ("is microneedlling painful", [("treatment", "microneedling")]),
        ("what about dermabrasoin", [("treatment", "dermabrasion")]),
        # words of English and spellings the vocabulary knows are left alone
        ("it feels rough", []),
        ("the filers in my office", []),
        ("is fraxel painful", []),
        # a name inside a sentence is no misspelling
        ("Dr Lazar said it works", []),
    ],
)
def test_a_treatment_a_letter_or_two_off_is_read_as_that_treatment(text, found):
    from bot.nlp.misspelled_entities import MisspelledEntities

    [processed] = MisspelledEntities().process([Message(data={TEXT: text, ENTITIES: []})])
    assert [(e["entity"], e["value"]) for e in processed.get(ENTITIES) or []] == found


@pytest.mark.parametrize(
    "typed, read",
    [
        ("y do pimples leave scars on some ppl n not others", "why do pimples leave scars on some people and not others"),
        ("45 yo bloke, my son is 16yo", "45 years old bloke, my son is 16 years old"),
        ("is it ok w/ accutane or w/o it", "is it ok with accutane or without it"),
        ("U r my doctor now tbh", "you are my doctor now to be honest"),
        # "y" and "n" answer yes or no in a short message; "u-shaped", "U.S.", "derm fillers" stay
        ("y thanks", "y thanks"),
        ("n not really", "n not really"),
        ("u-shaped scars in the U.S.", "u-shaped scars in the U.S."),
        # A letter before "shaped" is a shape (data/shorthand.yml's `not_before`).
        ("are U shaped scars the same as boxcar, u know", "are U shaped scars the same as boxcar, you know"),
        ("are derm fillers safe", "are derm fillers safe"),
        # Words and names that only contain shorthand stay as typed.
        ("yo, your urgent rooms are in Ny", "yo, your urgent rooms are in Ny"),
        ("Clear + Brilliant, don't, 20 yrs", "Clear + Brilliant, don't, 20 years"),
    ],
)
def test_shorthand_is_read_as_the_words_it_stands_for(typed, read):
    from bot.nlp.shorthand import Shorthand

    assert Shorthand.load().expand(typed)[0] == read


def test_a_training_examples_entities_move_with_its_spelt_out_words_and_the_typed_text_is_kept():
    from bot.nlp.shorthand import TYPED_TEXT, PatientShorthand, Shorthand

    typed = "can u tell me abt fraxel n peels"
    entities = [
        {"entity": "treatment", "start": 18, "end": 24, "value": "fraxel"},
        {"entity": "treatment", "start": 27, "end": 32, "value": "peels"},
    ]
    example = Message(data={TEXT: typed, INTENT: "ask_treatment", ENTITIES: entities})
    [processed] = PatientShorthand(Shorthand.load()).process_training_data(TrainingData([example])).training_examples
    text = processed.get(TEXT)
    assert text == "can you tell me about fraxel and peels"
    assert [text[e["start"] : e["end"]] for e in processed.get(ENTITIES)] == ["fraxel", "peels"]
    assert processed.get(TYPED_TEXT) == typed


@pytest.mark.parametrize(
    "text", ["words: [u, you]\n", "words:\n  u: 1\n", "words: {u: you\n", "in_longer_messages: [y]\n", "not_before: shaped\n"]
)
def test_a_broken_shorthand_file_is_refused_with_what_to_fix(tmp_path, text):
    from bot.nlp.shorthand import Shorthand, ShorthandError

    path = tmp_path / "shorthand.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ShorthandError, match="shorthand.yml"):
        Shorthand.load(path)
