"""Articles and readers: formats, cleaning, encodings, ids and error rows."""

from __future__ import annotations

import gzip
import json
import logging
from pathlib import Path

import pandas as pd
import pytest

from framing.readers import (
    Article,
    articles_from_frame,
    clean_plain_text,
    decode_bytes,
    read_articles,
    read_text_file,
    repair_page_breaks,
)


def test_seed_article_is_cleaned(seed_path: Path) -> None:
    art = read_text_file(seed_path)
    assert art.error is None
    assert art.title == "US general suggests re-invasion of Iraq if \u201cnational interests drive us there\u201d"
    assert art.date == "4 July 2014"
    assert art.meta["byline"] == "James Cogan"
    assert art.text.startswith("US Joint Chiefs of Staff chairman General Martin Dempsey")
    assert art.text.endswith("it can only lead to greater catastrophes.")
    for joined in ("From the territory it commands", "by ISIS militants.", "No scenario of US troops going back"):
        assert joined in art.text
    for gone in ("James Cogan", "4 July 2014", "To contact", "wsws.org", "Socialist Equality Party"):
        assert gone not in art.text
    assert art.id == str(seed_path)


def test_repair_page_breaks_only_joins_mid_sentence_breaks() -> None:
    text = "It holds the\n\nterritory.\n\nA new paragraph.\n\nA heading\n\nNext starts upper."
    assert repair_page_breaks(text) == (
        "It holds the territory.\n\nA new paragraph.\n\nA heading\n\nNext starts upper.")


def test_clean_plain_text_without_header_keeps_everything() -> None:
    text, fields = clean_plain_text("Just a paragraph.\n\nAnd another one.\n")
    assert (text, fields) == ("Just a paragraph.\n\nAnd another one.", {})


def test_encodings(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "bom.txt").write_bytes("\ufeffCaf\u00e9 owners said no.".encode())
    (tmp_path / "latin.txt").write_bytes("Caf\u00e9 owners said no.".encode("cp1252"))
    assert read_text_file(tmp_path / "bom.txt").text == "Caf\u00e9 owners said no."
    with caplog.at_level(logging.WARNING):
        assert read_text_file(tmp_path / "latin.txt").text == "Caf\u00e9 owners said no."
    assert "Windows-1252" in caplog.text
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


def test_empty_and_binary_files_become_error_rows(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "blank.md").write_text("  \n\n ")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    arts = {Path(a.id).name: a for a in read_articles(tmp_path)}
    assert arts["empty.txt"].error == "empty text: nothing to analyze"
    assert arts["blank.md"].error == "empty text: nothing to analyze"
    assert "binary" in (arts["image.txt"].error or "")


def test_jsonl_records_keep_text_exactly_and_report_bad_lines(tmp_path: Path) -> None:
    raw = "  Spaces kept.\n\nAnd breaks\n\nkept. "
    lines = [
        json.dumps({"id": "a", "text": raw, "outlet": "Wire", "title": "T", "date": "2020", "url": "u", "x": 1}),
        "{not json",
        json.dumps({"text": "No id here."}),
        json.dumps({"id": "d", "headline": "no text"}),
        json.dumps(["a", "list"]),
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n")
    arts = list(read_articles(tmp_path / "c.jsonl"))
    assert len(arts) == 5
    a, bad, noid, notext, notobj = arts
    assert (a.id, a.text, a.outlet, a.title, a.date, a.url, a.meta) == ("a", raw, "Wire", "T", "2020", "u", {"x": 1})
    assert bad.id.endswith("c.jsonl:2") and "c.jsonl: line 2: invalid JSON" in (bad.error or "")
    assert noid.id.endswith("c.jsonl:3") and noid.error is None
    assert "no text field" in (notext.error or "")
    assert "expected a JSON object" in (notobj.error or "")


def test_json_list_csv_and_gzip(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps([{"id": 1, "content": "One."}, {"id": 2, "text": "Two."}]))
    (tmp_path / "b.csv").write_text('id;source;text\nx;Left Post;"Said, with; a semicolon."\n', encoding="utf-8")
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"ID": "g1", "content_original": "Zipped.", "source": "Gz"}) + "\n")
    arts = list(read_articles(tmp_path))
    assert [(a.id, a.text, a.outlet) for a in arts] == [
        ("1", "One.", None), ("2", "Two.", None),
        ("x", "Said, with; a semicolon.", "Left Post"),
        ("g1", "Zipped.", "Gz"),
    ]


def test_csv_without_text_column(tmp_path: Path) -> None:
    (tmp_path / "n.csv").write_text("id,headline\n1,hi\n")
    (art,) = read_articles(tmp_path / "n.csv")
    assert "no text column" in (art.error or "")


def test_directories_are_recursive_sorted_and_skip_other_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Zed.")
    (tmp_path / "a.md").write_text("Ay.")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [a.text for a in read_articles(tmp_path)] == ["Ay.", "Zed."]


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="No such file"):
        list(read_articles(tmp_path / "absent"))


def test_dataframe_reader() -> None:
    df = pd.DataFrame(
        {"text": ["A.", None, float("nan"), 3], "outlet": ["L", "C", None, "R"], "extra": [1, 2, 3, 4]},
        index=["i1", "i2", "i3", "i4"],
    )
    arts = list(articles_from_frame(df))
    assert [a.id for a in arts] == ["i1", "i2", "i3", "i4"]
    assert arts[0].meta == {"extra": 1} and arts[0].outlet == "L"
    assert [a.error for a in arts[1:]] == [
        "text must be a string. Got missing.", "text must be a string. Got missing.",
        "text must be a string. Got int."]
    with pytest.raises(KeyError, match="'body'"):
        list(articles_from_frame(df, text="body"))


def test_article_from_text_ids_are_stable() -> None:
    a, b = Article.from_text("Same text."), Article.from_text("Same text.")
    assert a.id == b.id != Article.from_text("Other text.").id
    assert Article.from_text("x", id="mine").id == "mine"
    with pytest.raises(TypeError, match="must be a str"):
        Article.from_text(None)  # type: ignore[arg-type]


def test_dataframe_nullable_strings_are_missing_not_text() -> None:
    df = pd.DataFrame({"text": ["A.", pd.NA], "title": ["T", pd.NA]}, dtype="string")
    arts = list(articles_from_frame(df))
    assert arts[0].title == "T" and arts[1].title is None
    assert arts[1].error == "text must be a string. Got missing."


def test_jsonl_with_bom_and_a_bad_byte_streams_line_by_line(tmp_path: Path) -> None:
    path = tmp_path / "s.jsonl"
    path.write_bytes(b'\xef\xbb\xbf{"id": "1", "text": "One."}\n{"id": "2", "text": "caf\xe9"}\n')
    arts = list(read_articles(path))
    assert [(a.id, a.text) for a in arts] == [("1", "One."), ("2", "caf\u00e9")]


def test_stdin_plain_text_and_jsonl(monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\n\nPlain text here.\n")))
    (art,) = read_articles("-")
    assert (art.id, art.text) == ("<stdin>", "Plain text here.")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'\n{"text": "A."}\n{"text": "B."}\n')))
    assert [a.text for a in read_articles("-")] == ["A.", "B."]
