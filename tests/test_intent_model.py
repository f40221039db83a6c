"""The small intent model (bot/nlp/intent_model.py): its fast scorer gives the
fitted scikit-learn pipeline's own probabilities, and a trained component
reads the same after it is saved and loaded."""

import numpy as np
import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.training_data.loading import load_data

from bot import settings
from bot.nlp.intent_model import LinearIntentScorer, WithIntentModel, train_intent_model

# Texts a tokenizer or an n-gram vocabulary may find nothing in, or too much.
ODD_TEXTS = ["", "   ", "😭😭😭", "ÀÉÎ ünïcode ñ", "?!", "scar " * 200, "r my scrs permanant???"]


@pytest.fixture(scope="module")
def examples():
    data = load_data(str(settings.PROJECT_ROOT / "data" / "nlu"))
    pairs = [(e.get("text"), e.get("intent")) for e in data.intent_examples]
    # Every third example trains: the others are texts the model has not seen.
    return pairs[::3], [text for text, _ in pairs[1::3]]


@pytest.fixture(scope="module")
def pipeline(examples):
    training, _ = examples
    return train_intent_model([text for text, _ in training], [intent for _, intent in training])


def test_the_scorer_gives_the_pipelines_probabilities(pipeline, examples):
    _, unseen = examples
    texts = unseen + ODD_TEXTS
    scorer = LinearIntentScorer(pipeline)
    assert list(scorer.classes_) == list(pipeline.classes_)
    expected = pipeline.predict_proba(texts)
    assert scorer.predict_proba(texts) == pytest.approx(expected, abs=1e-9)
    # One text at a time, as the assistant reads messages.
    assert np.vstack([scorer.predict_proba([text]) for text in ODD_TEXTS]) == pytest.approx(
        pipeline.predict_proba(ODD_TEXTS), abs=1e-9
    )


def test_the_scorer_reads_a_model_of_two_intents(examples):
    training, unseen = examples
    two = [(text, intent) for text, intent in training if intent in ("greet", "ask_causes")]
    pipeline = train_intent_model([text for text, _ in two], [intent for _, intent in two])
    texts = unseen[:40] + ODD_TEXTS
    assert LinearIntentScorer(pipeline).predict_proba(texts) == pytest.approx(pipeline.predict_proba(texts), abs=1e-9)


def test_the_scorer_refuses_a_model_it_would_read_wrongly(pipeline):
    from sklearn.base import clone

    multinomial = clone(pipeline).set_params(logisticregression__solver="lbfgs")
    with pytest.raises(ValueError, match="liblinear"):
        LinearIntentScorer(multinomial)


def test_a_trained_component_reads_the_same_after_saving_and_loading(tmp_path, examples):
    from rasa.shared.nlu.training_data.message import Message
    from rasa.shared.nlu.training_data.training_data import TrainingData

    training, unseen = examples
    storage, resource = LocalModelStorage(tmp_path), Resource("intent_model")
    context = ExecutionContext(None)  # type: ignore[arg-type]
    trained = WithIntentModel.create({}, storage, resource, context)
    trained.train(TrainingData([Message(data={"text": text, "intent": intent}) for text, intent in training]))
    loaded = WithIntentModel.load({}, storage, resource, context)
    assert loaded.probabilities(unseen[:50]) == pytest.approx(trained.probabilities(unseen[:50]), abs=1e-12)
