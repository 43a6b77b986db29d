"""The exception classes of framing, in one place.

Each subclasses the built-in exception a caller would catch anyway, so
``except ValueError`` still works (as scikit-learn's exceptions do).

Examples
--------
>>> from framing.exceptions import LexiconFormatError
>>> issubclass(LexiconFormatError, ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "ChecksumError",
    "DatasetNotFoundError",
    "LexiconFormatError",
    "UntrustedModelError",
]


class LexiconFormatError(ValueError):
    """A lexicon file or entry is malformed; the message names file, line and value."""


class UntrustedModelError(ValueError):
    """A model file holds types that are not on the trusted list, or is not a framing model."""


class DatasetNotFoundError(FileNotFoundError):
    """A corpus is not in ``data_home`` (and was not, or could not be, downloaded)."""


class ChecksumError(OSError):
    """A downloaded file does not have the SHA-256 digest it should have."""
