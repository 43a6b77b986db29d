"""Loaders for the public media-bias and framing corpora.

In the style of scikit-learn's ``fetch_*`` functions: each loader reads one
research corpus from a local folder and returns tidy :mod:`pandas` objects
indexed by string ids.

=========================  ============================================  ====================================
loader                     corpus                                        returns
=========================  ============================================  ====================================
:func:`load_allsides`      Baly et al. (2020), 37,554 articles           articles
:func:`load_babe`          BABE / MBIC (Spinde et al. 2021), sentences   sentences
:func:`load_ptc`           SemEval-2020 task 11 propaganda corpus        (articles, technique spans)
:func:`load_polnear`       PolNeAR (Newell et al. 2018)                  (articles, attribution relations)
:func:`load_same_event`    Lim et al. (2020), 46 articles on 4 events    (articles, sentence ratings)
=========================  ============================================  ====================================

Where the data lives
--------------------
Every loader takes ``data_home``: the folder that holds one sub-folder per
corpus (``allsides/``, ``babe/``, ``ptc/``, ``polnear/``,
``same-event-lim2020/``). When it is ``None`` the environment variable
``FRAMING_DATA_HOME`` is used, else the per-user cache folder
(``$XDG_CACHE_HOME/framing``, ``~/.cache/framing`` on Linux and macOS,
``%LOCALAPPDATA%\\framing`` on Windows); see :func:`get_data_home`.

Nothing here touches the network unless asked: a missing corpus raises
:class:`DatasetNotFoundError` at once, with the folder and files expected.
Files with a public single-file source and a known SHA-256 (BABE's SG1 and
SG2 files, the same-event CSV) can be fetched with ``download=True``: each
is downloaded with a short timeout, checked against its SHA-256 and only then
moved into place; with no network the call fails at once with the same
message saying where to put the files. The other corpora are published as
thousands of files or after registration, and are put in place by hand.

Texts are returned exactly as the files hold them (no cleaning), so character
offsets in the annotation tables index straight into the ``text`` column:
``text[start:end]`` is the annotated span. The same-event corpus is the
exception: its release keeps the article only as rated sentences, which
:func:`load_same_event` joins into ``text`` and locates by offsets.

The corpora are copyrighted news texts and, for some, copyleft annotations:
they are never bundled with :mod:`framing`; cite the papers named in each
loader when you use them.
"""

from __future__ import annotations

import ast
import csv
import hashlib
import html
import json
import logging
import os
import re
import sys
import tempfile
import urllib.request
import zlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

__all__ = [
    "ChecksumError",
    "DatasetNotFoundError",
    "get_data_home",
    "load_allsides",
    "load_babe",
    "load_polnear",
    "load_ptc",
    "load_same_event",
]

logger = logging.getLogger(__name__)

DATA_HOME_ENV = "FRAMING_DATA_HOME"
"""Environment variable naming the folder that holds the corpora."""

_DOWNLOAD_TIMEOUT = 10.0
_CHUNK = 1 << 20


class DatasetNotFoundError(FileNotFoundError):
    """A corpus is not in ``data_home`` (and was not, or could not be, downloaded)."""


class ChecksumError(OSError):
    """A downloaded file does not have the SHA-256 the registry expects."""


# ---------------------------------------------------------------------------
# registry
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _RemoteFile:
    """One file of a corpus with a pinned public URL and its SHA-256."""

    path: str
    url: str
    sha256: str


@dataclass(frozen=True)
class _Dataset:
    name: str
    folder: str
    required: tuple[str, ...]
    description: str
    source: str
    remote: tuple[_RemoteFile, ...] = field(default=())


_DATASETS: dict[str, _Dataset] = {
    "allsides": _Dataset(
        name="AllSides (Baly et al. 2020)",
        folder="allsides",
        required=(
            "articles.jsonl.gz",
            "splits/random/train.tsv",
            "splits/random/valid.tsv",
            "splits/random/test.tsv",
            "splits/media/train.tsv",
            "splits/media/valid.tsv",
            "splits/media/test.tsv",
        ),
        description="articles.jsonl.gz (one JSON article a line) and splits/{random,media}/{train,valid,test}.tsv",
        source="https://github.com/ramybaly/Article-Bias-Prediction (data/jsons, data/splits)",
    ),
    "babe": _Dataset(
        name="BABE (Spinde et al. 2021)",
        folder="babe",
        required=("final_labels_SG2.csv",),
        description="final_labels_SG2.csv, final_labels_SG1.csv, final_labels_MBIC.csv",
        source="https://github.com/Media-Bias-Group/Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE",
        # Pinned to a commit so the checksums hold. The SHA-256 values are those
        # of the copies the project is measured on; the upstream files hold the
        # same text (MBIC is published upstream only as .xlsx, so not here).
        remote=tuple(
            _RemoteFile(
                f"final_labels_{version}.csv",
                "https://raw.githubusercontent.com/Media-Bias-Group/"
                "Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE/"
                f"74a96b5a33799717b4f4d22b0e609aa0e2e2fac3/data/final_labels_{version}.csv",
                sha256,
            )
            for version, sha256 in (
                ("SG2", "c02ebe82a8411f15e9dc63afed27826d61b84df56b5e1511f0f40bf8a688aeaf"),
                ("SG1", "aa9c30d3a2ce8836552564424229df182f73ff10fcbe1572a663154f0ace18e8"),
            )
        ),
    ),
    "ptc": _Dataset(
        name="PTC, SemEval-2020 task 11 (Da San Martino et al. 2020)",
        folder="ptc",
        required=("train-articles", "train-labels-task2-technique-classification"),
        description=(
            "train-articles/article<ID>.txt, train-labels-task2-technique-classification/*.labels, "
            "dev-articles/article<ID>.txt, dev-task-TC-template.out"
        ),
        source="https://propaganda.qcri.org/semeval2020-task11/ (registration required)",
    ),
    "polnear": _Dataset(
        name="PolNeAR (Newell, Margolin & Ruths 2018)",
        folder="polnear",
        required=("train/text", "train/attributions", "metadata.tsv"),
        description="{train,dev,test}/text/*.txt, {train,dev,test}/attributions/*.ann (brat), metadata.tsv",
        source="https://github.com/networkdynamics/PolNeAR",
    ),
    "same_event": _Dataset(
        name="Same-event biased sentences (Lim et al. 2020)",
        folder="same-event-lim2020",
        required=("Sora_LREC2020_biasedsentences.csv",),
        description="Sora_LREC2020_biasedsentences.csv",
        source="https://github.com/skymoonlight/biased-sents-annotation (also in the MBIB collection)",
        remote=(
            _RemoteFile(
                "Sora_LREC2020_biasedsentences.csv",
                "https://raw.githubusercontent.com/skymoonlight/biased-sents-annotation/"
                "refs/heads/master/Sora_LREC2020_biasedsentences.csv",
                "e753eae93426f2ebf9e5ea0d2be7fd42dfe8d73b452cfa68981d44f7adba074e",
            ),
        ),
    ),
}


