"""Articles and the readers that make them.

Only the plain-text/Markdown reader cleans its input (title line, byline and
date lines, a trailing contact or boilerplate footer, paragraph breaks that
fall mid-sentence). Text from JSON, JSONL, CSV records, DataFrame cells and
Python strings is kept exactly as given, so offsets line up with the
caller's own copy.

A file or record that cannot be read becomes an :class:`Article` with
``error`` set (and empty text), never an exception in the middle of a corpus
and never a silently dropped row. Usage mistakes (a path that does not
exist, a DataFrame without the named text column) raise at once.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import itertools
import json
import logging
import math
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "READABLE_SUFFIXES",
    "Article",
    "articles_from_frame",
    "clean_plain_text",
    "content_id",
    "decode_bytes",
    "read_articles",
    "read_text_file",
    "repair_page_breaks",
]

logger = logging.getLogger(__name__)

READABLE_SUFFIXES = (".txt", ".md", ".markdown", ".json", ".jsonl", ".jsonl.gz", ".ndjson", ".csv")
"""File name endings that :func:`read_articles` reads inside directories."""

_TEXT_KEYS = ("text", "content", "body", "content_original", "article", "story")
_OUTLET_KEYS = ("outlet", "source", "publisher", "media", "site")
_MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Article:
    """A news article: its text and what is known about it.

    ``error`` is set (and ``text`` empty) when the input could not be read;
    such an article still yields a row in every output.

    Examples
    --------
    >>> a = Article.from_text("Officials said the plan failed.", outlet="Wire")
    >>> a.id, a.outlet
    ('sha1:47516c8270ba2fe3', 'Wire')
    """

    id: str
    text: str
    outlet: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    meta: Mapping[str, Any] = field(default_factory=dict)
    error: str | None = None

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


# --- plain text and Markdown ------------------------------------------------

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

    An empty, binary or unreadable file gives an article with ``error`` set.
    """
    path = Path(path)
    art_id = id if id is not None else str(path)
    try:
        data = _read_bytes(path)
        raw = decode_bytes(data, source=str(path))
    except (OSError, ValueError) as exc:
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


# --- records ---------------------------------------------------------------


def _clean_value(value: Any) -> Any:
    if value is None or type(value).__name__ in ("NAType", "NaTType"):  # pandas missing values
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _record_article(record: Any, default_id: str, source: str) -> Article:
    """An article from one JSON/CSV record (the text is kept exactly)."""
    if not isinstance(record, Mapping):
        return _error_article(
            default_id, f"{source}: expected a JSON object with a 'text' field. Got {type(record).__name__}."
        )
    rec = {str(k): _clean_value(v) for k, v in record.items()}
    raw_id = rec.pop("id", None)
    if raw_id is None:
        raw_id = rec.pop("ID", None)
    art_id = str(raw_id) if raw_id is not None else default_id
    text_key = next((k for k in _TEXT_KEYS if k in rec), None)
    outlet_key = next((k for k in _OUTLET_KEYS if rec.get(k) is not None), None)
    fields = {
        "outlet": _as_str(rec.pop(outlet_key)) if outlet_key else None,
        "title": _as_str(rec.pop("title", None)),
        "date": _as_str(rec.pop("date", None)),
        "url": _as_str(rec.pop("url", None)),
    }
    if text_key is None:
        return _error_article(
            art_id, f"{source}: no text field (expected one of {', '.join(_TEXT_KEYS)}).", **fields
        )
    text = rec.pop(text_key)
    if not isinstance(text, str):
        got = "missing" if text is None else type(text).__name__
        return _error_article(art_id, f"{source}: text must be a string. Got {got}.", **fields)
    if not text.strip():
        return Article(id=art_id, text=text, error="empty text: nothing to analyze",
                       meta=rec, **fields)
    return Article(id=art_id, text=text, meta=rec, **fields)


