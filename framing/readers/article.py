"""The :class:`Article` record: a text and what is known about it.

An article that could not be read carries ``error`` (and empty text); see
:mod:`framing.readers` for the reading contract.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Article", "content_id"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Article:
    """A news article: its text and what is known about it.

    ``error`` is set (and ``text`` empty) when the input could not be read;
    such an article still yields a row in every output. ``language`` is an
    ISO 639 code when known (a record's ``language`` field); left None, the
    analyzer identifies it (:func:`~framing.readers.identify_language`). ``id`` and ``text``
    must be strings: text that is missing is an article with ``error`` set
    and ``text=""``, as the readers make it.

    Raises
    ------
    TypeError
        When ``id`` or ``text`` is not a str (e.g. ``text=None``).

    Examples
    --------
    >>> a = Article.from_text("Officials said the plan failed.", outlet="Wire")
    >>> a.id, a.outlet
    ('sha1:47516c8270ba2fe3', 'Wire')
    >>> Article(id="a", text=None)
    Traceback (most recent call last):
    ...
    TypeError: Article text must be a str. Got NoneType instead; for missing text use text="" with error set.
    """

    id: str
    text: str
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    error: str | None = None
    language: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError(
                f"Article text must be a str. Got {type(self.text).__name__} instead; "
                'for missing text use text="" with error set.'
            )
        if not isinstance(self.id, str):
            raise TypeError(f"Article id must be a str. Got {type(self.id).__name__} instead.")

    @classmethod
    def from_text(cls, text: str, *, id: str | None = None, **fields: Any) -> Article:
        """An article from a string, kept exactly as given (id: content hash)."""
        if not isinstance(text, str):
            raise TypeError(f"Article text must be a str. Got {type(text).__name__} instead.")
        return cls(id=id if id is not None else content_id(text), text=text, **fields)


def content_id(text: str) -> str:
    """A stable id for a text: ``"sha1:"`` and 16 hex digits of its SHA-1."""
    return "sha1:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _error_article(id: str, message: str, **fields: Any) -> Article:
    logger.warning("%s", message if id in message else f"{id}: {message}")
    return Article(id=id, text="", error=message, **fields)
