"""Bad input of issue 18, end to end through ``framing analyze`` and ``framing report``.

An HTML page with no article body, a 20 MB page, a page in another encoding
and a directory of mixed files: one row per article (an error row where there
is no text), a clear message on stderr, nothing lost.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.cli import main
from framing.readers.examples import example_pages

ARTICLE = ("<article><h1>Café vote</h1><p>\u201cThis is a reckless plan,\u201d said the shelter director, "
           "Ren\u00e9e Dupr\u00e9, on Tuesday at the caf\u00e9 near the council.</p><p>Critics claimed the move "
           "would hurt residents of the city, according to a report by the council.</p></article>")


def page(head: str = "", body: str = ARTICLE) -> str:
    return f"<html><head>{head}<title>Caf\u00e9 vote</title></head><body><nav>Home World</nav>{body}</body></html>"


def folder_with_examples(tmp_path: Path) -> Path:
    """A folder holding the three example pages (so that the report has groups to compare)."""
    folder = tmp_path / "pages"
    folder.mkdir()
    for name, html in example_pages().items():
        (folder / name).write_text(html, encoding="utf-8")
    return folder


def analyze_rows(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, dict[str, dict], str]:
    code = main(["analyze", str(path), "--format", "jsonl", "--quiet"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    rows = [json.loads(line) for line in captured.out.splitlines()]
    by_name = {Path(r["id"]).name: r for r in rows}
    assert len(by_name) == len(rows)
    return code, by_name, captured.err


def report(path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    out = tmp_path / "report.html"
    code = main(["report", str(path), "--out", str(out), "--min-articles", "1", "--quiet"])
    captured = capsys.readouterr()
    # exit status 1 when some articles could not be analyzed (the page is still written), as for analyze
    failed = "could not be analyzed and are left out" in captured.err
    assert code == (1 if failed else 0) and "Traceback" not in captured.err, captured.err
    overview = out.read_text(encoding="utf-8").split('id="overview"')[1].split("</section>")[0]
    return overview, captured.err


def test_a_page_with_no_article_body(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with_examples(tmp_path)
    (folder / "menu.html").write_text(page(body="<ul><li><a href='/'>Home</a></li><li>World</li></ul>"),
                                      encoding="utf-8")
    code, rows, err = analyze_rows(folder, capsys)
    assert code == 1 and len(rows) == 4
    assert rows["menu.html"]["error"].endswith("no article text found in the HTML page (no paragraphs of body text)")
    assert rows["menu.html"]["title"] == "Café vote"  # what the page did say is kept
    assert "1 article(s) could not be analyzed; see the 'error' field." in err
    overview, err = report(folder, tmp_path, capsys)
    assert "4 articles in" in overview and "1 article(s) could not be analyzed (" in overview
    assert "menu.html" in overview
    assert "1 article(s) could not be analyzed and are left out of the statistics" in err


def test_a_20_mb_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = folder_with_examples(tmp_path)
    state = "<script>window.__STATE__ = \"" + "x" * 20_000_000 + "\";</script>"  # inline page state
    big = folder / "big.html"
    big.write_text(page(head=state), encoding="utf-8")
    assert big.stat().st_size > 20_000_000
    code, rows, err = analyze_rows(folder, capsys)
    assert code == 0, err
    row = rows["big.html"]
    assert row["error"] is None and row["text"].startswith("\u201cThis is a reckless plan,\u201d said")
    assert [q["kind"] for q in row["quotes"]][:1] == ["direct"]
    assert "x" * 100 not in row["text"]
    overview, _ = report(folder, tmp_path, capsys)
    assert "4 articles in" in overview and "could not be analyzed (" not in overview


@pytest.mark.parametrize(("name", "head", "encoding", "decoded_as"), [
    ("declared.html", '<meta charset="windows-1252">', "cp1252", None),
    ("equiv.html", '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15">', "iso-8859-15",
     None),
    ("undeclared.html", "", "cp1252", "decoded as Windows-1252 instead"),
    ("utf16.html", "", "utf-16", None),
])
def test_a_page_in_another_encoding(name: str, head: str, encoding: str, decoded_as: str | None,
                                    tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    caplog: pytest.LogCaptureFixture) -> None:
    folder = folder_with_examples(tmp_path)
    html = page(head=head)
    if encoding == "iso-8859-15":  # no curly quotes in Latin-9
        html = html.replace("\u201c", '"').replace("\u201d", '"')
    (folder / name).write_bytes(html.encode(encoding))
    code, rows, err = analyze_rows(folder, capsys)
    assert code == 0, err
    row = rows[name]
    assert row["title"] == "Café vote" and "Renée Dupré" in row["text"] and "\ufffd" not in row["text"]
    assert len(row["quotes"]) >= 2 and row["language"] == "en"
    if decoded_as:  # the library's warning (on stderr from the command line)
        assert decoded_as in caplog.text
        overview, _ = report(folder, tmp_path, capsys)  # the report reads pages as analyze does
        assert "4 articles in" in overview


def test_a_directory_of_mixed_files(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    caplog: pytest.LogCaptureFixture) -> None:
    folder = folder_with_examples(tmp_path)
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 a word document")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / ".hidden.txt").write_text("Officials said so.", encoding="utf-8")
    sub = folder / "more"
    sub.mkdir()
    (sub / "plain.txt").write_text("Officials said the plan failed, critics claimed on Monday.\n", encoding="utf-8")
    (sub / "records.jsonl").write_text(
        json.dumps({"id": "r1", "outlet": "Wire", "text": "Critics slammed the reckless plan on Monday."}) + "\n"
        + "{not json\n", encoding="utf-8")
    (sub / "table.csv").write_text('id;outlet;text\nc1;Post;"Officials said; the plan, they said, failed."\n',
                                   encoding="utf-8")
    (sub / "de.txt").write_text("Die Regierung hat am Montag neue Maßnahmen beschlossen. Kritiker warnten "
                                "vor den Folgen für die Wirtschaft und die Bürger der Stadt.", encoding="utf-8")
    (sub / "binary.txt").write_bytes(b"\x00\x01\x02 binary")
    code, rows, err = analyze_rows(folder, capsys)
    assert code == 1  # the bad JSONL line and the binary file are error rows
    # 3 pages + plain + 2 records (one an error) + 1 CSV record + German + binary: nothing dropped silently
    assert len(rows) == 9, sorted(rows)
    assert sum(r["error"] is not None for r in rows.values()) == 2
    skipped = caplog.text  # the reader's warning (on stderr from the command line)
    assert ("skipped 2 files of unknown type (.docx: 1, .png: 1) and 1 hidden file (name starting with '.')"
            in skipped)
    assert rows["de.txt"]["language"] == "de" and rows["de.txt"]["features"]["loaded_language__total"] is None
    overview, err = report(folder, tmp_path, capsys)
    assert "9 articles in" in overview
    assert "2 article(s) could not be analyzed (" in overview
    assert "1 article(s) are not in English" in overview
    assert "not in English are left out of the statistics" in err
