"""MOKA and CoNLL-2010 loaders, and the validation of moral_foundations and epistemic against them."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from framing.datasets import DatasetNotFoundError, load_conll2010, load_moka
from framing.evaluation.instruments import (
    conll2010_part,
    evaluate_conll2010,
    evaluate_instrument,
    evaluate_moka,
    foundation_of,
    moral_scores,
)
from framing.evaluation.lexicons import evaluate_lexicon
from framing.lexicon import load_lexicon

# ------------------------------------------------------------------ synthetic corpora


def _write_moka(root: Path) -> None:
    (root / "moka" / "meta").mkdir(parents=True)
    (root / "moka" / "articles").mkdir()
    meta = {"triplet_id": "001", "split": "valid", "story_title": "t", "story_time": "2020-01-01",
            "story_topic": "guns"}
    for d in range(3):
        meta[f"Meta info for article {d}"] = {"source": f"S{d}", "url": f"http://x/{d}", "title": f"T{d}",
                                              "bias_label": d, "annotated_ideology_1": 2,
                                              "annotated_ideology_2": 2}
    (root / "moka" / "meta" / "TRIPLET_001.json").write_text(json.dumps(meta), encoding="utf-8")
    article = {
        "DOCNAME": "TRIPLET_001_DOCUMENT_0", "title": "T0", "article_ideology_2": "Moderate",
        "news": [{"id": 0, "text": "The gunman attacked the crowd."}, {"id": 2, "text": "It rained."}],
        "annotations": [{"e_id": "EventMO#0", "para": 0, "event": "attacked", "event_trigger": "attacked",
                         "morality": "Harm", "morality2": "Subversion", "morality3": ""}],
    }
    (root / "moka" / "articles" / "TRIPLET_001_DOCUMENT_0.json").write_text(json.dumps(article),
                                                                          encoding="utf-8")


def test_load_moka_synthetic_units_and_articles(tmp_path: Path) -> None:
    _write_moka(tmp_path)
    units = load_moka(tmp_path)
    assert list(units.index) == ["TRIPLET_001_DOCUMENT_0-0", "TRIPLET_001_DOCUMENT_0-2"]
    assert units.loc["TRIPLET_001_DOCUMENT_0-0", "poles"] == ["Harm", "Subversion"]
    assert units.loc["TRIPLET_001_DOCUMENT_0-0", "foundations"] == ["care", "authority"]
    assert units.loc["TRIPLET_001_DOCUMENT_0-2", "foundations"] == []
    assert units["unit"].tolist() == [0, 2]  # the upstream ids, not positions
    arts = load_moka(tmp_path, level="article")
    row = arts.loc["TRIPLET_001_DOCUMENT_0"]
    assert (row["source"], row["bias_label"], row["ideology"], row["n_events"]) == ("S0", 0, "Moderate", 1)
    assert row["pole_counts"] == {"Harm": 1, "Subversion": 1}
    assert row["text"] == "The gunman attacked the crowd.\nIt rained."
    assert load_moka(tmp_path, split="train").empty


def test_load_moka_errors(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFoundError, match="MOKA MoralEvents"):
        load_moka(tmp_path)
    with pytest.raises(ValueError, match="The 'level' parameter of load_moka must be one of"):
        load_moka(tmp_path, level="paragraph")  # type: ignore[arg-type]
    _write_moka(tmp_path)
    path = tmp_path / "moka" / "articles" / "TRIPLET_001_DOCUMENT_0.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    doc["annotations"][0]["morality"] = "Liberty"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ValueError, match=r"annotations\[0\]: 'morality' must be one of .* Got 'Liberty'"):
        load_moka(tmp_path)


def test_load_conll2010_synthetic(tmp_path: Path) -> None:
    (tmp_path / "conll2010-wiki").mkdir()
    path = tmp_path / "conll2010-wiki" / "train.csv"
    path.write_text('text,label\n"Paris is in France.\n",0\n"\n",0\n"Some say it is old.\n",1\n',
                    encoding="utf-8")
    df = load_conll2010(tmp_path)
    assert list(df.index) == ["conll2010-wiki-train-00000", "conll2010-wiki-train-00002"]
    assert df["text"].tolist() == ["Paris is in France.", "Some say it is old."]
    assert df["label"].tolist() == ["certain", "uncertain"] and df["uncertain"].tolist() == [False, True]
    assert len(load_conll2010(tmp_path, drop_empty=False)) == 3
    path.write_text('text,label\n"x",2\n', encoding="utf-8")
    with pytest.raises(ValueError, match="row 2: expected a text and a label 0 or 1"):
        load_conll2010(tmp_path)


def test_load_conll2010_missing(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFoundError, match=r"conll2010-wiki.*FRAMING_DATA_HOME"):
        load_conll2010(tmp_path)


# ------------------------------------------------------------------ scoring


def test_foundation_of_and_moral_scores() -> None:
    assert foundation_of("loyalty_vice") == foundation_of("loyalty.vice") == "loyalty"
    assert foundation_of("fairness") == "fairness" and foundation_of("hedge") is None
    scores = moral_scores(["Vandals desecrated the cemetery.", "It rained."], load_lexicon("moral_foundations"))
    assert scores.loc[0, "sanctity"] > 0 and scores.loc[1].sum() == 0


def test_conll2010_part_is_fixed_and_shared_by_duplicates() -> None:
    assert conll2010_part("Some say it is old.") == conll2010_part(" Some say it is old. ")
    parts = {conll2010_part(f"Sentence number {i}.") for i in range(50)}
    assert parts == {"dev", "test"}


def test_parameters_are_validated(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="The 'part' parameter of evaluate_moka must be"):
        evaluate_moka(tmp_path, part="train")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="The 'dataset' parameter of evaluate_instrument must be"):
        evaluate_instrument("babe", tmp_path)  # type: ignore[arg-type]


def test_conll2010_categories_must_exist(data_home: Path) -> None:
    with pytest.raises(ValueError, match="must name categories of epistemic"):
        evaluate_conll2010(data_home, categories=("peacock",))


# ------------------------------------------------------------------ real data, floors

# Measured with moral_foundations 1.2.0 and epistemic 2.0.0 on the held-out
# parts (MOKA valid split; CoNLL-2010 test part), docs/lexicons.md; floors a
# little below.


def _row(table: pd.DataFrame, **where: object) -> pd.Series:
    mask = pd.Series(True, index=table.index)
    for key, value in where.items():
        mask &= table[key] == value
    assert mask.sum() == 1, where
    return table[mask].iloc[0]


def test_moka_sentence_floors(data_home: Path) -> None:
    table = evaluate_moka(data_home, level="sentence", part="test")
    ours = _row(table, lexicon="ours", target="mean")
    mfd2 = _row(table, lexicon="mfd2", target="mean")
    assert ours["roc_auc"] >= MOKA_SENTENCE_AUC and ours["f1"] >= MOKA_SENTENCE_F1
    assert ours["roc_auc"] > mfd2["roc_auc"] - 0.01
    assert ours["f1"] > mfd2["f1"]
    assert _row(table, lexicon="ours", target="care")["n_positive"] == 248


def test_moka_article_floor(data_home: Path) -> None:
    table = evaluate_moka(data_home, level="article", part="test", anchors=False)
    assert _row(table, lexicon="ours", target="mean_4")["roc_auc"] >= MOKA_ARTICLE_AUC


def test_conll2010_floors(data_home: Path) -> None:
    table = evaluate_conll2010(data_home, part="test")
    all_cats = _row(table, target="hedge+weasel+vague_quantifier")
    assert all_cats["f1"] >= CONLL_F1 and all_cats["roc_auc"] >= CONLL_AUC
    assert _row(table, target="hedge+weasel")["f1"] >= CONLL_PHRASES_F1
    assert _row(table, target="weasel")["precision"] >= CONLL_WEASEL_PRECISION


def test_evaluate_lexicon_dispatches(data_home: Path) -> None:
    table = evaluate_lexicon("conll2010", data_home)
    assert set(table["part"]) == {"dev", "test"} and table["date"].notna().all()
    assert not any(math.isnan(x) for x in table["f1"])


# measured 2026-12-01: 0.625, 0.270, 0.767 (mean_4), 0.590, 0.734, 0.445, 0.742
# moral_foundations 1.2.0, measured 2026-12-02: 0.633, 0.282, 0.778 (mean_4)
MOKA_SENTENCE_AUC = 0.62
MOKA_SENTENCE_F1 = 0.26
MOKA_ARTICLE_AUC = 0.76
CONLL_F1 = 0.57
CONLL_AUC = 0.71
CONLL_PHRASES_F1 = 0.42
CONLL_WEASEL_PRECISION = 0.70
