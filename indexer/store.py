"""Index <-> files: a folder of plain, inspectable files, written atomically, loaded without pickle.

    <index dir>/current.json          {"build": "build-…"}: which build readers use (replaced atomically)
    <index dir>/build-…/manifest.json format version, model id and weights sha256, tokenizer settings,
                                      build settings, a sha256 of every corpus file
    <index dir>/build-…/sections.jsonl one section a line: file, path, lines, text, BM25 terms
    <index dir>/build-…/chunks.jsonl   one embedder chunk a line: section, lines, text, fine (of the finer cut)
    <index dir>/build-…/aliases.json   acronym -> expansions mined from the notes (aliases.mine)
    <index dir>/build-…/lay.jsonl      one lay chunk a line: section, terms, text (everyday phrases, lay.py)
    <index dir>/build-…/lay_vectors.npy float32 (lay chunks x dim), unit length, rows in lay.jsonl order
    <index dir>/build-…/offtopic.jsonl one background question a line: text, notes_cosine (offtopic.py)
    <index dir>/build-…/offtopic_vectors.npy float32 (background questions x dim), rows in offtopic.jsonl order
    <index dir>/build-…/vectors.npy    float32 (chunks x dim), unit length, rows in chunks.jsonl order;
                                      also the embedding cache of the next re-index (build.reusable)
    <index dir>/build-…/dense.faiss    faiss inner-product index over the same rows: exact (IndexFlatIP), or
                                      approximate (IndexHNSWFlat) from dense.ANN_FROM chunks on
    <index dir>/build-…/encoder/       the model exported to ONNX, when it could be (onnx_embed: model.onnx,
                                      model.onnx.data, tokenizer.json, encoder.json), so queries need no torch

A build is written into a hidden temporary folder beside the others, renamed into place, and only then
named in current.json, so a reader sees the old index or the new one, never half of one. The encoder
files are hard links to the export in the cache folder when the file system allows (else copies).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from .errors import IndexCorrupt, IndexDirNotWritable
from .lay import LayChunk
from .offtopic import OffTopic
from .onnx_embed import FILES as ENCODER_FILES
from .onnx_embed import read_info
from .parse import Chunk, Section

FORMAT_VERSION = 7  # 2: encoder/ folder, HNSW above a size, manifest "dense" and "encoder"; 3: aliases.json;
# 4: chunks of two cuts ("fine" in chunks.jsonl); 5: lay chunks (lay.jsonl, lay_vectors.npy); 6: the off-topic
# background (offtopic.jsonl, offtopic_vectors.npy); 7: lay chunks of one term each (lay.term_texts)
POINTER = "current.json"
KEEP_BUILDS = 2  # the current build and the one before, which a slow reader may still be opening


@dataclass
class IndexData:
    """Everything search needs, as loaded from (or about to be written to) an index folder."""

    manifest: dict
    sections: list[Section]
    terms: list[list[str]]
    chunks: list[Chunk]
    vectors: np.ndarray
    dense: object  # a faiss.Index over `vectors`, or None when loaded without it
    encoder: Path | None = None  # a folder of ONNX encoder files (onnx_embed), or None
    aliases: dict[str, list[str]] = field(default_factory=dict)  # mined at build time
    lay: list[LayChunk] = field(default_factory=list)  # everyday phrases for sections' terms (lay.py)
    lay_vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))  # rows: lay
    offtopic: list[OffTopic] = field(default_factory=list)  # the off-topic background (offtopic.py)
    offtopic_vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))  # its rows


def save(index_dir: Path, data: IndexData) -> Path:
    """Write a new build and make it current; returns the build's folder."""
    index_dir = Path(index_dir)
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-build-", dir=index_dir))
    except OSError as exc:
        raise IndexDirNotWritable(
            f"cannot write the index in {index_dir} ({exc.strerror}); "
            "choose another folder with --index-dir or ASKNOTES_INDEX_DIR"
        ) from exc
    try:
        _write_build(tmp, data)
        final = index_dir / f"build-{time.strftime('%Y%m%dT%H%M%S')}-{tmp.name[-8:]}"
        tmp.rename(final)
        _write_json_atomic(index_dir / POINTER, {"build": final.name})
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise IndexDirNotWritable(f"cannot write the index in {index_dir} ({exc.strerror})") from exc
    _prune(index_dir, keep=final.name)
    return final


def _write_build(folder: Path, data: IndexData) -> None:
    import faiss

    _write_json(folder / "manifest.json", data.manifest)
    _write_jsonl(folder / "sections.jsonl", ({**asdict(s), "terms": t} for s, t in zip(data.sections, data.terms)))
    _write_jsonl(folder / "chunks.jsonl", (asdict(chunk) for chunk in data.chunks))
    _write_json(folder / "aliases.json", data.aliases)
    np.save(folder / "vectors.npy", data.vectors, allow_pickle=False)
    _write_jsonl(folder / "lay.jsonl", (asdict(lay) for lay in data.lay))
    np.save(folder / "lay_vectors.npy", data.lay_vectors, allow_pickle=False)
    _write_jsonl(folder / "offtopic.jsonl", (asdict(item) for item in data.offtopic))
    np.save(folder / "offtopic_vectors.npy", data.offtopic_vectors, allow_pickle=False)
    faiss.write_index(data.dense, str(folder / "dense.faiss"))
    if data.encoder is not None:
        (folder / "encoder").mkdir()
        for name in ENCODER_FILES:
            _link_or_copy(Path(data.encoder) / name, folder / "encoder" / name)
    for f in [*folder.iterdir(), *folder.glob("encoder/*")]:
        if f.is_file():
            with f.open("rb") as fh:
                os.fsync(fh.fileno())


