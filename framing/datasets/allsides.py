"""The AllSides corpus of Baly et al. (2020): articles with outlet-level leanings."""

from __future__ import annotations

import csv
import json
import os
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ._base import (
    _CHUNK,
    _check_n_articles,
    _choose,
    _dataset_dir,
    _to_datetime,
)

# ---------------------------------------------------------------------------
# AllSides
# ---------------------------------------------------------------------------

_ALLSIDES_LABELS = {0: "left", 1: "center", 2: "right"}
_ALLSIDES_COLUMNS = (
    "outlet",
    "text",
    "title",
    "date",
    "url",
    "topic",
    "authors",
    "label",
    "split_random",
    "split_media",
)
# Lines in the published articles.jsonl.gz, keyed by its size in bytes: lets
# a sample pick its line numbers without decompressing the file twice.
_ALLSIDES_KNOWN_LINES = {90_733_796: 37_554}
_line_count_cache: dict[tuple[str, int, float], int] = {}
_BLOCK_ROWS = 2048


def _gunzip_blocks(path: Path) -> Iterator[bytes]:
    """Decompressed blocks of a gzip file (several members allowed).

    zlib directly: about a third faster than :mod:`gzip` line reading on the
    223 MB AllSides file.
    """
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    pending = False
    with open(path, "rb") as fh:
        for raw in iter(lambda: fh.read(_CHUNK), b""):
            while raw:
                pending = True
                out = inflater.decompress(raw)
                if out:
                    yield out
                if inflater.eof:
                    raw = inflater.unused_data
                    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
                    pending = False
                else:
                    raw = b""
    if pending:
        raise ValueError(
            f"{path}: the gzip file is truncated (it ended before its end-of-stream marker)."
        )


def _count_lines_gz(path: Path) -> int:
    stat = path.stat()
    if stat.st_size in _ALLSIDES_KNOWN_LINES:
        return _ALLSIDES_KNOWN_LINES[stat.st_size]
    key = (str(path.resolve()), stat.st_size, stat.st_mtime)
    if key not in _line_count_cache:
        n = 0
        last = b"\n"
        for chunk in _gunzip_blocks(path):
            n += chunk.count(b"\n")
            last = chunk[-1:]
        _line_count_cache[key] = n + (last != b"\n")
    return _line_count_cache[key]


def _read_allsides_splits(folder: Path) -> dict[str, dict[str, str]]:
    splits: dict[str, dict[str, str]] = {}
    for kind in ("random", "media"):
        assignment: dict[str, str] = {}
        for part in ("train", "valid", "test"):
            path = folder / "splits" / kind / f"{part}.tsv"
            with open(path, encoding="utf-8", newline="") as fh:
                reader = csv.reader(fh, delimiter="\t")
                header = next(reader, None)
                if header is None or header[:1] != ["ID"]:
                    raise ValueError(
                        f"{path}: expected a header line 'ID<TAB>bias', got {header!r}."
                    )
                for row in reader:
                    if row:
                        assignment[row[0]] = part
        splits[kind] = assignment
    return splits


def _iter_lines_gz(path: Path, positions: np.ndarray | None) -> Iterator[tuple[int, bytes]]:
    """(line number, raw line) of a gzip file, for the chosen lines only (all when None).

    Reads large decompressed blocks and splits only those that hold a chosen
    line, so a small sample costs little more than the decompression itself.
    """
    wanted = None if positions is None else positions.tolist()
    k = 0
    lineno = 0
    tail = b""
    for chunk in _gunzip_blocks(path):
        if wanted is not None and k >= len(wanted):
            return
        block = tail + chunk
        n_complete = block.count(b"\n")
        if n_complete == 0:
            tail = block
            continue
        cut = block.rfind(b"\n") + 1
        block, tail = block[:cut], block[cut:]
        if wanted is not None and wanted[k] >= lineno + n_complete:
            lineno += n_complete
            continue
        for line in block.split(b"\n")[:-1]:
            if wanted is None:
                yield lineno, line
            elif k < len(wanted) and wanted[k] == lineno:
                yield lineno, line
                k += 1
            lineno += 1
    if tail and (wanted is None or (k < len(wanted) and wanted[k] == lineno)):
        yield lineno, tail


