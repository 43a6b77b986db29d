"""Moral foundations on MOKA MoralEvents: the supervised sentence task next to the lexicons.

:func:`evaluate_moral` measures
:class:`~framing.models.moral.MoralFoundationClassifier` two ways: trained
on the upstream ``train`` split and scored on the held-out ``valid`` split
(the same units on which :func:`~framing.evaluation.instruments.evaluate_moka`
scores the lexicons, called ``test`` there), and by story-grouped
cross-validation on ``train`` (ROC AUC and the expected calibration error of
the held-out probabilities). The shipped ``moral_foundations`` lexicon and the
two published dictionaries (MFD 2.0, eMFD) are scored in the same run on the
same held-out units.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from sklearn.metrics import roc_auc_score

from ...datasets.moka import load_moka
from ...models.moral import cross_val_moral, make_estimator
from ..instruments import evaluate_moka
from ._common import _row
from .frames import expected_calibration_error

__all__ = ["evaluate_moral"]

_HELD = "MOKA valid (16 stories, 1,256 units), trained on MOKA train"
_CV = "MOKA train, {cv}-fold CV grouped by story"
_LEXICON_NAMES = {"ours": "lexicon moral_foundations", "mfd2": "lexicon MFD 2.0", "emfd": "lexicon eMFD"}


def _matrix(foundations: Any, classes: list[str]) -> np.ndarray:
    return np.asarray([[c in fs for c in classes] for fs in foundations], dtype=int)


def evaluate_moral(data_home: Any = None, *, cv: int = 5, random_state: int = 0,
                   anchors: bool = True) -> list[dict[str, Any]]:
    """Sentence-level ROC AUC, macro-F1 and calibration error of the moral-foundations model, with the lexicons.

    Parameters
    ----------
    data_home : path, optional
        Folder holding ``moka/`` (and, with ``anchors``,
        ``lexicon-references/moral-foundations/``).
    cv : int, default=5
        Folds of the grouped cross-validation on ``train``.
    random_state : int, default=0
    anchors : bool, default=True
        Also score MFD 2.0 and eMFD on the held-out units.

    Returns
    -------
    list of dict
        Table rows (task, split, metric, ours, std, published, note): on the
        held-out ``valid`` units, the model's mean ROC AUC over the five
        foundations and over four (without sanctity), its macro-F1, ECE and
        per-foundation ROC AUC, then the mean ROC AUC of each lexicon; on
        ``train`` by grouped CV, mean ROC AUC, macro-F1 (sd over folds) and
        ECE.

    Examples
    --------
    >>> rows = evaluate_moral()  # doctest: +SKIP
    >>> [r["ours"] for r in rows if r["metric"] == "ROC AUC (mean of 5)"]  # doctest: +SKIP
    """
    train = load_moka(data_home, level="sentence", split="train")
    valid = load_moka(data_home, level="sentence", split="valid")
    start = time.process_time()
    est = make_estimator(random_state).fit(train["text"].tolist(), [list(v) for v in train["foundations"]])
    classes = [str(c) for c in est.classes_]
    P = est.predict_proba(valid["text"].tolist())
    pred = est.predict(valid["text"].tolist())
    Y = _matrix(valid["foundations"], classes)
    fit_cpu = time.process_time() - start
    aucs = {c: float(roc_auc_score(Y[:, k], P[:, k])) for k, c in enumerate(classes)}
    f1s = [2 * (pred[:, k] & Y[:, k]).sum() / max(int(pred[:, k].sum() + Y[:, k].sum()), 1)
           for k in range(len(classes))]
    note = (f"{len(train)} training units; word 1-2-gram TF-IDF + moral_foundations counts, per-foundation "
            f"logistic regression, Platt calibration and thresholds from inner 5-fold CV; {fit_cpu:.0f} s CPU")
    rows = [
        _row("moral-foundations", _HELD, "ROC AUC (mean of 5)", float(np.mean(list(aucs.values()))), None,
             "", note),
        _row("moral-foundations", _HELD, "ROC AUC (mean of 4, no sanctity)",
             float(np.mean([aucs[c] for c in classes if c != "sanctity"])), None, "",
             "sanctity has 3 positive units in valid"),
        _row("moral-foundations", _HELD, "macro-F1", float(np.mean(f1s)), None, "", "thresholds chosen on train"),
        _row("moral-foundations", _HELD, "expected calibration error", expected_calibration_error(P, Y), None, "",
             "10 equal-width bins over all per-foundation probabilities"),
    ]
    rows += [_row("moral-foundations", _HELD, f"ROC AUC {c}", v, None, "",
                  f"{int(Y[:, k].sum())} positive units") for k, (c, v) in enumerate(aucs.items())]
    table = evaluate_moka(data_home, level="sentence", part="test", anchors=anchors)
    for label, name in _LEXICON_NAMES.items():
        sub = table[(table["lexicon"] == label) & (table["target"] == "mean")]
        if len(sub):
            rows.append(_row("moral-foundations", _HELD, f"ROC AUC (mean of 5), {name}",
                             float(sub["roc_auc"].iloc[0]), None, "",
                             f"{sub['lexicons'].iloc[0]}: summed hit weights, no training"))
    res = cross_val_moral(make_estimator(random_state), train["text"].tolist(),
                          [list(v) for v in train["foundations"]], cv=cv, random_state=random_state,
                          groups=train["story"].tolist())
    cv_aucs = [float(roc_auc_score(res["y"][:, k], res["proba"][:, k])) for k in range(len(res["classes"]))]
    split = _CV.format(cv=cv)
    rows += [
        _row("moral-foundations", split, "ROC AUC (mean of 5)", float(np.mean(cv_aucs)), None, "",
             "held-out calibrated probabilities, GroupKFold over stories (duplicated stories merged)"),
        _row("moral-foundations", split, "macro-F1", res["macro_f1"], float(np.std(res["macro_f1_folds"])), "",
             "pooled over held-out units; sd over folds"),
        _row("moral-foundations", split, "expected calibration error",
             expected_calibration_error(res["proba"], res["y"]), None, "",
             "10 equal-width bins over all held-out per-foundation probabilities"),
    ]
    return rows
