"""BM25 over section terms, with the rank-bm25 variant chosen by name.

Variant choice. On the tuning half of evals/questions.yaml (python -m evals.tune, best hybrid MRR) plus
and okapi both score 0.948, l 0.937. BM25Okapi's IDF,
log((N - df + 0.5) / (df + 0.5)), is 0 for a term in exactly half the sections and negative (floored to
epsilon * mean IDF) above that, so on a small folder of notes a query word found in 2 of 4 sections scores
nothing at all. BM25Plus's IDF, log((N + 1) / df), is positive for every term, so it is the default.
"""

from __future__ import annotations

from collections.abc import Mapping

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

    @property
    def idf(self) -> dict[str, float]:
        return self._bm25.idf

    def document_frequencies(self) -> dict[str, int]:
        """How many documents hold each term: the vocabulary typos are corrected against."""
        return {term: len(docs) for term, docs in self._postings.items()}

    def upper_bound(self, terms: list[str], weights: Mapping[str, float] | None = None) -> float:
        """The most any document could score for these terms: each term's IDF times its largest
        possible term-frequency factor (k1 + 1, plus delta for BM25L/BM25Plus), times its weight."""
        bm, weights = self._bm25, weights or {}
        delta = getattr(bm, "delta", 0.0)
        return float(sum(bm.idf.get(t, 0.0) * weights.get(t, 1.0) * (bm.k1 + 1 + delta)
                         for t in terms if t in self._postings))

    def normalized(self, terms: list[str], weights: Mapping[str, float] | None = None) -> np.ndarray:
        """Scores as a share of upper_bound: near 1 only when a section matches every term strongly
        (the "theoretical min-max" normalisation of Bruch, Gai & Ingber, 2023)."""
        bound = self.upper_bound(terms, weights)
        return self.scores(terms, weights) / bound if bound > 0 else np.zeros(self.size, dtype=np.float32)

    def scores(self, terms: list[str], weights: Mapping[str, float] | None = None) -> np.ndarray:
        """BM25 score of each document, 0 for documents that share no term with the query. A term in
        `weights` counts that share of its score (QueryPlan.weights); the rest count whole."""
        known = [t for t in terms if t in self._postings]
        out = np.zeros(self.size, dtype=np.float32)
        if not known:
            return out
        # BM25Plus/BM25L give every document a small score for every query term (their lower bound
        # delta), matching or not; keep only documents that contain at least one query term.
        hit = np.unique(np.concatenate([self._postings[t] for t in set(known)]))
        out[hit] = np.asarray(self._weighted(known, weights) if weights else self._bm25.get_scores(known),
                              dtype=np.float32)[hit]
        return out

    def _weighted(self, terms: list[str], weights: Mapping[str, float]) -> np.ndarray:
        """rank-bm25's scores with each term's own scaled by its weight: its sum over the terms, one at a time."""
        return sum(weights.get(t, 1.0) * np.asarray(self._bm25.get_scores([t])) for t in terms)
