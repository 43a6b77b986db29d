"""Per-outlet summaries and tests, and the whole comparison in one call.

* :func:`summarize` -- per group and feature: n, mean, median, bootstrap CI.
* :func:`pairwise_tests` -- per pair of groups and feature: difference of
  means, Cohen's d, Cliff's delta, permutation p-value and Benjamini-Hochberg
  adjusted p-value.
* :func:`compare_outlets` -- summaries, tests, sourcing tables and the tone
  toward the top actors (:func:`~framing.compare.actors.actor_tone`) at
  once, as an :class:`OutletComparison`.

The unit of resampling is the article (:mod:`framing.compare`).
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ._input import (
    _as_frame,
    _features,
    _groups,
    _is_not_measured,
    _not_measured,
    _ordered_groups,
    _quiet_nan,
)
from .actors import actor_tone
from .sourcing import sourcing
from .stats import (
    RandomState,
    _check_confidence,
    _check_positive,
    _rng,
    benjamini_hochberg,
    bootstrap_means,
    cliffs_delta,
    cohens_d,
    percentile_interval,
    permutation_test,
)

if TYPE_CHECKING:
    from ..pipeline import CorpusAnalysis

__all__ = ["OutletComparison", "compare_outlets", "count_not_english", "describe_excluded", "pairwise_tests",
           "summarize"]

logger = logging.getLogger(__name__)


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
    rows: list[dict[str, Any]] = []
    for g in _ordered_groups(labels, groups, min_articles):
        x = frame.loc[(labels == g).to_numpy(), names].to_numpy(dtype=float)
        lo, hi = percentile_interval(bootstrap_means(x, n_resamples=n_resamples, random_state=rng), confidence)
        with np.errstate(invalid="ignore"), _quiet_nan():
            mean = np.nanmean(x, axis=0)
            median = np.nanmedian(x, axis=0)
            std = np.nanstd(x, axis=0, ddof=1) if x.shape[0] > 1 else np.full(len(names), np.nan)
        n = (~np.isnan(x)).sum(axis=0)
        for j, name in enumerate(names):
            rows.append({key: g, "feature": name, "n": int(n[j]), "mean": mean[j],
                         "median": median[j], "std": std[j], "ci_low": lo[j], "ci_high": hi[j]})
    return pd.DataFrame(rows, columns=[key, "feature", "n", "mean", "median", "std", "ci_low", "ci_high"])



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
    excluded : DataFrame
        The articles left out of every table because their features are not
        measured (a language other than English), counted per group and
        language: ``<by>``, ``language``, ``n``. Empty when none were.
    actors : DataFrame or None
        :func:`~framing.compare.actors.actor_tone` output (tone toward the
        most mentioned actors, per group), when an entities table with tone
        was available.
    """

    summary: pd.DataFrame
    tests: pd.DataFrame
    sources: pd.DataFrame | None = None
    stances: pd.DataFrame | None = None
    groups: list[Any] = field(default_factory=list)
    excluded: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["group", "language", "n"]))
    actors: pd.DataFrame | None = None

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
    entities: pd.DataFrame | None = None,
    top_actors: int = 10,
    groups: Sequence[Any] | None = None,
    min_articles: int = 5,
    max_groups: int | None = None,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    n_permutations: int = 1999,
    alpha: float = 0.05,
    random_state: RandomState = 0,
) -> OutletComparison:
    """Compare outlets in one call: summaries with intervals, pairwise tests, sourcing, actor tone.

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
    entities : DataFrame, optional
        An entities table (with ``tone``), when ``corpus_or_features`` is a
        plain DataFrame: gives ``actors``.
    top_actors : int, default 10
        Actors in the ``actors`` table (:func:`~framing.compare.actors.actor_tone`).
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
    key: Any = by if isinstance(by, str) else (by.name or "group")
    if entities is None:
        entities = getattr(corpus_or_features, "entities", None)
    labels = _groups(frame, by, "compare_outlets")
    keep = (frame["error"].isna().to_numpy(dtype=bool) if "error" in frame.columns
            else np.ones(len(frame), dtype=bool))
    if not keep.all():
        logger.info("compare_outlets: leaving out %d article(s) with errors", int((~keep).sum()))
    foreign = _not_measured(frame) & keep
    excluded = count_not_english(labels[foreign], frame.loc[foreign, "language"] if foreign.any() else [],
                                 key=key)
    if foreign.any():
        logger.info("compare_outlets: leaving out %d article(s) not in English (features not measured): %s",
                    int(foreign.sum()), describe_excluded(excluded))
        keep = keep & ~foreign
    frame, labels = frame[keep], labels[keep]  # by position: ids may repeat
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
    actors = None
    if isinstance(entities, pd.DataFrame) and {"id", "text", "n_mentions", "tone", "kind"} <= set(entities.columns):
        kept = frame[labels.isin(chosen).to_numpy()]
        actors = actor_tone(kept, entities=entities, by=labels[labels.isin(chosen)], top=top_actors,
                            groups=chosen, confidence=confidence, n_resamples=n_resamples, random_state=rng)
        actors = actors.rename(columns={actors.columns[1]: key})
    return OutletComparison(summary, tests, sources, stances, list(chosen), excluded, actors)


def count_not_english(labels: Sequence[Any] | pd.Series, languages: Sequence[Any] | pd.Series, *,
                      key: Any = None) -> pd.DataFrame:
    """How many articles per group have features that are not measured (not in English), by language.

    The articles :func:`compare_outlets` leaves out: those whose language
    gets a warning from :func:`framing.readers.language_warning` (their
    lexicon, quote and tone features are NaN, not zeros).

    Parameters
    ----------
    labels : sequence or Series
        The group of each article.
    languages : sequence or Series
        The ISO 639 code of each article (the ``language`` column of the
        feature table), None where unknown.
    key : str, optional
        The name of the group column. Default: the name of ``labels``, else
        ``"group"``.

    Returns
    -------
    DataFrame
        One row per (group, language) with at least one such article:
        ``<key>``, ``language``, ``n``; the groups with most first.

    Examples
    --------
    >>> count_not_english(["A", "A", "B", "B"], ["de", "en", "es", "und"], key="outlet")
      outlet language  n
    0      A       de  1
    1      B       es  1
    """
    if key is None:
        key = getattr(labels, "name", None) or "group"
    group_of = np.asarray(labels, dtype=object)
    language_of = np.asarray(languages, dtype=object)
    if len(group_of) != len(language_of):
        raise ValueError(f"count_not_english needs one language per label. Got {len(group_of)} labels and "
                         f"{len(language_of)} languages instead.")
    flagged = np.asarray([_is_not_measured(v) for v in language_of], dtype=bool)
    if not flagged.any():
        return pd.DataFrame(columns=[key, "language", "n"])
    pairs = pd.DataFrame({"g": group_of[flagged], "language": language_of[flagged]})
    counts = pairs.groupby(["g", "language"], dropna=False, sort=False).size().rename("n").reset_index()
    totals = counts.groupby("g", dropna=False, sort=False)["n"].transform("sum")
    order = sorted(range(len(counts)), key=lambda i: (-int(totals.iloc[i]), str(counts["g"].iloc[i]),
                                                      -int(counts["n"].iloc[i]), str(counts["language"].iloc[i])))
    out = counts.iloc[order].reset_index(drop=True)
    out.columns = [key, "language", "n"]
    return out


def describe_excluded(excluded: pd.DataFrame) -> str:
    """The left-out articles of :attr:`OutletComparison.excluded` in words, per group.

    Examples
    --------
    >>> table = pd.DataFrame({"outlet": ["A", "A", "B"], "language": ["de", "es", "de"], "n": [2, 1, 1]})
    >>> describe_excluded(table)
    'A: 3 (de: 2, es: 1); B: 1 (de: 1)'
    >>> describe_excluded(table.iloc[:0])
    'none'
    """
    if excluded.empty:
        return "none"
    parts = []
    for group, rows in excluded.groupby(excluded.iloc[:, 0], dropna=False, sort=False):
        langs = ", ".join(f"{lang}: {int(n)}" for lang, n in zip(rows.iloc[:, 1], rows.iloc[:, 2]))
        name: str = "(no group)" if pd.isna(group) else str(group)
        parts.append(f"{name}: {int(rows.iloc[:, 2].sum())} ({langs})")
    return "; ".join(parts)
