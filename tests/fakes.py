"""A deterministic stand-in for the embedding model, for tests whose behaviour does not depend on it."""

from __future__ import annotations

import hashlib

import numpy as np

from indexer.tokenize import tokenize


class FakeEmbedder:
    """Hashed bag-of-words vectors: texts sharing terms are close, and nothing is loaded."""

    model_id = "fake-embedder"
    sha256 = "0" * 64
    dim = 64

    def __init__(self):
        self.calls = 0
        self.texts_embedded = 0

    def encode(self, texts, batch_size=32, progress=None):
        self.calls += 1
        self.texts_embedded += len(texts)
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for term in tokenize(text) or ["\x00"]:
                out[row, int(hashlib.md5(term.encode()).hexdigest(), 16) % self.dim] += 1.0
        out /= np.linalg.norm(out, axis=1, keepdims=True)
        if progress:
            progress(len(texts), len(texts))
        return out
