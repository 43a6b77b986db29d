"""JSON, JSONL and CSV records and DataFrame rows: the text is kept exactly as given."""

from __future__ import annotations

import csv
import gzip
import io
import json
import math
import sys
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .article import Article, _error_article
from .decoding import _decoded_lines, _describe

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


def _stream_jsonl(path: Path) -> Iterator[Article]:
    """JSONL records read line by line, so a file of any size streams in flat memory."""
    try:
        opener = gzip.open if path.name.lower().endswith(".gz") else open
        with opener(path, "rb") as fh:
            yield from _read_jsonl(path, _decoded_lines(fh, str(path)))
    except (OSError, EOFError, gzip.BadGzipFile) as exc:
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
