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
from .streams import _chunks, _is_gz, _lines, _open, _Overlong

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["articles_from_frame"]

_TEXT_KEYS = ("text", "content", "body", "content_original", "article", "story")
_OUTLET_KEYS = ("outlet", "source", "publisher", "media", "site")


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


def _read_jsonl(path: Path, lines: Iterable[str | _Overlong]) -> Iterator[Article]:
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
        yield _record_article(record, where, source)


def _read_json(path: Path, raw: str) -> Iterator[Article]:
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
            yield _record_article(record, f"{path}:{i}", f"{path}: record {i}")
    else:
        yield _record_article(data, str(path), str(path))


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


def _read_csv(path: Path, raw: str) -> Iterator[Article]:
    """CSV records, one article a record; a broken record is an error row and reading goes on after it.

    A quote that is never closed would swallow every later row into one
    field: the record is reported (naming its line) and reading restarts on
    the line after the one it opened on.
    """
    sample = raw[:4096]
    try:
        dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t|")
    except csv.Error:
        dialect = csv.excel
    lines = _Lines(raw)
    reader = _rows(csv.reader(lines, dialect=dialect))
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
                    yield _record_article(fields, f"{path}:{n}", f"{path}: line {line}")
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
        reader = _rows(csv.reader(lines, dialect=dialect))
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


def _stream_jsonl(path: Path, *, regular_only: bool = False) -> Iterator[Article]:
    """JSONL records read line by line, so a file of any size streams in flat memory."""
    try:
        with _open(path, regular_only=regular_only) as fh:
            yield from _read_jsonl(path, _lines(_chunks(fh, _is_gz(path)), str(path)))
    except (OSError, ValueError, EOFError, zlib.error) as exc:
        yield _error_article(f"{path}", _describe(exc))


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
