"""Vectors that ship with the package, made by the default model from a list asknotes holds (the off-topic
background, offtopic.py; the lexicon's lay chunk texts, lay.py), so a build with that model embeds only
the notes. Beside each .npy, a .json says what made it; a build takes the vectors only when that matches.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np


def load(vectors_path: Path, info_path: Path, made_from: dict, rows: int) -> np.ndarray | None:
    """The shipped vectors, when their info holds every item of made_from (the model's id and weights
    sha256, the list's fingerprint, ...) and they are `rows` float32 rows; else None."""
    try:
        info = json.loads(Path(info_path).read_text(encoding="utf-8"))
        if any(info.get(key) != value for key, value in made_from.items()):
            return None
        vectors = np.load(vectors_path, allow_pickle=False)
    except (OSError, ValueError, AttributeError):
        return None
    return vectors if vectors.ndim == 2 and vectors.dtype == np.float32 and len(vectors) == rows else None


def save(vectors_path: Path, info_path: Path, vectors: np.ndarray, info: dict) -> None:
    """Write the vectors and what made them, and say so."""
    vectors = np.asarray(vectors, dtype=np.float32)
    np.save(vectors_path, vectors, allow_pickle=False)
    Path(info_path).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {vectors_path} ({len(vectors)} x {vectors.shape[1]}) and {Path(info_path).name}")
