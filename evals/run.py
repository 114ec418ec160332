"""Run a question set against a searcher: one summary per mode, overall and by question type."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .metrics import score_question, summarize
from .questions import Question

DEPTH = 10  # results retrieved per question; MRR counts a first relevant result down to this rank


def evaluate(search: Callable[[str, int, str], list], questions: Iterable[Question], modes: Iterable[str],
             depth: int = DEPTH) -> list[dict]:
    """search(question, k, mode) -> hits with a .path; returns one dict per mode."""
    questions = [q for q in questions if q.in_domain]
    results = []
    for mode in modes:
        rows = []
        for q in questions:
            ranked = [hit.path for hit in search(q.question, depth, mode)]
            rows.append({"type": q.type, **score_question(q.relevant, ranked)})
        by_type = {t: summarize([r for r in rows if r["type"] == t]) for t in sorted({r["type"] for r in rows})}
        results.append({"mode": mode, **summarize(rows), "by_type": by_type})
    return results


def misses(search: Callable[[str, int, str], list], questions: Iterable[Question], mode: str, k: int = 3) -> list[tuple]:
    """(question, relevant, top-k paths) for each in-domain question with no relevant section in the top k."""
    from .metrics import hit_at

    out = []
    for q in questions:
        if not q.in_domain:
            continue
        ranked = [hit.path for hit in search(q.question, k, mode)]
        if not hit_at(q.relevant, ranked, k):
            out.append((q, ranked))
    return out
