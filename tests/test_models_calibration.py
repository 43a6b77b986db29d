"""Calibrated, honest models: compact files, held-out calibration, units, out-of-distribution warnings."""

from __future__ import annotations

import json
import zipfile

import numpy as np
import pytest

from framing.models import load_model, make_pipeline, save_model, train
from framing.models.calibration import (
    expected_calibration_error,
    reliability_table,
    top_label_calibration,
)
from framing.models.compact import CalibratedLinearClassifier, CompactTfidfVectorizer
from framing.models.crossval import cross_val_proba
from framing.models.guard import input_warnings, training_profile
from framing.models.trained import TrainedModel

BIASED = [
    "The reckless senator rammed through a disgraceful bill.",
    "Radical activists hijacked the hearing with outrageous demands.",
    "Critics blasted the mayor's absurd scheme as a shameful disaster.",
    "The corrupt regime squandered billions on a ludicrous vanity project.",
]
NEUTRAL = [
    "The Senate passed the bill by a vote of 52 to 48 on Tuesday.",
    "The committee will hold a hearing on the proposal next week.",
    "The mayor said the project would cost about 40 million dollars.",
    "The ministry published its annual budget report on Friday.",
]
TEXTS = (BIASED + NEUTRAL) * 2
LABELS = (["biased"] * 4 + ["non-biased"] * 4) * 2


@pytest.fixture(scope="module")
def bias_model() -> TrainedModel:
    return train("sentence-bias", TEXTS, LABELS, cv=2)


def test_the_vocabulary_is_two_arrays_in_the_file_and_comes_back_whole(tmp_path):
    import skops.io as sio

    vec = CompactTfidfVectorizer(ngram_range=(1, 2)).fit(TEXTS)
    path = tmp_path / "vec.skops"
    sio.dump(vec, path)
    with zipfile.ZipFile(path) as archive:
        assert len(archive.namelist()) < 10  # not one stored object per term
        schema = archive.read("schema.json").decode("utf-8")
    assert "disgraceful" not in schema
    again = sio.load(path, trusted=sio.get_untrusted_types(file=path))
    assert again.vocabulary_ == vec.vocabulary_
    np.testing.assert_array_equal(again.transform(TEXTS).toarray(), vec.transform(TEXTS).toarray())
    assert not hasattr(vec, "stop_words_")


def test_calibration_shrinks_an_overconfident_regression():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(400, 20))
    y = np.where(X[:, 0] + 2 * rng.normal(size=400) > 0, "a", "b")
    raw = CalibratedLinearClassifier(C=1e4, calibration_cv=0).fit(X[:200], y[:200])
    calibrated = CalibratedLinearClassifier(C=1e4, calibration_cv=5).fit(X[:200], y[:200])
    ece_raw = top_label_calibration(raw.predict_proba(X[200:]), y[200:], raw.classes_)["ece"]
    ece_cal = top_label_calibration(calibrated.predict_proba(X[200:]), y[200:], calibrated.classes_)["ece"]
    assert ece_cal < ece_raw
    np.testing.assert_allclose(calibrated.predict_proba(X).sum(axis=1), 1.0)


def test_calibration_folds_keep_each_group_on_one_side():
    rng = np.random.default_rng(1)
    X = rng.normal(size=(120, 5))
    y = np.array(["left", "center", "right"] * 40)
    groups = np.repeat([f"outlet{i}" for i in range(12)], 10)
    clf = CalibratedLinearClassifier(solver="sgd", max_iter=20).fit(X, y, groups=groups)
    assert clf.calibration_.shape == (4,) and clf.predict_proba(X).shape == (120, 3)


def test_bad_calibration_parameters_are_refused():
    X, y = np.eye(4), ["a", "b", "a", "b"]
    with pytest.raises(ValueError, match="'calibration_cv' parameter of CalibratedLinearClassifier must be"):
        CalibratedLinearClassifier(calibration_cv=1).fit(X, y)
    with pytest.raises(ValueError, match="'solver' parameter of CalibratedLinearClassifier must be"):
        CalibratedLinearClassifier(solver="newton").fit(X, y)
    with pytest.raises(ValueError, match="at least two classes"):
        CalibratedLinearClassifier().fit(X, ["a"] * 4)


def test_reliability_bins_and_calibration_error():
    rows = reliability_table([0.05, 0.95, 0.95, 0.95], [0, 1, 1, 0])
    assert [r["n"] for r in rows] == [1, 3]
    assert expected_calibration_error([0.05, 0.95, 0.95, 0.95], [0, 1, 1, 0]) == pytest.approx(
        (0.05 + 3 * abs(0.95 - 2 / 3)) / 4)
    with pytest.raises(ValueError, match="one outcome per probability"):
        reliability_table([0.5], [0, 1])


def test_cross_validation_computes_the_lexicon_counts_once(monkeypatch):
    from framing.features import LexiconFeaturizer

    calls = []
    original = LexiconFeaturizer.transform

    def counting(self, X):
        calls.append(len(X))
        return original(self, X)

    monkeypatch.setattr(LexiconFeaturizer, "transform", counting)
    y = np.asarray(LABELS, dtype=object)
    splits = [(np.arange(0, 16, 2), np.arange(1, 16, 2)), (np.arange(1, 16, 2), np.arange(0, 16, 2))]
    proba, classes, _ = cross_val_proba(make_pipeline("sentence-bias"), TEXTS, y, splits)
    assert calls == [16]  # once for all texts, not once per fold and part
    assert classes == ["biased", "non-biased"] and proba.shape == (16, 2)


