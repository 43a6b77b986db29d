"""Which language an article is in: an offline identifier whose model ships on PyPI.

The identifier is py3langid (Lui and Baldwin 2012, "langid.py: an
off-the-shelf language identification tool", ACL demos; the model covers 97
languages and ships inside the package). Only the first
:data:`LANGUAGE_SAMPLE_CHARS` characters are read, so the cost per article
is flat whatever its length. A guess whose probability is under
:data:`MIN_CONFIDENCE` (short or mixed texts: "The plan passed.") is
``"und"`` (ISO 639-2 "undetermined").

Most news is plainly English, and the identifier costs about 3.6 ms an
article (plus 2-3 s to load its model once per process), so a cheap test
comes first: a sample of at least :data:`MIN_ENGLISH_WORDS` words of which at
least :data:`MIN_ENGLISH_SHARE` are English function words
(:data:`ENGLISH_FUNCTION_WORDS`: none of them common in the other languages
written in Latin script; "a", "in", "is", "was", "so", "also" are left out
for that reason), with almost no letters outside ASCII, is English without
asking the identifier. Everything else is identified by py3langid, whose
model is loaded only then. On 8,514 real texts (4,000 AllSides articles,
the BABE sentences, the PolNeAR articles) the test said English for 7,516,
and py3langid said ``"en"`` for every one of them
(``tests/test_identity_speed.py`` checks it).

The lexicons, the reporting verbs, the quote rules and the tone lexicon are
English: an article identified as another language is analyzed as usual,
but its features other than ``n_tokens`` and ``n_sentences`` are reported as
missing (NaN) with a warning, never as zeros that look measured. An
undetermined text is analyzed as English.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from itertools import islice
from typing import Any

__all__ = ["ENGLISH_FUNCTION_WORDS", "LANGUAGE_SAMPLE_CHARS", "MEASURED_LANGUAGES", "MIN_CONFIDENCE",
           "MIN_ENGLISH_SHARE", "MIN_ENGLISH_WORDS", "MIN_LETTERS", "UNDETERMINED", "identify_language",
           "is_plainly_english", "language_warning"]

logger = logging.getLogger(__name__)

LANGUAGE_SAMPLE_CHARS = 800
"""How many characters from the start of an article the identifier reads."""

MIN_CONFIDENCE = 0.5
"""The identifier's normalised probability under which the language is :data:`UNDETERMINED`."""

MIN_LETTERS = 12
"""Fewer letters than this are too few to tell a language by: :data:`UNDETERMINED` ("c’" is not Breton)."""

UNDETERMINED = "und"
"""The ISO 639-2 code for a language that could not be determined."""

MEASURED_LANGUAGES = frozenset({"en", UNDETERMINED, "zxx"})
"""Languages whose lexicon features are measured: English, undetermined, no linguistic content."""

ENGLISH_FUNCTION_WORDS = frozenset((
    "the", "and", "of", "to", "that", "for", "with", "it", "he", "she", "they", "this", "are",
    "has", "have", "by", "from", "said", "not", "but", "which", "were", "been", "their", "will",
    "would", "his", "her", "its", "who", "about", "more", "what", "when", "there", "than", "could",
    "should", "into", "just", "people", "some", "our", "you", "one", "all", "new", "can", "out",
    "up", "if", "him", "them", "then", "these", "those", "because", "while", "where", "how",
    "other", "being", "did", "does", "only", "any", "most", "many", "like", "after",
))
"""English words that are rare in the other Latin-script languages (the fast test's word list)."""

MIN_ENGLISH_WORDS = 20
"""The fast test needs at least this many words in the sample."""

MIN_ENGLISH_SHARE = 0.2
"""The share of the sample's words that must be :data:`ENGLISH_FUNCTION_WORDS` (English news: about 0.25)."""

_MAX_NON_ASCII_SHARE = 0.02  # letters outside ASCII (umlauts, accents) allowed in a plainly English sample
_WORDS = re.compile(r"[^\W\d_]+")


def is_plainly_english(sample: str) -> bool:
    """Whether ``sample`` is English by the fast test (enough words, enough English function words).

    False means "not sure", not "not English": :func:`identify_language`
    then asks py3langid.

    Examples
    --------
    >>> is_plainly_english("The Senate passed the bill on Thursday after weeks of talks, and the "
    ...                    "senator said that it was a good day for the people who had waited.")
    True
    >>> is_plainly_english("Der Bundestag hat am Donnerstag das Gesetz beschlossen, sagte er.")
    False
    >>> is_plainly_english("The plan passed.")  # too short to tell without the identifier
    False
    """
    if not isinstance(sample, str):
        raise TypeError(
            f"The 'sample' parameter of is_plainly_english must be a str. Got {type(sample).__name__} instead."
        )
    words = _WORDS.findall(sample.lower())
    n = len(words)
    if n < MIN_ENGLISH_WORDS:
        return False
    english = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
    if english < MIN_ENGLISH_SHARE * n:
        return False
    letters = sum(map(len, words))
    return sample.isascii() or _non_ascii_letters(sample) <= _MAX_NON_ASCII_SHARE * letters


def _non_ascii_letters(sample: str) -> int:
    return sum(1 for ch in sample if ch > "\x7f" and ch.isalpha())


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in, or ``"und"``.

    Reads the first :data:`LANGUAGE_SAMPLE_CHARS` characters. Text with
    fewer than :data:`MIN_LETTERS` letters, and a guess under
    :data:`MIN_CONFIDENCE`, give ``"und"``.

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
    >>> identify_language("The plan passed."), identify_language(""), identify_language("c\u2019")
    ('und', 'und', 'und')
    """
    if not isinstance(text, str):
        raise TypeError(
            f"The 'text' parameter of identify_language must be a str. Got {type(text).__name__} instead."
        )
    sample = text[:LANGUAGE_SAMPLE_CHARS]
    if next(islice(filter(str.isalpha, sample), MIN_LETTERS - 1, None), None) is None:
        return UNDETERMINED  # fewer than MIN_LETTERS letters (the scan stops at the MIN_LETTERS-th)
    if is_plainly_english(sample):
        return "en"
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
