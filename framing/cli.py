"""The ``framing`` command line.

Exit status: 0 when every article was analyzed, 1 when some rows carry an
error, 2 for usage errors (unknown options, missing paths, bad lexicons).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import math
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from ._version import __version__

__all__ = ["atomic_output", "main", "markdown_table"]

EXIT_OK, EXIT_ROW_ERRORS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A mistake in how the command was called (exit status 2)."""


@contextlib.contextmanager
def atomic_output(path: str | None, *, binary: bool = False) -> Iterator[TextIO]:
    """Write to ``path`` through a temporary file renamed into place on success.

    An interrupted run never leaves a truncated file that looks complete.
    With ``path`` None or ``"-"``, writes to standard output.
    """
    if path is None or path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise UsageError(f"--out {path!r} is a directory; expected a file name.")
    parent = target.resolve().parent
    if not parent.is_dir():
        raise UsageError(f"--out {path!r}: directory {str(parent)!r} does not exist.")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _json_number(value: float) -> float | None:
    return None if isinstance(value, float) and not math.isfinite(value) else value


# --- analyze ---------------------------------------------------------------

_TABLE_FEATURES = [
    ("n_tokens", "tokens"),
    ("loaded_language__total", "loaded language /1k"),
    ("epistemic__hedge", "hedges /1k"),
    ("epistemic__booster", "boosters /1k"),
    ("attribution__quotes_count", "quotes"),
    ("reporting_verbs__neutral_count", "cues: neutral"),
    ("reporting_verbs__endorsing_count", "cues: endorsing"),
    ("reporting_verbs__distancing_count", "cues: distancing"),
    ("reporting_verbs__contesting_count", "cues: contesting"),
    ("reporting_verbs__emotive_count", "cues: emotive"),
    ("moral_foundations__total", "moral foundations /1k"),
    ("policy_frames__total", "policy frames /1k"),
    ("persuasion__total", "persuasion cues /1k"),
]


def _resolve_lexicons(names: Sequence[str] | None) -> list[Any] | None:
    from .lexicon import load_lexicon, read_lexicon

    if not names:
        return None
    out: list[Any] = []
    for name in names:
        try:
            if name.endswith(".tsv") or os.sep in name:
                out.append(read_lexicon(name))
            else:
                out.append(load_lexicon(name))
        except (ValueError, FileNotFoundError) as exc:
            raise UsageError(str(exc)) from None
    return out


def _write_table(analyses: list[Any], out: TextIO) -> None:
    import pandas as pd

    lines = [f"framing {__version__}"]
    if any(a.article.meta.get("constructed_example") for a in analyses):
        lines.append("constructed example articles: one invented event told by three invented outlets")
    if analyses:
        lex = analyses[0].provenance["lexicons"]
        lines.append("lexicons: " + ", ".join(f"{k} {v}" for k, v in lex.items()))
    out.write("\n".join(lines) + "\n\n")
    columns = {}
    for a in analyses:
        label = a.article.outlet or a.article.id
        col = {}
        for key, name in _TABLE_FEATURES:
            if key in a.features:
                value = a.features[key]
                col[name] = f"{value:.0f}" if key.endswith("count") or key == "n_tokens" else f"{value:.1f}"
        columns[label[:28]] = col if a.error is None else {"error": a.error}
    frame = pd.DataFrame(columns).fillna("")
    out.write(frame.to_string() + "\n")
    for a in analyses:
        label = a.article.outlet or a.article.id
        out.write(f"\n{label}")
        if a.article.title:
            out.write(f": {a.article.title}")
        out.write("\n")
        if a.error is not None:
            out.write(f"  error: {a.error}\n")
            continue
        loaded = [m for m in a.matches if m.lexicon == "loaded_language"]
        if loaded:
            terms = ", ".join(
                f"{'not ' if m.negated else ''}{m.text!r} ({m.category})" for m in loaded[:12]
            )
            out.write(f"  loaded language: {terms}\n")
        for q in a.quotes[:6]:
            speaker = q.speaker.text if q.speaker else "?"
            cue = f"{q.cue.text} [{q.cue.stance}]" if q.cue else "no cue"
            category = q.speaker.category if q.speaker else "unknown"
            snippet = q.text if len(q.text) <= 60 else q.text[:57] + "..."
            out.write(f"  {q.kind} quote: {speaker} ({category}) {cue}: {snippet!r}\n")


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .analyze import iter_analyses
    from .article import read_articles
    from .examples import example_articles

    if not args.paths and not args.example:
        raise UsageError("give one or more PATHs (files, directories or '-'), or --example.")
    lexicons = _resolve_lexicons(args.lexicon)
    sources: list[Any] = []
    if args.example:
        sources.extend(example_articles())
    for p in args.paths:
        if p != "-" and not Path(p).exists():
            raise UsageError(f"no such file or directory: {p!r}.")

    def articles() -> Iterator[Any]:
        yield from sources
        if args.paths:
            yield from read_articles(*args.paths)

    progress: bool | TextIO = False
    if not args.quiet and (args.out or not sys.stdout.isatty()) and sys.stderr.isatty():
        progress = True
    if not args.quiet and os.environ.get("FRAMING_PROGRESS") == "1":
        progress = True
    stream = iter_analyses(articles(), lexicons=lexicons, n_jobs=args.jobs, progress=progress)
    n_errors = 0
    fmt = args.format
    with atomic_output(args.out) as out:
        if fmt == "jsonl":
            for a in stream:
                n_errors += a.error is not None
                row = a.to_dict(text=not args.no_text, sentences=args.sentences)
                row["features"] = {k: _json_number(v) for k, v in row["features"].items()}
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        elif fmt == "csv":
            writer: Any = None
            for a in stream:
                n_errors += a.error is not None
                art = a.article
                row = {"id": art.id, "outlet": art.outlet, "title": art.title, "error": a.error}
                if writer is None:
                    from .analyze import _get_analyzer

                    names = _get_analyzer(lexicons).feature_names
                    writer = csv.DictWriter(out, fieldnames=[*row, *names], lineterminator="\n")
                    writer.writeheader()
                row.update(a.features)
                writer.writerow(row)
        else:
            analyses = list(stream)
            n_errors = sum(a.error is not None for a in analyses)
            _write_table(analyses, out)
    if n_errors:
        print(f"framing: {n_errors} article(s) could not be analyzed; see the 'error' field.",
              file=sys.stderr)
        return EXIT_ROW_ERRORS
    return EXIT_OK


