"""What the importers share: the ``on_error`` policy, line reading, entry parsing and names."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from ...exceptions import LexiconFormatError
from ..io import _not_utf8
from ..model import Entry

__all__ = ["OnError"]

OnError = Literal["raise", "warn"]
"""What to do with an entry line that cannot be parsed: raise, or warn and skip it."""

_NAME_CHARS = re.compile(r"[^0-9A-Za-z_]+")


def _lexicon_name(path: Path, name: str | None) -> str:
    if name is not None:
        return name
    cleaned = _NAME_CHARS.sub("_", path.stem).strip("_")
    return cleaned or "imported"


def _check_on_error(on_error: str) -> None:
    if on_error not in ("raise", "warn"):
        raise ValueError(
            f"The 'on_error' parameter must be 'raise' or 'warn'. Got {on_error!r} instead."
        )


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines of a UTF-8 text file (BOM tolerated), with a clear error if it is not text."""
    if not path.is_file():
        raise FileNotFoundError(f"No lexicon file at {path}.")
    try:
        with path.open(encoding="utf-8-sig") as fh:
            for lineno, line in enumerate(fh, start=1):
                yield lineno, line.rstrip("\r\n")
    except UnicodeDecodeError:
        raise _not_utf8(path) from None


def _bad_line(message: str, on_error: OnError) -> None:
    if on_error == "raise":
        raise LexiconFormatError(message)
    warnings.warn(message + " Skipped.", UserWarning, stacklevel=3)


def _parse_entry(
    term: str, category: str, weight: float, where: str, on_error: OnError, **extra: str
) -> Entry | None:
    try:
        return Entry.parse(term, category, weight, extra, where=where)
    except LexiconFormatError as exc:
        _bad_line(str(exc), on_error)
        return None
