"""Tone: VADER sentence scores equal NLTK's, traced to words, aggregated per voice and per source."""

from __future__ import annotations

import hashlib
import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

import framing.tone as tone_pkg
from framing import Article, analyze
from framing.attribution import SOURCE_CATEGORIES, find_quotes
from framing.pipeline import Analyzer
from framing.pipeline.families import COMPONENTS
from framing.text import split_sentences, tokenize
from framing.tone import (
    DocumentTone,
    ToneFamily,
    explain_sentence,
    quoted_sentences,
    sentence_tone,
    tone_feature_names,
    tone_features,
    tone_label,
    vader_analyzer,
    vader_lexicon_info,
)
from framing.tone.vader import vader_words

DATA = Path(tone_pkg.__file__).resolve().parents[1] / "data"

SENTENCES = [
    "The reform is good.",
    "The reform is not good.",
    "The reform is very good.",
    "The reform is GOOD, officials say.",
    "The reform is good, but the rollout was terrible.",
    "The reform is kind of good.",
    "The reform is good!!!",
    "Prices rose on Tuesday.",
    "Critics slammed the reckless plan as a disaster that hurt families.",
    "The senator praised the brave rescuers and thanked the volunteers.",
    "Is this really the best the administration can do??",
    "Residents were never so happy to see the lights come back on.",
    "",
]
"""Invented sentences: one per VADER rule (negation, booster, caps, but, "kind of", "!", "??", never so)."""


@pytest.fixture(scope="module")
def nltk_sia():  # type: ignore[no-untyped-def]
    """NLTK's own analyzer, built by its own constructor from the shipped lexicon file."""
    nltk_data = pytest.importorskip("nltk.data")
    from nltk.sentiment.vader import SentimentIntensityAnalyzer

    # NLTK 3.10 opens file: URLs only inside its data folders
    nltk_data.path.insert(0, str(DATA))
    try:
        return SentimentIntensityAnalyzer(lexicon_file=(DATA / "vader_lexicon.txt").as_uri())
    finally:
        nltk_data.path.remove(str(DATA))


@pytest.fixture(scope="module")
def babe_sentences() -> list[str]:
    from framing.datasets import DatasetNotFoundError, load_babe

    try:
        return list(load_babe()["text"])
    except DatasetNotFoundError as exc:
        pytest.skip(str(exc))


# -- the lexicon ships with its provenance and loads without nltk_data ------------------------

def test_shipped_lexicon_matches_its_sidecar() -> None:
    info = vader_lexicon_info()
    raw = (DATA / info["file"]).read_bytes()
    assert hashlib.sha256(raw).hexdigest() == info["sha256"]
    assert info["licence"] == "MIT" and info["copyright"] == "Copyright (c) 2016 C.J. Hutto"
    assert "Hutto" in info["citation"] and "2014" in info["citation"]
    assert "C.J. Hutto" in (DATA / info["licence_file"]).read_text(encoding="utf-8")
    assert len(vader_analyzer().lexicon) == info["entries"]


