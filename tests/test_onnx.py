"""The ONNX back-end: the same vectors and the same answers as sentence-transformers, or a clean fallback."""

import json
import shutil
import subprocess
import sys

import numpy as np
import pytest

from evals.questions import load_questions
from indexer import bert_onnx, onnx_embed, store
from indexer.build import build_embedder, embed_text
from indexer.embed import backend_for
from indexer.errors import IndexCorrupt
from indexer.locate import bundled_corpus
from indexer.onnx_embed import NotExportable, OnnxEmbedder
from indexer.search import Searcher
from tests.fakes import FakeEmbedder


@pytest.fixture(scope="module")
def onnx_searcher(bundled_searcher):
    """The session's index, with queries embedded by the ONNX export it holds."""
    assert bundled_searcher.index.encoder is not None
    return Searcher(bundled_searcher.index, OnnxEmbedder(bundled_searcher.index.encoder))


def test_the_bundled_index_holds_an_export_of_its_model(bundled_index_dir, embedder):
    build = store.current_build(bundled_index_dir)
    assert sorted(p.name for p in (build / "encoder").iterdir()) == sorted(onnx_embed.FILES)
    info = onnx_embed.read_info(build / "encoder")
    assert (info["model_id"], info["sha256"], info["dim"]) == (embedder.model_id, embedder.sha256, 384)
    assert info["max_diff"] <= onnx_embed.MAX_DIFF
    assert info["writer"] == "bert_onnx"  # the default model's graph is written from its weights, not traced


def test_onnx_vectors_match_sentence_transformers(bundled_searcher, embedder):
    index = bundled_searcher.index
    texts = [embed_text(index.sections[c.section], c) for c in index.chunks]
    got = OnnxEmbedder(index.encoder).encode(texts)
    assert np.abs(got - index.vectors).max() < 1e-5
    assert np.abs(OnnxEmbedder(index.encoder).encode(["when to use L1"]) - embedder.encode(["when to use L1"])).max() < 1e-5


def test_a_texts_vector_does_not_depend_on_the_batch_it_is_embedded_in(bundled_searcher):
    index = bundled_searcher.index
    texts = [embed_text(index.sections[c.section], c) for c in index.chunks[:80]] + ["kinesis", "a b c " * 60]
    encoder = OnnxEmbedder(index.encoder)
    alone = np.vstack([encoder.encode([t]) for t in texts])
    assert np.abs(encoder.encode(texts) - alone).max() < 1e-6
    assert np.abs(encoder.encode(texts, batch_size=32) - alone).max() < 1e-6


def test_every_question_gets_the_same_answer_from_both_backends(bundled_searcher, onnx_searcher):
    for q in load_questions():
        want = bundled_searcher.search(q.question, k=5)
        got = onnx_searcher.search(q.question, k=5)
        assert [h.path for h in got] == [h.path for h in want], q.question
        assert np.allclose([h.score for h in got], [h.score for h in want], rtol=0, atol=1e-4), q.question


def test_open_without_an_embedder_answers_with_the_export(bundled_index_dir):
    searcher = Searcher.open(corpus=bundled_corpus(), index_dir=bundled_index_dir)
    assert isinstance(searcher.embedder, OnnxEmbedder)
    assert searcher.search("Firehose vs Data Streams", k=1)[0].path[-1].startswith("Kinesis")


def test_a_reindex_embeds_with_the_previous_builds_export(bundled_index_dir, embedder):
    previous = store.load_current(bundled_index_dir, dense=False)
    assert isinstance(build_embedder(previous, embedder), OnnxEmbedder)


