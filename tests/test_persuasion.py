"""Tests for framing.models (persuasion, spans): the SemEval-2020 task 11 span metric and the span tagger."""

from __future__ import annotations

import random
import time

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone

from framing.evaluation.lexicons import span_prf
from framing.models import PersuasionSpanTagger, merge_spans, si_score

# --- the metric, against the official scorer's definition -------------------------------


def _official(pred: dict[str, list[tuple[int, int]]], gold: dict[str, list[tuple[int, int]]]) -> tuple:
    """A literal transcription of task-SI_scorer.py: spans as sets of character positions,
    spans of an article sharing a position merged (gold always, predictions with -m), then
    C(s, t, h) = |s & t| / h summed over all pairs of an article."""

    def merged(spans: list[tuple[int, int]]) -> list[set[int]]:
        sets = [set(range(s, e)) for s, e in spans]
        changed = True
        while changed:
            changed = False
            for i in range(len(sets)):
                for j in range(i + 1, len(sets)):
                    if sets[i] & sets[j]:
                        sets[i] |= sets.pop(j)
                        changed = True
                        break
                if changed:
                    break
        return sets

    P = {k: merged(v) for k, v in pred.items()}
    G = {k: merged(v) for k, v in gold.items()}
    p_num = r_num = 0.0
    for art, ss in P.items():
        for s in ss:
            for t in G.get(art, []):
                p_num += len(s & t) / len(s)
                r_num += len(s & t) / len(t)
    n_p = sum(len(v) for v in P.values())
    n_g = sum(len(v) for v in G.values())
    p = p_num / n_p if n_p else 0.0
    r = r_num / n_g if n_g else 0.0
    f1 = 1.0 if n_p == 0 and n_g == 0 else (2 * p * r / (p + r) if p > 0 and r > 0 else 0.0)
    return p, r, f1, n_p, n_g


def _prf(r: dict[str, float]) -> tuple[float, float, float]:
    return r["precision"], r["recall"], r["f1"]


def test_partial_overlap_hand_computed() -> None:
    # s = [5, 15), t = [0, 10): |s & t| = 5; P = 5/10, R = 5/10
    assert _prf(si_score({"a": [(5, 15)]}, {"a": [(0, 10)]})) == pytest.approx((0.5, 0.5, 0.5))
    # s = [0, 4) inside t = [0, 8); a second prediction [10, 12) misses: P = (1 + 0) / 2, R = 4/8
    r = si_score({"a": [(0, 4), (10, 12)]}, {"a": [(0, 8)]})
    assert _prf(r) == pytest.approx((0.5, 0.5, 0.5))
    assert (r["overlap_precision"], r["overlap_recall"]) == (0.5, 1.0)


def test_one_prediction_over_two_gold_spans() -> None:
    # P = (2/10 + 2/10) / 1 = 0.4; R = (2/2 + 2/2) / 2 = 1
    r = si_score({"a": [(0, 10)]}, {"a": [(0, 2), (8, 10)]})
    assert _prf(r) == pytest.approx((0.4, 1.0, 2 * 0.4 / 1.4))


def test_touching_spans_stay_apart_overlapping_ones_merge() -> None:
    # gold [0, 4) and [4, 10) share no character: two gold spans, R = (4/4 + 0) / 2
    r = si_score({"a": [(0, 4)]}, {"a": [(0, 4), (4, 10)]})
    assert (r["n_gold"], r["precision"], r["recall"]) == (2, 1.0, 0.5)
    assert r["f1"] == pytest.approx(2 / 3)
    # gold [0, 6) and [4, 10) share characters 4 and 5: one gold span [0, 10), R = 4/10
    r = si_score({"a": [(0, 4)]}, {"a": [(0, 6), (4, 10)]})
    assert (r["n_gold"], r["precision"], r["recall"]) == (1, 1.0, 0.4)
    # predictions are merged the same way (the scorer's -m option)
    r = si_score({"a": [(0, 5), (3, 8), (8, 9)]}, {"a": [(0, 8)]})
    assert r["n_predicted"] == 2 and r["precision"] == pytest.approx(0.5)
    assert merge_spans([(10, 20), (0, 5), (15, 30), (5, 7)]) == [(0, 5), (5, 7), (10, 30)]


def test_articles_are_kept_apart_and_missing_ones_count() -> None:
    gold = pd.DataFrame({"id": ["a", "a", "b"], "start": [0, 20, 5], "end": [10, 30, 15]})
    # "a": [0,5) -> P 1, R 5/10; [25,35) -> P 5/10, R 5/10; "c": no gold -> P 0
    pred = {"a": [(0, 5), (25, 35)], "c": [(5, 15)]}
    r = si_score(pred, gold)
    assert _prf(r) == pytest.approx((1.5 / 3, 1.0 / 3, 0.4))
    # the same spans as a DataFrame with an int id column and extra columns
    frame = pd.DataFrame({"id": ["a", "a", "c"], "start": [0, 25, 5], "end": [5, 35, 15], "score": 1.0})
    assert si_score(frame, gold) == r
    assert si_score({}, gold)["f1"] == 0.0
    assert si_score(pred, {})["f1"] == 0.0
    # the scorer's convention when neither side has a span
    assert si_score({}, {})["f1"] == 1.0


