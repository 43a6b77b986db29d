"""The public tables: one row per article, per lexicon match, per quote, per entity.

The long tables are the audit trail the feature table aggregates; their
columns are part of the contract other code relies on (../shared/DESIGN.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

from ..attribution import Entity, Quote

if TYPE_CHECKING:
    import pandas as pd

    from .analyzer import Analysis

__all__ = [
    "ENTITY_COLUMNS", "MATCH_COLUMNS", "QUOTE_COLUMNS", "CorpusAnalysis", "article_parts", "corpus_tables",
    "entity_rows", "quote_row",
    "replace_surrogates", "table_rows",
]

_TableRows = tuple[dict[str, Any], list[tuple[Any, ...]], list[dict[str, Any]], list[dict[str, Any]]]


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(value: Any) -> Any:
    """``value`` with each lone surrogate replaced by U+FFFD; anything else unchanged.

    A lone surrogate (``"\\ud800"``, which a JSON file can spell) is a
    Python string character that has no UTF-8 encoding, so no file format
    can store it. Every writer of framing replaces it by the replacement
    character U+FFFD, one code point for one, so the offsets of matches and
    quotes still slice the written text.

    Examples
    --------
    >>> replace_surrogates("caf\\ud800e") == "caf\\ufffde"
    True
    >>> replace_surrogates(1.5), replace_surrogates(None)
    (1.5, None)
    """
    if not isinstance(value, str) or value.isascii():
        return value
    try:  # the common case, a valid string: one pass in C, about 3x faster than the regex scan
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)
    return value


def _clean(value: Any) -> Any:
    return replace_surrogates(value) if isinstance(value, str) else value


def table_rows(res: Analysis) -> _TableRows:
    """An analysis as its feature row, match, quote and entity rows (surrogates replaced)."""
    art = res.article
    aid = _clean(art.id)
    row: dict[str, Any] = {"id": aid, "outlet": _clean(art.outlet), "title": _clean(art.title),
                           "error": _clean(res.error), "language": res.language,
                           "warnings": "; ".join(res.warnings) or None}
    row.update(res.features)
    matches = [(aid, m.start, m.end, _clean(m.text), m.lexicon, m.category, m.weight, m.negated)
               for m in res.matches]
    quote_tone = res.quote_tone
    quotes = [{k: _clean(v) for k, v in
               quote_row(aid, q, quote_tone[i] if i < len(quote_tone) else None).items()}
              for i, q in enumerate(res.quotes)]
    entities = [{k: _clean(v) for k, v in r.items()} for r in entity_rows(aid, res)]
    return row, matches, quotes, entities


@dataclass(frozen=True)
class CorpusAnalysis:
    """The analysis of a corpus as tidy tables keyed by article id.

    Attributes
    ----------
    features : DataFrame
        One row per article, indexed by ``id``: ``outlet``, ``title``,
        ``error``, ``language``, ``warnings`` and the feature columns (NaN for
        articles with an error, and all but ``n_tokens`` and ``n_sentences``
        for an article not in English).
    matches : DataFrame
        One row per lexicon hit: ``id``, ``start``, ``end``, ``text``,
        ``lexicon``, ``category``, ``weight``, ``negated``.
    quotes : DataFrame
        One row per quote: ``id``, ``start``, ``end``, ``text``, ``kind``,
        speaker and cue fields flattened (``speaker_text``, ``cue_stance``, ...),
        ``act`` and ``tone`` (VADER's compound of the quote's content).
    provenance : dict
        framing and lexicon versions.
    entities : DataFrame
        One row per entity of each article (:data:`ENTITY_COLUMNS`): ``id``,
        ``entity`` (its index in the article, what a quote's
        ``speaker.entity`` holds), ``text``, ``category``, ``kind``,
        ``n_mentions``, ``tone`` (the tone toward it, in ``[-1, 1]``) and
        ``label``.
    """

    features: pd.DataFrame
    matches: pd.DataFrame
    quotes: pd.DataFrame
    provenance: dict[str, Any]
    entities: pd.DataFrame

    @property
    def errors(self) -> pd.Series:
        """Error messages of the articles that could not be analyzed."""
        return self.features["error"].dropna()


MATCH_COLUMNS = ["id", "start", "end", "text", "lexicon", "category", "weight", "negated"]
QUOTE_COLUMNS = [
    "id", "start", "end", "text", "kind",
    "speaker_text", "speaker_start", "speaker_end", "speaker_category",
    "cue_text", "cue_start", "cue_end", "cue_lemma", "cue_stance", "act", "tone",
]
ENTITY_COLUMNS = ["id", "entity", "text", "category", "kind", "n_mentions", "tone", "label"]


def quote_row(article_id: str, q: Quote, tone: float | None = None) -> dict[str, Any]:
    """A quote flattened to one table row (the ``quotes`` table's columns); ``tone`` its compound."""
    return dict(zip(QUOTE_COLUMNS, _quote_values(article_id, q, tone), strict=True))


def _quote_values(article_id: str, q: Quote, tone: float | None) -> tuple[Any, ...]:
    """:func:`quote_row`'s values in :data:`QUOTE_COLUMNS` order."""
    sp, cue = q.speaker, q.cue
    if sp is None:
        speaker: tuple[Any, ...] = (None, None, None, None)
    else:
        speaker = (sp.text, sp.start, sp.end, sp.category)
    if cue is None:
        cue_values: tuple[Any, ...] = (None, None, None, None, None)
    else:
        cue_values = (cue.text, cue.start, cue.end, cue.lemma, cue.stance)
    return (article_id, q.start, q.end, q.text, q.kind, *speaker, *cue_values, q.act, tone)


def entity_rows(article_id: str, res: Analysis) -> list[dict[str, Any]]:
    """The entities of an analysis as rows of the ``entities`` table (:data:`ENTITY_COLUMNS`).

    Examples
    --------
    >>> from framing import analyze
    >>> rows = entity_rows("a", analyze("Critics praised Smith. Critics attacked Jones."))
    >>> [(r["text"], r["n_mentions"], r["label"]) for r in rows]
    [('Smith', 1, 'positive'), ('Jones', 1, 'negative'), ('Critics', 1, 'neutral')]
    """
    tones = res.entity_tone
    out = []
    for i, e in enumerate(res.entities):
        t = tones[i] if i < len(tones) else None
        out.append(_entity_row(article_id, i, e, t.tone if t else None, t.label if t else None))
    return out


def _entity_row(article_id: str, i: int, e: Entity, tone: float | None, label: str | None
                ) -> dict[str, Any]:
    return dict(zip(ENTITY_COLUMNS, _entity_values(article_id, i, e, tone, label), strict=True))


def _entity_values(article_id: str, i: int, e: Entity, tone: float | None, label: str | None
                   ) -> tuple[Any, ...]:
    """:func:`_entity_row`'s values in :data:`ENTITY_COLUMNS` order."""
    return (article_id, i, e.text, e.category, e.kind, len(e.mentions), tone, label)


_MATCH_COLUMNS = MATCH_COLUMNS  # names before the pipeline package
_QUOTE_COLUMNS = QUOTE_COLUMNS


# The corpus tables, built column by column. An article's parts are plain
# tuples (what a worker process sends back); the surrogates are replaced per
# column at the end: one join tells whether a column has any to replace.

_ArticleParts = tuple[tuple[Any, ...], dict[str, float], tuple[list[Any], ...],
                      list[tuple[Any, ...]], list[tuple[Any, ...]]]
_MATCH_FIELDS = tuple(attrgetter(name) for name in MATCH_COLUMNS[1:])
_META_COLUMNS = ["id", "outlet", "title", "error", "language", "warnings"]
_META_CLEANED = ("id", "outlet", "title", "error")  # what table_rows replaces surrogates in


def article_parts(res: Analysis) -> _ArticleParts:
    """An analysis as the values of its rows in the corpus tables, surrogates not yet replaced.

    The values :func:`table_rows` gives, as tuples in the tables' column
    order: the article's fields (``id``, ``outlet``, ``title``, ``error``,
    ``language``, ``warnings``), its features, its matches as one list per
    column (no tuple per hit), and its quote and entity rows. :func:`corpus_tables` replaces the surrogates where
    :func:`table_rows` does.

    Examples
    --------
    >>> from framing import analyze
    >>> res = analyze("Critics slammed it.", lexicons=["reporting_verbs"])
    >>> meta, features, matches, quotes, entities = article_parts(res)
    >>> matches[3], matches[5]
    (['slammed'], ['emotive'])
    """
    art = res.article
    aid = art.id
    meta = (aid, art.outlet, art.title, res.error, res.language, "; ".join(res.warnings) or None)
    hits = res.matches
    matches = ([aid] * len(hits), *(list(map(get, hits)) for get in _MATCH_FIELDS))
    quote_tone = res.quote_tone
    n_tone = len(quote_tone)
    quotes = [_quote_values(aid, q, quote_tone[i] if i < n_tone else None)
              for i, q in enumerate(res.quotes)]
    tones = res.entity_tone
    entities = []
    for i, e in enumerate(res.entities):
        t = tones[i] if i < len(tones) else None
        entities.append(_entity_values(aid, i, e, t.tone if t else None, t.label if t else None))
    return meta, res.features, matches, quotes, entities


def _clean_column(values: list[Any]) -> list[Any]:
    """``[replace_surrogates(v) for v in values]``, the list itself when nothing changes."""
    try:
        joined = "".join(filter(None, values))
    except TypeError:  # not only strings and None: look at the strings
        joined = "".join([v for v in values if isinstance(v, str)])
    if joined.isascii():
        return values
    try:
        joined.encode("utf-8")
    except UnicodeEncodeError:
        return [replace_surrogates(v) for v in values]
    return values


def corpus_tables(
    parts: Iterable[_ArticleParts], feature_names: list[str]
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The feature, match, quote and entity tables of the articles' :func:`article_parts`.

    The tables :func:`table_rows`'s rows make, built from columns: the
    features as one float array, the long tables one list per column.
    """
    import numpy as np
    import pandas as pd

    meta_rows: list[tuple[Any, ...]] = []
    values: list[Any] = []
    match_columns: tuple[list[Any], ...] = tuple([] for _ in MATCH_COLUMNS)
    quote_rows: list[tuple[Any, ...]] = []
    entity_rows: list[tuple[Any, ...]] = []
    nan = float("nan")
    for meta, features, matches_of, quotes_of, entities_of in parts:
        meta_rows.append(meta)
        if list(features) == feature_names:
            values.append(tuple(features.values()))
        else:  # an article with an error has no features: NaN, as a missing key is
            values.append(tuple(features.get(k, nan) for k in feature_names))
        for column, part in zip(match_columns, matches_of, strict=True):
            column.extend(part)
        quote_rows.extend(quotes_of)
        entity_rows.extend(entities_of)
    frame = _frame(meta_rows, _META_COLUMNS, _META_CLEANED)
    array = np.array(values, dtype="float64").reshape(len(values), len(feature_names))
    features_frame = pd.concat(
        [frame, pd.DataFrame(array, columns=feature_names, index=frame.index)], axis=1
    ).set_index("id")
    return (features_frame, _from_columns(match_columns, MATCH_COLUMNS, ("id", "text")),
            _frame(quote_rows, QUOTE_COLUMNS, QUOTE_COLUMNS),
            _frame(entity_rows, ENTITY_COLUMNS, ENTITY_COLUMNS))


def _frame(rows: list[tuple[Any, ...]], names: list[str], cleaned: Any) -> pd.DataFrame:
    """``pd.DataFrame(rows, columns=names)``, surrogates replaced in the ``cleaned`` columns."""
    import pandas as pd

    if not rows:  # no rows: object columns, as from an empty list of rows
        return pd.DataFrame([], columns=names)
    return _from_columns([list(c) for c in zip(*rows, strict=True)], names, cleaned)


def _from_columns(columns: Sequence[list[Any]], names: list[str], cleaned: Any) -> pd.DataFrame:
    """The table of these columns, surrogates replaced in the ``cleaned`` ones."""
    import pandas as pd

    if not columns[0]:
        return pd.DataFrame([], columns=names)
    return pd.DataFrame({name: _clean_column(col) if name in cleaned else col
                         for name, col in zip(names, columns, strict=True)}, columns=names)
