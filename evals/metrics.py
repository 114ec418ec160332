"""Retrieval metrics over ranked heading paths: hit@k, recall@k and MRR."""

from __future__ import annotations

from collections.abc import Sequence

KS = (1, 3, 5)


def matches(reference: str, path: Sequence[str]) -> bool:
    """A reference ("Heading" or "Parent > Heading") names a section whose path ends with those segments."""
    ref = [s.strip().casefold() for s in reference.split(">")]
    tail = [s.strip().casefold() for s in path[-len(ref):]]
    return len(path) >= len(ref) and tail == ref


def found_at(relevant: Sequence[str], ranked: Sequence[Sequence[str]]) -> list[int | None]:
    """For each reference, the 1-based rank of the first result it names, or None."""
    return [next((r for r, path in enumerate(ranked, start=1) if matches(ref, path)), None) for ref in relevant]


def hit_at(relevant: Sequence[str], ranked: Sequence[Sequence[str]], k: int) -> float:
    """1.0 if any relevant section is in the top k (Manning et al., IR book, ch. 8)."""
    return float(any(r is not None and r <= k for r in found_at(relevant, ranked)))


def recall_at(relevant: Sequence[str], ranked: Sequence[Sequence[str]], k: int) -> float:
    """Share of the relevant sections that are in the top k."""
    ranks = found_at(relevant, ranked)
    return sum(r is not None and r <= k for r in ranks) / len(ranks)


def reciprocal_rank(relevant: Sequence[str], ranked: Sequence[Sequence[str]]) -> float:
    """1 / rank of the first relevant result, 0 if none (Voorhees, TREC-8 QA track, 1999)."""
    ranks = [r for r in found_at(relevant, ranked) if r is not None]
    return 1.0 / min(ranks) if ranks else 0.0


def summarize(rows: list[dict]) -> dict:
    """Mean of each metric over per-question rows (each row holds the metric keys)."""
    keys = [f"hit@{k}" for k in KS] + [f"recall@{k}" for k in KS] + ["mrr"]
    n = len(rows)
    return {"n": n, **{key: round(sum(r[key] for r in rows) / n, 4) if n else 0.0 for key in keys}}


def score_question(relevant: Sequence[str], ranked: Sequence[Sequence[str]]) -> dict:
    """All metrics for one in-domain question."""
    row = {f"hit@{k}": hit_at(relevant, ranked, k) for k in KS}
    row.update({f"recall@{k}": recall_at(relevant, ranked, k) for k in KS})
    row["mrr"] = reciprocal_rank(relevant, ranked)
    return row
