"""Run the analysis on Dask: a dask DataFrame or Bag of articles in, Dask tables out.

The names live in :mod:`framing.io.dask` now; this module re-exports them.
"""

from ._deprecation import moved
from .io.dask import DaskAnalysis, analyze_dask

__all__ = ["DaskAnalysis", "analyze_dask"]

moved('distributed', 'framing.io.dask')
