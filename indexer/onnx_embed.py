"""Text -> unit-length vectors with onnxruntime: a sentence-transformers model's query side without torch.

Importing sentence-transformers costs ~4 s and torch ~1 s, most of a CLI call; onnxruntime and tokenizers
cost ~0.1 s. So at index time the model is written as four files, which the build keeps in encoder/:

    model.onnx        the transformer's graph, token ids -> token vectors: written from the weights by
                      bert_onnx (`export_from_weights`, no torch) for weights whose reference vectors ship,
                      else traced by torch.onnx from the loaded model (`export`)
    model.onnx.data   its weights as ONNX external data: onnxruntime maps them instead of parsing them
                      (session start 0.05 s instead of 0.15 s)
    tokenizer.json    the model's own Hugging Face tokenizer, truncating at the model's max_seq_length
    encoder.json      model id and weights sha256, dim, input names, which writer made it, and the
                      largest difference from sentence-transformers seen when the export was checked

and `OnnxEmbedder` runs them, then does what sentence-transformers does after the transformer: mean
pooling over the attention mask, then L2 normalisation. An export is kept only if it gives the
sentence-transformers vectors to within MAX_DIFF on CHECK_TEXTS (all-MiniLM-L6-v2: 3e-7).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings
from pathlib import Path

import numpy as np

from .embed import Progress
from .errors import ModelError

FILES = ("model.onnx", "model.onnx.data", "tokenizer.json", "encoder.json")
MAX_DIFF = 1e-5
CHECK_TEXTS = (
    "when to use L1",
    "Firehose vs Data Streams: Kinesis Data Firehose loads streaming data into S3, Redshift or OpenSearch.",
    "  Leading spaces, tabs\tand\nnewlines, ÜNICODE naïve café 🤖, and 0/1 F1 ml.p2.xlarge TF-IDF",
    "",
    " ".join(["a long note that runs past the model's 256 word pieces, so it must be cut as the model cuts it"] * 20),
)
POOLINGS = ("Pooling", "Normalize")  # sentence-transformers modules after the transformer that the export reproduces


class NotExportable(Exception):
    """This model cannot be run through onnxruntime with the same results; queries use sentence-transformers."""


class OnnxEmbedder:
    """An exported encoder folder as an embedder: the same interface and vectors as embed.Embedder."""

    def __init__(self, folder: Path, threads: int = 0):
        self.folder = Path(folder)
        self.info = read_info(self.folder)
        if self.info is None:
            raise ModelError(f"{self.folder} holds no complete ONNX encoder; rebuild the index")
        self.model_id, self.sha256, self.dim = self.info["model_id"], self.info["sha256"], self.info["dim"]
        self.threads = threads
        self._session = self._tokenizer = None

    def _load(self) -> None:
        """Start onnxruntime on first use, so opening an index that answers no query costs nothing."""
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise ModelError(f"this index answers queries with onnxruntime ({exc.name} is missing): "
                             "pip install onnxruntime tokenizers") from exc
        options = ort.SessionOptions()
        options.intra_op_num_threads = self.threads
        options.log_severity_level = 3
        try:
            self._session = ort.InferenceSession(str(self.folder / "model.onnx"), options,
                                                 providers=["CPUExecutionProvider"])
            self._tokenizer = Tokenizer.from_file(str(self.folder / "tokenizer.json"))
        except Exception as exc:  # onnxruntime and tokenizers raise their own kinds for a damaged file
            raise ModelError(f"cannot load the ONNX encoder in {self.folder} ({exc.__class__.__name__}); "
                             "rebuild the index with `asknotes index --force`") from exc
        self._inputs = [i.name for i in self._session.get_inputs()]

    def encode(self, texts: list[str], batch_size: int = 8, progress: Progress | None = None) -> np.ndarray:
        """Unit-length float32 vectors, one row per text; progress(done, total) after each batch. Batches of
        8: less padding on two cores than 32; the bundled notes' first build, four runs each way, took
        14.0 s on average against 15.1 s, with the same vectors to the bit."""
        if self._session is None:
            self._load()
        # Longest first, as sentence-transformers does: texts of a batch have similar lengths, so little padding.
        order = sorted(range(len(texts)), key=lambda i: -len(texts[i]))
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for start in range(0, len(texts), batch_size):
            rows = order[start:start + batch_size]
            out[rows] = self._embed([texts[i] for i in rows])
            if progress:
                progress(min(start + batch_size, len(texts)), len(texts))
        return out

    def _embed(self, texts: list[str]) -> np.ndarray:
        encodings = self._tokenizer.encode_batch(texts)
        feeds = {
            "input_ids": np.array([e.ids for e in encodings], dtype=np.int64),
            "attention_mask": np.array([e.attention_mask for e in encodings], dtype=np.int64),
            "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64),
        }
        tokens = self._session.run(None, {name: feeds[name] for name in self._inputs})[0]
        return mean_pool(tokens, feeds["attention_mask"])


def mean_pool(tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean of the token vectors under the attention mask, L2-normalised (sentence-transformers' Pooling
    with pooling_mode 'mean', then normalize_embeddings=True)."""
    weights = mask[..., None].astype(np.float32)
    mean = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    return (mean / np.clip(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12, None)).astype(np.float32)


