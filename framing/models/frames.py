"""The frames task: which policy frames a news article uses (multi-label, SemEval-2023 task 3).

Its estimator (:class:`FrameClassifier`, built by :func:`make_estimator`),
its corpus loader (:func:`load_corpus`) and the cross-validation both
training and evaluation use (:func:`cross_val_frames`); the task's entry is
in :mod:`framing.models.tasks`. Frame names are the categories of the
shipped ``policy_frames`` lexicon.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import KFold
from sklearn.preprocessing import StandardScaler
from sklearn.utils.validation import check_is_fitted

from ..features import LexiconFeaturizer, check_documents
from ..lexicon import load_lexicon
from ..pipeline.progress import track
from .compact import CompactTfidfVectorizer
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

__all__ = ["FrameClassifier", "cross_val_frames", "frame_names", "load_corpus", "make_estimator"]

def frame_names() -> tuple[str, ...]:
    """The frame names: the categories of the ``policy_frames`` lexicon.

    Examples
    --------
    >>> frame_names()[:3]
    ('capacity_resources', 'crime_punishment', 'cultural_identity')
    """
    return tuple(load_lexicon("policy_frames").labels)


def _check_frames(y: Any, n: int, where: str = "FrameClassifier.fit") -> list[list[str]]:
    return check_label_lists(y, n, frame_names(), where=where, what="frame names",
                             allowed_as="policy_frames categories")


class FrameClassifier(ClassifierMixin, BaseEstimator):
    """Policy frames of an article: TF-IDF words and frame-cue rates, one logistic regression per frame.

    Features are word TF-IDF (sublinear) next to the ``policy_frames``
    lexicon rates (hits per 1,000 tokens, standardised, weighted by
    ``lexicon_weight``); each frame has its own L2 logistic regression
    (one-vs-rest). Its scores are calibrated by a per-frame Platt fit
    (Platt 1999) on ``cv``-fold held-out scores of the training articles,
    and each frame's decision threshold is chosen on the same held-out
    probabilities (:func:`choose_thresholds`), so nothing is tuned on the
    articles it is later applied to.

    Parameters
    ----------
    C : float, default=3.0
        Inverse regularisation strength of each frame's regression.
    ngram_range : tuple of int, default=(1, 1)
    min_df : int, default=3
    max_df : float, default=0.9
    lexicon_weight : float, default=0.1
        Scale of the standardised lexicon block next to the unit-length TF-IDF rows.
    cv : int, default=5
        Folds of the held-out scores for calibration and thresholds.
    random_state : int, default=0

    Attributes
    ----------
    classes_ : ndarray of str
        The frames seen in training (sorted); columns of ``predict_proba``.
    vectorizer_, lexicon_, scaler_ : fitted feature steps
    coef_ : ndarray of shape (n_frames, n_features)
    intercept_ : ndarray of shape (n_frames,)
    calibration_ : ndarray of shape (n_frames, 2)
        Platt slope and intercept per frame.
    thresholds_ : ndarray of shape (n_frames,)
        Probability from which a frame is predicted present.

    Examples
    --------
    >>> texts = ["The court ruled the law unconstitutional.", "Troops and the army guard the border.",
    ...          "The judge and the lawyers argued the ruling.", "Military forces attacked the base."] * 3
    >>> frames = [["legality"], ["security_defense"], ["legality"], ["security_defense"]] * 3
    >>> clf = FrameClassifier(cv=3).fit(texts, frames)
    >>> clf.classes_.tolist()
    ['legality', 'security_defense']
    >>> clf.predict_frames(["The court heard the lawyers."])
    [['legality']]
    """

    def __init__(self, *, C: float = 3.0, ngram_range: tuple[int, int] = (1, 1), min_df: int = 3,
                 max_df: float = 0.9, lexicon_weight: float = 0.1, cv: int = 5, random_state: int = 0) -> None:
        self.C = C
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_df = max_df
        self.lexicon_weight = lexicon_weight
        self.cv = cv
        self.random_state = random_state

    # -- the pieces -------------------------------------------------------------------

    def _vectorizer(self, n_docs: int) -> CompactTfidfVectorizer:
        # Tiny training sets (a test, a doctest) cannot meet min_df / max_df.
        small = n_docs < 20
        return CompactTfidfVectorizer(ngram_range=tuple(self.ngram_range), sublinear_tf=True,
                                      min_df=1 if small else self.min_df,
                                      max_df=1.0 if small else self.max_df, dtype=np.float64)

    def _design(self, vec: TfidfVectorizer, scaler: StandardScaler, docs: list[str], lex: np.ndarray) -> Any:
        return sparse.hstack([vec.transform(docs), self.lexicon_weight * scaler.transform(lex)]).tocsr()

    def _fit_block(self, docs: list[str], lex: np.ndarray, Y: np.ndarray) -> tuple[Any, ...]:
        vec = self._vectorizer(len(docs)).fit(docs)
        scaler = StandardScaler().fit(lex)
        coef, intercept = fit_per_label(self._design(vec, scaler, docs, lex), Y, C=self.C,
                                        random_state=self.random_state)
        return vec, scaler, coef, intercept

    # -- estimator API ----------------------------------------------------------------

    def fit(self, X: Any, y: Sequence[Sequence[str]]) -> FrameClassifier:
        """Fit on articles and their frames (one list of ``policy_frames`` names per article).

        Returns
        -------
        self
        """
        docs = check_documents(X, estimator="FrameClassifier")
        frames = _check_frames(y, len(docs))
        check_cv(self.cv, "FrameClassifier")
        self.classes_ = np.asarray(sorted({f for fs in frames for f in fs}), dtype=object)
        if not len(self.classes_):
            raise ValueError("FrameClassifier.fit needs at least one text with a frame. Got none.")
        Y = np.asarray([[c in fs for c in self.classes_] for fs in frames], dtype=int)
        self.lexicon_ = LexiconFeaturizer("policy_frames", measure="rate").fit(docs)
        lex = self.lexicon_.transform(docs)
        # held-out scores of the training articles: calibration and thresholds
        n_splits = min(int(self.cv), len(docs))
        held = np.zeros(Y.shape)
        if n_splits >= 2:
            for a, b in KFold(n_splits, shuffle=True, random_state=self.random_state).split(docs):
                vec, scaler, coef, icpt = self._fit_block([docs[i] for i in a], lex[a], Y[a])
                held[b] = self._design(vec, scaler, [docs[i] for i in b], lex[b]) @ coef.T + icpt
        self.calibration_ = platt_per_label(held, Y)
        self.thresholds_ = choose_thresholds(self._calibrate(held), Y)
        self.vectorizer_, self.scaler_, self.coef_, self.intercept_ = self._fit_block(docs, lex, Y)
        return self

    def _calibrate(self, scores: np.ndarray) -> np.ndarray:
        return calibrate(scores, self.calibration_)

    def decision_function(self, X: Any) -> np.ndarray:
        """Uncalibrated per-frame scores (log-odds of each regression), shape (n_texts, n_frames)."""
        check_is_fitted(self, "coef_")
        docs = check_documents(X, estimator="FrameClassifier")
        if not docs:
            return np.zeros((0, len(self.classes_)))
        lex = self.lexicon_.transform(docs)
        scores: np.ndarray = self._design(self.vectorizer_, self.scaler_, docs, lex) @ self.coef_.T
        return scores + self.intercept_

    def predict_proba(self, X: Any) -> np.ndarray:
        """Calibrated probability that each frame is present, shape (n_texts, n_frames); rows need not sum to 1."""
        return self._calibrate(self.decision_function(X))

    def predict(self, X: Any) -> np.ndarray:
        """0/1 indicator matrix (n_texts, n_frames): probability at or above the frame's threshold."""
        return (self.predict_proba(X) >= self.thresholds_).astype(int)

    def predict_frames(self, X: Any) -> list[list[str]]:
        """The frames predicted present, one list per text."""
        return [[str(c) for c, on in zip(self.classes_, row) if on] for row in self.predict(X)]

    def explain_frames(self, text: str, n: int = 5) -> list[dict[str, Any]]:
        """Why each frame was predicted present: the words that pushed it, its cue spans and sentences.

        One entry per predicted frame, most probable first: ``frame``,
        ``probability``, ``threshold``, ``words`` (the ``n`` terms of the
        text with the largest positive contribution, TF-IDF value times
        coefficient), ``cues`` (the ``policy_frames`` hits of that frame, with
        offsets into ``text``) and ``sentences`` (the sentences holding
        them, most cues first, with offsets).

        Examples
        --------
        >>> clf = FrameClassifier(cv=2).fit(
        ...     ["The court ruled on the law.", "Troops and the army.", "The judge and the lawyers.",
        ...      "The military attack."] * 2,
        ...     [["legality"], ["security_defense"], ["legality"], ["security_defense"]] * 2)
        >>> [e["frame"] for e in clf.explain_frames("The court heard the lawyers.")]
        ['legality']
        """
        from ..pipeline import analyze

        check_is_fitted(self, "coef_")
        proba = self.predict_proba([text])[0]
        on = proba >= self.thresholds_
        vocab = self.vectorizer_.get_feature_names_out()
        x = self.vectorizer_.transform([text]).toarray()[0]
        analysis = analyze(text, lexicons=["policy_frames"])
        out = []
        for k in np.argsort(-proba):
            if not on[k]:
                continue
            frame = str(self.classes_[k])
            push = x * self.coef_[k, : len(vocab)]
            top = [i for i in np.argsort(-push)[:n] if push[i] > 0]
            cues = [m for m in analysis.matches if m.category == frame]
            per_sentence = Counter(next((j for j, s in enumerate(analysis.sentences) if s.start <= m.start < s.end), -1)
                                   for m in cues)
            sentences = [{"start": analysis.sentences[j].start, "end": analysis.sentences[j].end, "n_cues": c}
                         for j, c in per_sentence.most_common() if j >= 0]
            out.append({"frame": frame, "probability": float(proba[k]), "threshold": float(self.thresholds_[k]),
                        "words": [{"term": str(vocab[i]), "weight": float(push[i])} for i in top],
                        "cues": [{"start": m.start, "end": m.end, "text": m.text} for m in cues],
                        "sentences": sentences})
        return out


