"""A term list learned from annotated training documents, as a scikit-learn transformer."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..text import tokenize
from ._base import check_documents

__all__ = ["TermListFeaturizer"]


class TermListFeaturizer(TransformerMixin, BaseEstimator):
    """Count terms of a word list learned from annotated training documents.

    ``fit`` takes the documents and, for each one, the words annotators
    marked (``terms``: BABE's ``biased_words``); it keeps the words marked at
    least ``min_count`` times whose marked share (times marked / times seen
    in the training documents) reaches ``min_share``. ``transform`` only reads
    the text, so the learned list is legitimate inside cross-validation: it
    is rebuilt from the training folds only.

    Parameters
    ----------
    min_count : int, default=2
        Minimum number of times a word was marked.
    min_share : float, default=0.2
        Minimum share of its training occurrences in which it was marked.

    Attributes
    ----------
    terms_ : dict of str to float
        Learned word -> marked share.
    feature_names_out_ : ndarray of str
        ``["terms__hits", "terms__share_sum", "terms__max_share"]``.

    Examples
    --------
    >>> docs = ["The radical plan failed.", "A radical idea.", "The plan passed."]
    >>> marked = [["radical"], ["radical"], []]
    >>> feat = TermListFeaturizer(min_count=2).fit(docs, terms=marked)
    >>> sorted(feat.terms_)
    ['radical']
    >>> feat.transform(["Such a radical move.", "Nothing here."])[:, 0].tolist()
    [1.0, 0.0]
    """

    def __init__(self, *, min_count: int = 2, min_share: float = 0.2) -> None:
        self.min_count = min_count
        self.min_share = min_share

    def fit(self, X: Any, y: Any = None, *, terms: Any = None) -> TermListFeaturizer:
        """Learn the term list from ``terms``, one list of marked words per document.

        Parameters
        ----------
        X : iterable of str
        y : ignored
        terms : iterable of list of str
            Marked words per document (same length as ``X``).

        Returns
        -------
        self
        """
        if not isinstance(self.min_count, (int, np.integer)) or self.min_count < 1:
            raise ValueError(
                f"The 'min_count' parameter of TermListFeaturizer must be an int >= 1. "
                f"Got {self.min_count!r} instead."
            )
        if not 0.0 <= float(self.min_share) <= 1.0:
            raise ValueError(
                f"The 'min_share' parameter of TermListFeaturizer must be in [0, 1]. "
                f"Got {self.min_share!r} instead."
            )
        docs = check_documents(X, estimator="TermListFeaturizer")
        if terms is None:
            raise ValueError(
                "TermListFeaturizer.fit needs 'terms': one list of marked words per document. Got None."
            )
        terms = list(terms)
        if len(terms) != len(docs):
            raise ValueError(
                f"TermListFeaturizer.fit needs one list of terms per document: got {len(terms)} lists "
                f"for {len(docs)} documents."
            )
        marked: Counter[str] = Counter()
        for words in terms:
            if words is None or (isinstance(words, float) and math.isnan(words)):
                continue
            if isinstance(words, str):
                raise TypeError(
                    "TermListFeaturizer.fit expects 'terms' to hold lists of words. "
                    f"Got the string {words[:40]!r} instead."
                )
            marked.update({t for w in words for t in tokenize(str(w)).norms})
        seen: Counter[str] = Counter()
        for doc in docs:
            seen.update(set(tokenize(doc).norms))
        self.terms_ = {
            w: c / max(seen[w], c)
            for w, c in marked.items()
            if c >= self.min_count and c / max(seen[w], c) >= self.min_share
        }
        self.feature_names_out_ = np.asarray(
            ["terms__hits", "terms__share_sum", "terms__max_share"], dtype=object
        )
        self.n_features_in_ = 1
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Count learned terms in each document (the text only).

        Parameters
        ----------
        X : iterable of str

        Returns
        -------
        ndarray of shape (n_documents, 3)
        """
        check_is_fitted(self, "terms_")
        docs = check_documents(X, estimator="TermListFeaturizer")
        out = np.zeros((len(docs), 3), dtype=float)
        for i, doc in enumerate(docs):
            shares = [self.terms_[t] for t in tokenize(doc).norms if t in self.terms_]
            if shares:
                out[i] = (len(shares), sum(shares), max(shares))
        return out

    def evidence(self, doc: str) -> list[tuple[int, int, str, float]]:
        """The learned terms in ``doc`` as ``(start, end, text, share)``."""
        check_is_fitted(self, "terms_")
        toks = tokenize(doc)
        return [
            (s, e, doc[s:e], self.terms_[t])
            for s, e, t in zip(toks.starts, toks.ends, toks.norms)
            if t in self.terms_
        ]

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Output column names."""
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)
