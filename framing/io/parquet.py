"""Stream the feature, match, quote and entity tables to Parquet files in batches.

The four tables are the ones :func:`framing.analyze_corpus` returns, with
``id`` as an ordinary column: ``features.parquet`` (one row per article),
``matches.parquet`` (one row per lexicon hit), ``quotes.parquet`` (one
row per quote, with its tone) and ``entities.parquet`` (one row per entity,
with the tone toward it). Rows are buffered for ``batch_size`` articles and written as
one Parquet row group, so memory stays flat in the number of articles; the
files appear under their final names only when the writer closes without an
error. pandas, DuckDB, Polars and Dask read them directly. A lone surrogate
in any text (no UTF-8 form, so Parquet cannot store it) is written as U+FFFD,
as in every output of framing.

Needs ``pyarrow`` (``pip install "framing[parquet]"``).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ..pipeline import MATCH_COLUMNS, QUOTE_COLUMNS, Analysis, quote_row
from ..pipeline.schema import ENTITY_COLUMNS, entity_rows, replace_surrogates

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["TABLES", "ParquetWriter", "write_parquet"]

TABLES = ("features", "matches", "quotes", "entities")
"""The tables written, one ``<name>.parquet`` file each."""

_INT_FIELDS = {"start", "end", "speaker_start", "speaker_end", "cue_start", "cue_end", "entity",
               "n_mentions"}
_FLOAT_FIELDS = {"tone"}


def _require_pyarrow() -> Any:
    try:
        import pyarrow as pa
        import pyarrow.parquet
    except ImportError:  # pragma: no cover - pyarrow is in the test extra
        raise ImportError(
            "Parquet output needs pyarrow. Install it with: pip install 'framing[parquet]'"
        ) from None
    return pa


def _schemas(feature_names: Sequence[str]) -> dict[str, pa.Schema]:
    pa = _require_pyarrow()
    text = pa.string()
    features = [pa.field(c, text) for c in ("id", "outlet", "title", "error", "language", "warnings")]
    features += [pa.field(c, pa.float64()) for c in feature_names]
    matches = [
        pa.field(c, pa.int64() if c in _INT_FIELDS else pa.float64() if c == "weight"
                 else pa.bool_() if c == "negated" else text)
        for c in MATCH_COLUMNS
    ]
    def field(c: str) -> Any:
        return pa.field(c, pa.int64() if c in _INT_FIELDS else pa.float64() if c in _FLOAT_FIELDS else text)

    return {"features": pa.schema(features), "matches": pa.schema(matches),
            "quotes": pa.schema([field(c) for c in QUOTE_COLUMNS]),
            "entities": pa.schema([field(c) for c in ENTITY_COLUMNS])}


class ParquetWriter:
    """Write analyses to ``features.parquet``, ``matches.parquet``, ``quotes.parquet`` and ``entities.parquet``.

    Parameters
    ----------
    directory : str or Path
        Created if missing. Existing files with the same names are replaced
        when the writer closes successfully.
    feature_names : sequence of str
        The feature columns, in order (``Analyzer(...).feature_names``).
    batch_size : int, default 1000
        Articles buffered before a row group is written.
    compression : str, default "zstd"
        Any codec pyarrow supports.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> from framing import Analyzer
    >>> analyzer = Analyzer(["reporting_verbs"])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     with ParquetWriter(tmp, feature_names=analyzer.feature_names) as writer:
    ...         writer.write(analyzer("Critics slammed the plan."))
    ...     pd.read_parquet(f"{tmp}/matches.parquet")[["text", "category"]].values.tolist()
    [['slammed', 'emotive']]
    """

    def __init__(
        self,
        directory: str | Path,
        *,
        feature_names: Sequence[str],
        batch_size: int = 1000,
        compression: str = "zstd",
    ) -> None:
        if not isinstance(batch_size, int) or batch_size < 1:
            raise ValueError(f"batch_size must be a positive int. Got {batch_size!r}.")
        pa = _require_pyarrow()
        import pyarrow.parquet as pq

        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        self.feature_names = list(feature_names)
        self.batch_size = batch_size
        self.n_articles = 0
        self._pa = pa
        self._schemas = _schemas(self.feature_names)
        self._tmp = {t: self.directory / f".{t}.parquet.tmp" for t in TABLES}
        self._writers = {
            t: pq.ParquetWriter(self._tmp[t], self._schemas[t], compression=compression)
            for t in TABLES
        }
        self._buffers: dict[str, dict[str, list[Any]]] = {}
        self._pending = 0
        self._reset()
        self._closed = False

    def _reset(self) -> None:
        self._buffers = {t: {f.name: [] for f in self._schemas[t]} for t in TABLES}
        self._pending = 0

    def write(self, analysis: Analysis) -> None:
        """Add one article's rows (flushed every ``batch_size`` articles)."""
        if self._closed:
            raise ValueError("write() on a closed ParquetWriter.")
        art = analysis.article
        aid = replace_surrogates(art.id)
        feats = self._buffers["features"]
        feats["id"].append(aid)
        feats["outlet"].append(replace_surrogates(art.outlet))
        feats["title"].append(replace_surrogates(art.title))
        feats["error"].append(replace_surrogates(analysis.error))
        feats["language"].append(analysis.language)
        feats["warnings"].append("; ".join(analysis.warnings) or None)
        values = analysis.features
        for name in self.feature_names:
            feats[name].append(values.get(name))
        matches = self._buffers["matches"]
        for m in analysis.matches:
            for col, value in zip(MATCH_COLUMNS, (aid, m.start, m.end, replace_surrogates(m.text),
                                                   m.lexicon, m.category, m.weight, m.negated)):
                matches[col].append(value)
        quotes = self._buffers["quotes"]
        tones = analysis.quote_tone
        for i, q in enumerate(analysis.quotes):
            for col, value in quote_row(aid, q, tones[i] if i < len(tones) else None).items():
                quotes[col].append(replace_surrogates(value))
        entities = self._buffers["entities"]
        for row in entity_rows(aid, analysis):
            for col, value in row.items():
                entities[col].append(replace_surrogates(value))
        self.n_articles += 1
        self._pending += 1
        if self._pending >= self.batch_size:
            self.flush()

    def write_all(self, analyses: Iterable[Analysis]) -> int:
        """Write every analysis; returns the number written."""
        n = 0
        for a in analyses:
            self.write(a)
            n += 1
        return n

    def flush(self) -> None:
        """Write the buffered rows as one row group per table."""
        if not self._pending:
            return
        for t in TABLES:
            table = self._pa.Table.from_pydict(self._buffers[t], schema=self._schemas[t])
            self._writers[t].write_table(table)
        self._reset()

    def close(self, *, commit: bool = True) -> dict[str, Path]:
        """Flush, close the files and move them into place (or delete them).

        Returns
        -------
        dict
            Table name -> path of the written file (empty when not committed).
        """
        if self._closed:
            return {}
        self._closed = True
        try:
            if commit:
                self.flush()
        finally:
            for w in self._writers.values():
                w.close()
        paths: dict[str, Path] = {}
        for t in TABLES:
            if commit:
                paths[t] = self.directory / f"{t}.parquet"
                os.replace(self._tmp[t], paths[t])
            else:
                with contextlib.suppress(OSError):
                    os.unlink(self._tmp[t])
        return paths

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close(commit=exc_type is None)


