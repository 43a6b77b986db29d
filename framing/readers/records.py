"""JSON, JSONL and CSV records and DataFrame rows: the text is kept exactly as given."""

from __future__ import annotations

import csv
import io
import json
import math
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import decoding
from .article import Article, _error_article
from .decoding import _describe, _over_limit
from .html import html_article
from .streams import _chunks, _is_gz, _lines, _open, _Overlong

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["OUTLET_COLUMNS", "TEXT_COLUMNS", "articles_from_frame", "check_sep", "sniff_delimiter"]

TEXT_COLUMNS = ("text", "content", "body", "content_original", "article", "story")
"""The names of a record's text field (or a DataFrame's text column), the first present used."""
OUTLET_COLUMNS = ("outlet", "source", "publisher", "media", "site")
"""The names of a record's outlet field, the first present (and not missing) used."""
_TEXT_KEYS = TEXT_COLUMNS
_OUTLET_KEYS = OUTLET_COLUMNS
_SEPARATORS = ",;\t|"


def _clean_value(value: Any) -> Any:
    if value is None or type(value).__name__ in ("NAType", "NaTType"):  # pandas missing values
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    return value


def _record_article(record: Any, default_id: str, source: str, html: bool = False) -> Article:
    """An article from one JSON/CSV record (the text is kept exactly, or extracted from HTML)."""
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
        "language": _as_str(rec.pop("language", None)),
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
    if html:
        return html_article(text, art_id, fields, meta=rec)
    return Article(id=art_id, text=text, meta=rec, **fields)


def _as_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _int_digits() -> int:
    get = getattr(sys, "get_int_max_str_digits", None)
    return int(get()) if get is not None else 4300


