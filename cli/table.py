"""Eval results -> a plain-text (and Markdown-compatible) table."""

from __future__ import annotations

COLUMNS = ("n", "hit@1", "hit@3", "hit@5", "recall@1", "recall@3", "recall@5", "mrr")


def eval_table(results: list[dict]) -> str:
    """Overall rows, one per mode, then one row per (type, mode)."""
    header = "| mode | type | " + " | ".join(COLUMNS) + " |"
    lines = [header, "|" + "---|" * (len(COLUMNS) + 2)]
    for r in results:
        lines.append(_row(r["mode"], "all", r))
    types = sorted({t for r in results for t in r["by_type"]})
    for t in types:
        for r in results:
            if t in r["by_type"]:
                lines.append(_row(r["mode"], t, r["by_type"][t]))
    return "\n".join(lines)


def _row(mode: str, qtype: str, m: dict) -> str:
    cells = [str(m["n"])] + [f"{m[c]:.3f}" for c in COLUMNS[1:]]
    return f"| {mode} | {qtype} | " + " | ".join(cells) + " |"
