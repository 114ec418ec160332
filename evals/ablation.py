"""Each answer-quality feature off vs on: what it buys, measured on the test half (and on all questions).

    python -m evals.ablation          # prints the README's ablation table
"""

from __future__ import annotations

from dataclasses import replace

from indexer.build import BuildSettings, build_index
from indexer.confidence import DEFAULT as CALIBRATION
from indexer.locate import bundled_corpus
from indexer.query import Features
from indexer.search import Searcher, SearchSettings

from .calibrate import calibration, fitting_sets, signals_of
from .questions import load_questions, select
from .run import MemoEmbedder, evaluate

ON = SearchSettings()
ONE_CUT = BuildSettings(fine_chunk_words=0)  # each section cut once, at 60 words
WHOLE_BULLETS = BuildSettings(split_bullets=False)  # a long top-level bullet stays one chunk
ABLATIONS = {  # feature -> the search settings without it, and the build settings when the index differs
    "acronym expansion": (replace(ON, features=replace(ON.features, aliases=False)), None),
    "typo correction": (replace(ON, features=replace(ON.features, typos=False)), None),
    "comparison sides": (replace(ON, features=replace(ON.features, comparisons=False)), None),
    "formula match": (replace(ON, features=replace(ON.features, formulas=False)), None),
    "everyday-word glosses": (replace(ON, features=replace(ON.features, glosses=False)), None),
    "spelled-out words share one term's weight": (replace(ON, features=replace(ON.features, shared_weights=False)),
                                                   None),
    "coverage-weighted BM25": (replace(ON, coverage_power=0.0), None),
    "BM25 share squared": (replace(ON, bm25_power=1.0), None),
    "heading match": (replace(ON, w_heading=0.0), None),
    "section centroid (short questions)": (replace(ON, w_centroid=0.0), None),
    "everyday-phrase (lay) vectors": (replace(ON, w_lay=0.0), None),
    "everyday-phrase (lay) words in BM25": (replace(ON, w_lay_terms=0.0), None),
    "second, finer cut of each section": (ON, ONE_CUT),
    "long bullets cut at their sub-bullets": (ON, WHOLE_BULLETS),
    "number check (abstaining)": (replace(ON, number_check=False), None),
    "abstaining": (replace(ON, calibration=replace(CALIBRATION, threshold=0.0)), None),
    "all of the above": (replace(ON, features=Features(False, False, False, False, False, False), coverage_power=0.0,
                                 bm25_power=1.0, w_heading=0.0, w_centroid=0.0, w_lay=0.0, w_lay_terms=0.0,
                                 number_check=False, calibration=replace(CALIBRATION, threshold=0.0)),
                         replace(ONE_CUT, split_bullets=False)),
}
COLUMNS = ("hit@1", "hit@3", "recall@3", "mrr", "abstain_ood", "answer_in_domain")


def main() -> None:
    base = Searcher.open()
    embedder = MemoEmbedder(base.embedder)
    builds = {b: build_index(bundled_corpus(), embedder, b)[0] for _, b in ABLATIONS.values() if b is not None}
    questions = load_questions()
    searcher = Searcher(base.index, embedder, ON)
    x, y = signals_of(searcher, [q for qs in fitting_sets().values() for q in qs])
    # a confidence signal off is the model evals.calibrate fits without it (on the tune half and fitted batches)
    refit = replace(ON, calibration=calibration(x, y, leave_out=("offtopic_cosine",)))
    ablations = {}
    for name, row in ABLATIONS.items():
        ablations[name] = row
        if name == "number check (abstaining)":
            ablations["off-topic background (abstaining)"] = (refit, None)
    for split in ("test", "all"):
        qs = select(questions, split)
        (on,) = evaluate(searcher.search, qs, ["hybrid"])
        print(f"\n{split} half ({on['n']} in-domain questions), hybrid: feature off -> on\n" if split == "test"
              else f"\nall questions ({on['n']} in-domain), hybrid: feature off -> on\n")
        print("| feature off | " + " | ".join(COLUMNS) + " | type most affected (MRR off -> on) |")
        print("|---|" + "---|" * (len(COLUMNS) + 1))
        for name, (settings, build) in ablations.items():
            index = base.index if build is None else builds[build]
            (off,) = evaluate(Searcher(index, embedder, settings).search, qs, ["hybrid"])
            cells = [f"{off[c]:.3f} → {on[c]:.3f}" for c in COLUMNS]
            delta = {t: on["by_type"][t]["mrr"] - off["by_type"][t]["mrr"] for t in on["by_type"]}
            t = max(delta, key=lambda k: abs(delta[k]))
            most = f"{t}: {off['by_type'][t]['mrr']:.3f} → {on['by_type'][t]['mrr']:.3f}" if delta[t] else "none"
            print(f"| {name} | " + " | ".join(cells) + f" | {most} |")


if __name__ == "__main__":
    main()
