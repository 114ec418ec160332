"""Where things are: the bundled corpus and the default per-user index folder."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

SOURCE_CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def bundled_corpus() -> Path:
    """The AWS ML Specialty notes that ship with asknotes (corpus/ in a checkout, package data when installed)."""
    installed = Path(__file__).resolve().parent / "bundled"  # pyproject maps corpus/ to indexer/bundled
    return installed if installed.is_dir() else SOURCE_CORPUS


def cache_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "asknotes"


def default_index_dir(corpus: Path) -> Path:
    """A per-user cache folder named after the corpus path, so each corpus keeps its own index."""
    resolved = str(Path(corpus).expanduser().resolve())
    slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", Path(resolved).name or "corpus").strip("-")[:40]
    return cache_home() / f"{slug}-{hashlib.sha256(resolved.encode()).hexdigest()[:12]}"
