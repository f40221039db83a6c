"""The small intent model that the blend and the question splitter train: a
logistic regression over character and word n-grams and WordLlama's sentence
embedding, fitted by `rasa train` on the NLU examples.

Its errors differ from DIET's (it sees spellings through character n-grams and
reads the whole sentence through the embedding), which is why blending the two
helps: docs/nlu-evaluation.md has the cross-validation figures.
"""

from __future__ import annotations

import pickle
from typing import Any, Dict, Text

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.wordllama import sentence_embeddings

# How many texts' readings a component keeps (bot/nlp/questions.py reads a message's parts twice).
_RECENT_READINGS = 64

# The blend and the question splitter train on the same examples in one
# `rasa train`: the second gets the first's fit.
_FITTED: dict[tuple, Any] = {}


def train_intent_model(texts: list[str], intents: list[str]) -> Any:
    """A fitted scikit-learn pipeline with `predict_proba` and `classes_`."""
    key = (tuple(texts), tuple(intents))
    if key not in _FITTED:
        _FITTED.clear()
        _FITTED[key] = _fit(texts, intents)
    return _FITTED[key]


def _fit(texts: list[str], intents: list[str]) -> Any:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, make_pipeline
    from sklearn.preprocessing import FunctionTransformer

    features = FeatureUnion(
        [
            ("characters", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True)),
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, lowercase=True)),
            ("embedding", FunctionTransformer(sentence_embeddings)),
        ]
    )
    # liblinear: about a second here; lbfgs takes minutes inside `rasa train` for the same scores.
    model = make_pipeline(features, LogisticRegression(C=10, solver="liblinear"))
    return model.fit(texts, intents)


class WithIntentModel(GraphComponent):
    """A Rasa component that trains the small intent model with `rasa train` and
    keeps it in the Rasa model (`self.model`; None with fewer than two intents)."""

    def __init__(self, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, model: Any = None):
        self.config, self._model_storage, self._resource, self.model = config, model_storage, resource, model
        self._recent: dict[str, np.ndarray] = {}
        self._recent_model: Any = None

    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> "WithIntentModel":
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        examples = [(e.get(TEXT), e.get(INTENT)) for e in training_data.intent_examples if e.get(TEXT)]
        if len({intent for _, intent in examples}) >= 2:
            self.model = train_intent_model([text for text, _ in examples], [intent for _, intent in examples])
        with self._model_storage.write_to(self._resource) as directory:
            (directory / "intent_model.pickle").write_bytes(pickle.dumps(self.model))
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> "WithIntentModel":
        with model_storage.read_from(resource) as directory:
            model = pickle.loads((directory / "intent_model.pickle").read_bytes())
        return cls(config, model_storage, resource, model)

    def probabilities(self, texts: list[str]) -> np.ndarray:
        """The model's probabilities for each text (rows in `self.model.classes_`'
        order). A message's parts are read twice when it asks several things (its
        questions, then its story's question): the latest readings are kept."""
        if self._recent_model is not self.model or len(self._recent) > _RECENT_READINGS:
            self._recent, self._recent_model = {}, self.model
        missing = [text for text in dict.fromkeys(texts) if text not in self._recent]
        if missing:
            self._recent.update(zip(missing, self.model.predict_proba(missing), strict=True))
        return np.vstack([self._recent[text] for text in texts])

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        return training_data
