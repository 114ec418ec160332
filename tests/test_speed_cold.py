"""The cold path: `asknotes ask` and a re-index never import torch, transformers or sentence-transformers,
and the model's weights are hashed once, not on every call."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from indexer import embed, store
from indexer.embed import Embedder
from indexer.locate import bundled_corpus

HEAVY = ("torch", "transformers", "sentence_transformers")
ROOT = Path(__file__).resolve().parents[1]
RUN_CLI = f"""
import json, sys
from cli.main import cli
try:
    cli(sys.argv[1:])
except SystemExit as exc:
    assert not exc.code, exc.code
print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)), file=sys.stderr)
"""


def run_cli(*args) -> tuple[str, str, list[str]]:
    """Run the CLI in a new process: (stdout, stderr without the last line, heavy modules it imported)."""
    done = subprocess.run([sys.executable, "-c", RUN_CLI, *map(str, args)], check=False, capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    *notes, loaded = done.stderr.strip().splitlines()
    return done.stdout, "\n".join(notes), json.loads(loaded)


def test_ask_imports_no_torch_and_answers_as_sentence_transformers_does(bundled_index_dir, bundled_searcher):
    out, err, loaded = run_cli("ask", "when to use L1", "--json", "-k", "5", "--index-dir", bundled_index_dir)
    assert loaded == [] and err == ""
    got, want = json.loads(out), bundled_searcher.search("when to use L1", k=5)
    assert [h["path"] for h in got] == [h.path for h in want]
    assert all(abs(g["score"] - w.score) <= 1e-4 for g, w in zip(got, want))


def test_reindex_after_an_edit_imports_no_torch_and_embeds_only_the_edit(bundled_index_dir, tmp_path):
    notes, index_dir = tmp_path / "notes", tmp_path / "idx"
    shutil.copytree(bundled_corpus(), notes, ignore=shutil.ignore_patterns("__*"))
    shutil.copytree(bundled_index_dir, index_dir)  # fresh for the copy: same file names and contents
    note = next(notes.glob("*.md"))
    note.write_text(note.read_text(encoding="utf-8").replace("- Dropout, remove neurons at random",
                                                             "- Dropout, drop neurons at random"), encoding="utf-8")
    _, err, loaded = run_cli("index", notes, "--index-dir", index_dir)
    assert loaded == []
    index = store.load(store.current_build(index_dir), dense=False)
    edited = {c.text for c in index.chunks if "drop neurons at random" in c.text}  # one chunk of each cut
    assert len(edited) == 2 and f"embedded 2 of {len(index.chunks) + len(index.lay)} chunks" in err  # lay ones too


def test_the_weights_are_hashed_once_then_looked_up(monkeypatch):
    Embedder()  # fills the cache (this test's own cache folder)
    calls = []
    monkeypatch.setattr(embed, "file_sha256", lambda path: calls.append(path) or "0" * 64)
    assert Embedder().sha256 == embed.DEFAULT_MODEL_SHA256
    assert calls == []


def test_a_changed_weights_file_is_hashed_again(tmp_path):
    weights = tmp_path / "model.safetensors"
    weights.write_bytes(b"first")
    assert embed.weights_sha256(tmp_path) == embed.file_sha256(weights)
    weights.write_bytes(b"second, longer")
    assert embed.weights_sha256(tmp_path) == embed.file_sha256(weights)


def test_the_default_weights_are_hashed_afresh_before_the_model_loads(monkeypatch):
    e = Embedder()
    monkeypatch.setattr(embed, "DEFAULT_MODEL_SHA256", "f" * 64)  # as if the file had changed since it was cached
    monkeypatch.setattr(embed, "_cached_sha256", lambda path: "f" * 64)
    with pytest.raises(embed.ModelError, match="do not match"):
        _ = e.model


@pytest.mark.parametrize("args", [["--help"], ["--version"]])
def test_help_and_version_import_no_numpy(args):
    code = "import sys\nfrom cli.main import cli\ntry:\n    cli(sys.argv[1:])\nexcept SystemExit:\n    pass\n" \
           "print(sorted(m for m in ('numpy', 'faiss', 'torch', 'onnxruntime') if m in sys.modules), file=sys.stderr)"
    done = subprocess.run([sys.executable, "-c", code, *args], check=False, capture_output=True, text=True,
                          cwd=ROOT, timeout=60)
    assert done.stderr.strip() == "[]"
