"""Moved to :mod:`framing.pipeline` (``analyzer``, ``corpus``, ``schema``).

This module re-exports the names it used to define, for one release. It is
also callable: ``framing.analyze`` is the function :func:`framing.analyze`
even after ``import framing.analyze`` puts this module in its place, and
``framing.analyze.analyze_corpus`` works too.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from ._deprecation import moved
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


class _CallableModule(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Analysis:
        return analyze(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule

moved('analyze', 'framing.pipeline')
