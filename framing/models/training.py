"""Fitting a task's estimator: cross-validation, the fit, and the provenance recorded with it."""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone

from .._version import __version__
from ..features import check_documents
from ..lexicon import available_lexicons, load_lexicon
from ..pipeline.progress import progress_bar, scoped_progress
from .calibration import expected_calibration_error, reliability_table, top_label_calibration
from .crossval import cross_val_proba, fit_with_cached
from .guard import training_profile
from .tasks import get_task, make_pipeline
from .trained import TrainedModel

__all__ = ["fingerprint", "train"]

logger = logging.getLogger(__name__)


def fingerprint(texts: Iterable[str], labels: Iterable[Any]) -> str:
    """SHA-256 over the training texts and labels, in order (identifies training data).

    Examples
    --------
    >>> fingerprint(["a", "b"], ["x", "y"]) == fingerprint(["a", "b"], ["x", "y"])
    True
    >>> fingerprint(["a", "b"], ["x", "y"]) == fingerprint(["b", "a"], ["y", "x"])
    False
    """
    h = hashlib.sha256()
    for text, label in zip(texts, labels):
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
        h.update(json.dumps(label, default=str).encode("utf-8"))
        h.update(b"\x01")
    return "sha256:" + h.hexdigest()


def _provenance() -> dict[str, Any]:
    return {
        "framing_version": __version__,
        "lexicons": {n: load_lexicon(n).version for n in available_lexicons()},
        "date": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
    }


def _drop_stop_words(estimator: Any) -> None:
    """Remove ``stop_words_`` from fitted vectorizers: introspection only, and most of a model file."""
    from sklearn.base import BaseEstimator as _Base

    todo = [estimator]
    while todo:
        est = todo.pop()
        if hasattr(est, "stop_words_"):
            delattr(est, "stop_words_")
        if isinstance(est, _Base):
            todo.extend(v for v in est.get_params(deep=False).values() if isinstance(v, _Base))
            todo.extend(step for _, step in getattr(est, "steps", []) if isinstance(step, _Base))
            todo.extend(t for _, t in getattr(est, "transformer_list", []) if isinstance(t, _Base))


def _cv_summary(kind: str, proba: np.ndarray, classes: list[str], y: np.ndarray,
                splits: list[tuple[np.ndarray, np.ndarray]]) -> dict[str, Any]:
    """Macro-F1 and accuracy per fold, and the calibration of all held-out probabilities."""
    from sklearn.metrics import accuracy_score, f1_score

    pred = np.asarray(classes, dtype=object)[np.argmax(proba, axis=1)]
    f1 = np.asarray([f1_score(y[b], pred[b], average="macro") for _, b in splits])
    acc = np.asarray([accuracy_score(y[b], pred[b]) for _, b in splits])
    tested = np.concatenate([b for _, b in splits])
    calib = top_label_calibration(proba[tested], y[tested], classes)
    return {"scheme": kind, "f1_macro_mean": float(f1.mean()), "f1_macro_std": float(f1.std()),
            "accuracy_mean": float(acc.mean()), "ece": calib["ece"], "reliability": calib["reliability"]}


def train(
    task: str,
    texts: Sequence[str] | pd.Series,
    labels: Sequence[Any],
    *,
    groups: Sequence[Any] | None = None,
    cv: int = 5,
    random_state: int = 0,
    source: str | None = None,
    estimator: Any = None,
) -> TrainedModel:
    """Fit a task's pipeline on all the data, after measuring it by cross-validation.

    Parameters
    ----------
    task : {"sentence-bias", "article-leaning", "persuasion-spans", "frames"}
    texts : sequence of str
    labels : sequence
        Class labels as words; for ``persuasion-spans``, one list of
        ``(start, end)`` spans per text; for ``frames``, one list of frame
        names per text.
    groups : sequence, optional
        Outlet (or other group) of each text: folds are then grouped
        (:class:`~sklearn.model_selection.GroupKFold`), else stratified.
    cv : int, default=5
        Folds; 0 skips cross-validation (no ``cv`` metadata).
        Not used for ``persuasion-spans``.
    random_state : int, default=0
    source : str, optional
        Where the data came from (recorded in the metadata).
    estimator : estimator, optional
        Use this instead of :func:`make_pipeline`.

    Returns
    -------
    TrainedModel
    """
    from sklearn.model_selection import GroupKFold, StratifiedKFold

    spec = get_task(task)
    docs = check_documents(texts, estimator=f"train({task!r})")
    labels = list(labels)
    if len(labels) != len(docs):
        raise ValueError(f"train needs one label per text. Got {len(labels)} labels for {len(docs)} texts.")
    est = clone(estimator) if estimator is not None else make_pipeline(task, random_state=random_state)
    meta: dict[str, Any] = _provenance()
    meta["task"] = task
    meta["estimator"] = type(est).__name__
    meta["training_data"] = {
        "fingerprint": fingerprint(docs, labels), "n_rows": len(docs), "source": source,
        **training_profile(docs, labels, multilabel=spec.multilabel or spec.predicts_spans),
    }
    if spec.multilabel:
        from .frames import cross_val_frames

        meta["labels"] = sorted({str(f) for v in labels for f in v})
        if cv and cv > 1:
            res = (spec.cross_validate or cross_val_frames)(est, docs, labels, cv=cv, random_state=random_state)
            meta["cv"] = {
                "scheme": res.get("scheme", f"KFold({cv}, shuffle, random_state={random_state}); "
                                            "thresholds inside each fold"),
                "f1_macro_mean": float(np.mean(res["macro_f1_folds"])),
                "f1_macro_std": float(np.std(res["macro_f1_folds"])),
                "f1_micro_mean": float(np.mean(res["micro_f1_folds"])),
                "ece": expected_calibration_error(res["proba"], res["y"]),
                "reliability": reliability_table(res["proba"], res["y"]),
            }
        est.fit(pd.Series(docs), labels)
        _drop_stop_words(est)
    elif not spec.predicts_spans:
        y = np.asarray([str(v) for v in labels], dtype=object)
        meta["labels"] = sorted(set(y.tolist()))
        cache = None
        if cv and cv > 1:
            if groups is not None:
                splitter: Any = GroupKFold(n_splits=cv)
                kind = f"GroupKFold({cv}) over outlet"
            else:
                splitter = StratifiedKFold(n_splits=cv, shuffle=True, random_state=random_state)
                kind = f"StratifiedKFold({cv}, shuffle, random_state={random_state})"
            splits = list(splitter.split(np.zeros(len(y)), y, groups))
            bar = progress_bar(scoped_progress(), total=len(splits), desc=f"{task}: cross-validation",
                               unit="fold")
            try:
                proba, classes, cache = cross_val_proba(est, docs, y, splits, groups=groups,
                                                        on_fold=lambda: bar.update(1))
            finally:
                bar.close()
            meta["cv"] = _cv_summary(kind, proba, classes, y, splits)
        logger.info("%s: fitting the final model on all %d texts", task, len(docs))
        est = fit_with_cached(est, docs, y, cache, groups=groups)
        _drop_stop_words(est)
    else:
        est.fit(docs, labels)
    logger.info("trained %s on %d texts", task, len(docs))
    return TrainedModel(task, est, meta)