def read_info(folder: Path) -> dict | None:
    """encoder.json of a complete export (every file present at its recorded size), else None."""
    try:
        info = json.loads((Path(folder) / "encoder.json").read_text(encoding="utf-8"))
        sizes = info["files"]
        complete = all((Path(folder) / name).stat().st_size == size for name, size in sizes.items())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    return info if complete and set(sizes) == set(FILES) - {"encoder.json"} else None


def export(st_model, folder: Path, model_id: str, sha256: str) -> Path:
    """Write the ONNX encoder of a loaded SentenceTransformer into folder (made atomically; kept if it exists)."""
    def write(tmp: Path) -> dict:
        transformer = _transformer(st_model)
        names = _export_graph(transformer, tmp)
        _export_tokenizer(transformer, tmp)
        return {"inputs": names, "dim": int(_dim(st_model)), "max_seq_length": transformer.max_seq_length,
                "writer": "torch.onnx"}

    def want(texts: list[str]) -> np.ndarray:
        return st_model.encode(texts, batch_size=8, normalize_embeddings=True, convert_to_numpy=True)

    return _make(folder, model_id, sha256, write, want)


def export_from_weights(model_folder: Path, folder: Path, model_id: str, sha256: str) -> Path:
    """The same encoder folder written by bert_onnx from the model's files, without torch: only for weights
    whose sentence-transformers vectors of CHECK_TEXTS ship with the package (else NotExportable)."""
    try:
        from . import bert_onnx
    except ImportError as exc:  # onnx or safetensors missing: the traced path says so if it fails too
        raise NotExportable(f"cannot write the graph from the weights ({exc.name} is missing)") from exc

    reference = bert_onnx.reference(sha256, CHECK_TEXTS)
    if reference is None:
        raise NotExportable("no reference vectors ship for these weights")

    def write(tmp: Path) -> dict:
        try:
            return {**bert_onnx.write(model_folder, tmp), "writer": "bert_onnx"}
        except bert_onnx.NotPlainBert as exc:
            raise NotExportable(str(exc)) from exc

    return _make(folder, model_id, sha256, write, lambda texts: reference)


