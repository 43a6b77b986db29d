"""Outlets compared on the same story.

:func:`same_event` sets each article against the other coverage of its event
and, optionally, against a neutral reference article of the event.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pandas as pd

from ._input import _as_frame, _features

__all__ = ["same_event"]


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

