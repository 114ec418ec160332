"""How sure a ranking is that the notes answer the question, as a probability-like score in [0, 1].

A logistic model over five signals (Signals): the best section's dense score (its best chunk's cosine
similarity to the question, the mean over the two cuts of an index cut twice, build.section_chunks; or
the best lay vector's cosine where higher: the notes' terms in everyday words, indexer/lay.py); the same
from the notes' own text alone, without the lay vectors (everyday phrases sit near everyday questions,
"bad on new data; worse on test data" near "test anxiety", so the notes' own words are read apart); how
much of the question's vocabulary (IDF-weighted, as typed) the notes use at all; whether the question
names something that the notes never mention (a capitalised or upper-case word such as "DynamoDB",
"Kubernetes", a product after a vendor's name, "Amazon Kendra", or a named method or product the notes
never write, "batch normalization"; or, asking for an amount, what it asks about: "default retention
period", or a price or a date where the notes state none; query.Planner.unknown_names; or a number that the
best answer's best lines do not state, "how many faces can a collection store", Searcher.ask); and how
near the question sits to a background of questions study notes do not answer (the mean cosine to its
three nearest, indexer/offtopic.py), which tells "best bait for trout" from a question about recall
where the best cosine alone cannot. Its coefficients and the
threshold were fitted on the tuning half of evals/questions.yaml and the read held-back batches (in-domain
questions = 1, out-of-domain = 0) by `python -m evals.calibrate`. Signals tried and left out, as they did not raise abstain_ood at the same
answer_in_domain in cross-validation on the tuning half:
the best section's BM25 share, the share of the question one section holds, how far the top cosine
stands above the rest, the question's length, and the question's cosine to the notes' centroid (of all
their chunks); README, "Abstaining".
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Signals:
    """What the confidence is computed from; Searcher.signals measures them for a question."""

    top_cosine: float  # the best section's dense score: its best chunk's cosine (the mean of each cut's best),
    # or the best lay vector's cosine (indexer/lay.py) where that is higher
    coverage: float  # IDF-weighted share of the question's words, as typed, the notes use anywhere (0..1)
    unknown_name: bool  # the question names something the notes never mention
    own_cosine: float  # top_cosine from the notes' own text: the lay vectors left out
    offtopic_cosine: float  # the mean cosine to the nearest off-topic background questions (offtopic.py)


@dataclass(frozen=True)
class Calibration:
    bias: float = -2.190
    w_cosine: float = 10.561
    w_coverage: float = 2.851
    w_unknown_name: float = -3.634
    w_own_cosine: float = 5.477
    w_offtopic: float = -14.366
    # below the threshold: "No confident match"; evals.calibrate.ANSWER_SHARE of the fitted in-domain questions pass
    threshold: float = 0.343


DEFAULT = Calibration()


def confidence(signals: Signals, cal: Calibration = DEFAULT) -> float:
    """Logistic regression: 1 / (1 + exp(-(bias + the weighted signals)))."""
    z = (cal.bias + cal.w_cosine * signals.top_cosine + cal.w_coverage * signals.coverage
         + cal.w_unknown_name * signals.unknown_name + cal.w_own_cosine * signals.own_cosine
         + cal.w_offtopic * signals.offtopic_cosine)
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
