"""framing.compare: each statistic checked against values computed by hand."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from framing import analyze_corpus
from framing.compare import (
    OutletComparison,
    benjamini_hochberg,
    bootstrap_means,
    cliffs_delta,
    cohens_d,
    compare_outlets,
    default_features,
    distinctive_words,
    log_odds_dirichlet,
    pairwise_tests,
    permutation_test,
    same_event,
    sourcing,
    summarize,
)

# --- bootstrap ---------------------------------------------------------------


def test_bootstrap_distribution_matches_enumeration():
    # the 27 equally likely resamples of (1, 2, 3): sums 3..9 occur 1, 3, 6, 7, 6, 3, 1 times
    draws = bootstrap_means(np.array([1.0, 2.0, 3.0]), n_resamples=30000, random_state=1)[:, 0]
    exact = {s / 3: c / 27 for s, c in zip(range(3, 10), [1, 3, 6, 7, 6, 3, 1])}
    values, counts = np.unique(np.round(draws, 9), return_counts=True)
    assert set(np.round(list(exact), 9)) == set(values)
    for v, c in zip(values, counts):
        assert c / len(draws) == pytest.approx(exact[min(exact, key=lambda k: abs(k - v))], abs=0.01)


def test_bootstrap_resamples_rows_jointly_and_skips_nan():
    x = np.array([[1.0, 10.0], [3.0, np.nan]])
    draws = bootstrap_means(x, n_resamples=500, random_state=0)
    assert draws.shape == (500, 2)
    assert set(np.unique(draws[:, 0])) <= {1.0, 2.0, 3.0}
    # the second column has one value: every resample that drew row 0 gives 10, else NaN
    col = draws[:, 1]
    assert set(np.unique(col[~np.isnan(col)])) == {10.0}
    assert np.array_equal(np.isnan(col), draws[:, 0] == 3.0)


def test_summarize_two_groups_of_three_exact_intervals():
    df = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3, "f__x": [1.0, 2.0, 3.0, 5.0, 5.0, 5.0]},
                      index=[f"a{i}" for i in range(6)])
    s = summarize(df, n_resamples=20000, random_state=0).set_index("outlet")
    assert s.loc["A", "n"] == 3 and s.loc["A", "mean"] == 2.0 and s.loc["A", "median"] == 2.0
    assert s.loc["A", "std"] == pytest.approx(1.0)
    # P(mean = 1) = 1/27 > 2.5 %: the 95 % percentile interval is [1, 3]
    assert (s.loc["A", "ci_low"], s.loc["A", "ci_high"]) == (1.0, 3.0)
    assert (s.loc["B", "ci_low"], s.loc["B", "ci_high"]) == (5.0, 5.0)
    # 90 %: P(mean <= 1) = 1/27 < 5 % <= P(mean <= 4/3) = 4/27
    s90 = summarize(df, confidence=0.9, n_resamples=20000, random_state=0).set_index("outlet")
    assert s90.loc["A", "ci_low"] == pytest.approx(4 / 3)
    assert s90.loc["A", "ci_high"] == pytest.approx(8 / 3)


def test_summarize_is_reproducible_and_checks_input():
    df = pd.DataFrame({"outlet": list("AABB"), "f__x": [1.0, 4.0, 2.0, 9.0]})
    a = summarize(df, random_state=3, n_resamples=200)
    pd.testing.assert_frame_equal(a, summarize(df, random_state=3, n_resamples=200))
    with pytest.raises(KeyError, match="'by' parameter"):
        summarize(df, by="leaning")
    with pytest.raises(KeyError, match="do not exist"):
        summarize(df, ["f__nope"])
    with pytest.raises(ValueError, match="confidence"):
        summarize(df, confidence=95)
    with pytest.raises(TypeError, match="DataFrame"):
        summarize([1, 2, 3])
    only_b = summarize(df, groups=["B"], n_resamples=50)
    assert only_b["outlet"].tolist() == ["B"]


def test_default_features_are_rates_not_counts():
    df = pd.DataFrame({"outlet": ["A"], "title": ["t"], "n_tokens": [5.0], "n_sentences": [1.0],
                       "loaded_language__total": [2.0], "loaded_language__total_count": [1.0],
                       "attribution__direct_share": [0.5]})
    assert default_features(df) == ["loaded_language__total", "attribution__direct_share"]


# --- effect sizes and tests --------------------------------------------------------


def test_cohens_d_unequal_groups_by_hand():
    # a: mean 5, var 20/3; b: mean 2, var 2; pooled = (3 * 20/3 + 1 * 2) / 4 = 5.5
    d = cohens_d(np.array([2.0, 4.0, 6.0, 8.0]), np.array([1.0, 3.0]))
    assert d[0] == pytest.approx(3 / math.sqrt(5.5))
    assert np.isnan(cohens_d(np.array([1.0]), np.array([2.0, 3.0]))[0])


def test_cliffs_delta_with_ties_by_hand():
    # pairs (a, b): (1,2)< (1,3)< (2,2)= (2,3)< (2,2)= (2,3)<: (0 - 4) / 6
    assert cliffs_delta(np.array([1.0, 2.0, 2.0]), np.array([2.0, 3.0]))[0] == pytest.approx(-4 / 6)
    assert cliffs_delta(np.array([5.0, 6.0]), np.array([1.0]))[0] == 1.0


def test_permutation_test_exact_enumeration():
    # C(6, 3) = 20 splits; only the observed one and its mirror reach |diff| = 3
    diff, p = permutation_test(np.array([1.0, 2.0, 3.0]), np.array([4.0, 5.0, 6.0]))
    assert diff[0] == -3.0 and p[0] == pytest.approx(2 / 20)
    # (1, 2, 4) vs (3, 5, 6): diff = -7/3; splits with |sum_a - 10.5| >= 3.5: sums <= 7 or >= 14
    sums = [sum(c) for c in itertools.combinations([1, 2, 4, 3, 5, 6], 3)]
    expected = sum(abs(s / 3 - (21 - s) / 3) >= 7 / 3 - 1e-9 for s in sums) / 20
    diff, p = permutation_test(np.array([1.0, 2.0, 4.0]), np.array([3.0, 5.0, 6.0]))
    assert diff[0] == pytest.approx(-7 / 3) and p[0] == pytest.approx(expected)


def test_permutation_test_sampled_agrees_with_exact():
    rng = np.random.default_rng(5)
    a, b = rng.normal(0.0, 1.0, 8), rng.normal(0.8, 1.0, 8)
    _, exact = permutation_test(a, b, n_permutations=20000)  # C(16, 8) = 12870: enumerated
    _, sampled = permutation_test(a, b, n_permutations=3000, random_state=0)
    assert sampled[0] == pytest.approx(exact[0], abs=0.03)
    assert sampled[0] > 0  # (1 + hits) / (1 + B) is never zero


def test_benjamini_hochberg_by_hand_and_nan():
    # sorted .01 .03 .04 .2 -> x m / rank: .04 .06 .0533 .2 -> running min from the top
    assert benjamini_hochberg([0.01, 0.04, 0.03, 0.2]) == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.2])
    out = benjamini_hochberg([0.02, np.nan, 0.04])
    assert np.isnan(out[1]) and out[[0, 2]] == pytest.approx([0.04, 0.04])


def test_pairwise_tests_two_by_three():
    df = pd.DataFrame({"outlet": ["A"] * 3 + ["B"] * 3,
                       "f__x": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
                       "f__y": [1.0, 1.0, 2.0, 1.0, 2.0, 2.0]})
    t = pairwise_tests(df).set_index("feature")
    assert t.loc["f__x", "diff"] == -3.0
    assert t.loc["f__x", "cohens_d"] == pytest.approx(-3.0)
    assert t.loc["f__x", "cliffs_delta"] == -1.0
    assert t.loc["f__x", "p_value"] == pytest.approx(0.1)
    # f__y: sums of 3 of (1,1,2,1,2,2): observed 4 vs 5; |diff| >= 1/3 unless the sum is 4.5 (never)
    assert t.loc["f__y", "p_value"] == pytest.approx(1.0)
    assert t["p_adjusted"].tolist() == pytest.approx(benjamini_hochberg(t["p_value"]).tolist())
    assert not t["significant"].any()
    per_pair = pairwise_tests(df, family="pair")
    assert per_pair["p_adjusted"].tolist() == pytest.approx([0.2, 1.0])
    with pytest.raises(ValueError, match="family"):
        pairwise_tests(df, family="each")


def test_pairwise_tests_finds_a_real_difference_and_respects_pairs():
    rng = np.random.default_rng(0)
    df = pd.DataFrame({"outlet": ["A"] * 30 + ["B"] * 30 + ["C"] * 30,
                       "f__x": np.r_[rng.normal(0, 1, 30), rng.normal(2, 1, 30), rng.normal(0, 1, 30)],
                       "f__noise": rng.normal(0, 1, 90)})
    t = pairwise_tests(df, n_permutations=999, random_state=1)
    assert len(t) == 3 * 2
    sig = t[t["significant"]]
    assert set(sig["feature"]) == {"f__x"}
    assert {frozenset(p) for p in zip(sig["group_a"], sig["group_b"])} == {frozenset("AB"), frozenset("BC")}
    only = pairwise_tests(df, pairs=[("C", "A")], n_permutations=99)
    assert only[["group_a", "group_b"]].drop_duplicates().values.tolist() == [["C", "A"]]


# --- log-odds ---------------------------------------------------------------------


def test_log_odds_dirichlet_three_word_table_by_hand():
    a, b = np.array([10, 5, 0]), np.array([2, 5, 8])
    prior = np.array([12.0, 10.0, 8.0])  # the combined counts: alpha_0 = 30, n_a = n_b = 15
    delta, var, z = log_odds_dirichlet(a, b, prior)
    d0 = math.log(22 / 23) - math.log(14 / 31)
    d1 = math.log(15 / 30) - math.log(15 / 30)
    d2 = math.log(8 / 37) - math.log(16 / 29)
    assert delta == pytest.approx([d0, d1, d2])
    assert var == pytest.approx([1 / 22 + 1 / 14, 1 / 15 + 1 / 15, 1 / 8 + 1 / 16])
    assert z == pytest.approx([d0 / math.sqrt(1 / 22 + 1 / 14), 0.0, d2 / math.sqrt(3 / 16)])
    with pytest.raises(ValueError, match="same length"):
        log_odds_dirichlet(a, b[:2], prior)
    with pytest.raises(ValueError, match="positive"):
        log_odds_dirichlet(a, b, np.zeros(3))


def test_distinctive_words_counts_prior_and_min_count():
    df = pd.DataFrame({
        "outlet": ["L", "L", "R", "R", "C"],
        "text": ["Tax relief for families. Tax relief now.", "Families didn\u2019t get relief.",
                 "Tax breaks for the rich.", "Breaks for the rich didn't help.", "Tax."],
    })
    words = distinctive_words(df, "L", "R", min_count=2).set_index("term")
    # the curly apostrophe is normalised as framing.text.tokenize does
    assert words.loc["didn't", "count_a"] == 1 and words.loc["didn't", "count_b"] == 1
    assert words.loc["relief", "count_a"] == 3 and words.loc["relief", "count_b"] == 0
    assert words.loc["relief", "favours"] == "L" and words.loc["rich", "favours"] == "R"
    # every reported term occurs at least twice in L and R together; "now" (once) is left out
    assert (words["count_a"] + words["count_b"] >= 2).all() and "now" not in words.index
    # recompute one z by hand from the counts (combined prior)
    n_a, n_b = 11, 11  # tokens of L (7 + 4) and of R (5 + 6)
    ya, yb = 3, 0
    alpha, a0 = 3.0, 22.0  # "relief" occurs 3 times in all; alpha_0 = all tokens
    d = math.log((ya + alpha) / (n_a + a0 - ya - alpha)) - math.log((yb + alpha) / (n_b + a0 - yb - alpha))
    assert words.loc["relief", "log_odds"] == pytest.approx(d)
    assert words.loc["relief", "z"] == pytest.approx(d / math.sqrt(1 / 6 + 1 / 3))
    # b=None is everyone else (R and C)
    rest = distinctive_words(df, "L", min_count=1).set_index("term")
    assert rest.loc["tax", "count_b"] == 2 and rest["favours"].isin(["L", "rest"]).all()
    # sorted by z, most distinctive of a first
    assert words["z"].is_monotonic_decreasing


def test_distinctive_words_errors():
    df = pd.DataFrame({"outlet": ["A", "B"], "text": ["x y", "y z"]})
    with pytest.raises(ValueError, match="both groups"):
        distinctive_words(df, "A", "Z")
    with pytest.raises(KeyError, match="missing column"):
        distinctive_words(df, "A", text="body")
    with pytest.raises(ValueError, match="min_count"):
        distinctive_words(df, "A", min_count=-1)


# --- same event -----------------------------------------------------------------------


def test_same_event_by_hand():
    df = pd.DataFrame({"story": ["e1", "e1", "e1", "e2", "e2"], "outlet": ["L", "R", "R", "L", "R"],
                       "f__x": [1.0, 4.0, 7.0, 2.0, 2.0]}, index=list("abcde"))
    ref = pd.DataFrame({"f__x": [3.0, 1.0]}, index=["e1", "e2"])
    out = same_event(df, event="story", reference=ref)
    assert out["id"].tolist() == list("abcde")
    assert out["event_mean"].tolist() == [4.0, 4.0, 4.0, 2.0, 2.0]
    assert out["vs_event"].tolist() == [-3.0, 0.0, 3.0, 0.0, 0.0]
    assert out["vs_reference"].tolist() == [-2.0, 1.0, 4.0, 1.0, 1.0]
    assert out["n_event"].tolist() == [3, 3, 3, 2, 2]
    per_outlet = out.groupby("outlet")["vs_reference"].mean()
    assert per_outlet.to_dict() == {"L": -0.5, "R": 2.0}
    with pytest.raises(KeyError, match="event"):
        same_event(df, event="event")


def test_same_event_on_lim2020_with_wire_references(data_home):
    datasets = pytest.importorskip("framing.datasets")
    articles, _ = datasets.load_same_event(data_home)
    ref_col = next(c for c in ("reference_text", "reference_excerpt") if c in articles.columns)
    refs = articles.groupby("event_id")[ref_col].first()
    feats = ["loaded_language__total", "attribution__quotes_count"]
    lexicons = ["loaded_language", "reporting_verbs"]
    corpus = analyze_corpus(articles[["text", "outlet"]], lexicons=lexicons)
    table = corpus.features.join(articles[["event_id"]])
    ref_features = analyze_corpus(refs.rename("text"), lexicons=lexicons).features
    out = same_event(table, feats, event="event_id", reference=ref_features)
    assert len(out) == len(articles) * len(feats)
    assert articles["event_id"].nunique() == 4
    assert out["reference"].notna().all()  # every event has its wire article
    # within an event the deviations from the event mean cancel out
    sums = out.groupby(["event_id", "feature"])["vs_event"].sum()
    assert np.allclose(sums.to_numpy(), 0.0)
    # one row recomputed from the two feature tables
    row = out[(out["id"] == articles.index[0]) & (out["feature"] == feats[0])].iloc[0]
    event = articles["event_id"].iloc[0]
    assert row["vs_reference"] == pytest.approx(
        table.loc[articles.index[0], feats[0]] - ref_features.loc[str(event), feats[0]])
    # per outlet: the outlets' mean difference from the wire article, one tidy call
    by_outlet = summarize(out[out["feature"] == feats[0]], ["vs_reference"], n_resamples=200)
    assert set(by_outlet["outlet"]) == set(articles["outlet"])


# --- sourcing ---------------------------------------------------------------------------


QUOTES = pd.DataFrame({
    "id": ["a1", "a1", "a2", "b1", "b1", "b2"],
    "start": [0, 10, 0, 0, 20, 0], "end": [5, 15, 5, 5, 25, 5],
    "text": ["one two three", "four", "five six", "seven", "eight nine", "ten"],
    "kind": ["direct"] * 6,
    "speaker_text": ["Dr X", "Gov Y", "Dr Z", None, "Cop", "Gov W"],
    "speaker_category": ["expert", "government", "expert", None, "law_enforcement", "government"],
    "cue_lemma": ["say", "claim", "say", None, "deny", "say"],
    "cue_stance": ["neutral", "distancing", "neutral", None, "contesting", "neutral"],
})
ARTICLES = pd.DataFrame({"outlet": ["A", "A", "A", "B", "B"]}, index=["a1", "a2", "a3", "b1", "b2"])


def test_sourcing_shares_by_hand():
    s = sourcing(QUOTES, ARTICLES, n_resamples=500).set_index(["outlet", "speaker_category"])
    assert s.loc[("A", "expert"), "count"] == 2 and s.loc[("A", "expert"), "share"] == pytest.approx(2 / 3)
    assert s.loc[("A", "government"), "per_article"] == pytest.approx(1 / 3)  # a3 has no quote
    assert s.loc[("B", "none"), "share"] == pytest.approx(1 / 3)
    assert s.loc[("A", "expert"), "n_articles"] == 3
    lo, hi = s.loc[("A", "expert"), ["ci_low", "ci_high"]]
    assert 0.0 <= lo <= 2 / 3 <= hi <= 1.0
    # share of voice: quoted words
    w = sourcing(QUOTES, ARTICLES, weight="words", n_resamples=200).set_index(["outlet", "speaker_category"])
    assert w.loc[("A", "expert"), "count"] == 5 and w.loc[("A", "expert"), "share"] == pytest.approx(5 / 6)
    assert w.loc[("B", "law_enforcement"), "share"] == pytest.approx(2 / 4)


def test_sourcing_cue_stance_drops_uncued_quotes():
    s = sourcing(QUOTES, ARTICLES, what="cue_stance", missing=None, n_resamples=200)
    b = s[s["outlet"] == "B"].set_index("cue_stance")["share"]
    assert b.to_dict() == pytest.approx({"contesting": 0.5, "distancing": 0.0, "neutral": 0.5})
    with pytest.raises(KeyError, match="quotes table"):
        sourcing(QUOTES.drop(columns="cue_stance"), ARTICLES, what="cue_stance")


# --- compare_outlets --------------------------------------------------------------


def test_compare_outlets_on_analyzed_sentences():
    left = ["Critics slammed the reckless, disastrous plan, activists claimed.",
            "The radical scheme is a catastrophe, protesters alleged."]
    right = ["Officials said the plan would start in May.",
             "The ministry said the budget was approved on Tuesday."]
    texts = [t for _ in range(3) for t in left] + [t for _ in range(3) for t in right]
    df = pd.DataFrame({"text": texts, "outlet": ["Left"] * 6 + ["Right"] * 6},
                      index=[f"x{i}" for i in range(12)])
    corpus = analyze_corpus(df)
    result = compare_outlets(corpus, min_articles=2, n_resamples=300, n_permutations=1000)
    assert isinstance(result, OutletComparison)
    assert result.groups == ["Left", "Right"]
    tests = result.tests.set_index("feature")
    assert tests.loc["loaded_language__total", "diff"] > 0
    assert tests.loc["loaded_language__total", "p_value"] == pytest.approx(2 / 924)  # exact: C(12, 6)
    assert result.stances is not None and result.sources is not None
    stances = result.stances.set_index(["outlet", "cue_stance"])["share"]
    assert stances[("Right", "neutral")] == 1.0
    assert stances[("Left", "distancing")] > 0.5


@pytest.mark.filterwarnings("ignore::RuntimeWarning")
def test_compare_outlets_on_allsides(data_home):
    datasets = pytest.importorskip("framing.datasets")
    df = datasets.load_allsides(data_home, n_articles=800, random_state=0, columns=["outlet", "text"])
    top = df["outlet"].value_counts().index[:6]
    df = df[df["outlet"].isin(top)].groupby("outlet").head(15)
    corpus = analyze_corpus(df, lexicons=["loaded_language", "epistemic", "reporting_verbs"])
    result = compare_outlets(corpus, n_resamples=500, n_permutations=500)
    assert len(result.groups) == 6
    n_feats = result.summary["feature"].nunique()
    assert len(result.summary) == 6 * n_feats
    assert len(result.tests) == 15 * n_feats
    s = result.summary
    assert ((s["ci_low"] <= s["mean"] + 1e-9) & (s["mean"] <= s["ci_high"] + 1e-9)).all()
    assert result.tests["p_value"].between(0, 1).all()


def test_compare_outlets_single_group_and_errors_left_out():
    df = pd.DataFrame({"outlet": ["A"] * 5 + ["B"], "error": [None] * 5 + ["unreadable"],
                       "f__x": [1.0, 2.0, 3.0, 4.0, 5.0, np.nan]})
    result = compare_outlets(df, min_articles=1, n_resamples=100)
    assert result.groups == ["A"]  # the article with an error is not compared
    assert result.tests.empty and result.significant().empty
    assert result.summary["mean"].tolist() == [3.0]
    with pytest.raises(ValueError, match="no group"):
        compare_outlets(df, min_articles=10)
