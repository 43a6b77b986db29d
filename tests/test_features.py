"""Contract and behaviour tests for the framing transformers (framing.features)."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.exceptions import NotFittedError
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from framing.features import (
    AttributionFeaturizer,
    LexiconFeaturizer,
    TermListFeaturizer,
    check_documents,
)

DOCS = pd.Series(
    [
        "Critics slammed the reckless, disgraceful plan, officials claimed.",
        'The senator said "we will not back down" on Tuesday.',
        "The committee will meet on Monday to discuss the budget.",
        "",
    ],
    index=["a1", "a2", "a3", "a4"],
)
LABELS = ["biased", "non-biased", "non-biased", "non-biased"]
TERMS = [["slammed", "reckless", "disgraceful"], [], [], []]


def _make(cls):
    if cls is LexiconFeaturizer:
        return LexiconFeaturizer(["loaded_language", "reporting_verbs"], measure="both")
    return cls()


def _fit(est, X):
    if isinstance(est, TermListFeaturizer):
        return est.fit(X, terms=TERMS[: len(X)] if len(X) == len(TERMS) else [[]] * len(X))
    return est.fit(X)


CLASSES = [LexiconFeaturizer, AttributionFeaturizer, TermListFeaturizer]


@pytest.mark.parametrize("cls", CLASSES)
def test_contract_params_clone_and_fit_returns_self(cls):
    est = _make(cls)
    params = est.get_params()
    twin = clone(est)
    assert twin.get_params() == params
    assert twin is not est
    twin.set_params(**params)
    assert twin.get_params() == params
    assert _fit(est, DOCS) is est
    # __init__ stored parameters only: no fitted attribute before fit
    assert not any(k.endswith("_") and not k.startswith("_") for k in vars(clone(est)))


@pytest.mark.parametrize("cls", CLASSES)
def test_contract_not_fitted(cls):
    with pytest.raises(NotFittedError):
        _make(cls).transform(DOCS)
    with pytest.raises(NotFittedError):
        _make(cls).get_feature_names_out()


@pytest.mark.parametrize("cls", CLASSES)
def test_contract_pandas_output_keeps_index(cls):
    est = _fit(_make(cls).set_output(transform="pandas"), DOCS)
    out = est.transform(DOCS)
    assert isinstance(out, pd.DataFrame)
    assert list(out.index) == ["a1", "a2", "a3", "a4"]
    assert list(out.columns) == list(est.get_feature_names_out())
    # an empty document yields zeros
    assert (out.loc["a4"] == 0).all()
    assert np.isfinite(out.to_numpy()).all()


@pytest.mark.parametrize("cls", CLASSES)
@pytest.mark.parametrize(
    ("bad", "match"),
    [
        ("one bare string", "Got a single str"),
        (["fine", None], r"Got None \(NoneType\) at position 1"),
        (["fine", float("nan")], r"Got NaN \(float\) at position 1"),
        ([b"bytes"], "expects every document to be a str"),
    ],
)
def test_contract_bad_input_says_expected_and_received(cls, bad, match):
    est = _fit(_make(cls), DOCS)
    with pytest.raises(TypeError, match=match):
        est.transform(bad)
    with pytest.raises(TypeError, match="expects"):
        _make(cls).fit(bad) if cls is not TermListFeaturizer else _make(cls).fit(bad, terms=[[]] * 2)


@pytest.mark.parametrize("cls", CLASSES)
def test_contract_pickle_and_skops_round_trip(cls, tmp_path):
    sio = pytest.importorskip("skops.io")
    est = _fit(_make(cls), DOCS)
    expected = est.transform(DOCS)
    again = pickle.loads(pickle.dumps(est))
    np.testing.assert_array_equal(again.transform(DOCS), expected)
    path = tmp_path / "est.skops"
    sio.dump(est, path)
    untrusted = sio.get_untrusted_types(file=path)
    assert all(t.startswith(("framing.", "sklearn.", "numpy.")) for t in untrusted)
    loaded = sio.load(path, trusted=untrusted)
    np.testing.assert_array_equal(loaded.transform(DOCS), expected)


def test_pipeline_and_column_transformer_next_to_tfidf():
    frame = pd.DataFrame({"text": DOCS, "outlet": ["x", "y", "x", "y"]})
    ct = ColumnTransformer([
        ("words", TfidfVectorizer(), "text"),
        ("lex", LexiconFeaturizer("loaded_language"), "text"),
        ("att", AttributionFeaturizer(), "text"),
    ])
    pipe = Pipeline([("features", ct), ("clf", LogisticRegression())])
    pipe.fit(frame, LABELS)
    assert pipe.predict(frame).shape == (4,)
    names = list(pipe[:-1].get_feature_names_out())
    assert "lex__loaded_language__total" in names
    assert "att__attribution__quotes_count" in names
    union = FeatureUnion([("w", TfidfVectorizer()), ("l", LexiconFeaturizer("epistemic"))])
    assert union.fit_transform(DOCS).shape[0] == 4


def test_lexicon_counts_and_rates_match_analyze():
    from framing.pipeline import analyze

    text = DOCS["a1"]
    feat = LexiconFeaturizer(["loaded_language", "reporting_verbs"], measure="both")
    out = feat.set_output(transform="pandas").fit_transform([text]).iloc[0]
    ref = analyze(text, lexicons=["loaded_language", "reporting_verbs"]).features
    for name in out.index:
        assert out[name] == pytest.approx(ref[name]), name
    assert out["reporting_verbs__emotive_count"] == 1.0  # "slammed"
    assert out["reporting_verbs__distancing_count"] == 1.0  # "claimed"
    assert out["loaded_language__total_count"] >= 2.0  # "reckless", "disgraceful"


def test_lexicon_featurizer_counts_the_reporting_verbs_the_analyzer_counts():
    # Regression (redesign issue): nouns and adjectives were counted as reporting verbs.
    from framing.pipeline import analyze

    texts = [
        "The alleged plot failed. Sales declined sharply. The report noted gains.",
        "Officials claimed the reckless plan would work, critics said.",
        "The appeals court declined to comment on the reports of fraud.",
    ]
    out = LexiconFeaturizer(measure="both").set_output(transform="pandas").fit_transform(texts)
    for k, text in enumerate(texts):
        ref = analyze(text).features
        for name in out.columns:
            assert out.iloc[k][name] == pytest.approx(ref[name]), (k, name)
    # "appeals" and "reports" are nouns here; "declined to comment" is two verbs, and so
    # is "Sales declined" one (a verb use that reports nothing, no quote's cue)
    assert out["reporting_verbs__total_count"].tolist() == [2.0, 2.0, 2.0]


def test_lexicon_negated_hits_are_not_counted():
    feat = LexiconFeaturizer("loaded_language", measure="count").fit(["x"])
    names = list(feat.get_feature_names_out())
    plain = feat.transform(["It was a disgraceful decision."])[0, names.index("loaded_language__total_count")]
    negated = feat.transform(["It was not disgraceful at all."])[0, names.index("loaded_language__total_count")]
    assert plain == 1.0
    assert negated == 0.0


def test_lexicon_parameter_validation():
    with pytest.raises(ValueError, match="'measure' parameter of LexiconFeaturizer must be one of"):
        LexiconFeaturizer(measure="share").fit(DOCS)
    with pytest.raises(ValueError, match="must name shipped lexicons"):
        LexiconFeaturizer("no_such_lexicon").fit(DOCS)
    # validation happens in fit, not __init__
    LexiconFeaturizer(measure="share")


def test_lexicon_featurizer_accepts_user_lexicon():
    from framing.lexicon import Lexicon

    lex = Lexicon("mine")
    lex.add("budget", "money")
    feat = LexiconFeaturizer([lex], measure="count", totals=False).fit(DOCS)
    assert list(feat.get_feature_names_out()) == ["mine__money_count"]
    assert feat.transform(DOCS)[:, 0].tolist() == [0.0, 0.0, 1.0, 0.0]


def test_attribution_features_of_a_quote():
    feat = AttributionFeaturizer().set_output(transform="pandas").fit(DOCS)
    out = feat.transform(DOCS)
    assert out.loc["a2", "attribution__quotes_count"] >= 1.0
    assert out.loc["a3", "attribution__quotes_count"] == 0.0
    assert all(c.startswith("attribution__") for c in out.columns)
    with pytest.raises(ValueError, match="matches no attribution feature"):
        AttributionFeaturizer(prefix="nothing__").fit(DOCS)


def test_term_list_learns_from_training_fold_only():
    feat = TermListFeaturizer(min_count=1, min_share=0.5).fit(DOCS, terms=TERMS)
    assert {"slammed", "reckless", "disgraceful"} <= set(feat.terms_)
    out = feat.transform(["A reckless move.", "A calm move."])
    assert out[0, 0] == 1.0 and out[1, 0] == 0.0
    assert feat.evidence("A reckless move.")[0][:3] == (2, 10, "reckless")
    with pytest.raises(ValueError, match="needs 'terms'"):
        TermListFeaturizer().fit(DOCS)
    with pytest.raises(ValueError, match="one list of terms per document"):
        TermListFeaturizer().fit(DOCS, terms=[[]])


def test_check_documents_accepts_arrays_and_one_column_frames():
    assert check_documents(np.array(["a", "b"], dtype=object)) == ["a", "b"]
    assert check_documents(pd.DataFrame({"text": ["a"]})) == ["a"]
    with pytest.raises(ValueError, match="2 columns"):
        check_documents(pd.DataFrame({"a": ["x"], "b": ["y"]}))
