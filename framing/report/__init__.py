"""Plots of outlet comparisons and the self-contained HTML report.

* :mod:`~framing.report.plotting` -- matplotlib plots of the tidy tables of
  :mod:`framing.compare` (the ``plot`` extra; matplotlib is imported on use).
* :mod:`~framing.report.page` -- :func:`build_report`: one HTML page that
  references nothing outside itself (tables, inline PNG plots, distinctive
  words, highlighted example articles).
"""

from .page import HEADLINE_FEATURES, SECTION_IDS, build_report, group_labels

__all__ = ["HEADLINE_FEATURES", "SECTION_IDS", "build_report", "group_labels"]
