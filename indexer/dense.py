"""Chunk vectors -> a faiss index, and a query vector -> each section's dense score.

Below ANN_FROM chunks the search is exact: one matrix-vector product over every chunk vector (the faiss
file holds an IndexFlatIP of the same rows). From ANN_FROM on, faiss IndexHNSWFlat (inner product) finds
the CANDIDATES nearest chunks and only their sections get a score; the others get MISSING, below any
cosine. The choice is made at build time and recorded in the manifest ("dense").

Why 1M (python -m evals.bench, this 2-core machine): the exact product reads every vector, so it
costs what memory bandwidth allows: 0.3 ms at 10k chunks, 5.7 ms at 105k, 18 ms at 300k, 62 ms at 1M,
all inside a warm query's 150 ms budget at scale. HNSW (M 32, efSearch 512) costs 0.7 ms at 10k, 1.1 ms
at 30k, 2.0 ms at 105k, but its recall@10 against exact search is 0.99 on 5k real MiniLM vectors and
only 0.95 / 0.79 / 0.64 at 10k / 30k / 105k on the benchmark's stand-in vectors, whose chunks cluster by
note (most likely because they share their heading path's words). Exact results are worth more than the milliseconds HNSW
saves, so it only takes over where exact search would pass the budget.
"""

from __future__ import annotations

import numpy as np

ANN_FROM = 1_000_000
HNSW_M = 32  # graph degree: recall vs memory (M * 8 bytes of links per vector)
EF_CONSTRUCTION = 80
EF_SEARCH = 512  # search breadth: recall@10 on 20k stand-in vectors 0.91 at 128, 0.97 at 256, 0.99 at 512
CANDIDATES = 100  # nearest chunks an approximate search returns
MISSING = -1.0  # the dense score of a section with no chunk among the candidates: below any cosine


