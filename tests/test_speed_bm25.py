"""The inverted-index BM25 that searches run gives rank-bm25's scores exactly, for every variant."""

import numpy as np
import pytest

from evals.questions import load_questions
from indexer.bm25 import BM25, VARIANTS
from indexer.bm25_sparse import SparseBM25, bm25_for
from indexer.tokenize import tokenize


@pytest.fixture(scope="module")
def docs(bundled_searcher):
    return bundled_searcher.index.terms + [[], ["s3", "s3", "glue"], ["rare-only-here"]]


@pytest.fixture(scope="module")
def queries():
    return [tokenize(q.question) for q in load_questions()] + [["s3", "s3", "glue"], ["nowhere"], []]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_same_scores_as_rank_bm25(docs, queries, variant):
    slow, fast = BM25(docs, variant), SparseBM25(docs, variant)
    assert fast.idf == slow.idf
    assert fast.document_frequencies() == slow.document_frequencies()
    for terms in queries:
        assert np.array_equal(fast.scores(terms), slow.scores(terms)), terms
        assert np.array_equal(fast.normalized(terms), slow.normalized(terms)), terms
        assert fast.upper_bound(terms) == slow.upper_bound(terms)


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_terms_weighing_a_third_each_count_as_much_as_one_whole_term(docs, queries, variant):
    """QueryPlan.weights: "kinesis" whole and the three words of "random cut forest" a third each score a
    section holding "kinesis" as much as one holding the three words; counted whole, the three win."""
    three = [["kinesis", "stream", "shard"], ["random", "cut", "forest"], ["glue", "crawler", "job"]]
    terms, weights = ["kinesis", "random", "cut", "forest"], {"random": 1 / 3, "cut": 1 / 3, "forest": 1 / 3}
    for bm in (BM25(three, variant), SparseBM25(three, variant)):
        whole, shared = bm.scores(terms), bm.scores(terms, weights)
        assert whole[1] > whole[0] > 0 and shared[0] == pytest.approx(shared[1]) and shared[2] == 0
        assert bm.upper_bound(terms, weights) == pytest.approx(2 * bm.upper_bound(["kinesis"]))
    slow, fast = BM25(docs, variant), SparseBM25(docs, variant)
    for terms in queries[:300]:
        weights = {t: 0.25 for t in terms[1::2]}
        assert np.allclose(fast.scores(terms, weights), slow.scores(terms, weights), rtol=1e-6), terms
        assert np.array_equal(fast.scores(terms, {}), slow.scores(terms))  # no weights: as rank-bm25 sums


def test_searches_run_the_inverted_index_at_every_size(docs, bundled_searcher):
    assert type(bm25_for(docs[:3])) is SparseBM25
    assert type(bundled_searcher.bm25) is SparseBM25


def test_unknown_variant_is_refused(docs):
    with pytest.raises(ValueError, match="choose from"):
        SparseBM25(docs, "bm42")


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_b_sets_how_much_a_long_section_weighs_a_word_down(variant):
    short, long_ = ["deepar"], ["deepar"] + [f"filler{i}" for i in range(40)]
    docs = [short, long_, ["other"] * 5]
    flat, half = bm25_for(docs, variant, b=0.0).scores(["deepar"]), bm25_for(docs, variant, b=0.5).scores(["deepar"])
    assert flat[0] == pytest.approx(flat[1])  # no length normalisation
    assert half[1] < half[0] and half[1] > BM25(docs, variant).scores(["deepar"])[1]  # less than at 0.75


def test_searches_use_the_settings_b(bundled_searcher):
    from indexer.search import SearchSettings
    assert bundled_searcher.bm25._bm25.b == SearchSettings().bm25_b == 0.5
