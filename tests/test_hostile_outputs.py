"""Hostile outputs: special files, signals, records that cannot be encoded, spreadsheet formulas.

Each test pins one failure an attack probe found in the command line's output side.
"""

from __future__ import annotations

import contextlib
import csv
import glob
import io
import json
import os
import re
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from framing.cli import main
from framing.pipeline import analyze_corpus
from framing.readers import read_articles

ROOT = Path(__file__).resolve().parents[1]


def replace_surrogates(text: str) -> str:
    """The expected output spelling of a text: each lone surrogate as U+FFFD."""
    return re.sub("[\ud800-\udfff]", "\ufffd", text)


def spreadsheet_safe(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    # json.dumps escapes lone surrogates, so the file itself is valid UTF-8
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def hostile_records() -> list[dict[str, Any]]:
    """Records that broke an output format: each must still give exactly one row everywhere."""
    return [
        {"id": "surrogate-title", "outlet": "Wire", "title": "Lone \ud800 title",
         "text": "Officials claimed the plan failed."},
        {"id": "surrogate-outlet", "outlet": "Wire\udfff", "title": "t",
         "text": "Critics slammed the reckless plan."},
        {"id": "surrogate-text", "outlet": "Wire", "title": "t",
         "text": "\u201cIt is a \ud800 disaster,\u201d Smith said. Critics slammed it \udfff."},
        {"id": "huge", "outlet": "Big", "title": "huge",
         "text": "The council said the budget was a disaster. " * 20_000},
        {"id": "tiny", "outlet": "Small", "title": "", "text": "x"},
        {"id": "empty", "outlet": "Small", "title": "empty", "text": ""},
        {"id": "nul\x00id", "outlet": "N\x00UL", "title": "ti\x00tle", "text": "They said\x00 no."},
        {"id": "emoji", "outlet": "\U0001F525 News", "title": "\U0001F44D\u200d",
         "text": "Fans said \U0001F525 it was great."},
        {"id": "rtl", "outlet": "\u202eRTL\u202c \u05e9\u05dc\u05d5\u05dd", "title": "\u200f\u0627\u0644\u0631\u0626\u064a\u0633",
         "text": "\u0627\u0644\u0631\u0626\u064a\u0633 \u0642\u0627\u0644 \u202eevil\u202c. Officials said so."},
        {"id": "quotes", "outlet": "Q", "title": '"' * 10_000, "text": '"' * 10_000},
        {"id": "formula", "outlet": "=HYPERLINK(\"http://x\")", "title": "@SUM(A1)",
         "text": "Critics slammed it."},
    ]


def clean_ids(records: list[dict[str, Any]]) -> list[str]:
    return [replace_surrogates(r["id"]) for r in records]


# --- 1. --out never replaces a special file -----------------------------------


def test_out_fifo_is_written_in_place_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[str] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    try:
        code, _, err = run(["analyze", "--example", "--format", "jsonl", "--out", str(fifo)], capsys)
    finally:
        reader.join(5)  # the reader may still be returning from its read after the writer closed
        if reader.is_alive():  # a regression renamed a file over the FIFO: unblock the reader
            # ENXIO: the reader closed its end meanwhile (nothing left to unblock)
            with contextlib.suppress(OSError):
                if stat.S_ISFIFO(os.lstat(fifo).st_mode):
                    os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
            reader.join(5)
    assert code == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert len(received[0].splitlines()) == 3
    assert not list(tmp_path.glob(".pipe.*"))


def test_out_character_device_stays_a_device(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a private /dev/null (same major/minor numbers), so a regression cannot break the real one
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, OSError):
        pytest.skip("cannot create a device node here (needs CAP_MKNOD)")
    code, _, err = run(["analyze", "--example", "--format", "csv", "--out", str(node)], capsys)
    assert code == 0, err
    assert stat.S_ISCHR(os.lstat(node).st_mode)
    assert list(tmp_path.iterdir()) == [node]


def test_output_kind_follows_file_types(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from framing.cli._common import UsageError, _output_kind

    assert _output_kind(None) == _output_kind("-") == "stdout"
    assert _output_kind(str(tmp_path / "new.csv")) == "file"
    assert _output_kind("/dev/null") == "stream"  # inspected only, never written here
    real_stat = os.stat

    def fake_stat(path: Any, *a: Any, **k: Any) -> Any:
        if str(path).endswith("fake-device"):
            return os.stat_result((stat.S_IFCHR | 0o666, 0, 0, 1, 0, 0, 0, 0, 0, 0))
        if str(path).endswith("fake-block"):
            return os.stat_result((stat.S_IFBLK | 0o660, 0, 0, 1, 0, 0, 0, 0, 0, 0))
        return real_stat(path, *a, **k)

    monkeypatch.setattr(os, "stat", fake_stat)
    assert _output_kind(str(tmp_path / "fake-device")) == "stream"
    with pytest.raises(UsageError, match="block device"):
        _output_kind(str(tmp_path / "fake-block"))


@pytest.mark.parametrize("dangling", [False, True])
def test_out_symlink_is_refused_and_target_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], dangling: bool
) -> None:
    target = tmp_path / "precious.txt"
    if not dangling:
        target.write_text("keep me\n")
    link = tmp_path / "out.jsonl"
    link.symlink_to(target)
    code, _, err = run(["analyze", "--example", "--format", "jsonl", "--out", str(link)], capsys)
    assert code == 2
    assert "symbolic link" in err
    assert link.is_symlink()
    assert target.exists() is not dangling and (dangling or target.read_text() == "keep me\n")


