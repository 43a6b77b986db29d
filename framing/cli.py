"""The ``framing`` command line.

Exit status: 0 when every article was analyzed, 1 when some rows carry an
error, 2 for usage errors (unknown options, missing paths, bad lexicons).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import functools
import json
import math
import os
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from ._version import __version__

if TYPE_CHECKING:
    from .analyze import Analysis

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


def _json_line(row: dict[str, Any]) -> str:
    """One JSONL line; text with lone surrogates (invalid in UTF-8) is written escaped."""
    line = json.dumps(row, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        line = json.dumps(row)
    return line + "\n"


def _json_number(value: float) -> float | None:
    return None if isinstance(value, float) and not math.isfinite(value) else value


def _analysis_line(analysis: Analysis, *, text: bool, sentences: bool) -> tuple[str, bool]:
    """One analysis as a JSONL line, and whether it is an error row."""
    row = analysis.to_dict(text=text, sentences=sentences)
    row["features"] = {k: _json_number(v) for k, v in row["features"].items()}
    return _json_line(row), analysis.error is not None


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


def _analyze_to_parquet(stream: Iterator[Any], out: str | None, lexicons: list[Any] | None) -> int:
    """Stream analyses into ``out``/{features,matches,quotes}.parquet; the number of errors."""
    from .analyze import _get_analyzer
    from .parquet import ParquetWriter

    if not out or out == "-":
        raise UsageError("--format parquet needs --out DIR: a directory for features.parquet, "
                         "matches.parquet and quotes.parquet.")
    if Path(out).exists() and not Path(out).is_dir():
        raise UsageError(f"--out {out!r} is a file; --format parquet expects a directory.")
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


def _cmd_analyze(args: argparse.Namespace) -> int:
    from .analyze import iter_analyses, iter_mapped
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
    if fmt == "parquet":
        n_errors = _analyze_to_parquet(stream, args.out, lexicons)
    with contextlib.nullcontext(sys.stdout) if fmt == "parquet" else atomic_output(args.out) as out:
        if fmt == "jsonl":
            # serialised where the article is analysed (in the workers with --jobs > 1)
            to_line = functools.partial(_analysis_line, text=not args.no_text, sentences=args.sentences)
            for line, failed in iter_mapped(articles(), to_line, lexicons=lexicons, n_jobs=args.jobs,
                                            progress=progress):
                n_errors += failed
                out.write(line)
        elif fmt == "csv":
            writer: Any = None
            for a in stream:
                n_errors += a.error is not None
                art = a.article
                row: dict[str, Any] = {"id": art.id, "outlet": art.outlet, "title": art.title, "error": a.error}
                if writer is None:
                    from .analyze import _get_analyzer

                    names = _get_analyzer(lexicons).feature_names
                    writer = csv.DictWriter(out, fieldnames=[*row, *names], lineterminator="\n")
                    writer.writeheader()
                row.update(a.features)
                writer.writerow(row)
        elif fmt == "table":
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
    if args.what == "models":
        return _cmd_evaluate_models(args, data_home)
    runners: dict[str, Callable[[], Any]] = {}
    if args.what == "sentences":
        from .evaluate_text import evaluate_sentences

        runners["sentences"] = lambda: evaluate_sentences(data_home)
    elif args.what == "lexicon":
        from .evaluate_lexicons import evaluate_lexicon

        runners["lexicon"] = lambda: evaluate_lexicon(args.dataset or "babe", data_home)
    elif args.what == "attribution":
        from .evaluate_attribution import evaluate_attribution

        runners["attribution"] = lambda: evaluate_attribution(
            data_home, split=args.split, gold=args.gold
        )
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


# --- models: evaluate, train, predict ---------------------------------------


def _cmd_evaluate_models(args: argparse.Namespace, data_home: Path) -> int:
    from .classify import TASKS
    from .evaluate_models import evaluate_models

    tasks = args.task or list(TASKS)
    unknown = [t for t in tasks if t not in TASKS]
    if unknown:
        raise UsageError(f"--task must be one of {list(TASKS)}. Got {unknown}.")
    if args.embeddings and tasks != ["sentence-bias"]:
        raise UsageError(f"--embeddings applies to --task sentence-bias only. Got tasks {tasks}.")
    try:
        table, weights = evaluate_models(data_home, tasks=tasks, n_articles=args.n_articles,
                                         cache_dir=args.cache_dir, n_jobs=args.jobs,
                                         groupings=args.grouping or ("outlet",),
                                         embeddings=args.embeddings)
    except ImportError as exc:  # the embeddings extra is missing
        raise UsageError(str(exc)) from None
    text = markdown_table(table)
    sys.stdout.write(text + "\n")
    if weights is not None:
        sys.stdout.write("\nFraming features that carry the leaning signal (framing-only model):\n\n")
        sys.stdout.write(markdown_table(weights) + "\n")
    if args.out:
        stem = args.out.removesuffix(".md").removesuffix(".csv")
        with atomic_output(stem + ".md") as out:
            out.write(text + "\n")
            if weights is not None:
                out.write("\n" + markdown_table(weights) + "\n")
        with atomic_output(stem + ".csv") as out:
            table.to_csv(out, index=False, lineterminator="\n")
    return EXIT_OK


def _cmd_train(args: argparse.Namespace) -> int:
    from .classify import load_task_data, save_model, train

    if not Path(args.data).exists():
        raise UsageError(f"--data: no such file or directory: {args.data!r}.")
    try:
        data = load_task_data(args.task, args.data)
    except (ValueError, FileNotFoundError) as exc:
        raise UsageError(str(exc)) from None
    estimator = None
    if args.embeddings:
        from .classify import make_pipeline

        if args.task != "sentence-bias":
            raise UsageError(f"--embeddings applies to --task sentence-bias only. Got {args.task!r}.")
        estimator = make_pipeline(args.task, random_state=args.seed, embeddings=True)
    try:
        model = train(args.task, data["texts"], data["labels"], groups=data["groups"], cv=args.cv,
                      random_state=args.seed, source=data["source"], estimator=estimator)
    except ImportError as exc:  # the embeddings extra is missing
        raise UsageError(str(exc)) from None
    save_model(model, args.model)
    cv = model.metadata.get("cv")
    summary = f"framing: trained {args.task} on {len(data['texts'])} texts -> {args.model}"
    if cv:
        summary += f"; {cv['scheme']}: macro-F1 {cv['f1_macro_mean']:.3f} (sd {cv['f1_macro_std']:.3f})"
    print(summary, file=sys.stderr)
    return EXIT_OK


def _cmd_predict(args: argparse.Namespace) -> int:
    from .article import read_articles
    from .classify import UntrustedModelError, load_model

    for p in args.paths:
        if p != "-" and not Path(p).exists():
            raise UsageError(f"no such file or directory: {p!r}.")
    try:
        model = load_model(args.model)
    except (FileNotFoundError, UntrustedModelError) as exc:
        raise UsageError(str(exc)) from None
    n_errors = 0
    provenance = {k: model.metadata.get(k) for k in ("framing_version", "lexicons", "task", "date")}
    with atomic_output(args.out) as out:
        for art in read_articles(*args.paths):
            row: dict[str, Any] = {"id": art.id, "outlet": art.outlet, "title": art.title}
            if not args.no_text:
                row["text"] = art.text
            text = art.text
            if model.task == "article-leaning" and art.title:
                text = f"{art.title}\n\n{art.text}"
            row["error"] = art.error
            row["prediction"] = None
            if art.error is None:
                try:
                    row["prediction"] = model.predict([text])[0]
                    if args.explain and model.task != "persuasion-spans":
                        row["prediction"]["evidence"] = model.explain(text, n=args.explain)["evidence"]
                except Exception as exc:  # one bad article must not stop the run
                    row["error"] = f"prediction failed: {type(exc).__name__}: {exc}"
            n_errors += row["error"] is not None
            row["model"] = provenance
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    if n_errors:
        print(f"framing: {n_errors} article(s) could not be predicted; see the 'error' field.",
              file=sys.stderr)
        return EXIT_ROW_ERRORS
    return EXIT_OK


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
    p.add_argument("--format", choices=["jsonl", "csv", "table", "parquet"], default="table",
                   help="parquet: features/matches/quotes .parquet files in the --out directory")
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
    e.add_argument("what", choices=["sentences", "lexicon", "attribution", "models"])
    e.add_argument("--task", action="append", metavar="TASK",
                   help="models: sentence-bias, article-leaning, persuasion-spans (repeatable; default: all)")
    e.add_argument("--dataset", choices=["babe", "ptc", "polnear"], default=None)
    e.add_argument("--split", default="dev", help="dataset split (attribution: train or dev)")
    e.add_argument("--gold", choices=["all", "speech"], default="all",
                   help="attribution: score every gold attribution, or only those cued by speech")
    e.add_argument("--data-home", metavar="DIR", help="default: $FRAMING_DATA_HOME")
    e.add_argument("--out", metavar="FILE", help="also save the table here")
    e.add_argument("--cache-dir", metavar="DIR",
                   help="models: keep the AllSides framing features and n-gram counts here (reruns are quick)")
    e.add_argument("--jobs", type=int, default=1, metavar="N", help="models: worker processes for article leaning")
    e.add_argument("--n-articles", type=int, default=None, metavar="N",
                   help="models: evaluate article leaning on a sample of N AllSides articles (default: all)")
    e.add_argument("--grouping", action="append", choices=["outlet", "family"], metavar="KEY",
                   help="models: group article-leaning folds by outlet name and/or outlet family "
                        "(repeatable; default: outlet)")
    e.add_argument("--embeddings", action="store_true",
                   help="models, sentence-bias: also measure sentence embeddings (needs framing[embeddings])")
    e.set_defaults(func=_cmd_evaluate)

    t = sub.add_parser("train", help="train a classifier and save it (skops, with metadata)")
    t.add_argument("--task", required=True, choices=["sentence-bias", "article-leaning", "persuasion-spans"])
    t.add_argument("--data", required=True, metavar="PATH",
                   help="a corpus folder (babe/, allsides/, ptc/) or a CSV/JSONL file with text and label")
    t.add_argument("--model", required=True, metavar="OUT", help="where to save the model (.skops)")
    t.add_argument("--cv", type=int, default=5, metavar="K", help="cross-validation folds (0: none)")
    t.add_argument("--seed", type=int, default=0, help="random seed")
    t.add_argument("--embeddings", action="store_true",
                   help="sentence-bias: add all-MiniLM-L6-v2 sentence embeddings (needs framing[embeddings])")
    t.set_defaults(func=_cmd_train)

    r = sub.add_parser("predict", help="apply a saved model to articles (files, directories, '-')")
    r.add_argument("paths", nargs="+", metavar="PATH")
    r.add_argument("--model", required=True, metavar="FILE")
    r.add_argument("--format", choices=["jsonl"], default="jsonl")
    r.add_argument("--explain", type=int, default=0, metavar="N",
                   help="add the N features that pushed each decision, with their spans")
    r.add_argument("--no-text", action="store_true", help="omit the article text from rows")
    r.add_argument("--out", metavar="FILE", help="write here (atomically) instead of stdout")
    r.set_defaults(func=_cmd_predict)

    rp = sub.add_parser("report", help="compare outlets in one self-contained HTML report")
    rp.add_argument("paths", nargs="+", metavar="PATH")
    rp.add_argument("--by", default="outlet",
                    help="group articles by this field (outlet, or a key of the input records)")
    rp.add_argument("--out", required=True, metavar="FILE", help="the HTML file to write (atomically)")
    rp.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (-1: all cores)")
    rp.add_argument("--max-groups", type=int, default=8, metavar="N", help="compare the N largest groups")
    rp.add_argument("--min-articles", type=int, default=5, metavar="N", help="smallest group compared")
    rp.add_argument("--examples", type=int, default=3, metavar="N", help="highlighted example articles")
    rp.add_argument("--seed", type=int, default=0, help="random seed (bootstrap, permutations)")
    rp.add_argument("--title", default="Outlet comparison")
    rp.set_defaults(func=_cmd_report)

    cp = sub.add_parser("compare", help="compare outlets: summaries with intervals and pairwise tests")
    cp.add_argument("paths", nargs="+", metavar="PATH")
    cp.add_argument("--by", default="outlet",
                    help="group articles by this field (outlet, or a key of the input records)")
    cp.add_argument("--feature", action="append", metavar="NAME",
                    help="feature to compare (repeatable; default: every rate and share)")
    cp.add_argument("--out", metavar="STEM",
                    help="also write STEM.summary.csv and STEM.tests.csv (tidy tables)")
    cp.add_argument("--jobs", type=int, default=1, metavar="N", help="worker processes (-1: all cores)")
    cp.add_argument("--max-groups", type=int, default=8, metavar="N", help="compare the N largest groups")
    cp.add_argument("--min-articles", type=int, default=5, metavar="N", help="smallest group compared")
    cp.add_argument("--seed", type=int, default=0, help="random seed (bootstrap, permutations)")
    cp.set_defaults(func=_cmd_compare)
    return parser


def _cmd_compare(args: argparse.Namespace) -> int:
    import pandas as pd

    from .analyze import analyze_corpus
    from .article import read_articles
    from .compare import compare_outlets
    from .report import group_labels

    for p in args.paths:
        if p != "-" and not Path(p).exists():
            raise UsageError(f"no such file or directory: {p!r}.")
    articles = list(read_articles(*args.paths))
    if not articles:
        raise UsageError("no articles found in the given paths.")
    corpus = analyze_corpus(articles, n_jobs=args.jobs)
    labels = pd.Series(group_labels(articles, args.by), index=corpus.features.index, name=args.by,
                       dtype=object)
    try:
        result = compare_outlets(corpus, by=labels, features=args.feature, max_groups=args.max_groups,
                                 min_articles=args.min_articles, random_state=args.seed)
    except (KeyError, ValueError) as exc:
        raise UsageError(str(exc).strip("\"'")) from None
    summary = result.summary.copy()
    summary.insert(2, "interval", [f"[{lo:.3g}, {hi:.3g}]" for lo, hi in
                                   zip(summary["ci_low"], summary["ci_high"])])
    sys.stdout.write(markdown_table(summary[[args.by, "feature", "n", "mean", "interval"]]) + "\n\n")
    sig = result.significant()
    sys.stdout.write(f"{len(sig)} of {len(result.tests)} pairwise differences pass FDR 5% "
                     "(permutation tests, Benjamini-Hochberg):\n\n")
    if len(sig):
        cols = ["group_a", "group_b", "feature", "mean_a", "mean_b", "cohens_d", "p_adjusted"]
        sys.stdout.write(markdown_table(sig[cols].head(30)) + "\n")
    if args.out:
        for name, table in (("summary", result.summary), ("tests", result.tests)):
            with atomic_output(f"{args.out}.{name}.csv") as out:
                table.to_csv(out, index=False, lineterminator="\n")
    return EXIT_OK


def _cmd_report(args: argparse.Namespace) -> int:
    import time

    from .article import read_articles
    from .report import build_report

    for p in args.paths:
        if p != "-" and not Path(p).exists():
            raise UsageError(f"no such file or directory: {p!r}.")
    started = time.perf_counter()
    articles = list(read_articles(*args.paths))
    if not articles:
        raise UsageError("no articles found in the given paths.")
    try:
        page = build_report(articles, by=args.by, n_jobs=args.jobs, max_groups=args.max_groups,
                            min_articles=args.min_articles, n_examples=args.examples,
                            random_state=args.seed, title=args.title)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    with atomic_output(args.out) as out:
        out.write(page)
    print(f"framing: report on {len(articles):,} articles written to {args.out} "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return EXIT_OK


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
