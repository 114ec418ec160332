"""Confidence also reads how near a question sits to questions study notes do not answer (indexer.offtopic)."""

import json

import numpy as np

from indexer import store
from indexer.confidence import Signals, confidence
from indexer.offtopic import OFF_TOPIC, offtopic_cosine, offtopic_sha256, shipped_vectors
from indexer.search import Searcher, SearchSettings
from tests.fakes import FakeEmbedder


def notes(tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    (root / "n.md").write_text("# N\n\n## Confusion Matrix\n\n- TP FP FN TN counts\n\n"
                               "## Exam\n\n- how long is the exam: 180 minutes\n", encoding="utf-8")
    return root


def test_the_signal_is_the_mean_cosine_to_the_nearest_few():
    vectors = np.eye(4, dtype=np.float32)
    query = np.array([0.8, 0.6, 0.0, 0.0], dtype=np.float32)
    assert np.isclose(offtopic_cosine(query, vectors, nearest=1), 0.8)
    assert np.isclose(offtopic_cosine(query, vectors, nearest=3), (0.8 + 0.6 + 0.0) / 3)
    assert np.isclose(offtopic_cosine(query, vectors, nearest=9), 1.4 / 4)  # fewer rows than asked: all of them
    assert offtopic_cosine(query, np.zeros((0, 4), dtype=np.float32)) == 0.0


def test_each_background_question_is_stored_with_how_near_the_notes_come(tmp_path):
    searcher = Searcher.open(corpus=notes(tmp_path), index_dir=tmp_path / "ix", embedder=FakeEmbedder())
    index = searcher.index
    assert [q.text for q in index.offtopic] == list(OFF_TOPIC) and len(index.offtopic_vectors) == len(OFF_TOPIC)
    own = np.asarray(index.vectors)
    expected = (index.offtopic_vectors @ own.T).max(axis=1)
    assert np.allclose([q.notes_cosine for q in index.offtopic], expected, atol=1e-5)
    build = store.current_build(tmp_path / "ix")
    row = json.loads((build / "offtopic.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert set(row) == {"text", "notes_cosine"}  # inspectable: which questions, how near the notes


def test_background_questions_the_notes_speak_to_are_left_out(tmp_path):
    """Notes about the exam keep "how long is the exam" from counting against questions about it."""
    searcher = Searcher.open(corpus=notes(tmp_path), index_dir=tmp_path / "ix", embedder=FakeEmbedder())
    index, near = searcher.index, searcher.settings.offtopic_near
    far = [i for i, q in enumerate(index.offtopic) if q.notes_cosine < near]
    assert 0 < len(far) < len(index.offtopic)  # some of the background sits on these notes
    question = "how long is the exam"
    vector = searcher.embedder.encode([question])[0]
    signals = searcher.ask(question).signals
    assert np.isclose(signals.offtopic_cosine, offtopic_cosine(vector, index.offtopic_vectors[far]))
    everything = Searcher(index, searcher.embedder, SearchSettings(offtopic_near=2.0))
    assert everything.ask(question).signals.offtopic_cosine > signals.offtopic_cosine


def test_an_index_made_with_another_background_is_rebuilt(tmp_path):
    root = notes(tmp_path)
    Searcher.open(corpus=root, index_dir=tmp_path / "ix", embedder=FakeEmbedder())
    build = store.current_build(tmp_path / "ix")
    manifest = json.loads((build / "manifest.json").read_text())
    assert manifest["offtopic"] == offtopic_sha256() and manifest["offtopic_questions"] == len(OFF_TOPIC)
    (build / "manifest.json").write_text(json.dumps({**manifest, "offtopic": "0" * 64}))
    messages = []
    Searcher.open(corpus=root, index_dir=tmp_path / "ix", embedder=FakeEmbedder(), notify=messages.append)
    assert any("another off-topic background" in m for m in messages)


def test_nearer_the_background_is_less_sure():
    near_notes = Signals(top_cosine=0.5, coverage=0.7, unknown_name=False, own_cosine=0.5, offtopic_cosine=0.2)
    near_background = Signals(top_cosine=0.5, coverage=0.7, unknown_name=False, own_cosine=0.5, offtopic_cosine=0.5)
    assert confidence(near_background) < confidence(near_notes)


def test_the_shipped_vectors_are_the_default_models_of_this_very_list(embedder):
    """A build with the default model takes the background's vectors as shipped (no 1241 texts to embed);
    they must be what the model makes of the list as it stands (python -m indexer.offtopic writes them)."""
    shipped = shipped_vectors(embedder)
    assert shipped is not None, "the shipped vectors are of another list or model: run python -m indexer.offtopic"
    assert np.allclose(shipped, embedder.encode(list(OFF_TOPIC)), atol=1e-5)
    assert shipped_vectors(FakeEmbedder()) is None  # another model embeds them itself


def test_a_build_with_the_default_model_embeds_only_the_notes(embedder, tmp_path):
    messages = []
    searcher = Searcher.open(corpus=notes(tmp_path), index_dir=tmp_path / "ix", embedder=embedder,
                             notify=messages.append)
    assert np.array_equal(searcher.index.offtopic_vectors, shipped_vectors(embedder))
    assert not any("off-topic background" in m for m in messages)
