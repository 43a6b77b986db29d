"""Reading files, directories and standard input into articles (:func:`read_articles`)."""

from __future__ import annotations

import logging
import os
import sys
import zlib
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from . import decoding
from .article import Article, _error_article
from .decoding import _describe, decode_bytes
from .html import HTML_SUFFIXES, _read_html, decode_html, html_article
from .ids import unique_ids
from .plain import _read_text, _text_article
from .records import _read_csv, _read_json, _read_jsonl, _stream_jsonl, check_sep
from .streams import _chunks, _gather, _lines, _prepend, _read_limited, file_kind

__all__ = ["READABLE_SUFFIXES", "read_articles"]

logger = logging.getLogger(__name__)

READABLE_SUFFIXES = (".txt", ".md", ".markdown", *HTML_SUFFIXES, ".json", ".jsonl", ".jsonl.gz",
                     ".ndjson", ".csv")
"""File name endings that :func:`read_articles` reads inside directories."""

_READ_ERRORS = (OSError, ValueError, EOFError, zlib.error)
_BLANK = b" \t\r\n\x00\xef\xbb\xbf\xfe\xff"  # whitespace and BOM bytes of UTF-8/16/32


def _read_file(
    path: Path, *, regular_only: bool = False, html: bool = False, sep: str | None = None
) -> Iterator[Article]:
    name = path.name.lower()
    if name.endswith((".txt", ".md", ".markdown")):
        yield _read_text(path, id=None, fields={}, regular_only=regular_only)
        return
    if name.endswith(HTML_SUFFIXES):
        yield _read_html(path, id=None, fields={}, regular_only=regular_only)
        return
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        yield from _stream_jsonl(path, regular_only=regular_only, html=html)
        return
    try:
        raw = decode_bytes(_read_limited(path, regular_only=regular_only), source=str(path))
    except _READ_ERRORS as exc:
        yield _error_article(str(path), _describe(exc))
        return
    if name.endswith(".json"):
        yield from _read_json(path, raw, html=html)
    elif name.endswith(".csv"):
        yield from _read_csv(path, raw, html=html, sep=sep)
    else:
        yield _text_article(raw, str(path), {}, meta={"path": str(path)})


def _read_stdin(html: bool = False) -> Iterator[Article]:
    """Standard input: JSONL streamed line by line when it starts with ``{``, an HTML page when it
    starts with ``<``, else one plain-text article."""
    chunks = _chunks(sys.stdin.buffer, gz=False)
    head = b""
    first = b""
    for chunk in chunks:
        head += chunk
        first = chunk.lstrip(_BLANK)[:1]
        if first or len(head) > decoding.MAX_INPUT_BYTES:
            break
    stream = _prepend(head, chunks)
    try:
        if first == b"{":
            yield from _read_jsonl(Path("<stdin>"), _lines(stream, "<stdin>"), html=html)
            return
        data = _gather(stream, decoding.MAX_INPUT_BYTES, "<stdin>", "standard input")
        if first == b"<":
            yield html_article(decode_html(data, source="<stdin>"), "<stdin>", {}, meta={})
            return
        raw = decode_bytes(data, source="<stdin>")
    except _READ_ERRORS as exc:
        yield _error_article("<stdin>", _describe(exc))
        return
    yield _text_article(raw, "<stdin>", {}, meta={})


def _inside(target: str, root: str) -> bool:
    try:
        return os.path.commonpath([target, root]) == root
    except ValueError:  # different drives
        return False


def _walk(root: Path) -> Iterator[Path | Article]:
    """Readable files under ``root`` (sorted, depth first), or error rows for what cannot be read.

    Symlinked directories are not followed (no loops); a symlinked file is
    read only when its target is inside ``root``; FIFOs, sockets and
    devices, and directories that cannot be listed, are error rows.
    """
    real_root = os.path.realpath(root)
    skipped: Counter[str] = Counter()
    try:
        yield from _walk_counting(root, real_root, skipped)
    finally:
        _report_skipped(root, skipped)


def _report_skipped(root: Path, skipped: Counter[str]) -> None:
    """One warning naming what a directory held that is not read, by kind."""
    if not skipped:
        return
    hidden = skipped.pop("hidden", 0)
    parts = []
    n = sum(skipped.values())
    if n:
        kinds = ", ".join(f"{k}: {v}" for k, v in sorted(skipped.items(), key=lambda kv: (-kv[1], kv[0])))
        parts.append(f"{n} file{'s' if n != 1 else ''} of unknown type ({kinds})")
    if hidden:
        parts.append(f"{hidden} hidden file{'s' if hidden != 1 else ''} (name starting with '.')")
    logger.warning("%s: skipped %s; readable: %s.", root, " and ".join(parts),
                   " ".join(READABLE_SUFFIXES))


def _suffix(name: str) -> str:
    suffix = Path(name.lower()).suffix
    return suffix if suffix and len(suffix) <= 12 else "no extension"


