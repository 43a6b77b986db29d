"""Policy frames on SemEval-2023 task 3 (subtask 2, English): cross-validated multi-label quality.

:func:`evaluate_frames` measures :class:`~framing.models.frames.FrameClassifier`
by k-fold cross-validation over the articles (each fold's model chooses its
calibration and thresholds inside its own training part) and, on the same
articles, two baselines: every frame present, and the lexicon rule (a frame
is present when the article has at least one ``policy_frames`` cue of it).
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

from ...features import LexiconFeaturizer
from ...models.calibration import expected_calibration_error
from ...models.frames import cross_val_frames, make_estimator
from ._common import _row

__all__ = ["evaluate_frames", "expected_calibration_error"]

_SPLIT = "SemEval-2023 T3 frames (EN train), {cv}-fold CV"
_PUBLISHED = "official test-set scores only (no English test gold here)"


def evaluate_frames(data_home: Any = None, *, cv: int = 5, random_state: int = 0,
                    estimator: Any = None) -> list[dict[str, Any]]:
    """Micro- and macro-F1, per-frame ROC AUC and calibration error of the frames model, with baselines.

    Parameters
    ----------
    data_home : path, optional
        Folder holding ``frames-semeval2023/``.
    cv : int, default=5
        Folds over articles (``KFold``, shuffled with ``random_state``).
    random_state : int, default=0
    estimator : FrameClassifier, optional
        Default: ``make_pipeline("frames")``.

    Returns
    -------
    list of dict
        Table rows (task, split, metric, ours, std, published, note): the
        model's micro-F1, macro-F1, mean ROC AUC, expected calibration error
        and one ROC AUC per frame; then micro- and macro-F1 of the two
        baselines on the same articles. F1 is computed over all held-out
        decisions; ``std`` is over folds.
    """
    from ...datasets import load_frames

    df = load_frames(data_home)
    texts, gold = df["text"].tolist(), df["frames"].tolist()
    est = estimator if estimator is not None else make_estimator(random_state)
    start = time.process_time()
    res = cross_val_frames(est, texts, gold, cv=cv, random_state=random_state)
    cpu = time.process_time() - start
    classes, Y, P = res["classes"], res["y"], res["proba"]
    aucs = {c: float(roc_auc_score(Y[:, k], P[:, k])) for k, c in enumerate(classes)}
    split = _SPLIT.format(cv=cv)
    note = (f"{len(df)} articles, {len(classes)} frames, KFold({cv}, shuffle, random_state={random_state}); "
            "word TF-IDF + policy_frames rates, per-frame logistic regression, Platt calibration and "
            f"thresholds from inner {est.cv}-fold CV of each training part; {cpu:.0f} s CPU")
    rows = [
        _row("frames", split, "micro-F1", res["micro_f1"], float(np.std(res["micro_f1_folds"])), _PUBLISHED, note),
        _row("frames", split, "macro-F1", res["macro_f1"], float(np.std(res["macro_f1_folds"])), "", note),
        _row("frames", split, "ROC AUC (mean over frames)", float(np.mean(list(aucs.values()))), None, "",
             "held-out calibrated probabilities"),
        _row("frames", split, "expected calibration error", expected_calibration_error(P, Y), None, "",
             "10 equal-width bins over all held-out per-frame probabilities"),
    ]
    rows += [_row("frames", split, f"ROC AUC {c}", v, None, "", f"{int(Y[:, k].sum())} articles with the frame")
             for k, (c, v) in enumerate(aucs.items())]
    counts = LexiconFeaturizer("policy_frames", measure="count", totals=False).set_output(transform="pandas")
    cues = counts.fit_transform(df["text"])
    rule = np.column_stack([(cues[f"policy_frames__{c}_count"] >= 1).to_numpy() for c in classes]).astype(int)
    for name, pred in (("baseline: every frame present", np.ones_like(Y)),
                       ("baseline: lexicon rule (>= 1 policy_frames cue)", rule)):
        rows += [_row("frames", split, f"micro-F1, {name}", float(f1_score(Y, pred, average="micro")), None, "",
                      "same articles, no training"),
                 _row("frames", split, f"macro-F1, {name}",
                      float(f1_score(Y, pred, average="macro", zero_division=0)), None, "",
                      "same articles, no training")]
    return rows