# ---------------------------------------------------------------------------
# data home, missing data, download
# ---------------------------------------------------------------------------


def _user_cache_dir() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or os.path.expanduser("~\\AppData\\Local")
        return Path(base) / "framing"
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = xdg if xdg else os.path.expanduser("~/.cache")
    return Path(base) / "framing"


def get_data_home(data_home: str | os.PathLike[str] | None = None) -> Path:
    """The folder the loaders read the corpora from.

    Parameters
    ----------
    data_home : str or path-like, default=None
        An explicit folder. When ``None``, the ``FRAMING_DATA_HOME``
        environment variable, else the per-user cache folder
        (``$XDG_CACHE_HOME/framing`` or ``~/.cache/framing``;
        ``%LOCALAPPDATA%\\framing`` on Windows). ``~`` is expanded. The folder
        is not created.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> from framing.datasets import get_data_home
    >>> str(get_data_home("/srv/corpora"))
    '/srv/corpora'
    """
    if data_home is None:
        env = os.environ.get(DATA_HOME_ENV)
        return Path(os.path.expanduser(env)) if env else _user_cache_dir()
    return Path(os.path.expanduser(os.fspath(data_home)))


def _missing_message(key: str, root: Path, missing: Sequence[str], extra: str = "") -> str:
    ds = _DATASETS[key]
    lines = [
        (
            f"The {ds.name} corpus is incomplete in {root / ds.folder}: expected "
            if (root / ds.folder).is_dir()
            else f"The {ds.name} corpus was not found: expected the folder {root / ds.folder} with "
        )
        + f"{ds.description}.",
        f"Missing: {', '.join(str(root / ds.folder / m) for m in missing)}.",
        f"Put the files there, or point the loader at the folder that holds "
        f"'{ds.folder}/' with data_home=... or the {DATA_HOME_ENV} environment variable.",
        f"Public source: {ds.source}.",
    ]
    fetchable = [r.path for r in ds.remote if r.path in missing]
    if fetchable and not extra:
        lines.append(
            f"Or pass download=True to fetch {', '.join(fetchable)} from the public source "
            "with a SHA-256 check."
        )
    if extra:
        lines.append(extra)
    return " ".join(lines)


def _dataset_dir(
    key: str,
    data_home: str | os.PathLike[str] | None,
    *,
    download: bool = False,
    required: Sequence[str] | None = None,
) -> Path:
    """The corpus folder, after checking (or fetching) its files."""
    root = get_data_home(data_home)
    ds = _DATASETS[key]
    folder = root / ds.folder
    needed = tuple(required) if required is not None else ds.required
    missing = [r for r in needed if not (folder / r).exists()]
    if not missing:
        return folder
    fetchable = [r for r in ds.remote if r.path in missing]
    if download and fetchable:
        try:
            for remote in fetchable:
                _fetch(remote.url, folder / remote.path, remote.sha256)
        except (OSError, ChecksumError) as exc:
            raise DatasetNotFoundError(
                _missing_message(key, root, missing, extra=f"Download failed: {exc}")
            ) from exc
        missing = [r for r in needed if not (folder / r).exists()]
        if not missing:
            return folder
    raise DatasetNotFoundError(_missing_message(key, root, missing))


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(_CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _fetch(
    url: str, path: str | os.PathLike[str], sha256: str, *, timeout: float = _DOWNLOAD_TIMEOUT
) -> Path:
    """Download ``url`` to ``path`` and check its SHA-256.

    The file is written to a temporary name next to ``path`` and moved into
    place only when its checksum matches, so an interrupted or corrupted
    download never leaves a file that looks complete.

    Parameters
    ----------
    url : str
        An ``https://`` URL.
    path : str or path-like
        Where the file goes; parent folders are created.
    sha256 : str
        The expected hex digest.
    timeout : float, default=10
        Seconds to wait for the connection and for each read.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    OSError
        No network, a refused connection, an HTTP error or a timeout
        (``urllib.error.URLError`` and ``TimeoutError`` are ``OSError``).
    ChecksumError
        The downloaded bytes do not have the expected SHA-256.
    """
    if not url.startswith("https://"):
        raise ValueError(
            f"The 'url' parameter of _fetch must start with 'https://'. Got {url!r} instead."
        )
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    logger.info("downloading %s to %s", url, target)
    digest = hashlib.sha256()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=timeout) as response:
            for chunk in iter(lambda: response.read(_CHUNK), b""):
                digest.update(chunk)
                out.write(chunk)
        got = digest.hexdigest()
        if got != sha256:
            raise ChecksumError(
                f"The file downloaded from {url} has SHA-256 {got}, expected {sha256}; it was discarded."
            )
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()
    return target


