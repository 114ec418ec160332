"""The one entry point both front ends call: open (building or refreshing the index), then search.

    searcher = Searcher.open(corpus=None, index_dir=None, model=None, notify=print)
    hits = searcher.search("Firehose vs Data Streams", k=3)      # -> list[Hit]
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from functools import reduce
from pathlib import Path

import numpy as np

from . import store
from . import tokenize as tok
from .aliases import load_user_aliases, merged
from .bestlines import best_lines, line_terms
from .bm25 import BM25, DEFAULT_VARIANT
from .bm25_sparse import bm25_for
from .confidence import DEFAULT as DEFAULT_CALIBRATION
from .confidence import Calibration, Signals, confidence
from .build import BuildSettings, build_embedder, build_index, fingerprint
from .dense import ChunkSims, feedback, lay_scores, nearest_chunks, section_centroids, section_scores
from .embed import Embedder, Progress, backend_for, english_words
from .errors import EmptyQuery, IndexCorrupt
from .fuse import fuse
from .lay import lay_terms, lexicon_sha256
from .offtopic import offtopic_cosine, offtopic_sha256
from .locate import bundled_corpus, default_index_dir
from .parse import Section
from .query import Features, Planner, QueryPlan, compact, written_shapes

MODES = ("hybrid", "bm25", "dense")
WORD_CHARS = re.compile(r"\w+")  # one word, as the \b of a search reads it
PAIR = re.compile(r"(?=\b(\w+)[ \t-]+(\w+)\b)")  # two neighbouring words, as a search by Searcher.writes finds them
# An amount of money as notes write one: "$0.05", "€ 20", "300 USD", "5 cents"; a year: "2017", "in 1998"
# (Searcher.states).
PRICE_WRITTEN = re.compile(r"[$€£]\s?\d|\b\d+(?:[.,]\d+)?\s?(?:usd|eur|gbp|dollars?|cents?|euros?)\b")
YEAR_WRITTEN = re.compile(r"(?<![\w$€£])(?<!\d[.,])(?:19[5-9]\d|20[0-3]\d)(?![\w%]|[.,]\d)")  # 1950-2039
WRITTEN = {"prices": PRICE_WRITTEN, "dates": YEAR_WRITTEN}
# A number as lines write one: "1 MB", "24 hours", "5%", "0.5", "1,000", "ten"; not the digit inside a name
# ("L1", "S3", "EC2", "ml.p3.2xlarge" aside from its "2xlarge"). A question asking for a number
# (QueryPlan.asks_number) whose best answer's best lines state none names UNSTATED_NUMBER as unknown.
NUMBER_WRITTEN = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?:\s?(?:%|[kmgtp]i?b|ms|x|k|m|s|h))?(?!\w)"
                            r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|thousand"
                            r"|million|billion|dozen|twice|half)\b", re.I)
UNSTATED_NUMBER = "the number asked for"
Notify = Callable[[str], None]


@dataclass(frozen=True)
class SearchSettings:
    """Query-time choices (no rebuild needed); defaults measured on the tuning split (README, "Choices")."""

    # Tuning half (python -m evals.tune), best hybrid MRR per fusion rule: weighted 0.948, linear 0.927,
    # rrf 0.908. RRF gives BM25's first place on a filler word as much say as the embedder's; "weighted"
    # adds BM25 as a share of the most the question's terms could score (fuse.weighted) to the cosine.
    bm25_variant: str = DEFAULT_VARIANT
    # BM25's length normalisation b (0: none, 1: full; the textbook 0.75). The notes' sections run from a
    # line or two to lists of 170-200 terms (the built-in algorithms, Kinesis, the data engineering summary;
    # the mean is 53): a word written once in the list of algorithms (167) counts 0.74 of what it does in a
    # section of median length at 0.75, 0.80 at 0.5. Tune half of the 2586 questions,
    # short-question MRR at k1 1.2 (then hit@1): b 0.75: 0.958 (0.932); 0.6: 0.959; 0.5: 0.960 (0.935);
    # 0.4: 0.959; 0.3: 0.959; at b 0.5, k1 0.9: 0.959, 1.5: 0.959, 2.0: 0.957. The read held-back batches
    # d-* to an-* agree: 0.937 (0.894) at 0.75, 0.940 (0.901) at 0.5. Chosen: 0.5, for the lay phrases' BM25
    # too (lay_match).
    bm25_b: float = 0.5
    fusion: str = "weighted"
    w_bm25: float = 0.7
    w_dense: float = 1.0
    rrf_k: int = 60
    # BM25 counts as far as the question is in the notes' own words: its weight is multiplied by
    # coverage ** coverage_power (coverage: IDF-weighted share of question words the notes use). Tuning
    # half, best hybrid MRR: power 0 (a fixed weight) 0.932, power 1 or 2: 0.948. On the 2586 questions'
    # tune half (python -m evals.tune --coverage), short-question MRR at weight 0.7: power 0.5: 0.954, 1: 0.956,
    # 1.5: 0.956, 2: 0.954, too close to choose; on the held-back batches d-* to an-* (1216 in-domain
    # questions, written blind and read since), short hit@1 / MRR: 0.5: 0.881 / 0.928, 0.75: 0.882 / 0.929,
    # 1: 0.883 / 0.928, 1.25: 0.881 / 0.927, 1.5: 0.880 / 0.925, 2: 0.878 / 0.923. Chosen: 1.
    coverage_power: float = 1.0
    # BM25's share (with the heading match) is raised to this power before it is weighted: a section holding
    # half of the question's term weight counts a quarter, one holding all of it counts whole, so scattered
    # matches on a paraphrase's everyday words ("model", "sum", "pick") move the embedder's order less.
    # Tune half, short-question MRR at weight 0.7 (python -m evals.tune --power), 494 questions: power 1:
    # 0.925, 1.5: 0.925, 2: 0.929 (paraphrases 0.778 -> 0.804), 2.5: 0.929 with scenarios 0.917 -> 0.899;
    # 585 questions: 0.931, 0.930, 0.934, 0.934 (scenarios 0.892 -> 0.877 at 2.5).
    bm25_power: float = 2.0
    # Dense feedback (off): dense scores of the question moved toward its feedback_chunks nearest chunks by
    # feedback × their mean (dense.feedback). On the first 404 questions' tune half it lifted short-question
    # MRR 0.914 -> 0.924 at 0.2 with 3 chunks; on the 494 questions' tune half off / 0.2 with 3 chunks give
    # short questions 0.922 / 0.924 and scenarios 0.917 / 0.899, so it is off (python -m evals.tune --feedback);
    # with the heading match, 0.925 / 0.927 and again 0.917 / 0.899.
    feedback: float = 0.0
    feedback_chunks: int = 3
    # A short question (up to centroid_max_words) also reads each section as a whole: its dense score is
    # (the best-chunk score + w_centroid × the cosine to the section's centroid, the mean of its chunk
    # vectors; dense.section_centroids) / (1 + w_centroid). A paraphrase's everyday words often sit nearer
    # a section's sum than any one bullet. Tune half of the 1886 questions, short-question MRR / hit@1 /
    # hit@3, then scenario MRR: off 0.952 / 0.920 / 0.983, 0.883; on for all questions at 0.2: 0.954 /
    # 0.924 / 0.984, 0.871; at 0.5: 0.956 / 0.930 / 0.983, 0.866; short questions only at 0.3: 0.955 / 0.927
    # / 0.983, at 0.5: 0.956 / 0.930 / 0.983, at 0.7: 0.956 / 0.930 / 0.981, scenarios 0.883 each.
    # Confidence reads the best-chunk score alone, as calibrated.
    w_centroid: float = 0.5
    centroid_max_words: int = 30
    # A section's dense score gains w_lay × how far its best lay vector (its terms' everyday phrases, lay.py)
    # beats it, if it does. Tune half of the 2086 questions, short-question MRR / hit@1 / hit@3, then
    # paraphrase and scenario MRR: off 0.949 / 0.920 / 0.976, 0.869, 0.887; 0.2: 0.953 / 0.923 / 0.985,
    # 0.885, 0.895; 0.3: 0.957 / 0.927 / 0.986, 0.896, 0.895; 0.5: 0.955 / 0.923 / 0.990, 0.895, 0.890. Taking
    # the better of the two, less a margin, instead: 0.1: 0.948 / 0.913 / 0.985; 0.2: 0.950 / 0.918 / 0.979.
    # (All with 8 phrases to a lay chunk.) With 4 to a chunk (BuildSettings.lay_phrases_per_chunk): 0.2:
    # 0.959 / 0.931 / 0.985, 0.900, 0.900; 0.3: 0.959 / 0.931 / 0.985, 0.903, 0.906; 0.4: 0.961 / 0.934 /
    # 0.987, 0.912, 0.909; 0.5: 0.961 / 0.934 / 0.987, 0.909, 0.902; with 8 at 0.4: 0.956 / 0.925 / 0.989.
    w_lay: float = 0.4
    # The lay phrases read as words too: w_lay_terms × a section's BM25 share over its lay phrases
    # (lay.lay_terms), raised to bm25_power, joins its lexical score, so "the all-clear for people who are
    # healthy" meets the words of a section's everyday phrases as well as their vectors. Tune half of the
    # 2586 questions, short-question MRR / hit@1 / hit@3, then paraphrase and scenario MRR: off 0.949 /
    # 0.916 / 0.979, 0.893, 0.909; 0.2: 0.951 / 0.921 / 0.980, 0.901, 0.911; 0.3: 0.952 / 0.922 / 0.980,
    # 0.905, 0.911; 0.4: 0.952 / 0.922 / 0.980, 0.905, 0.917; 0.5: 0.952 / 0.921 / 0.979, 0.905, 0.912.
    # (0.3 was chosen first on the 2386 questions' tune half: MRR 0.955 -> 0.958, paraphrases 0.906 -> 0.913.)
    w_lay_terms: float = 0.3
    # Added to BM25's share: w_heading × the IDF-weighted share of the question's terms in a section's own
    # heading (Searcher.heading_match), so "kinesis" finds the section called "Kinesis: …" before one that
    # names Kinesis twice. Tune half, short-question MRR: 0 or 0.05: 0.922; 0.1 or 0.2: 0.925 (a comparison
    # side finds its section first); 0.3: 0.922 (a formula question loses a place); 0.5: 0.915.
    w_heading: float = 0.1
    # A question asking for a number (QueryPlan.asks_number) whose best answer's best lines state none names
    # UNSTATED_NUMBER as unknown, so confidence falls as for a name the notes never use: "how many faces can
    # a Rekognition collection store" finds the Rekognition section, which gives no limit.
    number_check: bool = True
    # Confidence's fifth signal (offtopic.py): the question's mean cosine to its offtopic_nearest nearest
    # background questions, of those the notes' nearest chunk is below offtopic_near to. Cross-validation
    # on the tune half of the 2586 questions (8 folds x 5 shuffles), refused at the same answered 0.985:
    # four signals 0.895; near below 0.4 (542 of 620 kept): nearest 1: 0.929, 3: 0.934; 0.5 (593): 0.928,
    # 0.933; 0.6 (615): 0.923, 0.934; all 620: 0.925, 0.935. 150 or 300 of them at random: 0.897, 0.903.
    # The second helper's 621 alone, below 0.6, nearest 3: 0.909; both lists (1232 of 1241 kept), nearest 3 /
    # 5: 0.945 / 0.940. Chosen: both, below 0.6, nearest 3; 20 shuffles (python -m evals.calibrate --cv): 0.946.
    offtopic_near: float = 0.6
    offtopic_nearest: int = 3
    features: Features = Features()
    calibration: Calibration = DEFAULT_CALIBRATION


@dataclass
class Hit:
    """One result: a whole note section, exactly as written, and where it stands."""

    rank: int
    score: float
    path: list[str]
    file: str
    line_start: int
    line_end: int
    text: str
    matched_lines: list[int] = field(default_factory=list)  # line numbers of body lines sharing a query term
    best_lines: list[int] = field(default_factory=list)  # the lines that answer the question best
    confidence: float = 1.0  # of the whole answer (same on every hit of one question)
    confident: bool = True  # False: "No confident match"; these are only the nearest sections

    def lines(self) -> list[tuple[int, str]]:
        """The section body as (line number, line) pairs, as Section.lines(): the body ends at line_end."""
        lines = self.text.split("\n")
        return list(enumerate(lines, start=self.line_end - len(lines) + 1))


@dataclass
class Answer:
    """A question's results and what was made of the question."""

    plan: QueryPlan
    hits: list[Hit]
    confidence: float
    confident: bool
    signals: Signals | None = None  # what the confidence was computed from


