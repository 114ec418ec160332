"""Corpus -> index: parse, chunk, tokenize and embed a folder of notes into an IndexData record."""

from __future__ import annotations

import hashlib
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from . import tokenize as tok
from .embed import Embedder, Progress
from .errors import CorpusNotFound
from .parse import Chunk, Section, chunk_section, note_files, read_corpus
from .store import FORMAT_VERSION, IndexData, build_dense


@dataclass(frozen=True)
class BuildSettings:
    """Choices baked into an index; a change to any of them means a rebuild."""

    # Tuning half of evals/questions.yaml (python -m evals.tune), best hybrid MRR per value:
    # chunk_words 60: 0.902, 120: 0.881, 250: 0.885; heading_weight 3: 0.902, 2: 0.896, 1: 0.895.
    chunk_words: int = 60
    heading_weight: int = 3  # heading-path terms count this many times in a section's BM25 document


def fingerprint(root: Path) -> dict[str, str]:
    """sha256 of every note file under root, by relative path: what decides whether an index is stale."""
    root = Path(root).expanduser()
    if not root.exists():
        raise CorpusNotFound(f"corpus path {root} does not exist; give a folder of .md/.txt notes")
    base = root.parent if root.is_file() else root
    return {p.relative_to(base).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in note_files(root)}


def section_terms(section: Section, heading_weight: int) -> list[str]:
    """BM25 terms of a section: its headings (below the document title) weighted, then its body."""
    headings = section.path[1:] or section.path
    return tok.tokenize(" ".join(headings)) * heading_weight + tok.tokenize(section.text)


def embed_text(section: Section, chunk: Chunk) -> str:
    """What the embedder reads for a chunk: the section's own heading, then the chunk's lines."""
    return f"{section.path[-1]}\n{chunk.text}"


def build_index(root: Path, embedder: Embedder, settings: BuildSettings = BuildSettings(),
                progress: Progress | None = None) -> tuple[IndexData, list[str]]:
    """Read and index a corpus; returns the index and the warnings for files that were skipped."""
    corpus = read_corpus(root)
    sections = [s for s in corpus.sections if s.text.strip()]
    chunks = [c for i, s in enumerate(sections) for c in chunk_section(s, i, settings.chunk_words)]
    vectors = embedder.encode([embed_text(sections[c.section], c) for c in chunks], progress=progress)
    manifest = {
        "format_version": FORMAT_VERSION,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "corpus": str(Path(root).expanduser().resolve()),
        "corpus_files": fingerprint(root),
        "model": {"id": embedder.model_id, "sha256": embedder.sha256, "dim": int(vectors.shape[1])},
        "tokenizer": tok.settings(),
        "settings": asdict(settings),
        "sections": len(sections),
        "chunks": len(chunks),
    }
    terms = [section_terms(s, settings.heading_weight) for s in sections]
    return IndexData(manifest, sections, terms, chunks, vectors, build_dense(vectors)), corpus.warnings
