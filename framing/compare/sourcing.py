"""Who each outlet quotes, and how: shares of sources and cue stances.

:func:`sourcing` turns the quotes table into per-group shares of speaker
categories (the source mix, or share of voice) or of reporting-verb stances,
with intervals that resample articles.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd

from ._input import _as_frame, _groups, _ordered_groups, _quiet_nan
from .stats import RandomState, _check_confidence, _rng
from .words import _framing_tokens

__all__ = ["sourcing"]


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

