"""Content words as lemmas, the terms retrieval works with."""

from __future__ import annotations

from functools import lru_cache

import yaml
from spacy.tokens import Doc, Span

from bot import settings
from bot.nlp.pipeline import load
from bot.nlp.vocabulary import example_lines, plain_text


def content_lemmas(tokens: Doc | Span) -> tuple[str, ...]:
    """Lemma of each content word, and its lower-cased form where that differs: the
    lookup lemmatizer sees no context ("wound" becomes "wind"), so both are kept."""
    terms = []
    for token in tokens:
        if token.is_alpha and not token.is_stop and len(token) > 1:
            lemma = token.lemma_.lower()
            terms.append(lemma)
            if token.lower_ != lemma:
                terms.append(token.lower_)
    return tuple(terms)


def lemmas_of(text: str) -> tuple[str, ...]:
    """Only the tokenizer and lemmatizer run: the rulers are not needed here."""
    nlp = load()
    return content_lemmas(nlp.get_pipe("lemmatizer")(nlp.make_doc(text)))


@lru_cache(maxsize=1)
def training_lemmas() -> frozenset[str]:
    """Every content lemma of the NLU training examples: the words the model knows."""
    examples: list[str] = []
    for path in sorted((settings.PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            examples.extend(plain_text(line) for line in example_lines(block))
    return frozenset(lemma for doc in load().pipe(examples) for lemma in content_lemmas(doc))
