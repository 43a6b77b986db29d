"""Lexicon hits per category as a scikit-learn transformer.

:class:`LexiconFeaturizer` gives, per lexicon category, hits per 1,000
tokens and/or raw counts (``<lexicon>__<category>``), as
:func:`framing.analyze` computes them.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..lexicon import Lexicon, available_lexicons, load_lexicon
from ..pipeline.families import LexiconStage, lexicon_feature_names, lexicon_features
from ..pipeline.progress import track
from ..text import tokenize
from ._base import check_documents

__all__ = ["LexiconFeaturizer"]

logger = logging.getLogger(__name__)

_MEASURES = ("rate", "count", "both")


@lru_cache(maxsize=16)
def _shipped_stage(names: tuple[str, ...]) -> LexiconStage:
    return LexiconStage([load_lexicon(n) for n in names])


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
        :mod:`framing.lexicon.importers`). ``None``: every shipped lexicon.
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
        names = lexicon_feature_names(objs, measure=self.measure, totals=bool(self.totals), negated=False)
        self.lexicon_versions_ = {lex.name: lex.version for lex in objs}
        self.feature_names_out_ = np.asarray(names, dtype=object)
        self.n_features_in_ = 1
        return self

    def _stage(self) -> LexiconStage:
        spec = self.lexicons
        if spec is None or isinstance(spec, str) or (
            isinstance(spec, (list, tuple)) and all(isinstance(s, str) for s in spec)
        ):
            names = tuple(available_lexicons()) if spec is None else (
                (spec,) if isinstance(spec, str) else tuple(spec)
            )
            return _shipped_stage(names)
        _names, objs = _resolve_lexicons(spec)
        return LexiconStage(objs)

    def transform(self, X: Any) -> np.ndarray:
        """Count lexicon hits in each document.

        The hits are those of the analyzer's lexicon stage (reporting verbs
        only where used as verbs) and the counts come from the same
        aggregation (:func:`framing.pipeline.lexicon_features`), so a column
        equals the analyzer's feature of the same name.

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
        stage = self._stage()
        versions = {lex.name: lex.version for lex in stage.lexicons}
        if versions != self.lexicon_versions_:
            logger.warning(
                "LexiconFeaturizer was fitted with lexicons %s and transforms with %s",
                self.lexicon_versions_, versions,
            )
        columns = [str(name) for name in self.feature_names_out_]
        names = stage.feature_names()
        out = np.zeros((len(docs), len(columns)), dtype=float)
        for i, doc in enumerate(track(docs, desc="lexicon features", unit="text")):
            tokens = tokenize(doc)
            if not len(tokens):
                continue
            hits, _cues = stage.find(doc, tokens)
            features = lexicon_features(hits, stage.lexicons, len(tokens), names=names)
            out[i] = [features[name] for name in columns]
        return out

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """Output column names (``<lexicon>__<category>[_count]``)."""
        check_is_fitted(self, "feature_names_out_")
        return np.asarray(self.feature_names_out_, dtype=object)
