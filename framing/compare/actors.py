"""How each outlet speaks of the most mentioned actors: tone toward them, with intervals.

:func:`actor_tone` reads the entities table of :func:`framing.analyze_corpus`
(one row per entity of each article, with the tone toward it, from
:mod:`framing.tone.entities`) and gives, for each of the ``top`` actors and
each group, the mean over the group's articles that mention the actor of the
article's tone toward it, with a percentile bootstrap interval that
resamples those articles (an article's mentions are not independent).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from ._input import _as_frame, _groups, _ordered_groups, _quiet_nan
from .stats import (
    RandomState,
    _check_confidence,
    _check_positive,
    _rng,
    bootstrap_means,
    percentile_interval,
)

__all__ = ["actor_tone"]

_COLUMNS = ["actor", "n_articles", "n_mentions", "tone", "ci_low", "ci_high", "negative_share",
            "positive_share"]


def actor_tone(
    corpus: Any,
    *,
    entities: pd.DataFrame | None = None,
    by: str | pd.Series = "outlet",
    top: int = 10,
    actors: Sequence[str] | None = None,
    kinds: Sequence[str] | None = ("person", "org", "group", "place"),
    groups: Sequence[Any] | None = None,
    min_articles: int = 1,
    confidence: float = 0.95,
    n_resamples: int = 2000,
    random_state: RandomState = 0,
) -> pd.DataFrame:
    """The tone toward the most mentioned actors, per group, with bootstrap intervals.

    An actor is an entity name (``text`` in the entities table: the fullest
    name the article gives, "Donald Trump"); the ``top`` actors are those
    mentioned in the most articles across the groups compared. For each actor
    and group, each article that mentions the actor contributes one value:
    its tone toward the actor (the mean over the actor's entities in it,
    weighted by their mentions). ``tone`` is the mean of those values over the
    group's articles; the interval resamples the articles.

    Parameters
    ----------
    corpus : CorpusAnalysis or DataFrame
        The result of :func:`framing.analyze_corpus`, or a feature table (one
        row per article, indexed by id, with the group column); then pass
        ``entities``.
    entities : DataFrame, optional
        The entities table (``id``, ``text``, ``n_mentions``, ``tone``, and
        ``kind`` when ``kinds`` is given). Default: ``corpus.entities``.
    by : str or Series, default "outlet"
    top : int, default 10
        How many actors, most articles first (ties by name).
    actors : list of str, optional
        These actors instead of the ``top`` ones, in this order.
    kinds : list of str or None, default ("person", "org", "group", "place")
        Entity kinds kept; None keeps all. Countries and cities that no
        speaker is have kind ``"place"``.
    groups : list, optional
        Default: every group with at least ``min_articles`` articles, largest first.
    min_articles : int, default 1
    confidence : float, default 0.95
    n_resamples : int, default 2000
    random_state : int, Generator or None, default 0

    Returns
    -------
    DataFrame
        One row per (actor, group), actors in rank order: ``actor``, ``<by>``,
        ``n_articles`` (the group's articles that mention the actor with a
        tone), ``n_mentions``, ``tone`` (in ``[-1, 1]``; NaN when no article
        of the group mentions it), ``ci_low``, ``ci_high``, ``negative_share``
        and ``positive_share`` (of those articles whose tone toward the actor
        is below -0.05 or above 0.05).

    Raises
    ------
    KeyError
        When the entities table lacks a needed column.
    ValueError
        When ``top`` is not a positive int.

    Examples
    --------
    >>> arts = pd.DataFrame({"outlet": ["A", "A", "B"]}, index=["a1", "a2", "b1"])
    >>> ents = pd.DataFrame({"id": ["a1", "a2", "b1", "b1"], "text": ["Smith", "Smith", "Smith", "Jones"],
    ...                      "kind": "person", "n_mentions": [1, 2, 1, 1], "tone": [0.5, 0.1, -0.4, 0.2]})
    >>> actor_tone(arts, entities=ents, top=1)[["actor", "outlet", "n_articles", "tone"]]
       actor outlet  n_articles  tone
    0  Smith      A           2   0.3
    1  Smith      B           1  -0.4
    """
    frame = _as_frame(corpus, "actor_tone")
    if entities is None:
        entities = getattr(corpus, "entities", None)
    needed = ["id", "text", "n_mentions", "tone", *(["kind"] if kinds is not None else [])]
    if not isinstance(entities, pd.DataFrame) or any(c not in entities.columns for c in needed):
        raise KeyError(
            f"actor_tone expects the entities table of analyze_corpus with columns {needed}. "
            f"Got {list(getattr(entities, 'columns', [])) if entities is not None else None} instead."
        )
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ValueError(f"The 'top' parameter of actor_tone must be a positive int. Got {top!r} instead.")
    _check_confidence(confidence)
    _check_positive("n_resamples", n_resamples)
    labels = _groups(frame, by, "actor_tone")
    key: Any = by if isinstance(by, str) else (by.name or "group")
    chosen = _ordered_groups(labels, groups, min_articles)
    group_of = pd.Series(labels.to_numpy(), index=frame.index)
    group_of = group_of[~group_of.index.duplicated()]
    e = entities[entities["id"].isin(group_of.index) & entities["tone"].notna()]
    if kinds is not None:
        e = e[e["kind"].isin(list(kinds))]
    e = e.assign(group=e["id"].map(group_of))
    e = e[e["group"].isin(chosen)]
    # one value per (actor, article): the mention-weighted mean of its entities' tone
    w = e["n_mentions"].clip(lower=1).astype(float)
    per = (e.assign(w=w, wt=w * e["tone"].astype(float))
           .groupby(["text", "id"], sort=False)
           .agg(group=("group", "first"), n_mentions=("n_mentions", "sum"), w=("w", "sum"), wt=("wt", "sum")))
    per["value"] = per["wt"] / per["w"]
    if actors is None:
        reach = per.reset_index().groupby("text")["id"].nunique()
        ranked = sorted(reach.items(), key=lambda kv: (-kv[1], str(kv[0])))
        names = [name for name, _ in ranked[:top]]
    else:
        names = list(actors)
    rng = _rng(random_state)
    rows: list[dict[str, Any]] = []
    for name in names:
        sub = per.loc[name] if name in per.index.get_level_values(0) else per.iloc[0:0]
        for g in chosen:
            part = sub[sub["group"] == g]
            x = part["value"].to_numpy(dtype=float)
            n = len(x)
            row: dict[str, Any] = {"actor": name, key: g, "n_articles": n,
                                   "n_mentions": int(part["n_mentions"].sum())}
            if n:
                lo, hi = percentile_interval(bootstrap_means(x, n_resamples=n_resamples, random_state=rng),
                                             confidence)
                with _quiet_nan():
                    row.update(tone=float(x.mean()), ci_low=float(lo[0]), ci_high=float(hi[0]),
                               negative_share=float((x <= -0.05).mean()),
                               positive_share=float((x >= 0.05).mean()))
            else:
                row.update(tone=np.nan, ci_low=np.nan, ci_high=np.nan, negative_share=np.nan,
                           positive_share=np.nan)
            rows.append(row)
    columns = ["actor", key, *_COLUMNS[1:]]
    return pd.DataFrame(rows, columns=columns)
