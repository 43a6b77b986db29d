"""Shared parts of the commands: exit statuses, usage errors, safe output, argument checks.

Output rules (every command's ``--out``):

- a regular file (or a new name) is written through a temporary file in the
  same directory, renamed into place on success; it gets the mode a plain
  ``open(path, "w")`` would give (an existing file keeps its mode, a new one
  gets ``0o666 & ~umask``); an interrupted run (SIGINT, SIGTERM, an error)
  leaves the old file as it was and no temporary file;
- a FIFO or a character device (``/dev/null``, ``/dev/stdout``, a terminal)
  is opened and written in place, never renamed over;
- a symbolic link to anything else, a block device, a socket or a directory
  is refused (exit status 2), and so is an ``--out`` that is one of the
  inputs;
- the directory is checked for writing before any work starts.

Progress (``analyze``, ``report``, ``train``, ``evaluate``) goes to standard
error: a tqdm bar on a terminal, a plain line every few seconds in a log
file or pipe (:mod:`framing.pipeline.progress`); ``--quiet`` silences it.

Every text written has its lone surrogates replaced by U+FFFD
(:func:`framing.pipeline.schema.replace_surrogates`), and CSV string cells
are made spreadsheet-safe (:func:`csv_cell`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import os
import stat
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, TextIO

from ..pipeline.schema import replace_surrogates

__all__ = [
    "CSV_LINE_END", "EXIT_FAILURE", "EXIT_OK", "EXIT_ROW_ERRORS", "EXIT_USAGE", "UsageError", "atomic_output",
    "cap_jobs", "check_output", "clean_article", "count_articles", "csv_cell", "csv_safe", "markdown_table",
    "progress_for", "safe_stream", "show_progress_log",
]

EXIT_OK, EXIT_ROW_ERRORS, EXIT_USAGE, EXIT_FAILURE = 0, 1, 2, 3

OUT_HELP = (
    "a regular file is replaced atomically (keeping its mode; a new file follows the umask); "
    "a FIFO or character device (/dev/null, /dev/stdout) is written in place; "
    "a symlink to anything else, a block device or one of the inputs is refused"
)
"""The ``--out`` help text shared by the commands."""


class UsageError(Exception):
    """A mistake in how the command was called (exit status 2)."""


class _SafeText:
    """A text stream whose writes have lone surrogates replaced by U+FFFD."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(replace_surrogates(text))

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def __iter__(self) -> Iterator[str]:  # pandas checks file-likes for __iter__
        return iter(self._stream)


def safe_stream(stream: TextIO) -> TextIO:
    """``stream`` with every write made encodable (lone surrogates -> U+FFFD).

    Examples
    --------
    >>> import io
    >>> buf = io.StringIO()
    >>> _ = safe_stream(buf).write("a\\ud800b")
    >>> buf.getvalue() == "a\\ufffdb"
    True
    """
    return _SafeText(stream)  # type: ignore[return-value]


_Kind = Literal["stdout", "stream", "file"]