def write_parquet(
    analyses: Iterable[Analysis],
    directory: str | Path,
    *,
    feature_names: Sequence[str] | None = None,
    batch_size: int = 1000,
) -> dict[str, Path]:
    """Stream analyses into ``features.parquet``, ``matches.parquet``, ``quotes.parquet``, ``entities.parquet``.

    Parameters
    ----------
    analyses : iterable of Analysis
        For example :func:`framing.iter_analyses` over a large corpus.
    directory : str or Path
    feature_names : sequence of str, optional
        Default: the feature names of the default analyzer (every shipped
        lexicon); pass ``Analyzer(lexicons).feature_names`` otherwise.
    batch_size : int, default 1000

    Returns
    -------
    dict
        Table name -> path.

    Examples
    --------
    >>> import tempfile, pandas as pd
    >>> from framing import iter_analyses
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     paths = write_parquet(iter_analyses(["Critics slammed it.", "Fine."]), tmp)
    ...     pd.read_parquet(paths["features"])["n_tokens"].tolist()
    [3.0, 1.0]
    """
    if feature_names is None:
        from ..pipeline.analyzer import _get_analyzer

        feature_names = _get_analyzer(None).feature_names
    with ParquetWriter(directory, feature_names=feature_names, batch_size=batch_size) as writer:
        writer.write_all(analyses)
    return {t: Path(directory) / f"{t}.parquet" for t in TABLES}
