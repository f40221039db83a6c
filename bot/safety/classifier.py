"""The learned half of the red-flag detector.

A logistic regression over character n-grams (which survive typos) and word
n-grams of the normalised text. It is trained by `make setup` on the safety
examples in data/safety/ and on the examples of the Rasa NLU data (emergency
and crisis examples as red flags, all others but the later rounds' (second
onwards) as ordinary messages), and saved to build/safety/. Adding WordLlama's
pretrained sentence embeddings did not raise its recall at a 1% false-alarm
rate in 5-fold cross-validation on the development set (docs/safety.md), so
it does without them.

It only ever adds red flags to what the rules find (bot/safety/red_flags.py),
and only above a probability chosen for few false alarms (config.yml).
"""

from __future__ import annotations

import pickle
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np
import yaml
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from bot import settings
from bot.nlp.vocabulary import example_lines, plain_text
from bot.safety.normalise import normalise, write_english_words

ORDINARY = "none"
# The later rounds of patient examples (second onwards) are not learnt: with the
# second as ordinary messages, held-out crisis recall fell from 0.984 to 0.968 at
# the threshold chosen without it (docs/safety.md). Unlearnt, the fourth round's
# red flags measure the detector in cross-validation on wordings it has not seen.
_NOT_LEARNT = "patients_*_round_*.yml"
LABELS = ("emergency", "crisis")


@dataclass
class Classifier:
    characters: TfidfVectorizer
    words: TfidfVectorizer
    model: LogisticRegression

    def features(self, texts: Sequence[str]):
        normalised = [normalise(text) for text in texts]
        return hstack([self.characters.transform(normalised), self.words.transform(normalised)]).tocsr()

    def probabilities(self, texts: Sequence[str]) -> list[dict[str, float]]:
        """Each text's probability of being an emergency and a crisis: the model's
        predict_proba, computed term by term (sklearn's own transform and predict
        cost over 2 ms per message; this about a tenth of that)."""
        classes = list(self.model.classes_)
        return [{label: float(row[classes.index(label)]) for label in LABELS} for row in map(self._probability_row, texts)]

    def _probability_row(self, text: str) -> np.ndarray:
        normalised = normalise(text)
        logits = self.model.intercept_.copy()
        offset = 0
        for vectorizer in (self.characters, self.words):
            counts = Counter(_analyzer(vectorizer)(normalised))
            columns = [(vectorizer.vocabulary_[term], count) for term, count in counts.items() if term in vectorizer.vocabulary_]
            if columns:
                index = np.fromiter((column for column, _ in columns), dtype=np.int64)
                weights = (1.0 + np.log([count for _, count in columns])) * vectorizer.idf_[index]
                logits += self.model.coef_[:, offset + index] @ (weights / np.linalg.norm(weights))
            offset += len(vectorizer.vocabulary_)
        exponentials = np.exp(logits - logits.max())
        return exponentials / exponentials.sum()

    def flag(self, text: str, threshold: float) -> Optional[str]:
        """ "emergency" or "crisis" when its probability reaches `threshold`, else None."""
        scores = self.probabilities([text])[0]
        label = max(scores, key=lambda name: scores[name])
        return label if scores[label] >= threshold else None


@lru_cache(maxsize=4)
def _analyzer(vectorizer: TfidfVectorizer):
    return vectorizer.build_analyzer()


def train(texts: Sequence[str], labels: Sequence[str]) -> Classifier:
    normalised = [normalise(text) for text in texts]
    characters = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), min_df=2, sublinear_tf=True)
    words = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True)
    features = hstack([characters.fit_transform(normalised), words.fit_transform(normalised)]).tocsr()
    model = LogisticRegression(C=16.0, max_iter=3000)
    model.fit(features, list(labels))
    return Classifier(characters, words, model)


def training_examples() -> tuple[list[str], list[str]]:
    """The safety examples and the Rasa NLU examples, with their labels."""
    texts: list[str] = []
    labels: list[str] = []
    for path in sorted(settings.SAFETY_DATA_DIR.glob("*.yml")):
        for label, messages in _safety_examples(path):
            texts += messages
            labels += [label] * len(messages)
    for path in sorted(settings.NLU_DATA_DIR.glob("*.yml")):
        if path.match(_NOT_LEARNT):
            continue
        for block in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("nlu", []):
            if "intent" in block:
                messages = [plain_text(line) for line in example_lines(block)]
                texts += messages
                labels += [block["intent"] if block["intent"] in LABELS else ORDINARY] * len(messages)
    return texts, labels


def _safety_examples(path: Path) -> Iterable[tuple[str, list[str]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    for label, messages in data.items():
        yield (label if label in LABELS else ORDINARY), [str(message) for message in messages]


def build_to_disk(path: Path | None = None) -> Path:
    """The English word list the normaliser reads, then the classifier trained on it."""
    write_english_words()
    path = path or settings.SAFETY_CLASSIFIER_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    classifier = train(*training_examples())
    with path.open("wb") as file:
        pickle.dump(classifier, file)
    return path


class MissingClassifier(RuntimeError):
    pass


@lru_cache(maxsize=1)
def load(path: Path | None = None) -> Classifier:
    path = path or settings.SAFETY_CLASSIFIER_FILE
    if not path.is_file():
        raise MissingClassifier(f"The red-flag classifier is not built ({path}): run `make setup`")
    with path.open("rb") as file:
        return pickle.load(file)