# ---------------------------------------------------------------------------
# shared helpers
# ---------------------------------------------------------------------------


def _check_n_articles(n_articles: int | None) -> None:
    if n_articles is None:
        return
    if (
        isinstance(n_articles, bool)
        or not isinstance(n_articles, (int, np.integer))
        or n_articles < 0
    ):
        raise ValueError(
            "The 'n_articles' parameter must be a non-negative int or None. "
            f"Got {n_articles!r} instead."
        )


def _choose(n_total: int, n_articles: int | None, random_state: Any) -> np.ndarray | None:
    """Sorted positions of a reproducible sample, or None for all rows.

    ``n_articles`` is a cap: asking for more rows than there are returns all.
    """
    _check_n_articles(n_articles)
    if n_articles is None or n_articles >= n_total:
        return None
    rng = _check_random_state(random_state)
    return np.sort(rng.choice(n_total, size=int(n_articles), replace=False))


def _check_random_state(random_state: Any) -> np.random.RandomState | np.random.Generator:
    """scikit-learn's ``random_state`` convention, without importing scikit-learn.

    An int seeds a new ``RandomState`` (the same draws as
    ``sklearn.utils.check_random_state``); ``None`` draws fresh entropy; a
    ``RandomState`` or ``Generator`` is used as is.
    """
    if isinstance(random_state, (np.random.RandomState, np.random.Generator)):
        return random_state
    if random_state is None:
        return np.random.RandomState()
    if isinstance(random_state, (int, np.integer)) and not isinstance(random_state, bool):
        return np.random.RandomState(int(random_state))
    raise ValueError(
        "The 'random_state' parameter must be an int, a numpy RandomState or Generator, or None. "
        f"Got {random_state!r} instead."
    )


def _sample_frame(df: pd.DataFrame, n_articles: int | None, random_state: Any) -> pd.DataFrame:
    positions = _choose(len(df), n_articles, random_state)
    return df if positions is None else df.iloc[positions]


def _check_choice(name: str, value: Any, allowed: Sequence[str], func: str) -> None:
    if value not in allowed:
        raise ValueError(
            f"The '{name}' parameter of {func} must be one of {', '.join(map(repr, allowed))}. "
            f"Got {value!r} instead."
        )


def _read_text(path: Path) -> str:
    """A file's text exactly as stored (UTF-8, newlines untranslated, BOM kept)."""
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def _to_datetime(values: Any) -> pd.Series:
    """Dates as datetime64: ISO ``YYYY-MM-DD``, else US ``M/D/YYYY``; NaT otherwise.

    Years before 1900 are placeholders in these corpora (e.g. "0001-01-01")
    and become NaT.
    """
    raw = pd.Series(values, dtype="str")
    iso = pd.to_datetime(raw, errors="coerce", format="%Y-%m-%d")
    us = pd.to_datetime(raw, errors="coerce", format="%m/%d/%Y")
    out = iso.fillna(us)
    return out.where(out.dt.year >= 1900)


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


# ---------------------------------------------------------------------------
# BABE
# ---------------------------------------------------------------------------

_BABE_LABELS = {"Biased": "biased", "Non-biased": "non-biased", "No agreement": "no agreement"}


def _parse_word_list(value: Any, where: str) -> list[str]:
    """A Python-list string such as "['word', 'other']" as a list, safely."""
    if value is None or (isinstance(value, float) and np.isnan(value)) or value == "":
        return []
    try:
        parsed = ast.literal_eval(str(value))
    except (ValueError, SyntaxError):
        raise ValueError(
            f"{where}: 'biased_words' must be a Python list of strings. Got {value!r} instead."
        ) from None
    if not isinstance(parsed, (list, tuple)) or not all(isinstance(w, str) for w in parsed):
        raise ValueError(
            f"{where}: 'biased_words' must be a Python list of strings. Got {value!r} instead."
        )
    return list(parsed)


