"""Cross-validation of a text pipeline that computes its data-independent features only once.

Lexicon counts and attribution features learn nothing from the training
texts (their ``fit`` only fixes feature names), so their values for a text
are the same in every fold. :func:`cross_val_proba` computes them once for
all texts and lets each fold's pipeline read them by row; everything that
learns (TF-IDF vocabulary and weights, scaling, the classifier) is still
fitted on the fold's training part only. :func:`fit_with_cached` fits the
final model the same way and puts the real featurizers back.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin, clone
from sklearn.pipeline import FeatureUnion, Pipeline

from ..features import AttributionFeaturizer, LexiconFeaturizer

__all__ = ["cross_val_proba", "fit_with_cached", "group_params"]

_STATELESS: tuple[type, ...] = (LexiconFeaturizer, AttributionFeaturizer)


class _Cached(TransformerMixin, BaseEstimator):
    """Rows of features computed once for all texts, looked up by the index of a ``pd.Series``."""

    def __init__(self, values: np.ndarray, names: np.ndarray, original: Any) -> None:
        self.values = values
        self.names = names
        self.original = original

    def fit(self, X: Any, y: Any = None) -> _Cached:
        return self

    def transform(self, X: Any) -> np.ndarray:
        out: np.ndarray = self.values[np.asarray(X.index, dtype=np.int64)]
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        return self.names


def _children(est: Any) -> list[tuple[list[Any], int]]:
    """(list, position) of each direct sub-estimator of a Pipeline or FeatureUnion."""
    if isinstance(est, Pipeline):
        return [(est.steps, i) for i in range(len(est.steps))]
    if isinstance(est, FeatureUnion):
        return [(est.transformer_list, i) for i in range(len(est.transformer_list))]
    return []


def _swap(est: Any, replace: Any) -> bool:
    """Replace, in place, every sub-estimator for which ``replace`` returns a new one; whether any was."""
    found = False
    for items, i in _children(est):
        name, sub = items[i]
        new = replace(sub)
        if new is not None:
            items[i] = (name, new)
            found = True
        else:
            found = _swap(sub, replace) or found
    return found


def _precompute(est: Any, docs: pd.Series) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Values and feature names of every data-independent featurizer in ``est``, keyed by id."""
    out: dict[int, tuple[np.ndarray, np.ndarray]] = {}

    def visit(sub: Any) -> None:
        if isinstance(sub, _STATELESS) and id(sub) not in out:
            fitted = clone(sub).fit(docs)
            values = np.asarray(fitted.transform(docs), dtype=np.float64)
            out[id(sub)] = (values, np.asarray(fitted.get_feature_names_out(), dtype=object))
        return None

    def walk(e: Any) -> None:
        for items, i in _children(e):
            visit(items[i][1])
            walk(items[i][1])

    walk(est)
    return out


def _with_cache(est: Any, cache: dict[int, tuple[np.ndarray, np.ndarray]], template: Any) -> Any:
    """A clone of ``template`` whose data-independent featurizers read ``cache`` (ids of ``est``'s)."""
    originals = []

    def collect(e: Any) -> None:
        for items, i in _children(e):
            sub = items[i][1]
            if id(sub) in cache:
                originals.append(sub)
            collect(sub)

    collect(est)
    fold = clone(template)
    queue = iter(originals)

    def replace(sub: Any) -> Any:
        if isinstance(sub, _STATELESS):
            original = next(queue)
            values, names = cache[id(original)]
            return _Cached(values, names, original)
        return None

    _swap(fold, replace)
    return fold


def group_params(est: Any, groups: Any) -> dict[str, Any]:
    """``fit`` keyword arguments that pass the groups to a pipeline's last step when it takes them.

    Examples
    --------
    >>> from framing.models import make_pipeline
    >>> list(group_params(make_pipeline("article-leaning"), ["a", "b"]))
    ['classifier__groups']
    >>> group_params(make_pipeline("article-leaning"), None)
    {}
    """
    import inspect

    if groups is None or not isinstance(est, Pipeline):
        return {}
    name, last = est.steps[-1]
    if "groups" not in inspect.signature(last.fit).parameters:
        return {}
    return {f"{name}__groups": np.asarray(groups, dtype=object)}


def fit_with_cached(est: Any, docs: Sequence[str], y: Any,
                    cache: dict[int, tuple[np.ndarray, np.ndarray]] | None = None, *, groups: Any = None) -> Any:
    """Fit ``est`` on all texts, its data-independent features from ``cache`` (computed if None).

    ``groups`` (the outlet of each text) reaches the classifier's held-out
    calibration when it takes them (:func:`group_params`).
    """
    series = pd.Series(list(docs))
    params = group_params(est, groups)
    if cache is None:
        cache = _precompute(est, series)
    if not cache:
        return est.fit(series, y, **params)
    fitting = _with_cache(est, cache, est)
    fitting.fit(series, y, **params)
    small = series.iloc[:1]

    def restore(sub: Any) -> Any:
        if isinstance(sub, _Cached):
            return clone(sub.original).fit(small)
        return None

    _swap(fitting, restore)
    return fitting


def cross_val_proba(est: Any, docs: Sequence[str], y: np.ndarray, splits: Sequence[tuple[np.ndarray, np.ndarray]],
                    *, groups: Any = None,
                    on_fold: Any = None) -> tuple[np.ndarray, list[Any], dict[int, tuple[np.ndarray, np.ndarray]]]:
    """Held-out class probabilities of each text, every fold fitted on its training part only.

    Parameters
    ----------
    est : Pipeline
        Unfitted; its :class:`~framing.features.LexiconFeaturizer` and
        :class:`~framing.features.AttributionFeaturizer` steps are computed once.
    docs : sequence of str
    y : ndarray of labels
    splits : sequence of (train indices, test indices)
    groups : sequence, optional
        Group of each text, passed on to each fold's classifier (:func:`group_params`).
    on_fold : callable, optional
        Called with no argument after each fold (a progress bar's tick).

    Returns
    -------
    proba : ndarray of shape (n_texts, n_classes)
        Columns in ``classes`` order (sorted labels); rows of texts in no test part are 0.
    classes : list
    cache : dict
        The data-independent features (for :func:`fit_with_cached`).

    Examples
    --------
    >>> from sklearn.model_selection import StratifiedKFold
    >>> from framing.models import make_pipeline
    >>> docs = ["A disgraceful, reckless scheme.", "The vote is on Monday.",
    ...         "A reckless, shameful plan.", "The report is on Tuesday."] * 3
    >>> y = np.array(["biased", "non-biased"] * 6, dtype=object)
    >>> splits = list(StratifiedKFold(3).split(docs, y))
    >>> proba, classes, _ = cross_val_proba(make_pipeline("sentence-bias"), docs, y, splits)
    >>> classes, proba.shape
    (['biased', 'non-biased'], (12, 2))
    """
    series = pd.Series(list(docs))
    cache = _precompute(est, series)
    classes = sorted({str(v) for v in y})
    proba = np.zeros((len(series), len(classes)))
    for train_idx, test_idx in splits:
        fold = _with_cache(est, cache, est) if cache else clone(est)
        params = group_params(est, None if groups is None else np.asarray(groups, dtype=object)[train_idx])
        fold.fit(series.iloc[train_idx], y[train_idx], **params)
        cols = np.asarray([classes.index(str(c)) for c in fold.classes_], dtype=np.int64)
        proba[np.ix_(test_idx, cols)] = fold.predict_proba(series.iloc[test_idx])
        if on_fold is not None:
            on_fold()
    return proba, classes, cache
