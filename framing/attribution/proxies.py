"""Whom a person speaks for: the owner of a proxy said next to a name.

A rule-based pass over the entities of :mod:`framing.attribution.entities`,
run once by :meth:`~framing.attribution.speakers.SpeakerResolver.entities`.
A person the article names with no role of the ``source_roles`` lexicon but
as a proxy (a head noun of the ``proxies`` gazetteer: spokesman, lawyer,
head, director) speaks for the proxy's owner and takes its category, as
"her spokesman" and "Trump's lawyer" do as speakers:

* in an appositive after the name, the owner before the proxy ("Ann Bell,
  a Pelosi spokeswoman", "Tom Hill, the governor's communications
  director") or after it ("Ann Bell, a spokeswoman for Gov. Tom Hill",
  "Lars Kemp, director of the mayor's budget office");
* before the name, an owner that is a named person ("Pelosi spokeswoman Ann
  Bell", "Hill's attorney, Jo Park, said": the body words and places before
  a proxy are read by the entity stage already).

The owner is a body named for a cause ("Ohioans for Clean Water":
advocacy), else the role hits of its words, else a public body word, else a
named entity with a category, else a second appositive that says what the
owner is ("head of Forward Now, an advocacy group"). The
evidence weighs as an owner's (0.4): any role of the person's own, said
anywhere in the article, outranks it; a proxy said as a former one
("a former spokesman for ...") gives nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import TYPE_CHECKING

from .evidence import _evidence, _hits, _owner, owner_titles
from .gazetteers import body_category, figure_category, proxy_head
from .phrases import DETERMINERS, _gap_ok

if TYPE_CHECKING:
    from ..text import Tokens
    from .entities import Entities
    from .evidence import Roles

__all__ = ["speaking_for"]

_MAX_WORDS = 12  # words of an appositive read for a proxy and its owner
_MAX_SECOND = 5  # words of a second appositive read for the owner's head noun ("a nonpartisan watchdog group")
_MAX_MODIFIERS = 8  # words between the appositive's start and its proxy
_OWNER_LINKS = frozenset(("for", "of", "at", "with", "to"))  # "a spokesman for", "head of", "director at"
_STOPS = frozenset(",.;:!?()\u201c\u201d\"\n\u2014\u2013")
_RELATIVES = frozenset(("who", "which", "whose", "whom", "that"))
# a body named for a cause: "Democracy for America", "Ohioans for a Clean Lake" (as evidence._CAUSE_NAME)
# ... unless its first word names an office of its own: "Centers for Medicare and Medicaid Services"
_BODY_HEADS = frozenset(
    ("center", "centers", "centre", "centres", "office", "department", "institute", "bureau", "agency",
     "commission", "council", "committee", "ministry", "administration", "school", "college")
)
_CAUSE = re.compile(r"(?:[A-Z][\w'\u2019-]*\s+){1,3}for\s+(?:the\s+|a\s+|an\s+)?[A-Z]")


def speaking_for(ents: Entities, text: str, toks: Tokens, roles: Roles) -> Entities:
    """Give each person without a role the category of whom the article says they speak for.

    Changes ``ents`` in place (before any speaker is linked) and returns it.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = ("Senator Ada Price (D-Ore.) wrote the bill. Tom Berg, a spokesman "
    ...         "for Price, said it would pass.")
    >>> ents = SpeakerResolver(text, tokenize(text)).entities()
    >>> [(e.text, e.category) for e in ents.to_list()]
    [('Ada Price', 'government'), ('Tom Berg', 'government')]
    """
    clusters = ents._clusters  # the entity stage's own records, read and set before any link
    for c in clusters:
        if c.kind != "person" or c.best[0] > 0.0 or c.category != "other":
            continue
        for s, e in c.mentions:
            category = _after_name(ents, text, toks, roles, bisect_left(toks.starts, e))
            if category == "other":
                category = _before_name(ents, text, toks, bisect_left(toks.starts, s))
            if category == "other":
                category = _bare_spokesperson(ents, text, toks, roles, bisect_left(toks.starts, s))
            if category != "other":
                c.category, weight = category, _owner(category)[1]
                c.best = (weight, -s)
                break
    return ents


def _gap(text: str, toks: Tokens, t: int) -> str:
    return text[toks.ends[t - 1] : toks.starts[t]]


def _stop(text: str, toks: Tokens, t: int) -> bool:
    """Whether the gap before token ``t`` ends an appositive (not the period of "Mr." or "Sen.")."""
    gap = _gap(text, toks, t)
    return not _STOPS.isdisjoint(gap) and not (gap.strip() == "." and _gap_ok(text, toks, t - 1))


def _entity_category(ents: Entities, text: str, toks: Tokens, lo: int, hi: int) -> str:
    """The category of the first entity named in tokens ``[lo, hi)`` that has one.

    A person by any of its names ("Price" for Ada Price); an organisation
    only by its whole name ("Boston's" is no mention of "Boston Dynamics").
    """
    inside = text[toks.starts[lo] : toks.ends[hi - 1]]
    for t in range(lo, hi):
        e = ents.at(t)
        if e < 0 or ents.category(e) in ("other", "anonymous"):
            continue
        if ents.kind(e) == "person" or ents.name(e) in inside:
            return ents.category(e)
    return "other"


def _owner_category(ents: Entities, text: str, toks: Tokens, roles: Roles, lo: int, hi: int) -> str:
    """The category of the owner named in tokens ``[lo, hi)``.

    A body named for a cause ("the Federation for American Immigration
    Reform", "Ohioans for Clean Water": advocacy, whatever role words its
    name has before "for"), else its role hits, else a public body word
    ("Springfield's parks department"), else a named entity's.
    """
    if hi <= lo:
        return "other"
    titles = owner_titles()
    found = [m for m in _hits(roles, toks.starts[lo], toks.ends[hi - 1]) if m.text.lower() not in titles]
    first = lo + 1 if toks.norms[lo] in DETERMINERS and hi > lo + 1 else lo
    cause = _CAUSE.match(text, toks.starts[first], toks.ends[hi - 1])
    if cause is not None and toks.norms[first] not in _BODY_HEADS and not any(m.end > cause.end() - 1 for m in found):
        return "advocacy"  # "Moms for Liberty": the words before "for" are the name's, not roles
    category = _evidence(found)[0]
    if category == "other":
        category = next((b for t in range(hi - 1, lo - 1, -1) if (b := body_category(toks.norms[t]))), "other")
    if category == "other":
        category = _entity_category(ents, text, toks, lo, hi)
    return category


def _proxy(norms: list[str], p: int) -> bool:
    """A proxy head at token ``p``: a ``proxies`` noun, or "head" of "head of" (too common a noun alone)."""
    return proxy_head(norms[p]) or (norms[p] == "head" and p + 1 < len(norms) and norms[p + 1] == "of")


def _after_name(ents: Entities, text: str, toks: Tokens, roles: Roles, j: int) -> str:
    """The owner's category of a proxy heading the appositive that opens at token ``j``."""
    norms, n = toks.norms, len(toks.norms)
    if j <= 0 or j >= n or _gap(text, toks, j).strip() not in (",", "\u2014", "--"):
        return "other"
    t = j + 1 if norms[j].isdigit() and j + 1 < n and _gap(text, toks, j + 1).strip() == "," else j
    end = t
    while end < n and end - t < _MAX_WORDS and norms[end] not in _RELATIVES and not (
        end > t and _stop(text, toks, end)
    ):
        end += 1
    proxy = next((p for p in range(t, min(end, t + _MAX_MODIFIERS)) if _proxy(norms, p)), -1)
    if proxy < 0 or "former" in norms[t:proxy] or (proxy > t and norms[t] not in DETERMINERS
                                                    and not text[toks.starts[t]].isupper()
                                                    and norms[proxy - 1] not in _MODIFIERS):
        return "other"
    if any(m.end > toks.starts[proxy] for m in _hits(roles, toks.starts[t], toks.ends[proxy])):
        return "other"  # "the Forum's executive director": the entity stage read that role
    # the owner before the proxy: "a Pelosi spokeswoman", "the governor's press director"
    lo = t + 1 if norms[t] in DETERMINERS else t
    category = _owner_category(ents, text, toks, roles, lo, proxy)
    if category == "other" and proxy + 1 < end and norms[proxy + 1] in _OWNER_LINKS:
        # ... or after it: "a spokesman for Gov. Hill", "director of the mayor's budget office"
        category = _owner_category(ents, text, toks, roles, proxy + 2, end)
        if category == "other" and end + 1 < n and _gap(text, toks, end).strip() == "," and norms[end] in ("a", "an"):
            # "head of Forward Now, an advocacy group": the next appositive says what the owner is
            stop = end + 1  # its head: the first few words ("an advocacy group backing the plan")
            while stop < min(n, end + _MAX_SECOND) and norms[stop] not in _RELATIVES and _STOPS.isdisjoint(
                    _gap(text, toks, stop)):
                stop += 1
            category = _evidence(list(_hits(roles, toks.starts[end + 1], toks.ends[stop - 1])))[0]
    return category


