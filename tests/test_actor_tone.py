"""Tone toward the top actors by outlet: framing.compare.actor_tone, compare_outlets, the report."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from framing import Article, analyze_corpus
from framing.compare import actor_tone, compare_outlets

_A = ["Critics praised Smith for the brave rescue.", "Voters love Smith, a kind and honest leader.",
      "Critics gave Smith praise for the wonderful plan.", "Critics attacked Jones for the disastrous plan.",
      "Families thanked Smith for the generous help."]
_B = ["Critics slammed Smith for the reckless plan.", "Critics said Smith lied and failed the voters.",
      "Voters blamed Smith over the disastrous cuts.", "Critics praised Jones for the brave rescue.",
      "Police blamed Smith for the terrible crash."]


@pytest.fixture(scope="module")
def corpus():
    arts = [Article(f"a{i}", t, outlet="A") for i, t in enumerate(_A)]
    arts += [Article(f"b{i}", t, outlet="B") for i, t in enumerate(_B)]
    return analyze_corpus(arts)


def test_outlets_differ_in_tone_toward_smith(corpus):
    table = actor_tone(corpus, top=2, n_resamples=500)
    assert table["actor"].tolist()[:2] == ["Smith", "Smith"]  # mentioned in the most articles
    smith = table[table["actor"] == "Smith"].set_index("outlet")
    assert smith.at["A", "tone"] > 0 > smith.at["B", "tone"]
    assert smith.at["A", "n_articles"] == 4 and smith.at["B", "n_articles"] == 4
    for _, row in smith.iterrows():
        assert row["ci_low"] <= row["tone"] <= row["ci_high"]
    assert smith.at["B", "negative_share"] >= 0.5


def test_actor_missing_from_a_group_is_nan(corpus):
    table = actor_tone(corpus, actors=["Jones", "Nobody"], n_resamples=200)
    nobody = table[table["actor"] == "Nobody"]
    assert (nobody["n_articles"] == 0).all() and nobody["tone"].isna().all()
    jones = table[table["actor"] == "Jones"].set_index("outlet")
    assert jones.at["A", "tone"] < jones.at["B", "tone"]


def test_reproducible_with_a_seed(corpus):
    a = actor_tone(corpus, random_state=3, n_resamples=300)
    b = actor_tone(corpus, random_state=3, n_resamples=300)
    pd.testing.assert_frame_equal(a, b)


def test_compare_outlets_has_actors(corpus):
    result = compare_outlets(corpus, min_articles=5, n_resamples=200, n_permutations=99, top_actors=3)
    assert result.actors is not None and "Smith" in set(result.actors["actor"])
    assert {"tone__mean", "tone__toward_mean", "tone__quotes_mean"} <= set(result.summary["feature"])


def test_compare_outlets_without_entities_has_no_actors(corpus):
    result = compare_outlets(corpus.features, n_resamples=50, n_permutations=19)
    assert result.actors is None


def test_bad_input():
    arts = pd.DataFrame({"outlet": ["A"]}, index=["a1"])
    with pytest.raises(KeyError, match="expects the entities table"):
        actor_tone(arts)
    with pytest.raises(KeyError, match="expects the entities table"):
        actor_tone(arts, entities=pd.DataFrame({"id": ["a1"]}))
    ents = pd.DataFrame({"id": ["a1"], "text": ["Smith"], "kind": ["person"], "n_mentions": [1],
                         "tone": [0.2]})
    with pytest.raises(ValueError, match="'top' parameter of actor_tone must be a positive int"):
        actor_tone(arts, entities=ents, top=0)


def test_empty_entities_table_gives_empty_result():
    arts = pd.DataFrame({"outlet": ["A", "B"]}, index=["a1", "b1"])
    ents = pd.DataFrame({c: [] for c in ("id", "text", "kind", "n_mentions", "tone")})
    assert actor_tone(arts, entities=ents).empty


def test_entities_of_error_rows_and_unknown_ids_are_ignored():
    arts = pd.DataFrame({"outlet": ["A", "A"]}, index=["a1", "a2"])
    ents = pd.DataFrame({"id": ["a1", "zz", "a2"], "text": ["Smith"] * 3, "kind": "person",
                         "n_mentions": [1, 1, 1], "tone": [0.5, -0.9, np.nan]})
    row = actor_tone(arts, entities=ents).iloc[0]
    assert row["n_articles"] == 1 and row["tone"] == 0.5


def test_plot_and_report_section(corpus):
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    from framing.report import build_report
    from framing.report.actor_plots import plot_actor_tone

    table = actor_tone(corpus, top=2, n_resamples=100)
    ax = plot_actor_tone(table)
    assert len(ax.containers) == 2
    arts = [Article(f"a{i}", t, outlet="A") for i, t in enumerate(_A)]
    arts += [Article(f"b{i}", t, outlet="B") for i, t in enumerate(_B)]
    page = build_report(arts, corpus=corpus, n_resamples=50, n_permutations=19)
    section = re.search(r'<section id="actors">(.*?)</section>', page, flags=re.S).group(1)
    assert "Smith" in section and "data:image/png;base64," in section
