"""Entity tone scored as one matrix per document equals the per-mention reference."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
from nltk.sentiment.vader import SentimentIntensityAnalyzer

from framing import Analyzer, Article
from framing.text import split_sentences
from framing.tone import entities as E
from framing.tone.clauses import ClauseBreaks
from framing.tone.entities import ENTITY_DENSE_NAMES, SentenceWords, entity_model
from framing.tone.mention_matrix import MAX_SENTENCE_TOKENS, mention_matrix
from framing.tone.target_features import _CLAUSE
from framing.tone.vader import compound_of, explain_sentence, score_and_explain, vader_analyzer

DATA = Path(os.environ.get("FRAMING_DATA_HOME", ""))

ARTICLES = [
    "Critics praised Smith but attacked Jones. Jones said Smith's plan was \"a reckless, shameful disaster.\"",
    "Senator Maria Lopez - who never lied - slammed the radical mayor; the mayor's aides denied it.",
    "Did John Miller steal the money? Prosecutors claimed Miller, not his brother, was hardly innocent.",
    "The brave rescuers (led by Dr. Alan Reyes) saved three children while officials praised Reyes.",
    "Smith is good. Smith is not good. SMITH IS VERY GOOD!!! Is Smith good?? Nobody said Smith was kind of good.",
    "\u201cIt was a terrible, terrible failure,\u201d Jones said, although Jones also thanked Smith.",
]


def _words(doc) -> list[SentenceWords]:
    """The tone family's VADER pass: each sentence's compound and words."""
    out = []
    for s in doc.sentences:
        compound, found = score_and_explain(doc.text[s.start:s.end], s.start)
        out.append(SentenceWords(compound, tuple(found)))
    return out


def _check(doc, spans) -> int:
    """Compare the matrix with the reference on ``spans`` of ``doc``; the number of scored spans."""
    words = _words(doc)
    fast = E.score_mentions(doc, words, spans)
    slow = E.score_mentions_reference(doc, words, spans)
    assert [p is None for p in fast] == [p is None for p in slow]
    scored = [(p, q) for p, q in zip(fast, slow) if p is not None]
    if scored:
        a, b = np.array([p for p, _ in scored]), np.array([q for _, q in scored])
        np.testing.assert_allclose(a, b, rtol=0, atol=1e-12)
        assert (a.argmax(axis=1) == b.argmax(axis=1)).all()
    # the dense features are the reference's floats exactly (only the model's sums run in another order)
    hits = E._sentence_hits(doc, None)
    rows, dense, _ = mention_matrix(doc, words, spans, hits, entity_model())
    starts = [s.start for s in doc.sentences]
    for r, row in zip(rows, dense):
        start, end = spans[r]
        k = int(np.searchsorted(starts, start, side="right")) - 1
        sw = words[k]
        reference, _ = E.mention_features(doc, k, sw.words, sw.compound, hits[k], start,
                                          min(end, doc.sentences[k].end))
        assert row.tolist() == [reference.get(name, 0.0) for name in ENTITY_DENSE_NAMES]
    return len(scored)


@pytest.mark.parametrize("text", ARTICLES)
def test_matrix_equals_the_reference_on_every_entity_mention(text: str) -> None:
    doc = Analyzer().annotate(Article.from_text(text))
    spans = [m for e in doc.entities for m in e.mentions]
    assert spans, "every test article names someone"
    assert _check(doc, spans) == len(spans)


def test_matrix_on_any_span_of_a_sentence() -> None:
    # every word of the sentences as a target, and spans that start or end inside a token or on a space
    text = ARTICLES[0] + " " + ARTICLES[1]
    doc = Analyzer().annotate(Article.from_text(text))
    tokens = doc.tokens
    spans = list(zip(tokens.starts, tokens.ends))
    spans += [(s + 1, e) for s, e in spans if e - s > 2] + [(s, e + 1) for s, e in spans]
    assert _check(doc, spans) == len(spans)


@pytest.mark.parametrize("text", [
    *ARTICLES,
    "Smith - who won - spoke. BUT Jones left -- and then - - nothing. Butter, contributions; whilst (sic)",
    "The ſenator spoke; ΣΟΦΙΑ ΛΕΣ said so, because Kelvin won—but lost.",
    "İstanbul: they said it, though not often. The end -",
    "He came late, but. Though he won, buthough he lost; whereas. While so, because",  # words at the edges
])
def test_clause_breaks_of_a_sentence_in_place_are_the_slices(text: str) -> None:
    breaks = ClauseBreaks(text)
    for s in split_sentences(text):
        expected = [(m.start() + s.start, m.end() + s.start) for m in _CLAUSE.finditer(text[s.start:s.end])]
        assert breaks.between(s.start, s.end) == expected


def test_spans_outside_every_sentence_or_empty_get_none() -> None:
    doc = Analyzer().annotate(Article.from_text("Critics slammed Smith.   "))
    fast = E.score_mentions(doc, _words(doc), [(16, 21), (23, 25), (5, 5)])
    assert fast[0] is not None and fast[1:] == [None, None]


def test_a_sentence_of_more_than_the_token_cap_gets_no_tone() -> None:
    text = "Smith " + "said " * (MAX_SENTENCE_TOKENS + 5) + "it. Critics praised Smith."
    doc = Analyzer().annotate(Article.from_text(text))
    spans = [(0, 5), (len(text) - 6, len(text) - 1)]
    fast = E.score_mentions(doc, _words(doc), spans)
    assert fast[0] is None and fast[1] is not None
    assert _check(doc, spans) == 1


def test_entity_tones_mean_is_the_mean_of_the_mentions() -> None:
    doc = Analyzer().annotate(Article.from_text(ARTICLES[0]))
    words = _words(doc)
    toward = E.entity_tones(doc, doc.entities, words)
    for e, t in zip(doc.entities, toward):
        probs = [p for p in E.score_mentions_reference(doc, words, e.mentions) if p is not None]
        mean = [sum(p[c] for p in probs) / len(probs) for c in range(3)]
        assert t.n_mentions == len(probs)
        assert t.tone == pytest.approx(mean[2] - mean[0], abs=1e-12)
        assert t.label == ("negative", "neutral", "positive")[mean.index(max(mean))]


def test_compound_of_is_nltks_compound() -> None:
    sia = vader_analyzer()
    for sentiments, text in [([], "x"), ([0, 0], "a b"), ([1.9, -0.5], "Good, not bad!!"),
                             ([-2.0], "Bad?? Really??"), ([0.4, 0], "ok????"), ([3.1], "Great!!!!!!")]:
        assert compound_of(sentiments, text) == sia.score_valence(sentiments, text)["compound"]


def test_repeated_tokens_get_their_own_offsets() -> None:
    # "good" occurs inside "goodness" and twice as a token: each word's span is its own token's
    text = "Goodness, good people: good, GOOD and good!"
    words = explain_sentence(text)
    assert [(w.word, text[w.start:w.end]) for w in words] == [(w.word, w.word) for w in words]
    assert [w.start for w in words if w.word.lower() == "good"] == [10, 23, 29, 38]
    compound, _ = score_and_explain(text)
    # NLTK's own method on the shipped lexicon
    assert compound == SentimentIntensityAnalyzer.polarity_scores(vader_analyzer(), text)["compound"]


@pytest.mark.skipif(not (DATA / "allsides" / "articles.jsonl.gz").is_file(),
                    reason="needs AllSides in FRAMING_DATA_HOME")
def test_matrix_equals_the_reference_on_allsides_articles() -> None:
    from framing.datasets import load_allsides

    sides = load_allsides(DATA, n_articles=60, random_state=1, columns=["text"])
    analyzer = Analyzer()
    n = 0
    for text in sides["text"]:
        doc = analyzer.annotate(Article.from_text(text or ""))
        n += _check(doc, [m for e in doc.entities for m in e.mentions])
    assert n > 1000
