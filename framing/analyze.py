"""Moved to :mod:`framing.pipeline` (``analyzer``, ``corpus``, ``schema``).

This module re-exports the names it used to define, for one release.
"""

from __future__ import annotations

from .pipeline.analyzer import Analysis, Analyzer, ArticleLike, LexiconSpec, _get_analyzer, analyze
from .pipeline.corpus import analyze_corpus, iter_analyses, iter_mapped
from .pipeline.families import PER
from .pipeline.schema import (
    _MATCH_COLUMNS,
    _QUOTE_COLUMNS,
    CorpusAnalysis,
    quote_row,
)
from .pipeline.schema import table_rows as _table_rows

__all__ = [
    "Analysis",
    "Analyzer",
    "CorpusAnalysis",
    "analyze",
    "analyze_corpus",
    "iter_analyses",
    "iter_mapped",
]

_REEXPORTED = (ArticleLike, LexiconSpec, _get_analyzer, PER, _MATCH_COLUMNS, _QUOTE_COLUMNS,
               quote_row, _table_rows)
