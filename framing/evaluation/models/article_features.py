"""The framing features of the articles (lexicon rates, attribution), computed once and cached."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..._version import __version__
from ...lexicon import load_lexicon
from ...models.article_leaning import ARTICLE_LEXICONS

logger = logging.getLogger(__name__)


__all__ = ["article_framing_features", "framing_cache_key"]


_CACHE_FORMAT = "framing-article-features/1"


def _article_lexicons() -> tuple[str, ...]:
    return tuple(ARTICLE_LEXICONS)


def framing_cache_key(docs: Sequence[str], lexicons: Sequence[str] | None = None) -> str:
    """A fingerprint of documents, framing version and lexicon versions (names a cache file).

    Parameters
    ----------
    docs : sequence of str
    lexicons : sequence of str, optional
        Default: the article-leaning lexicons
        (:data:`framing.models.article_leaning.ARTICLE_LEXICONS`).

    Returns
    -------
    str
        64 hexadecimal digits; it changes when any text, their order, the
        framing version or a lexicon's version changes.

    Examples
    --------
    >>> a = framing_cache_key(["One text.", "Another."])
    >>> a == framing_cache_key(["One text.", "Another."]), a == framing_cache_key(["Another."])
    (True, False)
    """
    names = tuple(lexicons) if lexicons is not None else _article_lexicons()
    h = hashlib.sha256()
    h.update(_CACHE_FORMAT.encode())
    h.update(f"\x00framing={__version__}".encode())
    for name in names:
        h.update(f"\x00{name}={load_lexicon(name).version}".encode())
    h.update(b"\x02")
    for doc in docs:
        h.update(doc.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def article_framing_features(
    docs: Sequence[str], *, cache_dir: str | Path | None = None, n_jobs: int = 1,
    index: Any = None,
) -> pd.DataFrame:
    """Lexicon rates and attribution features of each document, cached on disk when asked.

    The same columns and values as
    ``make_pipeline("article-leaning")``'s framing part before scaling
    (``<lexicon>__<category>`` rates per 1,000 tokens of
    :data:`framing.models.article_leaning.ARTICLE_LEXICONS` and ``attribution__*``),
    computed with :func:`framing.pipeline.analyze_corpus`.

    Parameters
    ----------
    docs : sequence of str
    cache_dir : str or Path, optional
        Folder for the cache file ``article-features-<key>.npz`` (created
        when missing; ``key`` from :func:`framing_cache_key`). A file with
        the same key is read instead of computing; keep the folder outside
        your repository. ``None``: no cache.
    n_jobs : int, default=1
        Worker processes for :func:`~framing.pipeline.analyze_corpus`.
    index : array-like, optional
        Index of the returned frame (default: ``0..n-1``).

    Returns
    -------
    DataFrame
        One row per document, float64 columns.

    Examples
    --------
    >>> out = article_framing_features(['Officials claimed the reckless plan "failed."',
    ...                                 "The vote is on Monday."])
    >>> out.shape[0], float(out.loc[0, "attribution__quotes_count"])
    (2, 1.0)
    >>> bool(out.loc[0, "loaded_language__total"] > out.loc[1, "loaded_language__total"])
    True
    """
    from ...features import AttributionFeaturizer, LexiconFeaturizer
    from ...pipeline import analyze_corpus

    docs = list(docs)
    lexicons = list(_article_lexicons())
    probe = ["x"]
    columns = [
        *LexiconFeaturizer(lexicons, measure="rate").fit(probe).get_feature_names_out(),
        *AttributionFeaturizer().fit(probe).get_feature_names_out(),
    ]
    path = None
    if cache_dir is not None:
        path = Path(cache_dir) / f"article-features-{framing_cache_key(docs, lexicons)}.npz"
        if path.is_file():
            with np.load(path, allow_pickle=False) as data:
                cached_cols = [str(c) for c in data["columns"]]
                values = data["values"]
            if cached_cols == columns and values.shape[0] == len(docs):
                logger.info("framing features of %d documents read from %s", len(docs), path)
                return pd.DataFrame(values, columns=columns, index=index)
            logger.warning("ignoring cache file %s: its columns or row count do not match", path)
    cpu, wall = time.process_time(), time.perf_counter()
    result = analyze_corpus(pd.Series(docs, dtype=object), lexicons=lexicons, n_jobs=n_jobs)
    failed = result.features["error"].notna()
    if failed.any():
        logger.warning("analysis failed for %d of %d documents (their features are 0)",
                       int(failed.sum()), len(docs))
    values = result.features[columns].fillna(0.0).to_numpy(dtype=np.float64)
    logger.info("framing features of %d documents: %.0f s wall, %.0f s CPU in this process",
                len(docs), time.perf_counter() - wall, time.process_time() - cpu)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{path.name}.tmp.npz")
        np.savez_compressed(tmp, values=values, columns=np.asarray(columns, dtype=str))
        tmp.replace(path)
        logger.info("framing features cached in %s", path)
    return pd.DataFrame(values, columns=columns, index=index)
