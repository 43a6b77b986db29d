"""The text-input contract shared by every framing transformer.

:func:`check_documents` is the one validation of a 1-D collection of
documents (a bare string, ``None`` or NaN is an error that says what was
expected and what was received); ``PER`` is the unit of every rate.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
import pandas as pd

__all__ = ["PER", "check_documents"]

PER = 1000.0
"""Rates are hits per this many word tokens."""


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