def _link_or_copy(src: Path, dst: Path) -> None:
    """A hard link (no second copy of a 90 MB model), or a copy across file systems."""
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _write_json(path: Path, obj: dict) -> None:
    path.write_text(json.dumps(obj, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _write_jsonl(path: Path, rows) -> None:
    """One JSON object a line (read back by _read_jsonl)."""
    with path.open("w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def _write_json_atomic(path: Path, obj: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    _write_json(tmp, obj)
    with tmp.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def _prune(index_dir: Path, keep: str) -> None:
    """Remove all but the newest builds, and temporary folders a killed build left behind."""
    builds = sorted((p for p in index_dir.glob("build-*") if p.is_dir()), key=lambda p: p.stat().st_mtime)
    old = [p for p in builds if p.name != keep][: max(0, len(builds) - KEEP_BUILDS)]
    stale_tmp = [p for p in index_dir.glob(".tmp-build-*") if time.time() - p.stat().st_mtime > 3600]
    for p in old + stale_tmp:
        shutil.rmtree(p, ignore_errors=True)


def current_build(index_dir: Path) -> Path | None:
    """The folder of the current build, or None when there is no index yet."""
    pointer = Path(index_dir) / POINTER
    if not pointer.exists():
        return None
    try:
        name = json.loads(pointer.read_text(encoding="utf-8"))["build"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise IndexCorrupt(f"{pointer} is unreadable") from exc
    build = Path(index_dir) / str(name)
    if "/" in str(name) or not build.is_dir():
        raise IndexCorrupt(f"{pointer} names a build that is missing: {name}")
    return build


def read_manifest(build: Path) -> dict:
    """The manifest alone, to decide whether a build is still fresh before loading it."""
    try:
        manifest = json.loads((build / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(f"{build / 'manifest.json'} is missing or unreadable") from exc
    if not isinstance(manifest, dict):
        raise IndexCorrupt(f"{build / 'manifest.json'} is not a JSON object")
    return manifest


def load(build: Path, dense: bool = True) -> IndexData:
    """Load a build, checking that its files agree with each other; IndexCorrupt if they do not.
    dense=False skips the faiss index (a re-index only reuses the vectors)."""
    manifest = read_manifest(build)
    try:
        rows = _read_jsonl(build / "sections.jsonl")
        terms = [row.pop("terms") for row in rows]
        sections = [Section(**{**row, "path": tuple(row["path"])}) for row in rows]
        chunks = [Chunk(**row) for row in _read_jsonl(build / "chunks.jsonl")]
        aliases = json.loads((build / "aliases.json").read_text(encoding="utf-8"))
        if not isinstance(aliases, dict):
            raise ValueError("aliases.json is not a JSON object")
        # Mapped, not read: an approximate index keeps its own copy, and a big exact one is paged in once.
        vectors = np.load(build / "vectors.npy", mmap_mode="r", allow_pickle=False)
        lay = [LayChunk(row["section"], tuple(row["terms"]), row["text"]) for row in _read_jsonl(build / "lay.jsonl")]
        lay_vectors = np.load(build / "lay_vectors.npy", allow_pickle=False)
        offtopic = [OffTopic(str(row["text"]), float(row["notes_cosine"]))
                    for row in _read_jsonl(build / "offtopic.jsonl")]
        offtopic_vectors = np.load(build / "offtopic_vectors.npy", allow_pickle=False)
        index = _read_faiss(build / "dense.faiss") if dense else None
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as exc:
        raise IndexCorrupt(f"index files in {build} are damaged ({exc.__class__.__name__}: {exc})") from exc
    if vectors.ndim != 2 or vectors.dtype != np.float32 or len(vectors) != len(chunks) \
            or (index is not None and index.ntotal != len(chunks)) \
            or len(sections) != manifest.get("sections") or any(not 0 <= c.section < len(sections) for c in chunks) \
            or lay_vectors.ndim != 2 or lay_vectors.dtype != np.float32 or len(lay_vectors) != len(lay) \
            or (len(lay) and lay_vectors.shape[1] != vectors.shape[1]) \
            or any(not 0 <= c.section < len(sections) for c in lay) \
            or offtopic_vectors.ndim != 2 or offtopic_vectors.dtype != np.float32 \
            or len(offtopic_vectors) != len(offtopic) \
            or (len(offtopic) and offtopic_vectors.shape[1] != vectors.shape[1]):
        raise IndexCorrupt(f"index files in {build} disagree in size (a truncated or mixed build)")
    encoder = build / "encoder" if manifest.get("encoder") else None
    if encoder is not None and read_info(encoder) is None:
        raise IndexCorrupt(f"the ONNX encoder in {encoder} is incomplete or damaged")
    return IndexData(manifest, sections, terms, chunks, vectors, index, encoder, aliases, lay, lay_vectors,
                     offtopic, offtopic_vectors)


def load_current(index_dir: Path, dense: bool = True) -> IndexData | None:
    """The current build, or None when there is none or it cannot be read."""
    try:
        build = current_build(index_dir)
        return load(build, dense) if build is not None else None
    except IndexCorrupt:
        return None


def _read_faiss(path: Path):
    import faiss

    return faiss.read_index(str(path))


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
