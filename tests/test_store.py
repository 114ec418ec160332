"""Index files: a round trip gives back the same index; damage is detected; writes are atomic."""

import json

import numpy as np
import pytest

from indexer import store
from indexer.build import build_index
from indexer.errors import IndexCorrupt, IndexDirNotWritable
from indexer.offtopic import OFF_TOPIC
from tests.fakes import FakeEmbedder


@pytest.fixture
def notes(tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    (root / "ml.md").write_text("# ML\n\n## L1\n\n- sum of weights\n\n## L2\n\n- sum of squares\n\n"
                                "## Confusion Matrix\n\n- TP FP FN TN\n", encoding="utf-8")
    return root


@pytest.fixture
def built(notes):
    data, _ = build_index(notes, FakeEmbedder())
    return data


def test_round_trip_gives_back_the_same_index(tmp_path, built):
    build = store.save(tmp_path / "idx", built)
    loaded = store.load(store.current_build(tmp_path / "idx"))
    assert build == store.current_build(tmp_path / "idx")
    assert loaded.sections == built.sections
    assert loaded.terms == built.terms
    assert loaded.chunks == built.chunks
    assert np.array_equal(loaded.vectors, built.vectors)
    assert loaded.lay == built.lay and 2 in {c.section for c in built.lay}  # "Confusion Matrix" has phrases
    assert np.array_equal(loaded.lay_vectors, built.lay_vectors) and len(loaded.lay_vectors) == len(built.lay)
    assert loaded.offtopic == built.offtopic and len(built.offtopic) == len(OFF_TOPIC)
    assert np.array_equal(loaded.offtopic_vectors, built.offtopic_vectors)
    assert loaded.dense.ntotal == len(built.chunks)
    assert loaded.manifest == json.loads(json.dumps(built.manifest))


def test_files_are_plain_and_inspectable(tmp_path, built):
    build = store.save(tmp_path / "idx", built)
    assert sorted(p.name for p in build.iterdir()) == [
        "aliases.json", "chunks.jsonl", "dense.faiss", "lay.jsonl", "lay_vectors.npy", "manifest.json",
        "offtopic.jsonl", "offtopic_vectors.npy", "sections.jsonl", "vectors.npy"]
    manifest = json.loads((build / "manifest.json").read_text())
    assert manifest["format_version"] == store.FORMAT_VERSION
    assert set(manifest["model"]) == {"id", "sha256", "dim"}
    assert list(manifest["corpus_files"]) == ["ml.md"]
    assert "tokenizer" in manifest and "settings" in manifest
    assert json.loads((build / "sections.jsonl").read_text().splitlines()[0])["path"] == ["ML", "L1"]


@pytest.mark.parametrize("damage", [
    lambda b: (b / "sections.jsonl").write_text('{"file": "ml.md", "pa'),
    lambda b: (b / "vectors.npy").write_bytes(b"\x93NUMPY garbage"),
    lambda b: (b / "dense.faiss").write_bytes(b"\x00" * 10),
    lambda b: (b / "manifest.json").unlink(),
    lambda b: (b / "chunks.jsonl").write_text(""),
    lambda b: (b / "lay.jsonl").write_text(""),
    lambda b: (b / "lay_vectors.npy").unlink(),
    lambda b: (b / "offtopic.jsonl").write_text('{"text": "a question"}\n'),
    lambda b: (b / "offtopic_vectors.npy").unlink(),
])
def test_damaged_files_raise_index_corrupt(tmp_path, built, damage):
    build = store.save(tmp_path / "idx", built)
    damage(build)
    with pytest.raises(IndexCorrupt):
        store.load(build)


def test_vectors_holding_objects_are_refused(tmp_path, built):
    build = store.save(tmp_path / "idx", built)
    with (build / "vectors.npy").open("wb") as f:  # an object array: its data would be a pickle
        np.lib.format.write_array_header_1_0(f, {"descr": "|O", "fortran_order": False, "shape": (1,)})
        f.write(b"\x80\x04cos\nsystem\n")
    with pytest.raises(IndexCorrupt):
        store.load(build)


def test_a_failed_write_leaves_the_old_index_current(tmp_path, built, monkeypatch):
    first = store.save(tmp_path / "idx", built)

    def boom(folder, data):
        (folder / "manifest.json").write_text("{")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "_write_build", boom)
    with pytest.raises(IndexDirNotWritable, match="No space left"):
        store.save(tmp_path / "idx", built)
    assert store.current_build(tmp_path / "idx") == first
    assert not list((tmp_path / "idx").glob(".tmp-build-*"))


def test_old_builds_are_pruned(tmp_path, built):
    for _ in range(4):
        store.save(tmp_path / "idx", built)
    assert len(list((tmp_path / "idx").glob("build-*"))) == store.KEEP_BUILDS


def test_unwritable_index_dir(tmp_path, built):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(IndexDirNotWritable, match="--index-dir"):
        store.save(blocker / "idx", built)


def test_pointer_to_a_missing_build_is_corrupt(tmp_path, built):
    store.save(tmp_path / "idx", built)
    (tmp_path / "idx" / store.POINTER).write_text('{"build": "build-gone"}')
    with pytest.raises(IndexCorrupt):
        store.current_build(tmp_path / "idx")


def test_aliases_are_mined_at_build_time_and_stored(tmp_path, notes):
    (notes / "algos.md").write_text("# Algos\n\n## Random Cut Forest\n\n- anomaly detection\n", encoding="utf-8")
    data, _ = build_index(notes, FakeEmbedder())
    build = store.save(tmp_path / "idx", data)
    assert json.loads((build / "aliases.json").read_text())["rcf"] == ["Random Cut Forest"]
    assert store.load(build).aliases["rcf"] == ["Random Cut Forest"]
