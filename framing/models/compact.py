"""Estimators whose fitted state is a few dense arrays: quick to save, quick to load, calibrated.

:class:`CompactTfidfVectorizer` is scikit-learn's ``TfidfVectorizer`` whose
vocabulary is written to a model file as two arrays (the UTF-8 bytes of all
terms and their offsets) instead of one dictionary entry and one NumPy
scalar per term: a 300,000-term vocabulary is two arrays in the file, not
600,000 objects (which made skops's writer quadratic and a 3,673-sentence
model 70 MB). :class:`CalibratedLinearClassifier` is a logistic regression
whose probabilities are rescaled on held-out folds of its own training data
(Platt scaling for two classes, one temperature for more, which keeps the
regression's ranking of the classes; Platt 1999, Guo et al. 2017), so that ``0.9`` means right about nine
times in ten.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy.optimize import minimize
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression, SGDClassifier
from sklearn.model_selection import GroupKFold, StratifiedKFold
from sklearn.utils.validation import check_is_fitted

from .._validation import check_choice

__all__ = ["CalibratedLinearClassifier", "CompactTfidfVectorizer", "pack_strings", "unpack_strings"]


def pack_strings(strings: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Strings as two arrays: their UTF-8 bytes end to end and the end offset of each.

    Examples
    --------
    >>> data, ends = pack_strings(["vote", "élu"])
    >>> data.dtype, ends.tolist()
    (dtype('uint8'), [4, 8])
    >>> unpack_strings(data, ends)
    ['vote', 'élu']
    """
    encoded = [s.encode("utf-8", "surrogatepass") for s in strings]
    ends = np.cumsum([len(b) for b in encoded], dtype=np.int64) if encoded else np.zeros(0, dtype=np.int64)
    return np.frombuffer(b"".join(encoded), dtype=np.uint8).copy(), ends


def unpack_strings(data: np.ndarray, ends: np.ndarray) -> list[str]:
    """The strings :func:`pack_strings` packed."""
    raw = np.asarray(data, dtype=np.uint8).tobytes()
    starts = np.concatenate([[0], np.asarray(ends, dtype=np.int64)[:-1]]) if len(ends) else ends
    return [raw[s:e].decode("utf-8", "surrogatepass") for s, e in zip(starts.tolist(), ends.tolist())]


class CompactTfidfVectorizer(TfidfVectorizer):
    """``TfidfVectorizer`` that stores its vocabulary as two arrays in a model file.

    Same parameters, same numbers as :class:`~sklearn.feature_extraction.text.TfidfVectorizer`;
    ``stop_words_`` (introspection only) is not kept. When pickled or
    written with skops, ``vocabulary_`` becomes ``vocabulary_bytes_`` and
    ``vocabulary_ends_`` (see :func:`pack_strings`) and is rebuilt when read.

    Examples
    --------
    >>> vec = CompactTfidfVectorizer().fit(["a reckless plan", "a calm plan"])
    >>> state = vec.__getstate__()
    >>> "vocabulary_" in state, state["vocabulary_ends_"].tolist()
    (False, [4, 8, 16])
    >>> again = CompactTfidfVectorizer()
    >>> again.__setstate__(state)
    >>> again.vocabulary_ == vec.vocabulary_
    True
    """

    def fit_transform(self, raw_documents: Any, y: Any = None) -> Any:
        X = super().fit_transform(raw_documents, y)
        if hasattr(self, "stop_words_"):
            del self.stop_words_
        return X

    def fit(self, raw_documents: Any, y: Any = None) -> CompactTfidfVectorizer:
        self.fit_transform(raw_documents, y)
        return self

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())
        vocab = state.pop("vocabulary_", None)
        if vocab is not None:
            terms = [""] * len(vocab)
            for term, j in vocab.items():
                terms[int(j)] = term
            state["vocabulary_bytes_"], state["vocabulary_ends_"] = pack_strings(terms)
        state.pop("stop_words_", None)
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        data, ends = state.pop("vocabulary_bytes_", None), state.pop("vocabulary_ends_", None)
        if data is not None and ends is not None:
            state["vocabulary_"] = {t: j for j, t in enumerate(unpack_strings(data, ends))}
        super().__setstate__(state)


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: np.ndarray = e / e.sum(axis=1, keepdims=True)
    return out