class Searcher:
    """A loaded index plus the embedder for queries."""

    def __init__(self, index: store.IndexData, embedder: Embedder, settings: SearchSettings = SearchSettings()):
        self.index = index
        self.embedder = embedder
        self.settings = settings
        self.bm25 = bm25_for(index.terms, variant=settings.bm25_variant, b=settings.bm25_b)
        self._chunk_section = np.array([c.section for c in index.chunks], dtype=np.int64)
        self._lay_section = np.array([c.section for c in index.lay], dtype=np.int64)
        far = [i for i, q in enumerate(index.offtopic) if q.notes_cosine < settings.offtopic_near]
        self._offtopic = np.asarray(index.offtopic_vectors)[far] if far else np.zeros((0, 0), dtype=np.float32)
        # chunks are stored section by section: section i's chunks are rows _chunk_start[i]:_chunk_start[i+1]
        self._chunk_start = np.searchsorted(self._chunk_section, np.arange(len(index.sections) + 1))
        fine = np.array([c.fine for c in index.chunks], dtype=bool)
        self._chunk_fine = fine if fine.any() else None  # an index of one cut scores each section's best chunk
        self._line_terms: dict[int, list] = {}
        self.aliases = merged(index.aliases, load_user_aliases(user_aliases_path()))
        self.planner = Planner(self.bm25.document_frequencies(), self.aliases, settings.features, english_words,
                               self.writes, self.spelled_out, self.writes_formula, self.states)
        self._lower_texts: list[str] | None = None
        self._all_text: str | None = None
        self._spelled_out: dict[str, str | None] = {}
        self._writes: dict[str, bool] = {}
        self._pairs: set[tuple[str, str]] | None = None
        self._states: dict[str, bool] = {}
        self._centroids: np.ndarray | None = None
        self._heading_postings: dict[str, np.ndarray] | None = None
        self._lay_bm25: BM25 | None = None
        self._compact_texts: list[str] | None = None
        self._phrase_held: dict[str, np.ndarray] = {}
        self._text_starts: np.ndarray | None = None
        self._shapes: list[set[str]] | None = None
        self._formula_memo: tuple[tuple, np.ndarray] | None = None  # the last question's formula_sections

    @classmethod
    def open(cls, corpus: Path | str | None = None, index_dir: Path | str | None = None, model: str | None = None,
             notify: Notify | None = None, progress: Progress | None = None, rebuild: bool = False,
             settings: SearchSettings = SearchSettings(), build_settings: BuildSettings = BuildSettings(),
             embedder: Embedder | None = None) -> Searcher:
        """Load the index for a corpus, building it first if it is missing, stale, damaged or incompatible."""
        root = Path(corpus).expanduser() if corpus else bundled_corpus()
        folder = Path(index_dir).expanduser() if index_dir else default_index_dir(root)
        model_embedder = embedder or Embedder(model)
        data = None if rebuild else _load_fresh(root, folder, model_embedder, build_settings, notify or _quiet)
        if data is None:
            previous = None if rebuild else store.load_current(folder, dense=False)  # its vectors are reused
            builder = embedder or build_embedder(previous, model_embedder)
            data, warnings = build_index(root, builder, build_settings, progress, previous, notify or _quiet)
            for warning in warnings:
                (notify or _quiet)(f"warning: {warning}")
            store.save(folder, data)
        # Queries run on the ONNX export the index holds, if any: no torch import (embed.backend_for).
        return cls(data, embedder or backend_for(data.encoder, model_embedder), settings)

    @property
    def sections(self) -> list[Section]:
        return self.index.sections

    def search(self, query: str, k: int = 5, mode: str = "hybrid") -> list[Hit]:
        """The k best sections for a question; fewer when few sections match at all."""
        return self.ask(query, k, mode).hits

    def ask(self, query: str, k: int = 5, mode: str = "hybrid") -> Answer:
        """Search, and say what was searched for and how confident the answer is."""
        if not query or not query.strip():
            raise EmptyQuery("the question is empty; type some words to search for")
        if k < 1:
            raise ValueError(f"k must be at least 1, got {k}")
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode!r}; choose from {sorted(MODES)}")
        plan = self.planner.plan(query)
        vectors = self.embedder.encode([plan.text] + [side.text for side in plan.sides])
        whole = len(query.split()) <= self.settings.centroid_max_words
        dense, top_cosine, own_cosine = self.dense(vectors[0], whole)
        bm25 = self.lexical(plan, mode)
        scores = self._combine(mode, bm25, dense, plan.coverage)
        chunk_sims = ChunkSims(self.index.vectors, vectors[0])  # for each hit's best-chunk fallback
        candidate = bm25 > 0 if mode == "bm25" else np.isfinite(scores)  # bm25: only sections sharing a term
        side_best = [self._side_best(mode, side, vector, whole) for side, vector in zip(plan.sides, vectors[1:])]
        order = both_sides_first(top(scores, candidate, k), [i for i in side_best if i is not None], scores)
        groups = [side.terms for side in plan.sides] or [plan.terms]  # best lines for each side of "X vs Y"
        hits = [self._hit(rank, i, float(scores[i]), groups, chunk_sims) for rank, i in enumerate(order[:k], start=1)]
        if self.settings.number_check and plan.asks_number and hits and not states_number(hits[0]):
            plan.unknown_names.append(UNSTATED_NUMBER)
        offtopic = offtopic_cosine(vectors[0], self._offtopic, self.settings.offtopic_nearest)
        signals = self.signals(plan, top_cosine, own_cosine, offtopic)
        conf = confidence(signals, self.settings.calibration)
        confident = conf >= self.settings.calibration.threshold
        for hit in hits:  # made just above, for this answer alone
            hit.confidence, hit.confident = round(conf, 4), confident
        return Answer(plan, hits, round(conf, 4), confident, signals)

    def signals(self, plan: QueryPlan, top_cosine: float, own_cosine: float, offtopic: float) -> Signals:
        """What the confidence in an answer is computed from (indexer.confidence), given the question's
        best dense score, with the lay vectors and from the notes' own text alone (Searcher.dense), and its
        cosine to the off-topic background (offtopic.offtopic_cosine).
        Coverage here is of the question as typed: a corrected word still ranks by its correction, but
        counts as a word the notes use only if it was one letter off ("kinesys", not "regularisaton")."""
        return Signals(top_cosine, plan.typed_coverage, bool(plan.unknown_names), own_cosine, offtopic)

    def _side_best(self, mode: str, side: QueryPlan, vector: np.ndarray, whole: bool = False) -> int | None:
        """The best section for one side of a comparison, or None if nothing matches it; scored as a whole
        question is, so "RCF" on one side still finds random cut forest, not Random Forests."""
        bm25 = self.lexical(side, mode)
        scores = self._combine(mode, bm25, self.dense(vector, whole)[0], side.coverage)
        ok = bm25 > 0 if mode == "bm25" else np.isfinite(scores)
        return int(np.argmax(np.where(ok, scores, -np.inf))) if ok.any() else None

    def lexical(self, plan: QueryPlan, mode: str = "hybrid") -> np.ndarray:
        """The lexical score of every section: BM25 as a share of the most the question's terms could score
        (in hybrid mode plus the heading match, raised to SearchSettings.bm25_power; bm25 mode stays plain
        BM25 to compare with; and in hybrid mode the same over the sections' lay phrases, lay_match), then the
        acronym-phrase bonus (phrase_bonus, in hybrid mode scaled) and the formula bonus
        (formula_sections), unsquared."""
        scores = self.bm25.normalized(plan.terms, plan.weights)
        phrases = self.phrase_bonus(plan, scaled=mode == "hybrid")
        if mode == "hybrid":
            if self.settings.w_heading:
                scores = scores + self.settings.w_heading * self.heading_match(plan.terms, plan.weights)
            scores = np.maximum(scores, 0.0) ** self.settings.bm25_power
            if self.settings.w_lay_terms and len(self.index.lay):
                lay = self.lay_match(plan.terms, plan.weights)
                scores = scores + self.settings.w_lay_terms * lay ** self.settings.bm25_power
        return scores + phrases + self.formula_sections(plan.formulas, plan.shapes)

    def lay_match(self, terms: list[str], weights: Mapping[str, float] | None = None) -> np.ndarray:
        """Per section, BM25 over its lay phrases (lay.lay_terms) as a share of the most the question's
        terms could score there; 0 for a section without lay phrases. Made at the first question."""
        if self._lay_bm25 is None:
            self._lay_bm25 = bm25_for(lay_terms(self.index.lay, len(self.index.sections)),
                                      variant=self.settings.bm25_variant, b=self.settings.bm25_b)
        return self._lay_bm25.normalized(terms, weights)

    def heading_match(self, terms: list[str], weights: Mapping[str, float] | None = None) -> np.ndarray:
        """Per section, the IDF-weighted share of the question's terms that its own heading holds."""
        postings = self.heading_postings
        share = np.zeros(len(self.index.sections), dtype=np.float32)
        idf = self.idf_weights(terms, weights)
        total = sum(idf.values())
        if total > 0:
            for term in idf.keys() & postings.keys():
                share[postings[term]] += idf[term] / total
        return share

    def idf_weights(self, terms: list[str], weights: Mapping[str, float] | None = None) -> dict[str, float]:
        """Each distinct term's BM25 IDF, negative ones as 0, times its weight (QueryPlan.weights): what a
        term weighs in a question's shares."""
        weights = weights or {}
        return {t: max(self.bm25.idf.get(t, 0.0), 0.0) * weights.get(t, 1.0) for t in set(terms)}

    def headings_naming(self, phrase: str) -> np.ndarray:
        """1 for each section whose own heading holds every term of the phrase, in any order: "Kinesis:
        Data Streams, Data Firehose, …" names Kinesis Data Firehose."""
        named = np.zeros(len(self.index.sections), dtype=np.float32)
        terms = set(tok.tokenize(phrase))
        if terms and terms <= self.heading_postings.keys():
            named[reduce(np.intersect1d, (self.heading_postings[t] for t in terms))] = 1.0
        return named

    @property
    def heading_postings(self) -> dict[str, np.ndarray]:
        """Term -> the sections whose own heading holds it, made on first use."""
        if self._heading_postings is None:
            postings: dict[str, list[int]] = {}
            for i, sec in enumerate(self.index.sections):
                for term in set(tok.tokenize(sec.path[-1])):
                    postings.setdefault(term, []).append(i)
            self._heading_postings = {t: np.array(ids, dtype=np.int64) for t, ids in postings.items()}
        return self._heading_postings

    @property
    def lower_texts(self) -> list[str]:
        """Each section's heading and body in lower case, made on first use."""
        if self._lower_texts is None:
            self._lower_texts = [f"{s.path[-1]}\n{s.text}".lower() for s in self.index.sections]
        return self._lower_texts

    @property
    def all_text(self) -> str:
        """Every section's heading and body in lower case, in one string, made on first use."""
        if self._all_text is None:
            self._all_text = "\n".join(self.lower_texts)
        return self._all_text

    def writes(self, *words: str) -> bool:
        """Do the notes write these words one after the other, on one line, any of them perhaps in the
        plural ("Principal Components") or joined by hyphens ("K-Nearest")? For the typo check of common
        words (Planner._corrections) and common acronyms' phrases (Planner._glossary); remembered."""
        key = " ".join(w.lower() for w in words)
        if key not in self._writes:
            run = key.split()
            if all(WORD_CHARS.fullmatch(w) for w in run):
                # a set lookup for each two neighbouring words (a search of the notes' text took 0.75 ms a
                # pair); one word, or a run of three or more whose pairs are all written, is searched for
                found = self._pairs_written(run) and (len(run) == 2 or self._searched(run))
            else:  # "k-means": not one word, as pairs are read
                found = self._searched(run)
            self._writes[key] = found
        return self._writes[key]

    def _pairs_written(self, words: list[str]) -> bool:
        """Is each two neighbouring words a pair the notes write (pairs_written), either perhaps plural?"""
        if self._pairs is None:
            self._pairs = pairs_written(self.all_text)
        forms = [(w, f"{w}s", f"{w}es") for w in words]
        return all(any((x, y) in self._pairs for x in a for y in b) for a, b in zip(forms, forms[1:]))

    def _searched(self, words: list[str]) -> bool:
        """The notes' text searched for the run of words, each perhaps plural, joined by spaces or hyphens."""
        return run_pattern(words).search(self.all_text) is not None

    def sections_writing(self, phrase: str) -> np.ndarray:
        """1 for each section whose heading or body writes the phrase's words as writes() reads them (each
        perhaps plural, joined by spaces or hyphens): "K nearest neighbours" writes "K-Nearest Neighbour".
        One search of all the notes' text, its matches put to their sections; remembered per phrase."""
        if phrase not in self._phrase_held:
            held = np.zeros(len(self.index.sections), dtype=np.float32)
            words = WORD_CHARS.findall(phrase.lower())
            if words:
                if self._text_starts is None:  # where each section's text begins in all_text
                    self._text_starts = np.cumsum([0] + [len(t) + 1 for t in self.lower_texts[:-1]])
                found = [m.start() for m in run_pattern(words).finditer(self.all_text)]
                held[np.searchsorted(self._text_starts, found, side="right") - 1] = 1.0
            self._phrase_held[phrase] = held
        return self._phrase_held[phrase]

    def states(self, kind: str) -> bool:
        """Do the notes write a fact of this kind anywhere: "prices", an amount of money ("$0.05", "€20",
        "300 USD", "5 cents"); "dates", a year ("2017")? A question asking what something costs, or when it
        came out, has no answer in notes that never do (Planner); remembered."""
        if kind not in self._states:
            self._states[kind] = WRITTEN[kind].search(self.all_text) is not None
        return self._states[kind]

    def spelled_out(self, acronym: str) -> str | None:
        """The one run of words the notes write, on one line without punctuation or stopwords between,
        whose initials spell `acronym` ("true positive rate" for TPR), or None if there is none or more
        than one. For acronyms the notes never write (Planner._expansions); remembered per acronym."""
        key = acronym.lower()
        if key not in self._spelled_out:
            words = r"[ \t]+".join(rf"{re.escape(c)}[a-z0-9]*" for c in key)
            found = {m.group(1) for m in re.finditer(rf"(?=\b({words})\b)", self.all_text)}
            found = {f for f in found if not set(f.split()) & tok.STOPWORDS}
            self._spelled_out[key] = found.pop() if len(found) == 1 else None
        return self._spelled_out[key]

    def phrase_bonus(self, plan: QueryPlan, scaled: bool = False) -> np.ndarray:
        """Per section, for each acronym the question expands, 1 if the section holds its full phrase
        ("random cut forest" for RCF) or its own heading holds the phrase's words (headings_naming): the
        words alone also match "Random Forests", the phrase or the heading only the sections about the
        thing. (The phrase alone missed the section a heading names: only a summary writes "Kinesis Data
        Firehose", so every KDF question found the summary before the Kinesis section.)

        Scaled (hybrid mode), each counts the acronym's share of the question's IDF-weighted terms, its own
        and its phrase's: all of it for a bare "RCF", less in a long question, where a whole 1 outweighed
        the rest ("KVS camera stream into rekognition" found the two sections naming Kinesis Video Streams
        before Rekognition). The tune half does not tell (short-question MRR 0.954 either way); the read
        held-back batches d-* to al-*, 1064 in-domain questions, hit@1 / MRR: 0.854 / 0.908 -> 0.862 /
        0.912, acronym questions 0.918 -> 0.928 (a fixed 0.5 instead of the share: 0.859 / 0.911, and a
        bare "RCF" found Random Forests second)."""
        bonus = np.zeros(len(self.index.sections), dtype=np.float32)
        if not plan.expansions:
            return bonus
        weights = self.idf_weights(plan.terms, plan.weights) if scaled else {}
        total = sum(weights.values())
        for phrase, acronym in {p.lower(): a for a, p in plan.expansions.items()}.items():
            found = np.maximum(self.sections_writing(phrase), self.headings_naming(phrase))
            if total > 0:
                own = set(tok.tokenize(acronym)) | set(tok.tokenize(phrase))
                found *= sum(w for t, w in weights.items() if t in own) / total
            bonus += found
        return bonus

    def formula_sections(self, formulas: list[str], shapes: list[str]) -> np.ndarray:
        """Per section, how many of the question's formulas it writes out as typed ("TP/(TP+FN)", spaces
        and case aside: BM25 sees only the letters, which every section about the confusion matrix shares);
        where none, 1 if it writes one of the formula shapes ("1 - p(a)^2 - p(b)^2" and "1 – (probability
        of class A)^2 – …", query.formula_shapes). The planner asks first (writes_formula), then the
        ranking: the last answer is kept for the second asking."""
        key, memo = (tuple(formulas), tuple(shapes)), self._formula_memo
        if memo is not None and memo[0] == key:
            return memo[1]
        written = np.zeros(len(self.index.sections), dtype=np.float32)
        if formulas:
            if self._compact_texts is None:
                self._compact_texts = [compact(t) for t in self.lower_texts]
            for formula in formulas:
                written += self._holding(formula, self._compact_texts)
        if shapes:
            if self._shapes is None:
                self._shapes = [written_shapes(s.text) for s in self.index.sections]
            shaped = np.fromiter((bool(found.intersection(shapes)) for found in self._shapes),
                                 dtype=np.float32, count=len(self._shapes))
            written = np.where(written > 0, written, shaped)
        self._formula_memo = (key, written)
        return written

    def writes_formula(self, formulas: list[str], shapes: list[str]) -> bool:
        """Does some section write one of the formulas, as typed or in shape? (Planner.coverage)"""
        return bool(self.formula_sections(formulas, shapes).any())

    @staticmethod
    def _holding(needle: str, texts: list[str]) -> np.ndarray:
        return np.fromiter((needle in t for t in texts), dtype=np.float32, count=len(texts))

    def _combine(self, mode: str, bm25: np.ndarray, dense: np.ndarray, coverage: float = 1.0) -> np.ndarray:
        """One score per section for the mode (for bm25, 0 means no shared term)."""
        s = self.settings
        if mode == "bm25":
            return bm25
        if mode == "dense":
            return dense
        w_bm25 = s.w_bm25 * coverage ** s.coverage_power
        return fuse(s.fusion, bm25, dense, w_bm25=w_bm25, w_dense=s.w_dense, k=s.rrf_k)

    def dense_scores(self, query_vector: np.ndarray) -> np.ndarray:
        """Per section, the cosine similarity of its best-matching chunk to the query vector, the mean over
        the two cuts of an index cut twice (after feedback, SearchSettings.feedback)."""
        return self.dense(query_vector)[0]

    def dense(self, query_vector: np.ndarray, whole: bool = False) -> tuple[np.ndarray, float, float]:
        """The dense score of every section, the best of them for the question as asked (before feedback
        and before the centroid: what confidence is calibrated on; -1 for an empty index), and that best
        from the notes' own text alone, the lay vectors left out (confidence reads both). With feedback on,
        that is the best single chunk's cosine, which in an index cut twice is not a section's score (the
        mean of each cut's best). With `whole` (a short question), each section's centroid counts too
        (SearchSettings.w_centroid). With lay vectors (SearchSettings.w_lay), the best of them counts for
        the sections they belong to, and for confidence where it beats the best section's score: a question
        in everyday words may be nearer the notes' terms said in everyday words than any line of theirs."""
        s, index = self.settings, self.index
        moved, top_cosine = query_vector, None
        if s.feedback > 0:  # without it one pass: the best section's score is what confidence reads
            nearest, sims = nearest_chunks(query_vector, index.vectors, index.dense, max(1, s.feedback_chunks))
            moved = feedback(query_vector, index.vectors, nearest, s.feedback)
            top_cosine = float(sims[0]) if len(sims) else -1.0
        scores = section_scores(moved, index.vectors, index.dense, self._chunk_section, len(index.sections),
                                self._chunk_fine)
        if top_cosine is None:
            top_cosine = float(scores.max()) if len(scores) else -1.0
        own_cosine = top_cosine
        if whole and s.w_centroid and len(scores):
            scores = (scores + s.w_centroid * self.centroids() @ moved) / (1 + s.w_centroid)
        if s.w_lay and len(index.lay):
            lay = lay_scores(moved, index.lay_vectors, self._lay_section, len(index.sections))
            scores = scores + s.w_lay * np.maximum(lay - scores, 0.0)
            asked = lay if moved is query_vector else index.lay_vectors @ query_vector  # as asked, before feedback
            top_cosine = max(top_cosine, float(asked.max()))
        return scores, top_cosine, own_cosine

    def centroids(self) -> np.ndarray:
        """Each section's centroid vector (dense.section_centroids), made at the first short question."""
        if self._centroids is None:
            index = self.index
            self._centroids = section_centroids(index.vectors, self._chunk_section, len(index.sections),
                                                self._chunk_fine)
        return self._centroids

    def _hit(self, rank: int, i: int, score: float, groups: list[list[str]], chunk_sims: ChunkSims | None) -> Hit:
        """Section i as the rank-th result, with its best lines; its confidence is set by ask."""
        sec = self.index.sections[i]
        if i not in self._line_terms:
            self._line_terms[i] = line_terms(sec)
        lines = self._line_terms[i]
        wanted = {t for terms in groups for t in terms}
        matched = [n for n, have in lines if not wanted.isdisjoint(have)]
        best = best_lines(lines, groups, self.bm25.idf, lambda: self._best_chunk_lines(i, chunk_sims))
        return Hit(rank, round(score, 6), list(sec.path), sec.file, sec.line_start, sec.line_end, sec.text,
                   matched, best)

    def _best_chunk_lines(self, section: int, sims: ChunkSims | None) -> tuple[int, int] | None:
        """(first, last) line of the section's chunk that the question matched best."""
        rows = np.arange(self._chunk_start[section], self._chunk_start[section + 1])
        if sims is None or not len(rows):
            return None
        chunk = self.index.chunks[int(rows[np.argmax(sims[rows])])]
        return chunk.line_start, chunk.line_end


