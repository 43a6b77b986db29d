"""Gazetteers of the entity linker: places, public figures and documents.

Small lists shipped in ``lexicons/gazetteers/`` (each with a JSON
sidecar giving its version, licence and sources). They are not counting
lexicons (they are not in :func:`framing.lexicon.available_lexicons`): the
entity linker of :mod:`framing.attribution.entities` reads them.

* ``places``: countries, capitals and US states. A speaker whose whole name
  is a place ("China said", "Pyongyang warned") speaks for its government.
* ``public_figures``: people whose office the article may leave unsaid
  ("Trump said"); the weakest evidence, any role in the article wins.
* ``proxies``: head nouns of speakers who speak for someone ("her
  spokesman", "Trump's lawyer"); they take their owner's category.
* ``labels``: page labels ("Photograph", "Contributing"), never a name
  or a speaker.
* ``documents``: head nouns of speakers that are texts or data ("the report
  said"); they keep category ``other`` and are counted apart.
* ``public_bodies``: words naming a public body before a proxy ("Kern
  County spokeswoman", "San Francisco schools spokeswoman"): the proxy
  speaks for it.
* ``localities``: regions, cities and state abbreviations ("Middle East",
  "Mosul", "Fla."): with ``places``, the entities of kind ``place``.
* ``demonyms``: adjectives of nationality, faith and region ("Iraqi",
  "Sunni") and their plurals ("Iraqis"): a modifier, or a group.
* ``calendar``: months, weekdays and holidays: a date, never an entity.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

from ..lexicon import lexicon_dir
from .phrases import word_set

__all__ = [
    "body_category", "calendar_word", "country_of", "demonym", "document_head", "figure_category", "is_place",
    "name_key", "not_speaker", "page_label", "people_head", "place_category", "place_name", "proxy_head",
    "us_state",
]

_PARTICLE = re.compile(r"^(?:al|el|ul|bin|ibn|abu|de|da|di|van|von)-", re.IGNORECASE)


@lru_cache(maxsize=16_384)  # the most recent name words: a few MB, however long the stream
def name_key(norm: str) -> str:
    """The linking key of a name word: no possessive, no particle ("al-Maliki" -> "maliki").

    Examples
    --------
    >>> name_key("al-maliki"), name_key("pelosi's")
    ('maliki', 'pelosi')
    """
    return _PARTICLE.sub("", norm.replace("'s", ""))

_NUMBER = re.compile(r"[\d.,%$\u2013-]+\Z")
FIGURE_WEIGHT = 0.2  # evidence weight of a public-figure row (below every role in the article)
PLACE_WEIGHT = 0.25  # evidence weight of a place standing for its government


def _rows(name: str) -> list[list[str]]:
    path = Path(lexicon_dir()) / "gazetteers" / f"{name}.tsv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = [r for r in csv.reader(f, delimiter="\t") if r and not r[0].startswith("#")]
    return rows[1:]  # the header


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("places")}


@lru_cache(maxsize=1)
def _figures() -> dict[str, str]:
    out: dict[str, str] = {}
    for name, category in (r[:2] for r in _rows("public_figures")):
        words = name.lower().split()
        key = name_key(words[-1]) if len(words) == 1 else f"{words[0]} {name_key(words[-1])}"
        out[key] = category
    return out


@lru_cache(maxsize=1)
def _documents() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("documents"))


def place_category(name: str) -> str | None:
    """The category of a speaker named by a place ("the United States"), else None.

    Examples
    --------
    >>> place_category("Pyongyang"), place_category("the United States"), place_category("Mr. China")
    ('government', 'government', None)
    """
    if name[:4].lower() == "the ":
        name = name[4:]
    return _places().get(name)


@lru_cache(maxsize=1)
def _localities() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("localities"))


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    states = {r[0] for r in _rows("places") if r[2] == "us_state"}
    return frozenset(states | {r[0] for r in _rows("localities") if r[1] == "state_abbreviation"})


def is_place(name: str) -> bool:
    """Whether ``name`` is a place of the ``places`` or ``localities`` gazetteer.

    Examples
    --------
    >>> is_place("Iraq"), is_place("Mosul"), is_place("the Middle East"), is_place("Fla."), is_place("Mosul Dam")
    (True, True, True, True, False)
    """
    if name[:4].lower() == "the ":
        name = name[4:]
    return name in _places() or name in _localities()


# Words of direction and extent before a place name ("East Germany", "Northern Syria", "Greater London"):
# a closed class of English, like the pronouns of phrases.py.
_DIRECTIONS = word_set(
    """
    north south east west central northern southern eastern western northeast northwest southeast
    southwest northeastern northwestern southeastern southwestern upper lower greater downtown rural
    """
)


def place_name(name: str) -> bool:
    """Whether ``name`` is a place: one of the gazetteers (:func:`is_place`), or a direction before one.

    Examples
    --------
    >>> place_name("East Germany"), place_name("Northern Syria"), place_name("Mosul"), place_name("East Jones")
    (True, True, True, False)
    >>> place_name("West"), place_name("North West")
    (False, False)
    """
    if is_place(name):
        return True
    first, _, rest = name.partition(" ")
    return bool(rest) and first.lower() in _DIRECTIONS and is_place(rest)


def us_state(name: str) -> bool:
    """Whether ``name`` is a US state or its abbreviation ("Texas", "Conn.", "D.C.").

    Examples
    --------
    >>> us_state("Conn."), us_state("Ohio"), us_state("Mosul")
    (True, True, False)
    """
    return name in _us_states()


@lru_cache(maxsize=1)
def _demonyms() -> dict[str, str]:
    out: dict[str, str] = {}
    for r in _rows("demonyms"):
        out[r[0]] = "singular"
        if r[1]:
            out[r[1]] = "plural"
    return out


def demonym(word: str) -> str | None:
    """``"singular"`` for an adjective or noun of a people ("Iraqi"), ``"plural"`` for its group ("Iraqis").

    Examples
    --------
    >>> demonym("Iraqi"), demonym("Sunnis"), demonym("South Korean"), demonym("Iraq")
    ('singular', 'plural', 'singular', None)
    """
    return _demonyms().get(word)


@lru_cache(maxsize=1)
def _nationalities() -> dict[str, str]:
    return {r[0]: r[3] for r in _rows("demonyms") if r[2] == "nationality" and r[3]}


def country_of(word: str) -> str | None:
    """The country of a nationality adjective ("Iranian": "Iran"), else None (also for "Hispanic", "Sunni").

    Examples
    --------
    >>> country_of("Iranian"), country_of("American"), country_of("Hispanic"), country_of("Iran")
    ('Iran', 'United States', None, None)
    """
    return _nationalities().get(word)


@lru_cache(maxsize=1)
def _calendar() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("calendar"))


def calendar_word(name: str) -> bool:
    """Whether ``name`` is a month, a weekday or a holiday ("Feb", "Monday", "Thanksgiving").

    Examples
    --------
    >>> calendar_word("September"), calendar_word("Feb"), calendar_word("Labor Day"), calendar_word("Labor")
    (True, True, True, False)
    """
    return name in _calendar()


def figure_category(first: str, surname: str) -> str | None:
    """The category of a public figure by first name and surname key (``first`` empty: surname alone).

    Examples
    --------
    >>> figure_category("nancy", "pelosi"), figure_category("", "trump"), figure_category("ann", "lee")
    ('government', 'government', None)
    >>> figure_category("bashar", "assad"), figure_category("marjorie", "greene")
    ('government', 'government')
    """
    key = f"{first} {surname}" if first else surname
    return _figures().get(key.lower())


def document_head(phrase: str) -> bool:
    """Whether a speaker phrase is a text or data ("the report", "a statement"), by its lower-case head.

    Examples
    --------
    >>> document_head("the new report"), document_head("The Post"), document_head("officials")
    (True, False, False)
    """
    words = phrase.split()
    return bool(words) and words[-1] in _documents()


@lru_cache(maxsize=1)
def _proxies() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("proxies"))


def proxy_head(word: str) -> bool:
    """Whether a lower-case head noun speaks for its owner ("spokesman", "lawyer").

    Examples
    --------
    >>> proxy_head("spokeswoman"), proxy_head("senator")
    (True, False)
    """
    return word in _proxies()


@lru_cache(maxsize=1)
def _people() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("people"))


def people_head(word: str) -> bool:
    """Whether a lower-case head names people without a role ("critics", "others", "percent").

    Examples
    --------
    >>> people_head("critics"), people_head("some"), people_head("traffic")
    (True, True, False)
    """
    return word in _people()


@lru_cache(maxsize=1)
def _bodies() -> dict[str, str]:
    return {r[0]: r[1] for r in _rows("public_bodies")}


def body_category(word: str) -> str | None:
    """The category of a lower-case word naming a public body ("county", "schools", "police"), else None.

    Examples
    --------
    >>> body_category("county"), body_category("police"), body_category("earther")
    ('government', 'law_enforcement', None)
    """
    return _bodies().get(word)


@lru_cache(maxsize=1)
def _labels() -> frozenset[str]:
    return frozenset(r[0] for r in _rows("labels"))


def page_label(phrase: str) -> bool:
    """Whether a phrase is a page label ("Photograph", "Full Coverage"), never a name or a speaker.

    Examples
    --------
    >>> page_label("Photograph"), page_label("Contributing"), page_label("Anne Photograph")
    (True, True, False)
    """
    return phrase.lower() in _labels()


def not_speaker(phrase: str) -> bool:
    """Whether a speaker phrase is a number, a year, a page label or a function word ("30", "2016", "Photograph", "long").

    Examples
    --------
    >>> not_speaker("2016"), not_speaker("Contributing"), not_speaker("Trump")
    (True, True, False)
    >>> not_speaker("long"), not_speaker("don\u2019t"), not_speaker("Long")
    (True, True, False)
    >>> not_speaker("Don\u2019t bother"), not_speaker("That's different"), not_speaker("That official")
    (True, True, False)
    >>> not_speaker("January"), not_speaker("Labor Day"), not_speaker("May")
    (True, True, False)
    """
    plain = phrase.replace("\u2019", "'")
    first = plain.split(" ", 1)[0].lower()
    return _NUMBER.match(phrase) is not None or page_label(phrase) or plain in _FUNCTION_WORDS or (
        calendar_word(phrase.rstrip(".")) and phrase not in _NAME_MONTHS) or (
        plain != first and (first in _NEGATIVES or first in _CONTRACTED)  # "Don't bother", "That's different"
    )


# Lower-case words that are never a speaker phrase on their own: adverbs and
# auxiliaries left of a cue when the subject was not found ("have long
# acknowledged", "don't want", "denies ever saying"); a closed class of English.
_FUNCTION_WORDS = word_set(
    """
    long ever never also still just even only already often always again more most less
    too very really actually finally later earlier soon once then now not
    don't doesn't didn't won't wouldn't can't couldn't shouldn't isn't aren't wasn't weren't
    hasn't haven't hadn't do does did will would can could should must may might shall
    and or but so yet if that which
    """
)
_NAME_MONTHS = frozenset(("May", "June", "April", "August"))  # "May said": Theresa May
_NEGATIVES = frozenset(w for w in _FUNCTION_WORDS if w.endswith("n't"))
# a demonstrative or adverb with a contracted verb opens a clause, never a speaker phrase
_CONTRACTED = word_set("that's there's here's what's that'd there'd let's")