def test_importing_framing_does_not_import_nltk_or_read_the_lexicon() -> None:
    code = ("import sys, framing, framing.tone, framing.pipeline; "
            "print('nltk' in sys.modules, framing.tone.vader.vader_analyzer.cache_info().currsize)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "0"]


def test_scoring_does_not_import_nltk() -> None:
    """The rules' constants and the lexicon are shipped data: scoring needs no nltk (about 180 MB)."""
    code = ("import sys; from framing.tone import explain_sentence, sentence_tone; "
            "print(sentence_tone('The plan is not a disaster.'), len(explain_sentence('A brave rescue.')), "
            "'nltk' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["0.5096", "2", "False"]


def test_shipped_constants_are_nltks() -> None:
    from nltk.sentiment.vader import VaderConstants

    from framing.tone.vader import vader_constants

    ours, nltk_constants = vader_constants(), VaderConstants()
    for name in ("BOOSTER_DICT", "SPECIAL_CASE_IDIOMS", "B_INCR", "B_DECR", "C_INCR", "N_SCALAR"):
        assert getattr(ours, name) == getattr(nltk_constants, name), name
    assert [type(v) for v in ours.SPECIAL_CASE_IDIOMS.values()] == [
        type(v) for v in nltk_constants.SPECIAL_CASE_IDIOMS.values()]  # an idiom's int stays an int
    assert set(ours.NEGATE) == set(nltk_constants.NEGATE)
    assert set(ours.PUNC_LIST) == set(nltk_constants.PUNC_LIST)
    info = json.loads((DATA / "vader_rules.json").read_text(encoding="utf-8"))
    assert info["licence"] == "Apache-2.0" and info["source"].startswith("NLTK ")


TRICKY_TOKENS = ('wow!! !!wow "terrible," \'tis U.S. :) :-( -- ... a, I\'m ok?!? ?!?!ok '
                 'state-of-the-art (yes) "no" no." "no.\' x!!!! ok\u201d \u201cok 1.5%')


def _check_words_are_nltks(texts: list[str]) -> None:
    from nltk.sentiment.vader import SentiText

    consts = vader_analyzer().constants
    for text in texts:
        nltk_words = SentiText(text, consts.PUNC_LIST, consts.REGEX_REMOVE_PUNCTUATION)
        assert vader_words(text, consts.PUNC_LIST) == nltk_words.words_and_emoticons, text


def test_words_are_nltks() -> None:
    _check_words_are_nltks([TRICKY_TOKENS, *SENTENCES])


def test_words_are_nltks_on_babe(babe_sentences) -> None:  # type: ignore[no-untyped-def]
    _check_words_are_nltks(babe_sentences)


def test_lexicon_is_the_nltk_analyzers(nltk_sia) -> None:  # type: ignore[no-untyped-def]
    from framing.tone.vader import rules, vader_lexicon

    assert rules().lexicon is vader_lexicon() == nltk_sia.lexicon
    assert vader_analyzer().lexicon == nltk_sia.lexicon


# -- scores equal NLTK's (and vaderSentiment's where their rules agree) -----------------------

@pytest.mark.parametrize("text", [*SENTENCES, TRICKY_TOKENS])
def test_invented_sentence_scores_equal_nltk(text: str, nltk_sia) -> None:  # type: ignore[no-untyped-def]
    assert sentence_tone(text) == nltk_sia.polarity_scores(text)["compound"]


def test_invented_sentences_equal_vader_sentiment() -> None:
    vs = pytest.importorskip("vaderSentiment.vaderSentiment").SentimentIntensityAnalyzer()
    for text in SENTENCES[:-2]:
        assert sentence_tone(text) == vs.polarity_scores(text)["compound"], text
    # NLTK's never-check also multiplies a word right after "so" or "this" by 1.25 (operator
    # precedence), vaderSentiment only after "never so" / "never this"
    never_so = SENTENCES[-2]
    assert sentence_tone(never_so) == 0.823 != vs.polarity_scores(never_so)["compound"] == 0.7702


def test_pipeline_sentence_scores_equal_nltk_on_babe(babe_sentences, nltk_sia) -> None:  # type: ignore[no-untyped-def]
    analyzer = Analyzer(["reporting_verbs", "source_roles"])
    n = 0
    for text in babe_sentences:
        res = analyzer(Article.from_text(text))
        assert len(res.sentence_tone) == len(res.sentences)
        for s, got in zip(res.sentences, res.sentence_tone):
            assert got == nltk_sia.polarity_scores(text[s.start:s.end])["compound"]
            n += 1
        for q, got in zip(res.quotes, res.quote_tone):
            assert got == nltk_sia.polarity_scores(q.text)["compound"]
    assert n >= 3600


def test_babe_scores_agree_with_vader_sentiment(babe_sentences) -> None:  # type: ignore[no-untyped-def]
    """NLTK's port differs from vaderSentiment 3.3.2 on some rules; measured 96.2% equal, 99.3% same label."""
    vs = pytest.importorskip("vaderSentiment.vaderSentiment").SentimentIntensityAnalyzer()
    equal = same_label = 0
    for text in babe_sentences:
        a, b = sentence_tone(text), vs.polarity_scores(text)["compound"]
        equal += a == b
        same_label += tone_label(a) == tone_label(b)
    n = len(babe_sentences)
    assert equal / n >= 0.95
    assert same_label / n >= 0.99


def test_word_wrapped_in_two_marks_is_not_scored() -> None:
    # NLTK's VADER strips one leading or trailing mark: '"terrible,"' is not 'terrible'
    text = 'He said it was "terrible," not fine.'
    assert [w.word for w in explain_sentence(text)] == ["fine"]


# -- every score is traced to its words -------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The reform is good.", [("good", 1.9, 1.9)]),
        ("The reform is not good.", [("good", 1.9, -1.406)]),  # negation: x -0.74
        ("The reform is very good.", [("good", 1.9, 2.193)]),  # booster: +0.293
        ("The reform is GOOD, officials say.", [("GOOD", 1.9, 2.633)]),  # caps: +0.733
        ("The reform is good, but the rollout was terrible.",  # but: x0.5 before, x1.5 after
         [("good", 1.9, 0.95), ("terrible", -2.1, -3.15)]),
        ("The reform is kind of good.", [("kind", 2.4, 0.0), ("good", 1.9, 1.607)]),
        ("Prices rose on Tuesday.", []),
    ],
)
def test_explain_sentence_rules(text: str, expected: list[tuple[str, float, float]]) -> None:
    words = explain_sentence(text)
    assert [(w.word, w.valence, round(w.contribution, 3)) for w in words] == expected
    assert all(text[w.start:w.end] == w.word for w in words)


def _compound_of(words: list[tone_pkg.ToneWord], text: str) -> float:
    sia = vader_analyzer()
    return float(sia.score_valence([w.contribution for w in words], text)["compound"])


