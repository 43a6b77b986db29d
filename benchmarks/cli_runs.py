"""The command-line rows of ``bench_throughput.py``: ``--stream`` and ``--cli-files``.

Each runs ``framing analyze`` in a child process and reports its wall and
CPU time and its own peak resident memory (``VmHWM``, polled from /proc).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corpus import load_records

#: (seconds since start, peak RSS in MB so far) of the last :func:`run_measured`, every 0.2 s
samples: list[tuple[float, float]] = []


def _peak_at(fraction: float) -> float:
    """The peak RSS of the last run when ``fraction`` of its wall time had passed."""
    if not samples:
        return 0.0
    end = samples[-1][0] * fraction
    return max((mb for t, mb in samples if t <= end), default=0.0)


def run_measured(cmd: list[str], env: dict[str, str] | None = None) -> tuple[int, float, float, float, str]:
    """Run ``cmd``; exit status, wall seconds, peak RSS in MB, CPU seconds and stderr.

    The peak is the child's own ``VmHWM`` polled from /proc: the ``ru_maxrss``
    of a child counts the parent's memory copied at fork time, which would
    charge the benchmark's loaded articles to the CLI. The CPU time (user +
    system, from ``os.wait4``) includes the worker processes the child has
    waited for, so on a loaded machine it compares work done where wall time
    compares waiting.
    """
    with tempfile.TemporaryFile() as err:
        t = time.perf_counter()
        proc = subprocess.Popen(cmd, stderr=err, env=env)
        peak = 0.0
        samples.clear()
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            try:
                with open(f"/proc/{proc.pid}/status") as fh:
                    for line in fh:
                        if line.startswith("VmHWM:"):
                            peak = max(peak, int(line.split()[1]) / 1024)
            except (OSError, ValueError):
                pass
            samples.append((time.perf_counter() - t, peak))
            time.sleep(0.2)
        wall = time.perf_counter() - t
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        cpu = usage.ru_utime + usage.ru_stime
        return proc.returncode, wall, peak, cpu, err.read().decode("utf-8", "replace")


def _count_lines(path: Path) -> int:
    with open(path, "rb") as fh:
        return sum(1 for _ in fh)


def stream(args: argparse.Namespace) -> str:
    """``framing analyze DIR --format jsonl`` over N articles in JSONL shards: time and peak RSS.

    The articles go in shards of ``--shard-size`` records (the CLI's JSONL
    reader loads one file at a time and refuses files over 200 MB), so the
    peak RSS shows whether memory stays flat in the number of articles.
    """
    before = load_average()
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        src = Path(tmp) / "articles"
        src.mkdir()
        chars = n = 0
        records = load_records(args.home, args.stream)
        for k in range(0, len(records), args.shard_size):
            with open(src / f"part-{k // args.shard_size:05d}.jsonl", "w", encoding="utf-8") as fh:
                for r in records[k : k + args.shard_size]:
                    chars += len(r["text"])
                    n += 1
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        del records
        out = Path(tmp) / ("out.jsonl" if args.format == "jsonl" else "parquet")
        cmd = [sys.executable, "-m", "framing.cli", "analyze", str(src), "--format", args.format,
               "--out", str(out), "--jobs", str(args.jobs), "--quiet"]
        code, wall, rss, cpu, err = run_measured(cmd)
        size = sum(p.stat().st_size for p in out.rglob("*")) if out.is_dir() else (
            out.stat().st_size if out.exists() else 0)
        n_rows = _count_lines(out) if out.is_file() else None
    shards = -(-n // args.shard_size)
    return (
        f"`framing analyze DIR --format {args.format} --out OUT --jobs {args.jobs} --quiet` over "
        f"{n:,} AllSides articles ({chars / 1e6:.1f} MB) in {shards} JSONL shards: exit {code}, "
        f"{'' if n_rows is None else f'{n_rows:,} rows, '}{wall:.0f} s wall, "
        f"{chars / 1e6 / wall:.2f} MB/s, {cpu:.0f} s CPU ({chars / 1e6 / cpu:.2f} MB/s per CPU second), "
        f"peak RSS {rss:.0f} MB (VmHWM of the CLI process; at 25/50/75/100 % of the run: "
        f"{_peak_at(0.25):.0f}/{_peak_at(0.5):.0f}/{_peak_at(0.75):.0f}/{rss:.0f} MB), "
        f"output {size / 1e6:.0f} MB; load average before {before}, after {load_average()}"
        + (f"; stderr: {err.strip()[-300:]}" if err.strip() else "")
    )


def load_average() -> str:
    """The 1-, 5- and 15-minute load averages, for the report (the machine is shared)."""
    try:
        return " ".join(f"{x:.1f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def cli_files(args: argparse.Namespace, library: Callable[[str, argparse.Namespace], dict[str, Any]]) -> str:
    """``framing analyze DIR`` over N .txt files, and the library on the same articles.

    Reports the CLI's wall and CPU time (workers included), peak RSS and
    progress lines, then ``analyze_corpus`` (n_jobs=1) on the same N
    articles in a fresh process, and the ratio of the two CPU rates: on a
    loaded machine CPU time is the fair comparison (wall time also counts
    the other users). The CLI's CPU includes its start-up (imports, the
    lexicons, the language model), which the library's timing leaves out.
    """
    before = load_average()
    with tempfile.TemporaryDirectory(prefix="framing-bench-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        chars = 0
        for r in load_records(args.home, args.cli_files):
            chars += len(r["text"])
            (folder / f"{r['id']}.txt").write_text(r["text"], encoding="utf-8")
        out = Path(tmp) / "out.jsonl"
        cmd = [sys.executable, "-m", "framing.cli", "analyze", str(folder), "--format", "jsonl",
               "--out", str(out), "--jobs", str(args.jobs)]
        env = {**os.environ, "FRAMING_PROGRESS": "1"}
        code, wall, rss, cpu, err = run_measured(cmd, env)
        n_out = _count_lines(out) if out.exists() else 0
    updates = [u for u in re.split(r"[\r\n]", err) if u.startswith(("analyzed", "analyze:"))]
    mb = chars / 1e6
    lines = [
        f"`framing analyze DIR --format jsonl --jobs {args.jobs}` over {args.cli_files:,} .txt files "
        f"({mb:.1f} MB before cleaning): exit {code}, {n_out:,} rows, {wall:.0f} s wall "
        f"({mb / wall:.2f} MB/s), {cpu:.1f} s CPU ({mb / cpu:.2f} MB/s per CPU second, "
        f"{1000 * cpu / max(n_out, 1):.1f} ms per article), peak RSS {rss:.0f} MB, "
        f"{len(updates)} progress updates; last: {updates[-1] if updates else 'none'}",
    ]
    if not args.no_library:
        lib = library("framing", argparse.Namespace(**{**vars(args), "n": args.cli_files}))
        if "error" in lib:
            lines.append(f"library: {lib['error']}")
        else:
            lines.append(
                f"analyze_corpus (n_jobs=1) on the same {args.cli_files:,} articles: {lib['cpu']:.1f} s CPU "
                f"({mb / lib['cpu']:.2f} MB/s), {lib['wall']:.0f} s wall, after {lib['setup']:.1f} s of "
                f"set-up; CLI CPU rate / library CPU rate: {lib['cpu'] / cpu:.2f}"
            )
    lines.append(f"load average before: {before}; after: {load_average()}")
    return "\n".join(lines)
