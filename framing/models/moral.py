"""The moral-foundations task: which moral foundations a news sentence evokes (multi-label, MOKA).

Its estimator (:class:`MoralFoundationClassifier`, built by
:func:`make_estimator`), its corpus loader (:func:`load_corpus`, the MOKA
MoralEvents training split) and the cross-validation both training and
evaluation use (:func:`cross_val_moral`); the task's entry is in
:mod:`framing.models.tasks`. Foundation names are those of the shipped
``moral_foundations`` lexicon (``care``, ``fairness``, ``loyalty``,
``authority``, ``sanctity``); a sentence has a foundation when it reports a
moral event of either of its poles (care *or* harm).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.model_selection import GroupKFold, KFold
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from ..features import LexiconFeaturizer, check_documents
from ..lexicon import load_lexicon
from .data import _data_home_for
from .multilabel import (
    calibrate,
    check_cv,
    check_label_lists,
    choose_thresholds,
    cross_validate_labels,
    fit_per_label,
    platt_per_label,
)

__all__ = ["MoralFoundationClassifier", "cross_val_moral", "foundation_names", "load_corpus", "make_estimator"]


def foundation_names() -> tuple[str, ...]:
    """The five foundations, as the ``moral_foundations`` lexicon names them (its categories without the pole).

    Examples
    --------
    >>> foundation_names()
    ('care', 'fairness', 'loyalty', 'authority', 'sanctity')
    """
    order = ("care", "fairness", "loyalty", "authority", "sanctity")
    present = {c.split("_")[0] for c in load_lexicon("moral_foundations").labels}
    return tuple(f for f in order if f in present)


def _check_foundations(y: Any, n: int, where: str) -> list[list[str]]:
    return check_label_lists(y, n, foundation_names(), where=where, what="foundation names")


class MoralFoundationClassifier(ClassifierMixin, BaseEstimator):
    """Moral foundations of a sentence: TF-IDF words and moral-cue counts, one logistic regression per foundation.

    Features are word 1-2-gram TF-IDF (sublinear) next to the
    ``moral_foundations`` hit counts per category (``log1p``, times
    ``lexicon_weight``); each foundation has its own L2 logistic regression.
    Its scores are calibrated by a per-foundation Platt fit (Platt 1999) on
    ``cv``-fold held-out scores of the training sentences, and each
    foundation's decision threshold is chosen on the same held-out
    probabilities (:func:`~framing.models.multilabel.choose_thresholds`). The
    inner folds are contiguous blocks in the given order (no shuffling), so
    sentences of one article, given together, stay in one fold and the
    held-out scores are honest.

    Parameters
    ----------
    C : float, default=1.0
        Inverse regularisation strength of each foundation's regression.
    ngram_range : tuple of int, default=(1, 2)
    min_df : int, default=3
    lexicon_weight : float, default=1.0
        Scale of the ``log1p`` lexicon counts next to the unit-length TF-IDF rows.
    cv : int, default=5
        Folds of the held-out scores for calibration and thresholds.
    random_state : int, default=0

    Attributes
    ----------
    classes_ : ndarray of str
        The foundations seen in training (in :func:`foundation_names` order); columns of ``predict_proba``.
    terms_ : ndarray of str
        The word 1-2-gram vocabulary, in column order (one array).
    idf_ : ndarray of float
        Inverse document frequency per term (smoothed, as :class:`TfidfVectorizer`).
    lexicon_ : LexiconFeaturizer
    coef_ : ndarray of shape (n_foundations, n_features)
    intercept_ : ndarray of shape (n_foundations,)
    calibration_ : ndarray of shape (n_foundations, 2)
        Platt slope and intercept per foundation.
    thresholds_ : ndarray of shape (n_foundations,)
        Probability from which a foundation is predicted present.

    References
    ----------
    Zhang, X., Wu, W., Beauchamp, N. & Wang, L. (2024). MOKA: Moral Knowledge
    Augmentation for Moral Event Extraction. NAACL 2024 (the training data).

    Examples
    --------
    >>> texts = ["The soldiers tortured the prisoners.", "The senator betrayed his party.",
    ...          "Rebels attacked and wounded civilians.", "He deserted his allies and comrades.",
    ...          "The meeting is on Monday."] * 3
    >>> labels = [["care"], ["loyalty"], ["care"], ["loyalty"], []] * 3
    >>> clf = MoralFoundationClassifier(cv=3).fit(texts, labels)
    >>> clf.classes_.tolist()
    ['care', 'loyalty']
    >>> clf.predict_foundations(["Troops tortured and wounded the prisoners."])
    [['care']]
    """

    def __init__(self, *, C: float = 1.0, ngram_range: tuple[int, int] = (1, 2), min_df: int = 3,
                 lexicon_weight: float = 1.0, cv: int = 5, random_state: int = 0) -> None:
        self.C = C
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.lexicon_weight = lexicon_weight
        self.cv = cv
        self.random_state = random_state

    # -- the pieces -------------------------------------------------------------------

    def _words(self, terms: np.ndarray, idf: np.ndarray, docs: list[str]) -> Any:
        """Sublinear TF-IDF rows (unit length) over a fixed vocabulary, as :class:`TfidfVectorizer` gives."""
        counts = CountVectorizer(vocabulary={str(t): i for i, t in enumerate(terms)},
                                 ngram_range=tuple(self.ngram_range), dtype=np.float64).transform(docs)
        counts.data = 1.0 + np.log(counts.data)
        return normalize(counts @ sparse.diags(idf))

    def _design(self, terms: np.ndarray, idf: np.ndarray, docs: list[str], lex: np.ndarray) -> Any:
        return sparse.hstack([self._words(terms, idf, docs), self.lexicon_weight * np.log1p(lex)]).tocsr()

    def _fit_block(self, docs: list[str], lex: np.ndarray, Y: np.ndarray) -> tuple[Any, ...]:
        vec = TfidfVectorizer(ngram_range=tuple(self.ngram_range), sublinear_tf=True,
                              min_df=1 if len(docs) < 50 else self.min_df, dtype=np.float64).fit(docs)
        # the vocabulary as one array in column order (a model file stores it as one array, not a dict)
        terms = np.asarray(vec.get_feature_names_out(), dtype=str)
        idf = np.asarray(vec.idf_, dtype=np.float64)
        coef, intercept = fit_per_label(self._design(terms, idf, docs, lex), Y, C=self.C,
                                        random_state=self.random_state)
        return terms, idf, coef, intercept

    # -- estimator API ----------------------------------------------------------------

    def fit(self, X: Any, y: Sequence[Sequence[str]]) -> MoralFoundationClassifier:
        """Fit on sentences and their foundations (one list of foundation names per sentence, empty for none).

        Returns
        -------
        self
        """
        docs = check_documents(X, estimator="MoralFoundationClassifier")
        labels = _check_foundations(y, len(docs), "MoralFoundationClassifier.fit")
        check_cv(self.cv, "MoralFoundationClassifier")
        seen = {f for fs in labels for f in fs}
        self.classes_ = np.asarray([f for f in foundation_names() if f in seen], dtype=object)
        if not len(self.classes_):
            raise ValueError("MoralFoundationClassifier.fit needs at least one text with a foundation. Got none.")
        Y = np.asarray([[c in fs for c in self.classes_] for fs in labels], dtype=int)
        self.lexicon_ = LexiconFeaturizer("moral_foundations", measure="count", totals=False).fit(docs)
        lex = np.asarray(self.lexicon_.transform(docs), dtype=float)
        held = np.zeros(Y.shape)
        n_splits = min(int(self.cv), len(docs))
        for a, b in KFold(n_splits).split(docs):  # contiguous blocks: an article's sentences stay together
            terms, idf, coef, icpt = self._fit_block([docs[i] for i in a], lex[a], Y[a])
            held[b] = self._design(terms, idf, [docs[i] for i in b], lex[b]) @ coef.T + icpt
        self.calibration_ = platt_per_label(held, Y)
        self.thresholds_ = choose_thresholds(self._calibrate(held), Y)
        self.terms_, self.idf_, self.coef_, self.intercept_ = self._fit_block(docs, lex, Y)
        return self

    def _calibrate(self, scores: np.ndarray) -> np.ndarray:
        return calibrate(scores, self.calibration_)

    def decision_function(self, X: Any) -> np.ndarray:
        """Uncalibrated per-foundation scores (log-odds of each regression), shape (n_texts, n_foundations)."""
        check_is_fitted(self, "coef_")
        docs = check_documents(X, estimator="MoralFoundationClassifier")
        if not docs:
            return np.zeros((0, len(self.classes_)))
        lex = np.asarray(self.lexicon_.transform(docs), dtype=float)
        scores: np.ndarray = self._design(self.terms_, self.idf_, docs, lex) @ self.coef_.T
        return scores + self.intercept_

    def predict_proba(self, X: Any) -> np.ndarray:
        """Calibrated probability of each foundation, shape (n_texts, n_foundations); rows need not sum to 1."""
        return self._calibrate(self.decision_function(X))

    def predict(self, X: Any) -> np.ndarray:
        """0/1 indicator matrix (n_texts, n_foundations): probability at or above the foundation's threshold."""
        return (self.predict_proba(X) >= self.thresholds_).astype(int)

    def predict_foundations(self, X: Any) -> list[list[str]]:
        """The foundations predicted present, one list per text."""
        return [[str(c) for c, on in zip(self.classes_, row) if on] for row in self.predict(X)]