# lower-case words a proxy may follow inside an appositive that opens without a determiner
# ("Maples, director of ...", "Healy, assistant director of ...", "Cohen, head of ...")
_MODIFIERS = frozenset(
    (
        "senior", "deputy", "assistant", "associate", "chief", "executive", "managing", "policy",
        "communications", "communication", "press", "program", "project", "legal", "political",
        "campaign", "regional", "national", "state", "field", "research", "marketing", "editorial",
        "development", "media", "public", "general", "acting", "interim",
    )
)


def _before_name(ents: Entities, text: str, toks: Tokens, i: int) -> str:
    """The category of a person named before a proxy before token ``i``.

    "Pelosi spokeswoman Ann Bell", "Hill's spokesman Jo Park", "Hill's
    attorney, Jo Park, said": the person's name (or its
    possessive) right before the proxy, in the same sentence.
    """
    norms = toks.norms
    if i < 2 or not proxy_head(norms[i - 1]):
        return "other"
    gap = _gap(text, toks, i)
    if not gap.isspace() and not (gap.strip() == "," and norms[i - 2].endswith(("'s", "\u2019s")) and (
        i == 2 or any(ch in ".!?\n" for ch in _gap(text, toks, i - 2))
    )):
        return "other"  # "Hill's attorney, Jo Park, said": a possessive proxy opening the sentence
    if not _gap(text, toks, i - 1).isspace():
        return "other"  # "... praised the Hill camp. Jo Park said": not one phrase
    e = ents.at(i - 2)
    if e < 0 and norms[i - 2].endswith(("'s", "\u2019s")) and text[toks.starts[i - 2]].isupper():
        # "Reyes's attorney" opening a sentence is no mention of its own: the person of that surname
        surname = norms[i - 2][:-2]
        e = next(iter(ents.persons_named(surname, full=False)), -1)
    if e < 0 and text[toks.starts[i - 2]].isupper():
        # "Trump spokesman Hogan Gidley": a public figure the article names only before the proxy
        return figure_category("", norms[i - 2].removesuffix("'s").removesuffix("\u2019s")) or "other"
    if e < 0 or ents.kind(e) != "person" or ents.category(e) in ("other", "anonymous"):
        return "other"
    return ents.category(e)


