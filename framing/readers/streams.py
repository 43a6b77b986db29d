"""Bounded reading: opening only regular files, gzip, whole reads and line streams under one limit.

Nothing here reads more than the limit (:data:`~framing.readers.decoding.MAX_INPUT_BYTES`)
into memory: whole reads stop one byte past it, and a line that grows past
it is skipped to its end in fixed-size chunks and reported as
:data:`OVERLONG`.
"""

from __future__ import annotations

import codecs
import gzip
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, AnyStr

from . import decoding
from .decoding import _bom_encoding, _LineDecoder, _over_limit

__all__ = ["OVERLONG", "file_kind"]

_CHUNK = 1024 * 1024
_PIECES_TEXT = re.compile(r"[^\r\n]*(?:\r\n?|\n)|[^\r\n]+")


class _Overlong:
    """The marker of a line longer than the limit (its content was skipped, never held)."""

    def __repr__(self) -> str:
        return "OVERLONG"


OVERLONG = _Overlong()
"""Yielded by the line readers in place of a line over the limit."""

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def file_kind(mode: int) -> str:
    """What a file is, from its ``st_mode``: ``"a regular file"``, ``"a FIFO (named pipe)"``, ...

    Examples
    --------
    >>> import os
    >>> file_kind(os.stat(__file__).st_mode)
    'a regular file'
    """
    if stat.S_ISREG(mode):
        return "a regular file"
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def _open(path: Path, *, regular_only: bool) -> IO[bytes]:
    """Open ``path`` for reading bytes; with ``regular_only``, refuse anything but a regular file.

    The check is made on the open file (``fstat``), and the file is opened
    without blocking, so a FIFO put in place of a file cannot hang the run.
    """
    if not regular_only:
        return open(path, "rb")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise ValueError(f"{path}: {file_kind(mode)}, not a regular file; not read.")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _chunks(fh: IO[bytes], gz: bool) -> Iterator[bytes]:
    """The (decompressed) contents of ``fh`` in chunks of at most 1 MiB."""
    read: Callable[[int], bytes] = fh.read
    if gz:  # read1: the data before damage is returned before the error is raised
        read = gzip.GzipFile(fileobj=fh, mode="rb").read1
    while True:
        chunk = read(_CHUNK)
        if not chunk:
            return
        yield chunk


def _is_gz(path: Path) -> bool:
    return path.name.lower().endswith(".gz")


def _read_limited(path: Path, *, regular_only: bool, limit: int | None = None) -> bytes:
    """The whole (decompressed) contents of a file, refused past the limit before it is all read.

    Raises
    ------
    ValueError
        Over the limit (naming it), or not a regular file with ``regular_only``.
    OSError, EOFError, zlib.error
        When the file cannot be read or its gzip data is damaged.
    """
    limit = decoding.MAX_INPUT_BYTES if limit is None else limit
    with _open(path, regular_only=regular_only) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise ValueError(f"{path}: {_over_limit(f'file of {size} bytes', limit)}; not read.")
        return _gather(_chunks(fh, _is_gz(path)), limit, str(path),
                       "decompressed data" if _is_gz(path) else "file")


def _gather(chunks: Iterable[bytes], limit: int, source: str, what: str) -> bytes:
    """Join chunks, raising ValueError as soon as they pass ``limit`` bytes."""
    parts: list[bytes] = []
    total = 0
    for chunk in chunks:
        total += len(chunk)
        if total > limit:
            raise ValueError(f"{source}: {_over_limit(what, limit)}; not read.")
        parts.append(chunk)
    return b"".join(parts)


def _byte_pieces(chunk: bytes) -> list[bytes]:
    return chunk.splitlines(keepends=True)  # bytes split at LF, CRLF and CR only


def _text_pieces(chunk: str) -> list[str]:
    """``str.splitlines(keepends=True)`` for LF, CRLF and CR only (JSON text may hold U+2028)."""
    return _PIECES_TEXT.findall(chunk)


def _split_lines(
    chunks: Iterable[AnyStr], limit: int, pieces: Callable[[AnyStr], list[AnyStr]], lf: AnyStr, cr: AnyStr
) -> Iterator[AnyStr | _Overlong]:
    """Lines of a chunk stream, ending at LF, CRLF or a lone CR, without their line ending.

    ``pieces`` splits a chunk into lines that keep their endings (only the
    last may lack one). A line longer than ``limit`` (bytes, or characters
    for decoded text) is not kept: the rest of it is read and dropped chunk
    by chunk, and :data:`OVERLONG` is yielded in its place.
    """
    parts: list[AnyStr] = []
    size = 0
    over = False
    skip_lf = False  # the previous chunk ended in CR: a LF starting this one belongs to it
    crlf = cr + lf
    for chunk in chunks:
        if skip_lf and chunk[:1] == lf:
            chunk = chunk[1:]
        skip_lf = False
        for piece in pieces(chunk):
            if piece.endswith(lf) or piece.endswith(cr):
                body = piece[:-2] if piece.endswith(crlf) else piece[:-1]
                if not parts and not over:  # the common case: a whole line in one chunk
                    yield body if len(body) <= limit else OVERLONG
                    continue
                if not over and size + len(body) <= limit:
                    parts.append(body)
                    yield lf[:0].join(parts)
                else:
                    yield OVERLONG
                parts, size, over = [], 0, False
            elif not over:
                if size + len(piece) > limit:
                    over, parts = True, []
                else:
                    parts.append(piece)
                    size += len(piece)
        skip_lf = chunk.endswith(cr)
    if over or parts:
        yield OVERLONG if over else lf[:0].join(parts)


def _lines(chunks: Iterable[bytes], source: str, limit: int | None = None) -> Iterator[str | _Overlong]:
    """Decoded lines of a byte stream: UTF-32/16 by BOM, else UTF-8 line by line (Windows-1252 fallback).

    Raises
    ------
    ValueError
        When UTF-16/32 text does not decode (after the lines before it).
    """
    limit = decoding.MAX_INPUT_BYTES if limit is None else limit
    it = iter(chunks)
    head = b""
    for chunk in it:
        head += chunk
        if len(head) >= 4:
            break
    if not head:
        return
    rest = _prepend(head, it)
    encoding = _bom_encoding(head)
    if encoding is None:
        decode = _LineDecoder(source)
        for lineno, raw in enumerate(_split_lines(rest, limit, _byte_pieces, b"\n", b"\r"), start=1):
            yield raw if isinstance(raw, _Overlong) else decode(raw, lineno)
        return
    unit = 4 if encoding == "utf-32" else 2
    yield from _split_lines(_decoded(rest, encoding, source), max(1, limit // unit), _text_pieces, "\n", "\r")


def _prepend(head: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield head
    yield from rest


def _decoded(chunks: Iterable[bytes], encoding: str, source: str) -> Iterator[str]:
    """Text of a UTF-16/32 byte stream, chunk by chunk; the text before undecodable bytes comes first."""
    decoder = codecs.getincrementaldecoder(encoding)()
    fed = 0
    chunk = b""
    try:
        for chunk in chunks:
            text = decoder.decode(chunk)
            fed += len(chunk)
            if text:
                yield text
        text = decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        good = exc.object[: exc.start]
        if good:
            text = codecs.getincrementaldecoder(exc.encoding)().decode(good, final=True)
            yield text[1:] if fed == 0 and text[:1] == "\ufeff" else text
        at = fed - (len(exc.object) - len(chunk)) + exc.start
        raise ValueError(f"{source}: not valid {encoding.upper()} text ({exc.reason} at byte {at}).") from None
    if text:
        yield text
