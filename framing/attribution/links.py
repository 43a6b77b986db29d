"""Links of a speaker phrase to a person named before: reflexives, titles, proxies.

Helpers of :class:`~framing.attribution.speakers.SpeakerResolver` for the
phrases that name no one themselves but take up a person or body the text
names: "Romney himself" is Romney, "The speaker" is the House Speaker named
before, "her spokesman" and "A Clapper spokesman" speak for their owner, an
acronym defined in parentheses is its full name; and the kind of a phrase
(person, group, organisation) that says which pronouns may take it up.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from .phrases import _ORG_HEADS, word_set

if TYPE_CHECKING:
    from ..text import Tokens
    from .speakers import SpeakerResolver

__all__ = [
    "acronym_category", "earlier_owner", "owner_category", "phrase_kind", "reflexive_core", "titled_antecedent",
]

# Plurals without an -s: never "he" or "she" ("people who wish to emigrate ... she told").
_PLURAL_HEADS = word_set("people men women children police personnel staff folk clergy")
_EMPHATIC = word_set("himself herself themselves itself")
_POSSESSIVE = {"his": "he", "her": "she", "its": "it", "their": "they"}
# "the speaker" takes up the House Speaker: the capitalised title before a name
_SPEAKER_TITLE = re.compile(r"\bSpeaker\s+(?:of\s+the\s+House\s+)?(?=[A-Z])")
_NAME_JOINERS = word_set("of for and the on")
_TITLE_REACH = 3000  # characters searched back for the titled name
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,6}\Z")
_MAX_DEFINED_WORDS = 8  # words of the full name before "(ACRONYM)"


def acronym_category(res: SpeakerResolver, t: int) -> str:
    """The category of the full name an acronym at token ``t`` was defined with, else ``other``.

    "the National Counterterrorism Center (NCTC) ... NCTC said": the
    capitalised words (with "of", "for", "and", "the") before the first
    "(NCTC)" of the text are the body, and their ``source_roles`` category is
    the acronym's.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = ("The National Highway Traffic Safety Administration (NHTSA) opened an inquiry. "
    ...         "NHTSA said the cars were unsafe.")
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> acronym_category(res, len(res.tokens.norms) - 6)
    'government'
    """
    toks, text = res.tokens, res.text
    form = text[toks.starts[t] : toks.ends[t]]
    if _ACRONYM.match(form) is None:
        return "other"
    at = text.find("(" + form + ")")
    if at < 0 or at >= toks.starts[t]:
        return "other"
    end = bisect_left(toks.starts, at)  # the token after the full name
    first = end
    while first > 0 and end - first < _MAX_DEFINED_WORDS and (
        text[toks.starts[first - 1]].isupper() or toks.norms[first - 1] in _NAME_JOINERS
    ) and (first == end or not text[toks.ends[first - 1] : toks.starts[first]].strip()):
        first -= 1
    while first < end and not text[toks.starts[first]].isupper():
        first += 1  # "the National ...", "of the ...": the name starts with a capital
    return res.category_of(toks.starts[first], toks.ends[end - 1]) if first < end else "other"


def reflexive_core(norms: list[str], i: int, j: int) -> int:
    """The end of the phrase ``[i, j)`` without an emphatic reflexive: "Romney himself" is Romney.

    Examples
    --------
    >>> reflexive_core(["romney", "himself"], 0, 2), reflexive_core(["himself"], 0, 1)
    (1, 1)
    """
    return j - 1 if j - i > 1 and norms[j - 1] in _EMPHATIC else j


def titled_antecedent(res: SpeakerResolver, i: int, j: int) -> int:
    """The entity of the person a definite "the speaker" at tokens ``[i, j)`` takes up, else -1.

    "The speaker said he wants ..." after "House Speaker Paul Ryan" (or
    "Speaker of the House Paul Ryan") is Ryan: the closest earlier name the
    title "Speaker" stands before. A "speaker" with no such title before
    (a speaker at a rally) is no one.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "House Speaker Paul Ryan spoke. The speaker said no."
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> res.entities().name(titled_antecedent(res, 6, 8))
    'Paul Ryan'

    """
    toks, text = res.tokens, res.text
    if j - i != 2 or toks.norms[i] != "the" or toks.norms[i + 1] != "speaker":
        return -1
    start = toks.starts[i]
    ents = res.entities()
    found = None
    for m in _SPEAKER_TITLE.finditer(text, max(0, start - _TITLE_REACH), start):
        found = m
    if found is None:
        return -1
    t = bisect_left(toks.starts, found.end())
    e = ents.at(t) if t < len(toks.starts) else -1
    return e if e >= 0 and ents.kind(e) == "person" else -1


_OWNER_REACH = 600  # characters searched back for "A Clapper spokesman" before "spokesman Shawn Turner"


def earlier_owner(res: SpeakerResolver, i: int) -> str:
    """The category of the owner of the same proxy word named shortly before a proxy at token ``i``.

    "A Clapper spokesman, in a recent statement, appeared to distance ...
    “...,” spokesman Shawn Turner said": Turner is the spokesman of Clapper
    (the former Director of National Intelligence), government. The owner
    is the capitalised word before the last "<Owner> spokesman" (or
    "<Owner>'s spokesman") in the text before; ``other`` without one.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = ("Sen. Tom Cotton spoke. A Cotton spokesman later denied it. "
    ...         "Spokesman Caroline Tabler said the senator was busy.")
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> earlier_owner(res, res.tokens.norms.index("spokesman", 8))
    'government'
    """
    toks, text = res.tokens, res.text
    start = toks.starts[i]
    word = re.escape(toks.norms[i])
    pattern = re.compile(r"\b([A-Z][\w'\u2019-]*?)(?:['\u2019]s)?\s+" + word + r"\b", re.IGNORECASE)
    found = None
    for m in pattern.finditer(text, max(0, start - _OWNER_REACH), start):
        if m.group(1)[0].isupper():
            found = m
    if found is None:
        return "other"
    t = bisect_left(toks.starts, found.start(1))
    e = res.entities().at(t)
    return res.entities().category(e) if e >= 0 else res.category_of(found.start(1), found.end(1))


def owner_category(res: SpeakerResolver, i: int, head: int) -> str:
    """The category of the owner of a proxy ("her" in "her spokesman", "Trump's" in "Trump's lawyer")."""
    toks = res.tokens
    for p in range(head - 1, max(i, head - 3) - 1, -1):
        norm = toks.norms[p]
        if norm in _POSSESSIVE:
            return res._pronoun(_POSSESSIVE[norm], toks.starts[p], toks.ends[p], p).category
        if norm.endswith("'s") or (p == head - 1 and res.entities().at(p) >= 0):  # "the Clinton camp"
            e = res.entities().at(p)
            return res.entities().category(e) if e >= 0 else res.category_of(toks.starts[i], toks.ends[p])
    return "other"


def phrase_kind(text: str, toks: Tokens, i: int, j: int) -> str:
    """What the phrase at tokens ``[i, j)`` names, from its head: ``org``, ``group`` or ``person``.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = "the ministry said officials and a man"
    >>> toks = tokenize(text)
    >>> phrase_kind(text, toks, 0, 2), phrase_kind(text, toks, 3, 4), phrase_kind(text, toks, 5, 7)
    ('org', 'group', 'person')
    """
    norms = toks.norms[i:j]
    if not _ORG_HEADS.isdisjoint(norms[-2:]):
        return "org"
    head = norms[-1]
    if head in _PLURAL_HEADS:
        return "group"
    plural = head.endswith("s") and not head.endswith(("ss", "'s", "us"))
    if plural and not (text[toks.starts[j - 1]].isupper() and j - i > 1):
        return "group"
    return "person"
