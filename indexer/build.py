"""Corpus -> index: parse, chunk, tokenize and embed a folder of notes into an IndexData record.

A re-index embeds only the chunks whose text is new: the previous build's vectors.npy is the embedding
cache, keyed by the sha256 of the text the embedder reads and the model's id and weights sha256.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import numpy as np

from . import tokenize as tok
from .aliases import mine_sections
from .dense import build_dense, describe, nearest_cosines
from .embed import Embedder, Progress, backend_for
from .errors import CorpusNotFound
from .lay import lay_chunks, lexicon_sha256
from .lay import shipped_vectors as shipped_lay_vectors
from .offtopic import OFF_TOPIC, OffTopic, offtopic_sha256, shipped_vectors
from .onnx_embed import NotExportable, OnnxEmbedder
from .parse import Chunk, Section, chunk_section, note_files, read_corpus
from .store import FORMAT_VERSION, IndexData


@dataclass(frozen=True)
class BuildSettings:
    """Choices baked into an index; a change to any of them means a rebuild."""

    # Tuning half of evals/questions.yaml (python -m evals.tune), best hybrid MRR per value:
    # chunk_words 60: 0.948, 120: 0.933, 250: 0.929; heading_weight 3: 0.948, 2: 0.944, 1: 0.944.
    chunk_words: int = 60
    # Each section is also cut a second time, finer (0: not), and scores the mean of each cut's best chunk
    # cosine (dense.section_scores): a short question matches one bullet best, an exam stem a run of them.
    # 1510 questions' tune half, hybrid short-question MRR / hit@3 and scenario MRR (the mean's other
    # partner; "max" takes the better cut): one cut of 60: 0.942 / 0.967, scenarios 0.886; one of 20:
    # 0.947 / 0.975, 0.829; 60 and 20, mean: 0.949 / 0.975, 0.884; max: 0.948 / 0.975, 0.846; 60 and 40,
    # mean: 0.951 / 0.975, 0.870; 60 and 10: 0.947 / 0.975, 0.863; 60 and each bullet alone: 0.947 /
    # 0.973, 0.860.
    fine_chunk_words: int = 20
    # A top-level bullet longer than a cut is cut at its sub-bullets, each later piece headed by the
    # bullet's line (parse.chunk_section): one bullet with seventeen sub-bullets was one vector of 127
    # words. Tune half of the 2586 questions, short-question hit@1 / MRR, then scenario MRR: off 0.922 /
    # 0.952, 0.911; on 0.925 / 0.954, 0.900; the fine cut only 0.923 / 0.953, 0.900; the coarse only 0.923 /
    # 0.952, 0.898; on, without the heading line 0.922 / 0.952, 0.900. The held-back batches d-* to aj-*
    # (1200 questions, all read): off 0.854 / 0.907, 0.833; on 0.865 / 0.915, 0.832.
    split_bullets: bool = True
    heading_weight: int = 3  # heading-path terms count this many times in a section's BM25 document
    # What heads a chunk for the embedder: "heading" (the section's own) or "path" (every heading below
    # the document title, "Sagemaker > Sagemaker Build > Algorithms"). Tuning half, best hybrid MRR:
    # heading 0.912, path 0.948 (the parents say what a bare "Deploy" or "Algorithms" is about).
    embed_context: str = "path"
    # Each section is also embedded as the everyday phrases of the terms it is about (lay.py), so many to a
    # lay chunk (0: none); a term no heading holds is about the sections that write it when at most
    # lay_body_sections do. Search weighs them (SearchSettings.w_lay). Tune half of the 2086 questions,
    # short-question MRR / hit@3 at w_lay 0.3, 8 to a chunk: body sections 0: 0.952 / 0.979, 1: 0.956 /
    # 0.982, 2: 0.957 / 0.986, 4: 0.957 / 0.986 (scenarios 0.895, 0.895, 0.895, 0.893). Phrases to a chunk,
    # short-question MRR / hit@1 / hit@3, paraphrase MRR, scenario MRR, at w_lay 0.3: 8 (306 chunks): 0.957 /
    # 0.927 / 0.986, 0.896, 0.895; 4 (579): 0.959 / 0.931 / 0.985, 0.903, 0.906; 2 (1127): 0.960 / 0.932 /
    # 0.985, 0.909, 0.903; 1 (2215): 0.959 / 0.931 / 0.986, 0.904, 0.892. Fewer phrases to a text, each
    # phrase weighs more in its vector; four, with w_lay 0.4, ranked best (SearchSettings.w_lay).
    lay_phrases_per_chunk: int = 4
    lay_body_sections: int = 2


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


def section_chunks(section: Section, index: int, settings: BuildSettings) -> list[Chunk]:
    """A section's chunks for the embedder: cut at chunk_words, then again at fine_chunk_words (if not 0)
    unless that cut comes out the same (a section of one short bullet is one chunk, embedded once)."""
    coarse = chunk_section(section, index, settings.chunk_words, settings.split_bullets)
    fine = (chunk_section(section, index, settings.fine_chunk_words, settings.split_bullets)
            if settings.fine_chunk_words else coarse)
    if [(c.line_start, c.line_end) for c in fine] == [(c.line_start, c.line_end) for c in coarse]:
        return coarse
    return coarse + [replace(c, fine=True) for c in fine]


EMBED_CONTEXTS = ("heading", "path")


def embed_text(section: Section, chunk: Chunk, context: str = "path") -> str:
    """What the embedder reads for a chunk: its heading path below the document title (or only the
    section's own heading), then the chunk's lines."""
    if context not in EMBED_CONTEXTS:
        raise ValueError(f"unknown embed context {context!r}; choose from {sorted(EMBED_CONTEXTS)}")
    head = section.path[-1] if context == "heading" else " > ".join(section.path[1:] or section.path)
    return f"{head}\n{chunk.text}"


def build_embedder(previous: IndexData | None, embedder: Embedder):
    """What embeds a build: this model's ONNX export, from the previous build or the cache (no torch
    import: a re-index takes ~0.5 s, not ~6 s), else made now, as embedding with it is faster than with
    sentence-transformers (the bundled notes' first build: ~17 s -> ~12 s with a traced export, ~5 s with
    one written from the weights, onnx_embed.export_from_weights); the sentence-transformers model when
    the model cannot be exported."""
    encoder = previous.encoder if previous is not None else None
    if encoder is None and isinstance(embedder, Embedder):
        try:
            encoder = embedder.export()
        except NotExportable:
            encoder = None  # build_index's export says why
    return backend_for(encoder, embedder)


def build_index(root: Path, embedder: Embedder, settings: BuildSettings = BuildSettings(),
                progress: Progress | None = None, previous: IndexData | None = None,
                notify: Callable[[str], None] | None = None) -> tuple[IndexData, list[str]]:
    """Read and index a corpus, reusing the vectors of `previous` for unchanged chunks; returns the
    index and the warnings for files that were skipped."""
    notify = notify or (lambda _: None)
    corpus = read_corpus(root)
    sections = [s for s in corpus.sections if s.text.strip()]
    chunks = [c for i, s in enumerate(sections) for c in section_chunks(s, i, settings)]
    terms = [section_terms(s, settings.heading_weight) for s in sections]
    lay = lay_chunks(sections, terms, settings.lay_phrases_per_chunk, settings.lay_body_sections)
    texts = [embed_text(sections[c.section], c, settings.embed_context) for c in chunks] + [c.text for c in lay]
    shipped = {text_key(text): row for text, row in
               shipped_lay_vectors(embedder, settings.lay_phrases_per_chunk).items()}
    known = {**shipped, **reusable(previous, embedder)}
    every, embedded = embed_new(texts, embedder, known, progress)
    offtopic_vectors, background = shipped_vectors(embedder), 0
    if offtopic_vectors is None:  # another model, or the list changed since the vectors were shipped
        offtopic_vectors, background = embed_new(list(OFF_TOPIC), embedder, known)
    notify(f"embedded {embedded} of {len(texts)} chunks"
           + (f" and {background} off-topic background questions (offtopic.py)" if background else ""))
    vectors, lay_vectors = every[:len(chunks)], every[len(chunks):]
    dense = build_dense(vectors)
    offtopic = [OffTopic(text, round(float(near), 6))
                for text, near in zip(OFF_TOPIC, nearest_cosines(offtopic_vectors, vectors, dense))]
    encoder = export(embedder, notify)
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
        "lay_chunks": len(lay),
        "lexicon": lexicon_sha256(),
        "offtopic": offtopic_sha256(),
        "offtopic_questions": len(offtopic),
        "dense": describe(dense),
        "encoder": "encoder/" if encoder else None,
    }
    aliases = mine_sections(sections)
    return IndexData(manifest, sections, terms, chunks, vectors, dense, encoder, aliases, lay, lay_vectors,
                     offtopic, offtopic_vectors), corpus.warnings


def text_key(text: str) -> str:
    """The embedding cache key of a text (the model is checked once, for the whole previous build)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def reusable(previous: IndexData | None, embedder: Embedder) -> dict[str, np.ndarray]:
    """text_key -> vector of every chunk of a previous build made with the same model (same id and weights)."""
    model = (previous.manifest.get("model") or {}) if previous is not None else {}
    if not previous or (model.get("id"), model.get("sha256")) != (embedder.model_id, embedder.sha256):
        return {}
    context = (previous.manifest.get("settings") or {}).get("embed_context", "heading")
    known = {text_key(embed_text(previous.sections[c.section], c, context)): row
             for c, row in zip(previous.chunks, previous.vectors)}
    return {**known, **{text_key(c.text): row for c, row in zip(previous.lay, previous.lay_vectors)},
            **{text_key(q.text): row for q, row in zip(previous.offtopic, previous.offtopic_vectors)}}


def embed_new(texts: list[str], embedder: Embedder, known: dict[str, np.ndarray],
              progress: Progress | None = None) -> tuple[np.ndarray, int]:
    """Vectors for texts, embedding only those not in `known`; returns them and how many were embedded."""
    keys = [text_key(t) for t in texts]
    todo = list({k: i for i, k in enumerate(keys) if k not in known}.values())  # one row per new text
    fresh = embedder.encode([texts[i] for i in todo], progress=progress)
    if len(todo) == len(texts):
        return fresh, len(todo)
    cache = {**known, **{keys[i]: row for i, row in zip(todo, fresh)}}
    return np.array([cache[k] for k in keys], dtype=np.float32), len(todo)


def export(embedder: Embedder, notify: Callable[[str], None]) -> Path | None:
    """The folder of the embedder's ONNX export for the build to keep, or None (queries then use the embedder)."""
    if isinstance(embedder, OnnxEmbedder):
        return embedder.folder  # the export the previous build holds
    if not hasattr(embedder, "export"):
        return None
    try:
        return embedder.export()
    except NotExportable as exc:
        notify(f"note: queries will load sentence-transformers (~5 s per call): {exc}")
        return None
