"""framing: measure media bias and framing in news, every score traceable to the text.

Examples
--------
>>> import framing
>>> result = framing.analyze("Officials claimed the reckless plan would work.")
>>> [(m.text, m.category) for m in result.matches if m.lexicon == "reporting_verbs"]
[('claimed', 'distancing')]
"""

import importlib
from typing import TYPE_CHECKING, Any

from ._version import __version__
from .attribution import Cue, Quote, Speaker
from .lexicon import (
    Entry,
    Lexicon,
    LexiconFormatError,
    Match,
    Matcher,
    available_lexicons,
    load_lexicon,
    read_lexicon,
)
from .pipeline import Analysis, Analyzer, CorpusAnalysis, analyze, analyze_corpus, iter_analyses
from .readers import Article, articles_from_frame, read_articles, read_text_file
from .text import Sentence, split_sentences, tokenize

if TYPE_CHECKING:
    from .compare import compare_outlets
    from .datasets import (
        DatasetNotFoundError,
        get_data_home,
        load_allsides,
        load_babe,
        load_polnear,
        load_ptc,
        load_same_event,
    )
    from .features import AttributionFeaturizer, LexiconFeaturizer
    from .io.dask import analyze_dask
    from .io.parquet import write_parquet
    from .models import load_model

# Submodules with heavier dependencies load on first use: ``framing.compare``,
# ``framing.datasets.load_babe`` or ``framing.load_babe`` all work.
_SUBMODULES = frozenset(
    {"attribution", "compare", "datasets", "features", "io", "lexicon", "models", "pipeline", "readers",
     "report", "tagger", "text", "tone"}
)
# Old flat modules: still reachable as attributes (with their FutureWarning), not listed by dir().
_DEPRECATED = frozenset(
    {"classify", "distributed", "embeddings", "highlight", "importers", "parquet", "persuasion",
     "plotting", "stats"}
)
_LAZY = {
    "AttributionFeaturizer": "features",
    "LexiconFeaturizer": "features",
    "analyze_dask": "io.dask",
    "compare_outlets": "compare",
    "load_model": "models",
    "write_parquet": "io.parquet",
    "DatasetNotFoundError": "datasets",
    "get_data_home": "datasets",
    "load_allsides": "datasets",
    "load_babe": "datasets",
    "load_polnear": "datasets",
    "load_ptc": "datasets",
    "load_same_event": "datasets",
}


def __getattr__(name: str) -> Any:
    if name in _SUBMODULES or name in _DEPRECATED:
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_SUBMODULES, *_LAZY})


__all__ = [
    "Analysis",
    "Analyzer",
    "Article",
    "AttributionFeaturizer",
    "CorpusAnalysis",
    "Cue",
    "DatasetNotFoundError",
    "Entry",
    "Lexicon",
    "LexiconFeaturizer",
    "LexiconFormatError",
    "Match",
    "Matcher",
    "Quote",
    "Sentence",
    "Speaker",
    "__version__",
    "analyze",
    "analyze_corpus",
    "analyze_dask",
    "articles_from_frame",
    "available_lexicons",
    "compare_outlets",
    "get_data_home",
    "iter_analyses",
    "load_allsides",
    "load_babe",
    "load_lexicon",
    "load_model",
    "load_polnear",
    "load_ptc",
    "load_same_event",
    "read_articles",
    "read_lexicon",
    "read_text_file",
    "split_sentences",
    "tokenize",
    "write_parquet",
]
