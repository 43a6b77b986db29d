"""``framing report``: compare outlets in one self-contained HTML report."""

from __future__ import annotations

import argparse
import sys

from ._common import (
    EXIT_OK,
    OUT_HELP,
    UsageError,
    atomic_output,
    cap_jobs,
    check_output,
    check_paths,
    clean_article,
    progress_for,
)


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``framing report`` and its options."""
    rp = sub.add_parser("report", help="compare outlets in one self-contained HTML report")
    rp.add_argument("paths", nargs="+", metavar="PATH")
    rp.add_argument("--by", default="outlet",
                    help="group articles by this field (outlet, or a key of the input records)")
    rp.add_argument("--out", required=True, metavar="FILE", help=f"the HTML file to write: {OUT_HELP}")
    rp.add_argument("--jobs", type=int, default=1, metavar="N",
                    help="worker processes (-1: all cores; at most one per core and per article)")
    rp.add_argument("--max-groups", type=int, default=8, metavar="N", help="compare the N largest groups")
    rp.add_argument("--min-articles", type=int, default=5, metavar="N", help="smallest group compared")
    rp.add_argument("--examples", type=int, default=3, metavar="N", help="highlighted example articles")
    rp.add_argument("--seed", type=int, default=0, help="random seed (bootstrap, permutations)")
    rp.add_argument("--title", default="Outlet comparison")
    rp.add_argument("--quiet", action="store_true",
                   help="no progress on stderr (by default: a bar on a terminal, a line every few seconds in a log)")
    rp.set_defaults(func=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    import time

    from ..readers import read_articles
    from ..report import build_report

    check_paths(args.paths)
    check_output(args.out, inputs=args.paths)
    started = time.perf_counter()
    articles = [clean_article(a) for a in read_articles(*args.paths)]
    if not articles:
        raise UsageError("no articles found in the given paths.")
    try:
        page = build_report(articles, by=args.by, n_jobs=cap_jobs(args.jobs, len(articles)), max_groups=args.max_groups,
                            min_articles=args.min_articles, n_examples=args.examples,
                            random_state=args.seed, title=args.title,
                            progress=progress_for(args.quiet))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    with atomic_output(args.out) as out:
        out.write(page)
    print(f"framing: report on {len(articles):,} articles written to {args.out} "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return EXIT_OK
