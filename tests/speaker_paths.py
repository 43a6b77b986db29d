"""Speakers of a text read on both paths: the quote finder alone and the analyzer with its lexicon stage.

A helper of the source-role, proxy and appositive tests: each sentence must give the same speakers
whether the roles are matched per speaker phrase or read from the analyzer's lexicon hits.
"""

from __future__ import annotations

from framing.attribution import find_quotes
from framing.attribution.doc import link_quotes
from framing.pipeline import Analyzer
from framing.text import split_sentences, tokenize

_ANALYZER = Analyzer()


def speakers_on_both_paths(text: str) -> list[tuple[str, str]]:
    """(speaker, category) of each quote, the same without and with the analyzer's lexicon matches."""
    toks = tokenize(text)
    _, quotes = link_quotes(text, toks, find_quotes(text, split_sentences(text), toks))
    found = [(q.speaker.text, q.speaker.category) for q in quotes if q.speaker is not None]
    analysed = [(q.speaker.text, q.speaker.category) for q in _ANALYZER(text).quotes if q.speaker is not None]
    assert analysed == found
    return found
