"""Persuasion-technique spans: a token tagger.

:class:`PersuasionSpanTagger` marks the stretches of an article that use a
propaganda technique (loaded language, name calling, appeal to fear,
flag-waving, doubt, exaggeration, repetition, ...; the techniques of
SemEval-2020 task 11). A linear model over hashed features of each word
token (the word, its shape and affixes, its neighbours, the shipped lexicon
categories around it, punctuation, capitalisation, repetition within the
article, quotation marks, sentence-level cues; see
:mod:`framing.models.span_features`) gives every token a probability of
lying inside a technique span; an optional second, stacked pass rescores
each token from the probabilities of its neighbours and its sentence.
Tokens whose probability reaches ``threshold`` are joined into spans (gaps
of at most ``max_gap`` tokens inside one sentence are bridged). The metric
of the shared task is :func:`framing.models.spans.si_score`.
"""

from __future__ import annotations

import logging
from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.feature_extraction import FeatureHasher
from sklearn.linear_model import SGDClassifier
from sklearn.utils.validation import check_is_fitted

from ..features import check_documents
from .span_features import _DEFAULT_LEXICONS, _FEATURE_SETS, _context_matrix, _token_features
from .spans import merge_spans

__all__ = ["PersuasionSpanTagger"]

logger = logging.getLogger(__name__)


def _runs(
    tokens: Any, tok_sent: Sequence[int], proba: np.ndarray, threshold: float, max_gap: int,
    min_tokens: int, scores: np.ndarray | None = None,
) -> list[tuple[int, int, float]]:
    """Join tokens at or above ``threshold`` into spans within sentences.

    Two tagged runs of one sentence separated by at most ``max_gap``
    untagged tokens become one span; spans of fewer than ``min_tokens``
    tokens are dropped. Returns ``(start, end, mean token score)``, the
    scores being ``scores`` when given (calibrated probabilities), else ``proba``.
    """
    scores = proba if scores is None else scores
    spans: list[tuple[int, int]] = []
    first = last = -1
    for i in np.flatnonzero(np.asarray(proba) >= threshold).tolist():
        if last >= 0 and (i - last - 1 > max_gap or tok_sent[i] != tok_sent[last]):
            spans.append((first, last))
            first = -1
        if first < 0:
            first = i
        last = i
    if first >= 0:
        spans.append((first, last))
    return [
        (tokens.starts[a], tokens.ends[b], float(np.mean(scores[a:b + 1])))
        for a, b in spans
        if b - a + 1 >= min_tokens
    ]


def _logit(p: np.ndarray) -> np.ndarray:
    q = np.clip(np.asarray(p, dtype=float), 1e-9, 1 - 1e-9)
    out: np.ndarray = np.log(q / (1 - q))
    return out


