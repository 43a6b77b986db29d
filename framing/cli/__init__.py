"""The ``framing`` command line.

Exit status: 0 when every article was analyzed, 1 when some rows carry an
error, 2 for usage errors (unknown options, missing paths, bad lexicons).

One module per command (:mod:`framing.cli.analyze`, ``predict``, ``train``,
``evaluate``, ``compare``, ``report``), each with an ``add_parser`` that
registers its options; the shared parts (exit statuses,
:class:`~framing.cli._common.UsageError`, atomic output, Markdown tables)
are in :mod:`framing.cli._common`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence

from .._version import __version__
from . import analyze, compare, evaluate, predict, report, train
from ._common import EXIT_OK, EXIT_USAGE, UsageError, atomic_output, markdown_table

__all__ = ["atomic_output", "main", "markdown_table"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``framing``."""
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure media bias and framing in news; every score traced to the text.",
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in (analyze, evaluate, train, predict, report, compare):
        command.add_parser(sub)
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
