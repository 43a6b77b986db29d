"""The plot of the tone toward the top actors by outlet (matplotlib; the ``plot`` extra).

Like :mod:`framing.report.plotting`: it takes the tidy frame of
:func:`framing.compare.actor_tone`, draws on the given ``ax`` (or a new
figure's axes) and returns the Axes; nothing calls ``show()``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .plotting import _COLOURS, _axes, _need, _text

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_actor_tone"]


def plot_actor_tone(table: pd.DataFrame, *, by: str | None = None, ax: Axes | None = None) -> Axes:
    """Tone toward each actor, one marker per outlet with its interval, actors as rows.

    Parameters
    ----------
    table : DataFrame
        :func:`framing.compare.actor_tone` output: ``actor``, the group
        column (the second column, or ``by``), ``tone``, ``ci_low``,
        ``ci_high``.
    by : str, optional
        The group column. Default: the second column.
    ax : Axes, optional

    Returns
    -------
    Axes
        The x axis is the tone, from -1 (negative) to 1 (positive); one
        error-bar series per group (``ax.containers``), named in the legend;
        actors top to bottom in the table's order. A group that never
        mentions an actor has no marker on its row.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> t = pd.DataFrame({"actor": ["Smith", "Smith"], "outlet": ["A", "B"], "tone": [0.4, -0.2],
    ...                   "ci_low": [0.1, -0.5], "ci_high": [0.6, 0.1]})
    >>> ax = plot_actor_tone(t)
    >>> len(ax.containers), [label.get_text() for label in ax.get_yticklabels()]
    (2, ['Smith'])
    """
    _need(table, ["actor", "tone", "ci_low", "ci_high"], "plot_actor_tone")
    col = by if by is not None else str(table.columns[1])
    _need(table, [col], "plot_actor_tone")
    actors = list(dict.fromkeys(table["actor"].tolist()))
    groups = list(dict.fromkeys(table[col].tolist()))
    ax = _axes(ax, (7.0, 0.45 * len(actors) * max(1, len(groups)) ** 0.5 + 1.4))
    height = 0.8 / max(len(groups), 1)
    rows = {a: i for i, a in enumerate(actors)}
    for j, g in enumerate(groups):
        part = table[table[col] == g]
        part = part[part["tone"].notna()]
        y = np.array([rows[a] for a in part["actor"]], dtype=float) - 0.4 + height * (j + 0.5)
        x = part["tone"].to_numpy(dtype=float)
        err = np.vstack([x - part["ci_low"].to_numpy(dtype=float), part["ci_high"].to_numpy(dtype=float) - x])
        ax.errorbar(x, y, xerr=np.clip(err, 0, None), fmt="o", ms=4, capsize=2,
                    color=_COLOURS[j % len(_COLOURS)], label=_text(g))
    ax.axvline(0.0, color="#9ca3af", lw=0.8, zorder=0)
    ax.set_yticks(range(len(actors)))
    ax.set_yticklabels([_text(a) for a in actors])
    ax.set_ylim(len(actors) - 0.5, -0.5)
    ax.set_xlim(-1.0, 1.0)
    ax.set_xlabel("tone toward the actor (mean per article, 95% interval)")
    if groups:
        ax.legend(fontsize="small", loc="best", frameon=False)
    return ax
