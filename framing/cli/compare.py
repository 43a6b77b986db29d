"""``framing compare``: outlet summaries with intervals and pairwise tests.

Its inputs are read as ``framing analyze`` reads them (files, directories of
text and HTML pages, ``-``, ``--html``, ``--sep``), and so are ``framing
report``'s (:func:`~framing.cli._options.add_input_options`,
:func:`read_inputs`). The articles the statistics leave out (those that could not be analyzed, and those not in
English, whose features are not measured) are counted per group on stderr
(:func:`report_left_out`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

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
    clean_article,
    csv_safe,
    markdown_table,
    progress_for,
    safe_stream,
)
from ._options import add_input_options

_SHOWN_ERRORS = 3


def read_inputs(args: argparse.Namespace) -> list[Any]:
    """The articles of ``args.paths`` (as ``framing analyze`` reads them); :class:`UsageError` when there are none."""
    from ..readers import read_articles
    from ..readers.records import check_sep

    check_paths(args.paths)
    try:
        check_sep(args.sep)
    except ValueError as exc:
        raise UsageError(f"--sep: {exc}") from None
    articles = [clean_article(a) for a in read_articles(*args.paths, html=args.html, sep=args.sep)]
    if not articles:
        raise UsageError("no articles found in the given paths.")
    return articles


def report_left_out(ids: Sequence[Any], errors: Sequence[Any], labels: Sequence[Any],
                    languages: Sequence[Any], by: str) -> int:
    """Say on stderr which articles the statistics leave out, per group; the number of error rows.

    ``errors`` holds each article's error message (None when it was
    analyzed) and ``languages`` its language code; an article in a language
    other than English is counted per group and language.
    """
    from ..compare.summary import count_not_english, describe_excluded

    failed = [(i, e) for i, e in zip(ids, errors) if e is not None]
    if failed:
        shown = "; ".join(str(e) if str(e).startswith(str(i)) else f"{i}: {e}" for i, e in failed[:_SHOWN_ERRORS])
        more = f"; and {len(failed) - _SHOWN_ERRORS} more" if len(failed) > _SHOWN_ERRORS else ""
        print(f"framing: {len(failed)} article(s) could not be analyzed and are left out of the statistics "
              f"({shown}{more}); 'framing analyze' gives their error rows.", file=sys.stderr)
    analyzed = [k for k, e in enumerate(errors) if e is None]
    excluded = count_not_english([labels[k] for k in analyzed], [languages[k] for k in analyzed], key=by)
    if not excluded.empty:
        print(f"framing: warning: {int(excluded['n'].sum())} article(s) not in English are left out of the "
              f"statistics (their features are not measured), by {by}: {describe_excluded(excluded)}.",
              file=sys.stderr)
    return len(failed)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``framing compare`` and its options."""
    cp = sub.add_parser("compare", help="compare outlets: summaries with intervals and pairwise tests")
    cp.add_argument("paths", nargs="+", metavar="PATH")
    cp.add_argument("--by", default="outlet",
                    help="group articles by this field (outlet, or a key of the input records)")
    cp.add_argument("--feature", action="append", metavar="NAME",
                    help="feature to compare (repeatable; default: every rate and share)")
    cp.add_argument("--out", metavar="STEM",
                    help="also write STEM.summary.csv and STEM.tests.csv (tidy tables; string cells "
                         f"starting with = + - @, tab or CR get a leading '); each file: {OUT_HELP}")
    cp.add_argument("--jobs", type=int, default=1, metavar="N",
                    help="worker processes (-1: all cores; at most one per core and per article)")
    cp.add_argument("--max-groups", type=int, default=8, metavar="N", help="compare the N largest groups")
    cp.add_argument("--min-articles", type=int, default=5, metavar="N", help="smallest group compared")
    cp.add_argument("--seed", type=int, default=0, help="random seed (bootstrap, permutations)")
    add_input_options(cp)
    cp.set_defaults(func=_cmd_compare)


def _cmd_compare(args: argparse.Namespace) -> int:
    import pandas as pd

    from ..compare import compare_outlets
    from ..pipeline import analyze_corpus
    from ..report import group_labels

    check_paths(args.paths)
    stems = [f"{args.out}.{name}.csv" for name in ("summary", "tests")] if args.out else []
    for path in stems:
        check_output(path, inputs=args.paths)
    articles = read_inputs(args)
    # the tables go to stdout only after the analysis: a bar on the terminal does not cut through them
    corpus = analyze_corpus(articles, n_jobs=cap_jobs(args.jobs, len(articles)),
                            progress=progress_for(args.quiet))
    labels = pd.Series(group_labels(articles, args.by), index=corpus.features.index, name=args.by,
                       dtype=object)
    feats = corpus.features
    errors = [e if isinstance(e, str) else None for e in feats["error"]]
    languages = [v if isinstance(v, str) else None for v in feats["language"]]
    n_failed = report_left_out(feats.index.tolist(), errors, labels.tolist(), languages, args.by)
    try:
        result = compare_outlets(corpus, by=labels, features=args.feature, max_groups=args.max_groups,
                                 min_articles=args.min_articles, random_state=args.seed)
    except (KeyError, ValueError) as exc:
        raise UsageError(str(exc).strip("\"'")) from None
    stdout = safe_stream(sys.stdout)
    summary = result.summary.copy()
    summary.insert(2, "interval", [f"[{lo:.3g}, {hi:.3g}]" for lo, hi in
                                   zip(summary["ci_low"], summary["ci_high"])])
    stdout.write(markdown_table(summary[[args.by, "feature", "n", "mean", "interval"]]) + "\n\n")
    sig = result.significant()
    stdout.write(f"{len(sig)} of {len(result.tests)} pairwise differences pass FDR 5% "
                     "(permutation tests, Benjamini-Hochberg):\n\n")
    if len(sig):
        cols = ["group_a", "group_b", "feature", "mean_a", "mean_b", "cohens_d", "p_adjusted"]
        stdout.write(markdown_table(sig[cols].head(30)) + "\n")
    for path, table in zip(stems, (result.summary, result.tests)):
        with atomic_output(path) as out:
            csv_safe(table).to_csv(out, index=False, lineterminator=CSV_LINE_END)
    return EXIT_ROW_ERRORS if n_failed else EXIT_OK
