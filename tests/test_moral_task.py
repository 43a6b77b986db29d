"""The moral-foundations task: the classifier, its registry entry, its command line and its measured quality."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from framing.cli import main
from framing.datasets.moka import moka_story
from framing.models import TrainedModel, get_task, load_model, save_model, train
from framing.models.moral import (
    MoralFoundationClassifier,
    cross_val_moral,
    foundation_names,
    load_corpus,
)

TEXTS = [
    "The soldiers tortured the prisoners and beat them for hours.",
    "The senator betrayed his party and sided with its rivals.",
    "Gunmen attacked the village and wounded dozens of civilians.",
    "He deserted his allies and broke ranks with his comrades.",
    "The judge ordered the agency to obey the court's ruling.",
    "The committee meets on Monday at noon.",
    "Police officers shot and killed an unarmed man.",
    "Party members called the defection a betrayal of their cause.",
    "The governor ordered officials to enforce the law.",
    "The weather was mild and the roads were dry.",
] * 2
LABELS = [["care"], ["loyalty"], ["care"], ["loyalty"], ["authority"], [], ["care"], ["loyalty"], ["authority"], []] * 2


def test_registry_entry() -> None:
    spec = get_task("moral-foundations")
    assert spec.unit == "sentence" and spec.multilabel and spec.labels.column == "foundations"
    assert spec.labels.values == foundation_names() == ("care", "fairness", "loyalty", "authority", "sanctity")
    assert spec.cross_validate is cross_val_moral


def test_classifier_learns_and_calibrates() -> None:
    clf = MoralFoundationClassifier(cv=2).fit(TEXTS, LABELS)
    assert clf.classes_.tolist() == ["care", "loyalty", "authority"]
    assert clf.predict_foundations(["Troops tortured and wounded the prisoners."]) == [["care"]]
    assert clf.predict_foundations(["He betrayed his allies and deserted the party."]) == [["loyalty"]]
    proba = clf.predict_proba(["The committee meets on Monday."])
    assert proba.shape == (1, 3) and np.all((proba > 0) & (proba < 1))
    assert clf.terms_.dtype.kind == "U" and clf.terms_.shape == clf.idf_.shape
    assert clf.decision_function([]).shape == (0, 3)


@pytest.mark.parametrize(
    ("labels", "match"),
    [
        (["care"] * 20, "the foundations of text 0 must be a list of foundation names"),
        ([["harm"]] * 20, r"must be among \['authority', 'care', 'fairness', 'loyalty', 'sanctity'\]. Got \['harm'\]"),
        ([["care"]] * 3, r"needs one list of foundation names per text \(20 texts\)"),
        ([[]] * 20, "needs at least one text with a foundation. Got none"),
    ],
)
def test_bad_labels_are_refused(labels: Any, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        MoralFoundationClassifier(cv=2).fit(TEXTS, labels)


def test_bad_cv_and_bad_texts_are_refused() -> None:
    with pytest.raises(ValueError, match=r"The .cv. parameter of MoralFoundationClassifier must be an int >= 2\. Got 1"):
        MoralFoundationClassifier(cv=1).fit(TEXTS, LABELS)
    with pytest.raises((TypeError, ValueError), match="MoralFoundationClassifier"):
        MoralFoundationClassifier().fit("one string", [["care"]])


def test_cross_validation_with_and_without_groups() -> None:
    plain = cross_val_moral(MoralFoundationClassifier(cv=2), TEXTS, LABELS, cv=2)
    assert plain["classes"] == ["care", "loyalty", "authority"] and "contiguous" in plain["scheme"]
    grouped = cross_val_moral(MoralFoundationClassifier(cv=2), TEXTS, LABELS, cv=2, groups=[0] * 10 + [1] * 10)
    assert sorted(set(grouped["folds"][:10])) == [grouped["folds"][0]] and "GroupKFold" in grouped["scheme"]
    assert grouped["proba"].shape == (20, 3)


def test_trained_model_saves_small_and_predicts_foundations(tmp_path: Path) -> None:
    model = train("moral-foundations", TEXTS, LABELS, cv=2)
    assert "contiguous" in model.metadata["cv"]["scheme"]
    out = model.predict(["Police shot and wounded a man."])[0]
    assert out["foundations"] == out["scores"] and out["foundation_labels"] == ["care"]
    path = save_model(model, tmp_path / "moral.skops")
    again = load_model(path)
    assert isinstance(again, TrainedModel) and again.predict(TEXTS[:5]) == model.predict(TEXTS[:5])


def test_train_and_predict_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "train.jsonl"
    data.write_text("".join(json.dumps({"text": t, "foundations": f}) + "\n" for t, f in zip(TEXTS, LABELS)),
                    encoding="utf-8")
    model = tmp_path / "moral.skops"
    assert main(["train", "--task", "moral-foundations", "--data", str(data), "--model", str(model),
                 "--cv", "2"]) == 0
    capsys.readouterr()
    sentence = tmp_path / "s.txt"
    sentence.write_text("The rebels tortured and wounded the hostages.\n", encoding="utf-8")
    assert main(["predict", "--model", str(model), str(sentence)]) == 0
    row = json.loads(capsys.readouterr().out.splitlines()[0])
    assert row["foundation_labels"] == row["prediction"]["foundation_labels"] == ["care"]
    assert set(row["foundations"]) == {"care", "loyalty", "authority"} and "frames" not in row


def test_load_corpus_refuses_another_folder(tmp_path: Path) -> None:
    assert load_corpus(tmp_path) is None
    assert moka_story("1280") == "1065" and moka_story("1065") == "1065"


# -- measured quality on MOKA -------------------------------------------------------------

# measured 2026-12-02 with `framing evaluate models --task moral-foundations` (docs/models.md):
# valid 0.742 (0.755 without sanctity), ECE 0.007; train grouped 5-fold CV 0.700, ECE 0.004
VALID_AUC = 0.72
VALID_AUC_4 = 0.73
CV_AUC = 0.68
MAX_ECE = 0.05


def test_moka_quality_holds_its_floors(data_home: Path) -> None:
    if not (data_home / "moka").is_dir():
        pytest.skip("moka not in the data folder")
    from framing.evaluation.models import evaluate_moral

    rows = {(r["split"].split(",")[0], r["metric"]): r["ours"] for r in evaluate_moral(data_home)}
    held = "MOKA valid (16 stories"
    cv = "MOKA train"
    assert rows[(held, "ROC AUC (mean of 5)")] >= VALID_AUC
    assert rows[(held, "ROC AUC (mean of 4, no sanctity)")] >= VALID_AUC_4
    assert rows[(cv, "ROC AUC (mean of 5)")] >= CV_AUC
    assert rows[(cv, "expected calibration error")] <= MAX_ECE
    assert rows[(held, "expected calibration error")] <= MAX_ECE
    for lexicon in ("moral_foundations", "MFD 2.0", "eMFD"):
        assert rows[(held, "ROC AUC (mean of 5)")] > rows[(held, f"ROC AUC (mean of 5), lexicon {lexicon}")]
