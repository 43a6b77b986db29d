"""Compare outlets (or any groups of articles) with honest uncertainty.

Tidy pandas in and out. The unit of resampling is always the **article**:
bootstrap intervals resample articles within a group, permutation tests
shuffle articles between two groups, and shares of sources and cue stances
are ratio estimates whose intervals also resample articles (never sentences
or quotes, which are not independent within an article).

* :func:`summarize` -- per group and feature: n, mean, median, bootstrap CI.
* :func:`pairwise_tests` -- per pair of groups and feature: difference of
  means, Cohen's d, Cliff's delta, permutation p-value and Benjamini-Hochberg
  adjusted p-value.
* :func:`distinctive_words` / :func:`log_odds_dirichlet` -- words that
  distinguish two groups: log-odds ratios with an informative Dirichlet prior
  (Monroe, Colaresi & Quinn 2008).
* :func:`same_event` -- outlets on the same story, relative to the other
  outlets' coverage and to an optional neutral reference article.
* :func:`sourcing` -- who each outlet quotes (speaker categories, share of
  voice) and how (cue stance), from the quotes table.
* :func:`compare_outlets` -- the whole comparison in one call.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from .stats import (
    RandomState,
    _check_confidence,
    _check_positive,
    _rng,
    benjamini_hochberg,
    bootstrap_means,
    cliffs_delta,
    cohens_d,
    log_odds_dirichlet,
    permutation_test,
)

if TYPE_CHECKING:
    from .analyze import CorpusAnalysis

__all__ = [
    "OutletComparison",
    "benjamini_hochberg",
    "bootstrap_means",
    "cliffs_delta",
    "cohens_d",
    "compare_outlets",
    "default_features",
    "distinctive_words",
    "log_odds_dirichlet",
    "pairwise_tests",
    "permutation_test",
    "same_event",
    "sourcing",
    "summarize",
]

logger = logging.getLogger(__name__)


# ---------------------------------------------------------------------------
# input helpers


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


# ---------------------------------------------------------------------------
# summaries


def summarize(
    data: Any,
    features: Sequence[str] | str | None = None,
    *,
    by: str | pd.Series = "outlet",
    groups: Sequence[Any] | None = None,
    min_articles: int = 1,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    random_state: RandomState = 0,
) -> pd.DataFrame:
    """Per-group summaries of features with bootstrap confidence intervals.

    The interval is the percentile bootstrap interval of the mean, resampling
    the group's articles with replacement (Efron & Tibshirani 1993, ch. 13).

    Parameters
    ----------
    data : DataFrame or CorpusAnalysis
        One row per article: the group column and the feature columns.
    features : list of str, optional
        Default: :func:`default_features`.
    by : str or Series, default "outlet"
        The group column (or labels aligned to the rows).
    groups : list, optional
        Which groups, in this order. Default: every group with at least
        ``min_articles`` articles, largest first.
    min_articles : int, default 1
    confidence : float, default 0.95
    n_resamples : int, default 2000
    random_state : int, Generator or None, default 0

    Returns
    -------
    DataFrame
        One row per (group, feature): ``<by>`` (or ``group``), ``feature``,
        ``n`` (articles with a value), ``mean``, ``median``, ``std``,
        ``ci_low``, ``ci_high``.

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "x__y": [1.0, 3.0, 5.0, 5.0]})
    >>> summarize(df, random_state=0)[["outlet", "n", "mean", "ci_low", "ci_high"]]
      outlet  n  mean  ci_low  ci_high
    0      A  2   2.0     1.0      3.0
    1      B  2   5.0     5.0      5.0
    """
    frame = _as_frame(data, "summarize")
    names = _features(frame, features, "summarize")
    labels = _groups(frame, by, "summarize")
    _check_confidence(confidence)
    _check_positive("n_resamples", n_resamples)
    key: Any = by if isinstance(by, str) else (by.name or "group")
    rng = _rng(random_state)
    alpha = (1.0 - confidence) / 2.0
    rows: list[dict[str, Any]] = []
    for g in _ordered_groups(labels, groups, min_articles):
        x = frame.loc[(labels == g).to_numpy(), names].to_numpy(dtype=float)
        draws = bootstrap_means(x, n_resamples=n_resamples, random_state=rng)
        with np.errstate(invalid="ignore"), _quiet_nan():
            lo = np.nanquantile(draws, alpha, axis=0)
            hi = np.nanquantile(draws, 1.0 - alpha, axis=0)
            mean = np.nanmean(x, axis=0)
            median = np.nanmedian(x, axis=0)
            std = np.nanstd(x, axis=0, ddof=1) if x.shape[0] > 1 else np.full(len(names), np.nan)
        n = (~np.isnan(x)).sum(axis=0)
        for j, name in enumerate(names):
            rows.append({key: g, "feature": name, "n": int(n[j]), "mean": mean[j],
                         "median": median[j], "std": std[j], "ci_low": lo[j], "ci_high": hi[j]})
    return pd.DataFrame(rows, columns=[key, "feature", "n", "mean", "median", "std", "ci_low", "ci_high"])


@contextlib.contextmanager
def _quiet_nan() -> Iterator[None]:
    """Silence numpy's all-NaN slice warnings (an empty group gives NaN, by design)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        yield


