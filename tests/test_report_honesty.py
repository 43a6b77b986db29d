"""The report says what its statistics support: n and significance on every heatmap cell, readable
cell text, no page furniture among the distinctive words, a caption of its own for each section."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

pytest.importorskip("matplotlib")

import matplotlib

matplotlib.use("Agg")

from framing import Article
from framing.compare import boilerplate_words, distinctive_words
from framing.report import build_report
from framing.report.plotting import plot_profile_heatmap

LEFT = ("Critics slammed the reckless, disastrous plan, activists claimed. Photos: toggle caption. "
        '"It is a catastrophe," said Maria Lopez, a nurse. Enlarge this image. Replay video.')
RIGHT = ("Officials said the budget was approved on Tuesday, the ministry noted. Advertisement. "
         '"We expect steady growth," Finance Minister John Smith said. Photos. Hide caption.')


def articles() -> list[Article]:
    arts = []
    for k in range(8):
        arts.append(Article(f"l{k}", LEFT + f" Day {k} of the economic and security debate.", outlet="Left"))
        arts.append(Article(f"r{k}", RIGHT + f" Day {k} of the health and crime debate.", outlet="Right"))
    return arts


@pytest.fixture(scope="module")
def page() -> str:
    return build_report(articles(), n_resamples=100, n_permutations=99, min_articles=3, n_examples=1)


def section(page: str, sid: str) -> str:
    match = re.search(rf'<section id="{sid}">(.*?)</section>', page, flags=re.S)
    assert match, sid
    return match.group(1)


def test_profiles_say_that_grey_cells_are_not_significant_and_count_them(page: str) -> None:
    profiles = section(page, "profiles")
    assert "Colour is not significance" in profiles
    assert "grey and hatched when the group's 95% bootstrap interval" in profiles
    assert "n, the number of articles" in profiles
    counts = re.findall(r"([\d,]+) of ([\d,]+) cells are grey", profiles)
    assert counts and all(int(a) <= int(b) for a, b in counts)


def test_stances_have_their_own_caption(page: str) -> None:
    sources, stances = section(page, "sources"), section(page, "stances")
    cap_sources = re.search(r'<p class="note">(.*?)</p>', sources, flags=re.S).group(1)
    cap_stances = re.search(r'<p class="note">(.*?)</p>', stances, flags=re.S).group(1)
    assert cap_sources != cap_stances
    assert "source category of the speaker" in cap_sources
    assert "stance of the cue" in cap_stances and "speaker" not in cap_stances


def test_distinctive_words_leave_out_page_furniture(page: str) -> None:
    words = section(page, "words")
    cells = set(re.findall(r"<td>([^<]*)</td>", words))
    assert not cells & {"photos", "toggle", "caption", "enlarge", "replay", "video", "advertisement", "hide"}
    assert "boilerplate_words()" in words
    frame = pd.DataFrame({"outlet": [a.outlet for a in articles()], "text": [a.text for a in articles()]})
    with_furniture = distinctive_words(frame, "Left", "Right", min_count=3)
    assert {"photos", "caption"} & set(with_furniture["term"])  # the stop list is what removes them
    assert not set(distinctive_words(frame, "Left", "Right", min_count=3, stop_words="boilerplate")["term"]) \
        & boilerplate_words()
    with pytest.raises(ValueError, match="The 'stop_words' parameter of distinctive_words must be"):
        distinctive_words(frame, "Left", "Right", stop_words="english")


def test_the_notebook_uses_the_shared_stop_list() -> None:
    import json
    from pathlib import Path

    nb = json.loads((Path(__file__).resolve().parents[1] / "notebooks" / "02_compare_outlets.ipynb")
                    .read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert 'stop_words="boilerplate"' in code and "BOILERPLATE = [" not in code


def _summary() -> pd.DataFrame:
    # group F is far from the rest with a tight interval: significant; A-E overlap the pooled mean
    rows = []
    for g, mean, half in (("A", 1.0, 2.0), ("B", 1.2, 2.0), ("C", 0.8, 2.0), ("D", 1.1, 2.0),
                          ("E", 0.9, 2.0), ("F", 9.0, 0.5)):
        for f in ("frames__economic", "frames__health"):
            rows.append({"outlet": g, "feature": f, "n": 12, "mean": mean, "ci_low": mean - half,
                         "ci_high": mean + half})
    return pd.DataFrame(rows)


def test_every_cell_carries_n_and_non_significant_cells_are_greyed() -> None:
    ax = plot_profile_heatmap(_summary(), scale="zscore")
    grey = sorted((round(p.get_y() + 0.5), round(p.get_x() + 0.5)) for p in ax.patches)
    assert grey == [(i, j) for i in range(5) for j in range(2)]  # rows A-E, both columns; F coloured
    assert all(p.get_hatch() == "///" for p in ax.patches)
    assert np.isfinite(ax.images[0].get_array()).all()
    texts = [t.get_text() for t in ax.texts]
    assert len(texts) == 12 and all(t.endswith("n = 12") for t in texts)
    legend = ax.get_legend()
    assert legend is not None and "interval includes the mean of all articles shown" in legend.texts[0].get_text()


def test_text_on_dark_cells_is_white() -> None:
    ax = plot_profile_heatmap(_summary(), scale="zscore")
    colours = {t.get_text().split("\n")[0]: t.get_color() for t in ax.texts}
    # F's z-score is about 2.2, the dark red end: white text; grey cells get dark grey text
    dark = [t for t in ax.texts if t.get_position()[1] == 5]
    assert dark and all(t.get_color() == "white" for t in dark), colours
    assert all(t.get_color() == "#374151" for t in ax.texts if t.get_position()[1] < 5)


def test_mark_needs_intervals() -> None:
    s = _summary().drop(columns=["ci_low", "ci_high"])
    assert len(plot_profile_heatmap(s).patches) == 0
    with pytest.raises(ValueError, match="The 'mark' parameter needs a summary with 'ci_low'"):
        plot_profile_heatmap(s, mark=True)
