"""BM25 over section terms, with the rank-bm25 variant chosen by name.

Variant choice (measured on the tuning split of evals/questions.yaml, see README "Choices"):
BM25Okapi floors the IDF of terms that occur in over half the documents at epsilon * mean IDF, which on
an ~80-section corpus turns common-but-meaningful words ("data", "model") into noise; BM25Plus's IDF
log((N+1)/df) stays positive and it adds a lower bound delta for long sections.
"""

from __future__ import annotations

import numpy as np
from rank_bm25 import BM25L, BM25Okapi, BM25Plus

VARIANTS = {"okapi": BM25Okapi, "l": BM25L, "plus": BM25Plus}
DEFAULT_VARIANT = "plus"


class BM25:
    """Scores every document for a list of query terms."""

    def __init__(self, docs: list[list[str]], variant: str = DEFAULT_VARIANT, k1: float = 1.2, b: float = 0.75):
        if variant not in VARIANTS:
            raise ValueError(f"unknown BM25 variant {variant!r}; choose from {sorted(VARIANTS)}")
        self.variant = variant
        self.size = len(docs)
        # rank-bm25 divides by the mean length; an all-empty corpus would divide by zero.
        self._bm25 = VARIANTS[variant]([d or ["\x00"] for d in docs], k1=k1, b=b)
        self._postings: dict[str, list[int]] = {}
        for i, doc in enumerate(docs):
            for term in set(doc):
                self._postings.setdefault(term, []).append(i)

    def scores(self, terms: list[str]) -> np.ndarray:
        """BM25 score of each document, 0 for documents that share no term with the query."""
        known = [t for t in terms if t in self._postings]
        out = np.zeros(self.size, dtype=np.float32)
        if not known:
            return out
        # BM25Plus/BM25L give every document a small score for every query term (their lower bound
        # delta), matching or not; keep only documents that contain at least one query term.
        hit = np.unique(np.concatenate([self._postings[t] for t in set(known)]))
        out[hit] = np.asarray(self._bm25.get_scores(known), dtype=np.float32)[hit]
        return out
