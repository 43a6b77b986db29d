"""Reporting-verb cues against gold parts of speech (EWT) and gold attribution cues (PolNeAR).

The shipped ``reporting_verbs`` lexicon reaches its final hits in two steps:
the matcher's part-of-speech constraint (the ``pos`` column: some
noun-homograph forms must be tagged VERB, :class:`framing.lexicon.Matcher`)
and the cue filter's context rules
(:class:`framing.attribution.cues.CueFilter`). Each table has one row per
way of combining them:

``lexicon``
    every hit of the lexicon with its ``pos`` column ignored;
``cue filter``
    those hits through the cue filter alone;
``pos``
    the matcher with the ``pos`` constraint, without the cue filter;
``both``
    what :func:`framing.analyze` keeps (``Analysis.matches`` of the lexicon).

On UD English EWT test (:func:`ewt_cue_table`) a hit is right when its first
word is gold VERB; recall is over the ``lexicon`` hits whose first word is
gold VERB. On PolNeAR (:func:`polnear_cue_table`) a hit is right when it
overlaps a gold cue; recall is over the gold cue fragments that a
``lexicon`` hit overlaps (the verb cues the lexicon can find).

Run with ``framing evaluate cues --data-home DIR [--split dev]``.
"""

from __future__ import annotations

import os
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Literal

from ..attribution.cues import CueFilter
from ..lexicon import Lexicon, Match, Matcher, load_lexicon
from ..pipeline import Analyzer
from ..pipeline.progress import track
from ..text import Tokens, tokenize

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["VARIANTS", "evaluate_cues", "ewt_cue_table", "polnear_cue_table"]

VARIANTS = ("lexicon", "cue filter", "pos", "both")
"""The rows of each table, in order (see the module docstring)."""

_LEXICON = "reporting_verbs"
_Span = tuple[int, int]
_Finder = Callable[[str, Tokens], set[_Span]]


def _unconstrained(lex: Lexicon) -> Lexicon:
    """``lex`` with every entry's ``pos`` constraint removed."""
    return Lexicon(lex.name, [replace(e, pos=frozenset()) for e in lex], role=lex.role,
                   version=lex.version, categories=lex.categories)


def _spans(matches: Iterable[Match]) -> set[_Span]:
    return {(m.start, m.end) for m in matches if m.lexicon == _LEXICON}


def _finders() -> dict[str, _Finder]:
    """One function per variant: the hit spans of the shipped lexicon in a text."""
    shipped = load_lexicon(_LEXICON)
    plain = _unconstrained(shipped)
    raw, constrained = Matcher([plain]), Matcher([shipped])
    cue_filter = CueFilter([plain])
    analyzer = Analyzer([shipped])
    return {
        "lexicon": lambda text, toks: _spans(raw.find(text, toks)),
        "cue filter": lambda text, toks: _spans(cue_filter.filter(text, toks, raw.find(text, toks))[0]),
        "pos": lambda text, toks: _spans(constrained.find(text, toks)),
        "both": lambda text, toks: _spans(analyzer(text).matches),
    }


def _row(name: str, right: int, predicted: int, found: int, gold: int) -> dict[str, object]:
    return {
        "variant": name, "hits": predicted, "right": right, "gold": gold, "gold_found": found,
        "precision": right / predicted if predicted else 0.0,
        "recall": found / gold if gold else 0.0,
    }


def ewt_cue_table(
    data_home: str | os.PathLike[str] | None = None, *, split: Literal["train", "dev", "test"] = "test"
) -> pd.DataFrame:
    """Reporting-verb hits on UD English EWT against "first word is gold VERB".

    Returns one row per variant (:data:`VARIANTS`) with ``hits``, ``right``
    (first word gold VERB), ``gold`` (lexicon hits whose first word is gold
    VERB), ``gold_found``, ``precision`` and ``recall``. ``split="dev"`` is
    for developing the cue filter; the figures reported are those of test.
    """
    import pandas as pd

    from .tagger import framing_gold, read_treebank

    finders = _finders()
    counts = {name: [0, 0, 0] for name in VARIANTS}  # right, predicted, found
    n_gold = 0
    for sentence in track(read_treebank(split, data_home), desc=f"EWT {split}", unit="sentence"):
        text = sentence.text
        toks = tokenize(text)
        candidates = finders["lexicon"](text, toks)
        if not candidates:
            continue
        gold_tags = framing_gold(sentence)[2]
        gold = {s for s in candidates if gold_tags[bisect_left(toks.starts, s[0])] == "VERB"}
        n_gold += len(gold)
        for name, find in finders.items():
            spans = candidates if name == "lexicon" else find(text, toks)
            c = counts[name]
            c[0] += len(spans & gold)
            c[1] += len(spans)
            c[2] += len(spans & gold)
    return pd.DataFrame([_row(name, c[0], c[1], c[2], n_gold) for name, c in counts.items()])


def polnear_cue_table(
    data_home: str | os.PathLike[str] | None = None, *, split: str = "dev"
) -> pd.DataFrame:
    """Reporting-verb hits on PolNeAR against the gold cues (first annotator).

    ``right`` counts hits overlapping a gold cue fragment; ``gold`` the gold
    cue fragments that a ``lexicon`` hit overlaps, ``gold_found`` those that
    a hit of the variant overlaps.
    """
    import pandas as pd

    from ..datasets import load_polnear

    articles, fragments = load_polnear(data_home, split=split, fragments=True)  # type: ignore[arg-type]
    cues = fragments[fragments["role"] == "cue"]
    gold_by_doc: dict[str, list[_Span]] = {}
    for doc_id, start, end in zip(cues["id"], cues["start"], cues["end"]):
        gold_by_doc.setdefault(doc_id, []).append((int(start), int(end)))
    finders = _finders()
    counts = {name: [0, 0, 0] for name in VARIANTS}
    n_gold = 0
    for doc_id, text in track(articles["text"].items(), total=len(articles), desc="PolNeAR", unit="document"):
        toks = tokenize(text)
        gold = sorted(set(gold_by_doc.get(str(doc_id), [])))
        candidates = finders["lexicon"](text, toks)
        reachable = [g for g in gold if any(a < g[1] and g[0] < b for a, b in candidates)]
        n_gold += len(reachable)
        for name, find in finders.items():
            spans = candidates if name == "lexicon" else find(text, toks)
            c = counts[name]
            c[0] += sum(any(a < e and s < b for a, b in gold) for s, e in spans)
            c[1] += len(spans)
            c[2] += sum(any(a < g[1] and g[0] < b for a, b in spans) for g in reachable)
    return pd.DataFrame([_row(name, c[0], c[1], c[2], n_gold) for name, c in counts.items()])


def evaluate_cues(data_home: str | os.PathLike[str] | None = None, *, split: str = "dev") -> pd.DataFrame:
    """Both tables, one under the other, with a ``corpus`` column.

    Examples
    --------
    >>> VARIANTS
    ('lexicon', 'cue filter', 'pos', 'both')
    """
    import pandas as pd

    ewt = ewt_cue_table(data_home).assign(corpus="EWT test (gold VERB)")
    polnear = polnear_cue_table(data_home, split=split).assign(corpus=f"PolNeAR {split} (gold cues)")
    table = pd.concat([ewt, polnear], ignore_index=True)
    return table[["corpus", *[c for c in table.columns if c != "corpus"]]]
