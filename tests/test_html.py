"""HTML pages: main text and metadata extracted, the same findings as the plain text, bad pages as error rows."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from framing import analyze, analyze_corpus
from framing.cli import main
from framing.cli._common import EXIT_ROW_ERRORS
from framing.readers import (
    decode_html,
    extract_html,
    read_articles,
    read_html_file,
    read_text_file,
)
from framing.readers.decoding import MAX_INPUT_BYTES

ROOT = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}

# A saved news page as a browser writes it: head metadata, scripts, navigation, a related-links
# aside, a footer, and the article with entity-encoded quote marks and the headline repeated as <h1>.
PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Senate passes border bill after heated debate | The Daily Ledger</title>
<meta property="og:title" content="Senate passes border bill after heated debate">
<meta property="og:site_name" content="The Daily Ledger">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-14T09:30:00Z">
<link rel="canonical" href="https://dailyledger.example/politics/senate-border-bill">
<script>var tracking = "radical extremist disaster catastrophe slammed"; window.dataLayer = [];</script>
<style>.nav { color: red; }</style>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li>
<li><a href="/crime">Crime wave</a></li><li><a href="/opinion">Radical opinions</a></li></ul></nav></header>
<main>
<article>
<h1>Senate passes border bill after heated debate</h1>
<p class="byline">By Jane Doe</p>
<time datetime="2024-03-14T09:30:00Z">March 14, 2024</time>
<p>The Senate passed the border security bill on Thursday by a vote of 52 to 48, ending weeks of
bitter negotiations between the two parties.</p>
<p>&quot;This is a reckless bill that will do nothing to secure the border,&quot; Senator Mark Hill
said after the vote. Critics slammed the measure as a disaster for migrants.</p>
<p>Supporters claimed the bill would reduce crossings. The White House said the president would
sign it next week, according to a spokesperson.</p>
<p>Analysts noted that the funding may be insufficient. &quot;The numbers simply do not add
up,&quot; said Professor Ana Ruiz, an economist at State University.</p>
</article>
</main>
<aside><h2>Most read</h2><ul><li><a href="/a">Shocking scandal rocks city hall</a></li>
<li><a href="/b">Radical plan slammed</a></li></ul></aside>
<footer><p>Copyright 2024 The Daily Ledger. All rights reserved.</p>
<p><a href="/privacy">Privacy</a> | <a href="/terms">Terms</a></p></footer>
<script>document.write("extremist propaganda");</script>
</body>
</html>
"""

# The same article as the plain text a user would save from it.
PLAIN = """# Senate passes border bill after heated debate

By Jane Doe
March 14, 2024

The Senate passed the border security bill on Thursday by a vote of 52 to 48, ending weeks of
bitter negotiations between the two parties.

"This is a reckless bill that will do nothing to secure the border," Senator Mark Hill
said after the vote. Critics slammed the measure as a disaster for migrants.

Supporters claimed the bill would reduce crossings. The White House said the president would
sign it next week, according to a spokesperson.

Analysts noted that the funding may be insufficient. "The numbers simply do not add
up," said Professor Ana Ruiz, an economist at State University.
"""