def _read_csv_sniffed(path: Path) -> pd.DataFrame:
    """Read a BABE/MBIC CSV: ``;`` or ``,`` separated, UTF-8 with or without BOM."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        header = fh.readline()
    sep = ";" if header.count(";") > header.count(",") else ","
    return pd.read_csv(path, sep=sep, encoding="utf-8-sig", dtype=str, keep_default_na=False)


def load_babe(
    data_home: str | os.PathLike[str] | None = None,
    *,
    version: Literal["SG2", "SG1", "MBIC"] = "SG2",
    n_articles: int | None = None,
    random_state: Any = 0,
    download: bool = False,
) -> pd.DataFrame:
    """Load BABE, the expert-labelled sentence-level media-bias corpus.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``babe/``; see :func:`get_data_home`.
    version : {"SG2", "SG1", "MBIC"}, default="SG2"
        ``"SG2"``: 3,674 sentences labelled by experts (the BABE release);
        ``"SG1"``: 1,700 sentences of the first group; ``"MBIC"``: the crowd
        labels of MBIC (Spinde et al. 2021), with the article texts.
    n_articles : int, default=None
        A reproducible random sample of this many sentences (all when ``None``).
    random_state : int, RandomState instance or None, default=0
        Seed of the sample.
    download : bool, default=False
        When ``final_labels_SG2.csv`` or ``final_labels_SG1.csv`` is missing,
        fetch it from the BABE repository (pinned commit) with a SHA-256
        check; fails at once without network. MBIC is not downloadable.

    Returns
    -------
    pandas.DataFrame
        One row per labelled sentence, indexed by a stable ``id``
        (``"babe-sg2-0000"``: version and row number in the file), with columns
        ``text``, ``outlet``, ``topic``, ``type`` (the outlet's leaning:
        "left", "center", "right", missing for 1,000 SG2 rows), ``label``
        ("biased", "non-biased", "no agreement"), ``opinion`` (the
        ``label_opinion`` field as published), ``biased_words`` (a list of
        the words annotators marked as biased) and ``url``. MBIC adds
        ``article``, ``group_id`` and ``num_sent``.

    Raises
    ------
    DatasetNotFoundError
        The file is not in ``data_home``.

    References
    ----------
    T. Spinde, M. Plank, J.-D. Krieger, T. Ruas, B. Gipp and A. Aizawa (2021).
    "Neural Media Bias Detection Using Distant Supervision With BABE - Bias
    Annotations By Experts". Findings of EMNLP.

    T. Spinde, L. Rudnitckaia, K. Sinha, F. Hamborg, B. Gipp and K. Donnay
    (2021). "MBIC - A Media Bias Annotation Dataset Including Annotator
    Characteristics". iConference.

    Examples
    --------
    Without the data the loader says where it looked, at once:

    >>> from framing.datasets import DatasetNotFoundError, load_babe
    >>> try:
    ...     load_babe("/nonexistent/corpora")
    ... except DatasetNotFoundError as err:
    ...     print(str(err).split(": expected")[0])
    The BABE (Spinde et al. 2021) corpus was not found

    With it:

    >>> sentences = load_babe()  # doctest: +SKIP
    >>> sentences["label"].value_counts()  # doctest: +SKIP
    """
    _check_choice("version", version, ("SG2", "SG1", "MBIC"), "load_babe")
    _check_n_articles(n_articles)
    filename = f"final_labels_{version}.csv"
    folder = _dataset_dir("babe", data_home, download=download, required=(filename,))
    path = folder / filename
    raw = _read_csv_sniffed(path)
    expected = {
        "text",
        "news_link",
        "outlet",
        "topic",
        "type",
        "label_bias",
        "label_opinion",
        "biased_words",
    }
    absent = expected - set(raw.columns)
    if absent:
        raise ValueError(
            f"{path}: expected the columns {sorted(expected)}; missing {sorted(absent)}."
        )

    labels = []
    for i, value in enumerate(raw["label_bias"]):
        if value not in _BABE_LABELS:
            raise ValueError(
                f"{path}, row {i + 2}: 'label_bias' must be one of {list(_BABE_LABELS)}. Got {value!r} instead."
            )
        labels.append(_BABE_LABELS[value])
    words = [_parse_word_list(v, f"{path}, row {i + 2}") for i, v in enumerate(raw["biased_words"])]

    def nullable(col: str) -> pd.Series:
        return raw[col].replace("", None).astype("str")

    out = pd.DataFrame(
        {
            "text": raw["text"].astype("str"),
            "outlet": nullable("outlet"),
            "topic": nullable("topic"),
            "type": nullable("type"),
            "label": pd.Categorical(labels, categories=["non-biased", "biased", "no agreement"]),
            "opinion": nullable("label_opinion"),
            "biased_words": pd.Series(words, dtype=object),
            "url": nullable("news_link"),
        }
    )
    if version == "MBIC":
        out["article"] = raw["article"].astype("str")
        out["group_id"] = pd.to_numeric(raw["group_id"], errors="coerce").astype("Int64")
        out["num_sent"] = pd.to_numeric(raw["num_sent"], errors="coerce").astype("Int64")
    out.index = pd.Index(
        [f"babe-{version.lower()}-{i:04d}" for i in range(len(out))], name="id", dtype="str"
    )
    return _sample_frame(out, n_articles, random_state)


# ---------------------------------------------------------------------------
# PTC
# ---------------------------------------------------------------------------

_PTC_ARTICLE = re.compile(r"^article(\d+)\.txt$")


def _read_ptc_labels(path: Path, with_technique: bool) -> list[tuple[str, str | None, int, int]]:
    rows: list[tuple[str, str | None, int, int]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            parts = line.split("\t")
            if len(parts) != 4:
                raise ValueError(
                    f"{path}, line {lineno}: expected 4 tab-separated fields "
                    f"(id, technique, start, end). Got {line!r} instead."
                )
            art, tech, start, end = parts
            try:
                s, e = int(start), int(end)
            except ValueError:
                raise ValueError(
                    f"{path}, line {lineno}: start and end must be integers. Got {line!r} instead."
                ) from None
            rows.append((art, tech if with_technique and tech != "?" else None, s, e))
    return rows


def load_ptc(
    data_home: str | os.PathLike[str] | None = None,
    *,
    split: Literal["train", "dev"] = "train",
    n_articles: int | None = None,
    random_state: Any = 0,
    download: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load the propaganda techniques corpus (PTC) of SemEval-2020 task 11.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``ptc/``; see :func:`get_data_home`.
    split : {"train", "dev"}, default="train"
        ``"train"``: 371 articles with technique spans; ``"dev"``: 75 articles
        with gold span boundaries whose technique is not released (``None``).
    n_articles : int, default=None
        A reproducible random sample of this many articles (all when ``None``).
    random_state : int, RandomState instance or None, default=0
        Seed of the sample.
    download : bool, default=False
        Accepted for symmetry; the corpus is distributed after registration.

    Returns
    -------
    articles : pandas.DataFrame
        Indexed by ``id`` (e.g. "111111111"), sorted, with column ``text``:
        the file exactly as stored (UTF-8, a leading byte-order mark kept,
        because the offsets count it).
    spans : pandas.DataFrame
        One row per labelled span, sorted by ``id`` and ``start``: ``id``,
        ``technique`` (e.g. "Loaded_Language"; ``None`` for dev), ``start``,
        ``end`` (character offsets, end exclusive) and ``text``
        (``articles.text[id][start:end]``).

    Raises
    ------
    DatasetNotFoundError
        The files are not in ``data_home``.

    References
    ----------
    G. Da San Martino, A. Barrón-Cedeño, H. Wachsmuth, R. Petrov and P. Nakov
    (2020). "SemEval-2020 Task 11: Detection of Propaganda Techniques in News
    Articles". SemEval. G. Da San Martino, S. Yu, A. Barrón-Cedeño, R. Petrov
    and P. Nakov (2019). "Fine-Grained Analysis of Propaganda in News
    Articles". EMNLP.

    Examples
    --------
    >>> from framing.datasets import load_ptc
    >>> articles, spans = load_ptc()  # doctest: +SKIP
    >>> spans["technique"].value_counts().head(3)  # doctest: +SKIP
    """
    _check_choice("split", split, ("train", "dev"), "load_ptc")
    _check_n_articles(n_articles)
    if split == "train":
        required = ("train-articles", "train-labels-task2-technique-classification")
    else:
        required = ("dev-articles", "dev-task-TC-template.out")
    folder = _dataset_dir("ptc", data_home, download=download, required=required)
    article_dir = folder / required[0]
    paths = {}
    for path in article_dir.iterdir():
        m = _PTC_ARTICLE.match(path.name)
        if m:
            paths[m.group(1)] = path
    ids = sorted(paths)
    positions = _choose(len(ids), n_articles, random_state)
    if positions is not None:
        ids = [ids[i] for i in positions]
    texts = [_read_text(paths[i]) for i in ids]
    index = pd.Index(ids, name="id", dtype="str")
    articles = pd.DataFrame({"text": pd.Series(texts, dtype="str", index=index)}, index=index)

    rows: list[tuple[str, str | None, int, int]] = []
    if split == "train":
        label_dir = folder / required[1]
        for art in ids:
            label_path = label_dir / f"article{art}.task2-TC.labels"
            if label_path.exists():
                rows.extend(_read_ptc_labels(label_path, with_technique=True))
    else:
        keep = set(ids)
        rows = [
            r for r in _read_ptc_labels(folder / required[1], with_technique=False) if r[0] in keep
        ]

    text_of = dict(zip(ids, texts))
    span_text = []
    for art, _tech, start, end in rows:
        if art not in text_of:
            raise ValueError(
                f"{folder}: a span refers to article {art}, which is not in {article_dir}."
            )
        text = text_of[art]
        if not 0 <= start <= end <= len(text):
            raise ValueError(
                f"{folder}: the span {start}-{end} of article {art} lies outside its {len(text)} characters."
            )
        span_text.append(text[start:end])
    spans = pd.DataFrame(
        {
            "id": pd.Series([r[0] for r in rows], dtype="str"),
            "technique": pd.Series([r[1] for r in rows], dtype="str"),
            "start": pd.Series([r[2] for r in rows], dtype="int64"),
            "end": pd.Series([r[3] for r in rows], dtype="int64"),
            "text": pd.Series(span_text, dtype="str"),
        }
    )
    spans = spans.sort_values(["id", "start", "end"], kind="stable").reset_index(drop=True)
    return articles, spans