# ---------------------------------------------------------------------------
# pairwise tests


def pairwise_tests(
    data: Any,
    features: Sequence[str] | str | None = None,
    *,
    by: str | pd.Series = "outlet",
    groups: Sequence[Any] | None = None,
    pairs: Sequence[tuple[Any, Any]] | None = None,
    min_articles: int = 2,
    n_permutations: int = 4999,
    alpha: float = 0.05,
    family: Literal["all", "pair"] = "all",
    random_state: RandomState = 0,
) -> pd.DataFrame:
    """Pairwise group comparisons per feature: effect sizes and permutation tests.

    For every pair of groups and every feature: the difference of means, Cohen's
    d, Cliff's delta, a two-sided permutation p-value (articles shuffled between
    the two groups, :func:`permutation_test`) and the Benjamini-Hochberg
    adjusted p-value (Benjamini & Hochberg 1995).

    Parameters
    ----------
    data : DataFrame or CorpusAnalysis
    features : list of str, optional
        Default: :func:`default_features`.
    by : str or Series, default "outlet"
    groups : list, optional
        Default: groups with at least ``min_articles`` articles, largest first.
    pairs : list of (group, group), optional
        Default: every pair of ``groups``.
    min_articles : int, default 2
    n_permutations : int, default 4999
    alpha : float, default 0.05
        False discovery rate for the ``significant`` column.
    family : {"all", "pair"}, default "all"
        The tests corrected together: every row of the table (all pairs and
        features), or the features of each pair separately.
    random_state : int, Generator or None, default 0

    Returns
    -------
    DataFrame
        One row per (pair, feature): ``group_a``, ``group_b``, ``feature``,
        ``n_a``, ``n_b``, ``mean_a``, ``mean_b``, ``diff``, ``cohens_d``,
        ``cliffs_delta``, ``p_value``, ``p_adjusted``, ``significant``.

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "x__y": [1.0, 2.0, 3.0, 4.0]})
    >>> pairwise_tests(df)[["group_a", "group_b", "diff", "cliffs_delta", "p_value"]]
      group_a group_b  diff  cliffs_delta   p_value
    0       A       B  -2.0          -1.0  0.333333
    """
    frame = _as_frame(data, "pairwise_tests")
    names = _features(frame, features, "pairwise_tests")
    labels = _groups(frame, by, "pairwise_tests")
    if family not in ("all", "pair"):
        raise ValueError(f"The 'family' parameter must be 'all' or 'pair'. Got {family!r} instead.")
    if pairs is None:
        pairs = list(itertools.combinations(_ordered_groups(labels, groups, min_articles), 2))
    rng = _rng(random_state)
    values = frame[names].to_numpy(dtype=float)
    lab = labels.to_numpy()
    parts: list[pd.DataFrame] = []
    for g_a, g_b in pairs:
        x, y = values[lab == g_a], values[lab == g_b]
        diff, p = permutation_test(x, y, n_permutations=n_permutations, random_state=rng)
        with _quiet_nan():
            mean_a, mean_b = np.nanmean(x, axis=0), np.nanmean(y, axis=0)
        part = pd.DataFrame({
            "group_a": [g_a] * len(names), "group_b": [g_b] * len(names), "feature": names,
            "n_a": (~np.isnan(x)).sum(axis=0), "n_b": (~np.isnan(y)).sum(axis=0),
            "mean_a": mean_a, "mean_b": mean_b, "diff": diff,
            "cohens_d": cohens_d(x, y), "cliffs_delta": cliffs_delta(x, y), "p_value": p,
        })
        if family == "pair":
            part["p_adjusted"] = benjamini_hochberg(part["p_value"].to_numpy())
        parts.append(part)
    columns = ["group_a", "group_b", "feature", "n_a", "n_b", "mean_a", "mean_b", "diff",
               "cohens_d", "cliffs_delta", "p_value", "p_adjusted", "significant"]
    if not parts:
        return pd.DataFrame(columns=columns)
    out = pd.concat(parts, ignore_index=True)
    if family == "all":
        out["p_adjusted"] = benjamini_hochberg(out["p_value"].to_numpy())
    out["significant"] = out["p_adjusted"] <= alpha
    return out[columns]


