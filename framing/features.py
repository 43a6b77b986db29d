"""scikit-learn transformers from text to framing features.

Each transformer takes a 1-D iterable of documents (best: a
:class:`pandas.Series` indexed by article id) and returns one row per
document, so it drops into a :class:`~sklearn.pipeline.Pipeline` or a
:class:`~sklearn.compose.ColumnTransformer` next to
:class:`~sklearn.feature_extraction.text.TfidfVectorizer`:

* :class:`LexiconFeaturizer`: per lexicon category, hits per 1,000 tokens
  and/or raw counts (``<lexicon>__<category>``), as :func:`framing.analyze`
  computes them;
* :class:`AttributionFeaturizer`: the ``attribution__*`` features (quotes,
  speakers, reporting-verb stance, share of voice);
* :class:`TermListFeaturizer`: a term list learned from the training fold
  (for example the words BABE annotators marked as biased), counted in new
  text; the word list never sees test labels when fitted inside
  cross-validation.

All follow the scikit-learn estimator contract: ``__init__`` only stores
parameters, validation happens in ``fit``, fitted attributes end in ``_``,
``get_feature_names_out`` and ``set_output(transform="pandas")`` work (the
output keeps the index of a Series input).
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .analyze import Analyzer
from .attribution import attribution_features
from .lexicon import Lexicon, Matcher, available_lexicons, load_lexicon
from .text import tokenize

__all__ = [
    "AttributionFeaturizer",
    "LexiconFeaturizer",
    "TermListFeaturizer",
    "check_documents",
]

logger = logging.getLogger(__name__)

PER = 1000.0
_MEASURES = ("rate", "count", "both")


def check_documents(X: Any, *, estimator: str = "this transformer") -> list[str]:
    """Validate a 1-D collection of documents and return it as a list of str.

    Parameters
    ----------
    X : iterable of str
        A list, tuple, 1-D array or :class:`pandas.Series` of strings, or a
        one-column DataFrame.
    estimator : str
        Name used in error messages.

    Returns
    -------
    list of str

    Raises
    ------
    TypeError
        ``X`` is a bare string or bytes, not iterable, or holds something other
        than a string (``None``, NaN, a number).
    ValueError
        ``X`` is two-dimensional with more than one column.

    Examples
    --------
    >>> check_documents(["One text.", ""])
    ['One text.', '']
    >>> check_documents("One text.", estimator="LexiconFeaturizer")
    Traceback (most recent call last):
    ...
    TypeError: LexiconFeaturizer expects a 1-D iterable of strings (one per document). Got a single str instead; wrap it in a list.
    """
    if isinstance(X, (str, bytes)):
        raise TypeError(
            f"{estimator} expects a 1-D iterable of strings (one per document). "
            f"Got a single {type(X).__name__} instead; wrap it in a list."
        )
    if isinstance(X, pd.DataFrame):
        if X.shape[1] != 1:
            raise ValueError(
                f"{estimator} expects a 1-D iterable of strings or a one-column DataFrame. "
                f"Got a DataFrame with {X.shape[1]} columns instead; select the text column."
            )
        X = X.iloc[:, 0]
    elif isinstance(X, np.ndarray) and X.ndim != 1:
        if X.ndim == 2 and X.shape[1] == 1:
            X = X[:, 0]
        else:
            raise ValueError(
                f"{estimator} expects a 1-D iterable of strings. Got an array of shape {X.shape} instead."
            )
    if not isinstance(X, Iterable):
        raise TypeError(
            f"{estimator} expects a 1-D iterable of strings (one per document). "
            f"Got {type(X).__name__} instead."
        )
    docs = list(X)
    for i, doc in enumerate(docs):
        if not isinstance(doc, str):
            what = "NaN" if isinstance(doc, float) and math.isnan(doc) else repr(doc)[:40]
            raise TypeError(
                f"{estimator} expects every document to be a str. "
                f"Got {what} ({type(doc).__name__}) at position {i} instead; "
                "fill or drop missing texts first (e.g. Series.fillna(''))."
            )
    return docs


@lru_cache(maxsize=16)
def _shipped_matcher(names: tuple[str, ...]) -> tuple[Matcher, tuple[Lexicon, ...]]:
    lexicons = tuple(load_lexicon(n) for n in names)
    return Matcher(lexicons), lexicons


def _resolve_lexicons(spec: Any) -> tuple[tuple[str, ...], list[Lexicon]]:
    """The lexicon names and objects a ``lexicons`` parameter stands for."""
    if spec is None:
        names = tuple(available_lexicons())
        return names, [load_lexicon(n) for n in names]
    if isinstance(spec, (str, Lexicon)):
        spec = [spec]
    if not isinstance(spec, (list, tuple)) or not spec:
        raise ValueError(
            "The 'lexicons' parameter of LexiconFeaturizer must be None, a lexicon name, a Lexicon "
            f"or a non-empty list of them. Got {spec!r} instead."
        )
    objs: list[Lexicon] = []
    for item in spec:
        if isinstance(item, Lexicon):
            objs.append(item)
        elif isinstance(item, str):
            shipped = available_lexicons()
            if item not in shipped:
                raise ValueError(
                    f"The 'lexicons' parameter of LexiconFeaturizer must name shipped lexicons {shipped}. "
                    f"Got {item!r} instead."
                )
            objs.append(load_lexicon(item))
        else:
            raise TypeError(
                "The 'lexicons' parameter of LexiconFeaturizer must hold names or Lexicon objects. "
                f"Got {type(item).__name__} instead."
            )
    return tuple(lex.name for lex in objs), objs


class LexiconFeaturizer(TransformerMixin, BaseEstimator):
    """Lexicon hits per category as features, one row per document.

    The same numbers as :func:`framing.analyze`: hits that are not negated,
    per lexicon category and in total, as a rate per 1,000 word tokens
    (``<lexicon>__<category>``) and/or as a count
    (``<lexicon>__<category>_count``). Overlapping hits are resolved as the
    matcher does (longest, then leftmost). An empty document yields zeros.

    Parameters
    ----------
    lexicons : str, Lexicon or list of them, default=None
        Shipped lexicon names (see :func:`framing.lexicon.available_lexicons`)
        or :class:`~framing.lexicon.Lexicon` objects (for example from
        :mod:`framing.importers`). ``None``: every shipped lexicon.
    measure : {"rate", "count", "both"}, default="rate"
        Rates per 1,000 tokens (comparable across document lengths), raw
        counts (better for short sentences), or both.
    totals : bool, default=True
        Add a ``<lexicon>__total`` column per lexicon.

    Attributes
    ----------
    lexicon_versions_ : dict of str to str
        The version of each lexicon at fit time (a model trained on one
        version warns when transforming with another).
    feature_names_out_ : ndarray of str
        Output column names.
    n_features_in_ : int
        Always 1 (one text per row).

    Examples
    --------
    >>> import pandas as pd
    >>> docs = pd.Series(["Critics slammed the reckless plan.", ""], index=["a", "b"])
    >>> feat = LexiconFeaturizer("reporting_verbs", measure="count").set_output(transform="pandas")
    >>> out = feat.fit_transform(docs)
    >>> out.loc["a", "reporting_verbs__emotive_count"], out.loc["b"].sum()
    (np.float64(1.0), np.float64(0.0))
    """

    def __init__(
        self,
        lexicons: str | Lexicon | Sequence[str | Lexicon] | None = None,
        *,
        measure: str = "rate",
        totals: bool = True,
    ) -> None:
        self.lexicons = lexicons
        self.measure = measure
        self.totals = totals

    def fit(self, X: Any, y: Any = None) -> LexiconFeaturizer:
        """Check the parameters and the documents; record lexicon versions.

        Parameters
        ----------
        X : iterable of str
        y : ignored

        Returns
        -------
        self
        """
        if self.measure not in _MEASURES:
            raise ValueError(
                f"The 'measure' parameter of LexiconFeaturizer must be one of {list(_MEASURES)}. "
                f"Got {self.measure!r} instead."
            )
        if not isinstance(self.totals, (bool, np.bool_)):
            raise TypeError(
                f"The 'totals' parameter of LexiconFeaturizer must be a bool. Got {self.totals!r} instead."
            )
        check_documents(X, estimator="LexiconFeaturizer")
        _names, objs = _resolve_lexicons(self.lexicons)
        names: list[str] = []
        for lex in objs:
            cats = [*lex.labels, "total"] if self.totals else list(lex.labels)
            for cat in cats:
                if self.measure in ("rate", "both"):
                    names.append(f"{lex.name}__{cat}")
                if self.measure in ("count", "both"):
                    names.append(f"{lex.name}__{cat}_count")
        self.lexicon_versions_ = {lex.name: lex.version for lex in objs}
        self.feature_names_out_ = np.asarray(names, dtype=object)
        self.n_features_in_ = 1
        return self

    def _matcher(self) -> tuple[Matcher, list[Lexicon]]:
        spec = self.lexicons
        if spec is None or isinstance(spec, str) or (
            isinstance(spec, (list, tuple)) and all(isinstance(s, str) for s in spec)
        ):
            names = tuple(available_lexicons()) if spec is None else (
                (spec,) if isinstance(spec, str) else tuple(spec)
            )
            matcher, lexicons = _shipped_matcher(names)
            return matcher, list(lexicons)
        _names, objs = _resolve_lexicons(spec)
        return Matcher(objs), objs

    def transform(self, X: Any) -> np.ndarray:
        """Count lexicon hits in each document.

        Parameters
        ----------
        X : iterable of str

        Returns
        -------
        ndarray of shape (n_documents, n_features)
            A DataFrame (indexed like ``X``) after ``set_output(transform="pandas")``.
        """
        check_is_fitted(self, "feature_names_out_")
        docs = check_documents(X, estimator="LexiconFeaturizer")
        matcher, lexicons = self._matcher()
        versions = {lex.name: lex.version for lex in lexicons}
        if versions != self.lexicon_versions_:
            logger.warning(
                "LexiconFeaturizer was fitted with lexicons %s and transforms with %s",
                self.lexicon_versions_, versions,
            )
        cats = {lex.name: (*lex.labels, "total") if self.totals else lex.labels for lex in lexicons}
        columns = {name: j for j, name in enumerate(self.feature_names_out_)}
        out = np.zeros((len(docs), len(columns)), dtype=float)
        rate = self.measure in ("rate", "both")
        count = self.measure in ("count", "both")
        for i, doc in enumerate(docs):
            tokens = tokenize(doc)
            n = len(tokens)
            if not n:
                continue
            counts: Counter[str] = Counter()
            for m in matcher.find(doc, tokens):
                if m.negated:
                    continue
                counts[f"{m.lexicon}__{m.category}"] += 1
                counts[f"{m.lexicon}__total"] += 1
            scale = PER / n
            for lex_name, lex_cats in cats.items():
                for cat in lex_cats:
                    key = f"{lex_name}__{cat}"
                    c = counts.get(key, 0)
                    if not c:
                        continue
                    if rate:
                        out[i, columns[key]] = c * scale
                    if count:
                        out[i, columns[key + "_count"]] = float(c)
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Output column names (``<lexicon>__<category>[_count]``)."""
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)


