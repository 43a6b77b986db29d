"""Bytes to text: the size limit, byte-order marks, UTF-8 with a Windows-1252 fallback, error wording.

Every reader keeps to one limit, :data:`MAX_INPUT_BYTES` (200 MB): a file
or standard input read whole (counted after decompression for ``.gz``
files), and each line of a JSONL stream or record of a CSV file. The limit
is checked while reading, so an oversized input never sits in memory; it is
reported as an error row saying which limit it broke.
"""

from __future__ import annotations

import codecs
import logging
import zlib

__all__ = ["MAX_INPUT_BYTES", "decode_bytes"]

logger = logging.getLogger(__name__)

MAX_INPUT_BYTES = 200 * 1024 * 1024
"""The input size limit, in bytes (200 MB): files, decompressed data, standard input, lines, records."""

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _limit_text(limit: int) -> str:
    """``"200 MB"`` for the default limit, ``"4096-byte"`` for one that is not whole megabytes."""
    mb = 1024 * 1024
    return f"{limit // mb} MB" if limit % mb == 0 else f"{limit}-byte"


def _over_limit(what: str, limit: int) -> str:
    """The wording of a broken limit, e.g. ``"record over the 200 MB limit"``."""
    return f"{what} over the {_limit_text(limit)} limit"


def _bom_encoding(head: bytes) -> str | None:
    """``"utf-32"`` or ``"utf-16"`` when ``head`` starts with their byte-order mark, else None."""
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return encoding
    return None


def decode_bytes(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode file contents: UTF-32 or UTF-16 by byte-order mark, else UTF-8, else Windows-1252.

    UTF-8 may carry a BOM; text that is not valid UTF-8 is decoded as
    Windows-1252 with a warning. Data without a UTF-16/32 BOM that holds a
    NUL byte anywhere is refused as binary.

    Raises
    ------
    ValueError
        For data that looks binary (NUL bytes), or UTF-16/32 data that does
        not decode, naming ``source``.

    Examples
    --------
    >>> decode_bytes("caf\\u00e9".encode("utf-8-sig"))
    'café'
    >>> decode_bytes("caf\\u00e9".encode("cp1252"))
    'café'
    >>> decode_bytes("caf\\u00e9".encode("utf-32"))
    'café'
    >>> decode_bytes(b"text" * 3000 + b"\\x00", source="a.txt")
    Traceback (most recent call last):
    ...
    ValueError: a.txt: looks like a binary file (NUL bytes), not text.
    """
    encoding = _bom_encoding(data[:4])
    if encoding is not None:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise ValueError(_undecodable(source, encoding, exc)) from None
    if b"\x00" in data:
        raise ValueError(f"{source}: looks like a binary file (NUL bytes), not text.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        logger.warning(
            "%s: not valid UTF-8 (byte %d); decoded as Windows-1252 instead.", source, exc.start
        )
        return data.decode("cp1252", errors="replace")


def _undecodable(source: str, encoding: str, exc: UnicodeDecodeError) -> str:
    return f"{source}: not valid {encoding.upper()} text ({exc.reason} at byte {exc.start})."


def _describe(exc: BaseException) -> str:
    """An error row's message for an exception met while reading."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"cannot read {exc.filename}: {exc.strerror}"
    if isinstance(exc, (OSError, EOFError, zlib.error)):
        return f"damaged compressed data ({exc})"
    return str(exc)


class _LineDecoder:
    """Decode the lines of a UTF-8 stream one at a time (BOM dropped, else Windows-1252, warned once)."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.first = True
        self.warned = False

    def __call__(self, raw: bytes, lineno: int) -> str:
        if self.first:
            self.first = False
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[3:]
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            if not self.warned:
                logger.warning(
                    "%s: line %d is not valid UTF-8; decoded as Windows-1252.", self.source, lineno
                )
                self.warned = True
            return raw.decode("cp1252", errors="replace")
