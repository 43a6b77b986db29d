"""Persuasion-technique spans: now in :mod:`framing.models`.

The tagger is :mod:`framing.models.persuasion`, its token features
:mod:`framing.models.span_features`, the SemEval-2020 task 11 metric
:mod:`framing.models.spans`. This module re-exports their names so that
``framing.persuasion`` (and model files saved by framing 0.1, which name
``framing.persuasion.PersuasionSpanTagger``) keep working.
"""

from __future__ import annotations

from ._deprecation import moved
from .models.persuasion import PersuasionSpanTagger, _runs  # noqa: F401
from .models.span_features import (  # noqa: F401
    _ALL_GROUPS,
    _CONTEXT_OFFSETS,
    _DEFAULT_LEXICONS,
    _FEATURE_SETS,
    _context_matrix,
    _shape,
    _token_features,
)
from .models.spans import _spans_by_id, merge_spans, si_score  # noqa: F401

__all__ = ["PersuasionSpanTagger", "merge_spans", "si_score"]

moved('persuasion', 'framing.models')