# ---------------------------------------------------------------------------
# PolNeAR
# ---------------------------------------------------------------------------

_BRAT_ID = re.compile(r"^[TERAMN#*]\d*\t")
_ANN_NAME = re.compile(r"^(?P<stem>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
_POLNEAR_ROLES = ("source", "cue", "content")


@dataclass
class _Span:
    label: str
    fragments: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)


def parse_brat(path: Path) -> tuple[dict[str, _Span], list[tuple[str, str, dict[str, list[str]]]]]:
    """Text-bound annotations and events of a brat ``.ann`` file.

    The text field of a ``T`` line may itself contain newlines (PolNeAR keeps
    them for discontinuous spans); lines that do not start with a brat id are
    continuations and are skipped: the span text is taken from the article by
    offsets instead.
    """
    spans: dict[str, _Span] = {}
    events: list[tuple[str, str, dict[str, list[str]]]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not _BRAT_ID.match(line):
                continue
            fields = line.split("\t")
            ident = fields[0]
            if ident.startswith("T"):
                if len(fields) < 2:
                    raise ValueError(
                        f"{path}, line {lineno}: a T line needs 'label start end'. Got {line!r}."
                    )
                label, _, offsets = fields[1].partition(" ")
                try:
                    fragments = [
                        (int(a), int(b)) for a, b in (frag.split() for frag in offsets.split(";"))
                    ]
                except ValueError:
                    raise ValueError(
                        f"{path}, line {lineno}: expected offsets 'start end[;start end]'. Got {offsets!r} instead."
                    ) from None
                spans[ident] = _Span(label, fragments)
            elif ident.startswith("E"):
                args = fields[1].split() if len(fields) > 1 else []
                if not args:
                    continue
                etype, _, trigger = args[0].partition(":")
                roles: dict[str, list[str]] = {}
                for arg in args[1:]:
                    role, _, ref = arg.partition(":")
                    base = re.sub(r"\d+$", "", role).lower()
                    roles.setdefault(base, []).append(ref)
                roles.setdefault("trigger", []).append(trigger)
                events.append((ident, etype, roles))
    return spans, events


def _read_polnear_metadata(path: Path) -> pd.DataFrame:
    meta = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    meta = meta.replace({"None": None, "": None})
    return meta.drop_duplicates("filename").set_index("filename")


def load_polnear(
    data_home: str | os.PathLike[str] | None = None,
    *,
    split: Literal["train", "dev", "test"] = "train",
    n_articles: int | None = None,
    random_state: Any = 0,
    annotator: Literal["first", "all"] = "first",
    download: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load PolNeAR, the political news attribution relations corpus.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``polnear/``; see :func:`get_data_home`.
    split : {"train", "dev", "test"}, default="train"
        The folder to read (train: 840 articles, dev: 84 in the shared copy).
    n_articles : int, default=None
        A reproducible random sample of this many articles (all when ``None``).
    random_state : int, RandomState instance or None, default=0
        Seed of the sample.
    annotator : {"first", "all"}, default="first"
        Some articles were annotated by several annotators
        (``<name>_<annotator>.ann``). ``"first"`` keeps one file per article,
        the first annotator id in sorted order (deterministic); ``"all"`` keeps
        every annotation, told apart by the ``annotator`` column.
    download : bool, default=False
        Accepted for symmetry; no pinned public copy is registered.

    Returns
    -------
    articles : pandas.DataFrame
        Indexed by ``id`` (the file stem, e.g.
        "breitbart_2015-11-16_o-malley-campaign-to-shift-staff"), with columns
        ``text`` (exactly as stored), ``outlet`` (publisher), ``date``
        (datetime64), ``title`` and ``author`` (from ``metadata.tsv``; missing
        where the article is not listed there), ``annotators`` (the ids of the
        annotation files kept, ``"|"``-joined).
    attributions : pandas.DataFrame
        One row per attribution relation (a brat ``E`` event): ``id``,
        ``annotator``, ``attribution`` (the event id, e.g. "E3"), ``type``
        ("Attribution" or "Attribution-no-source"), and for each role
        (``source``, ``cue``, ``content``): ``<role>_start``, ``<role>_end``,
        ``<role>_text`` (``text[start:end]``) and ``<role>_discontinuous``
        (the role had several fragments, or several spans as PolNeAR's
        ``Content2``; start and end are then the overall minimum and
        maximum). A missing role has missing offsets and text.

    Raises
    ------
    DatasetNotFoundError
        The files are not in ``data_home``.

    References
    ----------
    E. Newell, D. Margolin and D. Ruths (2018). "An Attribution Relations
    Corpus for Political News". LREC.

    Examples
    --------
    >>> from framing.datasets import load_polnear
    >>> articles, attributions = load_polnear(n_articles=20)  # doctest: +SKIP
    >>> attributions.groupby("id").size().describe()  # doctest: +SKIP
    """
    _check_choice("split", split, ("train", "dev", "test"), "load_polnear")
    _check_choice("annotator", annotator, ("first", "all"), "load_polnear")
    _check_n_articles(n_articles)
    folder = _dataset_dir(
        "polnear", data_home, download=download, required=(f"{split}/text", f"{split}/attributions")
    )
    text_dir = folder / split / "text"
    ann_dir = folder / split / "attributions"
    ids = sorted(p.stem for p in text_dir.glob("*.txt"))
    positions = _choose(len(ids), n_articles, random_state)
    if positions is not None:
        ids = [ids[i] for i in positions]
    by_article: dict[str, list[tuple[str, Path]]] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        m = _ANN_NAME.match(path.name)
        stem, who = (m.group("stem"), m.group("annotator")) if m else (path.stem, "")
        by_article.setdefault(stem, []).append((who, path))

    meta_path = folder / "metadata.tsv"
    meta = _read_polnear_metadata(meta_path) if meta_path.exists() else pd.DataFrame()

    texts: list[str] = []
    kept_annotators: list[str | None] = []
    rows: list[dict[str, Any]] = []
    for art in ids:
        text = _read_text(text_dir / f"{art}.txt")
        texts.append(text)
        files = sorted(by_article.get(art, []))
        if annotator == "first":
            files = files[:1]
        kept_annotators.append("|".join(w for w, _ in files) or None)
        for who, path in files:
            spans, events = parse_brat(path)
            for ident, etype, roles in events:
                row: dict[str, Any] = {
                    "id": art,
                    "annotator": who or None,
                    "attribution": ident,
                    "type": etype,
                }
                for role in _POLNEAR_ROLES:
                    refs = [r for key, refs in roles.items() if key == role for r in refs]
                    found = [spans[r] for r in refs if r in spans]
                    if len(found) < len(refs):
                        raise ValueError(
                            f"{path}: event {ident} refers to {refs}, not all of which are defined."
                        )
                    if found:
                        start = min(s.start for s in found)
                        end = max(s.end for s in found)
                        if not 0 <= start <= end <= len(text):
                            raise ValueError(
                                f"{path}: the {role} span {start}-{end} of {ident} lies outside the "
                                f"{len(text)} characters of {art}.txt."
                            )
                        n_fragments = sum(len(s.fragments) for s in found)
                        row.update(
                            {
                                f"{role}_start": start,
                                f"{role}_end": end,
                                f"{role}_text": text[start:end],
                                f"{role}_discontinuous": n_fragments > 1,
                            }
                        )
                    else:
                        row.update(
                            {
                                f"{role}_start": None,
                                f"{role}_end": None,
                                f"{role}_text": None,
                                f"{role}_discontinuous": False,
                            }
                        )
                rows.append(row)

    index = pd.Index(ids, name="id", dtype="str")

    def meta_col(col: str) -> list[Any]:
        if meta.empty or col not in meta.columns:
            return [None] * len(ids)
        return [meta.at[i, col] if i in meta.index else None for i in ids]

    articles = pd.DataFrame(
        {
            "text": pd.Series(texts, dtype="str", index=index),
            "outlet": pd.Series(
                [
                    o if o is not None else i.split("_", 1)[0]
                    for o, i in zip(meta_col("publisher"), ids)
                ],
                dtype="str",
                index=index,
            ),
            "date": _to_datetime(
                [
                    d if d is not None else (i.split("_")[1] if i.count("_") >= 2 else None)
                    for d, i in zip(meta_col("publication_date"), ids)
                ]
            ).set_axis(index),
            "title": pd.Series(meta_col("title"), dtype="str", index=index),
            "author": pd.Series(meta_col("author"), dtype="str", index=index),
            "annotators": pd.Series(kept_annotators, dtype="str", index=index),
        },
        index=index,
    )
    columns = ["id", "annotator", "attribution", "type"]
    for role in _POLNEAR_ROLES:
        columns += [f"{role}_start", f"{role}_end", f"{role}_text", f"{role}_discontinuous"]
    attributions = pd.DataFrame(rows, columns=columns)
    for role in _POLNEAR_ROLES:
        for col in (f"{role}_start", f"{role}_end"):
            attributions[col] = attributions[col].astype("Int64")
        attributions[f"{role}_text"] = attributions[f"{role}_text"].astype("str")
        attributions[f"{role}_discontinuous"] = attributions[f"{role}_discontinuous"].astype(bool)
    for col in ("id", "annotator", "attribution", "type"):
        attributions[col] = attributions[col].astype("str")
    return articles, attributions


# ---------------------------------------------------------------------------
# Same event (Lim et al. 2020)
# ---------------------------------------------------------------------------

_SENTENCE_PREFIX = re.compile(r"^\[(\d+)\]:\s?")
_TAG = re.compile(r"<[^>]+>")
_PARAGRAPH = re.compile(r"</p>\s*<p[^>]*>|<br\s*/?>", re.IGNORECASE)


def _html_to_text(value: str) -> str:
    """Paragraph HTML (``<p>...</p>``) as plain text, paragraphs separated by a blank line."""
    text = _PARAGRAPH.sub("\n\n", value)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    paragraphs = [re.sub(r"[ \t]+", " ", p).strip() for p in re.split(r"\n\s*\n|\n", text)]
    return "\n\n".join(p for p in paragraphs if p)


def _number(value: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _split_source(value: str) -> str:
    """'001_Washington Post_1' -> 'Washington Post'; 'Reuters' -> 'Reuters'."""
    m = re.match(r"^\d+_(.*?)(?:_\d+)?$", value.strip())
    return m.group(1) if m else value.strip()


def load_same_event(
    data_home: str | os.PathLike[str] | None = None,
    *,
    download: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load the same-event biased-sentences corpus of Lim et al. (2020).

    46 articles on 4 events (Dan Johnson's death, Facebook and Cambridge
    Analytica, the NFL anthem protests, North Korea), from outlets of known
    leaning, each read by several crowd workers who rated the bias of its
    first 20 sentences and of the whole article, with a neutral wire article
    on the same event as the reference they saw.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``same-event-lim2020/``; see :func:`get_data_home`.
    download : bool, default=False
        When the file is missing, fetch it from the authors' repository with a
        SHA-256 check; fails at once without network.

    Returns
    -------
    articles : pandas.DataFrame
        One row per article, indexed by ``id`` ("001" to "046"): ``event_id``,
        ``event``, ``event_date`` (datetime64), ``outlet`` (e.g.
        "Washington Post"), ``source`` (the corpus' source label, e.g.
        "001_Washington Post_1"), ``leaning`` (the outlet's rating as
        published: "left", "left-center", "least", "right-center", "right",
        "right-extream" [sic]), ``url``, ``title``, ``text`` (the rated
        sentences, up to the first 20 of the article, joined by one space),
        ``body_excerpt``, ``reference_outlet``, ``reference_url``,
        ``reference_title``, ``reference_excerpt`` (the article body and the
        wire reference as plain text: the published file cuts both to their
        first 255 characters of HTML), ``n_raters`` and ``article_bias_mean``
        (mean of the workers' whole-article ratings).
    ratings : pandas.DataFrame
        One row per (article, worker, sentence): ``id``, ``rater`` (0, 1, ...
        within the article, in file order), ``sentence`` (0 to 19), ``start``
        and ``end`` (offsets of the sentence in ``articles.text``),
        ``sentence_text``, ``rating`` (the worker's bias rating of the
        sentence, 1 to 4, higher is more biased: the MBIB release of this
        corpus scores a sentence as its mean rating minus one and calls it
        biased from 0.5 up), ``article_bias`` (the worker's rating of the
        whole article, 1 to 4), ``t`` (the published column of that name,
        1 to 4 like the sentence ratings, most likely the rating of the
        headline; the release does not document it) and ``prior_knowledge``
        (the worker said they knew of the event). Rating columns for sentence
        slots that hold no sentence are dropped.

    Raises
    ------
    DatasetNotFoundError
        The file is not in ``data_home``.

    References
    ----------
    S. Lim, A. Jatowt, M. Färber and M. Yoshikawa (2020). "Annotating and
    Analyzing Biased Sentences in News Articles using Crowdsourcing". LREC.

    Examples
    --------
    >>> from framing.datasets import load_same_event
    >>> articles, ratings = load_same_event()  # doctest: +SKIP
    >>> ratings.groupby("id")["rating"].mean().sort_values().tail()  # doctest: +SKIP
    """
    folder = _dataset_dir("same_event", data_home, download=download)
    path = folder / "Sora_LREC2020_biasedsentences.csv"
    with open(path, encoding="utf-8-sig", newline="") as fh:
        records = list(csv.DictReader(fh))
    sentence_cols = [f"s{i}" for i in range(20)]
    rating_cols = [str(i) for i in range(20)]
    expected = {
        "id_event",
        "event",
        "id_article",
        "source",
        "docbody",
        "date_event",
        "source_bias",
        "url",
        "doctitle",
        "ref",
        "ref_url",
        "reftitle",
        "reftext",
        "article_bias",
        "t",
        "preknow",
        *sentence_cols,
        *rating_cols,
    }
    absent = expected - set(records[0] if records else ())
    if absent:
        raise ValueError(
            f"{path}: expected the columns {sorted(expected)}; missing {sorted(absent)}."
        )
    groups: dict[str, list[dict[str, str]]] = {}
    for record in records:
        # One article id is published as "043." on some rows.
        art_id = record["id_article"].strip().rstrip(".").zfill(3)
        groups.setdefault(art_id, []).append({k: (v or "") for k, v in record.items()})

    article_rows = []
    rating_rows = []
    for art, group in sorted(groups.items()):
        first = group[0]
        # The rated sentences, stripped of their "[k]: " prefix, joined by one
        # space into the article text; offsets locate each sentence in it.
        sentences: list[tuple[int, str, int, int]] = []
        pieces: list[str] = []
        cursor = 0
        for k, col in enumerate(sentence_cols):
            value = first[col].strip()
            if not value:
                continue
            sentence = _SENTENCE_PREFIX.sub("", value).strip()
            if pieces:
                cursor += 1
            sentences.append((k, sentence, cursor, cursor + len(sentence)))
            pieces.append(sentence)
            cursor += len(sentence)
        article_bias = np.array([_number(r["article_bias"]) for r in group], dtype=float)
        article_rows.append(
            {
                "id": art,
                "event_id": int(first["id_event"]),
                "event": first["event"],
                "event_date": first["date_event"],
                "outlet": _split_source(first["source"]),
                "source": first["source"],
                "leaning": first["source_bias"] or None,
                "url": first["url"] or None,
                "title": first["doctitle"] or None,
                "text": " ".join(pieces),
                "body_excerpt": _html_to_text(first["docbody"]),
                "reference_outlet": _split_source(first["ref"]),
                "reference_url": first["ref_url"] or None,
                "reference_title": first["reftitle"] or None,
                "reference_excerpt": _html_to_text(first["reftext"]),
                "n_raters": len(group),
                "article_bias_mean": (
                    float(np.nanmean(article_bias))
                    if np.isfinite(article_bias).any()
                    else float("nan")
                ),
            }
        )
        for rater, row in enumerate(group):
            for k, sentence, start, end in sentences:
                rating_rows.append(
                    {
                        "id": art,
                        "rater": rater,
                        "sentence": k,
                        "start": start,
                        "end": end,
                        "sentence_text": sentence,
                        "rating": _number(row[rating_cols[k]]),
                        "article_bias": _number(row["article_bias"]),
                        "t": _number(row["t"]),
                        "prior_knowledge": row["preknow"].strip().lower() == "yes",
                    }
                )
    articles = pd.DataFrame(article_rows).set_index("id")
    articles.index = articles.index.astype("str")
    articles["event_date"] = _to_datetime(articles["event_date"].to_numpy()).to_numpy()
    for col in (
        "event",
        "outlet",
        "source",
        "leaning",
        "url",
        "title",
        "text",
        "body_excerpt",
        "reference_outlet",
        "reference_url",
        "reference_title",
        "reference_excerpt",
    ):
        articles[col] = articles[col].astype("str")
    ratings = pd.DataFrame(
        rating_rows,
        columns=[
            "id",
            "rater",
            "sentence",
            "start",
            "end",
            "sentence_text",
            "rating",
            "article_bias",
            "t",
            "prior_knowledge",
        ],
    )
    ratings["id"] = ratings["id"].astype("str")
    ratings["sentence_text"] = ratings["sentence_text"].astype("str")
    return articles, ratings
