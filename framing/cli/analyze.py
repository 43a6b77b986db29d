"""``framing analyze``: analyze articles and write JSONL, CSV, Parquet or a table."""

from __future__ import annotations

import argparse
import contextlib
import csv
import functools
import itertools
import json
import math
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from .._version import __version__
from ..pipeline.schema import replace_surrogates
from ._common import (
    CSV_LINE_END,
    EXIT_OK,
    EXIT_ROW_ERRORS,
    OUT_HELP,
    UsageError,
    atomic_output,
    cap_jobs,
    check_output,
    check_paths,
    count_articles,
    csv_cell,
    progress_for,
)
from ._options import add_input_options

if TYPE_CHECKING:
    from ..pipeline import Analysis

try:  # the optional extra framing[fast]: the same rows, serialised about 3x faster
    import orjson as _orjson
except ImportError:  # pragma: no cover - the standard library writes them
    _orjson = None  # type: ignore[assignment]


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``framing analyze`` and its options."""
    p = sub.add_parser("analyze", help="analyze articles (files, directories, '-')")
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument("--format", choices=["jsonl", "csv", "table", "parquet"], default="table",
                   help="parquet: features/matches/quotes/entities .parquet files in the --out directory; "
                        "csv: RFC 4180 (CRLF rows); string cells starting with = + - @, tab or CR "
                        "get a leading '")
    p.add_argument("--out", metavar="FILE", help=f"write here instead of stdout: {OUT_HELP}")
    p.add_argument("--jobs", type=int, default=1, metavar="N",
                   help="worker processes (-1: all cores; at most one per core and per article)")
    p.add_argument("--sentences", action="store_true", help="add sentence spans to JSONL rows")
    p.add_argument("--no-text", action="store_true", help="omit the article text from JSONL rows")
    p.add_argument("--lexicon", action="append", metavar="NAME",
                   help="a shipped lexicon name or a .tsv path (repeatable; default: all shipped)")
    p.add_argument("--example", action="store_true",
                   help="analyze the built-in constructed example articles")
    add_input_options(p)
    p.set_defaults(func=_cmd_analyze)


def _json_line(row: dict[str, Any]) -> str:
    """One compact JSONL line; lone surrogates (no UTF-8 form) become U+FFFD, as in every format.

    With orjson installed (``pip install "framing[fast]"``) it writes the
    line; a row it refuses (a lone surrogate in a string) goes to the
    standard library's :func:`json.dumps`. The two give the same JSON value
    (floats may be spelt differently: ``1e-07`` and ``1e-7``).

    Examples
    --------
    >>> line = _json_line({"id": "a", "features": {"n_tokens": 3}, "text": "caf\\ud800"})
    >>> line.endswith("\\n"), line.rstrip() == '{"id":"a","features":{"n_tokens":3},"text":"caf\\ufffd"}'
    (True, True)
    """
    if _orjson is not None:
        try:
            return _orjson.dumps(row, option=_orjson.OPT_APPEND_NEWLINE).decode("utf-8")
        except TypeError:
            pass
    return replace_surrogates(json.dumps(row, ensure_ascii=False, separators=(",", ":"))) + "\n"


def _json_number(value: float) -> float | None:
    return None if isinstance(value, float) and not math.isfinite(value) else value


def _analysis_line(analysis: Analysis, *, text: bool, sentences: bool) -> tuple[str, Analysis]:
    """One analysis as a JSONL line, and the analysis without its spans (for the tally)."""
    row = analysis.to_dict(text=text, sentences=sentences)
    if not _all_finite(row["features"].values()):
        row["features"] = {k: _json_number(v) for k, v in row["features"].items()}
    return _json_line(row), _summary(analysis)


def _all_finite(values: Iterable[Any]) -> bool:
    """Whether no value is a NaN or an infinity (one C-level sum; a sum that overflows says no)."""
    try:
        return math.isfinite(sum(values))
    except TypeError:  # a non-number (None): check one by one
        return False


def _summary(analysis: Analysis) -> Analysis:
    """What :class:`_Tally` reads of an analysis, cheap to send back from a worker."""
    import dataclasses

    from ..readers import Article

    art = Article(id=analysis.article.id, text="")
    return dataclasses.replace(analysis, article=art, sentences=(), matches=(), quotes=(),
                               features={}, sentence_tone=(), quote_tone=(), targets=None,
                               entities=())


class _Tally:
    """Errors and articles not in English, counted for the closing lines on stderr."""

    def __init__(self) -> None:
        self.n_errors = 0
        self.foreign: dict[str, list[str]] = {}

    def add(self, analysis: Analysis) -> None:
        self.n_errors += analysis.error is not None
        if analysis.warnings and analysis.language:
            self.foreign.setdefault(analysis.language, []).append(analysis.article.id)

    def counted(self, analyses: Iterable[Analysis]) -> Iterator[Analysis]:
        for a in analyses:
            self.add(a)
            yield a

    def report(self) -> None:
        if self.foreign:
            n = sum(len(v) for v in self.foreign.values())
            by = ", ".join(f"{k}: {len(v)}" for k, v in
                           sorted(self.foreign.items(), key=lambda kv: (-len(kv[1]), kv[0])))
            first = next(iter(self.foreign.values()))[0]
            print(f"framing: warning: {n} article(s) not in English ({by}; e.g. {first}): "
                  "their lexicon, quote and tone features are missing (NaN, null in JSONL), "
                  "not zeros; see the 'warnings' field.", file=sys.stderr)


# --- analyze ---------------------------------------------------------------

def _resolve_lexicons(names: Sequence[str] | None) -> list[Any] | None:
    from ..lexicon import load_lexicon, read_lexicon

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
    seen = [lex.name for lex in out]
    if len(set(seen)) != len(seen):
        twice = next(n for i, n in enumerate(seen) if n in seen[:i])
        raise UsageError(f"--lexicon: the lexicon {twice!r} is given twice; give each lexicon once.")
    return out


def _write_table(analyses: list[Any], out: TextIO) -> None:
    lines = [f"framing {__version__}"]
    if any(a.article.meta.get("constructed_example") for a in analyses):
        lines.append("constructed example articles: one invented event told by three invented outlets")
    if analyses:
        lex = analyses[0].provenance["lexicons"]
        lines.append("lexicons: " + ", ".join(f"{k} {v}" for k, v in lex.items()))
    out.write("\n".join(lines) + "\n\n")
    from ..pipeline.display import analysis_table

    out.write(analysis_table(analyses))


def _analyze_to_parquet(stream: Iterator[Any], out: str, lexicons: list[Any] | None) -> int:
    """Stream analyses into ``out``/{features,matches,quotes,entities}.parquet; the number of errors."""
    from ..io.parquet import ParquetWriter
    from ..pipeline.analyzer import _get_analyzer

    try:
        writer = ParquetWriter(out, feature_names=_get_analyzer(lexicons).feature_names)
    except ImportError as exc:
        raise UsageError(str(exc)) from None
    n_errors = 0
    with writer:
        for a in stream:
            n_errors += a.error is not None
            writer.write(a)
    return n_errors


def _check_out(args: argparse.Namespace) -> None:
    """Refuse an ``--out`` that cannot or must not be written, before any work."""
    if args.format == "parquet" and (not args.out or args.out == "-"):
        raise UsageError("--format parquet needs --out DIR: a directory for features.parquet, "
                         "matches.parquet, quotes.parquet and entities.parquet.")
    check_output(args.out, inputs=args.paths, directory=args.format == "parquet")


def _peek(items: Iterable[Any], n: int) -> tuple[int, Iterator[Any]]:
    """How many of the first ``n`` items exist, and an iterator over all of them."""
    it = iter(items)
    head = list(itertools.islice(it, n))
    return len(head), itertools.chain(head, it)


def _csv_rows(stream: Iterable[Any], out: TextIO, lexicons: list[Any] | None) -> int:
    """Write one CSV row per analysis (spreadsheet-safe string cells); the number of errors."""
    from ..pipeline.analyzer import _get_analyzer

    names = _get_analyzer(lexicons).feature_names
    # language and warnings came later: at the end, so existing column positions hold
    writer = csv.DictWriter(out, fieldnames=["id", "outlet", "title", "error", *names, "language",
                                             "warnings"],
                            lineterminator=CSV_LINE_END)
    writer.writeheader()
    n_errors = 0
    for a in stream:
        n_errors += a.error is not None
        art = a.article
        row: dict[str, Any] = {"id": csv_cell(art.id), "outlet": csv_cell(art.outlet),
                               "title": csv_cell(art.title), "error": csv_cell(a.error),
                               "language": a.language,
                               "warnings": csv_cell("; ".join(a.warnings) or None)}
        row.update(a.features)
        writer.writerow(row)
    return n_errors


def _cmd_analyze(args: argparse.Namespace) -> int:
    from ..pipeline import iter_analyses, iter_mapped
    from ..readers import example_articles, read_articles
    from ..readers.records import check_sep

    if not args.paths and not args.example:
        raise UsageError("give one or more PATHs (files, directories or '-'), or --example.")
    lexicons = _resolve_lexicons(args.lexicon)
    sources: list[Any] = []
    if args.example:
        sources.extend(example_articles())
    check_paths(args.paths)
    _check_out(args)

    try:
        check_sep(args.sep)
    except ValueError as exc:
        raise UsageError(f"--sep: {exc}") from None

    def articles() -> Iterator[Any]:
        yield from sources
        if args.paths:
            yield from read_articles(*args.paths, html=args.html, sep=args.sep)

    progress = progress_for(args.quiet, output_on_stdout=not args.out or args.out == "-")
    counted = count_articles(args.paths) if progress else None
    total = None if counted is None else counted + len(sources)
    n_jobs = cap_jobs(args.jobs)
    n_seen, source = _peek(articles(), n_jobs) if n_jobs > 1 else (1, articles())
    n_jobs = cap_jobs(n_jobs, n_seen)
    tally = _Tally()
    fmt = args.format
    if fmt == "parquet":
        stream = iter_analyses(source, lexicons=lexicons, n_jobs=n_jobs, progress=progress, total=total)
        _analyze_to_parquet(tally.counted(stream), args.out, lexicons)
    with contextlib.nullcontext(sys.stdout) if fmt == "parquet" else atomic_output(args.out) as out:
        if fmt == "jsonl":
            # serialised where the article is analysed (in the workers with --jobs > 1)
            to_line = functools.partial(_analysis_line, text=not args.no_text, sentences=args.sentences)
            for line, summary in iter_mapped(source, to_line, lexicons=lexicons, n_jobs=n_jobs,
                                             progress=progress, total=total):
                tally.add(summary)
                out.write(line)
        elif fmt == "csv":
            stream = iter_analyses(source, lexicons=lexicons, n_jobs=n_jobs, progress=progress, total=total)
            _csv_rows(tally.counted(stream), out, lexicons)
        elif fmt == "table":
            analyses = list(iter_analyses(source, lexicons=lexicons, n_jobs=n_jobs, progress=progress, total=total))
            for a in analyses:
                tally.add(a)
            _write_table(analyses, out)
    tally.report()
    if tally.n_errors:
        print(f"framing: {tally.n_errors} article(s) could not be analyzed; see the 'error' field.",
              file=sys.stderr)
        return EXIT_ROW_ERRORS
    return EXIT_OK
