"""``framing compare``: outlet summaries with intervals and pairwise tests."""

from __future__ import annotations

import argparse
import sys

from ._common import (
    CSV_LINE_END,
    EXIT_OK,
    OUT_HELP,
    UsageError,
    atomic_output,
    cap_jobs,
    check_output,
    check_paths,
    clean_article,
    csv_safe,
    markdown_table,
    safe_stream,
)


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
    cp.set_defaults(func=_cmd_compare)


def _cmd_compare(args: argparse.Namespace) -> int:
    import pandas as pd

    from ..compare import compare_outlets
    from ..pipeline import analyze_corpus
    from ..readers import read_articles
    from ..report import group_labels

    check_paths(args.paths)
    stems = [f"{args.out}.{name}.csv" for name in ("summary", "tests")] if args.out else []
    for path in stems:
        check_output(path, inputs=args.paths)
    articles = [clean_article(a) for a in read_articles(*args.paths)]
    if not articles:
        raise UsageError("no articles found in the given paths.")
    corpus = analyze_corpus(articles, n_jobs=cap_jobs(args.jobs, len(articles)))
    labels = pd.Series(group_labels(articles, args.by), index=corpus.features.index, name=args.by,
                       dtype=object)
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
    return EXIT_OK