# --- evaluate --------------------------------------------------------------


def _data_home(value: str | None) -> Path:
    if value:
        return Path(value)
    env = os.environ.get("FRAMING_DATA_HOME")
    if env:
        return Path(env)
    raise UsageError("no data location: pass --data-home DIR or set FRAMING_DATA_HOME.")


def _cmd_evaluate(args: argparse.Namespace) -> int:
    data_home = _data_home(args.data_home)
    if not data_home.is_dir():
        raise UsageError(f"data location {str(data_home)!r} is not a directory.")
    runners: dict[str, Callable[[], Any]] = {}
    if args.what == "sentences":
        from .evaluate_text import evaluate_sentences

        runners["sentences"] = lambda: evaluate_sentences(data_home)
    elif args.what == "lexicon":
        from .evaluate_lexicons import evaluate_lexicon

        runners["lexicon"] = lambda: evaluate_lexicon(args.dataset or "babe", data_home)
    elif args.what == "attribution":
        from .evaluate_attribution import evaluate_attribution

        runners["attribution"] = lambda: evaluate_attribution(data_home, split=args.split)
    table = runners[args.what]()
    text = markdown_table(table)
    sys.stdout.write(text + "\n")
    if args.out:
        with atomic_output(args.out) as out:
            if args.out.endswith(".csv"):
                table.to_csv(out, index=False, lineterminator="\n")
            else:
                out.write(text + "\n")
    return EXIT_OK


def markdown_table(frame: Any, *, digits: int = 3) -> str:
    """A DataFrame as a GitHub Markdown table (floats rounded for display only).

    Examples
    --------
    >>> import pandas as pd
    >>> print(markdown_table(pd.DataFrame({"metric": ["f1"], "value": [0.91234]})))
    | metric | value |
    | --- | --- |
    | f1 | 0.912 |
    """
    cols = [str(c) for c in frame.columns]
    lines = ["| " + " | ".join(cols) + " |", "| " + " | ".join("---" for _ in cols) + " |"]
    for row in frame.itertuples(index=False, name=None):
        cells = [
            f"{v:.{digits}f}" if isinstance(v, float) else ("" if v is None else str(v))
            for v in row
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


# --- entry point -----------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``framing``."""
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure media bias and framing in news; every score traced to the text.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("analyze", help="analyze articles (files, directories, '-')")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--format", choices=["jsonl", "csv", "table"], default="table")
    p.add_argument("--out", metavar="FILE", help="write here (atomically) instead of stdout")
    p.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (-1: all cores)")
    p.add_argument("--sentences", action="store_true", help="add sentence spans to JSONL rows")
    p.add_argument("--no-text", action="store_true", help="omit the article text from JSONL rows")
    p.add_argument("--lexicon", action="append", metavar="NAME",
                   help="a shipped lexicon name or a .tsv path (repeatable; default: all shipped)")
    p.add_argument("--example", action="store_true",
                   help="analyze the built-in constructed example articles")
    p.add_argument("--quiet", action="store_true", help="no progress report")
    p.set_defaults(func=_cmd_analyze)

    e = sub.add_parser("evaluate", help="measure quality on the public research corpora")
    e.add_argument("what", choices=["sentences", "lexicon", "attribution"])
    e.add_argument("--dataset", choices=["babe", "ptc", "polnear"], default=None)
    e.add_argument("--split", default="dev", help="dataset split (attribution: train or dev)")
    e.add_argument("--data-home", metavar="DIR", help="default: $FRAMING_DATA_HOME")
    e.add_argument("--out", metavar="FILE", help="also save the table here")
    e.set_defaults(func=_cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if getattr(args, "jobs", 1) == 0 or getattr(args, "jobs", 1) < -1:
        print("framing: error: --jobs must be a positive number or -1.", file=sys.stderr)
        return EXIT_USAGE
    try:
        return int(args.func(args))
    except UsageError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        with contextlib.suppress(Exception):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK
    except KeyboardInterrupt:
        print("framing: interrupted.", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
