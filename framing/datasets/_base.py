"""Shared parts of the corpus loaders: registry, data home, downloads, sampling."""

from __future__ import annotations

import hashlib
import logging
import os
import sys
import tempfile
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..exceptions import ChecksumError, DatasetNotFoundError

logger = logging.getLogger("framing.datasets")


DATA_HOME_ENV = "FRAMING_DATA_HOME"
"""Environment variable naming the folder that holds the corpora."""

_DOWNLOAD_TIMEOUT = 10.0
_CHUNK = 1 << 20


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
    "frames": _Dataset(
        name="SemEval-2023 task 3 subtask 2, English frames (Piskorski et al. 2023)",
        folder="frames-semeval2023",
        required=("labels.tsv", "articles"),
        description="labels.tsv (ID<TAB>frame,frame,...) and articles/article<ID>.txt",
        source="https://propaganda.math.unipd.it/semeval2023task3/ (registration required)",
    ),
    "moka": _Dataset(
        name="MOKA MoralEvents (Zhang et al. 2024)",
        folder="moka",
        required=("meta", "articles"),
        description="meta/TRIPLET_<t>.json and articles/TRIPLET_<t>_DOCUMENT_<d>.json (the train and valid splits)",
        source="https://github.com/launchnlp/MOKA (MoralEvents/)",
    ),
    "conll2010": _Dataset(
        name="CoNLL-2010 Wikipedia uncertainty sentences (Farkas et al. 2010)",
        folder="conll2010-wiki",
        required=("train.csv",),
        description="train.csv (columns text,label; 1 = uncertain)",
        source="https://github.com/PAJEAN/uncertaintyDetection (sentence export of the CoNLL-2010 WikiWeasel data)",
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
    """The folder the corpora are read from: the one data-home policy of framing.

    Every loader of :mod:`framing.datasets`, every evaluation and the
    ``framing evaluate`` command resolve their data folder here, in this
    order:

    1. an explicit folder: the ``data_home`` argument (``--data-home DIR`` on
       the command line);
    2. else the ``FRAMING_DATA_HOME`` environment variable;
    3. else the per-user cache folder: ``$XDG_CACHE_HOME/framing``, which is
       ``~/.cache/framing`` on Linux and macOS (``%LOCALAPPDATA%\\framing`` on
       Windows).

    The folder holds one sub-folder per corpus (``allsides/``, ``babe/``,
    ``ptc/``, ``polnear/``, ``same-event-lim2020/``, ...). A missing corpus
    raises :class:`DatasetNotFoundError` naming these three ways.

    Parameters
    ----------
    data_home : str or path-like, default=None
        An explicit folder; ``None`` falls back to the environment variable,
        then to the per-user cache folder. ``~`` is expanded. The folder is
        not created.

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
        f"Point framing at the folder that holds '{ds.folder}/' in one of three ways: "
        f"pass data_home=DIR (on the command line: --data-home DIR), set the {DATA_HOME_ENV} "
        f"environment variable, or put the corpus in the default folder {_user_cache_dir()}.",
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
        umask = os.umask(0o022)  # read the umask (there is no getter) and restore it
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp creates 0600; a download is shared like any file
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
