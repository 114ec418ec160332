"""Re-indexing embeds only the chunks whose text changed, and says how many it embedded."""

import numpy as np
import pytest

from indexer.build import build_index
from indexer.offtopic import OFF_TOPIC
from indexer.search import Searcher
from tests.fakes import FakeEmbedder

NOTE = ("# ML\n\n## Regularization\n\n- L1 is sum of weights, feature selection\n- L2 is sum of squares\n\n"
        "## Kinesis\n\n- Firehose delivers to S3\n- Data Streams need shards\n\n"
        "## Glue\n\n- serverless ETL\n- crawlers build the data catalog\n")


@pytest.fixture
def notes(tmp_path):
    root = tmp_path / "notes"
    root.mkdir()
    (root / "ml.md").write_text(NOTE, encoding="utf-8")
    (root / "other.md").write_text("# Other\n\n## Athena\n\n- SQL over S3\n", encoding="utf-8")
    return root


def reopen(notes, tmp_path, embedder=None, **kw):
    embedder, messages = embedder or FakeEmbedder(), []
    searcher = Searcher.open(corpus=notes, index_dir=tmp_path / "idx", embedder=embedder,
                             notify=messages.append, **kw)
    return searcher, embedder, messages


def texts(searcher) -> int:
    """What a build embeds: the sections' chunks and their lay chunks (everyday phrases, indexer.lay)."""
    return len(searcher.index.chunks) + len(searcher.index.lay)


def distinct(searcher) -> int:
    """The texts a build embeds, each once: a term two sections are about gives both the same lay chunk."""
    return len(searcher.index.chunks) + len({c.text for c in searcher.index.lay})


BACKGROUND = len(OFF_TOPIC)  # a first build also embeds the off-topic background (indexer.offtopic), once


def test_the_first_build_embeds_every_chunk(notes, tmp_path):
    searcher, embedder, messages = reopen(notes, tmp_path)
    n = texts(searcher)
    assert len(searcher.index.chunks) == 4 and len(searcher.index.lay) > 0  # "Regularization", "Glue"…
    assert embedder.texts_embedded == distinct(searcher) + BACKGROUND
    assert f"embedded {distinct(searcher)} of {n} chunks and {BACKGROUND} off-topic background questions" in messages[-1]


def test_editing_one_section_embeds_only_its_chunk(notes, tmp_path):
    reopen(notes, tmp_path)
    (notes / "ml.md").write_text(NOTE.replace("need shards", "need shards and a partition key"), encoding="utf-8")
    searcher, embedder, messages = reopen(notes, tmp_path)
    assert embedder.texts_embedded == 1 and f"embedded 1 of {texts(searcher)} chunks" in messages
    fresh, _ = build_index(notes, FakeEmbedder())
    assert np.array_equal(searcher.index.vectors, fresh.vectors)
    assert searcher.search("partition key", k=1)[0].path == ["ML", "Kinesis"]


def test_moved_and_deleted_sections_embed_nothing(notes, tmp_path):
    reopen(notes, tmp_path)
    (notes / "ml.md").write_text(NOTE.split("## Glue")[0], encoding="utf-8")
    (notes / "moved.md").write_text("# Moved\n\n## Glue\n\n- serverless ETL\n- crawlers build the data catalog\n",
                                    encoding="utf-8")
    searcher, embedder, messages = reopen(notes, tmp_path)
    assert embedder.texts_embedded == 0 and f"embedded 0 of {texts(searcher)} chunks" in messages


def test_a_forced_rebuild_embeds_everything_again(notes, tmp_path):
    reopen(notes, tmp_path)
    searcher, embedder, _ = reopen(notes, tmp_path, rebuild=True)
    assert embedder.texts_embedded == distinct(searcher) + BACKGROUND


class OtherModel(FakeEmbedder):
    model_id = "another-model"


def test_vectors_of_another_model_are_not_reused(notes, tmp_path):
    reopen(notes, tmp_path)
    searcher, embedder, messages = reopen(notes, tmp_path, OtherModel())
    n = texts(searcher)
    assert embedder.texts_embedded == distinct(searcher) + BACKGROUND
    assert any(m.startswith(f"embedded {distinct(searcher)} of {n} chunks and {BACKGROUND}") for m in messages)