def _as_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _read_jsonl(path: Path, lines: Iterable[str]) -> Iterator[Article]:
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        source = f"{path}: line {lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _error_article(where, f"{source}: invalid JSON ({exc.msg} at column {exc.colno}).")
            continue
        yield _record_article(record, where, source)


def _read_json(path: Path, raw: str) -> Iterator[Article]:
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        yield _error_article(str(path), f"{path}: line {exc.lineno}: invalid JSON ({exc.msg}).")
        return
    if isinstance(data, Mapping) and not any(k in data for k in _TEXT_KEYS):
        inner = next((v for v in data.values() if isinstance(v, list)), None)
        if inner is not None:
            data = inner
    if isinstance(data, list):
        for i, record in enumerate(data):
            yield _record_article(record, f"{path}:{i}", f"{path}: record {i}")
    else:
        yield _record_article(data, str(path), str(path))


def _read_csv(path: Path, raw: str) -> Iterator[Article]:
    sample = raw[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    reader = csv.DictReader(io.StringIO(raw, newline=""), dialect=dialect)
    if reader.fieldnames is None or not any(k in reader.fieldnames for k in _TEXT_KEYS):
        got = ", ".join(reader.fieldnames or [])
        yield _error_article(
            str(path), f"{path}: no text column (expected one of {', '.join(_TEXT_KEYS)}). Got: {got}."
        )
        return
    try:
        for i, row in enumerate(reader, start=2):
            where = f"{path}:{i}"
            yield _record_article({k: v for k, v in row.items() if k is not None}, where, where)
    except csv.Error as exc:
        yield _error_article(f"{path}:{reader.line_num}", f"{path}: line {reader.line_num}: {exc}")


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


def _stream_jsonl(path: Path) -> Iterator[Article]:
    """JSONL records read line by line, so a file of any size streams in flat memory."""
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as fh:
            yield from _read_jsonl(path, _decoded_lines(fh, str(path)))
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
        yield _error_article(f"{path}", _describe(exc))


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


def articles_from_frame(
    frame: pd.DataFrame,
    *,
    text: str = "text",
    id: str | None = None,
    outlet: str | None = "outlet",
    title: str | None = "title",
    date: str | None = "date",
    url: str | None = "url",
) -> Iterator[Article]:
    """Articles from a pandas DataFrame, one per row, in row order.

    The id comes from the ``id`` column when given, else from the index.
    Missing text (None or NaN) gives an article with ``error`` set. Columns
    not named go to ``meta``.

    Raises
    ------
    KeyError
        When the text (or the named id) column does not exist.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["They said no.", None], "outlet": ["A", "B"]}, index=["a1", "a2"])
    >>> [(a.id, a.error) for a in articles_from_frame(df)]
    [('a1', None), ('a2', 'text must be a string. Got missing.')]
    """
    if text not in frame.columns:
        raise KeyError(
            f"The 'text' parameter names a column that does not exist: {text!r}. "
            f"Got columns {list(frame.columns)}."
        )
    if id is not None and id not in frame.columns:
        raise KeyError(f"The 'id' parameter names a column that does not exist: {id!r}.")
    named = {text, id, outlet, title, date, url} - {None}
    extra_cols = [c for c in frame.columns if c not in named]
    for idx, row in zip(frame.index, frame.itertuples(index=False, name=None)):
        values = dict(zip(frame.columns, row))
        art_id = str(values[id]) if id is not None else str(idx)
        fields = {
            "outlet": _as_str(_clean_value(values.get(outlet))) if outlet else None,
            "title": _as_str(_clean_value(values.get(title))) if title else None,
            "date": _as_str(_clean_value(values.get(date))) if date else None,
            "url": _as_str(_clean_value(values.get(url))) if url else None,
        }
        meta = {str(c): values[c] for c in extra_cols}
        value = _clean_value(values[text])
        if not isinstance(value, str):
            got = "missing" if value is None else type(value).__name__
            yield Article(id=art_id, text="", error=f"text must be a string. Got {got}.",
                          meta=meta, **fields)
        else:
            yield Article(id=art_id, text=value, meta=meta, **fields)