class PersuasionSpanTagger(BaseEstimator):
    """Tag the character spans of a text that use a persuasion technique.

    A linear token classifier (inside/outside a technique span, logistic
    loss, stochastic gradient descent) over hashed features of each word
    token and its context (see ``features``) gives every token a
    probability; tokens whose probability reaches ``threshold`` are joined
    into spans within sentences. With ``smoothing=True`` a second,
    gradient-boosted classifier rescores each token from the first-pass
    probabilities of the token, its neighbours and its sentence; it is
    trained on out-of-fold first-pass probabilities (``cv`` folds over the
    training texts).

    The defaults were chosen by 5-fold cross-validation over the 371 PTC
    training articles (folds of whole articles; the dev articles were not
    used), taking the simplest setting whose cross-validated span F1 lies
    within one standard error of the best. Bridging gaps inside a sentence
    (``max_gap=100`` rather than 6) gained between 0.008 and 0.022 F1 in
    every fold; the words of the sentence as features of each of its tokens
    gained 0.011 on average (4 folds of 5); the other ``"rich"`` features
    and the second pass each changed the cross-validated F1 by less than
    0.003, within the fold-to-fold spread. The
    resulting span-identification F1 on the PTC dev articles is recorded in
    ``docs/models.md``.

    Parameters
    ----------
    threshold : float, default=0.25
        Probability above which a token is inside a span.
    window : int, default=2
        Context words on each side.
    max_gap : int, default=100
        Join two tagged runs of the same sentence separated by at most this
        many untagged tokens (the default bridges, in effect, any gap
        inside a sentence; spans never cross a sentence boundary).
    min_tokens : int, default=1
        Drop spans shorter than this many tokens.
    features : {"basic", "rich"}, default="basic"
        ``"basic"``: word, shape, affixes, neighbouring words and bigrams,
        lexicon categories of the token, its neighbours and its sentence,
        the words (longer than 3 letters) of its sentence, quotation marks,
        ``!``/``?`` in the sentence, sentence length.
        ``"rich"`` adds begin/inside marks of lexicon matches and lexicon
        categories within 3 tokens, punctuation before and after the token,
        capitalisation runs, repetition of the word and its bigrams in the
        article, words of the first sentence (title) repeated later, short
        ("scare") quotes, sentence-level cues and the token's position in
        its sentence.
    smoothing : bool, default=False
        Run the second, stacked pass.
    calibrate : bool, default=True
        Without the second pass: rescale the token probabilities by a Platt
        fit (Platt 1999) on out-of-fold first-pass probabilities (``cv``
        folds over texts), so that a token at 0.8 is inside a span about
        four times in five. Spans are still cut at ``threshold`` on the
        uncalibrated probabilities (where it was chosen); token scores and
        span scores are the calibrated ones.
    cv : int, default=5
        Folds (over texts) for the out-of-fold first-pass probabilities the
        second pass is trained on.
    lexicons : tuple of str, default=("loaded_language", "persuasion", "epistemic", "moral_foundations")
        Shipped lexicons whose categories become features.
    n_features : int, default=2**20
        Hashing space.
    alpha : float, default=3e-5
        L2 regularisation of the SGD classifier.
    max_iter : int, default=15
        Passes over the training tokens.
    random_state : int, default=0

    Attributes
    ----------
    classifier_ : SGDClassifier
        The first-pass token model.
    smoother_ : HistGradientBoostingClassifier or None
        The second-pass model (``None`` when ``smoothing=False``).
    calibration_ : ndarray of shape (2,)
        Platt slope and intercept on the log-odds of the token probabilities
        (``[1, 0]``: none).
    n_tokens_ : int
        Training tokens seen.

    Examples
    --------
    >>> texts = ["This disgraceful, corrupt regime lies. The meeting is on Monday."] * 20
    >>> spans = [[(5, 38)]] * 20
    >>> tagger = PersuasionSpanTagger(n_features=2**12).fit(texts, spans)
    >>> [texts[0][s:e] for s, e, _ in tagger.predict(texts[:1])[0]]
    ['disgraceful, corrupt regime lies']
    """

    def __init__(
        self,
        *,
        threshold: float = 0.25,
        window: int = 2,
        max_gap: int = 100,
        min_tokens: int = 1,
        features: str = "basic",
        smoothing: bool = False,
        calibrate: bool = True,
        cv: int = 5,
        lexicons: tuple[str, ...] = _DEFAULT_LEXICONS,
        n_features: int = 2**20,
        alpha: float = 3e-5,
        max_iter: int = 15,
        random_state: int = 0,
    ) -> None:
        self.threshold = threshold
        self.window = window
        self.max_gap = max_gap
        self.min_tokens = min_tokens
        self.features = features
        self.smoothing = smoothing
        self.calibrate = calibrate
        self.cv = cv
        self.lexicons = lexicons
        self.n_features = n_features
        self.alpha = alpha
        self.max_iter = max_iter
        self.random_state = random_state

    def _hasher(self) -> FeatureHasher:
        return FeatureHasher(n_features=self.n_features, input_type="string", alternate_sign=False)

    def _featurize(self, docs: list[str]) -> tuple[Any, list[Any], list[list[int]]]:
        lex = tuple(self.lexicons)
        rows: list[list[str]] = []
        toks = []
        sents = []
        for doc in docs:
            f, t, s = _token_features(doc, lex, self.window, _FEATURE_SETS[self.features])
            rows.extend(f)
            toks.append(t)
            sents.append(s)
        if not rows:  # FeatureHasher cannot take an empty batch
            return sp.csr_matrix((0, self.n_features)), toks, sents
        return self._hasher().transform(rows), toks, sents

    def _first_pass(self) -> SGDClassifier:
        return SGDClassifier(loss="log_loss", alpha=self.alpha, max_iter=self.max_iter, tol=None,
                             random_state=self.random_state)

    def _second_pass(self) -> HistGradientBoostingClassifier:
        return HistGradientBoostingClassifier(max_iter=100, learning_rate=0.1, max_leaf_nodes=31,
                                              random_state=self.random_state)

    def _check_params(self) -> None:
        if self.features not in _FEATURE_SETS:
            raise ValueError(
                f"The 'features' parameter of PersuasionSpanTagger must be one of "
                f"{sorted(_FEATURE_SETS)}. Got {self.features!r} instead."
            )
        if not 0.0 < float(self.threshold) < 1.0:
            raise ValueError(
                f"The 'threshold' parameter of PersuasionSpanTagger must be in (0, 1). "
                f"Got {self.threshold!r} instead."
            )
        for name, low in (("window", 0), ("max_gap", 0), ("min_tokens", 0), ("cv", 2)):
            value = getattr(self, name)
            if not isinstance(value, (int, np.integer)) or isinstance(value, bool) or value < low:
                raise ValueError(
                    f"The '{name}' parameter of PersuasionSpanTagger must be an int >= {low}. "
                    f"Got {value!r} instead."
                )

    def fit(self, X: Any, y: Any) -> PersuasionSpanTagger:
        """Learn the token models.

        Parameters
        ----------
        X : iterable of str
            The articles.
        y : sequence of sequences of (start, end)
            The gold spans of each article (character offsets, end exclusive).

        Returns
        -------
        self
        """
        self._check_params()
        docs = check_documents(X, estimator="PersuasionSpanTagger")
        y = list(y)
        if len(y) != len(docs):
            raise ValueError(
                f"PersuasionSpanTagger.fit needs one list of spans per document: got {len(y)} for "
                f"{len(docs)} documents."
            )
        H, toks, sents = self._featurize(docs)
        labels = []
        for t, spans in zip(toks, y):
            merged = merge_spans(spans)
            starts = [s for s, _ in merged]
            for s, e in zip(t.starts, t.ends):
                k = bisect_right(starts, s) - 1
                inside = (k >= 0 and s < merged[k][1]) or (k + 1 < len(merged) and merged[k + 1][0] < e)
                labels.append(int(inside))
        target = np.asarray(labels, dtype=int)
        if target.size == 0 or target.min() == target.max():
            raise ValueError(
                "PersuasionSpanTagger.fit needs tokens both inside and outside spans. "
                f"Got {int(target.sum())} inside of {target.size} tokens."
            )
        self.classifier_ = self._first_pass().fit(H, target)
        self.smoother_: HistGradientBoostingClassifier | None = None
        self.calibration_ = np.array([1.0, 0.0])
        if self.smoothing or self.calibrate:
            lengths = np.array([len(t) for t in toks])
            bounds = np.concatenate([[0], np.cumsum(lengths)])
            doc_of_row = np.repeat(np.arange(len(docs)), lengths)
            n_splits = min(int(self.cv), len(docs))
            if n_splits < 2 and self.smoothing:
                raise ValueError(
                    "PersuasionSpanTagger with smoothing=True needs at least 2 documents to make "
                    f"out-of-fold predictions. Got {len(docs)}."
                )
            oof = np.full(target.size, target.mean())
            for part in np.array_split(np.arange(len(docs)), max(n_splits, 1)) if n_splits >= 2 else []:
                held = np.isin(doc_of_row, part)
                if target[~held].min() == target[~held].max():
                    oof[held] = target[~held].mean()
                    continue
                oof[held] = self._first_pass().fit(H[~held], target[~held]).predict_proba(H[held])[:, 1]
            if self.smoothing:
                context = np.vstack([
                    _context_matrix(oof[bounds[k]:bounds[k + 1]], sents[k]) for k in range(len(docs))
                ])
                self.smoother_ = self._second_pass().fit(context, target)
            elif n_splits >= 2:
                from sklearn.linear_model import LogisticRegression

                platt = LogisticRegression(C=1e4).fit(_logit(oof)[:, None], target)
                self.calibration_ = np.array([platt.coef_[0, 0], platt.intercept_[0]])
        self.n_tokens_ = int(target.size)
        self.n_features_in_ = 1
        logger.info("PersuasionSpanTagger: fitted on %d documents, %d tokens (%d inside spans)",
                    len(docs), target.size, int(target.sum()))
        return self

    def _scores(self, docs: list[str]) -> list[tuple[Any, list[int], np.ndarray]]:
        check_is_fitted(self, "classifier_")
        H, toks, sents = self._featurize(docs)
        proba = self.classifier_.predict_proba(H)[:, 1] if H.shape[0] else np.zeros(0)
        out = []
        pos = 0
        for t, s in zip(toks, sents):
            p = proba[pos:pos + len(t)]
            if self.smoother_ is not None and len(t):
                p = self.smoother_.predict_proba(_context_matrix(p, s))[:, 1]
            out.append((t, s, p))
            pos += len(t)
        return out

    def _calibrated(self, p: np.ndarray) -> np.ndarray:
        a, b = getattr(self, "calibration_", (1.0, 0.0))  # files saved before calibration: none
        if a == 1.0 and b == 0.0:
            return p
        out: np.ndarray = 1.0 / (1.0 + np.exp(-(a * _logit(p) + b)))
        return out

    def token_scores(self, X: Any) -> list[tuple[Any, np.ndarray]]:
        """The tokens of each document and their (calibrated) probability of being inside a span."""
        docs = check_documents(X, estimator="PersuasionSpanTagger")
        return [(t, self._calibrated(p)) for t, _, p in self._scores(docs)]

    def predict(self, X: Any) -> list[list[tuple[int, int, float]]]:
        """Spans ``(start, end, mean calibrated token probability)`` per document."""
        docs = check_documents(X, estimator="PersuasionSpanTagger")
        return [
            _runs(t, s, p, self.threshold, self.max_gap, self.min_tokens, scores=self._calibrated(p))
            for t, s, p in self._scores(docs)
        ]

    def predict_spans(self, X: Any) -> pd.DataFrame:
        """Predicted spans as a long table: ``id``, ``start``, ``end``, ``text``, ``score``.

        ``id`` is the index of a Series input, else the position.
        """
        ids = [str(i) for i in X.index] if isinstance(X, pd.Series) else None
        docs = check_documents(X, estimator="PersuasionSpanTagger")
        ids = ids or [str(i) for i in range(len(docs))]
        rows = [
            {"id": art, "start": s, "end": e, "text": doc[s:e], "score": sc}
            for art, doc, spans in zip(ids, docs, self.predict(docs))
            for s, e, sc in spans
        ]
        return pd.DataFrame(rows, columns=["id", "start", "end", "text", "score"])
