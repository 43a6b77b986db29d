"""Speakers of quotes: now :mod:`framing.attribution.speakers` and :mod:`framing.attribution.phrases`.

This module re-exports their names for code written against the flat layout:
the noun-phrase helpers and word lists (:func:`subject_before`,
:func:`phrase_after`, :func:`word_set`, ``DETERMINERS``, ``PRONOUNS``,
``BETWEEN``) live in :mod:`framing.attribution.phrases`, :class:`Mention` and
:class:`SpeakerResolver` in :mod:`framing.attribution.speakers`.
"""

from __future__ import annotations

from .attribution.phrases import (
    BETWEEN,
    DETERMINERS,
    PRONOUNS,
    phrase_after,
    subject_before,
    word_set,
)
from .attribution.speakers import Mention, SpeakerResolver
from .attribution.speakers import _name_key as _name_key  # private, imported from the old path

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
