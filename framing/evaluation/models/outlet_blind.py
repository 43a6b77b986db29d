"""Outlet-blind text features: outlet names, their families, and TF-IDF that no single outlet drives."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

__all__ = ["OutletBlindTfidf", "outlet_family", "outlet_stop_words", "strip_outlet_tokens"]


_NAME_SUFFIXES = re.compile(
    r"(?:\s+-\s+.*|\s*\(.*\)|\s+online\s+news|\s+web\s+news|\s+online|\s+news|\.com)+$", re.IGNORECASE
)


def outlet_family(name: str) -> str:
    """A normalised outlet name that joins the variants of one publisher.

    AllSides spells one publisher several ways ("Fox News", "Fox Online
    News", "CNN (Web News)", "CNN - Editorial", "Newsmax - News"). Grouping
    cross-validation folds by this family keeps all of them on one side.

    Examples
    --------
    >>> [outlet_family(n) for n in ["Fox Online News", "Fox News", "CNN (Web News)",
    ...                             "New York Times - News", "TheBlaze.com", "The Hill"]]
    ['fox', 'fox', 'cnn', 'new york times', 'theblaze', 'hill']
    """
    base = _NAME_SUFFIXES.sub("", name.strip()).strip().lower()
    base = re.sub(r"^the\s+", "", base)
    return base or name.strip().lower()


def outlet_stop_words(outlets: Sequence[str]) -> list[str]:
    """Spellings of outlet names to remove from texts (longest first).

    For each name: the name itself and its base (without " - Section",
    "(Web News)", "Online News"), each with and without a leading "The".
    Bases shorter than three characters are left out.

    Examples
    --------
    >>> outlet_stop_words(["CNN (Web News)", "The Hill", "Fox Online News"])
    ['Fox Online News', 'CNN (Web News)', 'The Hill', 'Hill', 'CNN', 'Fox']
    """
    names: set[str] = set()
    for outlet in outlets:
        if not isinstance(outlet, str) or not outlet.strip():
            continue
        full = outlet.strip()
        base = _NAME_SUFFIXES.sub("", full).strip()
        for name in (full, base):
            for variant in (name, re.sub(r"^The\s+", "", name)):
                if len(variant) >= 3:
                    names.add(variant)
    return sorted(names, key=lambda s: (-len(s), s))


def strip_outlet_tokens(text: str, names: Sequence[str] | re.Pattern[str]) -> str:
    """Remove outlet names from a text (case-sensitive, whole words), leaving a space.

    Parameters
    ----------
    text : str
    names : sequence of str or compiled pattern
        Spellings to remove, e.g. from :func:`outlet_stop_words`.

    Examples
    --------
    >>> strip_outlet_tokens("Fox News reported that CNN (Web News) was wrong.",
    ...                     outlet_stop_words(["Fox News", "CNN (Web News)"]))
    '  reported that   was wrong.'
    """
    pattern = names if isinstance(names, re.Pattern) else _names_pattern(names)
    return pattern.sub(" ", text) if pattern.pattern else text


def _names_pattern(names: Sequence[str]) -> re.Pattern[str]:
    if not names:
        return re.compile("")
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


class OutletBlindTfidf(TransformerMixin, BaseEstimator):
    """Word TF-IDF that cannot lean on the names and habits of the training outlets.

    Fitted on texts *and* their outlets, it drops what identifies an outlet
    rather than a leaning: the outlet names themselves (see
    :func:`outlet_stop_words`) and every term used by fewer than
    ``min_outlets`` distinct training outlets (bylines, boilerplate, house
    style). At transform time the outlet column is ignored, so it applies
    unchanged to articles of outlets never seen.

    Parameters
    ----------
    min_outlets : int, default=5
        Keep only terms found in articles of at least this many outlets.
    strip_names : bool, default=True
        Remove the training outlets' names from the texts first.
    ngram_range : tuple of int, default=(1, 2)
    min_df : int, default=3
    max_features : int or None, default=300_000
        Keep the most frequent of the remaining terms.

    Attributes
    ----------
    vectorizer_ : TfidfVectorizer
    columns_ : ndarray of int
        Columns of ``vectorizer_``'s output that are kept.
    names_ : list of str
        Outlet names removed from the texts.

    Examples
    --------
    >>> import pandas as pd
    >>> X = pd.DataFrame({
    ...     "doc": ["Subscribe to the Daily Bugle. Taxes rose.", "Taxes fell, the Planet says.",
    ...             "Daily Bugle staff: taxes rose again.", "Taxes and spending rose."],
    ...     "outlet": ["Daily Bugle", "Planet", "Daily Bugle", "Globe"]})
    >>> vec = OutletBlindTfidf(min_outlets=2, min_df=1).fit(X)
    >>> sorted(vec.get_feature_names_out())
    ['rose', 'taxes', 'the']
    >>> vec.transform(X).shape
    (4, 3)
    """

    def __init__(self, *, min_outlets: int = 5, strip_names: bool = True,
                 ngram_range: tuple[int, int] = (1, 2), min_df: int = 3,
                 max_features: int | None = 300_000) -> None:
        self.min_outlets = min_outlets
        self.strip_names = strip_names
        self.ngram_range = ngram_range
        self.min_df = min_df
        self.max_features = max_features

    @staticmethod
    def _split(X: Any) -> tuple[list[str], list[str]]:
        if isinstance(X, pd.DataFrame):
            if X.shape[1] != 2:
                raise ValueError(
                    "OutletBlindTfidf expects two columns (text, outlet). "
                    f"Got {X.shape[1]} columns: {list(X.columns)}."
                )
            texts: Any = X.iloc[:, 0]
            outlets: Any = X.iloc[:, 1]
        else:
            arr = np.asarray(X, dtype=object)
            if arr.ndim != 2 or arr.shape[1] != 2:
                raise ValueError(
                    f"OutletBlindTfidf expects two columns (text, outlet). Got shape {arr.shape}."
                )
            texts, outlets = arr[:, 0], arr[:, 1]
        return ([t if isinstance(t, str) else "" for t in texts],
                [o if isinstance(o, str) else "" for o in outlets])

    def _texts(self, texts: list[str]) -> list[str]:
        if not self.names_:
            return texts
        pattern = _names_pattern(self.names_)
        return [strip_outlet_tokens(t, pattern) for t in texts]

    def fit(self, X: Any, y: Any = None) -> OutletBlindTfidf:
        """Learn the vocabulary, keeping terms of at least ``min_outlets`` outlets."""
        self.fit_transform(X, y)
        return self

    def fit_transform(self, X: Any, y: Any = None, **fit_params: Any) -> Any:
        """Fit, and return the TF-IDF of the training texts (kept columns, rows L2-normalised)."""
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfVectorizer

        if not isinstance(self.min_outlets, (int, np.integer)) or self.min_outlets < 1:
            raise ValueError(
                f"The 'min_outlets' parameter of OutletBlindTfidf must be an int >= 1. Got {self.min_outlets!r}."
            )
        texts, outlets = self._split(X)
        self.names_ = outlet_stop_words(sorted(set(outlets))) if self.strip_names else []
        self.vectorizer_ = TfidfVectorizer(ngram_range=self.ngram_range, sublinear_tf=True,
                                           min_df=self.min_df, dtype=np.float32)
        full = self.vectorizer_.fit_transform(self._texts(texts)).tocsc()
        codes, uniques = pd.factorize(pd.Series(outlets))
        member = sparse.csr_matrix((np.ones(len(codes), dtype=np.float32), (codes, np.arange(len(codes)))),
                                   shape=(len(uniques), len(codes)))
        presence = full.copy()
        presence.data[:] = 1.0
        n_outlets = np.asarray(((member @ presence) > 0).sum(axis=0)).ravel()
        keep = np.flatnonzero(n_outlets >= self.min_outlets)
        if self.max_features is not None and len(keep) > self.max_features:
            df = np.diff(presence.indptr)[keep]
            keep = np.sort(keep[np.argsort(-df, kind="stable")[: self.max_features]])
        if not len(keep):
            raise ValueError(
                f"OutletBlindTfidf kept no term: none is used by {self.min_outlets} or more outlets "
                f"({len(uniques)} outlets in the training data)."
            )
        self.columns_ = keep
        self.n_features_in_ = 2
        return normalize(full[:, keep].tocsr())

    def transform(self, X: Any) -> Any:
        """TF-IDF of the kept terms (the outlet column is not used)."""
        check_is_fitted(self, "columns_")
        texts, _ = self._split(X)
        return normalize(self.vectorizer_.transform(self._texts(texts))[:, self.columns_])

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The kept terms."""
        check_is_fitted(self, "columns_")
        return np.asarray(self.vectorizer_.get_feature_names_out()[self.columns_], dtype=object)
