"""Each section said in everyday words too: the everyday phrases (lexicon.LAY_PHRASES) of the terms a
section is about, embedded beside its chunks as its "lay" vectors (document expansion).

A question in everyday words ("the early layers stop learning because the updates shrink") often sits
nearer the everyday phrases for a term ("gradients shrink", "early layers stop learning", "deep network
won't learn") than any line the notes write about it. Search adds a share of how far a section's best lay
cosine beats its own dense score (SearchSettings.w_lay), and a share of its lay phrases' BM25 score to the
lexical one (SearchSettings.w_lay_terms); confidence reads the best lay cosine where it beats the best
section's (Searcher.dense).

A section is about a term when its own heading holds it ("Vanishing gradient problem (ways to tackle
them)"), or, for a term no heading holds, when at most BuildSettings.lay_body_sections sections write it
anywhere ("true positive", written only under "Confusion Matrix"). Terms match as BM25 terms in order
(tokenize: plurals folded, stopwords gone), so "Principal Components" holds "principal component".
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from . import tokenize as tok
from .lexicon import LAY_PHRASES
from .parse import Section


MAX_CANDIDATES = 200  # sections holding all of a term's words, past which none is checked


@dataclass(frozen=True)
class LayChunk:
    """Everyday phrases for the terms one section is about, as one text for the embedder."""

    section: int  # index into the section list
    terms: tuple[str, ...]  # the notes' terms whose phrases these are
    text: str  # the phrases, "; " between


def lexicon_sha256(lexicon: Mapping[str, Sequence[str]] = LAY_PHRASES) -> str:
    """What the manifest records, so an index made with other phrases is rebuilt."""
    return hashlib.sha256(json.dumps(lexicon, sort_keys=True).encode("utf-8")).hexdigest()


def lay_chunks(sections: Sequence[Section], terms: Sequence[Sequence[str]], per_chunk: int = 8,
               body_sections: int = 2, lexicon: Mapping[str, Sequence[str]] = LAY_PHRASES) -> list[LayChunk]:
    """The lay chunks of a corpus: for each section, in order, the phrases of the terms it is about
    (above), per_chunk phrases to a chunk. `terms` are each section's BM25 terms (heading and body; only
    their presence is read). None when per_chunk is 0."""
    if per_chunk <= 0:
        return []
    heads = [tok.tokenize(s.path[-1]) for s in sections]
    postings: dict[str, set[int]] = {}  # term -> the sections holding it anywhere (heading or body)
    heading_postings: dict[str, set[int]] = {}  # term -> the sections whose own heading holds it
    for i, section_terms in enumerate(terms):
        for t in set(section_terms):
            postings.setdefault(t, set()).add(i)
        for t in set(heads[i]):
            heading_postings.setdefault(t, set()).add(i)
    written: dict[int, list[str]] = {}  # a section's own heading and body as terms, made when first needed

    def writes(i: int, words: list[str]) -> bool:
        if i not in written:
            written[i] = tok.tokenize(f"{sections[i].path[-1]}\n{sections[i].text}")
        return _holds(written[i], words)

    about: dict[int, list[str]] = {}
    for term in lexicon:
        words = tok.tokenize(term)
        if not words:
            continue
        named = set.intersection(*(heading_postings.get(w, set()) for w in words))
        owners = sorted(i for i in named if _holds(heads[i], words))
        if not owners:
            candidates = set.intersection(*(postings.get(w, set()) for w in words))
            if len(candidates) <= MAX_CANDIDATES:  # else written all over: about none of them
                owners = sorted(i for i in candidates if writes(i, words))
            if len(owners) > body_sections:
                owners = []
        for i in owners:
            about.setdefault(i, []).append(term)
    out = []
    for i in sorted(about):
        phrases = [(term, p) for term in about[i] for p in lexicon[term]]
        for j in range(0, len(phrases), per_chunk):
            run = phrases[j:j + per_chunk]
            out.append(LayChunk(i, tuple(dict.fromkeys(term for term, _ in run)), "; ".join(p for _, p in run)))
    return out


def lay_terms(lay: Sequence[LayChunk], sections: int) -> list[list[str]]:
    """Each section's lay phrases as BM25 terms (tokenize), [] for a section with none: what a question's
    own terms are matched against beside the notes' (Searcher.lay_match)."""
    out: list[list[str]] = [[] for _ in range(sections)]
    for chunk in lay:
        out[chunk.section] += tok.tokenize(chunk.text)
    return out


def _holds(words: Sequence[str], run: Sequence[str]) -> bool:
    """Does a list of terms hold `run`, in order, side by side?"""
    n = len(run)
    return any(list(words[k:k + n]) == list(run) for k in range(len(words) - n + 1))