# ---------------------------------------------------------------------------
# distinctive words


def _framing_tokens(text: str) -> list[str]:
    from .text import tokenize

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
    stop_words: Iterable[str] | None = None,
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
    stop_words : iterable of str, optional
        Terms dropped before counting.
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


# ---------------------------------------------------------------------------
# same event


def same_event(
    data: Any,
    features: Sequence[str] | str | None = None,
    *,
    event: str = "event",
    by: str = "outlet",
    reference: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Outlets compared on the same story.

    Each article is set against the other coverage of its event: its value
    minus the event's mean (the mean over the event's articles, each outlet
    weighted by its articles), and, when a neutral reference article is given
    (such as the wire story of Lim et al. 2020), its value minus the
    reference's. Averaging these differences per outlet removes what the
    story itself contributes (a war story has more violence words in every
    outlet).

    Parameters
    ----------
    data : DataFrame or CorpusAnalysis
        One row per article with the event and outlet columns and features.
    features : list of str, optional
    event : str, default "event"
        The event or story id column.
    by : str, default "outlet"
    reference : DataFrame, optional
        Features of the reference article of each event, indexed by event id
        (the same feature columns). Ids are matched on their text, so the
        string ids of :func:`framing.analyze_corpus` match integer event ids.

    Returns
    -------
    DataFrame
        One row per (article, feature): ``id`` (the row index), ``<event>``,
        ``<by>``, ``feature``, ``value``, ``event_mean``, ``vs_event``
        (value - event_mean), ``n_event`` (articles on the event) and, with a
        reference, ``reference`` and ``vs_reference``.

    Examples
    --------
    >>> df = pd.DataFrame({"event": [1, 1, 2, 2], "outlet": ["L", "R", "L", "R"],
    ...                    "x__y": [2.0, 4.0, 10.0, 10.0]}, index=["a", "b", "c", "d"])
    >>> ref = pd.DataFrame({"x__y": [1.0, 10.0]}, index=[1, 2])
    >>> out = same_event(df, reference=ref)
    >>> out[["outlet", "vs_event", "vs_reference"]].values.tolist()
    [['L', -1.0, 1.0], ['R', 1.0, 3.0], ['L', 0.0, 0.0], ['R', 0.0, 0.0]]
    """
    frame = _as_frame(data, "same_event")
    names = _features(frame, features, "same_event")
    for col, param in ((event, "event"), (by, "by")):
        if col not in frame.columns:
            raise KeyError(f"The '{param}' parameter of same_event names a missing column: {col!r}.")
    index_name = frame.index.name or "id"
    long = (
        frame[[event, by, *names]].rename_axis(index_name).reset_index()
        .melt(id_vars=[index_name, event, by], value_vars=names, var_name="feature", value_name="value")
    )
    grouped = long.groupby([event, "feature"], sort=False)["value"]
    long["event_mean"] = grouped.transform("mean")
    long["vs_event"] = long["value"] - long["event_mean"]
    long["n_event"] = grouped.transform("count").astype(int)
    if reference is not None:
        missing = [f for f in names if f not in reference.columns]
        if missing:
            raise KeyError(f"The 'reference' table lacks the feature columns {missing}.")
        ref_long = reference[names].rename_axis(event).reset_index().melt(
            id_vars=[event], var_name="feature", value_name="reference")
        # event ids may come back as strings (analyze_corpus ids): match on their text
        ref_long["_event"] = ref_long.pop(event).astype(str)
        long["_event"] = long[event].astype(str)
        long = long.merge(ref_long, on=["_event", "feature"], how="left").drop(columns="_event")
        long["vs_reference"] = long["value"] - long["reference"]
    # melt is feature-major with the articles in input order; the left merge keeps it
    return long.reset_index(drop=True)


# ---------------------------------------------------------------------------
# sourcing


def sourcing(
    quotes: pd.DataFrame,
    articles: Any,
    *,
    by: str | pd.Series = "outlet",
    what: str = "speaker_category",
    weight: Literal["quotes", "words"] = "quotes",
    groups: Sequence[Any] | None = None,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    random_state: RandomState = 0,
    missing: str | None = "none",
) -> pd.DataFrame:
    """Who each outlet quotes, and how: shares of quotes per category.

    ``what="speaker_category"`` gives the source mix (government, expert,
    citizen, ...); ``what="cue_stance"`` gives the reporting-verb stance mix
    (neutral *said*, distancing *claimed*, ...). With ``weight="words"`` the
    share is of quoted words rather than of quotes: the share of voice.

    A group's share is the ratio of its articles' summed counts; the interval
    is a percentile bootstrap that resamples the group's articles (with all
    their quotes), because quotes of one article are not independent.

    Parameters
    ----------
    quotes : DataFrame
        The quotes table of :func:`framing.analyze_corpus`: ``id`` (article),
        ``text`` and the ``what`` column.
    articles : DataFrame or CorpusAnalysis
        One row per article indexed by article id, with the group column.
        Articles without quotes count in the group (they matter for the
        per-article rate ``per_article``).
    by : str or Series, default "outlet"
    what : str, default "speaker_category"
    weight : {"quotes", "words"}, default "quotes"
    groups : list, optional
    confidence : float, default 0.95
    n_resamples : int, default 2000
    random_state : int, Generator or None, default 0
    missing : str or None, default "none"
        Label for quotes whose ``what`` is missing (no speaker, no cue); None
        drops them.

    Returns
    -------
    DataFrame
        One row per (group, category): ``<by>``, ``<what>``, ``n_articles``,
        ``count`` (quotes or words), ``share``, ``ci_low``, ``ci_high``,
        ``per_article`` (count per article).

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": ["A", "A", "B"]}, index=["a1", "a2", "b1"])
    >>> qs = pd.DataFrame({"id": ["a1", "a1", "a2", "b1"], "text": ["x", "y", "z", "w"],
    ...                    "speaker_category": ["expert", "government", "expert", None]})
    >>> sourcing(qs, arts)[["outlet", "speaker_category", "count", "share"]]
      outlet speaker_category  count     share
    0      A           expert      2  0.666667
    1      A       government      1  0.333333
    2      A             none      0  0.000000
    3      B           expert      0  0.000000
    4      B       government      0  0.000000
    5      B             none      1  1.000000
    """
    frame = _as_frame(articles, "sourcing")
    labels = _groups(frame, by, "sourcing")
    if not isinstance(quotes, pd.DataFrame) or "id" not in quotes.columns or what not in quotes.columns:
        raise KeyError(
            f"sourcing expects the quotes table with columns 'id' and {what!r}. "
            f"Got {list(getattr(quotes, 'columns', []))} instead."
        )
    if weight not in ("quotes", "words"):
        raise ValueError(f"The 'weight' parameter must be 'quotes' or 'words'. Got {weight!r} instead.")
    _check_confidence(confidence)
    key: Any = by if isinstance(by, str) else (by.name or "group")
    q = quotes[quotes["id"].isin(frame.index)]
    cats = q[what].astype(object)
    if missing is None:
        keep = cats.notna().to_numpy()
        q, cats = q[keep], cats[keep]
    else:
        cats = cats.where(cats.notna(), missing)
    if weight == "words":
        if "text" not in q.columns:
            raise KeyError("weight='words' needs the quotes' 'text' column.")
        w = q["text"].fillna("").map(lambda s: len(_framing_tokens(s))).to_numpy(dtype=float)
    else:
        w = np.ones(len(q))
    categories = sorted(set(cats.tolist()), key=str)
    # per-article counts: articles x categories
    table = pd.DataFrame({"id": q["id"].to_numpy(), "cat": cats.to_numpy(), "w": w})
    counts = table.pivot_table(index="id", columns="cat", values="w", aggfunc="sum", fill_value=0.0)
    counts = counts.reindex(index=frame.index, columns=categories, fill_value=0.0).fillna(0.0)
    rng = _rng(random_state)
    alpha = (1.0 - confidence) / 2.0
    rows: list[dict[str, Any]] = []
    for g in _ordered_groups(labels, groups, 1):
        c = counts.to_numpy(dtype=float)[(labels == g).to_numpy()]
        n = c.shape[0]
        total = c.sum()
        weights = rng.multinomial(n, np.full(n, 1.0 / n), size=n_resamples).astype(float)
        boot = weights @ c
        with np.errstate(invalid="ignore", divide="ignore"), _quiet_nan():
            shares = boot / boot.sum(axis=1, keepdims=True)
            lo = np.nanquantile(shares, alpha, axis=0)
            hi = np.nanquantile(shares, 1.0 - alpha, axis=0)
        for j, cat in enumerate(categories):
            count = c[:, j].sum()
            rows.append({key: g, what: cat, "n_articles": n,
                         "count": int(count) if weight == "quotes" else count,
                         "share": count / total if total else np.nan,
                         "ci_low": lo[j], "ci_high": hi[j], "per_article": count / n})
    return pd.DataFrame(rows, columns=[key, what, "n_articles", "count", "share", "ci_low", "ci_high", "per_article"])


# ---------------------------------------------------------------------------
# everything at once


@dataclass(frozen=True)
class OutletComparison:
    """The result of :func:`compare_outlets`: tidy tables.

    Attributes
    ----------
    summary : DataFrame
        :func:`summarize` output (group, feature, n, mean, median, CI).
    tests : DataFrame
        :func:`pairwise_tests` output.
    sources, stances : DataFrame or None
        :func:`sourcing` by speaker category (share of quotes) and by cue
        stance, when a quotes table was available.
    groups : list
        The groups compared, largest first.
    """

    summary: pd.DataFrame
    tests: pd.DataFrame
    sources: pd.DataFrame | None = None
    stances: pd.DataFrame | None = None
    groups: list[Any] = field(default_factory=list)

    def significant(self) -> pd.DataFrame:
        """The tests that pass the false-discovery-rate threshold, largest |d| first."""
        if self.tests.empty:
            return self.tests
        t = self.tests[self.tests["significant"].astype(bool)]
        return t.reindex(t["cohens_d"].abs().sort_values(ascending=False).index)


def compare_outlets(
    corpus_or_features: CorpusAnalysis | pd.DataFrame,
    by: str | pd.Series = "outlet",
    features: Sequence[str] | str | None = None,
    *,
    quotes: pd.DataFrame | None = None,
    groups: Sequence[Any] | None = None,
    min_articles: int = 5,
    max_groups: int | None = None,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    n_permutations: int = 1999,
    alpha: float = 0.05,
    random_state: RandomState = 0,
) -> OutletComparison:
    """Compare outlets in one call: summaries with intervals, pairwise tests, sourcing.

    Parameters
    ----------
    corpus_or_features : CorpusAnalysis or DataFrame
        The result of :func:`framing.analyze_corpus` (its quotes table is used
        for the sourcing tables) or a feature table with the group column.
    by : str or Series, default "outlet"
    features : list of str, optional
        Default: :func:`default_features` (rates and shares).
    quotes : DataFrame, optional
        A quotes table, when ``corpus_or_features`` is a plain DataFrame.
    groups : list, optional
        The groups to compare. Default: those with at least ``min_articles``
        articles, largest first, at most ``max_groups`` of them.
    min_articles : int, default 5
    max_groups : int, optional
    confidence, n_resamples, n_permutations, alpha, random_state
        As in :func:`summarize` and :func:`pairwise_tests`.

    Returns
    -------
    OutletComparison

    Examples
    --------
    >>> df = pd.DataFrame({"outlet": ["A"] * 5 + ["B"] * 5,
    ...                    "x__y": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0]})
    >>> result = compare_outlets(df)
    >>> result.groups
    ['A', 'B']
    >>> round(float(result.tests.loc[0, "p_value"]), 4)
    0.0079
    """
    frame = _as_frame(corpus_or_features, "compare_outlets")
    if quotes is None:
        quotes = getattr(corpus_or_features, "quotes", None)
    if "error" in frame.columns:
        bad = frame["error"].notna()
        if bad.any():
            logger.info("compare_outlets: leaving out %d article(s) with errors", int(bad.sum()))
            frame = frame[~bad]
    labels = _groups(frame, by, "compare_outlets")
    chosen = _ordered_groups(labels, groups, min_articles)
    if groups is None and max_groups is not None:
        chosen = chosen[:max_groups]
    if len(chosen) < 1:
        raise ValueError(f"compare_outlets found no group with at least {min_articles} articles.")
    names = _features(frame, features, "compare_outlets")
    rng = _rng(random_state)
    summary = summarize(frame, names, by=labels, groups=chosen, confidence=confidence,
                        n_resamples=n_resamples, random_state=rng)
    tests = pairwise_tests(frame, names, by=labels, groups=chosen, n_permutations=n_permutations,
                           alpha=alpha, random_state=rng)
    key: Any = by if isinstance(by, str) else (by.name or "group")
    summary = summary.rename(columns={summary.columns[0]: key})
    sources = stances = None
    if isinstance(quotes, pd.DataFrame) and "id" in quotes.columns:
        kept = frame[labels.isin(chosen).to_numpy()]
        klabels = labels[labels.isin(chosen)]
        common = dict(by=klabels, groups=chosen, confidence=confidence, n_resamples=n_resamples,
                      random_state=rng)
        if "speaker_category" in quotes.columns:
            sources = sourcing(quotes, kept, what="speaker_category", **common)  # type: ignore[arg-type]
            sources = sources.rename(columns={sources.columns[0]: key})
        if "cue_stance" in quotes.columns:
            stances = sourcing(quotes, kept, what="cue_stance", missing=None, **common)  # type: ignore[arg-type]
            stances = stances.rename(columns={stances.columns[0]: key})
    return OutletComparison(summary, tests, sources, stances, list(chosen))
