"""Source-attribution features as a scikit-learn transformer.

:class:`AttributionFeaturizer` runs the analysis (quotes, speakers, cues
and their stance) and keeps its ``attribution__*`` features.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from ..attribution import attribution_features
from ..pipeline import Analyzer
from ..pipeline.progress import track
from ..readers import Article
from ._base import check_documents

__all__ = ["AttributionFeaturizer"]

logger = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _attribution_analyzer(names: tuple[str, ...]) -> Analyzer:
    return Analyzer(list(names))


class AttributionFeaturizer(TransformerMixin, BaseEstimator):
    """Source-attribution features, one row per document.

    Runs :class:`framing.pipeline.Analyzer` (quotes, speakers, cues and
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
    >>> out.loc[0, "attribution__stance_distancing_share_of_quotes"]
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
        for i, doc in enumerate(track(docs, desc="attribution features", unit="text")):
            if not doc.strip():
                continue
            # no language gate in a transformer: a scikit-learn matrix takes no NaN ("und": as English)
            result = analyzer(Article.from_text(doc, language="und"))
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
