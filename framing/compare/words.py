"""Distinctive words of two groups of articles (Fightin' Words).

:func:`distinctive_words` counts terms with scikit-learn's CountVectorizer
over :func:`framing.text.tokenize` and scores them with log-odds ratios under
an informative Dirichlet prior (:func:`framing.compare.log_odds_dirichlet`;
Monroe, Colaresi & Quinn 2008).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any, Literal

import numpy as np
import pandas as pd

from ._input import _groups
from .stats import log_odds_dirichlet

__all__ = ["boilerplate_words", "distinctive_words"]


@functools.cache
def boilerplate_words() -> frozenset[str]:
    """The one stop list of page furniture (photos, replay, toggle, enlarge, advertisement, ...).

    Words that scraped news pages carry around the article text (captions,
    video players, image toggles, newsletter and copyright lines). Read
    from ``framing/compare/boilerplate.txt``, which says where the list
    comes from; the report and the notebooks drop these words from the
    distinctive words (``stop_words="boilerplate"``).

    Examples
    --------
    >>> {"photos", "replay", "toggle", "enlarge", "advertisement"} <= boilerplate_words()
    True
    >>> "said" in boilerplate_words()
    False
    """
    from importlib.resources import files

    text = files(__package__).joinpath("boilerplate.txt").read_text(encoding="utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def _framing_tokens(text: str) -> list[str]:
    from ..text import tokenize

    return tokenize(text).norms


def distinctive_words(
    data: pd.DataFrame,
    a: Any,
    b: Any = None,
    *,
    by: str | pd.Series = "outlet",
    text: str = "text",
    min_count: int = 10,
    prior: Literal["combined"] | pd.Series = "combined",
    prior_scale: float = 1.0,
    ngram_range: tuple[int, int] = (1, 1),
    stop_words: Iterable[str] | Literal["boilerplate"] | None = None,
    tokenizer: Callable[[str], list[str]] | None = None,
) -> pd.DataFrame:
    """Words and phrases that distinguish two groups of articles (Fightin' Words).

    Counts come from :class:`sklearn.feature_extraction.text.CountVectorizer`
    over the tokens of :func:`framing.text.tokenize` (lower-cased, curly
    apostrophes normalised), so the words are the ones the lexicons see. The
    score is the log-odds ratio with an informative Dirichlet prior and its
    z-score (:func:`log_odds_dirichlet`; Monroe, Colaresi & Quinn 2008).

    Parameters
    ----------
    data : DataFrame
        One row per article, with the text column and the group column.
    a : label or list of labels
        Group a (positive scores favour it).
    b : label or list of labels, optional
        Group b. Default: every article not in group a.
    by : str or Series, default "outlet"
    text : str, default "text"
    min_count : int, default 10
        Minimum-count rule: a term is reported only when it occurs at least
        ``min_count`` times in a and b together. The prior and the totals are
        computed over the full vocabulary, before the rule is applied.
    prior : "combined" or Series, default "combined"
        Background counts for the prior: the two groups' combined counts, or a
        Series of counts indexed by term (terms absent from it get the
        smallest positive background count).
    prior_scale : float, default 1.0
        alpha_w = prior_scale * background count of w; 1.0 gives the
        combined-corpus prior of Monroe et al. (section 3.5).
    ngram_range : (int, int), default (1, 1)
    stop_words : iterable of str or "boilerplate", optional
        Terms dropped before counting; ``"boilerplate"`` is the shipped list
        of page furniture (:func:`boilerplate_words`).
    tokenizer : callable, optional
        Default: :func:`framing.text.tokenize` norms.

    Returns
    -------
    DataFrame
        One row per term that passes the rule, sorted by ``z`` (most
        distinctive of a first): ``term``, ``count_a``, ``count_b``,
        ``freq_a``, ``freq_b`` (per 1,000 tokens), ``log_odds``, ``variance``,
        ``z``, ``favours`` (the label of a or b).

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["A", "A", "B", "B"],
    ...                    "text": ["tax cuts tax relief", "tax relief now",
    ...                             "tax breaks for the rich", "breaks for the rich"]})
    >>> words = distinctive_words(df, "A", min_count=2)
    >>> words["term"].tolist()
    ['relief', 'tax', 'breaks', 'for', 'rich', 'the']
    """
    from sklearn.feature_extraction.text import CountVectorizer

    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"distinctive_words expects a DataFrame with a text column. Got {type(data).__name__} instead.")
    if text not in data.columns:
        raise KeyError(f"The 'text' parameter of distinctive_words names a missing column: {text!r}.")
    if not isinstance(min_count, (int, np.integer)) or min_count < 0:
        raise ValueError(f"The 'min_count' parameter must be a non-negative int. Got {min_count!r} instead.")
    if prior_scale <= 0:
        raise ValueError(f"The 'prior_scale' parameter must be positive. Got {prior_scale!r} instead.")
    labels = _groups(data, by, "distinctive_words")

    def members(g: Any) -> np.ndarray:
        wanted = list(g) if isinstance(g, (list, tuple, set, frozenset)) else [g]
        return labels.isin(wanted).to_numpy()

    in_a = members(a)
    in_b = ~in_a & labels.notna().to_numpy() if b is None else members(b)
    if not in_a.any() or not in_b.any():
        raise ValueError(f"distinctive_words needs articles in both groups. Got {int(in_a.sum())} in a and {int(in_b.sum())} in b.")
    texts = data[text].where(data[text].notna(), "").astype(str)
    if isinstance(stop_words, str):
        if stop_words != "boilerplate":
            raise ValueError("The 'stop_words' parameter of distinctive_words must be an iterable of "
                             f"str, 'boilerplate' or None. Got {stop_words!r} instead.")
        stops = boilerplate_words()
    else:
        stops = frozenset(stop_words or ())
    tok = tokenizer or _framing_tokens

    def analyzer_tokens(doc: str) -> list[str]:
        toks = tok(doc)
        return [t for t in toks if t not in stops] if stops else toks

    vectorizer = CountVectorizer(tokenizer=analyzer_tokens, lowercase=False, token_pattern=None,
                                 ngram_range=ngram_range)
    matrix = vectorizer.fit_transform(texts[in_a | in_b].tolist())
    sub_a = in_a[in_a | in_b]
    y_a = np.asarray(matrix[sub_a].sum(axis=0)).ravel().astype(float)
    y_b = np.asarray(matrix[~sub_a].sum(axis=0)).ravel().astype(float)
    terms = vectorizer.get_feature_names_out()
    if isinstance(prior, str):
        if prior != "combined":
            raise ValueError(f"The 'prior' parameter must be 'combined' or a Series of counts. Got {prior!r} instead.")
        background = y_a + y_b
    else:
        background = prior.reindex(terms).to_numpy(dtype=float)
        positive = background[background > 0]
        floor = positive.min() if positive.size else 1.0
        background = np.where(np.isnan(background) | (background <= 0), floor, background)
    delta, variance, z = log_odds_dirichlet(y_a, y_b, prior_scale * background)
    label_a = a if not isinstance(a, (list, tuple, set, frozenset)) else "+".join(map(str, a))
    label_b = ("rest" if b is None else b if not isinstance(b, (list, tuple, set, frozenset))
               else "+".join(map(str, b)))
    out = pd.DataFrame({
        "term": terms, "count_a": y_a.astype(int), "count_b": y_b.astype(int),
        "freq_a": 1000.0 * y_a / max(y_a.sum(), 1.0), "freq_b": 1000.0 * y_b / max(y_b.sum(), 1.0),
        "log_odds": delta, "variance": variance, "z": z,
    })
    out["favours"] = np.where(out["z"] >= 0, str(label_a), str(label_b))
    out = out[(y_a + y_b) >= min_count]
    return out.sort_values(["z", "term"], ascending=[False, True], kind="mergesort").reset_index(drop=True)

