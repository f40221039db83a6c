"""Content words as lemmas, the terms retrieval works with."""

from __future__ import annotations

from functools import lru_cache

import yaml
from spacy.tokens import Doc, Span

from bot import settings
from bot.nlp.pipeline import load
from bot.nlp.vocabulary import example_lines, plain_text


def _word_forms(tokens: Doc | Span) -> list[tuple[str, ...]]:
    """Each content word as its lemma, and its lower-cased form where that differs: the
    lookup lemmatizer sees no context ("wound" becomes "wind"), so both are kept."""
    words: list[tuple[str, ...]] = []
    for token in tokens:
        if token.is_alpha and not token.is_stop and len(token) > 1:
            lemma = token.lemma_.lower()
            words.append((lemma,) if token.lower_ == lemma else (lemma, token.lower_))
    return words


def content_lemmas(tokens: Doc | Span) -> tuple[str, ...]:
    """Lemma of each content word, and its lower-cased form where that differs."""
    return tuple(form for forms in _word_forms(tokens) for form in forms)


def _lemmatized(text: str) -> Doc:
    """Only the tokenizer and lemmatizer run: the rulers are not needed here."""
    nlp = load()
    return nlp.get_pipe("lemmatizer")(nlp.make_doc(text))


def lemmas_of(text: str) -> tuple[str, ...]:
    return content_lemmas(_lemmatized(text))


def word_forms_of(text: str) -> list[tuple[str, ...]]:
    """Each content word of `text` as its forms (lemma first)."""
    return _word_forms(_lemmatized(text))


@lru_cache(maxsize=1)
def training_lemmas() -> frozenset[str]:
    """Every content lemma of the NLU training examples: the words the model knows."""
    examples: list[str] = []
    for path in sorted((settings.PROJECT_ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            examples.extend(plain_text(line) for line in example_lines(block))
    return frozenset(lemma for doc in load().pipe(examples) for lemma in content_lemmas(doc))
