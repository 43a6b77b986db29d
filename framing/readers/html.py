"""HTML news pages: the article's main text and metadata, extracted with trafilatura.

trafilatura (Barbaresi 2021, "Trafilatura: A Web Scraping Library and
Command-Line Tool for Text Discovery and Extraction", ACL demos) keeps the
article body and drops navigation, scripts, styles, asides, footers and
reader comments; it reads the title, author, date, canonical URL and site
name from the page's metadata (``<title>``, OpenGraph, JSON-LD, ``<meta>``).
Character entities (``&quot;``) are decoded. The extracted text, paragraphs
separated by a blank line, becomes :attr:`Article.text`, so every offset
points into the text the row carries. A headline repeated as the first
paragraph is dropped (it is the title, not the body).

Bytes are decoded by byte-order mark, else by the ``<meta charset>`` (or
``http-equiv`` content type) in the first 2,048 bytes, else as UTF-8 with a
Windows-1252 fallback. A page with no article text is an error row.
"""

from __future__ import annotations

import codecs
import logging
import re
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from . import decoding
from .article import Article, _error_article
from .decoding import _bom_encoding, _describe, decode_bytes
from .streams import _read_limited

__all__ = ["HTML_SUFFIXES", "decode_html", "extract_html", "read_html_file"]

logger = logging.getLogger(__name__)

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
"""File name endings read as HTML pages."""

_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_NO_TEXT = "no article text found in the HTML page"
# the date from the page's markup only: no guess from a copyright line or a link
_DATE_PARAMS = {"extensive_search": False, "original_date": True}


def decode_html(data: bytes, *, source: str = "<bytes>") -> str:
    """Decode an HTML page: byte-order mark, else ``<meta charset>``, else UTF-8 (Windows-1252 fallback).

    Raises
    ------
    ValueError
        For data that looks binary (NUL bytes) or does not decode, naming ``source``.

    Examples
    --------
    >>> page = '<meta charset="iso-8859-1"><p>Gr\\u00fc\\u00dfe</p>'.encode("latin-1")
    >>> decode_html(page)
    '<meta charset="iso-8859-1"><p>Grüße</p>'
    """
    if _bom_encoding(data[:4]) is None:
        found = _META_CHARSET.search(data[:2048])
        if found is not None:
            name = found.group(1).decode("ascii")
            try:
                encoding = codecs.lookup(name).name
            except LookupError:
                logger.warning("%s: unknown charset %r in the page; decoded as UTF-8.", source, name)
            else:
                if b"\x00" in data and not encoding.startswith("utf-16"):
                    raise ValueError(f"{source}: looks like a binary file (NUL bytes), not text.")
                if encoding != "utf-8":
                    return _decode_declared(data, encoding, source)
    return decode_bytes(data, source=source)