@lru_cache(maxsize=4)
def _attribution_analyzer(names: tuple[str, ...]) -> Analyzer:
    return Analyzer(list(names))


class AttributionFeaturizer(TransformerMixin, BaseEstimator):
    """Source-attribution features, one row per document.

    Runs :class:`framing.analyze.Analyzer` (quotes, speakers, cues and
    their stance, see :mod:`framing.attribution`) and keeps the
    ``attribution__*`` features: number of quotes and sources, share of
    quoted words, share of direct/indirect/mixed quotes, share per
    reporting-verb stance and per source category, source entropy, and loaded
    language inside and outside quotes.

    Parameters
    ----------
    prefix : str, default="attribution__"
        Keep the analysis features whose names start with this prefix.

    Attributes
    ----------
    feature_names_out_ : ndarray of str
        Output column names, taken from :func:`framing.attribution.attribution_features`
        at fit time.
    n_features_in_ : int
        Always 1.

    Examples
    --------
    >>> docs = ['Officials claimed the plan "failed."', "No quotes here."]
    >>> feat = AttributionFeaturizer().set_output(transform="pandas").fit(docs)
    >>> out = feat.transform(docs)
    >>> out["attribution__quotes_count"].tolist()
    [1.0, 0.0]
    >>> out.loc[0, "attribution__stance_distancing_share"]
    np.float64(1.0)
    """

    def __init__(self, *, prefix: str = "attribution__") -> None:
        self.prefix = prefix

    def fit(self, X: Any, y: Any = None) -> AttributionFeaturizer:
        """Check the documents and fix the feature names.

        Parameters
        ----------
        X : iterable of str
        y : ignored

        Returns
        -------
        self
        """
        if not isinstance(self.prefix, str) or not self.prefix:
            raise ValueError(
                f"The 'prefix' parameter of AttributionFeaturizer must be a non-empty str. "
                f"Got {self.prefix!r} instead."
            )
        check_documents(X, estimator="AttributionFeaturizer")
        names = sorted(k for k in attribution_features([], [], 0) if k.startswith(self.prefix))
        if not names:
            raise ValueError(
                f"The 'prefix' parameter of AttributionFeaturizer matches no attribution feature. "
                f"Got {self.prefix!r}; the features start with 'attribution__'."
            )
        self.feature_names_out_ = np.asarray(names, dtype=object)
        self.n_features_in_ = 1
        return self

    def transform(self, X: Any) -> np.ndarray:
        """Find quotes and speakers in each document and aggregate them.

        Parameters
        ----------
        X : iterable of str

        Returns
        -------
        ndarray of shape (n_documents, n_features)
        """
        check_is_fitted(self, "feature_names_out_")
        docs = check_documents(X, estimator="AttributionFeaturizer")
        analyzer = _attribution_analyzer(("loaded_language",))
        names = list(self.feature_names_out_)
        out = np.zeros((len(docs), len(names)), dtype=float)
        for i, doc in enumerate(docs):
            if not doc.strip():
                continue
            result = analyzer(doc)
            if result.error is not None:
                logger.warning("attribution of document %d failed: %s", i, result.error)
                continue
            feats = result.features
            out[i] = [feats.get(name, 0.0) for name in names]
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Output column names (``attribution__*``)."""
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)


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
