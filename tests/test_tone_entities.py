"""Tone toward entities: the JSONL ``entities[].tone``, the features, the tables."""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest

from framing import Analyzer, Article, analyze, analyze_corpus
from framing.pipeline.schema import ENTITY_COLUMNS, QUOTE_COLUMNS, entity_rows, table_rows
from framing.tone import EntityTone, entity_model, entity_tones, tone_feature_names
from framing.tone.entities import ENTITY_DENSE_NAMES

DATA = Path(os.environ.get("FRAMING_DATA_HOME", "")) / "newsmtsc"


def _tone(result, name):
    for e, t in zip(result.entities, result.entity_tone):
        if e.text == name:
            return t
    raise AssertionError(f"no entity {name!r} in {[e.text for e in result.entities]}")


def test_praised_but_attacked_ranks_smith_above_jones():
    # VADER's "but" rule halves "praised" and boosts "attacked", so the sentence is negative;
    # the tone toward Smith is still the less negative of the two
    result = analyze("Critics praised Smith but attacked Jones.")
    assert _tone(result, "Smith").tone > _tone(result, "Jones").tone


def test_praised_and_attacked_get_opposite_labels():
    result = analyze("Critics praised Smith. Critics attacked Jones.")
    smith, jones = _tone(result, "Smith"), _tone(result, "Jones")
    assert (smith.label, jones.label) == ("positive", "negative")
    assert smith.tone > 0 > jones.tone


@pytest.mark.parametrize(("text", "name", "label"), [
    ("Voters adored Senator Maria Lopez for her brave and honest work.", "Maria Lopez", "positive"),
    ("Prosecutors said John Miller lied, stole and threatened witnesses.", "John Miller", "negative"),
    ("The mayor thanked Dr. Alan Reyes, who saved the lives of three children.", "Alan Reyes", "positive"),
])
def test_tone_toward_named_people(text, name, label):
    assert _tone(analyze(text), name).label == label


def test_entity_tone_is_the_mean_over_mentions():
    text = "Critics slammed John Miller. Miller is a wonderful, kind and generous father."
    result = analyze(text)
    tone = _tone(result, "John Miller")
    assert tone.n_mentions == 2
    assert -1.0 <= tone.tone <= 1.0


def test_jsonl_row_carries_entity_tone():
    row = json.loads(json.dumps(analyze("Critics praised Smith. Critics attacked Jones.").to_dict()))
    for e in row["entities"]:
        assert isinstance(e["tone"], float) and -1.0 <= e["tone"] <= 1.0
        assert e["label"] in ("negative", "neutral", "positive")
    assert {"text", "category", "mentions", "tone", "label"} <= set(row["entities"][0])


def test_no_entities_gives_empty_tuple_and_zero_features():
    result = analyze("The meeting is on Tuesday.")
    assert result.entities == () and result.entity_tone == ()
    assert result.features["tone__toward_mean"] == 0.0
    doc = Analyzer().annotate(result.article)
    assert entity_tones(doc, [], []) == ()


def test_error_row_has_no_entities():
    result = analyze(Article("x", "Critics praised Smith.", error="bad record: no text field"))
    assert result.error is not None
    row = result.to_dict()
    assert row["entities"] == [] and row["error"]
    *_, entities = table_rows(result)
    assert entities == [] and entity_rows("x", result) == []


def test_features_by_category_of_the_entity():
    result = analyze("Critics slammed House Speaker Nancy Pelosi for the reckless, disastrous bill.")
    assert "tone__toward_government_mean" in tone_feature_names()
    assert result.features["tone__toward_government_mean"] < 0
    assert result.features["tone__toward_mean"] < 0
    assert result.features["tone__toward_expert_mean"] == 0.0


def test_analyzer_without_the_lexicons_still_scores_entities():
    full = _tone(analyze("Critics slammed Smith."), "Smith")
    bare = _tone(Analyzer(["epistemic"])("Critics slammed Smith."), "Smith")
    assert bare.label == full.label == "negative"
    assert math.isclose(bare.tone, full.tone, abs_tol=1e-9)


def test_tables_carry_quote_and_entity_tone():
    quoted = '"It was a terrible, shameful failure," Smith said.'
    corpus = analyze_corpus([quoted, "Critics praised Jones for the brave rescue.", ""])
    assert "tone" in QUOTE_COLUMNS
    assert corpus.quotes["tone"].iloc[0] == analyze(quoted).quote_tone[0] < 0
    assert list(corpus.entities.columns) == ENTITY_COLUMNS
    jones = corpus.entities[corpus.entities["text"] == "Jones"].iloc[0]
    assert jones["label"] == "positive" and jones["n_mentions"] == 1 and jones["entity"] == 0


def test_entity_tone_to_dict():
    assert EntityTone("Smith", 0.5, "positive", 2).to_dict() == {"tone": 0.5, "label": "positive"}


def test_model_has_provenance_and_names():
    model = entity_model()
    assert model.provenance["licence"] == "MIT"
    assert model.names == ENTITY_DENSE_NAMES


@pytest.mark.skipif(not (DATA / "dev-rw.jsonl").is_file(), reason="needs NewsMTSC in FRAMING_DATA_HOME")
@pytest.mark.parametrize("split", ["dev-rw", "dev-mt"])
def test_entity_model_macro_f1_floor(split):
    from sklearn.metrics import f1_score

    from framing.evaluation.entity_tone import entity_predictions
    from framing.evaluation.tone import read_newsmtsc

    records = read_newsmtsc(DATA.parent, split)
    gold = [{-1: "negative", 0: "neutral", 1: "positive"}[int(r["polarity"])] for r in records]
    assert f1_score(gold, entity_predictions(records), average="macro") >= 0.60
