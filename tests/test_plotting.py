"""framing.report.plotting: the plots show what the tables say (Agg backend, no show())."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from framing.compare import distinctive_words, sourcing, summarize  # noqa: E402
from framing.report.plotting import (  # noqa: E402
    plot_cue_stance,
    plot_log_odds,
    plot_outlet_scores,
    plot_profile_heatmap,
    plot_source_composition,
)


@pytest.fixture(autouse=True)
def _no_show(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("library code called plt.show()")

    monkeypatch.setattr(plt, "show", fail)
    yield
    plt.close("all")


def axes() -> object:
    return Figure().subplots()


SUMMARY = pd.DataFrame({
    "outlet": ["A", "A", "B", "B", "C", "C"],
    "feature": ["policy_frames__economic", "policy_frames__legality"] * 3,
    "n": [10] * 6,
    "mean": [2.0, 1.0, 5.0, 0.0, 3.0, 4.0],
    "ci_low": [1.0, 0.5, 4.0, 0.0, 2.5, 3.0],
    "ci_high": [3.5, 1.5, 6.0, 0.0, 3.5, 6.0],
})


def test_outlet_scores_points_and_error_bars():
    ax = plot_outlet_scores(SUMMARY, "policy_frames__economic", ax=axes())
    # sorted by mean: A (2), C (3), B (5) from the bottom
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "C", "B"]
    x, y = ax.lines[0].get_data()
    assert list(x) == [2.0, 3.0, 5.0] and list(y) == [0, 1, 2]
    segments = ax.collections[0].get_segments()  # the horizontal error bars
    extents = sorted((float(s[0][0]), float(s[1][0])) for s in segments)
    assert extents == [(1.0, 3.5), (2.5, 3.5), (4.0, 6.0)]
    assert "economic" in ax.get_xlabel()
    unsorted = plot_outlet_scores(SUMMARY, "policy_frames__economic", sort=False, ax=axes())
    assert [t.get_text() for t in unsorted.get_yticklabels()] == ["A", "B", "C"]


def test_outlet_scores_needs_a_feature_when_several():
    with pytest.raises(ValueError, match="feature="):
        plot_outlet_scores(SUMMARY, ax=axes())
    with pytest.raises(KeyError, match="ci_low"):
        plot_outlet_scores(SUMMARY.drop(columns="ci_low"), "policy_frames__economic", ax=axes())


def test_outlet_scores_from_summarize_output():
    df = pd.DataFrame({"outlet": ["X"] * 4 + ["Y"] * 4, "f__v": [1.0, 2.0, 3.0, 4.0, 4.0, 4.0, 4.0, 4.0]})
    s = summarize(df, n_resamples=300)
    ax = plot_outlet_scores(s, ax=axes())
    lows = sorted(float(seg[0][0]) for seg in ax.collections[0].get_segments())
    assert lows == pytest.approx(sorted(s["ci_low"].tolist()))
    # a new figure when no ax is given, and show() is never called
    assert plot_outlet_scores(s).figure is not None


def test_profile_heatmap_values_and_labels():
    ax = plot_profile_heatmap(SUMMARY, ax=axes())
    assert ax.images[0].get_array().tolist() == [[2.0, 1.0], [5.0, 0.0], [3.0, 4.0]]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B", "C"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["economic", "legality"]
    assert sorted(t.get_text().split("\n")[0] for t in ax.texts) == sorted(["2", "1", "5", "0", "3", "4"])
    assert all(t.get_text().endswith(" = 10") for t in ax.texts)  # each cell carries its n


def test_profile_heatmap_zscore_and_feature_order():
    ax = plot_profile_heatmap(SUMMARY, ["policy_frames__legality", "policy_frames__economic"],
                              scale="zscore", annotate=False, ax=axes())
    values = np.asarray(ax.images[0].get_array())
    legality = np.array([1.0, 0.0, 4.0])
    assert values[:, 0] == pytest.approx((legality - legality.mean()) / legality.std())
    assert values.mean(axis=0) == pytest.approx([0.0, 0.0])
    assert not ax.texts
    with pytest.raises(ValueError, match="scale"):
        plot_profile_heatmap(SUMMARY, scale="log", ax=axes())


def test_log_odds_bars_from_distinctive_words():
    df = pd.DataFrame({"outlet": ["L"] * 3 + ["R"] * 3,
                       "text": ["tax relief for working families"] * 3 + ["tax breaks for the rich"] * 3})
    words = distinctive_words(df, "L", "R", min_count=1)
    ax = plot_log_odds(words, n=2, ax=axes())
    labels = [t.get_text() for t in ax.get_yticklabels()]
    widths = [p.get_width() for p in ax.patches]
    assert len(ax.patches) == 4
    z = words["z"].to_numpy()
    assert sorted(widths) == pytest.approx(sorted([*np.sort(z)[:2], *np.sort(z)[-2:]]))
    assert widths == pytest.approx(sorted(widths))  # ordered by z
    assert widths == pytest.approx(sorted(words.set_index("term").loc[labels, "z"].tolist()))
    assert "L" in ax.get_title() and "R" in ax.get_title()
    with pytest.raises(ValueError, match="positive"):
        plot_log_odds(words, n=0, ax=axes())


QUOTES = pd.DataFrame({
    "id": ["a1", "a1", "a2", "b1", "b1", "b2"],
    "text": ["x"] * 6,
    "speaker_category": ["expert", "government", "expert", None, "government", "government"],
    "cue_stance": ["neutral", "distancing", "neutral", "emotive", "contesting", "neutral"],
})
ARTICLES = pd.DataFrame({"outlet": ["A", "A", "B", "B"]}, index=["a1", "a2", "b1", "b2"])


def test_source_composition_segments_match_shares():
    shares = sourcing(QUOTES, ARTICLES, n_resamples=100)
    ax = plot_source_composition(shares, ax=axes())
    cats = ["expert", "government", "none"]
    assert len(ax.patches) == 2 * len(cats)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == cats
    widths = np.array([p.get_width() for p in ax.patches]).reshape(len(cats), 2)  # category-major
    assert widths[:, 0] == pytest.approx([2 / 3, 1 / 3, 0.0])
    assert widths[:, 1] == pytest.approx([0.0, 2 / 3, 1 / 3])
    assert widths.sum(axis=0) == pytest.approx([1.0, 1.0])
    lefts = np.array([p.get_x() for p in ax.patches]).reshape(len(cats), 2)
    assert lefts[1] == pytest.approx(widths[0])  # stacked


def test_cue_stance_order_and_colours():
    shares = sourcing(QUOTES, ARTICLES, what="cue_stance", missing=None, n_resamples=100)
    ax = plot_cue_stance(shares, ax=axes())
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["neutral", "distancing", "contesting", "emotive"]
    widths = np.array([p.get_width() for p in ax.patches]).reshape(4, 2)
    assert widths[:, 0] == pytest.approx([2 / 3, 1 / 3, 0, 0])
    assert widths[:, 1] == pytest.approx([1 / 3, 0, 1 / 3, 1 / 3])
    red = matplotlib.colors.to_rgba("#b91c1c")
    contesting = ax.patches[2 * 2]
    assert contesting.get_facecolor() == pytest.approx(red)


def render(ax) -> None:
    import io

    ax.figure.savefig(io.BytesIO(), format="png")


def test_dollar_signs_in_names_are_shown_literally():
    # "$" starts matplotlib mathtext; an outlet named like this must neither crash nor be typeset
    s = SUMMARY.replace({"outlet": {"A": r"$\foo$ News", "B": "Money$ Daily"}})
    ax = plot_outlet_scores(s, "policy_frames__economic", sort=False, ax=axes())
    render(ax)  # mathtext errors surface at draw time
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == r"\$\foo\$ News" and labels[1] == r"Money\$ Daily"
    heat = plot_profile_heatmap(s, ax=axes())
    render(heat)
    w = pd.DataFrame({"term": ["$x$", "y"], "z": [1.0, -1.0], "favours": ["$a$", "b"]})
    render(plot_log_odds(w, ax=axes()))
