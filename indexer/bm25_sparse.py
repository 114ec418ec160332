"""BM25 as asknotes runs it: rank-bm25's formulas over an inverted index, so a query term costs a few numpy
operations instead of a Python loop over every document.

rank-bm25's get_scores builds each query term's frequency column with `doc.get(term)` over every
document's dict, a Python loop: 2.5 ms a query at 5k sections, 18 ms at 30k, 45 ms at 60k on this
machine, and a dict per document in memory. `InvertedIndex` keeps each term's (document, frequency)
postings in numpy arrays and evaluates rank-bm25's expressions in the same order and precision, so
its scores are bit-for-bit rank-bm25's (tests/test_speed_bm25.py, on the bundled notes and every eval
question): 0.2 ms at 5k, 3 ms at 60k.

It used to take over only from 2,000 sections. It now runs at every size: even on the bundled notes'
76 sections, rank-bm25's loop cost 0.23 ms of a warm query (median over the eval's questions, timed in
place, right after the question's embedding has left the caches cold) and the inverted index 0.12 ms,
out of a budget of half the embedding's 3.8 ms (python -m evals.bench; README, "Performance").
rank-bm25 (bm25.BM25) stays as the reference the tests compare against.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from .bm25 import BM25, DEFAULT_VARIANT, VARIANTS

class InvertedIndex:
    """rank-bm25's BM25Okapi / BM25L / BM25Plus (idf, k1, b, delta, get_scores) over postings arrays."""

    def __init__(self, docs: list[list[str]], variant: str, k1: float, b: float):
        self.variant, self.k1, self.b = variant, k1, b
        self.delta = {"okapi": 0.0, "l": 0.5, "plus": 1.0}[variant]  # rank-bm25's defaults
        self.epsilon = 0.25
        # Term ids in order of first appearance: the order rank-bm25's idf dict is filled in.
        vocab: dict[str, int] = {}
        ids = np.fromiter((vocab.setdefault(t, len(vocab)) for doc in docs for t in doc), dtype=np.int64)
        self.corpus_size = len(docs)
        self.doc_len = np.array([len(doc) for doc in docs])
        self.avgdl = int(self.doc_len.sum()) / self.corpus_size
        self.norm = 1 - self.b + self.b * self.doc_len / self.avgdl  # the length part of every formula
        # (term, document) pairs and their counts, sorted by term: one postings run per term.
        pairs, tf = np.unique(ids * self.corpus_size + np.repeat(np.arange(self.corpus_size), self.doc_len),
                              return_counts=True)
        term, doc = np.divmod(pairs, self.corpus_size)
        starts = np.searchsorted(term, np.arange(len(vocab) + 1))
        doc, tf = doc.astype(np.int32), tf.astype(np.int32)
        self.postings = {t: (doc[starts[i]:starts[i + 1]], tf[starts[i]:starts[i + 1]]) for t, i in vocab.items()}
        self.idf = IDF[variant](self, dict(zip(vocab, np.diff(starts).tolist())))

    def get_scores(self, query: list[str], weights: Mapping[str, float] | None = None) -> np.ndarray:
        """Score of every document, as rank-bm25's get_scores computes it; with weights, each term's own
        scaled by its weight (1 if not given), as BM25.scores does for rank-bm25."""
        if not query:
            return np.zeros(self.corpus_size)
        # All terms at once, one row each: numpy adds rows in order (the reduction runs along axis 0 row
        # by row), as rank-bm25's `score += ...` does, so the sums are the same bit for bit (a test checks).
        q_freq = np.zeros((len(query), self.corpus_size), dtype=np.int64)
        for row, q in enumerate(query):
            if q in self.postings:
                ids, tfs = self.postings[q]
                q_freq[row, ids] = tfs
        idf = np.array([self.idf.get(q) or 0 for q in query], dtype=np.float64)[:, None]
        if weights:
            idf = idf * np.array([weights.get(q, 1.0) for q in query])[:, None]
        return TERM[self.variant](self, idf, q_freq).sum(axis=0)


