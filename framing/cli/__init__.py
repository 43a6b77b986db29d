"""The ``framing`` command line.

Exit status: 0 when every article was analyzed, 1 when some rows carry an
error, 2 for usage errors (unknown options, missing paths, bad lexicons, an
``--out`` that cannot or must not be written), 3 when the run itself failed
on an unexpected error (one line on stderr; ``FRAMING_DEBUG=1`` adds the
traceback), 130 after SIGINT and 143 after SIGTERM (both clean up: no
temporary file left, the old ``--out`` intact, worker processes stopped).

One module per command (:mod:`framing.cli.analyze`, ``predict``, ``train``,
``evaluate``, ``compare``, ``report``, ``examples``), each with an ``add_parser`` that
registers its options; the shared parts (exit statuses,
:class:`~framing.cli._common.UsageError`, safe output, CSV escaping, the
``--jobs`` cap, Markdown tables) are in :mod:`framing.cli._common`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from types import FrameType

from .._version import __version__
from . import analyze, compare, evaluate, examples, predict, report, train
from ._common import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, atomic_output, markdown_table

__all__ = ["atomic_output", "main", "markdown_table"]

EXIT_SIGINT, EXIT_SIGTERM = 130, 143

EPILOG = """\
exit status: 0 every article analyzed; 1 some rows carry an error (see their 'error' field);
2 usage error (bad option, missing path, an --out that cannot or must not be written);
3 the run failed on an unexpected error (one line; FRAMING_DEBUG=1 prints the traceback);
130 interrupted (SIGINT), 143 terminated (SIGTERM): no partial --out is left behind.

output: lone surrogates (text that has no UTF-8 form) are written as U+FFFD in every format;
CSV string cells starting with = + - @, tab or CR get a leading ' (spreadsheet-safe)."""


class _Terminated(BaseException):
    """Raised in the main thread on SIGTERM, so that cleanup runs as for Ctrl-C."""


def _on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise _Terminated


@contextlib.contextmanager
def _sigterm_raises() -> Iterator[None]:
    """While the command runs, SIGTERM unwinds the stack (default: die without cleanup)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _quiet_executor_manager(args: threading.ExceptHookArgs) -> None:
    """Drop the error loky's manager thread raises on futures cancelled by an interrupt."""
    if args.thread is not None and args.thread.name == "ExecutorManagerThread":
        return
    threading.__excepthook__(args)


def _stop_workers() -> None:
    """Kill the worker processes of ``--jobs`` after an interrupt.

    They would otherwise finish their batches, and an interpreter exiting
    with live workers waits for them (loky's executor cannot shut down
    once its pending futures are cancelled, so the workers are killed here
    directly).
    """
    import multiprocessing

    children = multiprocessing.active_children()
    if not children:
        return
    threading.excepthook = _quiet_executor_manager
    for child in children:
        with contextlib.suppress(Exception):
            child.kill()
    for child in children:
        with contextlib.suppress(Exception):
            child.join(timeout=5)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``framing``."""
    parser = argparse.ArgumentParser(
        prog="framing",
        description="Measure media bias and framing in news; every score traced to the text.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"framing {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in (analyze, evaluate, train, predict, report, compare, examples):
        command.add_parser(sub)
    for sub_parser in sub.choices.values():
        sub_parser.epilog = EPILOG
        sub_parser.formatter_class = argparse.RawDescriptionHelpFormatter
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
        with _sigterm_raises():
            return int(args.func(args))
    except UsageError as exc:
        print(f"framing: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        with contextlib.suppress(Exception):
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        return EXIT_OK
    except KeyboardInterrupt:
        _stop_workers()
        print("framing: interrupted.", file=sys.stderr)
        return EXIT_SIGINT
    except _Terminated:
        _stop_workers()
        print("framing: terminated.", file=sys.stderr)
        return EXIT_SIGTERM
    except Exception as exc:  # the run itself failed: one line, not a traceback
        _stop_workers()
        if os.environ.get("FRAMING_DEBUG", "") not in ("", "0"):
            traceback.print_exc()
        message = str(exc).splitlines()[0] if str(exc) else ""
        print(f"framing: internal error: {type(exc).__name__}: {message} "
              "(set FRAMING_DEBUG=1 for the traceback; please report it)", file=sys.stderr)
        return EXIT_FAILURE