def build_dense(vectors: np.ndarray, ann_from: int | None = None):
    """An inner-product faiss index (cosine, as the vectors are unit length): exact below ann_from
    (default ANN_FROM) rows, else HNSW."""
    import faiss

    if len(vectors) < (ANN_FROM if ann_from is None else ann_from):
        index = faiss.IndexFlatIP(vectors.shape[1])
    else:
        index = faiss.IndexHNSWFlat(vectors.shape[1], HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = EF_CONSTRUCTION
    if len(vectors):
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


def is_approximate(index) -> bool:
    return hasattr(index, "hnsw")


def describe(index) -> dict:
    """What the manifest records about the dense index."""
    if is_approximate(index):
        return {"kind": "hnsw", "m": HNSW_M, "ef_construction": EF_CONSTRUCTION, "ef_search": EF_SEARCH}
    return {"kind": "exact"}


class ChunkSims:
    """Cosine similarity of chunks to a query, computed for the rows asked (sims[rows]): an approximate
    search never computes them for every chunk."""

    def __init__(self, vectors: np.ndarray, query: np.ndarray):
        self.vectors, self.query = vectors, query

    def __getitem__(self, rows) -> np.ndarray:
        return self.vectors[rows] @ self.query


def nearest_chunks(query: np.ndarray, vectors: np.ndarray, index, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k chunks nearest the (unit) query vector, best first (ties: lower row first), and their
    cosine similarities. An approximate index is asked for CANDIDATES, so ties break as in exact search."""
    if index is not None and is_approximate(index):
        index.hnsw.efSearch = max(EF_SEARCH, CANDIDATES, k)
        found_sims, found = index.search(query[None, :].astype(np.float32), max(CANDIDATES, k))
        keep = found[0] >= 0
        ids, sims = found[0][keep], found_sims[0][keep]
    elif len(vectors):
        sims = vectors @ query
        if len(sims) > k:  # every row that could be among the k (all ties at the k-th value), in row order
            ids = np.flatnonzero(sims >= np.partition(sims, len(sims) - k)[len(sims) - k])
            sims = sims[ids]
        else:
            ids = np.arange(len(sims))
    else:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
    order = np.lexsort((ids, -sims))[:k]
    return ids[order], sims[order]


def feedback(query: np.ndarray, vectors: np.ndarray, nearest: np.ndarray, weight: float) -> np.ndarray:
    """Pseudo-relevance feedback (Rocchio): the query moved toward the mean of its nearest chunks, so
    a question worded unlike the notes borrows the notes' wording from what it already matches best."""
    if weight <= 0 or not len(nearest):
        return query
    moved = query + weight * vectors[nearest].mean(0)
    return (moved / np.linalg.norm(moved)).astype(query.dtype)


def section_scores(query: np.ndarray, vectors: np.ndarray, index, chunk_section: np.ndarray,
                   n_sections: int, fine: np.ndarray | None = None) -> np.ndarray:
    """Per section, the cosine similarity of its best chunk to the (unit) query vector. With `fine` (per
    chunk, True for a chunk of the finer cut, BuildSettings.fine_chunk_words), the mean of the best chunk
    of each cut; a section with chunks of one cut only among an approximate search's candidates scores that
    cut's best."""
    if index is not None and is_approximate(index):
        index.hnsw.efSearch = max(EF_SEARCH, CANDIDATES)
        found_sims, ids = index.search(query[None, :].astype(np.float32), CANDIDATES)
        found = ids[0] >= 0
        rows = ids[0][found]
        sections, sims = chunk_section[rows], found_sims[0][found]
        fine = fine[rows] if fine is not None else None
    else:  # every chunk, in order: no gathering
        sections = chunk_section
        sims = vectors @ query if len(vectors) else np.zeros(0, dtype=np.float32)
    if fine is None:
        return _best(sections, sims, n_sections)
    coarse = _best(sections[~fine], sims[~fine], n_sections)
    finer = _best(sections[fine], sims[fine], n_sections)
    both = (coarse > MISSING) & (finer > MISSING)
    return np.where(both, (coarse + finer) / 2, np.maximum(coarse, finer)).astype(np.float32)


def section_centroids(vectors: np.ndarray, chunk_section: np.ndarray, n_sections: int,
                      fine: np.ndarray | None = None) -> np.ndarray:
    """Per section, the unit-length mean of its chunks' vectors (of the coarser cut, in an index cut twice):
    what the section is about as a whole, where its best chunk says what one part of it says. Chunks are
    stored section by section; a section with no chunks gets zeros."""
    rows = ~fine if fine is not None else np.ones(len(chunk_section), dtype=bool)
    vectors, sections = vectors[rows], chunk_section[rows]
    out = np.zeros((n_sections, vectors.shape[1] if vectors.ndim == 2 else 0), dtype=np.float32)
    counts = np.bincount(sections, minlength=n_sections)
    has = counts > 0
    if has.any():
        out[has] = np.add.reduceat(vectors, np.searchsorted(sections, np.flatnonzero(has)), axis=0)
        out[has] /= np.linalg.norm(out[has], axis=1, keepdims=True) + 1e-12
    return out


def nearest_cosines(queries: np.ndarray, vectors: np.ndarray, index) -> np.ndarray:
    """For each (unit) row of queries, the cosine of the nearest of `vectors` (through their faiss index,
    exact or approximate); -1 where there are none."""
    if not len(queries) or not len(vectors) or index is None:
        return np.full(len(queries), -1.0, dtype=np.float32)
    if is_approximate(index):
        index.hnsw.efSearch = max(EF_SEARCH, CANDIDATES)
    sims, found = index.search(np.ascontiguousarray(queries, dtype=np.float32), 1)
    return np.where(found[:, 0] >= 0, sims[:, 0], -1.0).astype(np.float32)


def lay_scores(query: np.ndarray, lay_vectors: np.ndarray, lay_section: np.ndarray, n_sections: int) -> np.ndarray:
    """Per section, the cosine of its best lay vector (lay.py) to the (unit) query vector, else MISSING.
    numpy's own loop (einsum), not `@`, as for the off-topic background (offtopic.offtopic_cosine): right
    after an embedding, OpenBLAS's threads made the product over 885 lay vectors 0.16 ms, einsum 0.11."""
    return _best(lay_section, np.einsum("ij,j->i", lay_vectors, query), n_sections)


def _best(sections: np.ndarray, sims: np.ndarray, n_sections: int) -> np.ndarray:
    """Per section, the best of the sims of its chunks (sections: each chunk's section), else MISSING."""
    best = np.full(n_sections, MISSING, dtype=np.float32)
    np.maximum.at(best, sections, sims)
    return best
