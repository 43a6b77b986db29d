"""Speakers of quotes: now :mod:`framing.attribution.speakers` and :mod:`framing.attribution.phrases`.

This module re-exports their names for code written against the flat layout:
the noun-phrase helpers and word lists (:func:`subject_before`,
:func:`phrase_after`, :func:`word_set`, ``DETERMINERS``, ``PRONOUNS``,
``BETWEEN``) live in :mod:`framing.attribution.phrases`, :class:`Mention` and
:class:`SpeakerResolver` in :mod:`framing.attribution.speakers`.
"""

from __future__ import annotations

from ._deprecation import moved
from .attribution.phrases import (
    BETWEEN,
    DETERMINERS,
    PRONOUNS,
    phrase_after,
    subject_before,
    word_set,
)
from .attribution.speakers import Mention, SpeakerResolver

# private names used through the old path (tests, the cache clearing of benchmarks/bench_quotes.py)
from .attribution.speakers import _name_key as _name_key
from .attribution.speakers import _phrase_category as _phrase_category

__all__ = [
    "BETWEEN",
    "DETERMINERS",
    "PRONOUNS",
    "Mention",
    "SpeakerResolver",
    "phrase_after",
    "subject_before",
    "word_set",
]

moved('speakers', 'framing.attribution.speakers')