def test_invalid_spans_are_rejected() -> None:
    with pytest.raises(ValueError, match=r"0 <= start < end.*Got \(5, 5\) in article 'a'"):
        si_score({"a": [(5, 5)]}, {"a": [(0, 8)]})
    with pytest.raises(ValueError, match="columns id, start, end"):
        si_score(pd.DataFrame({"x": [1]}), {})
    with pytest.raises(TypeError, match="DataFrame \\(id, start, end\\) or a mapping"):
        si_score([(0, 1)], {})


def test_matches_a_literal_transcription_of_the_official_scorer() -> None:
    rng = random.Random(0)
    for _ in range(200):
        def spans(k: int) -> list[tuple[int, int]]:
            out = []
            for _ in range(k):
                s = rng.randrange(0, 60)
                out.append((s, s + rng.randrange(1, 15)))
            return out

        pred = {a: spans(rng.randrange(0, 5)) for a in "abc" if rng.random() < 0.8}
        gold = {a: spans(rng.randrange(0, 5)) for a in "abd" if rng.random() < 0.8}
        p, r, f1, n_p, n_g = _official(pred, gold)
        ours = si_score(pred, gold)
        assert _prf(ours) == pytest.approx((p, r, f1))
        assert (ours["n_predicted"], ours["n_gold"]) == (n_p, n_g)
        lex = span_prf(pred, gold)  # the lexicon evaluation uses the same implementation
        assert (lex.precision, lex.recall, lex.f1, lex.n_predicted, lex.n_gold) == pytest.approx(
            (p, r, f1, n_p, n_g))


# --- the tagger ---------------------------------------------------------------------------

TEXTS = [
    "Our brave heroes will never surrender to these traitors. The meeting starts at noon in the town hall.",
    "The council approved the budget on Tuesday. These corrupt thugs are destroying our great nation!",
    "Critics called the plan a disgraceful betrayal. The report has 40 pages and three appendices.",
    "Rain is expected on Friday in the north. Shameful, cowardly liars run this rotten regime.",
]


def _loaded_spans(text: str) -> list[tuple[int, int]]:
    """Gold spans for the examples: the sentence that is not neutral reporting."""
    first, _, _ = text.partition(". ")
    neutral_first = first.startswith(("The council", "Rain", "The report"))
    if neutral_first:
        start = len(first) + 2
        return [(start, len(text))]
    return [(0, len(first) + 1)]


@pytest.mark.parametrize(("features", "smoothing"), [("basic", False), ("rich", False), ("basic", True)])
def test_tagger_learns_spans(features: str, smoothing: bool) -> None:
    texts = TEXTS * 5
    spans = [_loaded_spans(t) for t in texts]
    tagger = PersuasionSpanTagger(n_features=2**14, features=features, smoothing=smoothing, cv=3)
    assert tagger.fit(texts, spans) is tagger
    assert (tagger.smoother_ is not None) == smoothing
    pred = {i: [(a, b) for a, b, _ in p] for i, p in enumerate(tagger.predict(TEXTS))}
    r = si_score(pred, {i: _loaded_spans(t) for i, t in enumerate(TEXTS)})
    assert r["f1"] > 0.8, r


