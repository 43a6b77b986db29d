"""One input contract for the Python API and the CLI: text columns, CSV delimiters, repeated ids."""

from __future__ import annotations

import json
import logging
import os
from pathlib import Path

import pandas as pd
import pytest

from framing import Article, analyze_corpus, read_articles
from framing.cli import main
from framing.cli._common import EXIT_USAGE
from framing.readers import TEXT_COLUMNS, articles_from_frame, sniff_delimiter, unique_ids

SAID = "Critics slammed the plan, officials said."


@pytest.mark.parametrize("column", TEXT_COLUMNS)
def test_same_text_column_in_the_api_and_the_cli(
    column: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frame = pd.DataFrame({"id": ["a1"], column: [SAID], "source": ["Wire"]})
    api = analyze_corpus(frame).features
    assert list(api.index) == ["a1"] and api.loc["a1", "outlet"] == "Wire"
    path = tmp_path / "a.csv"
    frame.to_csv(path, index=False)
    assert main(["analyze", str(path), "--format", "jsonl"]) == 0
    (row,) = map(json.loads, capsys.readouterr().out.splitlines())
    assert (row["id"], row["outlet"], row["text"]) == ("a1", "Wire", SAID)
    assert row["features"]["reporting_verbs__emotive_count"] == api.loc["a1", "reporting_verbs__emotive_count"]


def test_first_text_column_in_order_wins_and_a_named_one_is_used() -> None:
    frame = pd.DataFrame({"story": ["Second."], "body": ["First."]}, index=["x"])
    (art,) = articles_from_frame(frame)
    assert art.text == "First." and art.meta == {"story": "Second."}
    (named,) = articles_from_frame(frame, text="story")
    assert named.text == "Second."


def test_frame_without_a_text_column_names_what_it_expected() -> None:
    with pytest.raises(KeyError, match=r"one of text, content, body, content_original, article, story\. "
                                       r"Got columns \['headline'\]"):
        analyze_corpus(pd.DataFrame({"headline": ["x"]}))
    with pytest.raises(KeyError, match="'txt'"):
        list(articles_from_frame(pd.DataFrame({"text": ["x"]}), text="txt"))


def test_range_index_takes_the_id_column_a_real_index_is_kept() -> None:
    frame = pd.DataFrame({"id": ["p", "q"], "text": ["One.", "Two."]})
    assert [a.id for a in articles_from_frame(frame)] == ["p", "q"]
    indexed = frame.set_axis(["i1", "i2"])
    assert [a.id for a in articles_from_frame(indexed)] == ["i1", "i2"]


BABE_LIKE = (
    "text;news_link;outlet;topic;type;label_bias\n"
    '"""We have one beautiful law,"" Trump said; critics called it bizarre, reckless.";'
    "https://example.org/a;Alternet;marriage-equality;left;Biased\n"
    '"Officials said the plan, which passed, was sound.";https://example.org/b;Fox News;economy;right;Non-biased\n'
)


def test_semicolon_csv_as_babe_ships_it(tmp_path: Path) -> None:
    path = tmp_path / "babe.csv"
    path.write_text("\ufeff" + BABE_LIKE, encoding="utf-8")
    arts = list(read_articles(path))
    assert [a.error for a in arts] == [None, None]
    assert arts[0].text.startswith('"We have one beautiful law," Trump said; critics')
    assert [a.outlet for a in arts] == ["Alternet", "Fox News"]
    assert arts[1].meta["label_bias"] == "Non-biased"


@pytest.mark.parametrize(("raw", "sep"), [
    ("id,text\n1,Hi\n", ","), ("id;text\n1;Hi, there\n", ";"), ("id\ttext\n1\tHi; yes, no\n", "\t"),
    ("id|text\n1|Hi\n", "|"), ("text\nHi\n", ","), ('"a;b",text,x\n1,2,3\n', ","),
])
def test_sniff_delimiter(raw: str, sep: str) -> None:
    assert sniff_delimiter(raw) == sep


def test_sep_overrides_sniffing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("id:text\nx1:They said no; then yes, later.\n", encoding="utf-8")
    (guessed,) = read_articles(path)
    assert guessed.error is not None and "no text column" in guessed.error
    (art,) = read_articles(path, sep=":")
    assert (art.id, art.text) == ("x1", "They said no; then yes, later.")
    assert main(["analyze", str(path), "--sep", ":", "--format", "jsonl"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == "x1"


@pytest.mark.parametrize("sep", ["", ";;", '"', "\n"])
def test_bad_sep_is_a_usage_error(sep: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "a.csv"
    path.write_text("text\nHi.\n")
    assert main(["analyze", str(path), "--sep", sep]) == EXIT_USAGE
    assert "The 'sep' parameter must be one character" in capsys.readouterr().err
    with pytest.raises(ValueError, match="'sep' parameter"):
        list(read_articles(path, sep=sep))


def test_repeated_ids_across_files_are_kept_and_renamed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    for name in ("a.jsonl", "b.jsonl"):
        (tmp_path / name).write_text(
            "".join(json.dumps({"id": i, "text": f"{name} says {i}."}) + "\n" for i in ("x", "y")))
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "x", "text": "Third x."}) + "\n")
    with caplog.at_level(logging.WARNING, logger="framing"):
        arts = list(read_articles(tmp_path))
    assert [a.id for a in arts] == ["x", "y", "x#2", "y#2", "x#3"]
    assert arts[2].meta["duplicate_of"] == "x" and arts[2].text == "b.jsonl says x."
    warning = next(r.getMessage() for r in caplog.records if "share an id" in r.getMessage())
    assert warning.startswith("3 article(s) share an id with an earlier one: 'x' (3 times), 'y' (2 times)")
    assert main(["analyze", str(tmp_path), "--format", "jsonl"]) == 0
    assert [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()] == [
        "x", "y", "x#2", "y#2", "x#3"]


def test_renaming_never_collides_with_an_existing_id() -> None:
    arts = [Article("a", "1"), Article("a#2", "2"), Article("a", "3"), Article("a", "4")]
    assert [a.id for a in unique_ids(arts)] == ["a", "a#2", "a#3", "a#4"]


def test_analyze_corpus_renames_repeats_in_lists_and_frames() -> None:
    texts = analyze_corpus(["They said no.", "They said no."]).features
    assert texts.index[1] == texts.index[0] + "#2"
    frame = analyze_corpus(pd.DataFrame({"text": ["A.", "B."]}, index=["k", "k"])).features
    assert list(frame.index) == ["k", "k#2"] and frame.index.is_unique


def test_directory_in_the_api_and_a_frame_agree(tmp_path: Path) -> None:
    records = [{"id": "r1", "body": SAID, "publisher": "Wire"},
               {"id": "r2", "body": "No one said.", "publisher": "Post"}]
    (tmp_path / "r.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    from_files = analyze_corpus(list(read_articles(tmp_path))).features
    from_frame = analyze_corpus(pd.DataFrame(records)).features
    cols = ["outlet", "reporting_verbs__emotive_count", "attribution__quotes_count"]
    pd.testing.assert_frame_equal(from_files[cols], from_frame[cols])


def test_babe_csv_reads_without_options() -> None:
    home = os.environ.get("FRAMING_DATA_HOME")
    path = Path(home or "/nonexistent") / "babe" / "final_labels_SG2.csv"
    if not path.exists():
        pytest.skip("BABE data not found (set FRAMING_DATA_HOME)")
    arts = list(read_articles(path))
    assert len(arts) > 3000
    assert sum(a.error is None for a in arts) >= 0.99 * len(arts)
    assert {"Fox News", "Alternet"} <= {a.outlet for a in arts}