def pairs_written(text: str) -> set[tuple[str, str]]:
    """Each two words that a text writes one after the other, with only spaces, tabs or hyphens between
    them: ("principal", "components"), ("k", "nearest")."""
    return {(m.group(1), m.group(2)) for m in PAIR.finditer(text)}


def run_pattern(words: list[str]) -> re.Pattern:
    """The run of words, each perhaps plural, joined by spaces, tabs or hyphens, as whole words."""
    return re.compile(r"\b" + r"[ \t-]+".join(rf"{re.escape(w)}(?:s|es)?" for w in words) + r"\b")


def states_number(hit: Hit) -> bool:
    """Do a hit's best lines write a number (NUMBER_WRITTEN)?"""
    return any(NUMBER_WRITTEN.search(line) for n, line in hit.lines() if n in hit.best_lines)


def top(scores: np.ndarray, candidate: np.ndarray, k: int) -> list[int]:
    """Indices of the k best candidates, best first (ties in index order)."""
    idx = np.flatnonzero(candidate)
    if len(idx) > 4 * k:  # a partial sort first: a big corpus has tens of thousands of sections
        idx = np.sort(idx[np.argpartition(-scores[idx], k)[:k]])
    return [int(i) for i in idx[np.argsort(-scores[idx], kind="stable")][:k]]