def _parse_json(text: str) -> tuple[Any, str | None]:
    """``(value, None)``, or ``(None, why)`` for text that is not JSON this reader can hold."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"invalid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
    except RecursionError:
        return None, "invalid JSON (arrays or objects nested too deeply)"
    except ValueError:  # an integer longer than Python converts
        return None, f"invalid JSON (an integer of more than {_int_digits()} digits)"


def _read_jsonl(
    path: Path, lines: Iterable[str | _Overlong], html: bool = False
) -> Iterator[Article]:
    for lineno, line in enumerate(lines, start=1):
        where = f"{path}:{lineno}"
        source = f"{path}: line {lineno}"
        if isinstance(line, _Overlong):
            yield _error_article(
                where, f"{source}: {_over_limit('record', decoding.MAX_INPUT_BYTES)}; skipped."
            )
            continue
        if not line.strip():
            continue
        record, why = _parse_json(line)
        if why is not None:
            yield _error_article(where, f"{source}: {why.replace(' at line 1,', ' at')}.")
            continue
        yield _record_article(record, where, source, html)


def _read_json(path: Path, raw: str, html: bool = False) -> Iterator[Article]:
    data, why = _parse_json(raw)
    if why is not None:
        yield _error_article(str(path), f"{path}: {why}.")
        return
    if isinstance(data, Mapping) and not any(k in data for k in _TEXT_KEYS):
        inner = next((v for v in data.values() if isinstance(v, list)), None)
        if inner is not None:
            data = inner
    if isinstance(data, list):
        for i, record in enumerate(data):
            yield _record_article(record, f"{path}:{i}", f"{path}: record {i}", html)
    else:
        yield _record_article(data, str(path), str(path), html)


class _Lines:
    """The lines of a text (split as ``csv`` splits them), counted, with the offset reached."""

    def __init__(self, raw: str, pos: int = 0, count: int = 0) -> None:
        self._io = io.StringIO(raw, newline="")
        self._io.seek(pos)
        self.pos, self.count = pos, count
        self.exhausted = False
        self.first_len = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        line = self._io.readline()
        if not line:
            self.exhausted = True
            raise StopIteration
        if self.first_len < 0:
            self.first_len = len(line)
        self.count += 1
        self.pos += len(line)
        return line

    def mark(self) -> tuple[int, int]:
        """Where the next record starts: ``(line number, offset)``."""
        self.first_len = -1
        return self.count + 1, self.pos


_MAX_CSV_RESTARTS = 100


def check_sep(sep: Any) -> None:
    """Refuse a CSV delimiter that is not one character (None: sniffed)."""
    if sep is not None and (not isinstance(sep, str) or len(sep) != 1 or sep in "\"\r\n"):
        raise ValueError(
            "The 'sep' parameter must be one character other than a quote or a line break "
            f"(e.g. ',' or ';'), or None to sniff it. Got {sep!r} instead."
        )


def sniff_delimiter(raw: str) -> str:
    """The CSV delimiter of ``raw``: of ``, ; tab |``, the one its header line holds most (``,`` on a tie).

    The header line (field names) is the most reliable line to count on:
    the records' text holds commas and semicolons of its own.

    Examples
    --------
    >>> sniff_delimiter('text;news_link;outlet\\n"Yes, he said; no.";http://x;Fox\\n')
    ';'
    >>> sniff_delimiter("id,text\\n1,Hi\\n")
    ','
    """
    header = _header_line(raw)
    counts = {d: header.count(d) for d in _SEPARATORS}
    best = max(counts.values())
    return "," if best == 0 or counts[","] == best else max(counts, key=lambda d: counts[d])


def _header_line(raw: str) -> str:
    """The first line of ``raw`` outside quotes."""
    out, quoted = [], False
    for ch in raw[:65536]:
        if ch == '"':
            quoted = not quoted
        elif ch in "\r\n" and not quoted:
            break
        elif not quoted:
            out.append(ch)
    return "".join(out)


def _read_csv(path: Path, raw: str, html: bool = False, sep: str | None = None) -> Iterator[Article]:
    """CSV records, one article a record; a broken record is an error row and reading goes on after it.

    A quote that is never closed would swallow every later row into one
    field: the record is reported (naming its line) and reading restarts on
    the line after the one it opened on.
    """
    delimiter = sep or sniff_delimiter(raw)
    lines = _Lines(raw)
    reader = _rows(csv.reader(lines, delimiter=delimiter))
    try:
        header = next(reader, None)
    except csv.Error as exc:
        yield _error_article(str(path), f"{path}: line 1: {exc}")
        return
    if header is None or not any(k in header for k in _TEXT_KEYS):
        got = ", ".join(header or [])
        yield _error_article(
            str(path), f"{path}: no text column (expected one of {', '.join(_TEXT_KEYS)}). Got: {got}."
        )
        return
    n = 1
    for _ in range(_MAX_CSV_RESTARTS):
        line, pos = lines.mark()
        try:
            for row in reader:
                if lines.exhausted or (lines.count > line and len(row) != len(header)):
                    break  # a quoted field ran to the end of the file, or to a later stray quote
                if row:
                    n += 1
                    fields = {k: (row[i] if i < len(row) else None) for i, k in enumerate(header)}
                    yield _record_article(fields, f"{path}:{n}", f"{path}: line {line}", html)
                line, pos = lines.mark()
            else:
                return
            n += 1
            yield _error_article(
                f"{path}:{n}",
                f"{path}: line {line}: the record starting on this line opens a quote that is not "
                "closed on its line (unterminated quote) and runs into the rows after it; those "
                "rows are read as records of their own.",
            )
        except csv.Error as exc:
            n += 1
            yield _error_article(f"{path}:{n}", f"{path}: line {line}: {exc}")
        lines = _Lines(raw, pos + max(lines.first_len, 0), line)
        reader = _rows(csv.reader(lines, delimiter=delimiter))
    yield _error_article(
        f"{path}:{n + 1}",
        f"{path}: line {lines.count + 1}: more than {_MAX_CSV_RESTARTS} broken records; "
        "the rest of the file is not read.",
    )


def _rows(reader: Iterator[list[str]]) -> Iterator[list[str]]:
    """The rows of a csv reader, each read with the field size limit raised to the input limit.

    The limit is process-wide state of the ``csv`` module: it is put back
    after every row, so other code (lexicon files) keeps its own.
    """
    while True:
        old = csv.field_size_limit(min(sys.maxsize, 2**31 - 1, decoding.MAX_INPUT_BYTES))
        try:
            row = next(reader, None)
        finally:
            csv.field_size_limit(old)
        if row is None:
            return
        yield row


def _stream_jsonl(path: Path, *, regular_only: bool = False, html: bool = False) -> Iterator[Article]:
    """JSONL records read line by line, so a file of any size streams in flat memory."""
    try:
        with _open(path, regular_only=regular_only) as fh:
            yield from _read_jsonl(path, _lines(_chunks(fh, _is_gz(path)), str(path)), html)
    except (OSError, ValueError, EOFError, zlib.error) as exc:
        yield _error_article(f"{path}", _describe(exc))


def _frame_column(frame: pd.DataFrame, name: str | None, choices: tuple[str, ...]) -> str | None:
    """``name`` when it is a column, else the first of ``choices`` that is one (None: none is)."""
    if name is not None and name in frame.columns:
        return name
    return next((c for c in choices if c in frame.columns), None)


def articles_from_frame(
    frame: pd.DataFrame,
    *,
    text: str | None = None,
    id: str | None = None,
    outlet: str | None = "outlet",
    title: str | None = "title",
    date: str | None = "date",
    url: str | None = "url",
    html: bool = False,
) -> Iterator[Article]:
    """Articles from a pandas DataFrame, one per row, in row order.

    The same contract as the records of :func:`~framing.readers.read_articles`:
    the text column is ``text`` when given, else the first of
    :data:`TEXT_COLUMNS` (``text``, ``content``, ``body``,
    ``content_original``, ``article``, ``story``) the frame has; the outlet
    column is ``outlet``, else the first of :data:`OUTLET_COLUMNS` present
    (``outlet=None``: no outlet). A ``language`` column sets
    :attr:`Article.language`. The id comes from the ``id`` column when
    given, else from the index, except that a default ``RangeIndex`` with an
    ``id`` column takes the ``id`` column. Missing text (None or NaN) gives
    an article with ``error`` set. With ``html=True`` the text cells are
    HTML pages, extracted as :mod:`framing.readers.html` does. Columns not
    named go to ``meta``.

    Raises
    ------
    KeyError
        When the text (or the named id) column does not exist.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"body": ["They said no.", None], "source": ["A", "B"]}, index=["a1", "a2"])
    >>> [(a.id, a.outlet, a.error) for a in articles_from_frame(df)]
    [('a1', 'A', None), ('a2', 'B', 'text must be a string. Got missing.')]
    """
    import pandas as pd

    text_col = text if text is not None else _frame_column(frame, None, TEXT_COLUMNS)
    if text_col is None or text_col not in frame.columns:
        wanted = repr(text) if text is not None else f"one of {', '.join(TEXT_COLUMNS)}"
        raise KeyError(
            f"The 'text' parameter names a column that does not exist: {wanted}. "
            f"Got columns {list(frame.columns)}."
        )
    if id is not None and id not in frame.columns:
        raise KeyError(f"The 'id' parameter names a column that does not exist: {id!r}.")
    if id is None and "id" in frame.columns and isinstance(frame.index, pd.RangeIndex):
        id = "id"
    if outlet == "outlet":
        outlet = _frame_column(frame, outlet, OUTLET_COLUMNS)
    language = "language" if "language" in frame.columns else None
    named = {text_col, id, outlet, title, date, url, language} - {None}
    extra_cols = [c for c in frame.columns if c not in named]
    for idx, row in zip(frame.index, frame.itertuples(index=False, name=None)):
        values = dict(zip(frame.columns, row))
        art_id = str(values[id]) if id is not None else str(idx)
        fields = {
            "outlet": _as_str(_clean_value(values.get(outlet))) if outlet else None,
            "title": _as_str(_clean_value(values.get(title))) if title else None,
            "date": _as_str(_clean_value(values.get(date))) if date else None,
            "url": _as_str(_clean_value(values.get(url))) if url else None,
            "language": _as_str(_clean_value(values.get(language))) if language else None,
        }
        meta = {str(c): values[c] for c in extra_cols}
        value = _clean_value(values[text_col])
        if not isinstance(value, str):
            got = "missing" if value is None else type(value).__name__
            yield Article(id=art_id, text="", error=f"text must be a string. Got {got}.",
                          meta=meta, **fields)
        elif html:
            yield html_article(value, art_id, fields, meta=meta)
        else:
            yield Article(id=art_id, text=value, meta=meta, **fields)