@pytest.mark.parametrize("text", SENTENCES)
def test_explanations_add_up_to_the_score(text: str) -> None:
    words = explain_sentence(text)
    assert all(text[w.start:w.end] == w.word for w in words)
    assert _compound_of(words, text) == sentence_tone(text)


def test_explanations_add_up_on_babe(babe_sentences) -> None:  # type: ignore[no-untyped-def]
    for text in babe_sentences:
        words = explain_sentence(text)
        assert all(text[w.start:w.end] == w.word for w in words), text
        assert _compound_of(words, text) == sentence_tone(text), text


def test_bad_input_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match=r"'text' parameter of explain_sentence must be a str\. Got int"):
        explain_sentence(3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"'text' parameter of sentence_tone must be a str\. Got NoneType"):
        sentence_tone(None)  # type: ignore[arg-type]


def test_labels_use_vader_thresholds() -> None:
    assert [tone_label(c) for c in (-0.0501, -0.05, -0.0499, 0.0499, 0.05)] == [
        "negative", "negative", "neutral", "neutral", "positive"]


# -- features ---------------------------------------------------------------------------------

ARTICLE = (
    "The new bridge opened on Monday. "
    "The mayor said the bridge was a wonderful achievement for the city. "
    '"It is a disaster waiting to happen," said Professor Jane Roe. '
    "Traffic was light."
)


def _features(text: str) -> tuple[dict[str, float], list[bool]]:
    sents = split_sentences(text)
    quotes = find_quotes(text, sents, tokenize(text))
    tone = DocumentTone(tuple(sentence_tone(text[s.start:s.end]) for s in sents),
                        tuple(sentence_tone(q.text) for q in quotes))
    return tone_features(sents, quotes, tone), quoted_sentences(sents, quotes)


def test_author_and_quoted_sentences() -> None:
    feats, quoted = _features(ARTICLE)
    assert quoted == [False, True, True, False]
    assert feats["tone__author_mean"] == 0.0  # "opened", "light": no sentiment
    wonderful = sentence_tone("The mayor said the bridge was a wonderful achievement for the city.")
    disaster = sentence_tone(
        '"It is a disaster waiting to happen," said Professor Jane Roe.')
    assert wonderful > 0.5 and disaster < -0.5
    assert feats["tone__quoted_mean"] == pytest.approx((wonderful + disaster) / 2)
    assert feats["tone__positive_share"] == feats["tone__negative_share"] == 0.25


def test_quote_tone_per_source_category() -> None:
    feats, _ = _features(ARTICLE)
    gov = sentence_tone("the bridge was a wonderful achievement for the city")
    assert feats["tone__quotes_government_mean"] == gov > 0.5
    assert feats["tone__quotes_expert_mean"] < -0.5
    assert feats["tone__quotes_mean"] == pytest.approx(
        (feats["tone__quotes_government_mean"] + feats["tone__quotes_expert_mean"]) / 2)
    assert feats["tone__quotes_citizen_mean"] == 0.0  # no citizen quoted


def test_scare_quotes_leave_the_sentence_to_the_author() -> None:
    text = 'The so-called "reform" passed on Tuesday. It was "historic," the governor said.'
    sents = split_sentences(text)
    assert quoted_sentences(sents, find_quotes(text, sents, tokenize(text))) == [False, True]


def test_feature_set_is_fixed_and_empty_text_gives_zeros() -> None:
    names = tone_feature_names()
    assert len(names) == 7 + 2 * len(SOURCE_CATEGORIES) == len(set(names))
    feats = tone_features([], [], DocumentTone())
    assert list(feats) == names and set(feats.values()) == {0.0}
    res = analyze("")
    assert res.error is None and all(res.features[n] == 0.0 for n in names)


def test_family_is_registered_after_attribution() -> None:
    assert list(COMPONENTS)[-1] == "tone" and COMPONENTS["tone"] is ToneFamily
    analyzer = Analyzer(["loaded_language"])
    assert analyzer.feature_names[-len(tone_feature_names()):] == tone_feature_names()


def test_analysis_and_jsonl_row_carry_tone() -> None:
    res = analyze(ARTICLE)
    assert len(res.sentence_tone) == res.n_sentences == 4
    assert len(res.quote_tone) == len(res.quotes) == 2
    row = json.loads(json.dumps(res.to_dict(sentences=True)))
    assert [s["tone"] for s in row["sentences"]] == list(res.sentence_tone)
    assert [q["tone"] for q in row["quotes"]] == list(res.quote_tone)
    for q in row["quotes"]:
        assert set(q) == {"start", "end", "text", "kind", "speaker", "cue", "act", "tone"}
    assert all(math.isfinite(v) for v in row["features"].values())
    assert res.features["tone__mean"] == pytest.approx(sum(res.sentence_tone) / 4)


def test_error_row_has_no_tone() -> None:
    res = analyze(Article(id="x", text="", error="could not read"))
    assert res.error and res.sentence_tone == () and res.to_dict(sentences=True)["sentences"] == []
