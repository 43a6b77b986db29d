"""Tests for the task pipelines, persistence, explanations and spans (framing.models)."""

from __future__ import annotations

import json
import warnings

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from framing.evaluation.models import evaluate_persuasion, evaluate_sentence_bias
from framing.models import (
    TASK_REGISTRY,
    TASKS,
    TRUSTED_TYPES,
    PersuasionSpanTagger,
    TaskSpec,
    TrainedModel,
    UntrustedModelError,
    explain_text,
    get_task,
    load_model,
    load_task_data,
    make_pipeline,
    merge_spans,
    save_model,
    si_score,
    top_features,
    train,
    trusted,
)

# Invented sentences in the register of news writing (no corpus text).
BIASED = [
    "The reckless senator rammed through a disgraceful bill that will devastate families.",
    "Radical activists hijacked the hearing with their outrageous demands.",
    "The corrupt administration shamelessly lied to the public again.",
    "Extremist lawmakers slammed the sensible plan in a hysterical tirade.",
    "The so-called reform is a brazen power grab by a failing elite.",
    "Critics blasted the mayor's absurd scheme as a shameful disaster.",
    "The regime's thugs brutally crushed the peaceful protest.",
    "A deranged conspiracy theory spread by fearmongering pundits.",
]
NEUTRAL = [
    "The Senate passed the bill by a vote of 52 to 48 on Tuesday.",
    "The committee will hold a hearing on the proposal next week.",
    "The administration released its annual budget report on Monday.",
    "Lawmakers discussed the plan during a two-hour session.",
    "The reform takes effect in January, according to the ministry.",
    "The mayor said the project would cost about 40 million dollars.",
    "Police said the protest ended without arrests.",
    "The survey of 1,200 adults was conducted in March.",
]
TEXTS = BIASED + NEUTRAL
LABELS = ["biased"] * len(BIASED) + ["non-biased"] * len(NEUTRAL)


@pytest.fixture(scope="module")
def bias_model() -> TrainedModel:
    return train("sentence-bias", TEXTS, LABELS, cv=2, source="test sentences")


def test_make_pipeline_rejects_unknown_task():
    with pytest.raises(ValueError, match="'task' parameter must be one of"):
        make_pipeline("stance")


def test_every_task_is_one_registry_entry():
    assert TASKS == tuple(TASK_REGISTRY) == ("sentence-bias", "article-leaning", "persuasion-spans", "frames",
                                             "moral-foundations")
    for name, spec in TASK_REGISTRY.items():
        assert isinstance(spec, TaskSpec) and spec.name == name and get_task(name) is spec
        assert spec.unit in ("sentence", "article", "spans")
        assert spec.predicts_spans == (spec.labels.kind == "spans")
        assert spec.trusted_types <= TRUSTED_TYPES
        est = make_pipeline(name, random_state=7)
        final = est.named_steps["classifier"] if hasattr(est, "named_steps") else est
        assert final.random_state == 7
    # the trusted list is derived: the containers every file holds and each task's classes
    from framing.models.persist import COMMON_TYPES

    assert COMMON_TYPES.union(*(s.trusted_types for s in TASK_REGISTRY.values())) == TRUSTED_TYPES


def test_options_apply_to_the_tasks_that_declare_them():
    with pytest.raises(ValueError, match="'embeddings' parameter of make_pipeline applies to task 'sentence-bias' only"):
        make_pipeline("article-leaning", embeddings=True)
    assert [n for n, s in TASK_REGISTRY.items() if "embeddings" in s.options] == ["sentence-bias"]


def test_a_corpus_folder_of_another_task_is_refused(tmp_path):
    for name, spec in TASK_REGISTRY.items():
        with pytest.raises(ValueError, match=f"not a corpus folder for {name}: expected {spec.corpus}"):
            load_task_data(name, tmp_path)


