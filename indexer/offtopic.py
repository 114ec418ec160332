"""Questions study notes do not answer, read beside the notes: a background for confidence.

A question about boiling an egg, a git command or the exam's fee can still find a line of the notes that
its words sit near ("catching" and recall, "lake" and a data lake): the best cosine alone cannot tell it
from a question the notes answer. Set beside a broad background of such questions (offtopic_questions,
written from general knowledge, never from the eval's questions), it sits nearer them than an in-domain
question does. Confidence reads the mean cosine of the question to its nearest few (offtopic_cosine;
indexer/confidence.py, the fifth signal).

Each background question is stored in the index with its vector and the cosine of the notes' chunk nearest
to it (its notes_cosine). The default model's vectors of the background ship beside this module
(offtopic_vectors.npy, and offtopic_vectors.json naming the model and the list they were made from), so a
build with it embeds only the notes; with another model, or after the list changes, a build embeds them
(`python -m indexer.offtopic` writes them anew for the default model). Search leaves out those the notes speak to (notes_cosine at or above
SearchSettings.offtopic_near), so notes about exam logistics keep "how do I register for the exam" from
counting against questions about them.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from . import shipped
from .offtopic_questions import OFF_TOPIC

SHIPPED = Path(__file__).with_name("offtopic_vectors.npy")
SHIPPED_INFO = Path(__file__).with_name("offtopic_vectors.json")


@dataclass(frozen=True)
class OffTopic:
    """A background question and how near the notes come to it."""

    text: str
    notes_cosine: float  # the cosine of the notes' chunk nearest to it (-1 for notes with no chunk)


def offtopic_sha256(questions: Sequence[str] = OFF_TOPIC) -> str:
    """What the manifest records, so an index made with another background is rebuilt."""
    return hashlib.sha256(json.dumps(list(questions)).encode("utf-8")).hexdigest()


def offtopic_cosine(query: np.ndarray, vectors: np.ndarray, nearest: int = 3) -> float:
    """The mean cosine of the (unit) query vector to its `nearest` nearest rows of vectors; 0 for none."""
    if not len(vectors) or nearest < 1:
        return 0.0
    # Not `vectors @ query`: from about a thousand rows OpenBLAS splits a product over threads, and right after
    # onnxruntime has embedded the question that costs 2.6 ms here (median over 400 questions) where
    # numpy's own single-threaded loop (einsum) takes 0.13 ms; in blocks of 400 rows, 0.26 ms.
    sims = np.einsum("ij,j->i", vectors, query)
    k = min(nearest, len(sims))
    return float(np.partition(sims, len(sims) - k)[len(sims) - k:].mean())


def shipped_vectors(embedder) -> np.ndarray | None:
    """The background's vectors as shipped, when this embedder's model (id and weights) made them from
    this very list; else None, and the build embeds them."""
    return shipped.load(SHIPPED, SHIPPED_INFO, _made_from(embedder), len(OFF_TOPIC))


def _made_from(embedder) -> dict:
    """What the shipped vectors' info records and a build checks: the model (id and weights) and this list."""
    return {"model": getattr(embedder, "model_id", None), "sha256": getattr(embedder, "sha256", None),
            "offtopic": offtopic_sha256()}


def main() -> None:
    """Write the default model's vectors of the background beside this module."""
    from .embed import Embedder

    embedder = Embedder()
    shipped.save(SHIPPED, SHIPPED_INFO, embedder.encode(list(OFF_TOPIC)),
                 {**_made_from(embedder), "questions": len(OFF_TOPIC)})


if __name__ == "__main__":
    main()