def _scaled_proba(scores: np.ndarray, params: np.ndarray) -> np.ndarray:
    """Probabilities from raw scores: ``sigmoid(a*s + b)`` (binary) or ``softmax(a*z + b)``."""
    if scores.ndim == 1:
        p = 1.0 / (1.0 + np.exp(-np.clip(params[0] * scores + params[1], -500, 500)))
        return np.column_stack([1.0 - p, p])
    return _softmax(params[0] * scores + params[1:])


def fit_scaling(scores: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Scale (and, for two classes, bias) that minimise the log-loss of held-out scores.

    Platt scaling for binary decision values; temperature scaling (one
    scale, no class biases) for per-class scores, so that the most probable
    class stays the one the regression ranks first: on texts of unseen
    outlets class biases would only learn the training folds' label shares
    and override what the text says.

    Parameters
    ----------
    scores : ndarray of shape (n,) or (n, n_classes)
        Binary decision values or per-class scores.
    y : ndarray of int
        Class index of each row.

    Returns
    -------
    ndarray
        ``[a, b]`` (binary) or ``[a, 0, ..., 0]`` (the biases are kept at 0).

    Examples
    --------
    >>> s = np.array([-4.0, -3.0, -1.0, 1.0, 3.0, 4.0, 0.5, -0.5])
    >>> y = np.array([0, 0, 1, 1, 1, 0, 0, 1])
    >>> bool(0 < fit_scaling(s, y)[0] < 1)  # overconfident scores are shrunk
    True
    """
    k = 2 if scores.ndim == 1 else scores.shape[1]
    onehot = np.eye(k)[y]

    def loss(params: np.ndarray) -> float:
        p = np.clip(_scaled_proba(scores, params), 1e-12, 1.0)
        # a weak pull of the scale toward 1 and the biases toward 0 keeps tiny sets finite
        return float(-(onehot * np.log(p)).sum() / len(y) + 1e-4 * ((params[0] - 1) ** 2 + (params[1:] ** 2).sum()))

    start = np.zeros(2 if scores.ndim == 1 else k + 1)
    start[0] = 1.0
    bias = (-50.0, 50.0) if scores.ndim == 1 else (0.0, 0.0)
    res = minimize(loss, start, method="L-BFGS-B", bounds=[(1e-4, 100.0)] + [bias] * (len(start) - 1))
    params: np.ndarray = res.x
    return params


class CalibratedLinearClassifier(ClassifierMixin, BaseEstimator):
    """Logistic regression with probabilities calibrated on held-out folds of the training data.

    ``fit`` first fits the regression ``calibration_cv`` times, each time
    without one fold, and keeps the held-out scores; a scale (and for two
    classes a bias: :func:`fit_scaling`, Platt scaling for two classes,
    temperature scaling for more) is fitted on them; then the
    regression is fitted on all rows. The features themselves are computed
    once, by the pipeline step before. Fitted state: ``coef_``,
    ``intercept_``, ``classes_``, ``calibration_`` (dense arrays), so that
    :func:`~framing.models.top_features` and explanations read it like a
    ``LogisticRegression``.

    Parameters
    ----------
    C : float, default=1.0
        Inverse regularisation strength.
    solver : {"lbfgs", "sgd"}, default="lbfgs"
        L-BFGS (multinomial, scikit-learn's ``LogisticRegression``), or the
        same loss and penalty by stochastic gradient descent (one-vs-rest,
        ``max_iter`` epochs; far quicker on tens of thousands of long texts).
    max_iter : int, default=3000
    class_weight : {"balanced"} or None, default=None
    calibration_cv : int, default=5
        Folds of the held-out scores; 0 keeps the regression's own probabilities.
    random_state : int, default=0

    Examples
    --------
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(200, 3)); y = np.where(X[:, 0] + rng.normal(size=200) > 0, "a", "b")
    >>> clf = CalibratedLinearClassifier(C=100.0).fit(X, y)
    >>> clf.classes_.tolist(), clf.coef_.shape, clf.calibration_.shape
    (['a', 'b'], (1, 3), (2,))
    >>> bool(clf.predict_proba(X).max() < 0.999)
    True
    """

    def __init__(self, *, C: float = 1.0, solver: str = "lbfgs", max_iter: int = 3000,
                 class_weight: str | None = None, calibration_cv: int = 5, random_state: int = 0) -> None:
        self.C = C
        self.solver = solver
        self.max_iter = max_iter
        self.class_weight = class_weight
        self.calibration_cv = calibration_cv
        self.random_state = random_state

    def _fit_linear(self, X: Any, y: np.ndarray, sample_weight: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        if self.solver == "sgd":
            clf: Any = SGDClassifier(loss="log_loss", alpha=1.0 / (self.C * X.shape[0]), max_iter=self.max_iter,
                                     tol=None, random_state=self.random_state, class_weight=self.class_weight)
        else:
            clf = LogisticRegression(C=self.C, max_iter=self.max_iter, random_state=self.random_state,
                                     class_weight=self.class_weight)
        clf.fit(X, y, sample_weight=sample_weight)
        return np.asarray(clf.coef_, dtype=np.float64), np.asarray(clf.intercept_, dtype=np.float64)

    def fit(self, X: Any, y: Any, sample_weight: np.ndarray | None = None,
            groups: Any = None) -> CalibratedLinearClassifier:
        """Fit the held-out scaling, then the regression on all rows.

        Parameters
        ----------
        X : array-like or sparse matrix of shape (n, n_features)
        y : array-like of labels
        sample_weight : array-like, optional
        groups : array-like, optional
            Group of each row (the outlet): the calibration folds then keep
            each group on one side (``GroupKFold``), so that the scaling is
            the one that holds for texts of groups the model has not seen.

        Returns
        -------
        self
        """
        check_choice(self.solver, ("lbfgs", "sgd"), name="solver", owner="CalibratedLinearClassifier")
        cv = self.calibration_cv
        if not isinstance(cv, (int, np.integer)) or isinstance(cv, bool) or cv < 0 or cv == 1:
            raise ValueError("The 'calibration_cv' parameter of CalibratedLinearClassifier must be 0 or an int "
                             f">= 2. Got {cv!r} instead.")
        self.classes_, codes = np.unique(np.asarray(y), return_inverse=True)
        if len(self.classes_) < 2:
            raise ValueError(f"CalibratedLinearClassifier needs at least two classes. Got {self.classes_.tolist()}.")
        n_splits = min(int(cv), int(np.bincount(codes).min()))
        if groups is not None:
            groups = np.asarray(groups, dtype=object)
            n_splits = min(int(cv), len(set(groups.tolist())))
        binary = len(self.classes_) == 2
        self.calibration_ = np.array([1.0, 0.0]) if binary else np.r_[1.0, np.zeros(len(self.classes_))]
        if n_splits >= 2:
            held = np.zeros(X.shape[0]) if binary else np.zeros((X.shape[0], len(self.classes_)))
            folds: Any = (GroupKFold(n_splits) if groups is not None
                          else StratifiedKFold(n_splits, shuffle=True, random_state=self.random_state))
            for a, b in folds.split(np.zeros(len(codes)), codes, groups):
                if len(np.unique(codes[a])) < len(self.classes_):  # a fold without a class: no scores
                    held[b] = 0.0
                    continue
                coef, icpt = self._fit_linear(X[a], codes[a],
                                              None if sample_weight is None else np.asarray(sample_weight)[a])
                scores = np.asarray(X[b] @ coef.T) + icpt
                held[b] = scores[:, 0] if binary else scores
            self.calibration_ = fit_scaling(held, codes)
        self.coef_, self.intercept_ = self._fit_linear(X, codes, sample_weight)
        self.n_features_in_ = X.shape[1]
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        """Raw linear scores: shape (n,) for two classes, (n, n_classes) for more."""
        check_is_fitted(self, "coef_")
        scores = np.asarray(X @ self.coef_.T) + self.intercept_
        return scores[:, 0] if scores.shape[1] == 1 else scores

    def predict_proba(self, X: Any) -> np.ndarray:
        """Calibrated class probabilities, shape (n, n_classes), columns in ``classes_`` order."""
        return _scaled_proba(self.decision_function(X), self.calibration_)

    def predict(self, X: Any) -> np.ndarray:
        """The most probable class of each row."""
        out: np.ndarray = self.classes_[np.argmax(self.predict_proba(X), axis=1)]
        return out