NO_BODY = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Politics | The Daily Ledger</title>
<script>var x = "radical";</script></head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li></ul></nav></header>
<main><h1>Politics</h1><ul><li><a href="/a">Senate passes border bill</a></li>
<li><a href="/b">Shocking scandal rocks city hall</a></li></ul></main>
<footer><p>Copyright 2024 The Daily Ledger. All rights reserved.</p></footer></body></html>
"""


def _findings(text_or_article: object) -> tuple[list[tuple[str, str, str]], list[tuple[str, ...]]]:
    res = analyze(text_or_article)  # type: ignore[arg-type]
    matches = [(_normal(m.text), m.lexicon, m.category) for m in res.matches]
    quotes = [(_normal(q.text), q.kind, q.speaker.text if q.speaker else "", q.cue.text if q.cue else "")
              for q in res.quotes]
    return matches, quotes


def _normal(text: str) -> str:
    return " ".join(text.split())


def test_page_gives_the_same_quotes_and_loaded_language_as_its_plain_text(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "page.txt").write_text(PLAIN, encoding="utf-8")
    page = read_html_file(tmp_path / "page.html")
    plain = read_text_file(tmp_path / "page.txt")
    assert page.error is None
    assert _normal(page.text) == _normal(plain.text)
    page_matches, page_quotes = _findings(page)
    plain_matches, plain_quotes = _findings(plain)
    assert page_matches == plain_matches
    assert page_quotes == plain_quotes
    assert ("reckless", "loaded_language") in [m[:2] for m in page_matches]
    assert any(q[2] == "Senator Mark Hill" for q in page_quotes)


def test_page_furniture_scripts_and_title_are_not_analyzed() -> None:
    text, fields = extract_html(PAGE)
    for furniture in ("tracking", "extremist", "Crime wave", "Most read", "Copyright", "Privacy",
                      ".nav", "&quot;", "By Jane Doe"):
        assert furniture not in text
    assert not text.startswith("Senate passes")  # the <h1> headline is the title, not the body
    assert '"This is a reckless bill' in text  # &quot; decoded
    assert "\n\n" in text and "\n\n\n" not in text
    assert fields == {
        "title": "Senate passes border bill after heated debate", "author": "Jane Doe",
        "date": "2024-03-14", "url": "https://dailyledger.example/politics/senate-border-bill",
        "sitename": "The Daily Ledger",
    }


def test_article_carries_the_page_metadata_and_offsets_index_its_text(tmp_path: Path) -> None:
    path = tmp_path / "senate.htm"
    path.write_text(PAGE, encoding="utf-8")
    (art,) = read_articles(path)
    assert (art.id, art.title, art.outlet, art.date, art.url) == (
        str(path), "Senate passes border bill after heated debate", "The Daily Ledger",
        "2024-03-14", "https://dailyledger.example/politics/senate-border-bill")
    assert art.meta["author"] == "Jane Doe"
    res = analyze(art)
    assert res.matches and all(art.text[m.start:m.end] == m.text for m in res.matches)
    assert res.quotes and all(art.text[q.start:q.end] == q.text for q in res.quotes)


def test_cli_row_carries_the_extracted_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    assert main(["analyze", str(path), "--format", "jsonl"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["title"] == "Senate passes border bill after heated debate"
    assert row["outlet"] == "The Daily Ledger" and row["language"] == "en"
    text = row["text"]
    assert "tracking" not in text
    assert all(text[m["start"]:m["end"]] == m["text"] for m in row["matches"])
    assert all(text[q["start"]:q["end"]] == q["text"] for q in row["quotes"])


def test_page_without_article_text_is_an_error_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "section.html"
    path.write_text(NO_BODY, encoding="utf-8")
    art = read_html_file(path)
    assert art.text == "" and art.title == "Politics"
    assert art.error == f"{path}: no article text found in the HTML page (no paragraphs of body text)"
    assert main(["analyze", str(path), "--format", "jsonl"]) == EXIT_ROW_ERRORS
    out, err = capsys.readouterr()
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["error"].endswith("no article text found in the HTML page (no paragraphs of body text)")
    assert "1 article(s) could not be analyzed" in err


@pytest.mark.parametrize("data", [b"", b"   \n", b"<html></html>", b"<p>Menu</p>", b"\x89PNG\r\n\x00\x00"])
def test_empty_tiny_or_binary_page_is_an_error_row(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.html"
    path.write_bytes(data)
    art = read_html_file(path)
    assert art.error and art.text == ""


def test_page_in_a_declared_encoding(tmp_path: Path) -> None:
    body = ("<p>Caf\u00e9 owners in M\u00fcnster said on Monday that the new rules were "
            "\u201ca disaster\u201d for their business, according to the association.</p>")
    page = f'<html><head><meta charset="windows-1252"><title>Caf\u00e9s</title></head><body>{body}</body></html>'
    path = tmp_path / "cp1252.html"
    path.write_bytes(page.encode("cp1252"))
    art = read_html_file(path)
    assert "Caf\u00e9 owners in M\u00fcnster" in art.text and "\u201ca disaster\u201d" in art.text
    assert art.title == "Caf\u00e9s"
    latin = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
    assert decode_html((latin + "<p>Gr\u00fc\u00dfe</p>").encode("latin-1")).endswith("Gr\u00fc\u00dfe</p>")
    assert decode_html("<p>\u00e9</p>".encode("utf-16")) == "<p>\u00e9</p>"


def test_unknown_charset_falls_back_to_utf8(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        text = decode_html('<meta charset="x-klingon"><p>caf\u00e9</p>'.encode())
    assert text.endswith("caf\u00e9</p>")
    assert "unknown charset 'x-klingon'" in caplog.text


def test_page_over_20_mb_is_extracted_within_the_200_mb_limit(tmp_path: Path) -> None:
    """trafilatura's own cap is 20,000,000 bytes; framing's limit (200 MB) applies instead."""
    words = "The Senate passed the bill on Thursday after weeks of bitter negotiations, officials said. "
    para = words * 110  # about 10 KB
    n = 21 * 1024 * 1024 // len(para) + 1
    page = "<html><body><article>" + "".join(f"<p>{i}. {para}</p>\n" for i in range(n)) + "</article></body></html>"
    path = tmp_path / "big.html"
    path.write_text(page, encoding="utf-8")
    assert path.stat().st_size > 21 * 1024 * 1024
    start = time.perf_counter()
    art = read_html_file(path)
    elapsed = time.perf_counter() - start
    assert art.error is None
    assert len(art.text) > 20_000_000 and art.text.count("\n\n") == n - 1
    assert elapsed < 300  # measured: about 11 s here (0.5 s per MB)


def test_page_over_the_input_limit_is_an_error_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from framing.readers import decoding

    monkeypatch.setattr(decoding, "MAX_INPUT_BYTES", 1024)
    path = tmp_path / "big.html"
    path.write_text(PAGE * 2, encoding="utf-8")
    art = read_html_file(path)
    assert art.error is not None and "over the 1024-byte limit" in art.error
    assert MAX_INPUT_BYTES == 200 * 1024 * 1024


def test_directory_of_mixed_files_gives_one_row_per_article(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.HTM").write_text(PAGE.replace("Senator Mark Hill", "Senator Lee Park"), encoding="utf-8")
    (tmp_path / "c.html").write_text(NO_BODY, encoding="utf-8")
    (tmp_path / "d.txt").write_text(PLAIN, encoding="utf-8")
    (tmp_path / "e.jsonl").write_text(json.dumps({"id": "e1", "text": "They said no."}) + "\n")
    (tmp_path / "f.docx").write_bytes(b"PK\x03\x04 not a text")
    (tmp_path / "g.docx").write_bytes(b"PK\x03\x04 not a text")
    (tmp_path / "h.png").write_bytes(b"\x89PNG\r\n")
    (tmp_path / "README").write_text("notes")
    (tmp_path / ".DS_Store").write_bytes(b"\x00")
    with caplog.at_level(logging.WARNING, logger="framing"):
        arts = list(read_articles(tmp_path))
    assert [a.id for a in arts] == [str(tmp_path / n) for n in ("a.html", "b.HTM", "c.html", "d.txt")] + ["e1"]
    assert [a.error is None for a in arts] == [True, True, False, True, True]
    message = next(r.getMessage() for r in caplog.records if "skipped" in r.getMessage())
    assert ("skipped 4 files of unknown type (.docx: 2, .png: 1, no extension: 1) and 1 hidden file "
            "(name starting with '.')") in message
    assert str(tmp_path) in message and ".html" in message


def test_cli_reports_skipped_files_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "f.docx").write_bytes(b"PK\x03\x04")
    (tmp_path / "h.png").write_bytes(b"\x89PNG\r\n")
    proc = subprocess.run(
        [sys.executable, "-m", "framing.cli", "analyze", str(tmp_path), "--format", "jsonl", "--quiet"],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False, env=ENV,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 1
    assert "skipped 2 files of unknown type (.docx: 1, .png: 1)" in proc.stderr


def test_html_records_in_jsonl_and_csv_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    jsonl = tmp_path / "pages.jsonl"
    jsonl.write_text(json.dumps({"id": "p1", "text": PAGE, "outlet": "Given"}) + "\n", encoding="utf-8")
    csv_path = tmp_path / "pages.csv"
    pd.DataFrame({"id": ["p2"], "content": [PAGE]}).to_csv(csv_path, index=False)
    (raw,) = read_articles(jsonl)
    assert raw.text == PAGE  # kept exactly without html=True
    p1, p2 = read_articles(jsonl, csv_path, html=True)
    assert p1.outlet == "Given" and p2.outlet == "The Daily Ledger"  # a record's field wins
    assert p1.text == p2.text == extract_html(PAGE)[0]
    assert main(["analyze", str(jsonl), "--html", "--format", "jsonl"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["text"] == p1.text and row["title"].startswith("Senate passes")


def test_analyze_corpus_with_html_pages() -> None:
    df = pd.DataFrame({"body": [PAGE, NO_BODY]}, index=["a", "b"])
    result = analyze_corpus(df, html=True)
    assert result.features.loc["a", "title"] == "Senate passes border bill after heated debate"
    assert pd.isna(result.features.loc["a", "error"])
    assert "no article text" in result.features.loc["b", "error"]
    assert (result.matches["id"] == "a").any()
    series = analyze_corpus([PAGE], html=True)
    assert series.features["attribution__quotes_count"].iloc[0] >= 2


def test_stdin_page_is_read_as_html() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "framing.cli", "analyze", "-", "--format", "jsonl", "--quiet"],
        input=PAGE, capture_output=True, text=True, cwd=ROOT, timeout=300, check=False, env=ENV,
    )
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    assert row["title"] == "Senate passes border bill after heated debate"
    assert "tracking" not in row["text"]
