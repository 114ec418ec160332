"""Fit the abstaining model (indexer/confidence.py) on the tuning half; report it on the test half.

    python -m evals.calibrate        # fit on the tune half, report both halves
    python -m evals.calibrate --cv   # 8-fold cross-validation on the tune half, 20 shuffles

Class-balanced logistic regression (in-domain = 1, out-of-domain = 0) over the signals that
indexer.confidence uses (Signals); the threshold is set so that 98.5% of the tuning half's in-domain
questions are answered, halfway between the last one it refuses and the first it answers. Paste the
printed Calibration into indexer/confidence.py.
"""

from __future__ import annotations

import argparse
import math
from dataclasses import astuple, fields

import numpy as np

from indexer.confidence import Calibration, Signals
from indexer.search import Searcher

from .questions import load_questions, select

FEATURES = tuple(f.name for f in fields(Signals))
WEIGHTS = {"top_cosine": "w_cosine", "coverage": "w_coverage", "unknown_name": "w_unknown_name",
           "own_cosine": "w_own_cosine", "offtopic_cosine": "w_offtopic"}  # signal -> Calibration field
ANSWER_SHARE = 0.985


def features(searcher: Searcher, question: str) -> list[float]:
    """The signals a question's answer was judged on (Searcher.ask), as numbers."""
    return [float(v) for v in astuple(searcher.ask(question, k=1).signals)]


def probability(x: np.ndarray, w: np.ndarray, b: float) -> np.ndarray:
    """The logistic model's output for each row of signals (indexer.confidence, on arrays)."""
    return 1 / (1 + np.exp(-(x @ w + b)))


def fit(x: np.ndarray, y: np.ndarray, steps: int = 5000, lr: float = 0.1, l2: float = 0.01) -> tuple[np.ndarray, float]:
    """Gradient descent on standardised features; returns weights and bias on the raw features."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    xn = (x - mu) / sd
    w, b = np.zeros(x.shape[1]), 0.0
    balance = np.where(y == 1, 0.5 / y.mean(), 0.5 / (1 - y.mean()))
    for _ in range(steps):
        p = probability(xn, w, b)
        g = (p - y) * balance
        w -= lr * (xn.T @ g / len(y) + l2 * w)
        b -= lr * g.mean()
    return w / sd, float(b - (mu / sd * w).sum())


def threshold_for(p: np.ndarray, y: np.ndarray, share: float = ANSWER_SHARE) -> float:
    """The confidence that lets `share` of the in-domain questions (y == 1) through: halfway between the
    last in-domain question it refuses and the first it answers. (At the first it answers, as before, a
    gap in the tune half's confidences moved it: 0.345 on 1786 questions, 0.421 on 1886, with the same
    signals; cross-validation scores the two rules alike.)"""
    inside = np.sort(p[y == 1])
    k = int(np.floor(round((1 - share) * len(inside), 9)))  # how many it may refuse; 0.2 * 10 is 2, not 1.999…
    return float((inside[k - 1] + inside[k]) / 2) if k > 0 else float(inside[0])


def calibration(x: np.ndarray, y: np.ndarray, leave_out: tuple[str, ...] = ()) -> Calibration:
    """The model fitted on (x, y), as it ships: 3 decimals, the threshold rounded down so that the
    in-domain question it was set at still passes. Signals named in leave_out get no weight (the
    ablation's refit without them)."""
    used = [i for i, f in enumerate(FEATURES) if f not in leave_out]
    w, b = fit(x[:, used], y)
    threshold = threshold_for(probability(x[:, used], w, b), y)
    weights = dict.fromkeys(WEIGHTS.values(), 0.0) | {WEIGHTS[FEATURES[i]]: round(float(v), 3) for i, v in zip(used, w)}
    return Calibration(bias=round(b, 3), threshold=math.floor(threshold * 1000) / 1000, **weights)


def cross_validate(x: np.ndarray, y: np.ndarray, folds: int = 8, shuffles: int = 20) -> tuple[float, float]:
    """Mean (answer_in_domain, abstain_ood) on held-out folds, each fold's model and threshold fitted on
    the rest: how the choice of signals was judged without reading the test half."""
    answered, abstained = [], []
    for seed in range(shuffles):
        order = np.random.default_rng(seed).permutation(len(y))
        for f in range(folds):
            held = order[f::folds]
            rest = np.setdiff1d(order, held)
            w, b = fit(x[rest], y[rest])
            p = probability(x, w, b)
            t = threshold_for(p[rest], y[rest])
            answered += list(p[held][y[held] == 1] >= t)
            abstained += list(p[held][y[held] == 0] < t)
    return float(np.mean(answered)), float(np.mean(abstained))


def main() -> None:
    parser = argparse.ArgumentParser(description="fit the abstaining model on the tune half")
    parser.add_argument("--cv", action="store_true", help="cross-validate on the tune half instead")
    cv = parser.parse_args().cv
    searcher = Searcher.open()
    questions = load_questions()
    data = {}
    for split in ("tune",) if cv else ("tune", "test"):
        qs = select(questions, split)
        data[split] = (np.array([features(searcher, q.question) for q in qs]),
                       np.array([q.in_domain for q in qs], dtype=float))
    if cv:
        answered, abstained = cross_validate(*data["tune"])
        print(f"tune half, 8-fold CV x 20: answer_in_domain {answered:.3f}  abstain_ood {abstained:.3f}")
        return
    cal = calibration(*data["tune"])
    print(f"Calibration(bias={cal.bias:.3f}, w_cosine={cal.w_cosine:.3f}, w_coverage={cal.w_coverage:.3f}, "
          f"w_unknown_name={cal.w_unknown_name:.3f}, w_own_cosine={cal.w_own_cosine:.3f}, "
          f"w_offtopic={cal.w_offtopic:.3f}, threshold={cal.threshold:.3f})")
    w, b, threshold = np.array([getattr(cal, WEIGHTS[f]) for f in FEATURES]), cal.bias, cal.threshold
    for split, (x, y) in data.items():
        p = probability(x, w, b)
        print(f"{split}: answer_in_domain {np.mean(p[y == 1] >= threshold):.3f}  "
              f"abstain_ood {np.mean(p[y == 0] < threshold):.3f}  (n in/out {int(y.sum())}/{int((1 - y).sum())})")


if __name__ == "__main__":
    main()