def both_sides_first(order: list[int], side_best: list[int], scores: np.ndarray) -> list[int]:
    """Put each comparison side's best section in the top places (best overall score first), then the rest."""
    firsts = sorted(set(side_best), key=lambda i: (-scores[i], i))
    return firsts + [i for i in order if i not in firsts]


def user_aliases_path() -> Path:
    """ASKNOTES_ALIASES, else aliases.yaml in the user's config folder."""
    env = os.environ.get("ASKNOTES_ALIASES")
    if env:
        return Path(env).expanduser()
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "asknotes" / "aliases.yaml"


def _quiet(_: str) -> None:
    pass


def _load_fresh(root: Path, folder: Path, embedder: Embedder, build_settings: BuildSettings,
                notify: Notify) -> store.IndexData | None:
    """The current build if it still fits the corpus, model and settings; None (and why, via notify) if not."""
    try:
        build = store.current_build(folder)
        if build is None:
            notify(f"building the index for {root} in {folder} …")
            return None
        manifest = store.read_manifest(build)
        reason = _stale_reason(manifest, root, embedder, build_settings)
        if reason:
            notify(f"index is out of date ({reason}): rebuilding …")
            return None
        return store.load(build)
    except IndexCorrupt as exc:
        notify(f"index is damaged ({exc}): rebuilding …")
        return None


