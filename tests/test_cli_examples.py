"""``framing examples``: the example articles as saved news pages, read back like any folder of pages."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from framing.cli import main
from framing.readers import example_articles


def test_examples_writes_pages_that_read_back_as_the_example_articles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pages = tmp_path / "pages"
    assert main(["examples", str(pages)]) == 0
    assert "wrote 3 pages" in capsys.readouterr().err
    names = sorted(p.name for p in pages.iterdir())
    assert names == ["harbor-wire.html", "liberty-ledger.html", "union-voice.html"]
    umask = os.umask(0o022)
    os.umask(umask)
    assert all((pages / n).stat().st_mode & 0o777 == 0o666 & ~umask for n in names)

    out = tmp_path / "pages.jsonl"
    assert main(["analyze", str(pages), "--format", "jsonl", "--out", str(out), "--quiet"]) == 0
    rows = {r["outlet"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    plain = {a.outlet: a for a in example_articles()}
    assert set(rows) == set(plain)
    for outlet, row in rows.items():
        # the page furniture (nav, script, newsletter box, footer, byline) is dropped: same text
        assert row["text"] == plain[outlet].text
        assert row["title"] == plain[outlet].title
        assert "By signing up" not in row["text"] and "Subscribe" not in row["text"]
    assert rows["Harbor Wire"]["date"] == "2026-01-13"
    cues = [q["cue"]["text"] for q in rows["Liberty Ledger"]["quotes"] if q["cue"]]
    assert "slammed" in cues and "alleged" in cues


def test_examples_never_replaces_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "union-voice.html").write_text("mine", encoding="utf-8")
    assert main(["examples", str(pages)]) == 2
    assert "already holds union-voice.html" in capsys.readouterr().err
    assert (pages / "union-voice.html").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in pages.iterdir()) == ["union-voice.html"]


def test_examples_refuses_a_file_as_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("x", encoding="utf-8")
    assert main(["examples", str(target)]) == 2
    assert "must be a folder" in capsys.readouterr().err