def test_training_records_calibration_and_the_training_profile(bias_model):
    meta = bias_model.metadata
    assert 0.0 <= meta["cv"]["ece"] <= 1.0 and meta["cv"]["reliability"]
    assert meta["training_data"]["label_counts"] == {"biased": 8, "non-biased": 8}
    assert meta["training_data"]["words"]["median"] > 5


def test_a_sentence_model_scores_an_article_sentence_by_sentence(bias_model):
    text = "The reckless senator rammed through a disgraceful bill. The vote was on Tuesday."
    row = bias_model.predict([text])[0]
    assert row["unit"] == "sentence"
    assert [text[s["start"]:s["end"]] for s in row["sentences"]] == [
        "The reckless senator rammed through a disgraceful bill.", "The vote was on Tuesday."]
    mean = np.mean([s["scores"]["biased"] for s in row["sentences"]])
    assert row["scores"]["biased"] == pytest.approx(mean)
    assert "applied to 2 sentences" in row["warnings"][0]
    one = bias_model.predict(["The reckless senator rammed through a disgraceful bill."])[0]
    assert "sentences" not in one and one["warnings"] == []


def test_empty_and_tiny_inputs_get_a_warning_not_a_label(bias_model):
    empty = bias_model.predict([""])[0]
    assert empty["label"] is None and "empty text" in empty["warnings"][0]
    assert empty["scores"] == {"biased": 0.5, "non-biased": 0.5}  # the training label shares
    profile = {"words": {"p05": 150.0, "median": 600.0, "p95": 2000.0}}
    warn, withhold = input_warnings("test sentence", task="article-leaning", unit="article",
                                    profile=profile, vocabulary=None)
    assert withhold and "trained on articles of 150 to 2000 words" in warn[0]
    warn, withhold = input_warnings("A short news item about the vote in the Senate on Tuesday.",
                                    task="article-leaning", unit="article", profile=profile, vocabulary=None)
    assert not withhold and "less reliable" in warn[0]


def test_another_language_gets_a_warning_and_no_label():
    words = [f"term{i}" for i in range(2400)]
    # every word in three texts (the vectorizer keeps words of at least three)
    texts = [" ".join(words[(i * 60 + k) % 2400] for k in range(180)) + " the vote" for i in range(40)]
    labels = ["left", "right"] * 20
    model = train("article-leaning", texts, labels, cv=0)
    row = model.predict(["Der Bundestag hat heute das neue Gesetz mit großer Mehrheit beschlossen."])[0]
    assert row["label"] is None
    assert any("vocabulary" in w and "another language" in w for w in row["warnings"])
    assert model.predict([texts[0]])[0]["label"] in ("left", "right")


def test_training_profile_of_span_data_has_no_label_counts():
    assert "label_counts" not in training_profile(["a b c"], [[(0, 1)]], multilabel=True)


def test_predict_rows_carry_warnings_in_the_cli(bias_model, tmp_path):
    from framing.cli import main

    model = save_model(bias_model, tmp_path / "m.skops")
    arts = tmp_path / "in.jsonl"
    arts.write_text(json.dumps({"id": "e", "text": "Okay."}) + "\n"
                    + json.dumps({"id": "s", "text": "The reckless senator rammed through a bill."}) + "\n")
    out = tmp_path / "out.jsonl"
    main(["predict", "--model", str(model), str(arts), "--out", str(out)])
    rows = {r["id"]: r for r in map(json.loads, out.read_text().splitlines())}
    assert rows["e"]["prediction"]["label"] is None and rows["e"]["warnings"]
    assert rows["s"]["prediction"]["label"] in ("biased", "non-biased") and rows["s"]["warnings"] == []
    assert "1 word" in rows["e"]["warnings"][0]
    assert load_model(model).predict([""]) == bias_model.predict([""])


# --- measured on the public corpora (skipped without them) ------------------------------------


def test_babe_slice_is_calibrated(data_home):
    from framing.evaluation.models import evaluate_sentence_bias

    if not (data_home / "babe" / "final_labels_SG2.csv").is_file():
        pytest.skip("BABE not available")
    rows = evaluate_sentence_bias(data_home, n_splits=3, n_sentences=1500)
    by_metric = {r["metric"]: r["ours"] for r in rows}
    assert by_metric["macro-F1"] >= 0.70
    assert by_metric["expected calibration error"] <= 0.07  # full corpus, 10 folds: docs/models.md


def test_a_sentence_bias_model_of_all_babe_is_under_10_mb(data_home, tmp_path):
    from framing.models import load_task_data

    if not (data_home / "babe" / "final_labels_SG2.csv").is_file():
        pytest.skip("BABE not available")
    data = load_task_data("sentence-bias", data_home / "babe")
    path = save_model(train("sentence-bias", data["texts"], data["labels"], cv=0), tmp_path / "babe.skops")
    assert path.stat().st_size < 10_000_000


def test_ptc_token_probabilities_are_calibrated(data_home):
    from framing.evaluation.models import evaluate_persuasion

    if not (data_home / "ptc" / "train-articles").is_dir():
        pytest.skip("PTC not available")
    rows = {r["metric"]: r["ours"] for r in evaluate_persuasion(data_home)}
    assert rows["expected calibration error"] <= 0.05  # 0.036 measured (0.056 before calibration)
    assert rows["SI F1"] >= 0.35  # calibration leaves the spans as they were (0.360)
