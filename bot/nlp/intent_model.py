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


class LinearIntentScorer:
    """The fitted pipeline's `predict_proba`, computed as one linear map per
    feature block: the same probabilities (tests/test_intent_model.py checks them
    against the pipeline's), without what scikit-learn 1.1 spends per call on
    every message (its TF-IDF recomputes the idf vector to check that it is
    fitted, the feature union goes through joblib and stacks sparse matrices):
    a third of the language understanding's time per message here."""

    def __init__(self, pipeline: Any):
        from sklearn.feature_extraction.text import TfidfVectorizer

        (_, union), (_, classifier) = pipeline.steps
        if classifier.solver != "liblinear":
            raise ValueError("LinearIntentScorer reads one-vs-rest logistic regression (liblinear) only")
        self.pipeline, self.classes_ = pipeline, classifier.classes_
        self._intercept = classifier.intercept_
        coef = classifier.coef_.T
        blocks = [transformer for _, transformer in union.transformer_list]
        widths = [len(t.vocabulary_) if isinstance(t, TfidfVectorizer) else None for t in blocks]
        # The one dense block (the sentence embedding) has the columns the n-grams leave.
        dense_width = coef.shape[0] - sum(width for width in widths if width is not None)
        start, self._blocks = 0, []
        for transformer, width in zip(blocks, widths, strict=True):
            width = dense_width if width is None else width
            weights = np.ascontiguousarray(coef[start : start + width])
            if isinstance(transformer, TfidfVectorizer):
                if transformer.norm != "l2" or not transformer.use_idf or transformer.binary:
                    raise ValueError("LinearIntentScorer reads l2-normalised TF-IDF only")
                self._blocks.append((transformer, transformer.idf_, weights))
            else:
                self._blocks.append((transformer, None, weights))
            start += width

    def predict_proba(self, texts: list[str]) -> np.ndarray:
        from sklearn.feature_extraction.text import CountVectorizer
        from sklearn.preprocessing import normalize

        scores = np.tile(self._intercept, (len(texts), 1))
        for transformer, idf, weights in self._blocks:
            if idf is None:
                scores += transformer.transform(texts) @ weights
                continue
            counts = CountVectorizer.transform(transformer, texts).astype(np.float64)
            if transformer.sublinear_tf:
                counts.data = np.log(counts.data) + 1
            counts.data *= idf[counts.indices]
            scores += normalize(counts, norm="l2", copy=False) @ weights
        # One-vs-rest, as LogisticRegression's predict_proba with liblinear; with two
        # intents the one column of scores is the second intent's.
        probabilities = 1 / (1 + np.exp(-scores))
        if probabilities.shape[1] == 1:
            return np.hstack([1 - probabilities, probabilities])
        return probabilities / probabilities.sum(axis=1, keepdims=True)


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
            pipeline = train_intent_model([text for text, _ in examples], [intent for _, intent in examples])
            self.model = LinearIntentScorer(pipeline)
        with self._model_storage.write_to(self._resource) as directory:
            (directory / "intent_model.pickle").write_bytes(pickle.dumps(self.model and self.model.pipeline))
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
            pipeline = pickle.loads((directory / "intent_model.pickle").read_bytes())
        return cls(config, model_storage, resource, pipeline and LinearIntentScorer(pipeline))

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
