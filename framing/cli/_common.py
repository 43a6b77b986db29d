"""Shared parts of the commands: exit statuses, usage errors, atomic output, argument checks."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

__all__ = ["EXIT_OK", "EXIT_ROW_ERRORS", "EXIT_USAGE", "UsageError", "atomic_output", "markdown_table"]

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


def check_paths(paths: Sequence[str]) -> None:
    """Raise :class:`UsageError` for the first input path (other than ``-``) that does not exist."""
    for p in paths:
        if p != "-" and not Path(p).exists():
            raise UsageError(f"no such file or directory: {p!r}.")