def test_a_first_build_makes_the_export_and_embeds_with_it(embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # no export made before
    assert embedder.export(make=False) is None
    assert isinstance(build_embedder(None, embedder), OnnxEmbedder)

    def refuse(make=True):
        raise NotExportable("its modules are not transformer + mean pooling")

    monkeypatch.setattr(embedder, "export", refuse)
    assert build_embedder(None, embedder) is embedder


def test_a_model_that_cannot_be_exported_is_tried_once(embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(embedder, "_not_exportable", None)
    tried = []

    def refuse(*args):
        tried.append(args)
        raise NotExportable("its modules are not transformer + mean pooling")

    monkeypatch.setattr(onnx_embed, "export_from_weights", refuse)
    monkeypatch.setattr(onnx_embed, "export", refuse)
    for _ in range(2):  # the build asks before it embeds, and again when it saves
        with pytest.raises(NotExportable, match="mean pooling"):
            embedder.export()
    assert len(tried) == 2  # once from the weights, once traced; neither again


def test_an_export_of_another_model_is_not_used(bundled_searcher):
    other = FakeEmbedder()
    assert backend_for(bundled_searcher.index.encoder, other) is other
    assert backend_for(None, other) is other


class Named:
    """A stand-in module of a sentence-transformers model: only its class name matters here."""

    def __init__(self, name, **attrs):
        self.__class__ = type(name, (Named,), {})
        self.__dict__.update(attrs)


class Tokenizer:
    backend_tokenizer = object()


@pytest.mark.parametrize("modules, reason", [
    ([Named("Transformer", tokenizer=object()), Named("Pooling")], "no Hugging Face `tokenizers` form"),
    ([Named("Transformer", tokenizer=Tokenizer()), Named("Pooling"), Named("Dense")], "are not transformer"),
    ([Named("Transformer", tokenizer=Tokenizer(), do_lower_case=True), Named("Pooling")], "lower-cases"),
])
def test_models_the_export_cannot_reproduce_are_refused(modules, reason):
    with pytest.raises(NotExportable, match=reason):
        onnx_embed._transformer(modules)


class Unexportable(FakeEmbedder):
    def export(self, make=True):
        raise NotExportable("its modules are not transformer + mean pooling")


def test_an_unexportable_model_falls_back_to_itself_for_queries(tmp_path):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "n.md").write_text("# N\n\n## Glue\n\n- serverless ETL\n", encoding="utf-8")
    messages, embedder = [], Unexportable()
    searcher = Searcher.open(corpus=notes, index_dir=tmp_path / "idx", embedder=embedder, notify=messages.append)
    assert any("queries will load sentence-transformers" in m for m in messages)
    assert searcher.index.encoder is None and searcher.index.manifest["encoder"] is None
    assert searcher.embedder is embedder


def test_a_damaged_export_makes_the_index_corrupt(bundled_index_dir, tmp_path):
    copy = tmp_path / "idx"
    shutil.copytree(bundled_index_dir, copy)  # copies, so the session's files stay whole
    build = store.current_build(copy)
    with (build / "encoder" / "model.onnx.data").open("r+b") as f:
        f.truncate(1000)
    with pytest.raises(IndexCorrupt, match="encoder"):
        store.load(build)


FIRST_EXPORT = """
import json, sys
from indexer.embed import Embedder
from indexer.onnx_embed import read_info
folder = Embedder().export()
print(json.dumps({"writer": read_info(folder)["writer"],
                  "loaded": sorted(m for m in sys.modules if m.split(".")[0] in ("torch", "sentence_transformers"))}))
"""


def test_the_default_models_first_export_loads_neither_torch_nor_sentence_transformers(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    run = subprocess.run([sys.executable, "-c", FIRST_EXPORT], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout) == {"writer": "bert_onnx", "loaded": []}


def test_the_shipped_reference_vectors_are_sentence_transformers_own(embedder):
    reference = bert_onnx.reference(embedder.sha256, onnx_embed.CHECK_TEXTS)
    assert reference is not None
    assert np.abs(reference - embedder.encode(list(onnx_embed.CHECK_TEXTS))).max() < 1e-6


def test_reference_vectors_serve_only_their_own_weights_and_texts(embedder):
    assert bert_onnx.reference("0" * 64, onnx_embed.CHECK_TEXTS) is None
    assert bert_onnx.reference(embedder.sha256, [*onnx_embed.CHECK_TEXTS, "a text added since"]) is None


def test_weights_whose_written_graph_fails_its_check_are_traced_instead(embedder, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setattr(embedder, "_not_exportable", None)
    real = bert_onnx.reference
    monkeypatch.setattr(bert_onnx, "reference", lambda sha, texts: real(sha, texts) + 0.01)
    folder = embedder.export()
    info = onnx_embed.read_info(folder)
    assert info["writer"] == "torch.onnx" and info["max_diff"] <= onnx_embed.MAX_DIFF
    assert [p.name for p in folder.parent.iterdir()] == [folder.name]  # the failed one left nothing behind


def model_copy(embedder, tmp_path, change):
    """The model folder's config files, copied and changed; weights and tokenizer linked."""
    folder = tmp_path / "model"
    shutil.copytree(embedder.folder, folder, ignore=shutil.ignore_patterns("*.safetensors", "tokenizer.json"))
    for name in ("model.safetensors", "tokenizer.json"):
        (folder / name).symlink_to(embedder.folder / name)
    path, key, value = change
    config = json.loads((folder / path).read_text(encoding="utf-8"))
    if isinstance(config, list):
        config.append({"idx": 3, "name": "3", "path": "3_Dense", "type": value})
    else:
        config[key] = value
    (folder / path).write_text(json.dumps(config), encoding="utf-8")
    return folder


@pytest.mark.parametrize("change", [
    ("config.json", "model_type", "roberta"),
    ("config.json", "hidden_act", "gelu_new"),
    ("config.json", "position_embedding_type", "relative_key"),
    ("1_Pooling/config.json", "pooling_mode_cls_token", True),
    ("sentence_bert_config.json", "do_lower_case", True),
    ("modules.json", None, "sentence_transformers.models.Dense"),
])
def test_models_bert_onnx_cannot_write_are_refused(embedder, tmp_path, change):
    assert bert_onnx.describe(embedder.folder)["hidden_size"] == 384
    with pytest.raises(bert_onnx.NotPlainBert):
        bert_onnx.describe(model_copy(embedder, tmp_path, change))
