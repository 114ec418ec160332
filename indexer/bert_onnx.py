"""A BERT sentence encoder's ONNX graph written straight from its safetensors weights: no torch, no
sentence-transformers.

Why: onnx_embed's export traces the model with torch.onnx, which needs sentence-transformers loaded, and
that import costs ~5 s of a ~14 s first build of the bundled notes (the trace another ~2 s). This module
reads config.json and model.safetensors with numpy and writes the same computation as HF's BertModel in
eval mode (embeddings, then per layer: self-attention, output dense, residual + LayerNorm, GELU
feed-forward, residual + LayerNorm), giving token vectors that onnx_embed pools as before.

It is used only for weights whose sentence-transformers vectors of onnx_embed.CHECK_TEXTS ship with the
package (REFERENCE, made by `python -m indexer.bert_onnx`): without them nothing could say the graph is
right. Any other model, or a check that fails, takes the torch path.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper
from safetensors.numpy import load_file
from tokenizers import Tokenizer

from .onnx_embed import save_tokenizer

REFERENCE = Path(__file__).with_name("encoder_reference.json")
OPSET = 17
ST_MODULES = ["sentence_transformers.models.Transformer", "sentence_transformers.models.Pooling",
              "sentence_transformers.models.Normalize"]


class NotPlainBert(Exception):
    """The model folder is not a BERT encoder with mean pooling and normalisation that this module can write."""


def texts_sha256(texts) -> str:
    """Fingerprint of the check texts, so a changed CHECK_TEXTS cannot be checked against old vectors."""
    return hashlib.sha256(json.dumps(list(texts)).encode("utf-8")).hexdigest()


def reference(sha256: str, texts) -> np.ndarray | None:
    """sentence-transformers' vectors of `texts` for the weights with this sha256, if shipped."""
    try:
        ref = json.loads(REFERENCE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if ref.get("sha256") != sha256 or ref.get("texts_sha256") != texts_sha256(texts):
        return None
    return np.asarray(ref["vectors"], dtype=np.float32)


def describe(model_folder: Path) -> dict:
    """The model's config, after checking the folder holds what this module can write; NotPlainBert if not."""
    folder = Path(model_folder)
    try:
        config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
        listed = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        modules = [m["type"] for m in listed]
        pooling = json.loads((folder / listed[1]["path"] / "config.json").read_text(encoding="utf-8"))
        st = json.loads((folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise NotPlainBert(f"cannot read its sentence-transformers config ({exc.__class__.__name__})") from exc
    modes = sorted(k for k, v in pooling.items() if k.startswith("pooling_mode") and v)
    if (config.get("model_type") != "bert" or config.get("hidden_act") != "gelu" or modules != ST_MODULES
            or modes != ["pooling_mode_mean_tokens"] or st.get("do_lower_case")
            or config.get("position_embedding_type", "absolute") != "absolute"
            or not (folder / "model.safetensors").is_file() or not (folder / "tokenizer.json").is_file()):
        raise NotPlainBert("it is not a BERT encoder with mean pooling, normalisation and safetensors weights")
    return {**config, "max_seq_length": int(st["max_seq_length"])}


def write(model_folder: Path, out: Path) -> dict:
    """model.onnx + model.onnx.data and tokenizer.json in `out`; returns the facts encoder.json records."""
    config = describe(model_folder)
    graph = Graph(load_file(str(Path(model_folder) / "model.safetensors")), config)
    model = helper.make_model(graph.make(), opset_imports=[helper.make_opsetid("", OPSET)],
                                   producer_name="asknotes.bert_onnx")
    onnx.save_model(model, str(out / "model.onnx"), save_as_external_data=True, all_tensors_to_one_file=True,
                    location="model.onnx.data", size_threshold=1024)
    save_tokenizer(Tokenizer.from_file(str(Path(model_folder) / "tokenizer.json")), out, config["max_seq_length"],
                   int(config.get("pad_token_id") or 0))
    return {"inputs": list(Graph.INPUTS), "dim": int(config["hidden_size"]),
            "max_seq_length": config["max_seq_length"]}


class Graph:
    """Builds the ONNX nodes of HF BertModel's forward pass (last_hidden_state) over named weights."""

    INPUTS = ("input_ids", "attention_mask", "token_type_ids")

    def __init__(self, weights: dict[str, np.ndarray], config: dict):
        self.weights = {k.removeprefix("bert."): v for k, v in weights.items()}
        self.config = config
        self.nodes, self.inits, self._consts, self._n = [], [], set(), 0

    def make(self):
        hidden = self.embeddings()
        mask = self.additive_mask()
        for layer in range(int(self.config["num_hidden_layers"])):
            hidden = self.layer(hidden, mask, f"encoder.layer.{layer}.")
        self.nodes.append(helper.make_node("Identity", [hidden], ["token_embeddings"]))
        inputs = [helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "tokens"]) for n in self.INPUTS]
        output = helper.make_tensor_value_info("token_embeddings", TensorProto.FLOAT,
                                               ["batch", "tokens", int(self.config["hidden_size"])])
        return helper.make_graph(self.nodes, "bert", inputs, [output], self.inits)

    def op(self, kind: str, *inputs: str, **attrs) -> str:
        """One node; returns its output's name."""
        self._n += 1
        name = f"{kind.lower()}_{self._n}"
        self.nodes.append(helper.make_node(kind, list(inputs), [name], **attrs))
        return name

    def const(self, name: str, value) -> str:
        """An initializer, added once however many layers ask for it by this name."""
        if name not in self._consts:
            self._consts.add(name)
            self.inits.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def weight(self, key: str, transpose: bool = False) -> str:
        value = self.weights[key]
        return self.const(key + (".T" if transpose else ""), np.ascontiguousarray(value.T if transpose else value))

    def linear(self, x: str, prefix: str) -> str:
        """x @ W.T + b (torch.nn.Linear)."""
        return self.op("Add", self.op("MatMul", x, self.weight(prefix + "weight", transpose=True)),
                       self.weight(prefix + "bias"))

    def layer_norm(self, x: str, prefix: str) -> str:
        return self.op("LayerNormalization", x, self.weight(prefix + "weight"), self.weight(prefix + "bias"),
                       axis=-1, epsilon=float(self.config["layer_norm_eps"]))

    def embeddings(self) -> str:
        """word + token type + position embeddings, then LayerNorm (BertEmbeddings)."""
        words = self.op("Gather", self.weight("embeddings.word_embeddings.weight"), "input_ids", axis=0)
        types = self.op("Gather", self.weight("embeddings.token_type_embeddings.weight"), "token_type_ids", axis=0)
        length = self.op("Gather", self.op("Shape", "input_ids"), self.const("one", np.array(1, np.int64)), axis=0)
        positions = self.op("Range", self.const("zero", np.array(0, np.int64)), length,
                            self.const("one_step", np.array(1, np.int64)))
        where = self.op("Gather", self.weight("embeddings.position_embeddings.weight"), positions, axis=0)
        return self.layer_norm(self.op("Add", self.op("Add", words, types), where), "embeddings.LayerNorm.")

    def additive_mask(self) -> str:
        """(1 - mask) * float32 min, shaped [batch, 1, 1, tokens]: padded tokens get no attention."""
        mask = self.op("Cast", self.op("Unsqueeze", "attention_mask", self.const("axes_1_2", np.array([1, 2]))),
                       to=1)
        inverse = self.op("Sub", self.const("one_f", np.array(1.0, np.float32)), mask)
        return self.op("Mul", inverse, self.const("min_f", np.array(np.finfo(np.float32).min, np.float32)))

    def heads(self, x: str) -> str:
        """[batch, tokens, hidden] -> [batch, heads, tokens, head size]."""
        n = int(self.config["num_attention_heads"])
        shape = self.const("heads_shape", np.array([0, 0, n, int(self.config["hidden_size"]) // n], np.int64))
        return self.op("Transpose", self.op("Reshape", x, shape), perm=[0, 2, 1, 3])

    def layer(self, x: str, mask: str, p: str) -> str:
        """One BertLayer: self-attention block, then feed-forward block, each with residual + LayerNorm."""
        size = int(self.config["hidden_size"]) // int(self.config["num_attention_heads"])
        q, k, v = (self.heads(self.linear(x, f"{p}attention.self.{n}.")) for n in ("query", "key", "value"))
        scores = self.op("Div", self.op("MatMul", q, self.op("Transpose", k, perm=[0, 1, 3, 2])),
                         self.const("sqrt_head_size", np.array(math.sqrt(size), np.float32)))
        probs = self.op("Softmax", self.op("Add", scores, mask), axis=-1)
        merged = self.op("Reshape", self.op("Transpose", self.op("MatMul", probs, v), perm=[0, 2, 1, 3]),
                         self.const("merge_shape", np.array([0, 0, int(self.config["hidden_size"])], np.int64)))
        attended = self.layer_norm(self.op("Add", self.linear(merged, f"{p}attention.output.dense."), x),
                                   f"{p}attention.output.LayerNorm.")
        inner = self.gelu(self.linear(attended, f"{p}intermediate.dense."))
        return self.layer_norm(self.op("Add", self.linear(inner, f"{p}output.dense."), attended),
                               f"{p}output.LayerNorm.")

    def gelu(self, x: str) -> str:
        """x * 0.5 * (1 + erf(x / sqrt 2)): HF's "gelu", the exact form, not the tanh approximation."""
        erf = self.op("Erf", self.op("Div", x, self.const("sqrt2", np.array(math.sqrt(2.0), np.float32))))
        half = self.op("Mul", x, self.const("half", np.array(0.5, np.float32)))
        return self.op("Mul", half, self.op("Add", erf, self.const("one_g", np.array(1.0, np.float32))))


def main() -> None:
    """Write REFERENCE: sentence-transformers' vectors of onnx_embed.CHECK_TEXTS for the default model."""
    from .embed import Embedder
    from .onnx_embed import CHECK_TEXTS

    embedder = Embedder()
    vectors = embedder.encode(list(CHECK_TEXTS))
    REFERENCE.write_text(json.dumps({
        "about": "sentence-transformers' vectors of onnx_embed.CHECK_TEXTS; checks bert_onnx's graph",
        "model_id": embedder.model_id, "sha256": embedder.sha256, "texts_sha256": texts_sha256(CHECK_TEXTS),
        "vectors": [[float(x) for x in row] for row in vectors]}) + "\n", encoding="utf-8")
    print(f"wrote {REFERENCE} ({len(vectors)} vectors)")


if __name__ == "__main__":
    main()
