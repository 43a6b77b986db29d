"""Array-level statistics for comparing groups of articles.

The names live in :mod:`framing.compare.stats` now; this module re-exports them.
"""

from ._deprecation import moved
from .compare.stats import (
    RandomState,
    benjamini_hochberg,
    bootstrap_means,
    cliffs_delta,
    cohens_d,
    log_odds_dirichlet,
    permutation_test,
)

__all__ = [
    "RandomState",
    "benjamini_hochberg",
    "bootstrap_means",
    "cliffs_delta",
    "cohens_d",
    "log_odds_dirichlet",
    "permutation_test",
]

moved('stats', 'framing.compare.stats')
