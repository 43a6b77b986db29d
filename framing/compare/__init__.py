"""Compare outlets (or any groups of articles) with honest uncertainty.

Tidy pandas in and out. The unit of resampling is always the **article**:
bootstrap intervals resample articles within a group, permutation tests
shuffle articles between two groups, and shares of sources and cue stances
are ratio estimates whose intervals also resample articles (never sentences
or quotes, which are not independent within an article).

* :func:`summarize` -- per group and feature: n, mean, median, bootstrap CI.
* :func:`pairwise_tests` -- per pair of groups and feature: difference of
  means, Cohen's d, Cliff's delta, permutation p-value and Benjamini-Hochberg
  adjusted p-value.
* :func:`distinctive_words` / :func:`log_odds_dirichlet` -- words that
  distinguish two groups: log-odds ratios with an informative Dirichlet prior
  (Monroe, Colaresi & Quinn 2008); :func:`boilerplate_words` is the one stop
  list of page furniture (photo captions, video players) they can drop.
* :func:`same_event` -- outlets on the same story, relative to the other
  outlets' coverage and to an optional neutral reference article.
* :func:`sourcing` -- who each outlet quotes (speaker categories, share of
  voice) and how (cue stance), from the quotes table.
* :func:`actor_tone` -- the tone toward the most mentioned actors, per
  outlet, from the entities table.
* :func:`compare_outlets` -- the whole comparison in one call.

Submodules: :mod:`~framing.compare.stats` (array-level statistics),
:mod:`~framing.compare.summary` (summaries, tests, :func:`compare_outlets`),
:mod:`~framing.compare.words` (distinctive words),
:mod:`~framing.compare.sourcing` (source and stance shares),
:mod:`~framing.compare.actors` (tone toward actors) and
:mod:`~framing.compare.events` (same-event comparison).
"""

from ._input import default_features
from .actors import actor_tone
from .events import same_event
from .sourcing import sourcing
from .stats import (
    benjamini_hochberg,
    bootstrap_means,
    cliffs_delta,
    cohens_d,
    log_odds_dirichlet,
    permutation_test,
)
from .summary import OutletComparison, compare_outlets, pairwise_tests, summarize
from .words import boilerplate_words, distinctive_words

__all__ = [
    "OutletComparison",
    "actor_tone",
    "benjamini_hochberg",
    "boilerplate_words",
    "bootstrap_means",
    "cliffs_delta",
    "cohens_d",
    "compare_outlets",
    "default_features",
    "distinctive_words",
    "log_odds_dirichlet",
    "pairwise_tests",
    "permutation_test",
    "same_event",
    "sourcing",
    "summarize",
]