def _output_kind(path: str | None) -> _Kind:
    """How ``--out path`` is written; :class:`UsageError` when it must not be written at all."""
    if path is None or path == "-":
        return "stdout"
    p = Path(path)
    try:
        mode = os.stat(p).st_mode  # follows links
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise UsageError(f"--out {path!r}: cannot inspect it ({exc.strerror}).") from None
    if mode is not None and (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
        return "stream"
    if p.is_symlink():
        raise UsageError(f"--out {path!r} is a symbolic link; give the file it points to "
                         "(links are written through only to a FIFO or a character device).")
    if mode is None or stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        raise UsageError(f"--out {path!r} is a directory; expected a file name.")
    raise UsageError(f"--out {path!r} is a block device or a socket; expected a regular file, "
                     "a FIFO or a character device.")


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def check_output(path: str | None, *, inputs: Sequence[str] = (), directory: bool = False) -> None:
    """Check ``--out`` before any work starts; :class:`UsageError` (exit 2) when it cannot be written.

    Refuses what :func:`atomic_output` would refuse, an output that is one
    of ``inputs`` (the same file, whatever the spelling), and a directory
    that does not exist or cannot be written. With ``directory=True``,
    ``path`` is a directory for several files (``--format parquet``).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     check_output(f"{tmp}/out.csv")
    >>> check_output("/no/such/dir/out.csv")
    Traceback (most recent call last):
    ...
    framing.cli._common.UsageError: --out '/no/such/dir/out.csv': directory '/no/such/dir' does not exist.
    """
    if path is None or path == "-":
        return
    for source in inputs:
        if source != "-" and Path(path).exists() and _same_file(path, source):
            raise UsageError(f"--out {path!r} is the input {source!r}; write the output elsewhere.")
    if directory:
        target = Path(path)
        if target.exists() and not target.is_dir():
            raise UsageError(f"--out {path!r} is a file; this output expects a directory "
                             "(one file per table).")
        folder = target if target.is_dir() else target.resolve().parent
    else:
        if _output_kind(path) == "stream":
            return
        folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise UsageError(f"--out {path!r}: directory {str(folder)!r} does not exist.")
    try:  # the one test that also holds for root and for read-only file systems
        fd, probe = tempfile.mkstemp(prefix=".framing-write-test.", dir=folder)
    except OSError as exc:
        raise UsageError(f"--out {path!r}: cannot write in directory {str(folder)!r} "
                         f"({exc.strerror}).") from None
    os.close(fd)
    os.unlink(probe)


def _new_file_mode(target: Path) -> int:
    """The mode ``open(target, "w")`` would leave: the existing file's, else ``0o666 & ~umask``."""
    with contextlib.suppress(OSError):
        st = os.stat(target)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


@contextlib.contextmanager
def atomic_output(path: str | None) -> Iterator[TextIO]:
    """Write text to ``path`` safely (see the module docstring for the rules).

    A regular file is written through a temporary file renamed into place
    on success, so an interrupted run never leaves a truncated file that
    looks complete. ``None`` or ``"-"`` writes to standard output; a FIFO or
    a character device is written in place. Lone surrogates become U+FFFD.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with atomic_output(f"{tmp}/out.txt") as fh:
    ...         _ = fh.write("caf\\ud800\\n")
    ...     open(f"{tmp}/out.txt", encoding="utf-8").read() == "caf\\ufffd\\n", os.listdir(tmp)
    (True, ['out.txt'])
    """
    kind = _output_kind(path)
    if kind == "stdout" or path is None:
        yield safe_stream(sys.stdout)
        sys.stdout.flush()
        return
    if kind == "stream":
        with open(path, "w", encoding="utf-8", newline="") as stream:
            yield safe_stream(stream)
        return
    target = Path(path)
    parent = target.resolve().parent
    if not parent.is_dir():
        raise UsageError(f"--out {path!r}: directory {str(parent)!r} does not exist.")
    mode = _new_file_mode(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise UsageError(f"--out {path!r}: cannot write in directory {str(parent)!r} "
                         f"({exc.strerror}).") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield safe_stream(fh)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

CSV_LINE_END = "\r\n"
"""Rows of the CSV outputs end in CRLF (RFC 4180): the csv module quotes a cell only for the
characters of its line end, so with a bare ``\n`` a carriage return inside a cell went out
unquoted and split the row for every reader."""


def csv_cell(value: Any) -> Any:
    """A CSV cell a spreadsheet will not run: a string starting ``= + - @``, tab or CR gets a ``'``.

    The OWASP rule against CSV (formula) injection. Numbers are left alone,
    so a negative number stays a number; only string cells are prefixed.

    Examples
    --------
    >>> csv_cell("=HYPERLINK(\\"http://x\\")"), csv_cell("-1"), csv_cell(-1.5), csv_cell("Wire")
    ('\\'=HYPERLINK("http://x")', "'-1", -1.5, 'Wire')
    """
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def csv_safe(frame: Any) -> Any:
    """A copy of a DataFrame whose string cells went through :func:`csv_cell` (numbers untouched).

    Examples
    --------
    >>> import pandas as pd
    >>> csv_safe(pd.DataFrame({"g": ["=1+1", "A"], "d": [-0.5, 1.0]})).values.tolist()
    [["'=1+1", -0.5], ['A', 1.0]]
    """
    import pandas as pd

    out = frame.copy()
    for col in out.columns:
        series = out[col]
        if pd.api.types.is_object_dtype(series) or pd.api.types.is_string_dtype(series):
            out[col] = series.map(csv_cell).astype(object)
    out.columns = [csv_cell(c) for c in out.columns]
    return out


def clean_article(article: Any) -> Any:
    """The article with lone surrogates replaced by U+FFFD in its text, fields and ``meta`` strings.

    One code point for one, so offsets into the text are unchanged. For the
    commands that hand whole articles to library code (``compare``,
    ``report``), so that every table and page they build can be written.

    Examples
    --------
    >>> from framing.readers import Article
    >>> clean_article(Article("a", "x\\ud800", outlet="W\\udfff")).outlet == "W\\ufffd"
    True
    """
    changed: dict[str, Any] = {}
    for f in dataclasses.fields(article):
        value = getattr(article, f.name)
        if isinstance(value, str):
            new: Any = replace_surrogates(value)
        elif isinstance(value, Mapping):
            new = {replace_surrogates(k): replace_surrogates(v) for k, v in value.items()}
        else:
            continue
        if new != value:
            changed[f.name] = new
    return dataclasses.replace(article, **changed) if changed else article


def cap_jobs(n_jobs: int, n_inputs: int | None = None) -> int:
    """The worker processes to start: ``n_jobs`` (-1: every CPU), at most one per CPU and per input.

    Examples
    --------
    >>> cap_jobs(1000, 3) <= 3, cap_jobs(1), cap_jobs(-1, 1), cap_jobs(4, 0)
    (True, 1, 1, 1)
    """
    if n_jobs == 1:
        return 1  # whatever the CPUs and inputs, and without importing joblib (about 50 ms)
    from joblib import cpu_count

    cpus = max(int(cpu_count()), 1)
    wanted = cpus if n_jobs == -1 else n_jobs
    capped = min(wanted, cpus)
    if n_inputs is not None:
        capped = min(capped, n_inputs)
    return max(capped, 1)


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


def progress_for(quiet: bool, *, output_on_stdout: bool = False) -> bool:
    """Whether a command reports progress on standard error.

    Not with ``--quiet``. A terminal gets a bar unless the command's output
    goes to the same terminal (``output_on_stdout`` and standard output is a
    terminal), where the bar would cut through it; a log file or a pipe gets
    plain lines (never mixed with the output, which is on standard output
    or in ``--out``). ``FRAMING_PROGRESS=1`` forces it, ``FRAMING_PROGRESS=0``
    turns it off.

    Examples
    --------
    >>> progress_for(True)
    False
    """
    if quiet or os.environ.get("FRAMING_PROGRESS") == "0":
        return False
    if os.environ.get("FRAMING_PROGRESS") == "1":
        return True
    if _isatty(sys.stderr):
        return not (output_on_stdout and _isatty(sys.stdout))
    return True


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


_ONE_ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
_LINES_SUFFIXES = (".jsonl", ".ndjson")
_COUNT_BYTES_LIMIT = 2_000_000_000


def count_articles(paths: Sequence[str]) -> int | None:
    """The number of articles in ``paths`` when it is cheap to know, else None (for the progress total).

    A text, Markdown or HTML file is one article; a JSONL file one per
    non-blank line. Directories are walked like the readers walk them
    (hidden names skipped, symlinked directories not followed). Standard
    input, CSV and JSON files (whose records cannot be counted without
    parsing) and more than 2 GB of JSONL give None: the bar then shows the
    count and the rate without a total.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (pathlib.Path(tmp) / "a.txt").write_text("One.")
    ...     _ = (pathlib.Path(tmp) / "b.jsonl").write_text('{"text": "x"}\\n\\n{"text": "y"}\\n')
    ...     count_articles([tmp]), count_articles(["-"])
    (3, None)
    """
    from ..readers import READABLE_SUFFIXES

    files: list[Path] = []
    for raw in paths:
        if raw == "-":
            return None
        p = Path(raw)
        if p.is_dir():
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not Path(root, d).is_symlink())
                files.extend(Path(root, n) for n in sorted(names)
                             if not n.startswith(".") and n.lower().endswith(READABLE_SUFFIXES))
        else:
            files.append(p)
    n = 0
    budget = _COUNT_BYTES_LIMIT
    for f in files:
        name = f.name.lower()
        if name.endswith(_ONE_ARTICLE_SUFFIXES):
            n += 1
        elif name.endswith(_LINES_SUFFIXES):
            try:
                size = f.stat().st_size
                budget -= size
                if budget < 0:
                    return None
                with open(f, "rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            except OSError:
                n += 1  # the reader gives it an error row
        else:
            return None
    return n


class _StderrLines(logging.Handler):
    """Library log records (INFO and up) as ``framing: MM:SS message`` lines on standard error."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.start = time.perf_counter()

    def emit(self, record: logging.LogRecord) -> None:
        secs = int(time.perf_counter() - self.start)
        try:
            sys.stderr.write(f"framing: {secs // 60:02d}:{secs % 60:02d} {record.getMessage()}\n")
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed or broken stderr: progress is not worth a crash
            pass


@contextlib.contextmanager
def show_progress_log(enabled: bool) -> Iterator[None]:
    """While the block runs, show the library's INFO log (its stages) on stderr, and its bars.

    For the long commands whose work is many stages (``train``,
    ``evaluate``): each stage logs one line when it ends, and the loops
    inside (feature extraction, folds) report through
    :func:`framing.pipeline.progress.progress_scope`.
    """
    if not enabled:
        yield
        return
    from ..pipeline.progress import progress_scope

    logger = logging.getLogger("framing")
    handler = _StderrLines()
    old_level = logger.level
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > logging.INFO:
        logger.setLevel(logging.INFO)
    try:
        with progress_scope(True):
            yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)
