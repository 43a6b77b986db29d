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


# -- language: the fast English test never disagrees with py3langid ---------------------------


def _py3langid(text: str) -> str:
    from framing.readers.language import (
        LANGUAGE_SAMPLE_CHARS,
        MIN_CONFIDENCE,
        UNDETERMINED,
        _identifier,
    )

    code, probability = _identifier().classify(text[:LANGUAGE_SAMPLE_CHARS].encode("utf-8", "replace"))
    return str(code) if probability >= MIN_CONFIDENCE else UNDETERMINED


def test_plainly_english_texts_are_english_for_py3langid(articles) -> None:  # type: ignore[no-untyped-def]
    from framing.datasets import DatasetNotFoundError, load_babe, load_polnear
    from framing.readers import identify_language
    from framing.readers.language import LANGUAGE_SAMPLE_CHARS, is_plainly_english

    try:
        texts = [*articles, *load_babe()["text"], *load_polnear(n_articles=100)[0]["text"]]
    except DatasetNotFoundError as exc:
        pytest.skip(str(exc))
    fast = [t for t in texts if is_plainly_english(t[:LANGUAGE_SAMPLE_CHARS])]
    assert len(fast) > 0.7 * len(texts)
    assert [t for t in fast if _py3langid(t) != "en"] == []
    assert all(identify_language(t) == _py3langid(t) for t in texts[:: 7])


@pytest.mark.parametrize("text", [
    # German, Spanish, Dutch, French with English names and quotes in them
    "Der Bundestag hat am Donnerstag das Gesetz beschlossen. \u201eThe people have spoken\u201c, sagte "
    "der Abgeordnete, und die Opposition will dagegen klagen, weil sie das Gesetz f\u00fcr falsch h\u00e4lt.",
    "El Senado aprob\u00f3 la ley. \u00abIt is a good day for the people\u00bb, dijo el senador, y los "
    "cr\u00edticos calificaron la medida de desastre para los migrantes que llegan a la frontera.",
    "De Tweede Kamer heeft het wetsvoorstel aangenomen, zei de minister, en de oppositie was het er "
    "niet mee eens omdat de wet volgens haar te ver gaat voor de mensen in het land.",
    "Le gouvernement a annonc\u00e9 lundi de nouvelles mesures contre l'inflation, a dit le ministre, "
    "et l'opposition a d\u00e9nonc\u00e9 un plan qui ne change rien pour les m\u00e9nages.",
])
def test_other_languages_are_not_plainly_english(text: str) -> None:
    from framing.readers import identify_language
    from framing.readers.language import is_plainly_english

    assert not is_plainly_english(text)
    assert identify_language(text) != "en"


# -- the tagger: the windowed fast path tags as NLTK's perceptron does ------------------------


def test_tag_forms_with_stop_equals_nltks_perceptron(articles) -> None:  # type: ignore[no-untyped-def]
    from framing.tagger import _segment, _sentence_bounds, load_tagger
    from framing.text import tokenize

    tagger = load_tagger()
    n = 0
    for text in articles[:60]:
        tokens = tokenize(text)
        for lo, hi, left, right in _sentence_bounds(tokens, text, split_sentences(text)):
            forms, _ = _segment(tokens, text, lo, hi, left, right)
            reference = [t for _, t in tagger.perceptron.tag(list(forms))]
            assert tagger.tag_forms(forms, stop=len(forms)) == reference
            assert tagger.tag_forms(forms, stop=len(forms) // 2) == reference[: len(forms) // 2]
            n += len(forms)
    assert n > 20000


def test_split_sentences_of_the_same_text_again_is_a_fresh_equal_list() -> None:
    text = "The vote was close. Officials said it failed."
    first = split_sentences(text)
    first.append(first[0])  # a caller may change its list
    again = split_sentences(text)
    assert again == split_sentences(text[:]) == split_sentences("".join(text))
    assert len(again) == 2


def test_quote_spans_of_the_same_text_again_are_fresh_equal_lists() -> None:
    from framing.attribution import quote_spans

    text = "\u201cWe will win,\u201d she said.\n\nHe said \"no.\" Then he left."
    spans, paragraphs = quote_spans(text)
    assert [text[s:e] for s, e in spans] == ["\u201cWe will win,\u201d", "\"no.\""] and len(paragraphs) == 1
    spans.append((0, 1))  # a caller may change its lists
    paragraphs.clear()
    again = quote_spans(text)
    assert again == quote_spans(text.encode().decode()) and len(again[0]) == 2 and len(again[1]) == 1


def test_sentence_bounds_follow_a_changed_list_of_sentences() -> None:
    from framing._tagger_input import _sentence_bounds
    from framing.text import Sentence, tokenize

    text = "Officials denied the claims. The company claims it did nothing wrong."
    toks = tokenize(text)
    sentences = split_sentences(text)
    assert [b[:2] for b in _sentence_bounds(toks, text, sentences)] == [(0, 4), (4, 11)]
    sentences[:] = [Sentence(0, len(text))]  # the same list, now one sentence
    assert _sentence_bounds(toks, text, sentences) == [(0, 11, 0, len(text))]


@pytest.mark.parametrize("line", ["Obama Intensifies Drive", "Ben Kamisar contributed.", "A Title\u201d\u00a0",
                                  "Why Now?\u2009 ", "  ", "", "under_", "2016", "caf\u00e9\x1c", "(AP)"])
def test_headline_end_is_the_regular_expression_it_replaces(line: str) -> None:
    import re

    from framing.attribution.mentions_filter import _headline_end

    assert _headline_end(line) == (re.search(r"[\w?!\"'\u201d\u2019]\s*\Z", line) is not None)
