"""Tone toward targets: the features, the shipped model, bad spans, the JSONL contract, the NewsMTSC floor."""

from __future__ import annotations

import gzip
import json
import os
from importlib import resources
from pathlib import Path

import pytest

import framing
from framing.pipeline import Analyzer
from framing.readers import read_articles
from framing.tone import LABELS, TargetTone, check_spans, score_targets, target_model, tone_toward
from framing.tone.target_features import DENSE_NAMES, target_features
from framing.tone.targets import MODEL_FILE

DATA_HOME = Path(os.environ.get("FRAMING_DATA_HOME", "~/.cache/framing")).expanduser()
NEWSMTSC = DATA_HOME / "newsmtsc"


def _span(text: str, mention: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(mention, start + 1)
    return start, start + len(mention)


# --- features -----------------------------------------------------------------------------------

def test_features_split_left_and_right_context() -> None:
    text = "Critics slammed Smith, who praised the brave rescuers."
    dense, terms = target_features(text, *_span(text, "Smith"))
    assert dense["left_compound"] < 0 < dense["right_compound"]
    assert dense["left_neg_tau2"] > 0 and dense["right_pos_tau2"] > 0
    assert dense["loaded_violence_metaphor_near"] == 1.0  # "slammed"
    assert dense["role_object"] == 1.0 and dense["prev_pos_VERB"] == 1.0
    assert {"slammed TGT", "TGT who", "L:slammed", "R:praised"} <= set(terms)
    assert "smith" not in terms  # the target itself is masked


def test_features_see_speaker_cue_and_negation() -> None:
    text = "Smith denied that the company had not paid its workers."
    dense, _ = target_features(text, 0, 5)
    assert dense["cue_contesting_right"] == 1.0  # "denied" right after the target
    assert dense["role_subject"] == 1.0 and dense["first_token"] == 1.0
    text = "Voters did not trust Smith."
    dense, _ = target_features(text, *_span(text, "Smith"))
    assert dense["negator_before"] == 1.0 and dense["negator_clause"] == 1.0
    text = "Smith, not the voters, lost."
    dense, _ = target_features(text, 0, 5)
    assert dense["negator_before"] == 0.0 and dense["negator_clause"] == 0.0


def test_features_only_known_names() -> None:
    text = "Officials in Ohio said the mayor, a corrupt crook, would resign? \"Never,\" he said."
    for mention in ("Officials", "Ohio", "mayor", "he"):
        dense, _ = target_features(text, *_span(text, mention))
        assert set(dense) <= set(DENSE_NAMES)


# --- the shipped model ---------------------------------------------------------------------------

def test_model_file_is_plain_json_small_with_provenance() -> None:
    path = resources.files("framing") / "data" / MODEL_FILE
    raw = path.read_bytes()
    assert len(raw) < 3_000_000
    obj = json.loads(gzip.decompress(raw).decode("utf-8"))
    assert obj["dense_names"] == list(DENSE_NAMES)
    assert len(obj["coef"]) == 3 and len(obj["coef"][0]) == len(DENSE_NAMES) + len(obj["idf"])
    prov = obj["provenance"]
    assert prov["licence"] == "MIT" and "NewsMTSC" in prov["trained_on"]
    licence = (resources.files("framing") / "data" / prov["licence_file"]).read_text(encoding="utf-8")
    assert "Permission is hereby granted, free of charge" in licence and "Felix Hamborg" in licence
    assert obj["temperature"] > 0


def test_model_probabilities_and_tone_range() -> None:
    text = "The senator, a tireless champion of veterans, met the mayor."
    for t in tone_toward(text, [_span(text, "senator"), _span(text, "mayor")]):
        assert t.error is None and t.label in LABELS
        assert len(t.probabilities) == 3 and abs(sum(t.probabilities) - 1) < 1e-9
        assert -1.0 <= t.tone <= 1.0
        assert t.tone == pytest.approx(t.probabilities[2] - t.probabilities[0])
        assert t.label == LABELS[t.probabilities.index(max(t.probabilities))]


@pytest.mark.parametrize(("text", "mention", "label"), [
    ("Prosecutors say Smith lied to investigators and stole millions from the charity.", "Smith", "negative"),
    ("Jones, widely admired for her courage, won praise from both parties.", "Jones", "positive"),
    ("The meeting with the governor is scheduled for Tuesday in Albany.", "governor", "neutral"),
])
def test_model_labels_clear_sentences(text: str, mention: str, label: str) -> None:
    assert tone_toward(text, [_span(text, mention)])[0].label == label


def test_tone_differs_between_targets_of_one_sentence() -> None:
    text = "Critics slammed Smith. Jones praised the brave rescuers."
    smith, jones = tone_toward(text, [_span(text, "Smith"), _span(text, "Jones")])
    assert smith.label == "negative" and jones.label == "positive"
    assert smith.tone < 0 < jones.tone


def test_target_scored_in_its_sentence_only() -> None:
    sentence = "Critics slammed Smith."
    text = "Jones praised the brave rescuers. " + sentence
    start, end = _span(text, "Smith")
    alone = tone_toward(sentence, [_span(sentence, "Smith")])[0]
    assert tone_toward(text, [(start, end)])[0].probabilities == pytest.approx(alone.probabilities)


def test_target_model_is_cached() -> None:
    assert target_model() is target_model()


# --- bad spans -----------------------------------------------------------------------------------

def test_bad_spans_get_errors_and_the_rest_is_scored() -> None:
    text = "Smith met Jones in Ohio."
    spans = [(0, 5), (50, 60), (10, 3), (4, 4), (5, 6), (2, 8), (-1, 3), ("a", 5), (1.0, 5), 7, (10, 15)]
    out = tone_toward(text, spans)
    assert [t.error is None for t in out] == [True] + [False] * 9 + [True]
    errors = [t.error for t in out[1:10]]
    assert errors[0] == "outside the text: end 60 is past its length 24"
    assert errors[1] == "reversed span: start 10 is after end 3"
    assert errors[2] == "empty span: start and end are both 4"
    assert errors[3] == "whitespace-only span"
    assert errors[4] == "overlaps the target (0, 5) given before it"
    assert errors[5] == "outside the text: start -1 is negative"
    assert errors[6].startswith("expected a span of two integers (start, end). Got start='a' (str)")
    assert "start=1.0 (float)" in errors[7]
    assert "start=7 (int), end=None (NoneType)" in errors[8]
    assert out[-1].text == "Jones" and out[-1].label in LABELS
    assert all(t.tone is None and t.label is None for t in out[1:10])
    assert out[1].text is None and out[4].text == " "


def test_bool_is_not_an_offset() -> None:
    assert check_spans("Smith met Jones.", [(True, 5)])[0] is not None


def test_tone_toward_rejects_a_non_string_text() -> None:
    with pytest.raises(TypeError, match=r"The 'text' parameter of tone_toward must be a str\. Got bytes"):
        tone_toward(b"Smith", [(0, 5)])  # type: ignore[arg-type]


def test_tone_toward_errors_must_be_parallel() -> None:
    with pytest.raises(ValueError, match=r"must have one entry per span \(1\)\. Got 2 instead"):
        tone_toward("Smith spoke.", [(0, 5)], errors=[None, None])


def test_score_targets_never_raises() -> None:
    (entry,) = score_targets("Smith spoke.", {"start": 0, "end": 5})
    assert entry.error is not None and "Got dict" in entry.error
    out = score_targets("", [{"start": 0, "end": 5}, {"start": 1, "end": 2}], "empty text: nothing to analyze")
    assert [t.error for t in out] == ["not scored: the row has an error (empty text: nothing to analyze)"] * 2


# --- the contract ----------------------------------------------------------------------------------

def test_analyze_targets_parameter() -> None:
    text = "Critics slammed Smith. Jones praised the brave rescuers."
    result = framing.analyze(text, targets=[_span(text, "Smith"), (40, 30)])
    assert result.targets is not None
    smith, _ = result.targets
    assert isinstance(smith, TargetTone) and smith.text == "Smith" and smith.label == "negative"
    row = result.to_dict()
    assert row["targets"][0] == {"start": 16, "end": 21, "text": "Smith", "tone": smith.tone,
                                 "label": "negative"}
    assert row["targets"][1]["error"] == "reversed span: start 40 is after end 30"
    assert row["targets"][1]["tone"] is None
    json.dumps(row, allow_nan=False)
    assert "targets" not in framing.analyze(text).to_dict()


def test_jsonl_record_targets(tmp_path: Path) -> None:
    text = "Critics slammed Smith. Jones praised the brave rescuers."
    records = [
        {"id": "a", "text": text, "targets": [{"start": 16, "end": 21}, {"start": 23, "end": 28},
                                              {"start": 20, "end": 99}]},
        {"id": "b", "text": "   ", "targets": [{"start": 0, "end": 2}]},
        {"id": "c", "text": text, "targets": "Smith"},
        {"id": "d", "text": text},
    ]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    analyzer = Analyzer(["loaded_language"])
    rows = {a.id: analyzer(a).to_dict() for a in read_articles(path)}
    a = rows["a"]["targets"]
    assert [(t["text"], t["label"]) for t in a[:2]] == [("Smith", "negative"), ("Jones", "positive")]
    assert a[2]["error"] == "outside the text: end 99 is past its length 56" and a[2]["text"] is None
    assert rows["b"]["error"] is not None
    assert rows["b"]["targets"][0]["error"].startswith("not scored: the row has an error")
    assert "expected 'targets' to be a list" in rows["c"]["targets"][0]["error"]
    assert rows["c"]["error"] is None and rows["c"]["features"]
    assert "targets" not in rows["d"]


# --- measured quality ----------------------------------------------------------------------------

needs_newsmtsc = pytest.mark.skipif(
    not (NEWSMTSC / "dev-rw.jsonl").is_file() or not (NEWSMTSC / "dev-mt.jsonl").is_file(),
    reason="NewsMTSC dev sets not in FRAMING_DATA_HOME",
)


@needs_newsmtsc
def test_newsmtsc_dev_floor(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import pandas as pd

    from framing.cli import main

    out = tmp_path / "tone.csv"
    assert main(["evaluate", "tone", "--data-home", str(DATA_HOME), "--out", str(out)]) == 0
    assert "| NewsMTSC dev-rw | framing target model |" in capsys.readouterr().out
    table = pd.read_csv(out).set_index(["dataset", "method"])
    assert list(table.columns) == ["n", "macro_f1", "f1_negative", "f1_neutral", "f1_positive"]
    model = table.xs("framing target model", level="method")["macro_f1"]
    vader = table.xs("VADER (sentence)", level="method")["macro_f1"]
    assert model["NewsMTSC dev-rw"] >= 0.65
    assert model["NewsMTSC dev-mt"] >= 0.65
    assert (model > vader + 0.1).all()


def test_evaluate_tone_without_the_data_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from framing.cli import main

    code = main(["evaluate", "tone", "--data-home", str(tmp_path)])
    err = capsys.readouterr().err
    assert code != 0
    assert "NewsMTSC split 'dev-rw' not found: expected the file" in err
    assert "Traceback" not in err
