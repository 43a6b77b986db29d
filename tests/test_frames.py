"""The frames task: the SemEval-2023 loader, the frame classifier, its command line and its measured quality."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from framing.cli import main
from framing.datasets import DatasetNotFoundError, load_frames
from framing.datasets.frames import SEMEVAL_FRAMES, frame_name
from framing.lexicon import load_lexicon
from framing.models import (
    TASKS,
    TrainedModel,
    get_task,
    load_model,
    make_pipeline,
    save_model,
    train,
)
from framing.models.frames import FrameClassifier, choose_thresholds, cross_val_frames

TEXTS = [
    "The court ruled that the law was unconstitutional, and the judge sent the case back.",
    "Troops and the army were sent to guard the border against the militants.",
    "Lawyers argued before the Supreme Court that the statute violates the constitution.",
    "Military forces attacked the base; the defense ministry warned of more terrorism.",
    "The Republican senator courted voters ahead of the election, campaign aides said.",
    "Democrats hope the midterm election will flip the House; the party raised millions.",
] * 3
FRAMES = [["legality"], ["security_defense"], ["legality"], ["security_defense"], ["political"],
          ["political"]] * 3


# -- the mapping and the loader ---------------------------------------------------------


def test_the_semeval_frames_map_one_to_one_onto_policy_frames_categories() -> None:
    labels = set(load_lexicon("policy_frames").labels)
    assert len(SEMEVAL_FRAMES) == 14 and len(set(SEMEVAL_FRAMES.values())) == 14
    assert set(SEMEVAL_FRAMES.values()) == labels - {"other"}
    assert frame_name("Crime_and_punishment") == "crime_punishment"
    with pytest.raises(ValueError, match=r"labels\.tsv, line 3: expected one of the 14 .* Got 'Sports'"):
        frame_name("Sports", where="labels.tsv, line 3")


def test_a_missing_corpus_says_where_to_put_it(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFoundError, match=r"frames-semeval2023.*labels\.tsv"):
        load_frames(tmp_path)


def test_a_malformed_label_line_names_the_file_and_line(tmp_path: Path) -> None:
    folder = tmp_path / "frames-semeval2023"
    (folder / "articles").mkdir(parents=True)
    (folder / "articles" / "article1.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    (folder / "labels.tsv").write_text("1\tPolitical\n2 Political\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"labels\.tsv, line 2: expected 'ID<TAB>frame"):
        load_frames(tmp_path)
    (folder / "labels.tsv").write_text("1\tPolitical,Morality\n", encoding="utf-8")
    df = load_frames(tmp_path)
    assert df.index.tolist() == ["1"] and df.loc["1", "frames"] == ["morality", "political"]
    assert df.loc["1", "text"] == "Title\n\nBody.\n"


def test_load_frames_reads_the_semeval_articles(data_home: Path) -> None:
    if not (data_home / "frames-semeval2023").is_dir():
        pytest.skip("frames-semeval2023 not in the data folder")
    df = load_frames(data_home)
    assert len(df) == 307 and df.index.name == "id"
    counts = df["frames"].explode().value_counts()
    assert counts["political"] == 169 and counts["public_opinion"] == 15
    assert df["frames"].map(len).between(1, 7).all()
    assert df.loc["999000878", "text"].startswith(df.loc["999000878", "text"].splitlines()[0])


# -- the estimator ----------------------------------------------------------------------


def test_the_task_is_registered_with_the_lexicon_frame_names() -> None:
    spec = get_task("frames")
    assert "frames" in TASKS and spec.unit == "article" and spec.multilabel
    assert spec.labels.values == load_lexicon("policy_frames").labels


def test_the_classifier_learns_frames_with_calibrated_probabilities_and_thresholds() -> None:
    clf = make_pipeline("frames").set_params(cv=3).fit(TEXTS, FRAMES)
    assert clf.classes_.tolist() == ["legality", "political", "security_defense"]
    assert clf.thresholds_.shape == (3,) and ((clf.thresholds_ > 0) & (clf.thresholds_ < 1)).all()
    proba = clf.predict_proba(["The judge said the court would hear the constitutional case."])
    assert proba.shape == (1, 3) and ((proba >= 0) & (proba <= 1)).all()
    assert clf.predict_frames(["The judge said the court would hear the constitutional case.",
                               "Voters in the election backed the party of the senator."]) == [
        ["legality"], ["political"]]


def test_bad_frames_are_a_clear_error() -> None:
    with pytest.raises(ValueError, match=r"policy_frames categories .* Got \['Sports'\]"):
        FrameClassifier().fit(TEXTS[:2], [["legality"], ["Sports"]])
    with pytest.raises(ValueError, match=r"must be a list of frame names \(empty for none\)\. Got 'legality'"):
        FrameClassifier().fit(TEXTS[:2], ["legality", "political"])
    with pytest.raises(ValueError, match="one list of frame names per text"):
        FrameClassifier().fit(TEXTS[:2], [["legality"]])
    with pytest.raises(ValueError, match=r"'cv' parameter of FrameClassifier must be an int >= 2\. Got 1"):
        FrameClassifier(cv=1).fit(TEXTS, FRAMES)


def test_thresholds_are_chosen_on_held_out_probabilities() -> None:
    P = np.array([[0.9, 0.2], [0.6, 0.1], [0.1, 0.7], [0.3, 0.3]])
    Y = np.array([[1, 0], [1, 0], [0, 1], [0, 1]])
    t = choose_thresholds(P, Y)
    assert ((t <= P).astype(int) == Y).all()


def test_predict_returns_frames_and_frame_labels_and_survives_a_skops_round_trip(tmp_path: Path) -> None:
    model = train("frames", TEXTS, FRAMES, cv=3)
    assert model.metadata["labels"] == ["legality", "political", "security_defense"]
    assert {"f1_macro_mean", "f1_micro_mean"} <= set(model.metadata["cv"])
    out = model.predict(["Soldiers and the army defended the border from the militants."])[0]
    assert out["label"] == "security_defense" and out["frame_labels"] == ["security_defense"]
    assert out["frames"] == out["scores"] and set(out["frames"]) == {"legality", "political", "security_defense"}
    again = load_model(save_model(model, tmp_path / "frames.skops"))
    assert isinstance(again, TrainedModel) and again.predict(TEXTS[:4]) == model.predict(TEXTS[:4])


def test_train_and_predict_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps({"text": t, "frames": f}) + "\n" for t, f in zip(TEXTS, FRAMES)),
                    encoding="utf-8")
    model = tmp_path / "frames.skops"
    assert main(["train", "--task", "frames", "--data", str(data), "--model", str(model), "--cv", "3"]) == 0
    assert "micro-F1" in capsys.readouterr().err
    article = tmp_path / "a.txt"
    article.write_text("The army and troops guard the border against terrorism.\n", encoding="utf-8")
    assert main(["predict", "--model", str(model), str(article)]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["frame_labels"] == row["prediction"]["frame_labels"] == ["security_defense"]
    assert set(row["frames"]) == {"legality", "political", "security_defense"}
    assert "evidence" not in row["prediction"]  # only with --explain

    assert main(["predict", "--model", str(model), str(article), "--explain", "3"]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    text = article.read_text(encoding="utf-8")
    (evidence,) = row["prediction"]["evidence"]  # one entry per predicted frame
    assert evidence["frame"] == "security_defense" and evidence["probability"] >= evidence["threshold"]
    assert 0 < len(evidence["words"]) <= 3 and all(w["weight"] > 0 for w in evidence["words"])
    assert {c["text"].lower() for c in evidence["cues"]} >= {"army", "troops"}
    assert all(text[c["start"]:c["end"]] == c["text"] for c in evidence["cues"])
    top = evidence["sentences"][0]
    assert top["n_cues"] == len(evidence["cues"]) and text[top["start"]:top["end"]].startswith("The army")


def test_explain_lists_the_words_cues_and_sentences_behind_each_predicted_frame() -> None:
    model = train("frames", TEXTS, FRAMES, cv=3)
    text = "The court ruled. Soldiers and the army defended the border from the militants."
    explained = model.explain(text, n=4)
    assert [e["frame"] for e in explained["evidence"]] == explained["frame_labels"]
    army = next(e for e in explained["evidence"] if e["frame"] == "security_defense")
    assert any(w["term"] == "army" for w in army["words"])
    assert all(text[s["start"]:s["end"]].startswith("Soldiers") for s in army["sentences"])


# -- measured quality on SemEval-2023 ---------------------------------------------------


def test_cross_validated_quality_on_semeval_holds_its_floor(data_home: Path) -> None:
    """3-fold CV on the 307 articles (the docs report 5-fold): floors a little under what was measured."""
    if not (data_home / "frames-semeval2023").is_dir():
        pytest.skip("frames-semeval2023 not in the data folder")
    from framing.evaluation.models import evaluate_frames

    rows = {r["metric"]: r["ours"] for r in evaluate_frames(data_home, cv=3)}
    assert rows["micro-F1"] >= 0.64
    assert rows["macro-F1"] >= 0.49
    assert rows["ROC AUC (mean over frames)"] >= 0.72
    assert rows["expected calibration error"] <= 0.05
    assert rows["micro-F1"] > rows["micro-F1, baseline: lexicon rule (>= 1 policy_frames cue)"]
    assert rows["micro-F1"] > rows["micro-F1, baseline: every frame present"]


def test_cross_val_frames_keeps_thresholds_inside_each_fold() -> None:
    res = cross_val_frames(FrameClassifier(cv=2), TEXTS, FRAMES, cv=3)
    assert res["classes"] == ["legality", "political", "security_defense"]
    assert res["proba"].shape == (18, 3) and len(res["micro_f1_folds"]) == 3
