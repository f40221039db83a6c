"""WordLlama's embeddings (MIT licence), read from the wheel's two files with
`safetensors` and `tokenizers`, without importing the package or Rasa: the NLU
featurizer, the small intent model and the staff report's clustering use them."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

import numpy as np

from bot import settings

WORDLLAMA_DIR = settings.BUILD_DIR / "wordllama" / "wordllama"
WEIGHTS = WORDLLAMA_DIR / "weights" / "l2_supercat_256.safetensors"
TOKENIZER = WORDLLAMA_DIR / "tokenizers" / "l2_supercat_tokenizer_config.json"


class WordLlamaEmbeddings:
    """The embedding table and tokenizer, read from the wheel's files."""

    def __init__(self, weights: Path = WEIGHTS, tokenizer: Path = TOKENIZER):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer as PieceTokenizer

        for path in (weights, tokenizer):
            if not path.exists():
                raise FileNotFoundError(f"WordLlama's {path.name} is missing at {path}: run `make setup`.")
        self.table = load_file(str(weights))["embedding.weight"].astype(np.float32)
        self.tokenizer = PieceTokenizer.from_file(str(tokenizer))
        self.tokenizer.no_padding()
        self.tokenizer.no_truncation()

    @property
    def dimensions(self) -> int:
        return self.table.shape[1]

    def pieces(self, text: str) -> tuple[np.ndarray, list[tuple[int, int]]]:
        """Each piece's embedding and character span."""
        encoding = self.tokenizer.encode(text, add_special_tokens=False)
        return self.table[np.array(encoding.ids, dtype=np.int64)], list(encoding.offsets)

    def sentence(self, text: str) -> np.ndarray:
        vectors, _ = self.pieces(text)
        return _normalised(vectors.mean(axis=0)) if len(vectors) else np.zeros(self.dimensions, np.float32)


def _normalised(vector: np.ndarray) -> np.ndarray:
    norm = np.linalg.norm(vector)
    return vector / norm if norm > 0 else vector


_EMBEDDINGS: WordLlamaEmbeddings | None = None


def shared_embeddings() -> WordLlamaEmbeddings:
    """One table per process (16 MB), however many graph nodes ask for it."""
    global _EMBEDDINGS
    if _EMBEDDINGS is None:
        _EMBEDDINGS = WordLlamaEmbeddings()
    return _EMBEDDINGS


def sentence_embeddings(texts: Iterable[str]) -> np.ndarray:
    """One normalised sentence embedding per text, as rows."""
    embeddings = shared_embeddings()
    return np.vstack([embeddings.sentence(text) for text in texts])
