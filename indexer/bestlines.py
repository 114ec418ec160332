"""Section -> the lines that answer the question: the bullets sharing the most (rarest) question terms,
or, when no word is shared, the lines of the chunk the embedder matched best."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from . import tokenize as tok
from .parse import Section

MAX_LINES = 4
SHARE_OF_BEST = 0.5  # a line makes the cut if it scores at least half the best line's score


LineTerms = list[tuple[int, frozenset[str]]]  # a section body's non-blank lines: (line number, terms)


def line_terms(section: Section) -> LineTerms:
    """Each non-blank body line's BM25 terms, computed once per section and reused for every question."""
    return [(n, frozenset(tok.tokenize(line))) for n, line in section.lines() if line.strip()]


def matching_lines(lines: LineTerms, terms: list[str], idf: Mapping[str, float]) -> list[int]:
    """Line numbers of the lines sharing the most (rarest) question terms, in file order: each line
    scores the summed IDF of the distinct terms it shares; [] when no line shares a term."""
    wanted = set(terms)
    scores = {n: sum(max(idf.get(t, 0.0), 0.0) for t in wanted & have) for n, have in lines
              if not wanted.isdisjoint(have)}  # a line sharing no term scores 0, never picked
    top = max(scores.values(), default=0.0)
    if top <= 0:
        return []
    picked = sorted((n for n, s in scores.items() if s >= SHARE_OF_BEST * top), key=lambda n: -scores[n])
    return sorted(picked[:MAX_LINES])


def best_lines(lines: LineTerms, term_groups: list[list[str]], idf: Mapping[str, float],
               fallback: tuple[int, int] | Callable[[], tuple[int, int] | None] | None = None) -> list[int]:
    """The matching lines of each group of terms (one group a question, or one for each side of
    "X vs Y"), together; with no shared term at all, the lines of the best chunk, `fallback` (first,
    last line, or a function giving them, called only then), or else the first lines."""
    found = sorted({n for terms in term_groups for n in matching_lines(lines, terms, idf)})
    if found:
        return found
    numbers = [n for n, _ in lines]
    if callable(fallback):
        fallback = fallback()
    if fallback:
        numbers = [n for n in numbers if fallback[0] <= n <= fallback[1]] or numbers
    return numbers[:MAX_LINES]


def with_parents(numbered: list[tuple[int, str]], wanted: set[int]) -> set[int]:
    """The wanted line numbers plus, for each sub-bullet, the bullets it hangs from: the context a
    reader needs. `numbered` is a body as (line number, line) pairs."""
    keep = set(wanted)
    for i, (n, line) in enumerate(numbered):
        if n not in wanted:
            continue
        indent = len(line) - len(line.lstrip())
        for m, above in reversed(numbered[:i]):
            depth = len(above) - len(above.lstrip())
            if above.strip() and depth < indent:
                keep.add(m)
                indent = depth
    return keep
