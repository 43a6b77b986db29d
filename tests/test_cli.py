"""The command line: formats, exit status, errors, atomic output."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from framing.cli import atomic_output, main

ROOT = Path(__file__).resolve().parents[1]


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("framing ")


def test_example_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["analyze", "--example"], capsys)
    assert code == 0
    assert "constructed example articles" in out
    for outlet in ("Harbor Wire", "Liberty Ledger", "Union Voice"):
        assert outlet in out
    assert "cues: distancing" in out


def test_seed_jsonl_contract(seed_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["analyze", str(seed_path), "--format", "jsonl", "--sentences"], capsys)
    assert code == 0
    (line,) = out.splitlines()
    row = json.loads(line)
    assert row["title"].startswith("US general suggests re-invasion of Iraq")
    text = row["text"]
    assert "James Cogan" not in text and "4 July 2014" not in text and "contact" not in text
    assert "\n\nterritory" not in text and "\n\nmilitants" not in text and "\n\ngoing back" not in text
    assert row["matches"] and all(text[m["start"] : m["end"]] == m["text"] for m in row["matches"])
    assert row["n_sentences"] == len(row["sentences"])
    assert row["error"] is None
    assert set(row["provenance"]) == {"framing_version", "feature_schema", "lexicons"}


def test_jsonl_writers_give_the_same_rows(seed_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    # orjson (framing[fast], in the test extra) and the standard library write the same JSON values
    pytest.importorskip("orjson")
    import framing.cli.analyze as analyze_cli

    args = ["analyze", str(seed_path), "--format", "jsonl", "--sentences"]
    fast = run(args, capsys)
    monkeypatch.setattr(analyze_cli, "_orjson", None)
    plain = run(args, capsys)
    assert fast[0] == plain[0] == 0
    assert json.loads(fast[1]) == json.loads(plain[1])
    row = {"id": "x", "text": "caf\ud800 \u201cok\u201d", "features": {"a": 1e-07, "b": 0.1}}
    monkeypatch.setattr(analyze_cli, "_orjson", pytest.importorskip("orjson"))
    with_orjson = analyze_cli._json_line(row)
    monkeypatch.setattr(analyze_cli, "_orjson", None)
    assert json.loads(with_orjson) == json.loads(analyze_cli._json_line(row))
    assert json.loads(with_orjson)["text"] == "caf\ufffd \u201cok\u201d"


def test_jsonl_with_two_workers_equals_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # with --jobs 2 the lines are written by the workers: same rows, same order, same error count
    texts = ["Officials claimed the plan was dead.", "", '"It is over," the senator said.',
             "Critics slammed the reckless scheme. It was not a disaster."] * 5
    for i, text in enumerate(texts):
        (tmp_path / f"{i:02d}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "99.txt").write_bytes(b"\xff\xfe\x00broken")
    one = run(["analyze", str(tmp_path), "--format", "jsonl", "--jobs", "1"], capsys)
    two = run(["analyze", str(tmp_path), "--format", "jsonl", "--jobs", "2"], capsys)
    assert one[0] == two[0]
    rows_one = [json.loads(x) for x in one[1].splitlines()]
    rows_two = [json.loads(x) for x in two[1].splitlines()]
    assert len(rows_one) == len(texts) + 1
    assert rows_one == rows_two
    assert any(r["matches"] for r in rows_two) and any(r["quotes"] for r in rows_two)


def test_jsonl_from_stdin_with_error_rows(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io

    data = '{"id": "a", "text": "Critics claimed it."}\n{broken\n{"id": "c", "text": "Fine."}\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    code, out, err = run(["analyze", "-", "--format", "jsonl", "--no-text"], capsys)
    rows = [json.loads(x) for x in out.splitlines()]
    assert code == 1
    assert [r["id"] for r in rows] == ["a", "<stdin>:2", "c"]
    assert rows[1]["error"].startswith("<stdin>: line 2: invalid JSON")
    assert "text" not in rows[0]
    assert "1 article(s) could not be analyzed" in err


def test_csv_output_to_file_is_atomic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Officials claimed the plan worked.")
    out = tmp_path / "features.csv"
    code, stdout, _ = run(["analyze", str(src), "--format", "csv", "--out", str(out), "--quiet"], capsys)
    assert code == 0 and stdout == ""
    header, _row = out.read_text().splitlines()
    assert header.startswith("id,outlet,title,error,n_tokens,n_sentences")
    assert "reporting_verbs__distancing_count" in header
    assert not list(tmp_path.glob(".features.csv.*"))


def test_atomic_output_leaves_nothing_on_failure(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    with pytest.raises(RuntimeError), atomic_output(str(target)) as fh:
        fh.write("partial")
        raise RuntimeError("interrupted")
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["analyze"], "give one or more PATHs"),
        (["analyze", "/definitely/not/here.txt"], "no such file or directory"),
        (["analyze", "--example", "--lexicon", "nope"], "Unknown lexicon 'nope'"),
        (["analyze", "--example", "--jobs", "0"], "--jobs must be"),
        (["analyze", "--example", "--out", "/no/such/dir/x.jsonl"], "does not exist"),
    ],
)
def test_usage_errors_exit_2(args: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(args, capsys)
    assert code == 2
    assert message in err


def test_bad_lexicon_file_names_file_and_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lex = tmp_path / "mine.tsv"
    lex.write_text("term\tcategory\tweight\nslammed\temotive\tlots\n")
    code, _, err = run(["analyze", "--example", "--lexicon", str(lex)], capsys)
    assert code == 2
    assert "mine.tsv: line 2: weight must be a number. Got 'lots'" in err


def test_empty_and_binary_files_are_error_rows(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "ok.txt").write_text("They said yes.")
    code, out, _ = run(["analyze", str(tmp_path), "--format", "jsonl", "--quiet"], capsys)
    rows = {Path(r["id"]).name: r for r in map(json.loads, out.splitlines())}
    assert code == 1
    assert rows["empty.txt"]["error"] == "empty text: nothing to analyze"
    assert "binary" in rows["bin.txt"]["error"]
    assert rows["ok.txt"]["error"] is None


def test_console_script_runs(tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "framing.cli", "analyze", "--example", "--format", "jsonl"],
        capture_output=True, text=True, cwd=tmp_path, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 3


def test_evaluate_resolves_the_data_home_by_the_one_policy(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # no --data-home and no FRAMING_DATA_HOME: the default folder, which is absent here
    monkeypatch.delenv("FRAMING_DATA_HOME", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    code, _, err = run(["evaluate", "sentences"], capsys)
    assert code == 2
    assert str(tmp_path / "cache" / "framing") in err
    for way in ("--data-home DIR", "FRAMING_DATA_HOME", "default folder"):
        assert way in err
    # the environment variable, then an explicit folder without the corpus: a usage error
    # that says where the corpus belongs and the three ways to point at it
    monkeypatch.setenv("FRAMING_DATA_HOME", str(tmp_path))
    code, _, err = run(["evaluate", "attribution"], capsys)
    assert code == 2 and str(tmp_path / "polnear") in err and "FRAMING_DATA_HOME" in err
    code, _, err = run(["evaluate", "lexicon", "--dataset", "ptc", "--data-home", str(tmp_path)], capsys)
    assert code == 2 and str(tmp_path / "ptc") in err and "--data-home DIR" in err


def test_python_dash_m_framing_cli_runs_the_command_line() -> None:
    proc = subprocess.run([sys.executable, "-m", "framing.cli", "--version"],
                          capture_output=True, text=True, check=False)
    assert proc.returncode == 0 and proc.stdout.startswith("framing ")


def test_a_crash_of_the_run_exits_3_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import framing.pipeline

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("disk on fire\nsecond line")

    monkeypatch.setattr(framing.pipeline, "iter_analyses", broken)
    monkeypatch.delenv("FRAMING_DEBUG", raising=False)
    code, _, err = run(["analyze", "--example", "--format", "csv"], capsys)
    assert code == 3
    assert err.strip().splitlines() == [
        "framing: internal error: RuntimeError: disk on fire "
        "(set FRAMING_DEBUG=1 for the traceback; please report it)"
    ]
    monkeypatch.setenv("FRAMING_DEBUG", "1")
    code, _, err = run(["analyze", "--example", "--format", "csv"], capsys)
    assert code == 3 and "Traceback" in err


def test_help_documents_exit_statuses_and_escaping(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["analyze", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for needle in ("3 the run failed", "143 terminated", "U+FFFD", "get a leading '", "symlink"):
        assert needle in text


# --- hardening: the table shows every article, --jobs is capped, --cv is checked, crashes exit 3 ---


def test_table_has_a_column_for_every_article_of_one_outlet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long = "A Very Long Outlet Name That Goes On And On"
    records = [{"id": f"w{i}", "outlet": "Wire", "text": f"Critics slammed plan {i}."} for i in range(3)]
    records += [{"id": f"l{i}", "outlet": long + str(i), "text": "Officials said yes."} for i in range(2)]
    src = write_jsonl(tmp_path / "w.jsonl", records)
    code, out, _ = run(["analyze", str(src), "--quiet"], capsys)
    assert code == 0
    header = next(line for line in out.splitlines() if "Wire" in line)
    assert "Wire #2" in header and "Wire #3" in header
    assert "A Very Long Outlet… " in header and "A Very Long Outlet… #2" in header  # short, distinct
    assert f"A Very Long Outlet… #2: {long}1" in out  # the full name under the table
    tokens = next(line for line in out.splitlines() if line.startswith("tokens"))
    assert len(tokens.split()) == 1 + len(records)


def test_cap_jobs() -> None:
    from framing.cli._common import cap_jobs

    cpus = os.cpu_count() or 1
    assert cap_jobs(1000, 3) == min(3, cpus)
    assert cap_jobs(1000) <= cpus
    assert cap_jobs(-1, 1) == 1 and cap_jobs(1, 50) == 1 and cap_jobs(5, 0) == 1


def test_jobs_1000_on_three_files_starts_at_most_three_workers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import framing.pipeline

    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Critics slammed plan {i}.")
    seen: list[int] = []
    real = framing.pipeline.iter_mapped

    def spy(*args: Any, n_jobs: int = 1, **kwargs: Any) -> Any:
        seen.append(n_jobs)
        return real(*args, n_jobs=n_jobs, **kwargs)

    monkeypatch.setattr(framing.pipeline, "iter_mapped", spy)
    code, out, _ = run(["analyze", str(tmp_path), "--format", "jsonl", "--jobs", "1000"], capsys)
    assert code == 0 and len(out.splitlines()) == 3
    assert seen and max(seen) <= min(3, os.cpu_count() or 1)


def test_jobs_1000_real_run_leaks_nothing(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Critics slammed plan {i}.")
    proc = subprocess.run(
        [sys.executable, "-m", "framing.cli", "analyze", str(tmp_path), "--format", "jsonl", "--jobs", "1000"],
        capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=120, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 3
    assert "leaked" not in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize(
    ("rows", "cv", "message"),
    [
        ([("Critics slammed the plan.", "biased"), ("The plan passed.", "neutral"),
          ("Officials said it.", "neutral")], 5, "--cv 5 needs at least 5 rows; the data has 3"),
        ([(f"Text number {i} about the plan.", "biased") for i in range(6)], 2, "at least two labels"),
        ([(f"Critics slammed plan {i}.", "biased") for i in range(5)]
         + [("The plan passed quietly.", "neutral")], 3, "label 'neutral' has 1"),
        ([(f"Critics slammed plan {i}.", "biased") for i in range(4)], 1, "--cv must be 0"),
    ],
)
def test_train_checks_cv_against_the_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rows: list[tuple[str, str]], cv: int, message: str
) -> None:
    data = tmp_path / "d.csv"
    pd.DataFrame(rows, columns=["text", "label"]).to_csv(data, index=False)
    code, _, err = run(["train", "--task", "sentence-bias", "--data", str(data),
                        "--model", str(tmp_path / "m.skops"), "--cv", str(cv)], capsys)
    assert code == 2, err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "m.skops").exists()
