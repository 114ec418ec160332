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


def test_searches_run_the_inverted_index_at_every_size(docs, bundled_searcher):
    assert type(bm25_for(docs[:3])) is SparseBM25
    assert type(bundled_searcher.bm25) is SparseBM25


def test_unknown_variant_is_refused(docs):
    with pytest.raises(ValueError, match="choose from"):
        SparseBM25(docs, "bm42")
