"""The dense side: exact below dense.ANN_FROM chunks, faiss HNSW from there on, chosen at build time."""

import numpy as np
import pytest

from indexer import dense, store
from indexer.build import BuildSettings, build_index
from indexer.search import Searcher, SearchSettings
from tests.fakes import FakeEmbedder

NOTES = {f"n{i}.md": f"# Note {i}\n\n## Topic {i}\n\n- {words}\n" for i, words in enumerate([
    "firehose delivers streams to s3", "glue crawlers build the data catalog", "athena runs sql over s3",
    "l1 regularization selects features", "dropout removes neurons at random", "kinesis data streams need shards",
    "sagemaker endpoints serve models", "pca reduces dimensions", "xgboost boosts trees", "bert reads text"])}
QUERIES = ["streams s3", "data catalog", "features", "neurons", "serve models", "trees text"]


@pytest.fixture
def notes(tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    for name, text in NOTES.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def unit(n, dim=16, seed=0):
    v = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_small_indexes_are_exact_and_big_ones_approximate():
    vectors = unit(50)
    assert not dense.is_approximate(dense.build_dense(vectors))
    assert dense.is_approximate(dense.build_dense(vectors, ann_from=20))
    assert dense.describe(dense.build_dense(vectors, ann_from=20))["kind"] == "hnsw"


def test_above_the_threshold_the_build_is_hnsw_and_answers_as_exact(notes, tmp_path, monkeypatch):
    exact = Searcher.open(corpus=notes, index_dir=tmp_path / "exact", embedder=FakeEmbedder())
    monkeypatch.setattr(dense, "ANN_FROM", 5)
    approx = Searcher.open(corpus=notes, index_dir=tmp_path / "hnsw", embedder=FakeEmbedder())
    assert exact.index.manifest["dense"] == {"kind": "exact"}
    assert approx.index.manifest["dense"]["kind"] == "hnsw"
    loaded = store.load(store.current_build(tmp_path / "hnsw"))
    assert dense.is_approximate(loaded.dense) and loaded.dense.ntotal == len(NOTES)
    for q in QUERIES:  # 10 chunks, all among the candidates: the same scores as exact search
        assert [(h.path, h.score) for h in approx.search(q, k=3)] == [(h.path, h.score) for h in exact.search(q, k=3)]


def test_sections_beyond_the_candidates_score_below_any_cosine(notes, tmp_path, monkeypatch):
    monkeypatch.setattr(dense, "ANN_FROM", 5)
    monkeypatch.setattr(dense, "CANDIDATES", 3)
    data, _ = build_index(notes, FakeEmbedder())
    query = FakeEmbedder().encode(["streams s3"])[0]
    chunk_section = np.array([c.section for c in data.chunks])
    scores = dense.section_scores(query, data.vectors, data.dense, chunk_section, len(data.sections))
    assert (scores > dense.MISSING).sum() == 3
    best = np.argsort(-(data.vectors @ query))[:3]
    assert set(np.flatnonzero(scores > dense.MISSING)) == set(chunk_section[best])


def test_nearest_chunks_are_the_same_exact_or_approximate():
    vectors, query = unit(50), unit(1, seed=1)[0]
    ids, sims = dense.nearest_chunks(query, vectors, None, 3)
    assert list(ids) == list(np.argsort(-(vectors @ query))[:3]) and np.allclose(sims, (vectors @ query)[ids])
    approx_ids, _ = dense.nearest_chunks(query, vectors, dense.build_dense(vectors, ann_from=20), 3)
    assert list(approx_ids) == list(ids)
    assert len(dense.nearest_chunks(query, vectors, None, 80)[0]) == 50


def test_feedback_moves_the_query_toward_its_nearest_chunks_and_keeps_it_unit_length():
    vectors, query = unit(50), unit(1, seed=1)[0]
    ids, _ = dense.nearest_chunks(query, vectors, None, 3)
    moved = dense.feedback(query, vectors, ids, 0.2)
    assert np.isclose(np.linalg.norm(moved), 1.0)
    centroid = vectors[ids].mean(0)
    assert moved @ centroid > query @ centroid
    assert dense.feedback(query, vectors, ids, 0.0) is query


def dense_with_feedback(notes, tmp_path, weight: float):
    """Searcher.dense for one question at this feedback weight: (its scores, its top cosine, the best
    chunk cosine over all vectors, the sections' scores for the unmoved question)."""
    searcher = Searcher.open(corpus=notes, index_dir=tmp_path / "ix", embedder=FakeEmbedder(),
                             settings=SearchSettings(feedback=weight, w_lay=0.0))
    query = FakeEmbedder().encode(["streams s3"])[0]
    scores, top_cosine, _ = searcher.dense(query)
    plain = dense.section_scores(query, searcher.index.vectors, None, searcher._chunk_section, len(searcher.sections))
    return scores, top_cosine, (searcher.index.vectors @ query).max(), plain


def test_confidence_reads_the_questions_own_cosine_not_the_moved_one(notes, tmp_path):
    scores, top_cosine, best_cosine, plain = dense_with_feedback(notes, tmp_path, 0.2)
    assert np.isclose(top_cosine, best_cosine)
    assert not np.allclose(scores, plain)  # the sections were scored with the moved query


def test_without_feedback_one_pass_gives_the_sections_scores_and_the_best_chunks_cosine(notes, tmp_path):
    scores, top_cosine, best_cosine, plain = dense_with_feedback(notes, tmp_path, 0.0)
    assert np.isclose(top_cosine, best_cosine)
    assert np.array_equal(scores, plain)


def test_a_section_is_cut_twice_and_a_short_one_once(tmp_path):
    root = tmp_path / "two"
    root.mkdir()
    long_bullets = "".join(f"- bullet {i} has seven words in it\n" for i in range(12))  # 84 words
    (root / "n.md").write_text(f"# N\n\n## Long\n\n{long_bullets}\n## Short\n\n- one short bullet\n", encoding="utf-8")
    data, _ = build_index(root, FakeEmbedder())
    long_chunks = [c for c in data.chunks if c.section == 0]
    coarse, fine = [c for c in long_chunks if not c.fine], [c for c in long_chunks if c.fine]
    assert len(coarse) == 2 and len(fine) == 6  # 60 words (8 bullets) + 4 bullets; 20 words: 2 bullets each
    assert [c.text for c in data.chunks if c.section == 1] == ["- one short bullet"]
    flat, _ = build_index(root, FakeEmbedder(), BuildSettings(fine_chunk_words=0))
    assert not any(c.fine for c in flat.chunks) and len(flat.chunks) == 3


def test_a_section_scores_the_mean_of_each_cuts_best_chunk():
    vectors = unit(5)
    query = unit(1, seed=1)[0]
    sims = vectors @ query
    chunk_section = np.array([0, 0, 0, 1, 1])
    fine = np.array([False, True, True, False, False])
    scores = dense.section_scores(query, vectors, None, chunk_section, 2, fine)
    assert np.isclose(scores[0], (sims[0] + max(sims[1], sims[2])) / 2)
    assert np.isclose(scores[1], max(sims[3], sims[4]))  # one cut only: its best chunk
    assert np.allclose(dense.section_scores(query, vectors, None, chunk_section, 2),
                       [sims[:3].max(), sims[3:].max()])


def test_a_sections_centroid_is_the_unit_mean_of_its_coarse_chunks():
    vectors = unit(6)
    chunk_section = np.array([0, 0, 0, 2, 2, 2])  # section 1 has no chunks
    fine = np.array([False, False, True, False, True, True])
    centroids = dense.section_centroids(vectors, chunk_section, 3, fine)
    mean0, mean2 = vectors[:2].mean(0), vectors[3]
    assert np.allclose(centroids[0], mean0 / np.linalg.norm(mean0), atol=1e-6)
    assert np.allclose(centroids[2], mean2, atol=1e-6)  # one coarse chunk: its own vector
    assert not centroids[1].any()
    assert np.allclose(dense.section_centroids(vectors, chunk_section, 3)[0],
                       vectors[:3].mean(0) / np.linalg.norm(vectors[:3].mean(0)), atol=1e-6)  # one cut: all


def test_a_short_question_also_scores_each_sections_centroid_and_confidence_does_not(tmp_path):
    root = tmp_path / "two"
    root.mkdir()
    bullets = "".join(f"- bullet {i} on streams shards firehose topic {i}\n" for i in range(12))  # two coarse chunks
    (root / "n.md").write_text(f"# N\n\n## Streams\n\n{bullets}\n## Other\n\n- glue crawlers\n", encoding="utf-8")
    searcher = Searcher.open(corpus=root, index_dir=tmp_path / "ix", embedder=FakeEmbedder(),
                             settings=SearchSettings(w_lay=0.0))
    vector = searcher.embedder.encode(["streams shards"])[0]
    plain, plain_top, _ = searcher.dense(vector)
    whole, whole_top, _ = searcher.dense(vector, whole=True)
    w = searcher.settings.w_centroid
    assert np.allclose(whole, (plain + w * searcher.centroids() @ vector) / (1 + w), atol=1e-6)
    assert not np.allclose(whole, plain) and whole_top == plain_top  # confidence reads the best chunks
    off = Searcher(searcher.index, searcher.embedder, SearchSettings(w_centroid=0.0, w_lay=0.0))
    short, stem = "streams shards", "streams shards " * 20  # a question of 40 words: best chunks only
    assert [h.score for h in searcher.search(short)] != [h.score for h in off.search(short)]
    assert [h.score for h in searcher.search(stem)] == [h.score for h in off.search(stem)]
