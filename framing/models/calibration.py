"""How far predicted probabilities are from observed frequencies: calibration error and reliability bins."""

from __future__ import annotations

from typing import Any

import numpy as np

__all__ = ["expected_calibration_error", "reliability_table", "top_label_calibration"]


def reliability_table(confidence: Any, correct: Any, *, n_bins: int = 10) -> list[dict[str, float]]:
    """Equal-width probability bins: how many predictions, their mean probability, how often they were right.

    Parameters
    ----------
    confidence : array-like of float in [0, 1]
    correct : array-like of 0/1
        Whether the event the probability is about happened.
    n_bins : int, default=10

    Returns
    -------
    list of dict
        One per non-empty bin: ``lower``, ``upper``, ``n``, ``mean_probability``, ``observed``.

    Examples
    --------
    >>> reliability_table([0.15, 0.15, 0.95, 0.95], [0, 1, 1, 1], n_bins=10)
    [{'lower': 0.1, 'upper': 0.2, 'n': 2, 'mean_probability': 0.15, 'observed': 0.5}, {'lower': 0.9, 'upper': 1.0, 'n': 2, 'mean_probability': 0.95, 'observed': 1.0}]
    """
    p = np.asarray(confidence, dtype=float).ravel()
    t = np.asarray(correct, dtype=float).ravel()
    if p.shape != t.shape:
        raise ValueError(f"reliability_table needs one outcome per probability. Got {len(p)} and {len(t)}.")
    bins = np.minimum((p * n_bins).astype(int), n_bins - 1)
    out = []
    for b in np.unique(bins):
        m = bins == b
        out.append({"lower": round(int(b) / n_bins, 6), "upper": round((int(b) + 1) / n_bins, 6), "n": int(m.sum()),
                    "mean_probability": round(float(p[m].mean()), 12), "observed": round(float(t[m].mean()), 12)})
    return out


def expected_calibration_error(proba: Any, y: Any, *, n_bins: int = 10) -> float:
    """Expected calibration error of probabilities against 0/1 outcomes (equal-width bins).

    The bin-size-weighted mean of ``|mean probability - observed frequency|``
    (Naeini, Cooper & Hauskrecht 2015), over all entries of ``proba``.

    Examples
    --------
    >>> expected_calibration_error(np.array([0.2, 0.2, 0.8, 0.8, 0.8]), np.array([0, 0, 1, 1, 0]))
    0.16
    """
    rows = reliability_table(proba, y, n_bins=n_bins)
    n = sum(r["n"] for r in rows)
    err = sum(r["n"] * abs(r["mean_probability"] - r["observed"]) for r in rows) / max(n, 1)
    return round(float(err), 12)


def top_label_calibration(proba: Any, y: Any, classes: Any, *, n_bins: int = 10) -> dict[str, Any]:
    """Calibration of the predicted class: its probability against whether it was the true class.

    The top-label calibration error of Guo et al. (2017), for classifiers
    with one label per text.

    Parameters
    ----------
    proba : array-like of shape (n, n_classes)
    y : array-like of labels
    classes : array-like
        The label of each column of ``proba``.

    Returns
    -------
    dict
        ``ece`` and ``reliability`` (:func:`reliability_table`).

    Examples
    --------
    >>> out = top_label_calibration([[0.9, 0.1], [0.8, 0.2], [0.3, 0.7]], ["a", "b", "b"], ["a", "b"])
    >>> out["ece"]  # right at 0.9 and 0.7, wrong at 0.8
    0.4
    """
    P = np.asarray(proba, dtype=float)
    labels = np.asarray(classes, dtype=object)
    pred = labels[np.argmax(P, axis=1)]
    correct = (pred == np.asarray(y, dtype=object)).astype(float)
    conf = P.max(axis=1)
    return {"ece": expected_calibration_error(conf, correct, n_bins=n_bins),
            "reliability": reliability_table(conf, correct, n_bins=n_bins)}
