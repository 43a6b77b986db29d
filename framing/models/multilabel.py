"""What the multi-label text tasks share: label checks, per-label regressions, calibration, thresholds, folds.

The frames task (:mod:`framing.models.frames`, one article, several policy
frames) and the moral-foundations task (:mod:`framing.models.moral`, one
sentence, several foundations) fit the same kind of model: one L2 logistic
regression per label over sparse text features (:func:`fit_per_label`), a
Platt fit per label on held-out scores of the training texts
(:func:`platt_per_label`), and per-label decision thresholds chosen on the
same held-out probabilities (:func:`choose_thresholds`). Their
cross-validation runs through :func:`cross_validate_labels`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from sklearn.base import clone
from sklearn.linear_model import LogisticRegression

__all__ = ["calibrate", "check_cv", "check_label_lists", "choose_thresholds", "cross_validate_labels", "fit_per_label",
           "micro_macro_f1", "platt_per_label"]

_GRID = np.round(np.linspace(0.02, 0.90, 45), 2)


def check_label_lists(y: Any, n: int, allowed: Iterable[str], *, where: str, what: str,
                      allowed_as: str | None = None) -> list[list[str]]:
    """One sorted list of label names per text, or a ``ValueError`` that says what was expected.

    Parameters
    ----------
    y : sequence of sequences of str
        The labels of each text (an empty list for none).
    n : int
        The number of texts.
    allowed : iterable of str
        The label names a text may carry.
    where : str
        Who checks, for the message (``"FrameClassifier.fit"``).
    what : str
        What a label is called, plural (``"frame names"``).
    allowed_as : str, optional
        How the message names the allowed labels (default: ``"among [...]"``).

    Examples
    --------
    >>> check_label_lists([["b", "a"], []], 2, ["a", "b"], where="fit", what="label names")
    [['a', 'b'], []]
    >>> check_label_lists([["c"]], 1, ["a", "b"], where="fit", what="label names")
    Traceback (most recent call last):
    ...
    ValueError: fit: the labels of text 0 must be among ['a', 'b']. Got ['c'] instead.
    """
    allowed = set(allowed)
    if isinstance(y, (str, bytes)) or not hasattr(y, "__len__") or len(y) != n:
        raise ValueError(f"{where} needs one list of {what} per text ({n} texts). Got {y!r:.80} instead.")
    out = []
    noun = what.split()[0]
    for i, labels in enumerate(y):
        if isinstance(labels, str) or not hasattr(labels, "__iter__"):
            raise ValueError(f"{where}: the {noun}s of text {i} must be a list of {what} (empty for none). "
                             f"Got {labels!r} instead.")
        labels = [str(f) for f in labels]
        bad = sorted(set(labels) - allowed)
        if bad:
            raise ValueError(f"{where}: the {noun}s of text {i} must be {allowed_as or 'among'} {sorted(allowed)}. "
                             f"Got {bad} instead.")
        out.append(sorted(set(labels)))
    return out


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -500, 500)))


def micro_macro_f1(Y: np.ndarray, P: np.ndarray) -> tuple[float, float]:
    """Micro- and macro-F1 of 0/1 matrices (a label with no gold and no prediction counts 0, as scikit-learn).

    Examples
    --------
    >>> micro_macro_f1(np.array([[1, 0], [1, 1]]), np.array([[1, 0], [0, 1]]))
    (0.8, 0.8333333333333333)
    """
    tp = (Y & P).sum(0)
    fp = ((1 - Y) & P).sum(0)
    fn = (Y & (1 - P)).sum(0)
    den = 2 * tp + fp + fn
    micro = 2 * tp.sum() / max(int(den.sum()), 1)
    macro = float(np.mean(np.where(den > 0, 2 * tp / np.maximum(den, 1), 0.0)))
    return float(micro), macro


def choose_thresholds(P: np.ndarray, Y: np.ndarray, *, rounds: int = 2) -> np.ndarray:
    """Per-label thresholds that maximise the mean of micro- and macro-F1 on held-out probabilities.

    Starts from the one threshold best for all labels and moves each
    label's own threshold along a grid (0.02 to 0.90), ``rounds`` times.

    Examples
    --------
    >>> P = np.array([[0.9, 0.2], [0.6, 0.1], [0.1, 0.7], [0.3, 0.3]])
    >>> Y = np.array([[1, 0], [1, 0], [0, 1], [0, 1]])
    >>> choose_thresholds(P, Y).tolist()
    [0.32, 0.22]
    """
    Y = Y.astype(int)
    score = [(sum(micro_macro_f1(Y, (t <= P).astype(int))), t) for t in _GRID]
    start = max(score, key=lambda st: st[0])[1]  # ties: the lowest threshold
    t = np.full(P.shape[1], start)
    for _ in range(rounds):
        for k in range(P.shape[1]):
            best, best_t = -1.0, t[k]
            for g in _GRID:
                t[k] = g
                s = sum(micro_macro_f1(Y, (t <= P).astype(int)))
                if s > best + 1e-12:
                    best, best_t = s, g
            t[k] = best_t
    return t


def _log_prior(y: np.ndarray) -> float:
    prior = np.clip(y.mean(), 1e-3, 1 - 1e-3)
    return float(np.log(prior / (1 - prior)))


def fit_per_label(X: Any, Y: np.ndarray, *, C: float, random_state: int) -> tuple[np.ndarray, np.ndarray]:
    """One L2 logistic regression per column of ``Y``; coefficients (n_labels, n_features) and intercepts.

    A label with one class only in ``Y`` gets a constant score: no
    coefficients and its log prior odds as intercept.

    Examples
    --------
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 0.1], [0.1, 1.0]])
    >>> coef, icpt = fit_per_label(X, np.array([[1, 0], [0, 0], [1, 0], [0, 0]]), C=1.0, random_state=0)
    >>> bool(coef[0, 0] > 0), coef[1].tolist(), round(float(icpt[1]), 2)
    (True, [0.0, 0.0], -6.91)
    """
    coef = np.zeros((Y.shape[1], X.shape[1]))
    intercept = np.zeros(Y.shape[1])
    for k in range(Y.shape[1]):
        y = Y[:, k]
        if y.min() == y.max():  # one class only in this part: a constant score
            intercept[k] = _log_prior(y)
            continue
        clf = LogisticRegression(C=C, solver="liblinear", max_iter=2000, random_state=random_state).fit(X, y)
        coef[k], intercept[k] = clf.coef_[0], clf.intercept_[0]
    return coef, intercept


def platt_per_label(held: np.ndarray, Y: np.ndarray) -> np.ndarray:
    """Platt (1999) slope and intercept per label from held-out scores, shape (n_labels, 2).

    A label with one class, or with held-out scores that do not vary, gets
    slope 0 and its log prior odds (a constant probability).

    Examples
    --------
    >>> held = np.array([[2.0, 0.0], [1.0, 0.0], [-1.0, 0.0], [-2.0, 0.0]])
    >>> cal = platt_per_label(held, np.array([[1, 0], [1, 1], [0, 0], [0, 1]]))
    >>> bool(cal[0, 0] > 0), cal[1].tolist()
    (True, [0.0, 0.0])
    """
    calibration = np.zeros((Y.shape[1], 2))
    for k in range(Y.shape[1]):
        if Y[:, k].min() == Y[:, k].max() or np.ptp(held[:, k]) == 0:
            calibration[k] = (0.0, _log_prior(Y[:, k]))
        else:
            platt = LogisticRegression(C=1e4).fit(held[:, [k]], Y[:, k])
            calibration[k] = (platt.coef_[0, 0], platt.intercept_[0])
    return calibration


def calibrate(scores: np.ndarray, calibration: np.ndarray) -> np.ndarray:
    """Probabilities from scores (n_texts, n_labels) through each label's Platt slope and intercept.

    Examples
    --------
    >>> calibrate(np.array([[0.0, 1.0]]), np.array([[1.0, 0.0], [0.0, 0.0]])).tolist()
    [[0.5, 0.5]]
    """
    return _sigmoid(scores * calibration[:, 0] + calibration[:, 1])


def cross_validate_labels(estimator: Any, docs: list[str], gold: list[list[str]], classes: list[str],
                          splits: Iterable[tuple[np.ndarray, np.ndarray]], *,
                          random_state: int | None = None) -> dict[str, Any]:
    """Held-out probabilities and decisions of a multi-label estimator over given folds.

    Each fold fits a clone of ``estimator`` (with ``random_state`` set when
    given) on its training part; its ``classes_``, ``predict_proba`` and
    ``thresholds_`` give the held-out part's probabilities and decisions (0
    for a label the fold never saw).

    Returns
    -------
    dict
        ``classes``, ``y`` (0/1 gold matrix), ``proba``, ``pred``, ``folds``
        (fold number per text), ``micro_f1``, ``macro_f1`` (pooled) and
        ``micro_f1_folds``, ``macro_f1_folds`` (per fold).
    """
    Y = np.asarray([[c in fs for c in classes] for fs in gold], dtype=int)
    proba, pred = np.zeros(Y.shape), np.zeros(Y.shape, dtype=int)
    folds = np.zeros(len(docs), dtype=int)
    per_fold: list[tuple[float, float]] = []
    for i, (a, b) in enumerate(splits):
        est = clone(estimator)
        if random_state is not None:
            est.set_params(random_state=random_state)
        est.fit([docs[j] for j in a], [gold[j] for j in a])
        cols = np.asarray([classes.index(c) for c in est.classes_], dtype=int)
        p = est.predict_proba([docs[j] for j in b])
        proba[np.ix_(b, cols)] = p
        pred[np.ix_(b, cols)] = (p >= est.thresholds_).astype(int)
        folds[b] = i
        per_fold.append(micro_macro_f1(Y[b], pred[b]))
    micro, macro = micro_macro_f1(Y, pred)
    return {"classes": classes, "y": Y, "proba": proba, "pred": pred, "folds": folds,
            "micro_f1": micro, "macro_f1": macro,
            "micro_f1_folds": [m for m, _ in per_fold], "macro_f1_folds": [m for _, m in per_fold]}


def check_cv(cv: Any, estimator: str) -> int:
    """The ``cv`` parameter as an int >= 2, else a ``ValueError`` in the project's wording.

    Examples
    --------
    >>> check_cv(3, "FrameClassifier")
    3
    """
    if not isinstance(cv, (int, np.integer)) or isinstance(cv, bool) or cv < 2:
        raise ValueError(f"The 'cv' parameter of {estimator} must be an int >= 2. Got {cv!r} instead.")
    return int(cv)
