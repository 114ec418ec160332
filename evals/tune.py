"""Sweep the retrieval choices on the tuning half of the questions; report the best on the test half.

    python -m evals.tune            # prints one row per setting, best first by tuning-half MRR
    python -m evals.tune --feedback # the dense feedback sweep, on the default index and settings
    python -m evals.tune --power    # the power of BM25's share x its weight, on the default index
    python -m evals.tune --coverage # the power of coverage BM25's weight follows x its weight

The test half is only read for the settings this picks, so the README's numbers are not tuned to it.
"""

from __future__ import annotations

import argparse
import itertools
import tempfile
from dataclasses import replace

from indexer.build import BuildSettings, build_index, section_terms
from indexer.embed import Embedder
from indexer.locate import bundled_corpus
from indexer.search import Searcher, SearchSettings

from .questions import load_questions, select
from .run import MemoEmbedder, evaluate


def grid():
    """The settings tried: BM25 variant, heading weight, chunk size, fusion rule and weights, and how much
    BM25's weight follows the question's vocabulary coverage (weighted fusion only)."""
    for variant, hw, chunk, context in itertools.product(("okapi", "l", "plus"), (1, 2, 3), (60, 120, 250),
                                                         ("heading", "path")):
        build = BuildSettings(chunk_words=chunk, heading_weight=hw, embed_context=context)
        for w in (0.5, 1.0):
            yield build, SearchSettings(bm25_variant=variant, fusion="rrf", w_bm25=w, w_dense=1.0, coverage_power=0)
        for w in (0.3, 0.5):
            yield build, SearchSettings(bm25_variant=variant, fusion="linear", w_bm25=w, w_dense=1 - w, coverage_power=0)
        for w, power in itertools.product((0.2, 0.4, 0.7, 1.0), (0, 1, 2)):
            yield build, SearchSettings(bm25_variant=variant, fusion="weighted", w_bm25=w, w_dense=1.0,
                                        coverage_power=power)


def short_mrr(result: dict) -> float:
    """MRR over every question type but scenarios: the issue's "short questions"."""
    types = {t: r for t, r in result["by_type"].items() if t != "scenario"}
    return sum(r["mrr"] * r["n"] for r in types.values()) / sum(r["n"] for r in types.values())


def sweep(rows, types: tuple[str, ...]) -> None:
    """One line per (label, settings changes) on the tuning half, default index and settings otherwise:
    short-question MRR and the MRR of the types a choice moves most."""
    base = Searcher.open()
    embedder = MemoEmbedder(base.embedder)
    tune = select(load_questions(), "tune")
    for label, changes in rows:
        (r,) = evaluate(Searcher(base.index, embedder, replace(base.settings, **changes)).search, tune, ["hybrid"])
        print(f"{label}: short MRR {short_mrr(r):.3f}  " + "  ".join(f"{t} {r['by_type'][t]['mrr']:.3f}" for t in types))


def feedback_sweep() -> None:
    """Dense feedback weight x nearest chunks."""
    grid = [(0.0, 1)] + list(itertools.product((0.1, 0.15, 0.2, 0.3, 0.4), (1, 2, 3, 5, 8)))
    sweep(((f"feedback {w:.2f} chunks {c}", {"feedback": w, "feedback_chunks": c}) for w, c in grid),
          ("paraphrase", "scenario"))


def power_sweep() -> None:
    """The power BM25's share is raised to x BM25's weight."""
    grid = itertools.product((1.0, 1.5, 2.0, 2.5, 3.0), (0.5, 0.7, 0.85, 1.0))
    sweep(((f"power {p:.1f} weight {w:.2f}", {"bm25_power": p, "w_bm25": w}) for p, w in grid),
          ("paraphrase", "keyword", "scenario"))


def coverage_sweep() -> None:
    """The power of the question's vocabulary coverage that BM25's weight is multiplied by x the weight."""
    grid = itertools.product((0.5, 0.75, 1.0, 1.25, 1.5, 2.0), (0.55, 0.7, 0.85))
    sweep(((f"coverage power {p:.2f} weight {w:.2f}", {"coverage_power": p, "w_bm25": w}) for p, w in grid),
          ("paraphrase", "keyword", "scenario"))


def main() -> None:
    parser = argparse.ArgumentParser(description="sweep retrieval choices on the tuning half")
    parser.add_argument("--feedback", action="store_true", help="sweep dense feedback only")
    parser.add_argument("--power", action="store_true", help="sweep the power of BM25's share only")
    parser.add_argument("--coverage", action="store_true", help="sweep the power of coverage BM25's weight follows")
    args = parser.parse_args()
    if args.coverage:
        coverage_sweep()
        return
    if args.feedback:
        feedback_sweep()
        return
    if args.power:
        power_sweep()
        return
    questions = load_questions()
    tune, test = select(questions, "tune"), select(questions, "test")
    embedder = MemoEmbedder(Embedder())
    indexes = {}
    rows = []
    for build, search in grid():
        key = (build.chunk_words, build.embed_context)
        if key not in indexes:
            indexes[key], _ = build_index(bundled_corpus(), embedder, build)
        data = indexes[key]
        data = replace(data, terms=[section_terms(s, build.heading_weight) for s in data.sections])
        searcher = Searcher(data, embedder, search)
        (r,) = evaluate(searcher.search, tune, ["hybrid"])
        rows.append((r["mrr"], r["hit@3"], r["hit@1"], build, search))
    rows.sort(key=lambda row: (row[0], row[1]), reverse=True)
    for mrr, h3, h1, build, search in rows[:10]:
        print(f"mrr {mrr:.3f} hit@3 {h3:.3f} hit@1 {h1:.3f}  {build}  {search}")
    print("best row for each value of each choice:")
    for name, get in (("variant", lambda b, s: s.bm25_variant), ("fusion", lambda b, s: s.fusion),
                      ("coverage_power", lambda b, s: s.coverage_power),
                      ("chunk_words", lambda b, s: b.chunk_words), ("heading_weight", lambda b, s: b.heading_weight),
                      ("embed_context", lambda b, s: b.embed_context)):
        for value in sorted({get(b, s) for *_, b, s in rows}):
            mrr, h3, h1, b, s = next(r for r in rows if get(r[3], r[4]) == value)
            print(f"  {name}={value}: mrr {mrr:.3f} hit@3 {h3:.3f} hit@1 {h1:.3f}")
    _, _, _, build, search = rows[0]
    data = indexes[(build.chunk_words, build.embed_context)]
    data = replace(data, terms=[section_terms(s, build.heading_weight) for s in data.sections])
    for name, qs in (("tune", tune), ("test", test)):
        for r in evaluate(Searcher(data, embedder, search).search, qs, ["hybrid", "bm25", "dense"]):
            print(name, r["mode"], {k: r[k] for k in ("n", "hit@1", "hit@3", "mrr")})


if __name__ == "__main__":
    main()
