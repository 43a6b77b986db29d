"""Parquet output: the three tables, streamed in row groups, equal to analyze_corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

pq = pytest.importorskip("pyarrow.parquet")

from framing import Analyzer, analyze_corpus, iter_analyses  # noqa: E402
from framing.cli import main  # noqa: E402
from framing.io.parquet import TABLES, ParquetWriter, write_parquet  # noqa: E402
from framing.readers import Article, example_articles  # noqa: E402

TEXTS = [
    Article(id="a", outlet="Left Daily", title="Plan",
            text='Critics slammed the reckless plan. "It is a disaster," the mayor said.'),
    Article(id="b", outlet="Right Post", title=None,
            text="The senator claimed the bill was not radical. Officials denied it."),
    Article(id="c", outlet="Left Daily", text="", error="empty text"),
    Article(id="d", outlet="Wire", title="Calm", text="The council met on Tuesday."),
]


def read_tables(directory: Path) -> dict[str, pd.DataFrame]:
    return {t: pd.read_parquet(directory / f"{t}.parquet") for t in TABLES}


def normalized(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values as None and whole numbers as int, whatever the dtype backend."""
    def value(v: object) -> object:
        if v is None or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, float) and v.is_integer():
            return int(v)
        return v.item() if hasattr(v, "item") else v

    return pd.DataFrame({c: [value(v) for v in frame[c].tolist()] for c in frame.columns},
                        index=list(frame.index))


def assert_same_as_corpus(tables: dict[str, pd.DataFrame], expected: object) -> None:
    got = {"features": tables["features"].set_index("id"), "matches": tables["matches"],
           "quotes": tables["quotes"], "entities": tables["entities"]}
    for name in TABLES:
        exp = getattr(expected, name)
        assert list(got[name].columns) == list(exp.columns), name
        assert list(got[name].index) == list(exp.index), name
        pd.testing.assert_frame_equal(normalized(got[name]), normalized(exp), obj=name)


def test_writer_round_trips_the_corpus_tables_in_row_groups(tmp_path: Path) -> None:
    analyzer = Analyzer()
    with ParquetWriter(tmp_path, feature_names=analyzer.feature_names, batch_size=2) as writer:
        assert writer.write_all(iter_analyses(TEXTS)) == 4
    # 4 articles in batches of 2: two row groups, so memory never held more than 2
    assert pq.ParquetFile(tmp_path / "features.parquet").num_row_groups == 2
    tables = read_tables(tmp_path)
    expected = analyze_corpus(TEXTS)
    assert_same_as_corpus(tables, expected)
    features = tables["features"].set_index("id")
    assert features.loc["c", "error"] == "empty text"
    assert features.loc["c", analyzer.feature_names].isna().all()
    slammed = tables["matches"].query("text == 'slammed'")
    assert ["a", "reporting_verbs", "emotive"] in slammed[["id", "lexicon", "category"]].values.tolist()
    assert set(tables["quotes"]["id"]) <= {"a", "b", "d"}
    assert not list(tmp_path.glob(".*.tmp"))


def test_types_are_explicit_even_when_a_table_is_empty(tmp_path: Path) -> None:
    write_parquet(iter_analyses(["The council met on Tuesday."], lexicons=["reporting_verbs"]),
                  tmp_path, feature_names=Analyzer(["reporting_verbs"]).feature_names)
    schema = pq.read_schema(tmp_path / "matches.parquet")
    assert str(schema.field("start").type) == "int64"
    assert str(schema.field("negated").type) == "bool"
    assert str(pq.read_schema(tmp_path / "quotes.parquet").field("speaker_start").type) == "int64"
    assert pd.read_parquet(tmp_path / "matches.parquet").empty


def test_a_failed_run_leaves_no_files(tmp_path: Path) -> None:
    def broken() -> object:
        yield from iter_analyses(["Critics slammed it."])
        raise RuntimeError("disk on fire")

    with pytest.raises(RuntimeError, match="disk on fire"):
        write_parquet(broken(), tmp_path)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_cli_parquet_equals_analyze_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        "\n".join(json.dumps({"id": a.id, "outlet": a.outlet, "text": a.text})
                  for a in example_articles()) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["analyze", str(src), "--format", "parquet", "--out", str(out), "--quiet"]) == 0
    assert sorted(p.name for p in out.iterdir()) == [
        "entities.parquet", "features.parquet", "matches.parquet", "quotes.parquet"]
    tables = read_tables(out)
    expected = analyze_corpus(
        [Article(id=a.id, outlet=a.outlet, text=a.text) for a in example_articles()])
    assert_same_as_corpus(tables, expected)
    assert len(tables["quotes"]) > 0 and len(tables["matches"]) > 0


@pytest.mark.parametrize("extra", [[], ["--out", "-"]])
def test_cli_parquet_needs_an_out_directory(extra: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", "--example", "--format", "parquet", *extra]) == 2
    assert "--format parquet needs --out DIR" in capsys.readouterr().err


def test_cli_parquet_refuses_a_file_as_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "x.parquet"
    target.write_text("", encoding="utf-8")
    assert main(["analyze", "--example", "--format", "parquet", "--out", str(target)]) == 2
    assert "expects a directory" in capsys.readouterr().err


def test_bad_batch_size() -> None:
    with pytest.raises(ValueError, match=r"batch_size must be a positive int\. Got 0"):
        ParquetWriter(".", feature_names=[], batch_size=0)