def make_estimator(random_state: int = 0) -> MoralFoundationClassifier:
    """The classifier with the settings chosen by story-grouped cross-validation on MOKA train (``docs/models.md``).

    Examples
    --------
    >>> make_estimator(random_state=2).random_state
    2
    """
    return MoralFoundationClassifier(random_state=random_state)


def cross_val_moral(estimator: MoralFoundationClassifier, texts: Sequence[str], labels: Sequence[Sequence[str]],
                    *, cv: int = 5, random_state: int = 0, groups: Sequence[Any] | None = None) -> dict[str, Any]:
    """Held-out foundation probabilities and decisions of ``cv``-fold cross-validation over sentences.

    With ``groups`` (e.g. the MOKA story of each sentence) the folds are
    :class:`~sklearn.model_selection.GroupKFold`; without, contiguous blocks
    in the given order (sentences of an article given together stay
    together). Each fold's model chooses its calibration and thresholds
    inside its own training part.

    Returns
    -------
    dict
        ``classes``, ``y`` (0/1 gold matrix), ``proba`` (held-out
        probabilities, 0 for a foundation a fold never saw), ``pred``,
        ``folds``, ``scheme`` (the folds, in words), ``micro_f1``, ``macro_f1`` (pooled) and
        ``micro_f1_folds``, ``macro_f1_folds`` (per fold), as
        :func:`~framing.models.frames.cross_val_frames` returns.

    Examples
    --------
    >>> texts = ["They tortured the prisoners.", "He betrayed his party.", "It rained."] * 6
    >>> res = cross_val_moral(MoralFoundationClassifier(cv=2), texts, [["care"], ["loyalty"], []] * 6, cv=3)
    >>> res["classes"], res["proba"].shape
    (['care', 'loyalty'], (18, 2))
    """
    docs = check_documents(texts, estimator="cross_val_moral")
    gold = _check_foundations(list(labels), len(docs), "cross_val_moral")
    classes = [f for f in foundation_names() if any(f in fs for fs in gold)]
    if groups is not None:
        splits, scheme = GroupKFold(cv).split(docs, groups=list(groups)), f"GroupKFold({cv}) over the given groups"
    else:
        splits, scheme = KFold(cv).split(docs), f"KFold({cv}) in contiguous blocks (no shuffling)"
    result = cross_validate_labels(estimator, docs, gold, classes, splits, random_state=random_state)
    result["scheme"] = f"{scheme}; thresholds inside each fold"
    return result


def load_corpus(path: Path) -> dict[str, Any] | None:
    """The MOKA MoralEvents training split, one row per text unit, from a ``moka/`` folder, else None.

    Only the upstream ``train`` split is returned (the ``valid`` split is
    kept for measuring); ``groups`` is the story of each unit
    (:func:`framing.datasets.moka.moka_story`).
    """
    if not (path / "meta").is_dir() or not (path / "articles").is_dir() or not any(
            (path / "meta").glob("TRIPLET_*.json")):
        return None
    from ..datasets.moka import load_moka

    df = load_moka(_data_home_for(path, "moka"), level="sentence", split="train")
    return {"texts": df["text"].tolist(), "labels": [list(v) for v in df["foundations"]],
            "groups": df["story"].tolist(), "source": f"MOKA MoralEvents train split ({path})"}