def _decode_declared(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        logger.warning("%s: not valid %s (byte %d) as its <meta charset> says; undecodable bytes "
                       "replaced.", source, encoding, exc.start)
        return data.decode(encoding, errors="replace")


@lru_cache(maxsize=1)
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_FILE_SIZE", str(decoding.MAX_INPUT_BYTES))
    return config


def extract_html(page: str) -> tuple[str, dict[str, str]]:
    """The main text of an HTML page and its metadata.

    Returns
    -------
    text : str
        The article body, paragraphs separated by a blank line; ``""`` when
        the page has no article text (no paragraph that is a sentence of
        four words or more, or twenty words long: only menus, link lists or
        a headline).
    fields : dict
        Those found of ``title``, ``author``, ``date`` (ISO 8601), ``url``
        and ``sitename``.

    Examples
    --------
    >>> page = ('<html><head><title>Vote held</title><meta name="author" content="Jane Doe">'
    ...         '</head><body><nav><a href="/">Radical news</a></nav><article><h1>Vote held</h1>'
    ...         '<p>&quot;It failed,&quot; officials said on Monday after the vote in the city.</p>'
    ...         '</article><footer>Copyright</footer></body></html>')
    >>> extract_html(page)
    ('"It failed," officials said on Monday after the vote in the city.', {'title': 'Vote held', 'author': 'Jane Doe'})
    """
    from trafilatura import bare_extraction

    doc: Any = bare_extraction(_without_huge_raw_text(page), with_metadata=True, include_comments=False, favor_precision=True,
                               include_images=False, config=_config(),
                               date_extraction_params=_DATE_PARAMS)
    if doc is None:
        return "", {}
    fields = {k: str(v).strip() for k in ("title", "author", "date", "url", "sitename")
              if (v := getattr(doc, k, None)) and str(v).strip()}
    lines = [ln.strip() for ln in (doc.text or "").split("\n")]
    lines = [ln for ln in lines if ln]
    title = fields.get("title")
    if lines and title and _same(lines[0], title):
        lines = lines[1:]
    if not any(_is_prose(ln) for ln in lines):  # menus, link lists, a headline alone
        return "", fields
    return "\n\n".join(lines), fields


_RAW_TEXT = re.compile(r"(<(script|style)\b[^>]*>)(.*?)(</\2\s*>)", re.IGNORECASE | re.DOTALL)
_MAX_RAW_TEXT = 1_000_000


def _without_huge_raw_text(page: str) -> str:
    """The page with the content of scripts and styles over 1 MB emptied (never article text).

    libxml2 stops at a text node of 10 MB and drops the rest of the page, so
    one inline data blob (a framework's page state, a base64 font) before
    the article would otherwise lose the whole article.
    """
    if len(page) <= _MAX_RAW_TEXT:
        return page
    return _RAW_TEXT.sub(lambda m: m.group(1) + m.group(4) if len(m.group(3)) > _MAX_RAW_TEXT else m.group(0),
                         page)


_TERMINAL = (".", "!", "?", '"', "'", "\u201d", "\u2019", "\u2026", ")")


def _is_prose(line: str) -> bool:
    """A paragraph of body text: a sentence of four or more words, or twenty words of any kind."""
    n_words = len(line.split())
    return n_words >= 20 or (n_words >= 4 and line.endswith(_TERMINAL))


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def html_article(page: str, art_id: str, fields: dict[str, Any], meta: dict[str, Any]) -> Article:
    """An article from an HTML page: extracted text; the page's metadata where ``fields`` has none.

    ``sitename`` becomes the outlet and ``author`` goes to ``meta``. A page
    without article text is an article with ``error`` set.
    """
    fields = {k: v for k, v in fields.items() if v is not None}
    try:
        text, found = extract_html(page)
    except Exception as exc:  # a malformed page must not stop a corpus run
        return _error_article(art_id, f"{art_id}: the HTML page could not be parsed "
                              f"({type(exc).__name__}: {exc})", **fields)
    for key, field in (("title", "title"), ("date", "date"), ("url", "url"), ("sitename", "outlet")):
        if key in found:
            fields.setdefault(field, found[key])
    if "author" in found:
        meta = {**meta, "author": found["author"]}
    if not text.strip():
        return _error_article(art_id, f"{art_id}: {_NO_TEXT} (no paragraphs of body text)",
                              meta=meta, **fields)
    return Article(id=art_id, text=text, meta=meta, **fields)


def read_html_file(path: str | Path, *, id: str | None = None, **fields: Any) -> Article:
    """Read a saved HTML page as one article (see :func:`extract_html`).

    An empty, binary, oversized (see :data:`~framing.readers.decoding.MAX_INPUT_BYTES`)
    or unreadable file, and a page with no article text, give an article
    with ``error`` set.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.html"
    >>> _ = p.write_text("<html><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav></body></html>")
    >>> read_html_file(p).error
    '...a.html: no article text found in the HTML page (no paragraphs of body text)'
    """
    return _read_html(Path(path), id=id, fields=fields, regular_only=False)


def _read_html(path: Path, *, id: str | None, fields: dict[str, Any], regular_only: bool) -> Article:
    art_id = id if id is not None else str(path)
    try:
        page = decode_html(_read_limited(path, regular_only=regular_only), source=str(path))
    except (OSError, ValueError, EOFError, zlib.error) as exc:
        return _error_article(art_id, _describe(exc), **fields)
    return html_article(page, art_id, fields, meta={"path": str(path)})