_SENTENCE_BREAKS = ".!?\n"
_BODY_WEIGHT = 0.7  # a capitalised lexicon body strong enough to own a bare spokesperson
_NEIGHBOUR_SENTENCES = 2  # the sentence of a bare spokesperson and the one before it
_MAX_REACH = 120  # tokens either side those sentences are looked for in (linear on unpunctuated text)


def _bare_spokesperson(ents: Entities, text: str, toks: Tokens, roles: Roles, i: int) -> str:
    """The category of whom a spokesperson with no owner speaks for: the nearest named one around.

    "Speaker Ryan is the optimist," spokeswoman Ann Bell said: a bare
    "spokesman", "spokeswoman" or "spokesperson" before the name (no
    owner word, no possessive before it) speaks for the nearest entity
    with a category named in its sentence, else in the sentence before
    ("The White House voiced confidence. ... spokeswoman Jo Park said").
    """
    norms, starts = toks.norms, toks.starts
    if i + 1 < len(norms) and norms[i].startswith("spokes") and ents.at(i) == ents.at(i + 1):
        i += 1  # "Spokesman Ben Hale said" opening a sentence: the capitalised proxy ran into the name
    if i < 1 or not norms[i - 1].startswith("spokes") or not _gap(text, toks, i).isspace():
        return "other"
    if i >= 2 and _gap(text, toks, i - 1).isspace() and (
            text[starts[i - 2]].isupper() or norms[i - 2] not in _OPENERS):
        return "other"  # "a White House spokeswoman", "Bush spokesman Jim McGrath": an owner of its own
    lo, breaks, floor = i - 1, 0, max(0, i - _MAX_REACH)
    while lo > floor and breaks < _NEIGHBOUR_SENTENCES:
        if any(ch in _SENTENCE_BREAKS for ch in _gap(text, toks, lo)) and text[starts[lo]].isupper():
            breaks += 1
            if breaks == _NEIGHBOUR_SENTENCES:
                break
        lo -= 1
    hi, ceiling = i, min(len(norms), i + _MAX_REACH)
    while hi < ceiling and not (any(ch in _SENTENCE_BREAKS for ch in _gap(text, toks, hi)) and text[starts[hi]].isupper()):
        hi += 1
    own, window = ents.at(i), text[starts[lo] : toks.ends[hi - 1]]
    named = [(t, ents.category(e)) for t in range(lo, hi) if (e := ents.at(t)) >= 0 and e != own and ents.category(e) not in (
        "other", "anonymous") and (ents.kind(e) == "person" or ents.name(e) in window)]
    # ... or a body the lexicon names in capitals ("ICE said", "Justice officials"), which is no entity
    titles = owner_titles()
    named += [(bisect_left(toks.ends, m.end), m.category) for m in _hits(roles, starts[lo], toks.ends[hi - 1])
              if m.text[:1].isupper() and m.weight >= _BODY_WEIGHT and m.category != "anonymous"
              and m.text.lower() not in titles]
    if not named:
        return "other"
    return min(named, key=lambda tc: (_sentence_of(text, toks, tc[0], i), abs(tc[0] - i)))[1]


# words a bare proxy follows: a verb, a preposition or a mark ("said spokesman Tom Hill", "according to spokeswoman")
_OPENERS = frozenset(("said", "says", "to", "added", "told", "wrote", "and", "by", "from", "with"))


def _sentence_of(text: str, toks: Tokens, t: int, i: int) -> int:
    """0 when tokens ``t`` and ``i`` are in one sentence, else 1."""
    lo, hi = min(t, i), max(t, i)
    return int(any(any(ch in _SENTENCE_BREAKS for ch in _gap(text, toks, u)) and text[toks.starts[u]].isupper()
                   for u in range(lo + 1, hi + 1)))
