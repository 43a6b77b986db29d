"""The README's "first hour" walk-through, run line by line as a new user would type it.

The commands are read from the README's "The first hour" block, so the test
and the README cannot drift apart. Each runs in ``bash`` in one temporary
folder (umask 022, the test's Python environment first on ``PATH``). The
lines that use the research data are skipped when ``FRAMING_DATA_HOME`` is
not set (or holds no AllSides and BABE data).
"""

from __future__ import annotations

import json
import os
import shlex
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import framing

README = Path(__file__).resolve().parent.parent / "README.md"
DATA_MARKS = ("$FRAMING_DATA_HOME", "allsides.jsonl", "bias.skops")
"""A line that names one of these needs the research data (the README says: the last five)."""


def _walkthrough() -> list[str]:
    """The commands of the README's "The first hour" block, exactly as printed there (comments cut)."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The first hour"):]
    block = section[section.index("```bash\n") + len("```bash\n"):]
    block = block[:block.index("```")]
    return [line.split("  #")[0].strip() for line in block.splitlines() if line.strip()]


WALKTHROUGH = _walkthrough()
OUTLETS = {"Harbor Wire", "Liberty Ledger", "Union Voice"}


def _needs_data(line: str) -> bool:
    return any(mark in line for mark in DATA_MARKS)


def _has_data() -> bool:
    home = os.environ.get("FRAMING_DATA_HOME")
    return bool(home) and (Path(home) / "allsides" / "articles.jsonl.gz").is_file() and (
        Path(home) / "babe").is_dir()


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    root = str(Path(framing.__file__).resolve().parent.parent)  # the framing under test, not another copy
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.pop("FRAMING_PROGRESS", None)
    return env


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_walkthrough_lines_are_commands_a_user_can_type() -> None:
    assert len(WALKTHROUGH) == 8
    for line in WALKTHROUGH:
        assert line.startswith(("framing ", "gzip ")), line
        shlex.split(line)  # well quoted
    assert [_needs_data(line) for line in WALKTHROUGH] == [False] * 3 + [True] * 5


def test_first_hour(tmp_path: Path) -> None:
    env = _environment()
    with_data = _has_data()
    timings: list[tuple[str, float]] = []
    results: dict[int, subprocess.CompletedProcess[str]] = {}
    for i, line in enumerate(WALKTHROUGH):
        if _needs_data(line) and not with_data:
            continue
        started = time.perf_counter()
        results[i] = subprocess.run(["bash", "-c", f"umask 022\n{line}"], cwd=tmp_path, env=env,
                                    capture_output=True, text=True, timeout=600)
        words = line.split()
        timings.append((words[1] if words[0] == "framing" else words[0], time.perf_counter() - started))
        assert results[i].returncode == 0, f"{line}\n{results[i].stderr[-2000:]}"
        assert "Traceback" not in results[i].stderr, line

    # 1. one built-in article set, as a table
    example = results[0].stdout
    assert "Harbor Wire" in example and "quotes (7):" in example and "nan" not in example

    # 2-3. a folder of saved pages: one row per page, outlets from the page metadata, a shareable file
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == [
        "harbor-wire.html", "liberty-ledger.html", "union-voice.html"]
    rows = [json.loads(line) for line in (tmp_path / "pages.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 3 and {r["outlet"] for r in rows} == OUTLETS
    assert all(r["error"] is None and r["language"] == "en" and "<" not in r["text"] for r in rows)
    assert _mode(tmp_path / "pages.jsonl") == 0o644
    assert "3/3 articles" in results[2].stderr  # progress off a terminal

    if not with_data:
        pytest.skip("FRAMING_DATA_HOME (AllSides, BABE) not available: the data steps were not run")
    # 4-5. a comparison of 400 AllSides articles by their rating
    assert len((tmp_path / "allsides.jsonl").read_text(encoding="utf-8").splitlines()) == 400
    compare = results[4].stdout
    for group in ("left", "center", "right"):
        assert f"| {group} | loaded_language__total |" in compare
    assert "pairwise differences pass FDR 5%" in compare

    # 6. the report: one self-contained page the group can read
    report = tmp_path / "report.html"
    assert report.is_file() and _mode(report) == 0o644
    page = report.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and 'id="overview"' in page and "400 articles" in page

    # 7-8. a sentence-bias model, applied to the saved pages
    assert (tmp_path / "bias.skops").is_file() and _mode(tmp_path / "bias.skops") == 0o644
    predictions = [json.loads(line) for line in results[7].stdout.splitlines()]
    assert len(predictions) == 3 and {p["outlet"] for p in predictions} == OUTLETS
    assert all(p["prediction"]["label"] in ("biased", "non-biased") for p in predictions)
    total = sum(seconds for _, seconds in timings)
    print("walk-through timings: " + ", ".join(f"{name} {s:.1f} s" for name, s in timings)
          + f"; total {total:.1f} s")