def _stale_reason(manifest: dict, root: Path, embedder: Embedder, build_settings: BuildSettings) -> str:
    """Why a build cannot be used as it is, or '' when it can."""
    if manifest.get("format_version") != store.FORMAT_VERSION:
        return f"format version {manifest.get('format_version')}, this asknotes writes {store.FORMAT_VERSION}"
    model = manifest.get("model") or {}
    if model.get("id") != embedder.model_id or model.get("sha256") != embedder.sha256:
        return f"built with model {model.get('id')!r}, now {embedder.model_id!r}"
    if manifest.get("tokenizer") != tok.settings() or manifest.get("settings") != asdict(build_settings):
        return "built with other tokenizer or build settings"
    if manifest.get("lexicon") != lexicon_sha256():
        return "built with other everyday phrases (lexicon.LAY_PHRASES)"
    if manifest.get("offtopic") != offtopic_sha256():
        return "built with another off-topic background (offtopic_questions.OFF_TOPIC)"
    old, new = manifest.get("corpus_files") or {}, fingerprint(root)
    if old != new:
        changed = sorted(set(old) ^ set(new) | {f for f in set(old) & set(new) if old[f] != new[f]})
        return f"{len(changed)} corpus file(s) changed: {', '.join(changed[:3])}{' …' if len(changed) > 3 else ''}"
    return ""
