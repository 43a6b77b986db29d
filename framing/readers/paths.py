"""Reading files, directories and standard input into articles (:func:`read_articles`)."""

from __future__ import annotations

import gzip
import itertools
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from .article import Article, _error_article
from .decoding import _decoded_lines, _describe, _read_bytes, decode_bytes
from .plain import _text_article, read_text_file
from .records import _read_csv, _read_json, _read_jsonl, _stream_jsonl

__all__ = ["READABLE_SUFFIXES", "read_articles"]


READABLE_SUFFIXES = (".txt", ".md", ".markdown", ".json", ".jsonl", ".jsonl.gz", ".ndjson", ".csv")
"""File name endings that :func:`read_articles` reads inside directories."""


def _read_file(path: Path) -> Iterator[Article]:
    name = path.name.lower()
    if name.endswith((".txt", ".md", ".markdown")):
        yield read_text_file(path)
        return
    if name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
        yield from _stream_jsonl(path)
        return
    try:
        raw = decode_bytes(_read_bytes(path), source=str(path))
    except (OSError, ValueError, EOFError, gzip.BadGzipFile) as exc:
        yield _error_article(str(path), _describe(exc))
        return
    if name.endswith(".json"):
        yield from _read_json(path, raw)
    elif name.endswith(".csv"):
        yield from _read_csv(path, raw)
    else:
        yield _text_article(raw, str(path), {}, meta={"path": str(path)})


def _read_stdin() -> Iterator[Article]:
    """Standard input: JSONL streamed line by line when it starts with ``{``, else one article."""
    stream = sys.stdin.buffer
    head: list[bytes] = []
    for line in stream:
        head.append(line)
        if line.strip():
            break
    if b"".join(head).lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        yield from _read_jsonl(Path("<stdin>"), _decoded_lines(itertools.chain(head, stream), "<stdin>"))
        return
    try:
        raw = decode_bytes(b"".join(head) + stream.read(), source="<stdin>")
    except ValueError as exc:
        yield _error_article("<stdin>", str(exc))
        return
    yield _text_article(raw, "<stdin>", {}, meta={})


def _walk(root: Path) -> Iterator[Path]:
    """Readable files under ``root``, sorted, not following symlinked directories."""
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=None):
        dirnames.sort()
        for fname in sorted(filenames):
            if fname.lower().endswith(READABLE_SUFFIXES) and not fname.startswith("."):
                yield Path(dirpath) / fname


def read_articles(*paths: str | Path) -> Iterator[Article]:
    """Read articles from files, directories (recursively) or ``"-"`` (standard input).

    Formats by file name: ``.txt``/``.md`` (one cleaned article), ``.json``
    (an object or a list of objects), ``.jsonl``/``.jsonl.gz`` (one record a
    line), ``.csv`` (one record a row, delimiter sniffed). Records carry
    ``text`` (or ``content``, ``body``, ``content_original``) and optionally
    ``id``, ``outlet`` (or ``source``, ``publisher``), ``title``, ``date``,
    ``url``; other fields go to ``meta``. Standard input is read as JSONL
    when it starts with ``{``, else as one plain-text article.

    Raises
    ------
    FileNotFoundError
        For a path that does not exist (a usage mistake).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.jsonl").write_text('{"id": "x1", "text": "They said no.", "outlet": "Wire"}\\n')
    >>> [(a.id, a.outlet, a.text) for a in read_articles(d)]
    [('x1', 'Wire', 'They said no.')]
    """
    for p in paths:
        if str(p) == "-":
            yield from _read_stdin()
            continue
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                yield from _read_file(f)
        elif path.exists():
            yield from _read_file(path)
        else:
            raise FileNotFoundError(f"No such file or directory: {str(p)!r}.")