def test_out_that_is_an_input_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "articles.jsonl"
    write_jsonl(src, [{"id": "a", "text": "Critics slammed it."}])
    before = src.read_bytes()
    other_spelling = str(tmp_path / "sub" / ".." / "articles.jsonl")
    (tmp_path / "sub").mkdir()
    for out in (str(src), other_spelling):
        code, _, err = run(["analyze", str(src), "--format", "jsonl", "--out", out], capsys)
        assert code == 2
        assert "is the input" in err
    assert src.read_bytes() == before
    summary = tmp_path / "cmp.summary.csv"  # compare --out STEM writes STEM.summary.csv
    summary.write_text('{"id": "s", "outlet": "A", "text": "Critics slammed it."}\n')
    code, _, err = run(["compare", str(summary), "--out", str(tmp_path / "cmp")], capsys)
    assert code == 2 and "is the input" in err
    assert summary.read_text().startswith('{"id": "s"')


def test_read_only_output_directory_fails_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    src = write_jsonl(tmp_path / "a.jsonl", [{"id": "a", "outlet": "A", "text": "Critics slammed it."}])
    import framing.report

    def no_work(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the report was built before the output was checked")

    monkeypatch.setattr(framing.report, "build_report", no_work)
    # /proc accepts no new file, even from root; a chmod-ed folder does for everyone but root
    folders = [Path("/proc")]
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        folders.append(locked)
    for folder in folders:
        for args in (["report", str(src), "--out", str(folder / "r.html")],
                     ["compare", str(src), "--out", str(folder / "c")],
                     ["analyze", str(src), "--format", "csv", "--out", str(folder / "f.csv")],
                     ["analyze", str(src), "--format", "parquet", "--out", str(folder / "pq")]):
            code, _, err = run(args, capsys)
            assert code == 2, (args, err)
            assert "cannot write in directory" in err and "Traceback" not in err


def test_created_file_follows_the_umask_and_existing_file_keeps_its_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = os.umask(0o027)
    try:
        new = tmp_path / "new.jsonl"
        assert run(["analyze", "--example", "--format", "jsonl", "--out", str(new)], capsys)[0] == 0
        assert stat.S_IMODE(new.stat().st_mode) == 0o640
        existing = tmp_path / "existing.csv"
        existing.write_text("old\n")
        existing.chmod(0o604)
        assert run(["analyze", "--example", "--format", "csv", "--out", str(existing)], capsys)[0] == 0
        assert stat.S_IMODE(existing.stat().st_mode) == 0o604
        assert existing.read_text().startswith("id,outlet")
    finally:
        os.umask(old)


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640), (0o077, 0o600)])
def test_every_output_is_shareable_under_the_users_umask(
    umask: int, mode: int, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every file a command writes (--out of each format, the report, a model) gets 0o666 & ~umask.

    Regression: files made through a temporary file (mkstemp: 0600) were readable by their owner
    only, so a group could not read a shared report or table.
    """
    import framing.report

    monkeypatch.setattr(framing.report, "build_report", lambda articles, **kw: "<!DOCTYPE html>\n")
    src = write_jsonl(tmp_path / "in.jsonl", [
        {"id": f"{o}{i}", "text": f"Officials said plan {i} was {w}.", "outlet": o, "label": lab}
        for o, w, lab in (("A", "reckless", "biased"), ("B", "approved", "neutral")) for i in range(6)])
    out = tmp_path / "out"
    out.mkdir()
    old = os.umask(umask)
    try:
        for fmt in ("jsonl", "csv", "table"):
            assert run(["analyze", str(src), "--format", fmt, "--out", str(out / f"a.{fmt}"), "--quiet"],
                       capsys)[0] == 0
        pytest.importorskip("pyarrow")
        assert run(["analyze", str(src), "--format", "parquet", "--out", str(out / "pq"), "--quiet"],
                   capsys)[0] == 0
        assert run(["report", str(src), "--out", str(out / "report.html"), "--quiet"], capsys)[0] == 0
        assert run(["compare", str(src), "--out", str(out / "cmp"), "--min-articles", "3"], capsys)[0] == 0
        pytest.importorskip("skops")
        assert run(["train", "--task", "sentence-bias", "--data", str(src), "--model", str(out / "m.skops"),
                    "--cv", "0", "--quiet"], capsys)[0] == 0
    finally:
        os.umask(old)
    written = sorted(p for p in out.rglob("*") if p.is_file())
    names = {p.relative_to(out).as_posix() for p in written}
    assert {"a.jsonl", "a.csv", "a.table", "pq/features.parquet", "report.html", "cmp.summary.csv",
            "m.skops"} <= names
    assert {p.relative_to(out).as_posix(): oct(stat.S_IMODE(p.stat().st_mode)) for p in written} == {
        n: oct(mode) for n in names}
    assert not [n for n in names if n.startswith(".") or "/." in n]  # no temporary file left


# --- 2. signals ------------------------------------------------------------------


def _live_children(pid: int) -> list[int]:
    """Processes whose parent is ``pid`` and that have not exited (zombies do not count)."""
    found = []
    for path in glob.glob("/proc/[0-9]*/stat"):
        try:
            state, ppid = Path(path).read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, ValueError):
            continue
        if int(ppid) == pid and state != "Z":
            found.append(int(path.split("/")[2]))
    return found


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for p in pids:
        try:
            state = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if state != "Z":
            alive.append(p)
    return alive


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_sigterm_cleans_up_like_ctrl_c(tmp_path: Path) -> None:
    text = "Officials claimed the reckless plan failed, critics said. " * 60
    corpus = write_jsonl(tmp_path / "corpus.jsonl",
                         [{"id": f"a{i}", "outlet": "W", "text": text} for i in range(400)])
    out = tmp_path / "out.jsonl"
    out.write_text("OLD\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    log = tmp_path / "stderr.txt"  # a file, not a pipe: an orphaned worker would hold a pipe open
    with open(log, "w") as stderr:
        proc = subprocess.Popen(
            [sys.executable, "-m", "framing.cli", "analyze", str(corpus), "--format", "jsonl",
             "--jobs", "2", "--out", str(out), "--quiet"],
            env=env, stderr=stderr, text=True,
        )
    children: list[int] = []
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            tmps = list(tmp_path.glob(".out.jsonl.*.tmp"))
            if tmps and tmps[0].stat().st_size > 0:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it was signalled"
        children = _live_children(proc.pid)
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(60)
        err = log.read_text()
        assert code == 143, err  # neither 0 nor 1: 128 + SIGTERM
        assert err.strip() == "framing: terminated."
        assert out.read_text() == "OLD\n"
        assert not list(tmp_path.glob(".out.jsonl.*"))
        deadline = time.monotonic() + 10
        while _alive(children) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert children and not _alive(children)
    finally:  # whatever failed, leave no process of this test behind
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid in _alive(children):
            os.kill(pid, signal.SIGKILL)


# --- 3. no record ends a run --------------------------------------------------------


def test_hostile_corpus_n_in_n_out_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = hostile_records()
    src = write_jsonl(tmp_path / "hostile.jsonl", records)
    ids = clean_ids(records)

    code, out, err = run(["analyze", str(src), "--format", "jsonl", "--quiet"], capsys)
    assert code == 1 and "Traceback" not in err  # one row (the empty text) carries an error
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ids
    surrogate_row = rows[2]
    assert all(surrogate_row["text"][m["start"]:m["end"]] == m["text"] for m in surrogate_row["matches"])
    assert "\ufffd" in surrogate_row["text"]

    code, out, err = run(["analyze", str(src), "--format", "csv", "--quiet"], capsys)
    assert code == 1, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in table] == [spreadsheet_safe(i) for i in ids]
    assert table[0]["title"] == "Lone \ufffd title"

    pq = tmp_path / "pq"
    code, _, err = run(["analyze", str(src), "--format", "parquet", "--out", str(pq), "--quiet"], capsys)
    assert code == 1, err
    assert pd.read_parquet(pq / "features.parquet")["id"].tolist() == ids

    code, out, err = run(["analyze", str(src), "--quiet"], capsys)
    assert code == 1, err
    for r in records:
        block = replace_surrogates(r["outlet"])
        if r["title"]:
            block += ": " + replace_surrogates(r["title"])
        assert block in out, block[:60]

    result = analyze_corpus(read_articles(src))
    assert result.features.index.tolist() == ids


def test_hostile_corpus_through_compare_and_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = hostile_records() + [
        {"id": f"w{i}", "outlet": "Wire\ud800" if i % 2 else "Other", "title": "t\ud800",
         "text": f"Critics slammed plan {i}. Officials claimed \ud800 it worked."}
        for i in range(12)
    ]
    src = write_jsonl(tmp_path / "hostile.jsonl", records)
    # the hostile records hold an empty text: exit status 1, as for analyze (README), the tables still written
    left_out = "1 article(s) could not be analyzed and are left out of the statistics"
    code, _, err = run(["compare", str(src), "--min-articles", "2", "--out", str(tmp_path / "cmp")], capsys)
    assert code == 1 and left_out in err, err
    summary = pd.read_csv(tmp_path / "cmp.summary.csv")
    assert "Wire\ufffd" in set(summary["outlet"])
    page = tmp_path / "r.html"
    code, _, err = run(["report", str(src), "--min-articles", "2", "--out", str(page)], capsys)
    assert code == 1 and left_out in err, err
    assert "Wire\ufffd" in page.read_text(encoding="utf-8")


def test_predict_writes_every_hostile_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from framing.models import save_model, train

    texts = ["Critics slammed the reckless plan.", "The council met on Tuesday.",
             "Radical extremists destroyed everything.", "The report was published today."] * 3
    model = train("sentence-bias", texts, ["biased", "neutral"] * 6, cv=0)
    path = tmp_path / "m.skops"
    save_model(model, path)
    records = hostile_records()
    src = write_jsonl(tmp_path / "hostile.jsonl", records)
    code, out, err = run(["predict", str(src), "--model", str(path)], capsys)
    assert code == 1 and "Traceback" not in err, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == clean_ids(records)
    assert rows[0]["title"] == "Lone \ufffd title"


# --- 4. spreadsheet-safe CSV -----------------------------------------------------------


def test_csv_cells_that_start_a_formula_are_quoted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    starts = ["=1+1", "+41", "-2", "@SUM(A1)", "\tTAB", "\rCR"]
    records = [{"id": s, "outlet": s, "title": s, "text": "Critics slammed it."} for s in starts]
    records.append({"id": "plain", "outlet": "Wire", "title": "A - B", "text": "Fine."})
    src = write_jsonl(tmp_path / "f.jsonl", records)
    code, out, _ = run(["analyze", str(src), "--format", "csv", "--quiet"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    for s, row in zip(starts, rows):
        assert row["id"] == row["outlet"] == row["title"] == "'" + s
        assert float(row["n_tokens"]) == 3.0  # numbers are not touched
    assert rows[-1]["outlet"] == "Wire" and rows[-1]["title"] == "A - B"


def test_compare_csv_quotes_group_names_and_keeps_negative_numbers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    records = [{"id": f"e{i}", "outlet": "=EVIL()", "text": "Critics slammed the reckless, radical plan."}
               for i in range(6)]
    records += [{"id": f"n{i}", "outlet": "-Neg", "text": f"The council met on day {i}."} for i in range(6)]
    src = write_jsonl(tmp_path / "g.jsonl", records)
    code, _, err = run(["compare", str(src), "--min-articles", "3", "--out", str(tmp_path / "c")], capsys)
    assert code == 0, err
    with open(tmp_path / "c.summary.csv", newline="", encoding="utf-8") as fh:
        groups = {row["outlet"] for row in csv.DictReader(fh)}
    assert groups == {"'=EVIL()", "'-Neg"}
    with open(tmp_path / "c.tests.csv", newline="", encoding="utf-8") as fh:
        tests = list(csv.DictReader(fh))
    assert {(r["group_a"], r["group_b"]) for r in tests} <= {("'=EVIL()", "'-Neg"), ("'-Neg", "'=EVIL()")}
    diffs = [r["diff"] for r in tests if r["diff"] not in ("", "nan")]
    assert any(v.startswith("-") for v in diffs)  # a negative difference stays a number
    assert all(isinstance(float(v), float) for v in diffs)


def test_csv_safe_leaves_numbers_alone() -> None:
    from framing.cli._common import csv_safe

    frame = pd.DataFrame({"g": ["=x", "-y", "ok"], "d": [-1.5, 2.0, -0.0], "n": [-3, 4, 5]})
    safe = csv_safe(frame)
    assert safe["g"].tolist() == ["'=x", "'-y", "ok"]
    assert safe["d"].tolist() == [-1.5, 2.0, -0.0] and safe["n"].tolist() == [-3, 4, 5]
    assert frame["g"].tolist() == ["=x", "-y", "ok"]  # the caller's frame is not changed


# --- 5. compare on duplicate ids with an error row ------------------------------------------


def test_compare_with_duplicate_ids_and_an_error_row(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records = [{"id": "dup", "outlet": "A", "text": "Critics slammed the plan."},
               {"id": "dup", "outlet": "A", "text": ""}]
    records += [{"id": f"x{i}", "outlet": "AB"[i % 2], "text": f"Officials claimed plan {i} failed."}
                for i in range(10)]
    src = write_jsonl(tmp_path / "dup.jsonl", records)
    code, out, err = run(["compare", str(src), "--min-articles", "2"], capsys)
    assert code == 1 and "(dup#2: empty text: nothing to analyze)" in err, err  # the error row: status 1
    assert "| A |" in out and "| B |" in out
