"""Start-up of the ``framing`` command line: ``--help`` and one small file, wall and CPU time.

Each command runs ``--rounds`` times as a fresh ``python -m framing.cli``
process; the versions given (this checkout by default, or directories
holding other checkouts, e.g. a ``git archive`` of a baseline commit with
its compiled kernels copied in) alternate round by round, so that they see
the same load. The best and the median round are reported: wall time, and
CPU time (user + system of the child, from ``os.wait4``), which moves less
with the other work on the machine.

The small file is the text of the first AllSides article
(``$FRAMING_DATA_HOME/allsides/articles.jsonl.gz``, Baly et al. 2020),
written to a temporary directory.

Usage::

    python benchmarks/bench_startup.py --rounds 10
    python benchmarks/bench_startup.py --rounds 10 --version before=/tmp/base --version after=.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def first_article() -> str:
    """The text of the first AllSides article."""
    home = Path(os.environ.get("FRAMING_DATA_HOME", ROOT.parent / "shared" / "data"))
    with gzip.open(home / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as f:
        return str(json.loads(f.readline())["content_original"])


def run_once(path: Path, args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of ``python -m framing.cli ARGS`` with ``path`` first on the import path.

    ``-m`` puts the working directory first on the path, so the command runs
    in ``cwd`` (a directory without a checkout in it).
    """
    env = {**os.environ, "PYTHONPATH": str(path)}
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "framing.cli", *args], env=env, cwd=cwd,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode() if proc.stderr else ""
    if proc.returncode != 0:
        raise SystemExit(f"{path}: framing {' '.join(args)} exited {proc.returncode}: {err[-400:]}")
    return wall, usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--version", action="append", metavar="NAME=DIR",
                    help="a checkout to time (repeatable; default: this one)")
    opts = ap.parse_args()
    versions = dict(v.split("=", 1) for v in opts.version) if opts.version else {"this": str(ROOT)}
    with tempfile.TemporaryDirectory() as tmp:
        small = Path(tmp) / "article.txt"
        small.write_text(first_article(), encoding="utf-8")
        commands = {
            "framing --help": ["--help"],
            f"framing analyze article.txt ({small.stat().st_size:,} bytes) --format jsonl":
                ["analyze", str(small), "--format", "jsonl"],
        }
        times: dict[tuple[str, str], list[tuple[float, float]]] = {}
        for _ in range(opts.rounds):
            for label, args in commands.items():
                for name, path in versions.items():
                    times.setdefault((label, name), []).append(run_once(Path(path).resolve(), args, Path(tmp)))
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
          f"{opts.rounds} rounds, Python {sys.version.split()[0]}")
    print("| command | version | wall s best | wall s median | CPU s best | CPU s median |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for (label, name), runs in times.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print(f"| `{label}` | {name} | {min(walls):.3f} | {statistics.median(walls):.3f} | "
              f"{min(cpus):.3f} | {statistics.median(cpus):.3f} |")


if __name__ == "__main__":
    main()
