"""Tests for the model evaluations (framing.evaluation.models): outlet-blind text features,
the cached framing features, fold-wise TF-IDF, and article leaning on a slice of AllSides."""

from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

import framing.evaluation.models.article_leaning as ev
from framing.evaluation.models import (
    OutletBlindTfidf,
    article_framing_features,
    evaluate_article_leaning,
    framing_cache_key,
    outlet_family,
    outlet_stop_words,
    strip_outlet_tokens,
)

# Invented articles in the register of news writing (no corpus text).
DOCS = [
    "Subscribe to the Daily Bugle. The Senate passed the tax bill on Tuesday, officials said.",
    "Daily Bugle staff report: the tax bill passed the Senate after a long debate.",
    "The Planet Ledger has learned that the tax bill faces a reckless, disgraceful fight.",
    "Critics slammed the tax bill, the Planet Ledger reports, calling it a scheme.",
    "The Globe reports the Senate vote on the tax bill was close, officials said.",
    "Officials said the tax bill debate in the Senate ran late, according to the Globe.",
]
OUTLETS = ["Daily Bugle - News", "Daily Bugle - News", "Planet Ledger (Online News)",
           "Planet Ledger (Online News)", "The Globe", "The Globe"]


def test_outlet_names_and_families():
    assert outlet_family("Fox Online News") == outlet_family("Fox News") == "fox"
    assert outlet_family("CNN - Editorial") == outlet_family("CNN (Web News)") == "cnn"
    assert outlet_family("Washington Post") != outlet_family("Washington Times")
    names = outlet_stop_words([*OUTLETS, "", None, "AP"])  # type: ignore[list-item]
    assert names[0] == "Planet Ledger (Online News)" and "Daily Bugle" in names and "Globe" in names
    assert "AP" not in names  # too short to remove safely
    text = "The Globe said the Daily Bugle erred; globe-trotting Globetrotters stayed."
    assert strip_outlet_tokens(text, names) == "  said the   erred; globe-trotting Globetrotters stayed."
    assert strip_outlet_tokens(text, []) == text


def test_outlet_blind_tfidf_drops_outlet_terms():
    X = pd.DataFrame({"doc": DOCS, "outlet": OUTLETS})
    vec = OutletBlindTfidf(min_outlets=3, min_df=1)
    Xt = vec.fit_transform(X)
    terms = set(vec.get_feature_names_out())
    assert {"tax", "bill", "tax bill", "the tax"} <= terms  # used by all three outlets
    assert not terms & {"bugle", "subscribe", "planet", "ledger", "globe", "reckless"}
    assert Xt.shape == (6, len(terms))
    np.testing.assert_allclose(np.asarray(Xt.multiply(Xt).sum(axis=1)).ravel(), 1.0, rtol=1e-5)
    # the outlet column is not used at transform time
    other = X.assign(outlet="Unknown Outlet")
    assert (vec.transform(other) != vec.transform(X)).nnz == 0
    assert OutletBlindTfidf(min_outlets=1, min_df=1, strip_names=False).fit(X).get_feature_names_out().size > len(terms)
    with pytest.raises(ValueError, match="two columns"):
        vec.transform(X[["doc"]])
    with pytest.raises(ValueError, match="'min_outlets' parameter"):
        OutletBlindTfidf(min_outlets=0).fit(X)
    with pytest.raises(ValueError, match="kept no term"):
        OutletBlindTfidf(min_outlets=4, min_df=1).fit(X)


def test_fold_tfidf_matches_tfidf_vectorizer():
    docs = DOCS * 2 + ["The tax bill passed.", "A reckless scheme, critics said."]
    counts = ev._ngram_counts(docs, None, "plain")
    train, test = np.arange(9), np.arange(9, 14)
    for max_features in (None, 40):
        a, b = ev._fold_tfidf(counts, train, test, min_df=2, max_features=max_features)
        vec = TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2, max_features=max_features)
        A = vec.fit_transform([docs[i] for i in train])
        B = vec.transform([docs[i] for i in test])
        assert a.shape == A.shape
        if max_features is None:  # no ties to break: the same matrix
            np.testing.assert_allclose(a.toarray(), A.toarray(), atol=1e-6)
            np.testing.assert_allclose(b.toarray(), B.toarray(), atol=1e-6)
    # terms of fewer than min_outlets training outlets are dropped
    outlets = np.asarray(OUTLETS * 2 + ["X", "Y"], dtype=object)
    a, _ = ev._fold_tfidf(counts, train, test, min_df=1, max_features=None, outlets=outlets, min_outlets=3)
    assert 0 < a.shape[1] < A.shape[1]


def test_framing_features_cache(tmp_path, monkeypatch):
    docs = ['Officials claimed the reckless plan "failed."', "The vote is on Monday."]
    key = framing_cache_key(docs)
    assert key != framing_cache_key(docs[::-1]) and key != framing_cache_key(docs, ["epistemic"])
    first = article_framing_features(docs, cache_dir=tmp_path / "cache", index=["a", "b"])
    assert list(first.index) == ["a", "b"] and first.loc["a", "attribution__quotes_count"] == 1.0
    assert (tmp_path / "cache" / f"article-features-{key}.npz").is_file()

    def boom(*args, **kwargs):
        raise AssertionError("recomputed instead of reading the cache")

    monkeypatch.setattr(sys.modules["framing.pipeline"], "analyze_corpus", boom)
    again = article_framing_features(docs, cache_dir=tmp_path / "cache", index=["a", "b"])
    pd.testing.assert_frame_equal(first, again)


def test_leaning_options_are_checked():
    with pytest.raises(ValueError, match="'variants' parameter"):
        evaluate_article_leaning(variants=["BERT"])
    with pytest.raises(ValueError, match="'groupings' parameter"):
        evaluate_article_leaning(groupings=["topic"])


def test_allsides_slice_floor(data_home, tmp_path):
    """AllSides, 500 sampled articles, GroupKFold(3) by outlet: measured 0.377 (TF-IDF + framing) and
    0.376 (framing only) on 2026-11-29; floors 0.30 and 0.25."""
    rows, weights = evaluate_article_leaning(data_home, n_articles=500, n_splits=3, cache_dir=tmp_path,
                                             variants=["framing features only", "TF-IDF + framing features"])
    grouped = {r["note"].split("; ")[-1]: r for r in rows
               if "GroupKFold" in r["split"] and r["metric"] == "macro-F1"}
    calibration = [r for r in rows if "GroupKFold" in r["split"] and r["metric"] != "macro-F1"]
    assert calibration and all(r["ours"] <= 0.10 for r in calibration), calibration  # held-out ECE
    assert set(grouped) == {"framing features only", "TF-IDF + framing features"}
    assert grouped["TF-IDF + framing features"]["ours"] >= 0.30, grouped
    assert grouped["framing features only"]["ours"] >= 0.25, grouped
    assert list(weights.columns) == ["class", "rank", "feature", "weight", "same_sign_folds"]
    assert set(weights["class"]) == {"left", "center", "right"}
    assert weights["same_sign_folds"].str.endswith("/3").all()
    assert not weights["feature"].str.contains("framing__").any()
