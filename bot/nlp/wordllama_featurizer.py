"""Pretrained English word representations for DIET: WordLlama's embeddings.

No pretrained spaCy pipeline installs here, so DIET would otherwise know only
the words of the training data. WordLlama (MIT licence) ships a 32,000-token
embedding table (256 dimensions) and its tokenizer inside its wheel. `make setup`
installs the wheel without its dependencies into build/wordllama/ (its own
requirements conflict with Rasa 3.6's pins); this component reads the two files
with `safetensors` and `tokenizers` (bot/nlp/wordllama.py) and never imports
the package.

Each Rasa token gets the mean of the embeddings of the WordLlama pieces it spans
(sequence features), and the message the normalised mean over all its pieces,
as WordLlama itself pools a sentence (sentence features).
"""

from __future__ import annotations

from typing import Any, Dict, List, Text, Type

import numpy as np
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import DENSE_FEATURIZABLE_ATTRIBUTES, FEATURIZER_CLASS_ALIAS, TOKENS_NAMES
from rasa.nlu.featurizers.dense_featurizer.dense_featurizer import DenseFeaturizer
from rasa.nlu.tokenizers.tokenizer import Tokenizer
from rasa.shared.nlu.constants import FEATURE_TYPE_SENTENCE, FEATURE_TYPE_SEQUENCE
from rasa.shared.nlu.training_data.features import Features
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.nlp.wordllama import WordLlamaEmbeddings, _normalised, shared_embeddings


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_FEATURIZER, is_trainable=False)
class WordLlamaFeaturizer(DenseFeaturizer, GraphComponent):
    @classmethod
    def required_components(cls) -> List[Type]:
        return [Tokenizer]

    def __init__(self, config: Dict[Text, Any], name: Text, embeddings: WordLlamaEmbeddings) -> None:
        super().__init__(name, config)
        self.embeddings = embeddings

    @classmethod
    def create(
        cls, config: Dict[Text, Any], model_storage: ModelStorage, resource: Resource, execution_context: ExecutionContext
    ) -> "WordLlamaFeaturizer":
        return cls(config, execution_context.node_name, shared_embeddings())

    @classmethod
    def validate_config(cls, config: Dict[Text, Any]) -> None:
        pass

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            for attribute in DENSE_FEATURIZABLE_ATTRIBUTES:
                self._set_features(message, attribute)
        return messages

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        self.process(training_data.training_examples)
        return training_data

    def _set_features(self, message: Message, attribute: Text) -> None:
        text, tokens = message.get(attribute), message.get(TOKENS_NAMES[attribute])
        if not text or not tokens:
            return
        vectors, offsets = self.embeddings.pieces(text)
        sequence = np.zeros((len(tokens), self.embeddings.dimensions), dtype=np.float32)
        for row, token in enumerate(tokens):
            inside = [i for i, (start, end) in enumerate(offsets) if start < token.end and token.start < end]
            if inside:
                sequence[row] = vectors[inside].mean(axis=0)
        sentence = (
            _normalised(vectors.mean(axis=0))[np.newaxis, :]
            if len(vectors)
            else np.zeros((1, self.embeddings.dimensions), np.float32)
        )
        alias = self._config[FEATURIZER_CLASS_ALIAS]
        message.add_features(Features(sequence, FEATURE_TYPE_SEQUENCE, attribute, alias))
        message.add_features(Features(sentence, FEATURE_TYPE_SENTENCE, attribute, alias))