def _framing_0_1_pipeline():
    """The sentence-bias pipeline as framing 0.1 built it: scikit-learn's own vectorizers and classifier."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    framing_block = make_pipeline("sentence-bias").named_steps["features"].transformer_list[2][1]
    return Pipeline([
        ("features", FeatureUnion([
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
            ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=2)),
            ("framing", framing_block),
        ])),
        ("classifier", LogisticRegression(C=3.0, max_iter=3000)),
    ])


@pytest.mark.parametrize(
    ("task", "labels"),
    [("sentence-bias", LABELS), ("persuasion-spans", [[(4, 12)], []] * 8)],
)
def test_a_file_saved_by_framing_0_1_still_loads(tmp_path, task, labels):
    """framing 0.1 named its classes framing.features.X and framing.persuasion.X; those paths stay trusted."""
    import zipfile

    model = train(task, TEXTS, labels, cv=0, estimator=_framing_0_1_pipeline() if task == "sentence-bias" else None)
    new = save_model(model, tmp_path / "new.skops")
    old = tmp_path / "old.skops"
    with zipfile.ZipFile(new) as src, zipfile.ZipFile(old, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "schema.json":
                schema = data.decode("utf-8")
                for now, then in (("framing.features.lexicon", "framing.features"),
                                  ("framing.models.persuasion", "framing.persuasion")):
                    schema = schema.replace(f'"{now}"', f'"{then}"')
                assert "framing.features.lexicon" not in schema and "framing.models" not in schema
                data = schema.encode("utf-8")
            dst.writestr(item, data)
    with warnings.catch_warnings():  # the old class paths import through the deprecated modules
        warnings.simplefilter("ignore", FutureWarning)
        again = load_model(old)
    assert again.predict(TEXTS) == model.predict(TEXTS)


def test_train_records_metadata(bias_model):
    meta = bias_model.metadata
    assert meta["task"] == "sentence-bias"
    assert meta["labels"] == ["biased", "non-biased"]
    assert meta["training_data"]["n_rows"] == 16
    assert meta["training_data"]["fingerprint"].startswith("sha256:")
    assert "loaded_language" in meta["lexicons"]
    assert 0.0 <= meta["cv"]["f1_macro_mean"] <= 1.0
    assert meta["cv"]["scheme"].startswith("StratifiedKFold(2")
    # pruned-term sets are dropped from the saved vectorizers (they dominate the file size)
    vectorizers = bias_model.estimator.named_steps["features"].transformer_list[:2]
    assert not any(hasattr(v, "stop_words_") for _, v in vectorizers)
    with pytest.raises(ValueError, match="one label per text"):
        train("sentence-bias", TEXTS, LABELS[:3])


def test_predictions_are_words_with_scores(bias_model):
    out = bias_model.predict(["Hysterical extremists rammed through a disgraceful scheme.",
                              "The hearing is scheduled for Tuesday."])
    assert [o["label"] for o in out] == ["biased", "non-biased"]
    for o in out:
        assert set(o["scores"]) == {"biased", "non-biased"}
        assert sum(o["scores"].values()) == pytest.approx(1.0)
    with pytest.raises(TypeError, match="Got a single str"):
        bias_model.predict("one string")


def test_save_load_round_trip_predicts_identically(bias_model, tmp_path):
    path = save_model(bias_model, tmp_path / "bias.skops")
    loaded = load_model(path)
    assert loaded.task == "sentence-bias"
    assert loaded.metadata == json.loads(json.dumps(bias_model.metadata))
    probe = ["A disgraceful and reckless plan.", "The vote is on Monday.", ""]
    a = bias_model.estimator.predict_proba(probe)
    b = loaded.estimator.predict_proba(probe)
    np.testing.assert_array_equal(a, b)
    assert loaded.predict(probe) == bias_model.predict(probe)
    assert not list(tmp_path.glob(".*.tmp"))


class Evil:
    """A type that must never be loaded from a model file."""

    def __init__(self) -> None:
        self.payload = "rm -rf"


def test_load_refuses_untrusted_types(tmp_path):
    sio = pytest.importorskip("skops.io")
    path = tmp_path / "evil.skops"
    sio.dump({"format": "framing-model/1", "task": "sentence-bias", "metadata": "{}",
              "estimator": Evil()}, path)
    with pytest.raises(UntrustedModelError, match=r"types that framing does not trust: .*Evil"):
        load_model(path)
    plain = tmp_path / "plain.skops"
    sio.dump(make_pipeline("sentence-bias"), plain)
    with pytest.raises(UntrustedModelError, match="not a framing model"):
        load_model(plain)
    junk = tmp_path / "junk.skops"
    junk.write_bytes(b"not a zip file")
    with pytest.raises(UntrustedModelError, match="not a skops model file"):
        load_model(junk)
    with pytest.raises(FileNotFoundError, match="No model file"):
        load_model(tmp_path / "missing.skops")
    assert trusted("framing.features.lexicon.LexiconFeaturizer")
    assert trusted("framing.features.LexiconFeaturizer")  # files saved by framing 0.1
    assert not trusted("builtins.eval") and not trusted("test_classify.Evil")
    assert not trusted("sklearn.utils._testing.assert_run_python_script_without_output")


def test_top_features_and_evidence(bias_model):
    top = top_features(bias_model.estimator, n=15)
    assert set(top["class"]) == {"biased", "non-biased"}
    biased = top[top["class"] == "biased"]
    assert (biased["weight"] > 0).all()
    text = "The disgraceful senator slammed the plan."
    out = explain_text(bias_model.estimator, text, n=40)
    assert out["label"] == "biased"
    for e in (e for e in out["evidence"] if e["feature"].startswith("words__")):
        gram = e["feature"].removeprefix("words__")
        assert [text[s["start"]:s["end"]].lower() for s in e["spans"]] == [gram] * len(e["spans"])
    lexical = [e for e in out["evidence"] if e["feature"].startswith("framing__loaded_language")]
    assert lexical and all(text[s["start"]:s["end"]] == s["text"] for e in lexical for s in e["spans"])
    with pytest.raises(TypeError, match="linear classifier"):
        top_features(make_pipeline("persuasion-spans"))


def test_load_task_data_from_csv_and_jsonl(tmp_path):
    csv_path = tmp_path / "train.csv"
    pd.DataFrame({"text": TEXTS, "label": LABELS, "outlet": ["a", "b"] * 8}).to_csv(csv_path, index=False)
    data = load_task_data("sentence-bias", csv_path)
    assert data["texts"] == TEXTS and data["labels"] == LABELS and data["groups"][:2] == ["a", "b"]
    jl = tmp_path / "spans.jsonl"
    jl.write_text(json.dumps({"text": "A disgraceful regime.", "spans": [[2, 20]]}) + "\n")
    assert load_task_data("persuasion-spans", jl)["labels"] == [[(2, 20)]]
    bad = tmp_path / "bad.csv"
    pd.DataFrame({"sentence": ["x"]}).to_csv(bad, index=False)
    with pytest.raises(ValueError, match="expected columns 'text' and 'label'"):
        load_task_data("sentence-bias", bad)
    with pytest.raises(ValueError, match="not a corpus folder"):
        load_task_data("article-leaning", tmp_path)


def test_cli_train_and_predict(tmp_path, capsys):
    from framing.cli import main

    csv_path = tmp_path / "train.csv"
    pd.DataFrame({"text": TEXTS, "label": LABELS}).to_csv(csv_path, index=False)
    model = tmp_path / "m.skops"
    assert main(["train", "--task", "sentence-bias", "--data", str(csv_path), "--model", str(model),
                 "--cv", "2"]) == 0
    arts = tmp_path / "in.jsonl"
    arts.write_text(
        json.dumps({"id": "s1", "text": "Hysterical extremists rammed through a disgraceful scheme."}) + "\n"
        + json.dumps({"id": "s2", "text": "The hearing is scheduled for Tuesday."}) + "\n"
    )
    out = tmp_path / "pred.jsonl"
    assert main(["predict", "--model", str(model), str(arts), "--format", "jsonl", "--out", str(out),
                 "--explain", "3"]) == 0
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["prediction"]["label"] for r in rows] == ["biased", "non-biased"]
    assert rows[0]["prediction"]["evidence"] and rows[0]["model"]["task"] == "sentence-bias"
    assert main(["predict", "--model", str(tmp_path / "nope.skops"), str(arts)]) == 2
    assert "No model file" in capsys.readouterr().err


# --- persuasion spans -------------------------------------------------------------


def test_si_score_matches_hand_computation():
    gold = pd.DataFrame({"id": ["a", "a", "b"], "start": [0, 20, 5], "end": [10, 30, 15]})
    pred = {"a": [(0, 5), (25, 35)], "b": [(100, 110)]}
    # precision: (5/5 + 5/10 + 0) / 3; recall: (5/10 + 5/10 + 0) / 3
    r = si_score(pred, gold)
    assert r["precision"] == pytest.approx(0.5)
    assert r["recall"] == pytest.approx(1 / 3)
    assert r["f1"] == pytest.approx(0.4)
    # overlapping gold spans are merged before scoring
    assert si_score({"a": [(0, 10)]}, {"a": [(0, 6), (4, 10)]})["f1"] == pytest.approx(1.0)
    assert merge_spans([(3, 3), (1, 2)]) == [(1, 2)]
    with pytest.raises(ValueError, match="columns id, start, end"):
        si_score(pd.DataFrame({"x": [1]}), gold)


PERSUASIVE = ("Our brave heroes will never surrender to these traitors. "
              "The meeting starts at noon in the town hall.")
P_SPAN = (0, PERSUASIVE.index(".") + 1)


def test_tagger_contract_and_spans():
    tagger = PersuasionSpanTagger(n_features=2**14, max_iter=5)
    assert clone(tagger).get_params() == tagger.get_params()
    with pytest.raises(NotFittedError):
        tagger.predict([PERSUASIVE])
    texts = [PERSUASIVE] * 10
    assert tagger.fit(texts, [[P_SPAN]] * 10) is tagger
    spans = tagger.predict_spans(pd.Series([PERSUASIVE], index=["x1"]))
    assert list(spans.columns) == ["id", "start", "end", "text", "score"]
    assert (spans["id"] == "x1").all()
    assert all(PERSUASIVE[s:e] == t for s, e, t in zip(spans["start"], spans["end"], spans["text"]))
    r = si_score(spans, {"x1": [P_SPAN]})
    assert r["f1"] > 0.8
    assert tagger.predict([""]) == [[]]
    with pytest.raises(ValueError, match="'threshold' parameter of PersuasionSpanTagger"):
        PersuasionSpanTagger(threshold=1.5).fit(texts, [[P_SPAN]] * 10)
    with pytest.raises(ValueError, match="tokens both inside and outside"):
        PersuasionSpanTagger().fit(["No spans here."], [[]])


def test_span_model_round_trip(tmp_path):
    model = train("persuasion-spans", [PERSUASIVE] * 10, [[P_SPAN]] * 10,
                  estimator=PersuasionSpanTagger(n_features=2**14, max_iter=5))
    loaded = load_model(save_model(model, tmp_path / "spans.skops"))
    assert loaded.predict([PERSUASIVE]) == model.predict([PERSUASIVE])
    assert loaded.predict([PERSUASIVE])[0]["spans"][0]["start"] == 0


# --- measured quality on small slices of the research data (floors) --------


def test_babe_slice_floor(data_home):
    """BABE SG2, 500 sentences, 3-fold, default pipeline: measured 0.718 on 2026-11-29; floor 0.67."""
    row = evaluate_sentence_bias(data_home, n_sentences=500, n_splits=3)[0]
    assert row["ours"] >= 0.67, row


def test_ptc_slice_floor(data_home):
    """PTC, 30 training articles, 10 dev articles: measured SI F1 0.291 on 2026-11-29; floor 0.24."""
    row = evaluate_persuasion(data_home, n_train=30, n_dev=10)[0]
    assert row["ours"] >= 0.24, row


# --- article leaning pipeline: feature names --------------------------------------

ARTICLES = [
    'Officials said the tax bill passed the Senate. "It is a reckless scheme," critics said.',
    "The tax bill passed the Senate on Tuesday after a debate, officials said.",
    'Critics slammed the disgraceful tax bill. "A power grab," one senator claimed.',
    "The Senate tax bill vote was close, according to officials.",
    "The tax bill is a shameful giveaway, activists said, as the Senate voted.",
    "The Senate voted on the tax bill, which officials said would take effect in January.",
]
LEANINGS = ["left", "center", "right", "center", "left", "right"]


def test_article_pipeline_feature_names_are_not_doubled():
    pipe = make_pipeline("article-leaning").fit(ARTICLES, LEANINGS)
    names = list(pipe[:-1].get_feature_names_out())
    assert "framing__attribution__quotes_count" in names
    assert "framing__loaded_language__total" in names
    assert not [n for n in names if "attribution__attribution" in n or "__lexicons__" in n]
    top = top_features(pipe, n=400)
    framing = top[top["feature"].str.startswith("framing__")]["feature"]
    assert framing.str.count("__").ge(2).all() and not framing.str.contains("attribution__attribution").any()
    text = 'Critics slammed the reckless tax bill. "A disgrace," they said.'
    out = explain_text(pipe, text, n=400)
    lexical = [e for e in out["evidence"] if e["feature"].startswith("framing__loaded_language__")]
    assert lexical and all(s["text"] == text[s["start"]:s["end"]] for e in lexical for s in e["spans"])
    assert any(s["text"] in ("slammed", "reckless", "disgrace") for e in lexical for s in e["spans"])


def test_top_features_accepts_what_load_model_returns(bias_model, tmp_path):
    loaded = load_model(save_model(bias_model, tmp_path / "bias.skops"))
    pd.testing.assert_frame_equal(top_features(loaded, n=5), top_features(bias_model.estimator, n=5))
    with pytest.raises(TypeError, match="Pipeline ending in a linear classifier"):
        top_features(object())