def test_tagger_contract() -> None:
    from sklearn.exceptions import NotFittedError

    tagger = PersuasionSpanTagger(n_features=2**12, cv=2)
    assert clone(tagger).get_params() == tagger.get_params()
    with pytest.raises(NotFittedError):
        tagger.predict(TEXTS[:1])
    tagger.fit(TEXTS, [_loaded_spans(t) for t in TEXTS])
    table = tagger.predict_spans(pd.Series(TEXTS, index=list("abcd")))
    assert list(table.columns) == ["id", "start", "end", "text", "score"]
    assert set(table["id"]) <= set("abcd")
    assert all(TEXTS["abcd".index(i)][s:e] == t
               for i, s, e, t in zip(table["id"], table["start"], table["end"], table["text"]))
    assert tagger.predict([""]) == [[]]
    (toks, proba), = tagger.token_scores(TEXTS[:1])
    assert len(proba) == len(toks) and ((proba >= 0) & (proba <= 1)).all()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"threshold": 1.5}, "'threshold' parameter of PersuasionSpanTagger must be in \\(0, 1\\)"),
        ({"cv": 1}, "'cv' parameter of PersuasionSpanTagger must be an int >= 2. Got 1"),
        ({"window": -1}, "'window' parameter of PersuasionSpanTagger must be an int >= 0"),
        ({"features": "all"}, "'features' parameter of PersuasionSpanTagger must be one of \\['basic', 'rich'\\]"),
    ],
)
def test_tagger_rejects_bad_parameters(params: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PersuasionSpanTagger(**params).fit(TEXTS, [_loaded_spans(t) for t in TEXTS])


def test_tagger_needs_both_classes_and_two_documents_to_smooth() -> None:
    with pytest.raises(ValueError, match="tokens both inside and outside"):
        PersuasionSpanTagger().fit(["No spans here."], [[]])
    with pytest.raises(ValueError, match="needs at least 2 documents"):
        PersuasionSpanTagger(smoothing=True).fit(TEXTS[:1], [_loaded_spans(TEXTS[0])])
    with pytest.raises(ValueError, match="one list of spans per document: got 1 for 2"):
        PersuasionSpanTagger().fit(TEXTS[:2], [[]])


def test_token_features_mark_repetition_quotes_caps_and_lexicon_spans() -> None:
    from framing.models.span_features import _DEFAULT_LEXICONS, _FEATURE_SETS, _token_features

    text = 'These "experts" lied. The TRAITORS LIED again! The traitors lied.'
    feats, toks, sents = _token_features(text, _DEFAULT_LEXICONS, 2)
    assert len(feats) == len(toks) == len(sents) == 10
    assert sents == [0, 0, 0, 1, 1, 1, 1, 2, 2, 2]
    f = {toks.norms[i] + str(i): set(x) for i, x in enumerate(feats)}
    assert {"q=1", "qt=2", "qw=experts", 'pb="'} <= f["experts1"]  # a short ("scare") quote
    assert {"caps", "caps_run", "sent_punct=!", "s_end=!"} <= f["traitors4"]
    assert "rep_w=traitors" in f["traitors4"] and "rep_bigram" in f["traitors4"]
    assert "Bloaded_language:pejorative" in f["traitors4"]
    assert "caps" not in f["traitors8"]
    # every token carries the longer words of its sentence
    assert {"sw=these", "sw=experts", "sw=lied"} <= f["these0"] and "sw=again" not in f["these0"]
    # the basic set leaves out the rich groups
    basic, _, _ = _token_features(text, _DEFAULT_LEXICONS, 2, _FEATURE_SETS["basic"])
    assert "sw=traitors" in basic[4]
    assert not {"caps", "rep_bigram", "qt=2"} & (set(basic[4]) | set(basic[1]))


def test_context_matrix_by_hand() -> None:
    from framing.models.span_features import _context_matrix

    p = np.array([0.1, 0.6, 0.2, 0.9, 0.1])
    m = _context_matrix(p, [0, 0, 0, 1, 1])
    assert m.shape == (5, 26)
    assert m[0, 0] == pytest.approx(np.log(0.1 / 0.9))
    # neighbour one to the right (offset +1 is the 6th offset column): -1 across the sentence end
    assert list(m[:, 1 + 5]) == [0.6, 0.2, -1.0, 0.1, -1.0]
    # sentence mean and maximum
    assert m[0, 11] == pytest.approx(0.3) and m[4, 12] == pytest.approx(0.9)
    # distance to the nearest confident token on the left and on the right
    assert m[:, -2].tolist() == [50, 50, 1, 2, 1] and m[:, -1].tolist() == [1, 2, 1, 50, 50]
    assert _context_matrix(np.zeros(0), []).shape == (0, 26)


def test_runs_bridge_gaps_within_sentences_only() -> None:
    from framing.models.persuasion import _runs
    from framing.text import tokenize

    text = "one two three four five. six seven"
    toks = tokenize(text)
    sents = [0, 0, 0, 0, 0, 1, 1]
    p = np.array([0.9, 0.1, 0.8, 0.1, 0.9, 0.9, 0.1])
    spans = _runs(toks, sents, p, 0.5, 1, 1)
    assert [text[s:e] for s, e, _ in spans] == ["one two three four five", "six"]
    assert spans[0][2] == pytest.approx(p[:5].mean())
    assert [text[s:e] for s, e, _ in _runs(toks, sents, p, 0.5, 0, 1)] == ["one", "three", "five", "six"]
    assert _runs(toks, sents, p, 0.5, 0, 2) == []


# --- measured quality (skips without the research data) -------------------------------------


def test_ptc_dev_slice_floor(data_home) -> None:
    """Train on 80 PTC training articles, score 25 dev articles with the default tagger.

    Measured SI F1 0.341 (P 0.300, R 0.396) on 2026-11-29, 9 s CPU; floor 0.30. The full
    371-article/75-article number (``framing evaluate models --task persuasion-spans``) is
    in docs/models.md.
    """
    from framing.evaluation.models import evaluate_persuasion

    t0 = time.process_time()
    row = evaluate_persuasion(data_home, n_train=80, n_dev=25)[0]
    assert row["ours"] >= 0.30, row
    assert time.process_time() - t0 < 60, "the slice should train in well under a minute of CPU"
