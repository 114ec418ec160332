"""Run a question set against a searcher: one summary per mode, overall and by question type."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import numpy as np

from .metrics import hit_at, score_question, summarize
from .questions import Question

if TYPE_CHECKING:
    from indexer.embed import Embedder

DEPTH = 10  # results retrieved per question; MRR counts a first relevant result down to this rank


class MemoEmbedder:
    """Wraps an embedder so that each question is embedded once, however many modes or settings ask."""

    def __init__(self, inner: Embedder):
        self.inner, self.memo = inner, {}
        self.model_id, self.sha256 = inner.model_id, inner.sha256

    def encode(self, texts, **kw):
        missing = [t for t in texts if t not in self.memo]
        if missing:
            for t, v in zip(missing, self.inner.encode(missing, **kw)):
                self.memo[t] = v
        return np.stack([self.memo[t] for t in texts])


def answered(hits: list) -> bool:
    """The searcher gave a confident answer (not "No confident match")."""
    return bool(hits) and getattr(hits[0], "confident", True)


def evaluate(search: Callable[[str, int, str], list], questions: Iterable[Question], modes: Iterable[str],
             depth: int = DEPTH) -> list[dict]:
    """search(question, k, mode) -> hits with .path (and .confident); returns one dict per mode.

    Ranking metrics count in-domain questions only; abstain_ood is the share of out-of-domain questions
    answered "No confident match", answer_in_domain the share of in-domain questions answered."""
    questions = list(questions)
    results = []
    for mode in modes:
        rows, ood = [], []
        for q in questions:
            hits = search(q.question, depth, mode)
            if q.in_domain:
                rows.append({"type": q.type, "answered": answered(hits),
                             **score_question(q.relevant, [h.path for h in hits])})
            else:
                ood.append(not answered(hits))
        by_type = {t: summarize([r for r in rows if r["type"] == t]) for t in sorted({r["type"] for r in rows})}
        results.append({
            "mode": mode, **summarize(rows), "by_type": by_type,
            "abstain_ood": round(sum(ood) / len(ood), 4) if ood else None,
            "answer_in_domain": round(sum(r["answered"] for r in rows) / len(rows), 4) if rows else None,
        })
    return results


def misses(search: Callable[[str, int, str], list], questions: Iterable[Question], mode: str, k: int = 3) -> list[tuple]:
    """(question, top-k paths) for each in-domain question with no relevant section in the top k."""
    out = []
    for q in questions:
        if q.in_domain:
            ranked = [hit.path for hit in search(q.question, k, mode)]
            if not hit_at(q.relevant, ranked, k):
                out.append((q, ranked))
    return out


def abstain_errors(search: Callable[[str, int, str], list], questions: Iterable[Question],
                   mode: str) -> tuple[list[tuple], list[tuple]]:
    """The abstaining mistakes: (question, first hit) for each out-of-domain question answered, and for
    each in-domain question answered "No confident match"."""
    answered_ood, refused = [], []
    for q in questions:
        hits = search(q.question, 1, mode)
        if hits and q.in_domain != answered(hits):
            (refused if q.in_domain else answered_ood).append((q, hits[0]))
    return answered_ood, refused
