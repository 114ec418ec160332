"""Two rankings -> one: fusion rules for BM25 and dense scores over the same sections.

Each rule takes the two score arrays (higher is better; BM25 0 means "no shared term") and returns one
fused score per section. Which rule and weights are the default was measured on the tuning split of
evals/questions.yaml (README, "Choices").
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

RRF_K = 60


def ranks(scores: np.ndarray, floor: float | None = None) -> np.ndarray:
    """1-based rank of each score (ties broken by position); inf for scores at or below `floor`."""
    order = np.argsort(-scores, kind="stable")
    r = np.empty(len(scores), dtype=np.float64)
    r[order] = np.arange(1, len(scores) + 1)
    if floor is not None:
        r[scores <= floor] = np.inf
    return r


def rrf(bm25: np.ndarray, dense: np.ndarray, w_bm25: float = 1.0, w_dense: float = 1.0, k: int = RRF_K) -> np.ndarray:
    """Weighted reciprocal rank fusion, sum of w / (k + rank) (Cormack, Clarke & Buettcher, SIGIR 2009)."""
    return w_bm25 / (k + ranks(bm25, floor=0.0)) + w_dense / (k + ranks(dense))


def minmax(scores: np.ndarray) -> np.ndarray:
    """Scale to [0, 1] over the candidates; all-equal scores become 0."""
    if not len(scores):
        return np.zeros(0)
    lo, hi = float(scores.min()), float(scores.max())
    return np.zeros_like(scores, dtype=np.float64) if hi - lo < 1e-12 else (scores - lo) / (hi - lo)


def linear(bm25: np.ndarray, dense: np.ndarray, w_bm25: float = 1.0, w_dense: float = 1.0, k: int = RRF_K) -> np.ndarray:
    """Convex combination of min-max normalised scores (Bruch, Gai & Ingber, "An Analysis of Fusion Functions", 2023)."""
    total = w_bm25 + w_dense
    return (w_bm25 * minmax(bm25) + w_dense * minmax(dense)) / total


def weighted(bm25: np.ndarray, dense: np.ndarray, w_bm25: float = 1.0, w_dense: float = 1.0, k: int = RRF_K) -> np.ndarray:
    """Weighted sum of BM25 as a share of its query's upper bound and raw cosine (Bruch et al. 2023, "TMM")."""
    return w_bm25 * bm25 + w_dense * dense


FUSIONS: dict[str, Callable[..., np.ndarray]] = {"rrf": rrf, "linear": linear, "weighted": weighted}


def fuse(method: str, bm25: np.ndarray, dense: np.ndarray, **weights: float) -> np.ndarray:
    """Dispatch to a fusion rule by name."""
    if method not in FUSIONS:
        raise ValueError(f"unknown fusion {method!r}; choose from {sorted(FUSIONS)}")
    return FUSIONS[method](bm25, dense, **weights)
