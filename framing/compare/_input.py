"""Shared input handling of :mod:`framing.compare`.

The feature table (a DataFrame or the ``features`` of a CorpusAnalysis), the
group label of each row, the feature columns compared by default and the
order of the groups; every comparison reads its input through these.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["default_features"]


def _as_frame(data: Any, caller: str) -> pd.DataFrame:
    """The feature table of a CorpusAnalysis, or a DataFrame as given."""
    if isinstance(data, pd.DataFrame):
        return data
    features = getattr(data, "features", None)
    if isinstance(features, pd.DataFrame):
        return features
    raise TypeError(
        f"{caller} expects a DataFrame with one row per article (or a CorpusAnalysis). "
        f"Got {type(data).__name__} instead."
    )


def _groups(frame: pd.DataFrame, by: str | pd.Series, caller: str) -> pd.Series:
    """The group label of each row (a column name or a Series aligned to the index)."""
    if isinstance(by, pd.Series):
        if not by.index.equals(frame.index):
            by = by.reindex(frame.index)
        return by
    if not isinstance(by, str) or by not in frame.columns:
        raise KeyError(
            f"The 'by' parameter of {caller} must name a column of the table "
            f"(one of {list(frame.columns)[:8]}...) or be a Series. Got {by!r} instead."
        )
    return frame[by]


def _not_measured(frame: pd.DataFrame) -> np.ndarray:
    """Per row: is it an article whose features are not measured (its ``language`` is not English)?

    The rows :func:`framing.readers.language_warning` warns about: their
    lexicon, quote and tone features are NaN, so they are left out of the
    statistics (and counted) rather than averaged in as if measured.
    """
    if "language" not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    return np.asarray([_is_not_measured(v) for v in frame["language"]], dtype=bool)


def _is_not_measured(language: Any) -> bool:
    """Is ``language`` (an ISO 639 code, or missing) one whose features are not measured?"""
    from ..readers import language_warning

    return isinstance(language, str) and bool(language) and language_warning(language) is not None


_NOT_FEATURES = frozenset(["n_tokens", "n_sentences"])


def default_features(frame: pd.DataFrame) -> list[str]:
    """The feature columns compared by default: rates and shares, not raw counts.

    Every numeric ``<family>__<name>`` column whose name does not end in
    ``_count`` (counts grow with article length; rates per 1,000 tokens and
    shares do not).

    Examples
    --------
    >>> frame = pd.DataFrame({"outlet": ["A"], "n_tokens": [10.0],
    ...                       "loaded_language__pejorative": [100.0],
    ...                       "loaded_language__pejorative_count": [1.0]})
    >>> default_features(frame)
    ['loaded_language__pejorative']
    """
    return [
        c for c in frame.columns
        if isinstance(c, str) and "__" in c and not c.endswith("_count")
        and c not in _NOT_FEATURES and pd.api.types.is_numeric_dtype(frame[c])
    ]


def _features(frame: pd.DataFrame, features: Sequence[str] | str | None, caller: str) -> list[str]:
    if features is None:
        names = default_features(frame)
        if not names:
            raise ValueError(
                f"{caller} found no feature columns ('<family>__<name>', numeric, not '_count'). "
                "Pass features=[...] explicitly."
            )
        return names
    if isinstance(features, str):
        features = [features]
    missing = [f for f in features if f not in frame.columns]
    if missing:
        raise KeyError(f"The 'features' parameter of {caller} names columns that do not exist: {missing}.")
    bad = [f for f in features if not pd.api.types.is_numeric_dtype(frame[f])]
    if bad:
        raise TypeError(f"The 'features' parameter of {caller} must name numeric columns. Got {bad}.")
    return list(features)


def _ordered_groups(labels: pd.Series, groups: Sequence[Any] | None, min_articles: int) -> list[Any]:
    counts = labels.value_counts(dropna=True)
    if groups is None:
        kept = [g for g, n in counts.items() if n >= min_articles]
        return sorted(kept, key=lambda g: (-counts[g], str(g)))
    unknown = [g for g in groups if g not in counts.index]
    if unknown:
        raise ValueError(f"Groups not found in the data: {unknown}. Known groups: {list(counts.index)[:10]}.")
    return list(groups)



@contextlib.contextmanager
def _quiet_nan() -> Iterator[None]:
    """Silence numpy's all-NaN slice warnings (an empty group gives NaN, by design)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        yield
