"""Progress on the long runs: a bar on a terminal, plain lines off it, ``--quiet`` silences it."""

from __future__ import annotations

import functools
import io
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from framing.cli import main
from framing.pipeline import analyze_corpus, iter_analyses
from framing.pipeline.progress import LogLines, progress_bar, progress_scope, track

ROOT = Path(__file__).resolve().parents[1]

TEXTS = ["Officials said the plan failed.", "Critics slammed the reckless plan.", "Fine."]


class Recorder:
    """A tqdm-like bar that keeps what it was told."""

    made: ClassVar[list[Recorder]] = []

    def __init__(self, total: int | None = None, desc: str = "", unit: str = "") -> None:
        self.total, self.desc, self.unit = total, desc, unit
        self.n = 0
        self.closed = False
        Recorder.made.append(self)

    def update(self, n: int = 1) -> None:
        self.n += n

    def close(self) -> None:
        self.closed = True


def test_analyze_corpus_reports_on_a_stream_with_the_total() -> None:
    log = io.StringIO()
    result = analyze_corpus(TEXTS, progress=log)
    assert len(result.features) == 3
    last = log.getvalue().splitlines()[-1]
    assert last.startswith("analyze: 3/3 articles (100%)") and "elapsed" in last and "MB" in last


def test_progress_takes_a_tqdm_like_callable_and_tqdm_itself() -> None:
    Recorder.made.clear()
    list(iter_analyses(iter(TEXTS), progress=Recorder, total=3))
    (bar,) = Recorder.made
    assert (bar.total, bar.n, bar.closed, bar.unit) == (3, 3, True, "article")
    tqdm = pytest.importorskip("tqdm")
    log = io.StringIO()
    analyze_corpus(TEXTS, progress=functools.partial(tqdm.tqdm, file=log, mininterval=0))
    assert "3/3" in log.getvalue()


def test_a_generator_has_no_total_unless_given() -> None:
    log = io.StringIO()
    list(iter_analyses((t for t in TEXTS), progress=log))
    assert log.getvalue().splitlines()[-1].startswith("analyze: 3 articles, ")


def test_plain_lines_every_n_items_and_time_left() -> None:
    log = io.StringIO()
    bar = LogLines(log, total=6, desc="analyze", unit="article", seconds=1e9, every=2)
    for _ in range(6):
        bar.update()
    bar.close()
    lines = log.getvalue().splitlines()
    assert [ln.split(",")[0] for ln in lines] == [
        "analyze: 2/6 articles (33%)", "analyze: 4/6 articles (67%)", "analyze: 6/6 articles (100%)",
        "analyze: 6/6 articles (100%)",
    ]
    assert "left" in lines[0] and "left" not in lines[-1]
    assert "\r" not in log.getvalue()  # a log file gets whole lines, never carriage returns


def test_plain_lines_every_few_seconds() -> None:
    log = io.StringIO()
    bar = LogLines(log, total=None, desc="x", unit="item", seconds=0.0, every=10**9)
    bar.update()
    bar.update()
    assert len(log.getvalue().splitlines()) == 2


def test_false_is_silent_and_a_wrong_type_is_an_error() -> None:
    progress_bar(False).update()
    with pytest.raises(TypeError, match="The 'progress' parameter must be a bool, a text stream or a callable"):
        progress_bar(42)  # type: ignore[arg-type]


def test_scope_reaches_loops_without_a_progress_argument() -> None:
    Recorder.made.clear()
    assert list(track([1, 2])) == [1, 2] and not Recorder.made
    with progress_scope(Recorder):
        assert list(track([1, 2], desc="lexicon features", unit="text")) == [1, 2]
    (bar,) = Recorder.made
    assert (bar.total, bar.n, bar.desc) == (2, 2, "lexicon features")


def _cli(args: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if k != "FRAMING_PROGRESS"}
    environ.update(PYTHONPATH=str(ROOT), **env)
    return subprocess.run([sys.executable, "-m", "framing.cli", *args], capture_output=True, text=True,
                          env=environ, timeout=300, check=False)


def test_cli_analyze_with_stderr_piped_prints_plain_progress_with_the_total(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        (src / f"a{i}.txt").write_text(f"Officials said plan {i} failed.\n", encoding="utf-8")
    (src / "more.jsonl").write_text('{"text": "One."}\n\n{"text": "Two."}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = _cli(["analyze", str(src), "--format", "jsonl", "--out", str(out)])
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert lines and lines[-1].startswith("analyze: 6/6 articles (100%)"), proc.stderr
    assert "\r" not in proc.stderr
    quiet = _cli(["analyze", str(src), "--format", "jsonl", "--out", str(out), "--quiet"])
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_cli_train_reports_feature_extraction_and_folds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "train.csv"
    rows = ["text,label"] + [
        f"The reckless radical plan {i} is a disaster.,biased" if i % 2 else f"The council approved plan {i}.,neutral"
        for i in range(30)
    ]
    data.write_text("\n".join(rows) + "\n", encoding="utf-8")
    model = tmp_path / "m.skops"
    assert main(["train", "--task", "sentence-bias", "--data", str(data), "--model", str(model),
                 "--cv", "3"]) == 0
    err = capsys.readouterr().err
    assert "framing: training sentence-bias on 30 texts" in err
    assert "sentence-bias: cross-validation: 3/3 folds (100%)" in err
    assert "fitting the final model on all 30 texts" in err
    assert main(["train", "--task", "sentence-bias", "--data", str(data), "--model", str(model),
                 "--cv", "3", "--quiet"]) == 0
    err = capsys.readouterr().err
    assert "folds" not in err and err.startswith("framing: trained sentence-bias on 30 texts")


def test_cli_report_passes_progress_and_quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import framing.report

    seen: list[Any] = []

    def fake_build(articles: Any, **kwargs: Any) -> str:
        seen.append(kwargs["progress"])
        return "<!DOCTYPE html>"

    monkeypatch.setattr(framing.report, "build_report", fake_build)
    monkeypatch.delenv("FRAMING_PROGRESS", raising=False)
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "One.", "outlet": "A"}\n', encoding="utf-8")
    out = tmp_path / "r.html"
    assert main(["report", str(src), "--out", str(out)]) == 0
    assert main(["report", str(src), "--out", str(out), "--quiet"]) == 0
    assert seen == [True, False]
