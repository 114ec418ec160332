"""Searcher: builds when needed, rebuilds when stale or damaged, and answers sensibly."""

import json

import pytest

from indexer import search as search_mod
from indexer import store
from indexer.embed import Embedder
from indexer.errors import EmptyQuery, ModelError
from indexer.search import Searcher
from tests.fakes import FakeEmbedder

NOTES = {
    "ml.md": "# ML\n\n## Regularization\n\n- L1 is sum of weights, feature selection\n- L2 is sum of squares\n\n"
             "## Kinesis\n\n- Firehose delivers to S3\n- Data Streams need shards\n",
    "aws/glue.txt": "Glue\n\n  • serverless ETL\n  • crawlers build the data catalog\n",
}


@pytest.fixture
def notes(tmp_path):
    root = tmp_path / "notes"
    for name, text in NOTES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def open_(notes, tmp_path, embedder=None, messages=None):
    return Searcher.open(corpus=notes, index_dir=tmp_path / "idx", embedder=embedder or FakeEmbedder(),
                         notify=(messages.append if messages is not None else None))


def test_first_open_builds_then_reuses(notes, tmp_path):
    messages = []
    open_(notes, tmp_path, messages=messages)
    assert messages and messages[0].startswith("building the index")
    embedder, messages = FakeEmbedder(), []
    open_(notes, tmp_path, embedder, messages)
    assert messages == [] and embedder.calls == 0


def test_search_returns_whole_sections_with_their_place(notes, tmp_path):
    (hit, *_) = open_(notes, tmp_path).search("when to use L1", k=3)
    assert hit.path == ["ML", "Regularization"]
    assert (hit.file, hit.line_start, hit.line_end) == ("ml.md", 3, 6)
    assert hit.text == "- L1 is sum of weights, feature selection\n- L2 is sum of squares"
    assert hit.matched_lines == [5]
    assert hit.rank == 1


def test_each_section_appears_at_most_once(notes, tmp_path):
    hits = open_(notes, tmp_path).search("sum weights squares shards firehose glue", k=10)
    paths = [tuple(h.path) for h in hits]
    assert len(paths) == len(set(paths)) == 3


@pytest.mark.parametrize("edit", [
    lambda root: (root / "ml.md").write_text(NOTES["ml.md"] + "\n## Dropout\n\n- remove neurons\n"),
    lambda root: (root / "new.md").write_text("# New\n\n- remove neurons\n"),
])
def test_a_changed_corpus_is_rebuilt_and_says_so(notes, tmp_path, edit):
    open_(notes, tmp_path)
    edit(notes)
    messages = []
    hits = open_(notes, tmp_path, messages=messages).search("remove neurons", k=1)
    assert messages and "out of date" in messages[0] and "changed" in messages[0]
    assert hits[0].text == "- remove neurons"


class OtherModel(FakeEmbedder):
    model_id = "another-model"


@pytest.mark.parametrize("damage, expected", [
    (lambda b: (b / "sections.jsonl").write_text('{"trunc'), "damaged"),
    (lambda b: (b / "dense.faiss").write_bytes(b""), "damaged"),
    (lambda b: (b / "manifest.json").write_text(
        json.dumps({**json.loads((b / "manifest.json").read_text()), "format_version": 0})), "format version"),
    (lambda b: (b.parent / "current.json").write_text("{{{"), "damaged"),
])
def test_damaged_or_old_index_is_rebuilt(notes, tmp_path, damage, expected):
    open_(notes, tmp_path)
    damage(store.current_build(tmp_path / "idx"))
    messages = []
    hits = open_(notes, tmp_path, messages=messages).search("firehose", k=1)
    assert expected in messages[0]
    assert hits[0].path == ["ML", "Kinesis"]


def test_index_built_with_another_model_is_rebuilt(notes, tmp_path):
    open_(notes, tmp_path)
    messages = []
    open_(notes, tmp_path, OtherModel(), messages)
    assert "built with model 'fake-embedder', now 'another-model'" in messages[0]


