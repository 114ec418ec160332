"""Hits -> terminal text: rank, heading path, file:line, score, and the lines that answer the question."""

from __future__ import annotations

import re

import click

from cli.options import some
from indexer.bestlines import with_parents
from indexer.tokenize import tokenize

SHORT_SECTION = 6  # a section this short is shown whole; a longer one is cut to its best lines
WORD = re.compile(r"[A-Za-z0-9]+(?:[-.'/][A-Za-z0-9]+)*")


def shown_lines(numbered: list[tuple[int, str]], best: set[int], full: bool = False) -> list[tuple[int, str] | None]:
    """The lines to print, None marking skipped lines: all of a short section (or with full=True),
    otherwise the best lines with their parent bullets."""
    if full or len([1 for _, line in numbered if line.strip()]) <= SHORT_SECTION or not best:
        return list(numbered)
    keep = with_parents(numbered, best)
    out: list[tuple[int, str] | None] = []
    for i, item in enumerate(numbered):
        if item[0] in keep:
            if i > 0 and numbered[i - 1][0] not in keep and (not out or out[-1] is not None):
                out.append(None)
            out.append(item)
    if numbered and numbered[-1][0] not in keep:
        out.append(None)
    return out


def highlight(line: str, terms: set[str]) -> str:
    """Bold every word of the line that is one of the question's terms."""
    return WORD.sub(lambda m: click.style(m.group(0), bold=True, fg="yellow")
                    if terms & set(tokenize(m.group(0))) else m.group(0), line)


def format_hit(hit, color: bool = True, terms: set[str] | None = None, full: bool = False) -> str:
    """One result as a block of terminal text."""
    heading = " > ".join(hit.path[1:] or hit.path)
    title = f"{hit.rank}. {heading}"
    where = f"   {hit.file}:{hit.line_start}   score {hit.score:.3f}"
    lines = [click.style(title, bold=True) if color else title, click.style(where, dim=True) if color else where]
    best = set(hit.best_lines)
    for item in shown_lines(hit.lines(), best, full):
        if item is None:
            lines.append("   ┆ …")
            continue
        n, text = item
        shown = highlight(text, terms) if color and terms else text
        lines.append(f"   ▶ {shown}" if n in best else f"   │ {shown}")
    return "\n".join(lines)


def format_answer(answer, color: bool = True, full: bool = False) -> str:
    """The whole answer: what was searched for, the confidence verdict, then each hit."""
    plan = answer.plan
    head = []
    if plan.searched_for:
        head.append(f"searched for: {plan.searched_for}")
    if plan.read_as:
        head.append("expanded: " + ", ".join(f"{said} = {meant}" for said, meant in plan.read_as.items()))
    if not answer.hits:
        return "\n".join(head + ["No matching sections. Try other words, or --mode dense for meaning rather than words."])
    if not answer.confident:
        unknown = some(plan.unknown_names)
        why = f"; the notes never mention {unknown}" if unknown else ""
        warn = f"No confident match (confidence {answer.confidence:.2f}{why}). The nearest sections, which may not answer it:"
        head.append(click.style(warn, fg="red", bold=True) if color else warn)
    terms = set(plan.terms) | {t for side in plan.sides for t in side.terms}
    body = "\n\n".join(format_hit(h, color, terms, full) for h in answer.hits)
    return "\n".join(head + [""] + [body]) if head else body
