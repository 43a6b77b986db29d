"""Time words of the attribution rules: months and weekdays from the ``calendar`` gazetteer.

The names live in one place, ``lexicons/gazetteers/calendar.tsv`` (which
:func:`framing.attribution.gazetteers.calendar_word` also reads, with its
abbreviations, holidays and time zones); the rules here need them lower-cased,
as token norms.
"""

from __future__ import annotations

from pathlib import Path

from ..lexicon import lexicon_dir

__all__ = ["MONTHS", "TIMES"]


def _calendar(*types: str) -> frozenset[str]:
    """The lower-cased names of the ``calendar`` gazetteer of ``types`` (``month``, ``weekday`` ...).

    Examples
    --------
    >>> sorted(_calendar("weekday"))[:3]
    ['friday', 'monday', 'saturday']
    """
    with (Path(lexicon_dir()) / "gazetteers" / "calendar.tsv").open(encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if not line.startswith("#")]
    return frozenset(name.lower() for name, kind, *_ in rows[1:] if kind in types)


MONTHS = _calendar("month")
"""The twelve month names, lower-cased ("may" among them: "May said" is Theresa May only by context)."""
TIMES = _calendar("weekday") | frozenset(
    ["week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"]
)
"""Weekdays and the time nouns that end a subject's adverbial ("on Monday", "last week")."""