def _make(folder: Path, model_id: str, sha256: str, write, want) -> Path:
    """Write an encoder folder atomically with write(tmp) -> facts for encoder.json, then keep it only if
    it gives want(CHECK_TEXTS) (the model's sentence-transformers vectors) to within MAX_DIFF."""
    folder = Path(folder)
    if read_info(folder) is not None:
        return folder
    try:
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".tmp-encoder-", dir=folder.parent))
    except OSError as exc:
        raise NotExportable(f"cannot write the ONNX encoder in {folder.parent} ({exc.strerror})") from exc
    try:
        facts = write(tmp)
        info = {"model_id": model_id, "sha256": sha256, "dim": facts["dim"], "inputs": facts["inputs"],
                "max_seq_length": facts["max_seq_length"], "pooling": "mean", "normalize": True,
                "writer": facts["writer"],
                "files": {name: (tmp / name).stat().st_size for name in FILES if name != "encoder.json"}}
        (tmp / "encoder.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
        info["max_diff"] = _check(want, tmp)
        (tmp / "encoder.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
        _replace(tmp, folder)
    except NotExportable:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except Exception as exc:  # torch.onnx raises many kinds for a model it cannot trace
        shutil.rmtree(tmp, ignore_errors=True)
        raise NotExportable(f"cannot export {model_id} to ONNX ({exc.__class__.__name__}: {exc})") from exc
    return folder


def _replace(tmp: Path, folder: Path) -> None:
    """Move a finished export into place, over an incomplete one; keep another process's finished one."""
    if folder.exists() and read_info(folder) is None:
        shutil.rmtree(folder, ignore_errors=True)
    try:
        os.replace(tmp, folder)
    except OSError:
        if read_info(folder) is None:
            raise
        shutil.rmtree(tmp, ignore_errors=True)


def _transformer(st_model):
    """The model's transformer module, if the rest of the model is pooling that mean_pool reproduces."""
    modules = list(st_model)
    transformer, rest = modules[0], modules[1:]
    if getattr(getattr(transformer, "tokenizer", None), "backend_tokenizer", None) is None:
        raise NotExportable("its tokenizer has no Hugging Face `tokenizers` form (tokenizer.json)")
    if getattr(transformer, "do_lower_case", False):
        raise NotExportable("it lower-cases text before its tokenizer")
    if any(type(m).__name__ not in POOLINGS for m in rest) or not any(type(m).__name__ == "Pooling" for m in rest):
        raise NotExportable(f"its modules {[type(m).__name__ for m in modules]} are not transformer + mean pooling")
    return transformer


def _export_graph(transformer, folder: Path) -> list[str]:
    """The transformer as model.onnx + model.onnx.data, with dynamic batch and sequence axes."""
    import onnx
    import torch

    tokenize = getattr(transformer, "preprocess", None) or transformer.tokenize  # renamed in sentence-transformers 6
    sample = tokenize(["a first text", "and a second, longer one"])
    names = [n for n in ("input_ids", "attention_mask", "token_type_ids") if n in sample]
    model = getattr(transformer, "auto_model", None) or transformer.model

    class Graph(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.model = model

        def forward(self, *inputs):
            return self.model(**dict(zip(names, inputs)), return_dict=True).last_hidden_state

    axes = {n: {0: "batch", 1: "tokens"} for n in [*names, "token_embeddings"]}
    raw = folder / "graph.onnx"
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")
        torch.onnx.export(Graph().eval(), tuple(sample[n] for n in names), str(raw), dynamo=False,
                          input_names=names, output_names=["token_embeddings"], dynamic_axes=axes,
                          opset_version=17)
    graph = onnx.load(str(raw))
    onnx.save_model(graph, str(folder / "model.onnx"), save_as_external_data=True,
                    all_tensors_to_one_file=True, location="model.onnx.data", size_threshold=1024)
    raw.unlink()
    return names


def _export_tokenizer(transformer, folder: Path) -> None:
    from tokenizers import Tokenizer

    save_tokenizer(Tokenizer.from_str(transformer.tokenizer.backend_tokenizer.to_str()), folder,
                   transformer.max_seq_length, transformer.tokenizer.pad_token_id or 0)


def save_tokenizer(tokenizer, folder: Path, max_length: int, pad_id: int) -> None:
    """tokenizer.json, truncating at the model's max_seq_length and padding to the longest text of a batch,
    as sentence-transformers tokenizes (the settings a model's own tokenizer.json holds are for another use)."""
    tokenizer.enable_truncation(max_length=max_length)
    tokenizer.enable_padding(pad_id=pad_id, pad_token=tokenizer.id_to_token(pad_id) or "[PAD]")
    tokenizer.save(str(folder / "tokenizer.json"))


def _dim(st_model) -> int:
    get_dim = getattr(st_model, "get_embedding_dimension", None) or st_model.get_sentence_embedding_dimension
    return get_dim()


def _check(want, folder: Path) -> float:
    """Largest difference from want(CHECK_TEXTS), batched and one by one; NotExportable above MAX_DIFF."""
    texts = list(CHECK_TEXTS)
    expected = np.asarray(want(texts), dtype=np.float32)
    onnx = OnnxEmbedder(folder, threads=1)
    got = np.vstack([onnx.encode(texts, batch_size=8), *[onnx.encode([t]) for t in texts]])
    diff = float(np.abs(got - np.vstack([expected, expected])).max())
    if not diff <= MAX_DIFF:
        raise NotExportable(f"its ONNX export differs from sentence-transformers by {diff:.1e} (> {MAX_DIFF:g})")
    return diff
