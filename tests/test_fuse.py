"""Fusion rules combine BM25 and dense scores as their formulas say."""

import numpy as np
import pytest

from indexer.fuse import fuse, linear, minmax, ranks, rrf


def test_ranks_put_non_matches_last():
    r = ranks(np.array([0.0, 3.0, 1.0]), floor=0.0)
    assert list(r) == [np.inf, 1, 2]


def test_rrf_is_the_sum_of_weighted_reciprocal_ranks():
    bm25, dense = np.array([2.0, 1.0, 0.0]), np.array([0.1, 0.9, 0.5])
    fused = rrf(bm25, dense, w_bm25=1.0, w_dense=2.0, k=60)
    assert fused[0] == pytest.approx(1 / 61 + 2 / 63)
    assert fused[1] == pytest.approx(1 / 62 + 2 / 61)
    assert fused[2] == pytest.approx(0 + 2 / 62)


def test_linear_mixes_normalised_scores():
    bm25, dense = np.array([10.0, 0.0, 5.0]), np.array([0.2, 0.8, 0.5])
    fused = linear(bm25, dense, w_bm25=0.3, w_dense=0.7)
    assert fused == pytest.approx([0.3, 0.7, 0.3 * 0.5 + 0.7 * 0.5])


def test_minmax_of_constant_scores_is_zero():
    assert list(minmax(np.array([3.0, 3.0]))) == [0.0, 0.0]


def test_unknown_fusion_names_the_choices():
    with pytest.raises(ValueError, match=r"\['linear', 'rrf', 'weighted'\]"):
        fuse("max", np.zeros(1), np.zeros(1))
