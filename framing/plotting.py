"""Plots of outlet comparisons (matplotlib; the ``plot`` extra).

The names live in :mod:`framing.report.plotting` now; this module re-exports them.
"""

from ._deprecation import moved
from .report.plotting import (
    plot_cue_stance,
    plot_log_odds,
    plot_outlet_scores,
    plot_profile_heatmap,
    plot_source_composition,
)

__all__ = [
    "plot_cue_stance",
    "plot_log_odds",
    "plot_outlet_scores",
    "plot_profile_heatmap",
    "plot_source_composition",
]

moved('plotting', 'framing.report.plotting')
