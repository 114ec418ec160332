"""Hits -> terminal text: rank, heading path, file:line, score, and the section's lines around the matches."""

from __future__ import annotations

import click

MAX_LINES = 12  # a section longer than this is trimmed to the lines around its matches
CONTEXT = 1


def shown_lines(numbered: list[tuple[int, str]], matched: set[int], limit: int = MAX_LINES) -> list[tuple[int, str] | None]:
    """The lines to show: all of a short section; for a long one the matched lines with a line of context
    each side (and each sub-bullet's parent), None marking a gap."""
    if len(numbered) <= limit:
        return list(numbered)
    keep: set[int] = set()
    for i, (n, line) in enumerate(numbered):
        if n in matched:
            keep.update(range(max(0, i - CONTEXT), min(len(numbered), i + CONTEXT + 1)))
            keep.add(_parent(numbered, i))
    if not keep:
        keep = set(range(limit))
    picked = sorted(keep)[:limit]
    out: list[tuple[int, str] | None] = []
    for prev, i in zip([None] + picked, picked):
        if prev is not None and i != prev + 1 or prev is None and i > 0:
            out.append(None)
        out.append(numbered[i])
    if picked[-1] < len(numbered) - 1:
        out.append(None)
    return out


def _parent(numbered: list[tuple[int, str]], i: int) -> int:
    """Index of the nearest line above i that is less indented (the bullet a sub-bullet belongs to)."""
    indent = len(numbered[i][1]) - len(numbered[i][1].lstrip())
    for j in range(i - 1, -1, -1):
        line = numbered[j][1]
        if line.strip() and len(line) - len(line.lstrip()) < indent:
            return j
    return i


def format_hit(hit, color: bool = True) -> str:
    """One result as a block of terminal text."""
    heading = " > ".join(hit.path[1:] or hit.path)
    title = click.style(f"{hit.rank}. {heading}", bold=True) if color else f"{hit.rank}. {heading}"
    where = f"   {hit.file}:{hit.line_start}   score {hit.score:.4f}"
    body_start = hit.line_end - hit.text.count("\n")
    numbered = list(enumerate(hit.text.split("\n"), start=body_start))
    matched = set(hit.matched_lines)
    lines = [title, click.style(where, dim=True) if color else where]
    for item in shown_lines(numbered, matched):
        if item is None:
            lines.append("   ┆ …")
            continue
        n, text = item
        if n in matched:
            lines.append(("   ▶ " + click.style(text, bold=True)) if color else f"   ▶ {text}")
        else:
            lines.append(f"   │ {text}")
    return "\n".join(lines)