def _walk_counting(root: Path, real_root: str, skipped: Counter[str]) -> Iterator[Path | Article]:
    stack = [str(root)]
    while stack:
        directory = stack.pop()
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield _error_article(directory, f"cannot read directory {directory}: {exc.strerror or exc}")
            continue
        subdirs: list[str] = []
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    subdirs.append(entry.path)
                    continue
                if entry.name.startswith("."):
                    skipped["hidden"] += 1
                    continue
                if not entry.name.lower().endswith(READABLE_SUFFIXES):
                    skipped[_suffix(entry.name)] += 1
                    continue
                item = _entry_item(entry, root, real_root)
            except OSError as exc:
                item = _error_article(entry.path, _describe(exc))
            if item is not None:
                yield item
        stack.extend(reversed(subdirs))


def _entry_item(entry: os.DirEntry[str], root: Path, real_root: str) -> Path | Article | None:
    path = Path(entry.path)
    if entry.is_symlink():
        if entry.is_dir():
            logger.info("%s: a symbolic link to a directory; not followed.", path)
            return None
        target = os.path.realpath(path)
        if not _inside(target, real_root):
            return _error_article(
                str(path), f"{path}: a symbolic link to {target}, outside the input directory "
                f"{root}; not read.")
        return path
    mode = entry.stat(follow_symlinks=False).st_mode
    if file_kind(mode) != "a regular file":
        return _error_article(str(path), f"{path}: {file_kind(mode)}, not a regular file; not read.")
    return path


def read_articles(
    *paths: str | Path, html: bool = False, sep: str | None = None
) -> Iterator[Article]:
    """Read articles from files, directories (recursively) or ``"-"`` (standard input).

    Formats by file name: ``.txt``/``.md`` (one cleaned article),
    ``.html``/``.htm``/``.xhtml`` (one article, its main text and metadata
    extracted: :mod:`framing.readers.html`), ``.json`` (an object or a list
    of objects), ``.jsonl``/``.jsonl.gz`` (one record a line), ``.csv`` (one
    record a row; the delimiter, one of ``, ; tab |``, is the one the header
    line holds most, unless ``sep`` names it). Records carry their text in
    the first of the fields ``text``, ``content``, ``body``,
    ``content_original``, ``article``, ``story`` and optionally ``id``,
    ``outlet`` (or ``source``, ``publisher``, ``media``, ``site``),
    ``title``, ``date``, ``url``, ``language``; other fields go to ``meta``.
    With ``html=True`` a record's text is an HTML page, extracted as a
    ``.html`` file is. Standard input is read as JSONL when it starts with
    ``{``, as an HTML page when it starts with ``<``, else as one plain-text
    article. An id met again is kept and renamed ``id#2``, ``id#3``, ...
    with one warning (:func:`~framing.readers.ids.unique_ids`). Text is
    UTF-8 (Windows-1252 as a fallback), or UTF-16/UTF-32 with a byte-order
    mark; lines may end in LF, CRLF or CR.

    Limits (:data:`~framing.readers.decoding.MAX_INPUT_BYTES`, 200 MB): a
    file read whole (``.txt``, ``.md``, ``.json``, ``.csv``, any ``.gz``
    counted after decompression) and plain-text standard input; each line of
    a JSONL file or stream (which may be of any length). Past a limit the
    input is an error row saying which limit, and is never held in memory.

    In directories, only regular files whose names end in
    :data:`READABLE_SUFFIXES` are read; the others, and hidden files, are
    counted by kind in one warning (``skipped 3 files of unknown type
    (.docx: 2, .png: 1)``). Symlinked directories are not
    followed; a symlinked file is read only when its target is inside the
    directory. A FIFO, socket or device, a link leading outside, and a file
    or subdirectory that cannot be read are error rows (never a hang, never
    silently dropped).

    Raises
    ------
    FileNotFoundError
        For a path that does not exist (a usage mistake).
    ValueError
        For a ``sep`` that is not one character.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.jsonl").write_text('{"id": "x1", "text": "They said no.", "outlet": "Wire"}\\n')
    >>> [(a.id, a.outlet, a.text) for a in read_articles(d)]
    [('x1', 'Wire', 'They said no.')]
    """
    check_sep(sep)
    yield from unique_ids(_read_paths(paths, html=html, sep=sep))


def _read_paths(paths: tuple[str | Path, ...], *, html: bool, sep: str | None) -> Iterator[Article]:
    for p in paths:
        if str(p) == "-":
            yield from _read_stdin(html=html)
            continue
        path = Path(p)
        if path.is_dir():
            for item in _walk(path):
                if isinstance(item, Article):
                    yield item
                else:
                    yield from _read_file(item, regular_only=True, html=html, sep=sep)
        elif path.exists():
            yield from _read_file(path, html=html, sep=sep)
        else:
            raise FileNotFoundError(f"No such file or directory: {str(p)!r}.")
