"""The kind of an exposed entity: person, organisation, group or place.

A step of :func:`~framing.attribution.mentions_filter.expose_entities`.
Places get kind ``place`` (the ``places`` and ``localities`` gazetteers, a
direction before one, a geographic head, a name followed by a US state),
unless they speak: "China said" is an ``org`` speaking for its government.
A name the name runs filed as a person but whose head is an organisation
word is an ``org``, and so is one whose whole name is an organisation of
the ``source_roles`` lexicon ("Politico", "Pfizer"); the plural of a
demonym is a ``group``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import load_lexicon
from .acronyms import EntityRow
from .gazetteers import demonym, figure_category, is_place, place_category, place_name, us_state
from .phrases import word_set

__all__ = ["entity_kind", "known_name", "name_kind", "place_abbreviation"]

# Heads of geographic names ("Orange County", "Mekong River", "Korean Peninsula")
_GEO_HEADS = word_set(
    """
    county province parish river valley mountains mountain island islands bay sea ocean gulf strait
    peninsula desert lake canyon coast region prefecture borough township side garden wing straits beach
    square
    """
)
# Heads that make a name an organisation the name runs file as a person ("Kurdish Regional Government")
_ORG_HEADS = word_set(
    """
    government army forces military police regime guard corps navy command brigade battalion militia
    movement alliance front league parliament assembly legislature cabinet ministry embassy agency
    state caucus society survey institute council conference club force academy patrol airlines airways
    media press network channel magazine partners ventures holdings industries enterprises systems
    technologies labs motors pharmaceuticals studios entertainment energy
    """
)
_INITIAL = re.compile(r"\b[A-Z]\.")
_STATE_AFTER = re.compile(r", ([A-Z][\w.]*(?: [A-Z][\w.]*)?)(?=[,;:)\n]|\.?\s|\Z)")
_SITE = re.compile(r"\.(?:com|org|net|gov)\Z", re.IGNORECASE)


def known_name(name: str) -> bool:
    """Whether a gazetteer knows ``name``: a place or a public figure.

    Examples
    --------
    >>> known_name("Mosul"), known_name("Nancy Pelosi"), known_name("Intensifies Drive")
    (True, True, False)
    """
    words = name.lower().split()
    return is_place(name) or (len(words) > 1 and figure_category(words[0], words[-1]) is not None) or (
        len(words) == 1 and figure_category("", words[0]) is not None)


def _place(text: str, row: EntityRow) -> bool:
    name = row.text
    if is_place(name) or (name.isupper() and len(name) > 3 and is_place(name.title())):
        return True  # "Mosul", a dateline "WASHINGTON"
    if place_name(name):
        return True  # "Central Florida", "Northern Syria"
    words = name.split()
    if len(words) > 1 and words[-1].lower() in _GEO_HEADS:
        return True  # "Orange County", "Mekong River"
    if known_name(name) or _INITIAL.search(name):
        return False  # "Chuck Grassley, Iowa Republican", "Stephen I. Vladeck, New York Times": a person
    for _, e in row.mentions:  # "Hartford, Conn.", "Parkland, Florida", the state ending the phrase
        if not text.startswith(", ", e):
            continue
        m = _STATE_AFTER.match(text[e : e + 24])
        if m is not None and (us_state(m.group(1)) or us_state(m.group(1).rstrip("."))):
            return True
    return False


def place_abbreviation(text: str, row: EntityRow) -> None:
    """A place abbreviation cut before its period ("Conn", "D.C") gets it back ("Conn.", "D.C.").

    Examples
    --------
    >>> text = "He left Washington, D.C. on Monday."
    >>> row = EntityRow("D.C", "other", [(20, 23)], "person")
    >>> place_abbreviation(text, row)
    >>> row.text, [text[s:e] for s, e in row.mentions]
    ('D.C.', ['D.C.'])
    """
    if row.text and not is_place(row.text) and is_place(row.text + ".") and all(
        text[e : e + 1] == "." for _, e in row.mentions
    ):
        row.text += "."
        row.mentions = [(s, e + 1) for s, e in row.mentions]


@lru_cache(maxsize=1)
def _organisations() -> frozenset[str]:
    """Capitalised one-word ``source_roles`` terms of full weight that name one organisation ("Politico").

    A term whose lower-case form is also a term is a title ("Secretary"),
    plurals ("Houthis", "MEPs") are groups or people, and the people
    categories (citizen, anonymous) are left out.
    """
    entries = list(load_lexicon("source_roles"))
    lower = {e.term for e in entries if not e.case_sensitive}
    return frozenset(
        e.term for e in entries
        if e.case_sensitive and e.weight >= 1 and e.category not in ("citizen", "anonymous")
        and e.term.lower() not in lower and " " not in e.term and not e.term.endswith("s")
        and e.term not in ("CEO", "CFO", "COO", "NGO", "MEP", "MP", "DA", "Democrat", "Republican", "Tory", "Rev")
    )


def name_kind(name: str, kind: str) -> str:
    """The kind a linked entity's fullest name says, for the speaker resolver: ``org`` for a "person" that is not one.

    The knowledge of :func:`entity_kind` that needs no context: a place
    (:func:`~.gazetteers.place_name`: "East Germany"), a name headed by an
    organisation word ("Islamic State") or an organisation of the
    ``source_roles`` lexicon ("Google") is never "he", "she" or "I". (The
    resolver files places as organisations: "Iraq said" speaks for its
    government.)

    Examples
    --------
    >>> [name_kind(n, "person") for n in ("East Germany", "Google", "Islamic State", "Jane West")]
    ['org', 'org', 'org', 'person']
    >>> name_kind("Senate Democrats", "group")
    'group'
    """
    if kind != "person":
        return kind
    words = name.split()
    if place_name(name) or (len(words) > 1 and words[-1].lower() in _ORG_HEADS) or name in _organisations():
        return "org"
    return kind


def entity_kind(text: str, row: EntityRow) -> str:
    """The kind of an exposed entity; a place that does not speak also gets its category.

    Examples
    --------
    >>> text = "Troops left Mosul. China said no. Sunnis fled."
    >>> [entity_kind(text, EntityRow(n, "other", [(s, e)], "person", [], sp)) for n, s, e, sp in
    ...  [("Mosul", 12, 17, set()), ("China", 19, 24, {(19, 24)}), ("Sunnis", 34, 40, set())]]
    ['place', 'org', 'group']
    """
    kind = row.kind
    words = row.text.split()
    if _place(text, row):
        if row.spoken:
            return "org"  # "China said": it speaks for its government
        row.category = place_category(row.text) or "other"  # no source: the gazetteer's category ("Iraq")
        return "place"
    if kind in ("person", "group") and (
        (len(words) > 1 and words[-1].lower() in _ORG_HEADS)
        or (row.text.isupper() and row.text.isalpha() and len(row.text) > 1 and not row.spoken)
        or _SITE.search(row.text) is not None
    ):
        return "org"  # "Kurdish Regional Government", "Islamic State", "EU", "Cincinnati.com"
    if kind == "person" and row.text in _organisations():
        return "org"  # "Politico", "Pfizer", "Gallup": an organisation the lexicon names
    last = words[-1] if words else ""
    if demonym(row.text) == "plural" or (kind == "person" and demonym(last.removesuffix("'s")) == "plural"):
        return "group"  # "Sunnis", "Iraqi Kurds"
    return kind