def idf_okapi(bm: InvertedIndex, nd: dict[str, int]) -> dict[str, float]:
    """log((N - df + 0.5) / (df + 0.5)), negatives floored at epsilon * mean idf (rank-bm25 BM25Okapi)."""
    idf, total, negative = {}, 0, []
    for word, freq in nd.items():
        idf[word] = value = math.log(bm.corpus_size - freq + 0.5) - math.log(freq + 0.5)
        total += value
        if value < 0:
            negative.append(word)
    eps = bm.epsilon * (total / len(idf))
    for word in negative:
        idf[word] = eps
    return idf


def idf_l(bm: InvertedIndex, nd: dict[str, int]) -> dict[str, float]:
    """log(N + 1) - log(df + 0.5) (rank-bm25 BM25L)."""
    return {word: math.log(bm.corpus_size + 1) - math.log(freq + 0.5) for word, freq in nd.items()}


def idf_plus(bm: InvertedIndex, nd: dict[str, int]) -> dict[str, float]:
    """log((N + 1) / df) (rank-bm25 BM25Plus)."""
    return {word: math.log((bm.corpus_size + 1) / freq) for word, freq in nd.items()}


def term_okapi(bm: InvertedIndex, idf: float, q_freq: np.ndarray) -> np.ndarray:
    """idf * tf (k1 + 1) / (tf + k1 norm) (Robertson et al.; rank-bm25 BM25Okapi)."""
    return idf * (q_freq * (bm.k1 + 1) / (q_freq + bm.k1 * bm.norm))


def term_l(bm: InvertedIndex, idf: float, q_freq: np.ndarray) -> np.ndarray:
    """idf * tf (k1 + 1) (ctd + delta) / (k1 + ctd + delta), ctd = tf / norm (Lv & Zhai 2011; rank-bm25 BM25L)."""
    ctd = q_freq / bm.norm
    return idf * q_freq * (bm.k1 + 1) * (ctd + bm.delta) / (bm.k1 + ctd + bm.delta)


def term_plus(bm: InvertedIndex, idf: float, q_freq: np.ndarray) -> np.ndarray:
    """idf * (delta + tf (k1 + 1) / (k1 norm + tf)) (Lv & Zhai 2011; rank-bm25 BM25Plus)."""
    return idf * (bm.delta + (q_freq * (bm.k1 + 1)) / (bm.k1 * bm.norm + q_freq))


IDF = {"okapi": idf_okapi, "l": idf_l, "plus": idf_plus}
TERM = {"okapi": term_okapi, "l": term_l, "plus": term_plus}


class SparseBM25(BM25):
    """bm25.BM25 (same methods, same scores) with rank-bm25 replaced by an InvertedIndex."""

    def __init__(self, docs: list[list[str]], variant: str = DEFAULT_VARIANT, k1: float = 1.2, b: float = 0.75):
        if variant not in VARIANTS:
            raise ValueError(f"unknown BM25 variant {variant!r}; choose from {sorted(VARIANTS)}")
        self.variant = variant
        self.size = len(docs)
        self._bm25 = InvertedIndex([d or ["\x00"] for d in docs], variant, k1, b)  # as BM25 does
        self._postings = {t: ids for t, (ids, _) in self._bm25.postings.items() if t != "\x00"}

    def _weighted(self, terms: list[str], weights: Mapping[str, float]) -> np.ndarray:
        return self._bm25.get_scores(terms, weights)


def bm25_for(docs: list[list[str]], variant: str = DEFAULT_VARIANT, b: float = 0.75) -> BM25:
    """The BM25 a Searcher runs: rank-bm25's scores, from the inverted index; b its length normalisation
    (SearchSettings.bm25_b)."""
    return SparseBM25(docs, variant, b=b)
