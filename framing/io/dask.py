"""Run the analysis on Dask: a dask DataFrame or Bag of articles in, Dask tables out.

The per-article analysis is a pure function, so a corpus larger than one
machine is analyzed partition by partition on any Dask scheduler (threads,
processes, a :class:`dask.distributed.LocalCluster`, a cluster). Each
partition becomes the same four tables :func:`framing.analyze_corpus`
returns (features, matches, quotes, entities), as lazy Dask DataFrames with
explicit column types. Compute them together (``dask.compute(result.features,
result.matches)``) so each partition is analyzed once.

Needs ``dask[dataframe]`` (and ``distributed`` for clusters):
``pip install "framing[dask]"``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..pipeline import MATCH_COLUMNS, QUOTE_COLUMNS, LexiconSpec, analyze_corpus
from ..pipeline.analyzer import _get_analyzer
from ..pipeline.schema import ENTITY_COLUMNS
from ..readers import Article

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["DaskAnalysis", "analyze_dask"]

_INT_COLUMNS = {"start", "end"}
_ENTITY_INT_COLUMNS = {"entity", "n_mentions"}
_NULLABLE_INT_COLUMNS = {"speaker_start", "speaker_end", "cue_start", "cue_end"}


@dataclass(frozen=True)
class DaskAnalysis:
    """The feature, match, quote and entity tables of a corpus as lazy Dask DataFrames.

    Attributes
    ----------
    features : dask.dataframe.DataFrame
        One row per article, indexed by ``id``: ``outlet``, ``title``,
        ``error`` and the feature columns (float64).
    matches : dask.dataframe.DataFrame
        One row per lexicon hit (``id``, ``start``, ``end``, ``text``,
        ``lexicon``, ``category``, ``weight``, ``negated``).
    quotes : dask.dataframe.DataFrame
        One row per quote, speaker and cue fields flattened.
    provenance : dict
        framing and lexicon versions.
    entities : dask.dataframe.DataFrame
        One row per entity of each article (``id``, ``entity``, ``text``,
        ``category``, ``kind``, ``n_mentions``, ``tone``, ``label``), what
        :attr:`framing.CorpusAnalysis.entities` holds.
    """

    features: Any
    matches: Any
    quotes: Any
    provenance: dict[str, Any]
    entities: Any = None


def _dtypes(feature_names: Sequence[str]) -> dict[str, dict[str, str]]:
    features = {c: "object" for c in ("outlet", "title", "error", "language", "warnings")}
    features.update({c: "float64" for c in feature_names})
    matches = {c: "int64" if c in _INT_COLUMNS else "float64" if c == "weight"
               else "bool" if c == "negated" else "object" for c in MATCH_COLUMNS}
    quotes = {c: "int64" if c in _INT_COLUMNS else "Int64" if c in _NULLABLE_INT_COLUMNS
              else "float64" if c == "tone" else "object" for c in QUOTE_COLUMNS}
    entities = {c: "int64" if c in _ENTITY_INT_COLUMNS else "float64" if c == "tone" else "object"
                for c in ENTITY_COLUMNS}
    return {"features": features, "matches": matches, "quotes": quotes, "entities": entities}


def _typed(frame: pd.DataFrame, dtypes: dict[str, str]) -> pd.DataFrame:
    import pandas as pd

    out = frame.astype(dtypes)
    for c, dtype in dtypes.items():  # missing text as None, not NaN, whatever pandas infers
        if dtype == "object":
            out[c] = out[c].where(pd.notna(out[c]), None)
    return out


def _empty(feature_names: Sequence[str]) -> dict[str, pd.DataFrame]:
    import pandas as pd

    dtypes = _dtypes(feature_names)
    features = pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes["features"].items()},
                            index=pd.Index([], dtype="object", name="id"))
    return {
        "features": features,
        "matches": pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes["matches"].items()}),
        "quotes": pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes["quotes"].items()}),
        "entities": pd.DataFrame({c: pd.Series(dtype=d) for c, d in dtypes["entities"].items()}),
    }


def _as_article(item: Any) -> Any:
    if isinstance(item, dict):
        fields: dict[str, Any] = {k: item.get(k) for k in ("outlet", "title", "date", "url")}
        text = item.get("text")
        if not isinstance(text, str):
            return Article(id=str(item.get("id", "<record>")), text="", error=(
                f"expected a record with a 'text' string. Got {type(text).__name__}."))
        if item.get("id") is None:
            return Article.from_text(text, **fields)
        return Article(id=str(item["id"]), text=text, **fields)
    return item


def _analyze_partition(part: Any, lexicons: Sequence[LexiconSpec] | None) -> tuple[pd.DataFrame, ...]:
    """The four typed tables of one partition (a pandas DataFrame or a list)."""
    import pandas as pd

    if isinstance(part, pd.DataFrame):
        # Dask stores text as pyarrow strings with <NA>; hand the readers
        # plain objects with None for missing values.
        part = part.astype(object).where(part.notna(), None)
    else:
        part = [_as_article(a) for a in part]
    result = analyze_corpus(part, lexicons=lexicons)
    dtypes = _dtypes(_get_analyzer(lexicons).feature_names)
    features = result.features
    features.index = features.index.astype("object")
    return (_typed(features, dtypes["features"]), _typed(result.matches, dtypes["matches"]),
            _typed(result.quotes, dtypes["quotes"]), _typed(result.entities, dtypes["entities"]))


def analyze_dask(articles: Any, *, lexicons: Sequence[LexiconSpec] | None = None) -> DaskAnalysis:
    """Analyze a Dask collection of articles; lazy feature, match, quote and entity tables.

    Parameters
    ----------
    articles : dask.dataframe.DataFrame or dask.bag.Bag
        A DataFrame needs a ``text`` column (optional ``outlet``, ``title``,
        ``date``, ``url``); ids come from its index, as with
        :func:`framing.analyze_corpus`. A Bag holds texts, :class:`Article`
        objects or ``{"text", "id"?, "outlet"?, "title"?, ...}`` records.
    lexicons : sequence of str or Lexicon, optional
        Default: every shipped lexicon. Names are cheaper to ship to workers
        than Lexicon objects.

    Returns
    -------
    DaskAnalysis
        ``features``, ``matches``, ``quotes`` and ``entities`` as Dask DataFrames with
        explicit types (text columns ``object``, quote speaker and cue offsets
        nullable ``Int64``); partition ``k`` of each holds the rows of input
        partition ``k``, in input order.

    Examples
    --------
    >>> import dask, pandas as pd, dask.dataframe as dd
    >>> frame = pd.DataFrame({"text": ["Critics slammed the plan.", "The plan passed."]},
    ...                      index=pd.Index(["a", "b"], name="id"))
    >>> result = analyze_dask(dd.from_pandas(frame, npartitions=2), lexicons=["reporting_verbs"])
    >>> features, matches = dask.compute(result.features, result.matches, scheduler="sync")
    >>> features["reporting_verbs__emotive_count"].tolist()
    [1.0, 0.0]
    >>> matches[["id", "text", "category"]].values.tolist()
    [['a', 'slammed', 'emotive']]
    """
    try:
        import dask
        import dask.bag as db
        import dask.dataframe as dd
    except ImportError:  # pragma: no cover - dask is in the test extra
        raise ImportError(
            "analyze_dask needs dask: pip install 'framing[dask]'"
        ) from None
    if isinstance(articles, dd.DataFrame):
        if "text" not in articles.columns:
            raise ValueError(
                "analyze_dask expects a Dask DataFrame with a 'text' column. "
                f"Got columns {list(articles.columns)}."
            )
    elif not isinstance(articles, db.Bag):
        raise TypeError(
            "analyze_dask expects a dask.dataframe.DataFrame or a dask.bag.Bag of articles. "
            f"Got {type(articles).__name__} instead; use analyze_corpus for in-memory data."
        )
    analyzer = _get_analyzer(lexicons)
    specs = None if lexicons is None else list(lexicons)
    meta = _empty(analyzer.feature_names)
    tables = [
        dask.delayed(_analyze_partition, pure=True)(part, specs)
        for part in articles.to_delayed()
    ]
    out = {
        name: dd.from_delayed([t[k] for t in tables], meta=meta[name], verify_meta=False)
        for k, name in enumerate(("features", "matches", "quotes", "entities"))
    }
    return DaskAnalysis(out["features"], out["matches"], out["quotes"], analyzer.provenance, out["entities"])
