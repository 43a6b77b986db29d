"""File bytes to text: size limit, gzip, UTF-8 with a Windows-1252 fallback, error wording."""

from __future__ import annotations

import gzip
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

__all__ = ["decode_bytes"]

logger = logging.getLogger(__name__)

_MAX_FILE_BYTES = 200 * 1024 * 1024


def decode_bytes(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode file contents: UTF-8 (with or without BOM), else Windows-1252 with a warning.

    Raises
    ------
    ValueError
        For data that looks binary (NUL bytes), naming ``source``.

    Examples
    --------
    >>> decode_bytes("caf\\u00e9".encode("utf-8-sig"))
    'café'
    >>> decode_bytes("caf\\u00e9".encode("cp1252"))
    'café'
    """
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ValueError(f"{source}: looks like a binary file (NUL bytes), not text.")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        logger.warning(
            "%s: not valid UTF-8 (byte %d); decoded as Windows-1252 instead.", source, exc.start
        )
        return data.decode("cp1252", errors="replace")


def _read_bytes(path: Path) -> bytes:
    size = path.stat().st_size
    if size > _MAX_FILE_BYTES:
        raise ValueError(f"{path}: file of {size} bytes is larger than the {_MAX_FILE_BYTES}-byte limit")
    data = path.read_bytes()
    if path.name.endswith(".gz"):
        data = gzip.decompress(data)
    return data


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read {exc.filename}: {exc.strerror}"
    return str(exc)


def _decoded_lines(lines: Iterable[bytes], source: str) -> Iterator[str]:
    """Decode a stream of lines one at a time (UTF-8, BOM dropped, else Windows-1252)."""
    warned = False
    for i, raw in enumerate(lines):
        if i == 0 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            if not warned:
                logger.warning("%s: line %d is not valid UTF-8; decoded as Windows-1252.", source, i + 1)
                warned = True
            yield raw.decode("cp1252", errors="replace")