def make_estimator(random_state: int = 0) -> FrameClassifier:
    """The frame classifier with the settings chosen by cross-validation on SemEval-2023 (``docs/models.md``).

    Examples
    --------
    >>> make_estimator(random_state=2).random_state
    2
    """
    return FrameClassifier(random_state=random_state)


def cross_val_frames(estimator: FrameClassifier, texts: Sequence[str], frames: Sequence[Sequence[str]], *,
                     cv: int = 5, random_state: int = 0) -> dict[str, Any]:
    """Held-out frame probabilities and decisions of ``cv``-fold cross-validation over articles.

    Each fold's model chooses its calibration and thresholds inside its own
    training part (see :class:`FrameClassifier`).

    Returns
    -------
    dict
        ``classes`` (the frames of all articles), ``y`` (0/1 gold matrix),
        ``proba`` (held-out probabilities, 0 for a frame a fold never saw),
        ``pred`` (held-out 0/1 decisions), ``folds`` (fold number per article),
        ``micro_f1``, ``macro_f1`` (over all held-out articles) and
        ``micro_f1_folds``, ``macro_f1_folds`` (per fold).
    """
    docs = check_documents(texts, estimator="cross_val_frames")
    gold = _check_frames(list(frames), len(docs), "cross_val_frames")
    classes = sorted({f for fs in gold for f in fs})
    splits = KFold(cv, shuffle=True, random_state=random_state).split(docs)
    return cross_validate_labels(estimator, docs, gold, classes,
                                 track(splits, total=cv, desc="frames: cross-validation", unit="fold"))


def load_corpus(path: Path) -> dict[str, Any] | None:
    """SemEval-2023 task 3 articles and their frames from a ``frames-semeval2023/`` folder, else None."""
    if not (path / "labels.tsv").is_file() or not (path / "articles").is_dir():
        return None
    from .. import datasets

    df = datasets.load_frames(_data_home_for(path, "frames-semeval2023"))
    return {"texts": df["text"].tolist(), "labels": df["frames"].tolist(), "groups": None,
            "source": f"SemEval-2023 task 3 subtask 2 frames ({path})"}