def test_skipped_files_are_reported(notes, tmp_path):
    (notes / "bad.md").write_bytes(b"\xff\xfe\x00broken")
    messages = []
    searcher = open_(notes, tmp_path, messages=messages)
    assert any("bad.md" in m for m in messages)
    assert len(searcher.sections) == 3


@pytest.mark.parametrize("query", ["", "   \n\t"])
def test_empty_question_is_refused(notes, tmp_path, query):
    with pytest.raises(EmptyQuery):
        open_(notes, tmp_path).search(query)


@pytest.mark.parametrize("kwargs", [{"k": 0}, {"k": -2}, {"mode": "fuzzy"}])
def test_bad_arguments_are_refused(notes, tmp_path, kwargs):
    with pytest.raises(ValueError):
        open_(notes, tmp_path).search("glue", **kwargs)


def test_stopword_only_question(notes, tmp_path):
    searcher = open_(notes, tmp_path)
    assert searcher.search("what is the ?!", mode="bm25") == []
    assert searcher.search("what is the ?!", mode="hybrid")  # meaning, not words, still ranks something


def test_very_long_question(notes, tmp_path):
    hits = open_(notes, tmp_path).search("crawlers catalog " + "x" * 20_000, k=2)
    assert hits[0].path == ["Glue"]


def test_default_model_weights_are_checked(monkeypatch):
    monkeypatch.setattr("indexer.embed.DEFAULT_MODEL_SHA256", "f" * 64)
    with pytest.raises(ModelError, match="do not match"):
        Embedder()


def test_unknown_model_gives_a_clear_error(notes, tmp_path):
    with pytest.raises(ModelError, match="cannot load embedding model 'no-such-org/no-such-model'"):
        Searcher.open(corpus=notes, index_dir=tmp_path / "idx", model="no-such-org/no-such-model")


def test_self_retrieval_with_the_real_model(bundled_searcher):
    """Each section's own text finds that section first: a cheap check of the whole pipeline."""
    sections = [s for s in bundled_searcher.sections if len(s.text.split()) >= 15]
    misses = [s.path for s in sections if bundled_searcher.search(s.text[:400], k=1)[0].path != list(s.path)]
    assert len(misses) <= len(sections) // 20, misses


def test_a_section_whose_heading_names_the_question_scores_the_heading_match(tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    (root / "n.md").write_text("# N\n\n## Kinesis streams\n\n- shards and capacity\n\n"
                               "## Rekognition\n\n- video from a kinesis stream, then a kinesis data stream\n")
    searcher = open_(root, tmp_path)
    kinesis, rekognition = (searcher.sections.index(s) for s in searcher.sections if s.path[-1] != "N")
    match = searcher.heading_match(["kinesis"])
    assert match[kinesis] == pytest.approx(1.0) and match[rekognition] == 0.0
    assert 0 < searcher.heading_match(["kinesis", "shard"])[kinesis] < 1  # a share, weighted by IDF


def test_a_one_word_question_finds_the_section_named_by_it(bundled_searcher):
    # Without the heading match the Rekognition section, whose one chunk names Kinesis twice, came first.
    assert bundled_searcher.search("kinesis", k=1)[0].path[-1].startswith("Kinesis")


def test_hybrid_counts_bm25s_share_squared_and_bm25_mode_plain(notes, tmp_path):
    """A section holding half of the question's term weight gets a quarter of BM25's say in hybrid mode
    (SearchSettings.bm25_power), one holding all of it the whole; bm25 mode ranks by the plain share."""
    import dataclasses

    searcher = open_(notes, tmp_path)
    searcher.settings = dataclasses.replace(searcher.settings, w_heading=0.0)
    plan = searcher.planner.plan("firehose shards glue")
    share = searcher.bm25.normalized(plan.terms)
    assert 0 < share.max() < 1
    assert searcher.lexical(plan, "hybrid") == pytest.approx(share ** 2)
    assert searcher.lexical(plan, "bm25") == pytest.approx(share)
