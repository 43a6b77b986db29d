"""Which language an article is in: an offline identifier whose model ships on PyPI.

The identifier is py3langid (Lui and Baldwin 2012, "langid.py: an
off-the-shelf language identification tool", ACL demos; the model covers 97
languages and ships inside the package). Only the first
:data:`LANGUAGE_SAMPLE_CHARS` characters are read, so the cost per article
is flat whatever its length. A guess whose probability is under
:data:`MIN_CONFIDENCE` (short or mixed texts: "The plan passed.") is
``"und"`` (ISO 639-2 "undetermined").

The lexicons, the reporting verbs, the quote rules and the tone lexicon are
English: an article identified as another language is analyzed as usual,
but its features other than ``n_tokens`` and ``n_sentences`` are reported as
missing (NaN) with a warning, never as zeros that look measured. An
undetermined text is analyzed as English.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any

__all__ = ["LANGUAGE_SAMPLE_CHARS", "MEASURED_LANGUAGES", "MIN_CONFIDENCE", "UNDETERMINED",
           "identify_language", "language_warning"]

logger = logging.getLogger(__name__)

LANGUAGE_SAMPLE_CHARS = 800
"""How many characters from the start of an article the identifier reads."""

MIN_CONFIDENCE = 0.5
"""The identifier's normalised probability under which the language is :data:`UNDETERMINED`."""

UNDETERMINED = "und"
"""The ISO 639-2 code for a language that could not be determined."""

MEASURED_LANGUAGES = frozenset({"en", UNDETERMINED, "zxx"})
"""Languages whose lexicon features are measured: English, undetermined, no linguistic content."""


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in, or ``"und"``.

    Reads the first :data:`LANGUAGE_SAMPLE_CHARS` characters. Text without
    letters, and a guess under :data:`MIN_CONFIDENCE`, give ``"und"``.

    Raises
    ------
    TypeError
        When ``text`` is not a str.

    Examples
    --------
    >>> identify_language("Die Regierung hat am Montag neue Maßnahmen beschlossen.")
    'de'
    >>> identify_language("Officials said the plan failed.")
    'en'
    >>> identify_language("The plan passed."), identify_language("")
    ('und', 'und')
    """
    if not isinstance(text, str):
        raise TypeError(
            f"The 'text' parameter of identify_language must be a str. Got {type(text).__name__} instead."
        )
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if not any(ch.isalpha() for ch in sample):
        return UNDETERMINED
    code, probability = _identifier().classify(sample.encode("utf-8", "replace"))
    return str(code) if probability >= MIN_CONFIDENCE else UNDETERMINED


def language_warning(language: str) -> str | None:
    """The warning an article in ``language`` carries, or None for a measured language.

    Examples
    --------
    >>> language_warning("de")
    "language 'de' is not English: the lexicon, quote and tone features are English-only and reported as missing (NaN)"
    >>> language_warning("en") is None
    True
    """
    if language in MEASURED_LANGUAGES:
        return None
    return (f"language {language!r} is not English: the lexicon, quote and tone features are "
            "English-only and reported as missing (NaN)")
