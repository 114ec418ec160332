"""How sure a ranking is that the notes answer the question, as a probability-like score in [0, 1].

A logistic model over three signals: the best chunk's cosine similarity to the question; how much of the
question's vocabulary (IDF-weighted) the notes use at all; and whether the question names something
(a capitalised or upper-case word such as "DynamoDB", "Kubernetes") that the notes never mention.
The best section's BM25 share was tried as a fourth and got a weight near zero, so it is left out.
Its coefficients and the threshold were fitted on the tuning half of evals/questions.yaml (in-domain
questions = 1, out-of-domain = 0) by `python -m evals.calibrate`; README, "Abstaining".
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Calibration:
    bias: float = -6.025
    w_cosine: float = 13.987
    w_coverage: float = 4.220
    w_unknown_name: float = -3.439
    threshold: float = 0.341  # below this: "No confident match" (98% of tuning in-domain questions pass)


DEFAULT = Calibration()


def confidence(top_cosine: float, coverage: float, unknown_name: bool, cal: Calibration = DEFAULT) -> float:
    """Logistic regression, 1 / (1 + exp(-(b + w1 * cosine + w2 * coverage + w3 * unknown name)))."""
    z = cal.bias + cal.w_cosine * top_cosine + cal.w_coverage * coverage + cal.w_unknown_name * unknown_name
    return 1.0 / (1.0 + math.exp(-max(-50.0, min(50.0, z))))
