"""``framing report``: compare outlets in one self-contained HTML report.

Inputs as for ``framing compare`` (and ``framing analyze``): files, directories
of text and HTML pages, ``-``, ``--html``, ``--sep``; progress on stderr unless
``--quiet``. The articles left out of the statistics (errors; not in English)
are named on stderr and in the report's overview.
"""

from __future__ import annotations

import argparse
import sys

from ._common import (
    EXIT_OK,
    EXIT_ROW_ERRORS,
    OUT_HELP,
    UsageError,
    atomic_output,
    cap_jobs,
    check_output,
    check_paths,
    progress_for,
)
from ._options import add_input_options
from .compare import read_inputs, report_left_out


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
    add_input_options(rp)
    rp.set_defaults(func=_cmd_report)


def _cmd_report(args: argparse.Namespace) -> int:
    import time

    from ..readers import identify_language
    from ..report import build_report, group_labels

    check_paths(args.paths)
    check_output(args.out, inputs=args.paths)
    started = time.perf_counter()
    articles = read_inputs(args)
    try:
        page = build_report(articles, by=args.by, n_jobs=cap_jobs(args.jobs, len(articles)), max_groups=args.max_groups,
                            min_articles=args.min_articles, n_examples=args.examples,
                            random_state=args.seed, title=args.title,
                            progress=progress_for(args.quiet))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    with atomic_output(args.out) as out:
        out.write(page)
    # the analyzer's language decision (the article's own, else identified), for the stderr summary
    languages = [None if a.error is not None else a.language or identify_language(a.text) for a in articles]
    n_failed = report_left_out([a.id for a in articles], [a.error for a in articles], group_labels(articles, args.by),
                    languages, args.by)
    print(f"framing: report on {len(articles):,} articles written to {args.out} "
          f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return EXIT_ROW_ERRORS if n_failed else EXIT_OK
