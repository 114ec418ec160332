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

Each lay chunk holds one term's phrases (term_texts), so its text is the same whatever the notes: the
default model's vectors of every such text ship beside this module (lay_vectors.npy, as offtopic.py's do),
and a build embeds only the notes. Grouping a section's phrases across its terms instead ranked the same
(tune half short-question MRR 0.960 against 0.959 by term; the read batches d-* to an-* 0.940 against 0.941).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import shipped
from . import tokenize as tok
from .lexicon import LAY_PHRASES
from .parse import Section


MAX_CANDIDATES = 200  # sections holding all of a term's words, past which none is checked
# The default model's vectors of every lexicon text (lexicon_texts), so a first build embeds only the notes
# (the bundled notes' 885 lay chunks took 3.8 s of a 16.9 s first build); `python -m indexer.lay` writes them.
SHIPPED = Path(__file__).with_name("lay_vectors.npy")
SHIPPED_INFO = Path(__file__).with_name("lay_vectors.json")


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
    """The lay chunks of a corpus: for each section, in order, each term it is about (above), its phrases
    per_chunk to a chunk (term_texts). `terms` are each section's BM25 terms (heading and body; only
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
    return [LayChunk(i, (term,), text) for i in sorted(about) for term in about[i]
            for text in term_texts(lexicon[term], per_chunk)]


def term_texts(phrases: Sequence[str], per_chunk: int) -> list[str]:
    """One term's phrases as the texts of its lay chunks, per_chunk to a text, "; " between: the same
    whatever the notes, so their vectors can ship with the lexicon (lexicon_texts)."""
    return ["; ".join(phrases[j:j + per_chunk]) for j in range(0, len(phrases), per_chunk)]


def lexicon_texts(per_chunk: int, lexicon: Mapping[str, Sequence[str]] = LAY_PHRASES) -> list[str]:
    """Every lay chunk text the lexicon can give, term by term, once each: the rows of the shipped vectors."""
    return list(dict.fromkeys(t for phrases in lexicon.values() for t in term_texts(phrases, per_chunk)))


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


def shipped_vectors(embedder, per_chunk: int) -> dict[str, np.ndarray]:
    """Lay chunk text -> its vector as shipped, when this embedder's model (id and weights) made them from
    this very lexicon, per_chunk phrases to a text; else {}, and the build embeds what it needs."""
    texts = lexicon_texts(per_chunk)
    vectors = shipped.load(SHIPPED, SHIPPED_INFO, _made_from(embedder, per_chunk), len(texts))
    return {} if vectors is None else dict(zip(texts, vectors))


def _made_from(embedder, per_chunk: int) -> dict:
    """What the shipped vectors' info records and a build checks: the model (id and weights), this lexicon
    and the phrases to a chunk."""
    return {"model": getattr(embedder, "model_id", None), "sha256": getattr(embedder, "sha256", None),
            "lexicon": lexicon_sha256(), "per_chunk": per_chunk}


def main() -> None:
    """Write the default model's vectors of every lexicon text beside this module."""
    from .build import BuildSettings
    from .embed import Embedder

    embedder, per_chunk = Embedder(), BuildSettings().lay_phrases_per_chunk
    texts = lexicon_texts(per_chunk)
    shipped.save(SHIPPED, SHIPPED_INFO, embedder.encode(texts),
                 {**_made_from(embedder, per_chunk), "texts": len(texts)})


if __name__ == "__main__":
    main()
