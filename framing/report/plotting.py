"""Plots of outlet comparisons (matplotlib; the ``plot`` extra).

Every function takes a tidy frame from :mod:`framing.compare`, draws on the
given ``ax`` (or a new figure's axes), and returns the Axes. Nothing here
calls ``show()``: the caller (a notebook, the report) decides what to do
with the figure.

* :func:`plot_outlet_scores` -- one feature's means with confidence intervals.
* :func:`plot_profile_heatmap` -- features x outlets (frames, moral foundations).
* :func:`plot_log_odds` -- the most distinctive words of two groups.
* :func:`plot_source_composition` -- who each outlet quotes (stacked shares).
* :func:`plot_cue_stance` -- how each outlet attributes (cue stance shares).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = [
    "plot_cue_stance",
    "plot_log_odds",
    "plot_outlet_scores",
    "plot_profile_heatmap",
    "plot_source_composition",
]

_COLOURS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#1f77b4", "#17becf",
)
_STANCE_ORDER = ("neutral", "endorsing", "distancing", "contesting", "emotive")
_STANCE_COLOURS = {"neutral": "#9ca3af", "endorsing": "#15803d", "distancing": "#d97706",
                   "contesting": "#b91c1c", "emotive": "#7c3aed"}


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=size)
    return new


def _need(frame: Any, columns: Sequence[str], caller: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"{caller} expects a DataFrame. Got {type(frame).__name__} instead.")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise KeyError(f"{caller} expects the columns {list(columns)}; missing {missing}. "
                       f"Got {list(frame.columns)}.")


def _group_column(frame: pd.DataFrame, by: str | None, known: Sequence[str]) -> str:
    if by is not None:
        _need(frame, [by], "plot")
        return by
    for c in frame.columns:
        if c not in known:
            return str(c)
    raise KeyError("Could not tell which column holds the groups; pass by=...")


def _text(value: object) -> str:
    """A data string shown literally: ``$`` would otherwise start matplotlib mathtext."""
    return str(value).replace("$", r"\$")


def _label(feature: str) -> str:
    return _text(feature.replace("__", ": ").replace("_", " "))


def plot_outlet_scores(
    summary: pd.DataFrame,
    feature: str | None = None,
    *,
    by: str | None = None,
    sort: bool = True,
    ax: Axes | None = None,
) -> Axes:
    """One feature's mean per outlet with its confidence interval.

    Parameters
    ----------
    summary : DataFrame
        :func:`framing.compare.summarize` output (``feature``, ``mean``,
        ``ci_low``, ``ci_high`` and the group column).
    feature : str, optional
        Needed when the summary holds several features.
    by : str, optional
        The group column (default: the first column that is not a summary column).
    sort : bool, default True
        Order outlets by mean (highest at the top).
    ax : Axes, optional

    Returns
    -------
    Axes
        One point per outlet (``ax.lines[0]``) with horizontal error bars
        from ``ci_low`` to ``ci_high``; y tick labels are the outlets.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> s = pd.DataFrame({"outlet": ["A", "B"], "feature": ["x__y", "x__y"], "mean": [1.0, 2.0],
    ...                   "ci_low": [0.5, 1.5], "ci_high": [1.5, 2.5]})
    >>> ax = plot_outlet_scores(s)
    >>> [t.get_text() for t in ax.get_yticklabels()]
    ['A', 'B']
    """
    _need(summary, ["feature", "mean", "ci_low", "ci_high"], "plot_outlet_scores")
    feats = summary["feature"].unique().tolist()
    if feature is None:
        if len(feats) != 1:
            raise ValueError(f"The summary holds {len(feats)} features; pass feature=... (one of {feats[:6]}...).")
        feature = feats[0]
    elif feature not in feats:
        raise ValueError(f"The 'feature' parameter must be one of the summary's features. Got {feature!r}.")
    col = _group_column(summary, by, ["feature", "n", "mean", "median", "std", "ci_low", "ci_high"])
    data = summary[summary["feature"] == feature]
    if sort:
        data = data.sort_values("mean", kind="mergesort")
    ax = _axes(ax, (6.0, 0.4 * len(data) + 1.2))
    y = np.arange(len(data))
    mean = data["mean"].to_numpy(dtype=float)
    err = np.vstack([mean - data["ci_low"].to_numpy(dtype=float), data["ci_high"].to_numpy(dtype=float) - mean])
    ax.errorbar(mean, y, xerr=err, fmt="o", color="#4e79a7", ecolor="#4e79a7", capsize=3)
    ax.set_yticks(y)
    ax.set_yticklabels([_text(v) for v in data[col]])
    ax.set_xlabel(_label(feature))
    ax.grid(axis="x", alpha=0.3)
    if "n" in data.columns:
        ax.set_title(f"{_label(feature)}: mean and 95% interval (n = {int(data['n'].min())}-{int(data['n'].max())} articles)"
                     if len(data) else _label(feature), fontsize=9)
    return ax


def _not_significant(table_lo: np.ndarray, table_hi: np.ndarray, pooled: np.ndarray) -> np.ndarray:
    """Cells whose interval includes the pooled mean of their column (True), or that have no interval."""
    with np.errstate(invalid="ignore"):
        inside = (table_lo <= pooled) & (pooled <= table_hi)
    return inside | ~np.isfinite(table_lo) | ~np.isfinite(table_hi)


def _pooled_means(summary: pd.DataFrame, col: str, groups: list[Any], feats: list[str]) -> np.ndarray:
    """Per feature: the mean over every article of the groups shown (group means weighted by n)."""
    means = _pivot(summary, col, "mean", groups, feats)
    if "n" not in summary.columns:
        return np.nanmean(means, axis=0)
    n = _pivot(summary, col, "n", groups, feats)
    with np.errstate(invalid="ignore", divide="ignore"):
        w = np.where(np.isfinite(means) & np.isfinite(n), n, 0.0)
        return np.nansum(np.nan_to_num(means) * w, axis=0) / w.sum(axis=0)


def _pivot(summary: pd.DataFrame, col: str, value: str, groups: list[Any], feats: list[str]) -> np.ndarray:
    table = summary.pivot_table(index=col, columns="feature", values=value, aggfunc="first", sort=False)
    return table.reindex(index=groups, columns=feats).to_numpy(dtype=float)


def _text_colour(rgba: Any) -> str:
    """White on dark cells, black on light ones (relative luminance of the cell colour)."""
    r, g, b = rgba[:3]
    return "white" if 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.45 else "black"


_GREY = "#e5e7eb"

_NOT_SIGNIFICANT_LABEL = "grey, hatched: 95% interval includes the mean of all articles shown"
"""The legend entry of the cells that show no evidence of a difference."""


def plot_profile_heatmap(
    summary: pd.DataFrame,
    features: Sequence[str] | None = None,
    *,
    by: str | None = None,
    value: str = "mean",
    scale: Literal["none", "zscore"] = "none",
    annotate: bool | None = None,
    mark: bool | None = None,
    ax: Axes | None = None,
) -> Axes:
    """A heatmap of feature profiles: one row per outlet, one column per feature.

    Colour alone would show contrasts the statistics reject, so when the
    summary has intervals (``ci_low``, ``ci_high``), a cell whose interval
    includes the pooled mean of its column (the mean over all articles of
    the outlets shown) is drawn grey and hatched, and the legend says so;
    the colours are kept for the cells whose interval excludes it. Each
    annotated cell shows its value and its ``n`` (articles), in white on
    dark cells.

    Parameters
    ----------
    summary : DataFrame
        :func:`framing.compare.summarize` output.
    features : list of str, optional
        Columns of the heatmap, in order. Default: every feature of the summary.
    by : str, optional
    value : str, default "mean"
    scale : {"none", "zscore"}, default "none"
        ``"zscore"`` standardises each feature across outlets, so frames with
        very different base rates can share one colour scale.
    annotate : bool, optional
        Write the values (and ``n``) in the cells (default: when there are
        at most 150 cells).
    mark : bool, optional
        Grey and hatch the cells whose interval includes the pooled mean
        (default: when the summary has ``ci_low`` and ``ci_high``).
    ax : Axes, optional

    Returns
    -------
    Axes
        ``ax.images[0].get_array()`` holds the (outlets x features) values;
        ``ax.patches`` are the grey hatched cells drawn over it.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> s = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "feature": ["f__a", "f__b"] * 2,
    ...                   "mean": [1.0, 2.0, 3.0, 4.0]})
    >>> plot_profile_heatmap(s).images[0].get_array().tolist()
    [[1.0, 2.0], [3.0, 4.0]]
    >>> s["n"] = 10
    >>> s["ci_low"], s["ci_high"] = s["mean"] - [0.5, 3.0, 0.5, 3.0], s["mean"] + [0.5, 3.0, 0.5, 3.0]
    >>> ax = plot_profile_heatmap(s)
    >>> [(float(p.get_x()), float(p.get_y())) for p in ax.patches]  # f__b: both intervals include 3.0
    [(0.5, -0.5), (0.5, 0.5)]
    >>> [t.get_text() for t in ax.texts][:2]
    ['1\\nn = 10', '2\\nn = 10']
    """
    _need(summary, ["feature", value], "plot_profile_heatmap")
    if scale not in ("none", "zscore"):
        raise ValueError(f"The 'scale' parameter must be 'none' or 'zscore'. Got {scale!r} instead.")
    col = _group_column(summary, by, ["feature", "n", "mean", "median", "std", "ci_low", "ci_high"])
    feats = list(features) if features is not None else summary["feature"].unique().tolist()
    groups = summary[col].unique().tolist()
    values = _pivot(summary, col, value, groups, feats)
    raw = values
    if scale == "zscore":
        with np.errstate(invalid="ignore", divide="ignore"):
            sd = values.std(axis=0, ddof=0)
            values = np.where(sd > 0, (values - values.mean(axis=0)) / np.where(sd > 0, sd, 1.0), 0.0)
    has_ci = {"ci_low", "ci_high"} <= set(summary.columns)
    if mark is None:
        mark = has_ci
    if mark and not has_ci:
        raise ValueError("The 'mark' parameter needs a summary with 'ci_low' and 'ci_high' columns "
                         f"(framing.compare.summarize). Got the columns {list(summary.columns)}.")
    grey = np.zeros(values.shape, dtype=bool)
    if mark:
        pooled = _pooled_means(summary, col, groups, feats)
        grey = _not_significant(_pivot(summary, col, "ci_low", groups, feats),
                                _pivot(summary, col, "ci_high", groups, feats), pooled)
        grey &= np.isfinite(raw)
    counts = _pivot(summary, col, "n", groups, feats) if "n" in summary.columns else None
    ax = _axes(ax, (0.5 * len(feats) + 3.0, 0.4 * len(groups) + 2.0))
    import matplotlib as mpl
    from matplotlib.patches import Patch, Rectangle

    cmap = mpl.colormaps["RdBu_r" if scale == "zscore" else "viridis"]
    kwargs: dict[str, Any] = {"vmin": -2.5, "vmax": 2.5} if scale == "zscore" else {}
    image = ax.imshow(values, aspect="auto", cmap=cmap, **kwargs)
    for i, j in zip(*np.nonzero(grey)):  # grey over the colour: the colour would claim a difference
        ax.add_patch(Rectangle((j - 0.5, i - 0.5), 1.0, 1.0, facecolor=_GREY, hatch="///",
                               edgecolor="#9ca3af", linewidth=0.0))
    ax.set_xticks(np.arange(len(feats)))
    ax.set_xticklabels([_text(f.split("__", 1)[-1].replace("_", " ")) for f in feats], rotation=60, ha="right")
    ax.set_yticks(np.arange(len(groups)))
    ax.set_yticklabels([_text(g) for g in groups])
    if annotate is None:
        annotate = values.size <= 150
    if annotate:
        for i in range(values.shape[0]):
            for j in range(values.shape[1]):
                if not np.isfinite(values[i, j]):
                    continue
                label = f"{values[i, j]:.2g}"
                if counts is not None and np.isfinite(counts[i, j]):
                    label += f"\nn = {int(counts[i, j])}"
                colour = "#374151" if grey[i, j] else _text_colour(image.cmap(image.norm(values[i, j])))
                ax.text(j, i, label, ha="center", va="center", fontsize=6.5, color=colour, linespacing=1.1)
    ax.figure.colorbar(image, ax=ax, label="z-score across outlets" if scale == "zscore" else value)
    if mark:
        ax.legend(handles=[Patch(facecolor=_GREY, edgecolor="#9ca3af", hatch="///",
                                 label=_NOT_SIGNIFICANT_LABEL)],
                  loc="lower left", bbox_to_anchor=(0.0, 1.01), fontsize=7, frameon=False)
    return ax


def plot_log_odds(
    words: pd.DataFrame,
    *,
    n: int = 15,
    ax: Axes | None = None,
) -> Axes:
    """The most distinctive words of each group: horizontal bars of z-scores.

    Parameters
    ----------
    words : DataFrame
        :func:`framing.compare.distinctive_words` output (``term``, ``z``,
        ``favours``).
    n : int, default 15
        Words shown per side (the n highest and the n lowest z).
    ax : Axes, optional

    Returns
    -------
    Axes
        One bar per word (``ax.patches``), y tick labels are the words, bar
        widths the z-scores.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> w = pd.DataFrame({"term": ["tax", "relief", "rich"], "z": [2.5, 1.0, -3.0],
    ...                   "favours": ["A", "A", "B"]})
    >>> ax = plot_log_odds(w, n=1)
    >>> [t.get_text() for t in ax.get_yticklabels()], [float(p.get_width()) for p in ax.patches]
    (['rich', 'tax'], [-3.0, 2.5])
    """
    _need(words, ["term", "z"], "plot_log_odds")
    if not isinstance(n, (int, np.integer)) or n < 1:
        raise ValueError(f"The 'n' parameter must be a positive int. Got {n!r} instead.")
    pos = words[words["z"] > 0].nlargest(n, "z")
    neg = words[words["z"] < 0].nsmallest(n, "z")
    data = pd.concat([neg, pos]).sort_values("z", kind="mergesort")
    ax = _axes(ax, (6.0, 0.28 * len(data) + 1.2))
    z = data["z"].to_numpy(dtype=float)
    y = np.arange(len(data))
    ax.barh(y, z, color=np.where(z >= 0, "#4e79a7", "#e15759").tolist())
    ax.set_yticks(y)
    ax.set_yticklabels([_text(t) for t in data["term"]])
    ax.axvline(0.0, color="black", linewidth=0.8)
    ax.set_xlabel("z-score of the log-odds ratio (informative Dirichlet prior)")
    if "favours" in data.columns and len(data):
        left = data.loc[data["z"] < 0, "favours"]
        right = data.loc[data["z"] > 0, "favours"]
        parts = []
        if len(left):
            parts.append(f"\u2190 {_text(left.iloc[0])}")
        if len(right):
            parts.append(f"{_text(right.iloc[0])} \u2192")
        ax.set_title("   ".join(parts), fontsize=9)
    return ax


def _stacked(
    shares: pd.DataFrame,
    category: str,
    by: str | None,
    order: Sequence[str] | None,
    colours: dict[str, str] | None,
    ax: Axes | None,
    caller: str,
    xlabel: str,
) -> Axes:
    _need(shares, [category, "share"], caller)
    col = _group_column(shares, by, [category, "n_articles", "count", "share", "ci_low", "ci_high", "per_article"])
    groups = shares[col].unique().tolist()
    cats = shares[category].astype(str).unique().tolist()
    if order is not None:
        cats = [c for c in order if c in cats] + [c for c in cats if c not in order]
    table = shares.assign(**{category: shares[category].astype(str)}).pivot_table(
        index=col, columns=category, values="share", aggfunc="first", sort=False)
    table = table.reindex(index=groups, columns=cats).fillna(0.0)
    ax = _axes(ax, (7.0, 0.4 * len(groups) + 1.5))
    y = np.arange(len(groups))
    left = np.zeros(len(groups))
    for k, cat in enumerate(cats):
        width = table[cat].to_numpy(dtype=float)
        colour = (colours or {}).get(cat, _COLOURS[k % len(_COLOURS)])
        ax.barh(y, width, left=left, color=colour, label=_text(cat), edgecolor="white", linewidth=0.5)
        left += width
    ax.set_yticks(y)
    ax.set_yticklabels([_text(g) for g in groups])
    ax.invert_yaxis()
    ax.set_xlim(0.0, 1.0)
    ax.set_xlabel(xlabel)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    return ax


def plot_source_composition(
    sources: pd.DataFrame,
    *,
    by: str | None = None,
    category: str = "speaker_category",
    ax: Axes | None = None,
) -> Axes:
    """Who each outlet quotes: stacked shares of source categories.

    Parameters
    ----------
    sources : DataFrame
        :func:`framing.compare.sourcing` output with ``what="speaker_category"``.
    by : str, optional
    category : str, default "speaker_category"
    ax : Axes, optional

    Returns
    -------
    Axes
        One bar segment per (outlet, category) in ``ax.patches``, category by
        category; each outlet's segments add up to 1; the legend names the
        categories.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> s = pd.DataFrame({"outlet": ["A", "A", "B", "B"], "speaker_category": ["expert", "government"] * 2,
    ...                   "share": [0.25, 0.75, 0.5, 0.5]})
    >>> [float(p.get_width()) for p in plot_source_composition(s).patches]
    [0.25, 0.5, 0.75, 0.5]
    """
    return _stacked(sources, category, by, None, None, ax, "plot_source_composition",
                    "share of quotes by source category")


def plot_cue_stance(
    stances: pd.DataFrame,
    *,
    by: str | None = None,
    category: str = "cue_stance",
    ax: Axes | None = None,
) -> Axes:
    """How each outlet attributes: stacked shares of reporting-verb stances.

    Parameters
    ----------
    stances : DataFrame
        :func:`framing.compare.sourcing` output with ``what="cue_stance"``.
    by : str, optional
    category : str, default "cue_stance"
    ax : Axes, optional

    Returns
    -------
    Axes
        Segments in the order neutral, endorsing, distancing, contesting,
        emotive (then any other stance).

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> s = pd.DataFrame({"outlet": ["A", "A"], "cue_stance": ["distancing", "neutral"],
    ...                   "share": [0.2, 0.8]})
    >>> [round(float(p.get_width()), 6) for p in plot_cue_stance(s).patches]
    [0.8, 0.2]
    """
    return _stacked(stances, category, by, _STANCE_ORDER, _STANCE_COLOURS, ax, "plot_cue_stance",
                    "share of attributed quotes by cue stance")
