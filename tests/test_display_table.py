"""The text table of ``framing analyze``: every quote, short headings, quote cues apart from verb hits."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing import Article, analyze
from framing.cli import main
from framing.pipeline.display import TABLE_NOTE, analysis_table, column_labels
from framing.readers import example_articles


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(args)
    return code, capsys.readouterr().out


def test_every_quote_is_listed_including_the_seventh(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run(["analyze", "--example", "--quiet"], capsys)
    assert code == 0
    wire = example_articles()[0]
    n = len(analyze(wire).quotes)
    assert n >= 7
    section = out.split("Harbor Wire: ")[1].split("\n\n")[0]
    assert f"quotes ({n}):" in section
    assert f"  {n}. " in section  # numbered to the last one
    assert "Professor Lena Fischer (expert)" in section  # the example's only expert quote


def test_quote_cues_and_reporting_verb_hits_are_separate_labelled_rows() -> None:
    # "according to" attributes a quote but is no verb; "said" in the second sentence is a verb
    text = "The plan failed, according to a report. Critics said it was reckless."
    analysis = analyze(Article("a", text, outlet="Wire"))
    table = analysis_table([analysis])
    rows = {line[:26].strip(): line[26:].strip() for line in table.split("\n\n")[0].splitlines()[1:]}
    assert rows["quotes"] == str(len(analysis.quotes))
    assert rows["with a cue"] == str(sum(q.cue is not None for q in analysis.quotes))
    assert rows["reporting-verb hits"] == f"{analysis.features['reporting_verbs__total_count']:.0f}"
    assert rows["quotes"] != rows["reporting-verb hits"]
    assert TABLE_NOTE in table and "reporting-verb hits' are every use" in TABLE_NOTE


def test_headings_are_titles_or_file_names_not_cut_paths(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    deep = tmp_path / "collected" / "2024-05-01" / "national-desk"
    deep.mkdir(parents=True)
    (deep / "council-votes-shelter.txt").write_text(
        "The council voted on Monday, officials said.\n", encoding="utf-8")
    (deep / "mayor-defends-plan.txt").write_text(
        "The mayor defended the plan, her office said.\n", encoding="utf-8")
    code, out = run(["analyze", str(tmp_path), "--quiet"], capsys)
    assert code == 0
    header = out.split("\n\n")[1].splitlines()[0]
    assert str(tmp_path)[:20] not in header
    assert "council-votes-shelter" in header and "mayor-defends-plan" in header
    assert str(deep / "council-votes-shelter.txt") in out  # the full id under its section


def test_column_labels_short_and_distinct() -> None:
    arts = [
        Article("x/y/z/a.txt", "t"),
        Article("x/y/w/a.txt", "t"),
        Article("r.jsonl:3", "t"),
        Article("b", "t", title="Council votes to evict 120 homeless people as winter nears"),
        Article("c", "t", outlet="Harbor Wire"),
    ]
    assert column_labels(arts) == ["a", "a #2", "r:3", "Council votes to evict…", "Harbor Wire"]
    assert all(len(label) <= 24 for label in column_labels(arts))


def test_error_rows_keep_their_column() -> None:
    bad = Article("broken.txt", "", error="cannot read it")
    table = analysis_table([analyze(bad), analyze(Article("ok", "Fine.", outlet="Wire"))])
    assert "cannot read it" in table and "Wire" in table
