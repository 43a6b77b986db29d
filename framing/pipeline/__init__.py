"""The pipeline: one annotated document through the stages, then the tables.

``document`` (the :class:`Document` the stages annotate), ``families`` (the
lexicon stage, the families with logic and the one aggregation of counts),
``analyzer`` (:class:`Analyzer`, :func:`analyze`), ``corpus`` (streaming and
parallel runs, :func:`analyze_corpus`), ``schema`` (the public tables) and
``display`` (one analysis as highlighted HTML).

Examples
--------
>>> from framing.pipeline import Analyzer
>>> from framing import Article
>>> doc = Analyzer(["reporting_verbs"]).annotate(Article.from_text("Critics slammed it."))
>>> [(m.text, m.category) for m in doc.matches]
[('slammed', 'emotive')]
"""

from __future__ import annotations

from .analyzer import Analysis, Analyzer, ArticleLike, LexiconSpec, analyze
from .corpus import analyze_corpus, iter_analyses, iter_mapped
from .document import Document
from .families import COMPONENTS, PER, Family, LexiconStage, lexicon_feature_names, lexicon_features
from .schema import MATCH_COLUMNS, QUOTE_COLUMNS, CorpusAnalysis, quote_row, table_rows

__all__ = [
    "COMPONENTS",
    "MATCH_COLUMNS",
    "PER",
    "QUOTE_COLUMNS",
    "Analysis",
    "Analyzer",
    "ArticleLike",
    "CorpusAnalysis",
    "Document",
    "Family",
    "LexiconSpec",
    "LexiconStage",
    "analyze",
    "analyze_corpus",
    "iter_analyses",
    "iter_mapped",
    "lexicon_feature_names",
    "lexicon_features",
    "quote_row",
    "table_rows",
]
