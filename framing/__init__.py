"""framing: measure media bias and framing in news, every score traceable to the text.

Examples
--------
>>> import framing
>>> result = framing.analyze("Officials claimed the reckless plan would work.")
>>> [(m.text, m.category) for m in result.matches if m.lexicon == "reporting_verbs"]
[('claimed', 'distancing')]
"""

from ._version import __version__
from .analyze import Analysis, Analyzer, CorpusAnalysis, analyze, analyze_corpus, iter_analyses
from .article import Article, articles_from_frame, read_articles, read_text_file
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
from .text import Sentence, split_sentences, tokenize

__all__ = [
    "Analysis",
    "Analyzer",
    "Article",
    "CorpusAnalysis",
    "Cue",
    "Entry",
    "Lexicon",
    "LexiconFormatError",
    "Match",
    "Matcher",
    "Quote",
    "Sentence",
    "Speaker",
    "__version__",
    "analyze",
    "analyze_corpus",
    "articles_from_frame",
    "available_lexicons",
    "iter_analyses",
    "load_lexicon",
    "read_articles",
    "read_lexicon",
    "read_text_file",
    "split_sentences",
    "tokenize",
]
