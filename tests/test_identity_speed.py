"""The fast paths give what the reference implementations give, on real news text.

Each speed-up of the hot path keeps a slower reference next to it: NLTK's
VADER loop for sentence tone, py3langid on every text for the language,
NLTK's perceptron for the tagger. These tests run both on AllSides articles
(Baly et al. 2020, read through ``FRAMING_DATA_HOME``; skipped without it)
and require the same output. ``benchmarks/check_identity.py`` compares whole
JSONL rows before and after a change.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import framing.tone as tone_pkg
from framing.text import split_sentences

DATA = Path(tone_pkg.__file__).resolve().parents[1] / "data"
N_ARTICLES = 150


@pytest.fixture(scope="module")
def articles() -> list[str]:
    from framing.datasets import DatasetNotFoundError, load_allsides

    try:
        frame = load_allsides(n_articles=N_ARTICLES, random_state=1, columns=["text"])
    except DatasetNotFoundError as exc:
        pytest.skip(str(exc))
    return [t for t in frame["text"] if isinstance(t, str)]


@pytest.fixture(scope="module")
def nltk_sia():  # type: ignore[no-untyped-def]
    """NLTK's own analyzer and loop, built by its own constructor from the shipped lexicon."""
    nltk_data = pytest.importorskip("nltk.data")
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    nltk_data.path.insert(0, str(DATA))  # NLTK 3.10 opens file: URLs only inside its data folders
    try:
        return SentimentIntensityAnalyzer(lexicon_file=(DATA / "vader_lexicon.txt").as_uri())
    finally:
        nltk_data.path.remove(str(DATA))


# -- sentence tone ---------------------------------------------------------------------------

RULE_SENTENCES = [
    "It was not the least bit good, at least not very good.",
    "He was never so happy, and this was kind of great.",
    "The GREAT reform was VERY bad, but the rollout was EXTREMELY good!!",
    "They were the bomb, yeah right, a kiss of death for the plan.",
    "Good good good: the good plan, not good, hardly good, sort of good.",
    "It isn't bad; it wasn't terrible; it's no disaster?? Really???",
]
"""Invented sentences on the rarer VADER rules: "least", "never so", caps, idioms, "sort of", repeats."""


@pytest.mark.parametrize("text", RULE_SENTENCES)
def test_vader_rules_equal_nltk(text: str, nltk_sia) -> None:  # type: ignore[no-untyped-def]
    from framing.tone import vader_analyzer

    assert vader_analyzer().polarity_scores(text) == nltk_sia.polarity_scores(text)


def test_vader_scores_equal_nltk_on_news_sentences(articles, nltk_sia) -> None:  # type: ignore[no-untyped-def]
    from framing.tone import vader_analyzer

    sia = vader_analyzer()
    n = 0
    for text in articles:
        for s in split_sentences(text):
            span = text[s.start:s.end]
            assert sia.polarity_scores(span) == nltk_sia.polarity_scores(span), span
            n += 1
    assert n > 3000