def _iter_jsonl_gz(
    path: Path, positions: np.ndarray | None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, record) for the chosen lines (all when None); parses only those."""
    for lineno, line in _iter_lines_gz(path, positions):
        if not line.strip():
            continue
        try:
            yield lineno, json.loads(line.decode("utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ValueError(
                f"{path}, line {lineno + 1}: not a valid UTF-8 JSON record ({exc})."
            ) from exc


def load_allsides(
    data_home: str | os.PathLike[str] | None = None,
    *,
    n_articles: int | None = None,
    random_state: Any = 0,
    columns: Sequence[str] | None = None,
    download: bool = False,
) -> pd.DataFrame:
    """Load the AllSides article-bias corpus of Baly et al. (2020).

    37,554 news articles from 491 outlet names, each labelled left, center or
    right after its outlet's AllSides media-bias rating, with the published
    random and media splits.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``allsides/``; see :func:`get_data_home`.
    n_articles : int, default=None
        Return a reproducible random sample of this many articles (all when
        ``None`` or when larger than the corpus). The sample is drawn over line
        numbers first, so only the chosen articles are parsed.
    random_state : int, RandomState instance or None, default=0
        Seed of the sample.
    columns : sequence of str, default=None
        Keep only these columns (all when ``None``); ``columns`` without
        ``"text"`` keeps memory small.
    download : bool, default=False
        Accepted for symmetry with the other loaders; the corpus has no pinned
        single-file public copy, so a missing folder always raises.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``id`` (the corpus ``ID``), in file order, with columns
        ``outlet`` (the ``source`` field, e.g. "New York Times - News"),
        ``text`` (``content_original``), ``title``, ``date`` (datetime64,
        NaT where missing), ``url``, ``topic``, ``authors``, ``label``
        ("left", "center", "right" from ``bias`` 0, 1, 2), ``split_random``
        and ``split_media`` ("train", "valid", "test", or missing for
        articles in neither published split).

    Raises
    ------
    DatasetNotFoundError
        The files are not in ``data_home``.

    Notes
    -----
    Labels are outlet labels: nearly every outlet name carries one label, so a
    classifier can score well by recognising the outlet; evaluate with folds
    grouped by ``outlet``. The published media split is not outlet-disjoint,
    and its test set holds the same IDs as the random split's. In the shared
    copy 1,280 articles are in no random split and 7,308 in no media split.

    Dates are mostly ``YYYY-MM-DD``; a few are ``M/D/YYYY`` and are read as
    such; empty dates and placeholders such as ``0001-01-01`` become NaT.

    Reading the whole corpus decompresses and parses 223 MB of text (about
    15 s and 0.5 GB peak memory, measured on a busy 2-core machine); a sample still
    decompresses the file up to its last chosen line but parses only the
    chosen articles.

    References
    ----------
    R. Baly, G. Da San Martino, J. Glass and P. Nakov (2020). "We Can Detect
    Your Bias: Predicting the Political Ideology of News Articles". EMNLP.

    Examples
    --------
    >>> from framing.datasets import load_allsides
    >>> articles = load_allsides(n_articles=100)  # doctest: +SKIP
    >>> articles.groupby("label")["outlet"].nunique()  # doctest: +SKIP
    """
    if columns is not None:
        if isinstance(columns, str):
            raise ValueError(
                "The 'columns' parameter of load_allsides must be a sequence of column names. "
                f"Got the string {columns!r} instead."
            )
        unknown = [c for c in columns if c not in _ALLSIDES_COLUMNS]
        if unknown:
            raise ValueError(
                f"The 'columns' parameter of load_allsides must hold names from {list(_ALLSIDES_COLUMNS)}. "
                f"Got {unknown!r} instead."
            )
    wanted = list(_ALLSIDES_COLUMNS) if columns is None else list(columns)
    folder = _dataset_dir("allsides", data_home, download=download)
    path = folder / "articles.jsonl.gz"
    _check_n_articles(n_articles)
    positions = None
    if n_articles is not None:
        positions = _choose(_count_lines_gz(path), n_articles, random_state)
    splits = _read_allsides_splits(folder)

    fields = {
        "outlet": "source",
        "text": "content_original",
        "title": "title",
        "date": "date",
        "url": "url",
        "topic": "topic",
        "authors": "authors",
    }
    ids: list[str] = []
    data: dict[str, list[Any]] = {c: [] for c in fields if c in wanted or c == "date"}
    # String columns are converted to pandas in blocks, so the full corpus
    # never sits in memory twice (Python strings plus their pandas copy).
    blocks: dict[str, list[pd.Series]] = {c: [] for c in data if c != "date"}
    labels: list[str | None] = []
    for lineno, record in _iter_jsonl_gz(path, positions):
        if "ID" not in record:
            raise ValueError(f"{path}, line {lineno + 1}: the record has no 'ID' field.")
        ids.append(str(record["ID"]))
        for col in data:
            value = record.get(fields[col])
            data[col].append(value if value != "" or col == "text" else None)
        if len(ids) % _BLOCK_ROWS == 0:
            for col, chunks in blocks.items():
                chunks.append(pd.Series(data[col], dtype="str"))
                data[col] = []
        bias = record.get("bias")
        try:
            labels.append(_ALLSIDES_LABELS[int(bias)] if bias is not None else None)
        except (KeyError, ValueError, TypeError):
            raise ValueError(
                f"{path}, line {lineno + 1}: 'bias' must be 0, 1 or 2. Got {bias!r} instead."
            ) from None

    index = pd.Index(ids, name="id", dtype="str")
    frame: dict[str, Any] = {}
    for col in wanted:
        if col == "date":
            frame[col] = _to_datetime(data["date"]).set_axis(index)
        elif col == "label":
            frame[col] = pd.Series(
                pd.Categorical(labels, categories=["left", "center", "right"]), index=index
            )
        elif col in ("split_random", "split_media"):
            kind = col.removeprefix("split_")
            frame[col] = pd.Series([splits[kind].get(i) for i in ids], dtype="str", index=index)
        else:
            chunks = [*blocks[col], pd.Series(data.pop(col), dtype="str")]
            frame[col] = pd.concat(chunks, ignore_index=True).set_axis(index)
    return pd.DataFrame(frame, index=index, columns=wanted, copy=False)
