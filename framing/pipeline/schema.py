"""The public tables: one row per article, per lexicon match, per quote, per entity.

The long tables are the audit trail the feature table aggregates; their
columns are part of the contract other code relies on (../shared/DESIGN.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..attribution import Entity, Quote

if TYPE_CHECKING:
    import pandas as pd

    from .analyzer import Analysis

__all__ = [
    "ENTITY_COLUMNS", "MATCH_COLUMNS", "QUOTE_COLUMNS", "CorpusAnalysis", "entity_rows", "quote_row",
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
    sp, cue = q.speaker, q.cue
    return {
        "id": article_id, "start": q.start, "end": q.end, "text": q.text, "kind": q.kind,
        "speaker_text": sp.text if sp else None,
        "speaker_start": sp.start if sp else None,
        "speaker_end": sp.end if sp else None,
        "speaker_category": sp.category if sp else None,
        "cue_text": cue.text if cue else None,
        "cue_start": cue.start if cue else None,
        "cue_end": cue.end if cue else None,
        "cue_lemma": cue.lemma if cue else None,
        "cue_stance": cue.stance if cue else None,
        "act": q.act,
        "tone": tone,
    }


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
    return {"id": article_id, "entity": i, "text": e.text, "category": e.category, "kind": e.kind,
            "n_mentions": len(e.mentions), "tone": tone, "label": label}




_MATCH_COLUMNS = MATCH_COLUMNS  # names before the pipeline package
_QUOTE_COLUMNS = QUOTE_COLUMNS
