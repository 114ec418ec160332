"""Fitting the abstaining model (evals/calibrate.py): the logistic fit, its threshold, and its
cross-validation, on made-up signals where the right answer is known."""

import numpy as np
import pytest

from evals.calibrate import cross_validate, fit, left_out, threshold_for


def signals(n_in: int, n_out: int, gap: float, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """One signal: in-domain questions around `gap`, off-topic ones around 0."""
    rng = np.random.default_rng(seed)
    x = np.concatenate([rng.normal(gap, 0.3, n_in), rng.normal(0.0, 0.3, n_out)])[:, None]
    return x, np.concatenate([np.ones(n_in), np.zeros(n_out)])


def test_the_fit_puts_more_confidence_on_the_in_domain_side():
    x, y = signals(100, 40, gap=2.0)
    w, b = fit(x, y)
    p = 1 / (1 + np.exp(-(x @ w + b)))
    assert w[0] > 0 and p[y == 1].mean() > 0.9 > 0.1 > p[y == 0].mean()


def test_the_threshold_lets_the_asked_share_of_in_domain_questions_through():
    p, y = np.linspace(0, 1, 101), np.ones(101)
    assert np.mean(p >= threshold_for(p, y, share=0.98)) >= 0.98
    assert np.mean(p >= threshold_for(p, y, share=0.5)) < 0.6


def test_the_threshold_sits_halfway_across_the_gap_below_the_first_question_answered():
    p, y = np.array([0.1, 0.2, 0.6, 0.7, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9]), np.ones(10)
    assert threshold_for(p, y, share=0.8) == pytest.approx(0.4)  # refuses 0.1 and 0.2, and no more than it must


def test_cross_validation_tells_separable_signals_from_noise():
    answered, abstained = cross_validate(*signals(100, 40, gap=3.0), shuffles=2)
    assert answered >= 0.95 and abstained >= 0.95
    answered, abstained = cross_validate(*signals(100, 40, gap=0.0), shuffles=2)
    assert answered >= 0.9 and abstained < 0.3  # no signal: answering 98% means refusing almost nothing


def test_a_signal_left_out_gets_no_weight_and_the_rest_are_refitted():
    """The ablation's "off" for a confidence signal: the model fitted without it (evals.calibrate.calibration)."""
    from evals.calibrate import FEATURES, WEIGHTS, calibration

    x, y = signals(100, 40, gap=2.0)
    noise = np.random.default_rng(1).normal(0, 0.3, (len(y), len(FEATURES) - 1))
    both = np.hstack([x, noise])  # the first signal separates, the others are noise
    whole, without = calibration(both, y), calibration(both, y, leave_out=(FEATURES[0],))
    assert getattr(whole, WEIGHTS[FEATURES[0]]) > 0 and getattr(without, WEIGHTS[FEATURES[0]]) == 0.0
    assert set(WEIGHTS) == set(FEATURES)  # every signal has a weight in Calibration


def test_leaving_each_set_out_scores_it_with_a_model_fitted_on_the_others():
    good = {name: signals(60, 20, gap=3.0, seed=i) for i, name in enumerate(("tune", "a", "b"))}
    answered, abstained = left_out(good, ("a", "b"), share=0.98)
    assert answered >= 0.95 and abstained >= 0.9
    # a batch whose in-domain questions look off-topic to a model fitted on the others is mostly refused
    odd = good | {"b": (np.concatenate([good["b"][0][:60] - 3.0, good["b"][0][60:]]), good["b"][1])}
    answered, _ = left_out(odd, ("b",), share=0.98)
    assert answered < 0.5


def test_the_model_is_fitted_on_every_fitted_batch_on_disk_and_reports_the_others():
    from evals.calibrate import FITTED_BATCHES, fitting_sets, reported_batches
    from evals.questions import DEFAULT_QUESTIONS

    on_disk = {p.stem.removeprefix("holdout-") for p in DEFAULT_QUESTIONS.parent.glob("holdout-*.yaml")}
    sets = fitting_sets()
    assert list(sets) == ["tune", *FITTED_BATCHES] and all(sets.values())
    assert set(FITTED_BATCHES) <= on_disk and set(reported_batches()) == on_disk - set(FITTED_BATCHES)
