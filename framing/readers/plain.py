"""Plain-text and Markdown articles, the only input that is cleaned.

Cleaning removes a title line, byline and date lines, a trailing contact or
boilerplate footer, and joins paragraph breaks that fall mid-sentence.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path
from typing import Any

from .article import Article, _error_article
from .decoding import _describe, decode_bytes
from .streams import _read_limited

__all__ = ["clean_plain_text", "read_text_file", "repair_page_breaks"]


_TERMINAL = ".!?:;\"'\u201d\u2019)]\u2026"
_PARA_SPLIT = re.compile(r"\n[ \t]*\n\s*")
_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE_LINE = re.compile(
    rf"""^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:
        \d{{1,2}}\s+{_MONTHS},?\s+\d{{4}}
      | {_MONTHS}\s+\d{{1,2}},?\s+\d{{4}}
      | \d{{4}}-\d{{2}}-\d{{2}}
      | \d{{1,2}}/\d{{1,2}}/\d{{2,4}}
    )(?:[\s,]+\d{{1,2}}:\d{{2}}.*)?\s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^\s*(?:By\s+)?[A-Z][\w.'\u2019-]*(?:\s+(?:[A-Z][\w.'\u2019-]*|and|de|van|von|al|bin|&|,))"
    r"{0,6}\s*$"
)
_FOOTER = re.compile(
    r"(?i)^\s*(?:\*\*)?\s*(?:to contact|contact us|follow us|subscribe|sign up|share this|"
    r"all rights reserved|copyright|\u00a9|\(c\)\s*\d{4}|read more|related:|advertisement|"
    r"\[?[\w.-]+\.(?:org|com|net)/\S*|https?://\S+$)"
)
_MD_LINK = re.compile(r"\*{0,2}\[([^\]]*)\]\([^)]*\)\*{0,2}")


def repair_page_breaks(text: str) -> str:
    """Join paragraph breaks that fall in the middle of a sentence.

    A break is joined (with one space) when the paragraph before it has no
    terminal punctuation and the next paragraph starts in lower case, as
    happens in text extracted from PDFs and web pages.

    Examples
    --------
    >>> repair_page_breaks("It holds the\\n\\nterritory it took.\\n\\nNext one.")
    'It holds the territory it took.\\n\\nNext one.'
    """
    paragraphs = _PARA_SPLIT.split(text)
    out: list[str] = []
    for para in paragraphs:
        if out and out[-1] and para[:1].islower() and out[-1].rstrip()[-1:] not in _TERMINAL:
            out[-1] = out[-1].rstrip() + " " + para
        else:
            out.append(para)
    return "\n\n".join(out)


def clean_plain_text(raw: str) -> tuple[str, dict[str, str]]:
    """Clean a plain-text or Markdown article.

    Removes a leading Markdown title line (``# Title``), byline and date lines
    under it, and a trailing contact or boilerplate footer; repairs
    mid-sentence paragraph breaks; strips trailing spaces on lines.

    Returns
    -------
    text : str
        The cleaned body.
    fields : dict
        ``title``, ``byline`` and ``date`` when found.

    Examples
    --------
    >>> raw = "# Troops return\\n\\nJane Doe\\n4 July 2014\\n\\nThey said no.\\n\\nTo contact us visit:\\n"
    >>> clean_plain_text(raw)
    ('They said no.', {'title': 'Troops return', 'byline': 'Jane Doe', 'date': '4 July 2014'})
    """
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    lines = [ln.rstrip() for ln in text.split("\n")]
    fields: dict[str, str] = {}
    i = 0
    while i < len(lines) and not lines[i].strip():
        i += 1
    if i < len(lines) and re.match(r"^#{1,3}\s+\S", lines[i]):
        fields["title"] = lines[i].lstrip("#").strip()
        i += 1
        # header block: short lines (byline, date) before the first paragraph
        while i < len(lines):
            line = lines[i].strip()
            if not line:
                i += 1
                continue
            if _DATE_LINE.match(line) and "date" not in fields:
                fields["date"] = line
            elif _BYLINE.match(line) and len(line) <= 60 and "byline" not in fields:
                fields["byline"] = re.sub(r"^By\s+", "", line)
            else:
                break
            i += 1
    body = "\n".join(lines[i:]).strip("\n")
    paragraphs = _PARA_SPLIT.split(body)
    while paragraphs and (not paragraphs[-1].strip() or _is_footer(paragraphs[-1])):
        paragraphs.pop()
    body = repair_page_breaks("\n\n".join(paragraphs)).strip()
    return body, fields


def _is_footer(paragraph: str) -> bool:
    para = paragraph.strip()
    if len(para) > 200:
        return False
    first = para.splitlines()[0] if para else ""
    return bool(_FOOTER.match(first)) or (bool(para) and not _MD_LINK.sub("", para).strip("* \n"))


def read_text_file(path: str | Path, *, id: str | None = None, **fields: Any) -> Article:
    """Read a ``.txt`` or ``.md`` article, cleaned by :func:`clean_plain_text`.

    An empty, binary, oversized (see :data:`~framing.readers.decoding.MAX_INPUT_BYTES`)
    or unreadable file gives an article with ``error`` set. A name ending in
    ``.gz`` is decompressed, within the same limit.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = p.write_bytes("Officials said no.".encode("utf-16"))
    >>> read_text_file(p).text
    'Officials said no.'
    """
    return _read_text(Path(path), id=id, fields=fields, regular_only=False)


def _read_text(path: Path, *, id: str | None, fields: dict[str, Any], regular_only: bool) -> Article:
    art_id = id if id is not None else str(path)
    try:
        raw = decode_bytes(_read_limited(path, regular_only=regular_only), source=str(path))
    except (OSError, ValueError, EOFError, zlib.error) as exc:
        return _error_article(art_id, _describe(exc), **fields)
    return _text_article(raw, art_id, fields, meta={"path": str(path)})


def _text_article(
    raw: str, art_id: str, fields: dict[str, Any], meta: dict[str, Any]
) -> Article:
    text, found = clean_plain_text(raw)
    if not text.strip():
        return _error_article(art_id, "empty text: nothing to analyze", **fields)
    if "byline" in found:
        meta["byline"] = found["byline"]
    return Article(
        id=art_id,
        text=text,
        title=fields.pop("title", found.get("title")),
        date=fields.pop("date", found.get("date")),
        meta=meta,
        **fields,
    )
