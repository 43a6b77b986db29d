"""Where a name's source category comes from: role hits, appositives, party labels and owners.

The helpers of :mod:`framing.attribution.entities` that read the
``source_roles`` hits around a name run; which words are roles is the
lexicon's knowledge, these functions only know where to look.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import NamedTuple, Protocol

from ..lexicon import Lexicon, Matcher, load_lexicon
from ..text import Tokens
from .gazetteers import body_category, is_place, people_head, place_category, proxy_head
from .phrases import _STOP, DETERMINERS, _gap_ok, _verb_forms

__all__ = ["RELATIONS", "RoleHit", "Roles", "owner_prefix", "owner_titles", "party_label", "personal_body", "prefix_stop"]


class RoleHit(Protocol):
    """A ``source_roles`` hit (a :class:`~framing.lexicon.Match` is one)."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def category(self) -> str: ...
    @property
    def weight(self) -> float: ...
    @property
    def text(self) -> str: ...


Roles = Callable[[int, int], Sequence[RoleHit]]

_MAX_APPOSITIVE = 16  # words of an appositive after a name
_APPOSITIVE_ENDS = frozenset(",.;:!?()\u201c\u201d\"\n\u2014\u2013")  # a gap holding one ends the appositive
_SECOND_ENDS = _APPOSITIVE_ENDS - {"\u2014", "\u2013"}  # ... and the second appositive (", an advocacy group")
_PARTY_LABEL = re.compile(r"[DRI]-[A-Z][A-Za-z.]*\Z")
_APPOSITIVE_OPENERS = (",", "\u2014", "\u2013", "--")  # "Greene, a businesswoman", "Greene — a businesswoman"
_PARTY_ROLE = "lawmaker"  # the lexicon term whose category a party label gives


def _hits(roles: Roles, start: int, end: int) -> list[RoleHit]:
    """The role hits inside ``[start, end)`` as a list the caller may keep (no caller changes one in place)."""
    if end <= start:
        return []
    found = roles(start, end)
    return found if type(found) is list else list(found)


@lru_cache(maxsize=1)
def owner_titles() -> frozenset[str]:
    """The ``source_roles`` terms marked ``owner=org``: titles an organisation of any kind has."""
    return frozenset(e.term.lower() for e in load_lexicon("source_roles") if e.extra.get("owner") == "org")


_OWNER_GAP_AFTER = 9  # characters between a title and its organisation after it (" of the ")
_OWNER_GAP_BEFORE = 16  # ... and before it ("NRA executive vice president")


def _pick(found: Sequence[RoleHit]) -> RoleHit:
    """The hit that gives the category: the rightmost strong one, else the heaviest.

    A title any organisation has (``owner=org`` in ``source_roles``: "vice
    president", "chairman", "CEO") takes the category of the organisation
    named next to it: "vice president of the NRA", "NRA executive vice
    president" are advocacy, "Google vice president" business.
    """
    strong = [m for m in found if m.weight >= 0.5]
    best = max(strong, key=lambda m: m.start) if strong else max(found, key=lambda m: m.weight)
    titles = owner_titles()
    if best.text.lower() not in titles:
        return best
    orgs = [m for m in found if m.text.lower() not in titles and m.category != "anonymous" and (
        0 <= m.start - best.end <= _OWNER_GAP_AFTER or 0 <= best.start - m.end <= _OWNER_GAP_BEFORE)]
    if not orgs:
        return best
    org = min(orgs, key=lambda m: m.start - best.end if m.start >= best.end else best.start - m.end)
    return _Hit(best.start, best.end, org.category, best.weight, best.text)


def _evidence(found: list[RoleHit]) -> tuple[str, float]:
    """The category and weight of role hits (:func:`_pick`)."""
    if not found:
        return "other", 0.0
    found = [m for m in found if m.category != "anonymous"]
    if not found:
        return "other", 0.0
    best = _pick(found)
    return best.category, best.weight


def _owner(category: str) -> tuple[str, float]:
    """The evidence of the organisation a person speaks for (weaker than the person's own role)."""
    return (category, 0.4) if category not in ("other", "anonymous") else ("other", 0.0)


_MAX_OWNER_PREFIX = 4  # capitalised words of the organisation before an owner title
# a body named for a cause: "Democracy for America", "Americans for Prosperity", "Moms for Liberty"
_CAUSE_NAME = re.compile(r"(?:[A-Z][\w'\u2019-]*\s+){1,3}for\s+(?:the\s+)?[A-Z]")
_CAUSE_WEIGHT = 0.5  # weaker than any role the lexicon knows in the name


def owner_prefix(text: str, toks: Tokens, p: int, prefix: list[RoleHit], roles: Roles) -> list[RoleHit]:
    """The role hits before a name with those of the organisation before its owner title added.

    "NRA executive vice president Wayne LaPierre": the capitalised words
    before the lower-case words from token ``p`` are the organisation whose
    category an owner title (:func:`owner_titles`) takes. A name of capitalised
    words around "for" with no role of the lexicon in it is a body named for
    a cause, an advocacy group: "Democracy for America chairman Charles
    Chamberlain" is advocacy, not business ("Center for American Progress",
    "Centers for Disease Control" have their role words).
    """
    starts, ends, norms = toks.starts, toks.ends, toks.norms
    o = p
    while o > 0 and p - o < _MAX_OWNER_PREFIX + 2 and _gap_ok(text, toks, o - 1) and (
        text[starts[o - 1]].isupper() or (norms[o - 1] in ("for", "the") and o - 1 > 0 and o < p)
    ) and ")" not in text[ends[o - 1] : starts[o]]:  # not a dateline's "(CNN) President Donald Trump"
        o -= 1
    while o < p and not text[starts[o]].isupper():
        o += 1  # not "for America" alone
    if o == p:
        return prefix
    found = _hits(roles, starts[o], ends[p - 1])
    if not found and _CAUSE_NAME.match(text, starts[o], ends[p - 1]):
        found = [_Hit(starts[o], ends[p - 1], "advocacy", _CAUSE_WEIGHT, text[starts[o] : ends[p - 1]])]
    return found + prefix


def _plural_noun(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "'s"))


def prefix_stop(norms: Sequence[str], t: int) -> bool:
    """Whether the lower-case word at token ``t`` ends the words searched for a role before a name.

    A reporting verb ("The president confirmed Maraniss's research": the
    president is not Maraniss), or "of"/"for" after a plural people noun of
    the ``people`` gazetteer ("fans of Teach for America", "critics of
    Planned Parenthood": the name is what they are fans of, not one of
    them; a singular title goes on, "secretary of state John Kerry", and so
    do bodies, "the governments of Chihuahua and Sonora").
    """
    w = norms[t]
    if w in _verb_forms() and not w.endswith("ing"):
        return True
    return w in ("of", "for") and t > 0 and _plural_noun(norms[t - 1]) and people_head(norms[t - 1])


def _portfolio(text: str, m: RoleHit) -> bool:
    """Whether a role hit is the portfolio of a title: a lower-case plural after a bare "of".

    "GLAAD's director of campaigns", "vice president of operations": the
    campaigns are the person's field of work, not whom they speak for
    ("director of the campaign" and "chief of police" are not portfolios).
    """
    return text[max(0, m.start - 4) : m.start] == " of " and m.text.islower() and _plural_noun(m.text)


def party_label(text: str, toks: Tokens, j: int) -> bool:
    """Whether a party label follows the name ending before token ``j``: "Paul Ryan (R-Wis.)", "Pelosi, D-Calif."."""
    if j >= len(toks.starts):
        return False
    gap = text[toks.ends[j - 1] : toks.starts[j]].strip()
    return gap in ("(", ",") and _PARTY_LABEL.match(text, toks.starts[j], toks.ends[j] + 1) is not None


def _before(text: str, toks: Tokens, i: int, j: int, roles: Roles) -> tuple[str, float]:
    """Category evidence of a role set off before a name: "the majority leader, Mitch McConnell,"."""
    starts, ends = toks.starts, toks.ends
    if i == 0 or text[ends[i - 1] : starts[i]].strip() != ",":
        return "other", 0.0
    if j < len(starts) and text[ends[j - 1] : starts[j]].strip() not in (",", "."):
        # "... operations at the company, Biden said": a name followed by its verb
        # closes a clause; only an appositive ("the majority leader, Mitch McConnell,") is set off
        return "other", 0.0
    t = i - 1
    while t > 0 and i - t < 6 and _gap_ok(text, toks, t - 1) and toks.norms[t - 1] not in _STOP:
        t -= 1
    if toks.norms[t] not in DETERMINERS:
        return "other", 0.0
    return _evidence(_hits(roles, starts[t], ends[i - 1]))


def _after(
    text: str, toks: Tokens, j: int, roles: Roles,
    role_category: Callable[[str], str],
) -> tuple[str, float]:
    """Category evidence right after a name: a party label or an appositive."""
    starts, ends, norms = toks.starts, toks.ends, toks.norms
    n = len(norms)
    if j >= n:
        return "other", 0.0
    gap = text[ends[j - 1] : starts[j]].strip()
    if gap in ("(", ",") and _PARTY_LABEL.match(text, starts[j], ends[j] + 1) is not None:
        return role_category(_PARTY_ROLE), 1.0
    if norms[j - 1] in _SUFFIXES and gap[:1] == ".":
        gap = gap[1:].strip()  # "Steven Hall Jr., a managing director": the suffix's period
    if gap not in _APPOSITIVE_OPENERS:
        return "other", 0.0
    t = j
    aged = norms[t].isdecimal() and len(norms[t]) <= 3 and _MIN_AGE <= int(norms[t]) <= _MAX_AGE
    if aged and (t + 1 == n or text[ends[t] : starts[t + 1]].strip()[:1] in (".", ";")):
        return "citizen", _AGE_WEIGHT  # "said Maria Lopez, 62.": an age alone, a private person
    aged = aged and text[ends[t] : starts[t + 1]].strip() == ","
    if aged:
        t += 1  # ", 58, a Democrat from Michigan"
        if norms[t] in _verb_forms() and text[starts[t]].islower():
            return "citizen", _AGE_WEIGHT  # "Maria Lopez, 62, said"
    first = norms[t]
    if first[:1].isdigit():
        return "other", 0.0  # "According to the CDC, 42,000 people died": a clause, not an appositive
    if first in _SETTINGS:
        return "other", 0.0  # "an organizer at Sunrise, during the CNN town hall": a setting, not an appositive
    if (
        text[starts[t]].isupper() and not _hits(roles, starts[t], ends[t]) and first not in DETERMINERS
        and not _possessive_owner(text, toks, t, roles)
    ):
        return "other", 0.0  # "Trump, Pelosi and Schumer": a list, not an appositive
    end, relative = t, False
    while end < n and end - t < _MAX_APPOSITIVE:
        if end > t and not _APPOSITIVE_ENDS.isdisjoint(text[ends[end - 1] : starts[end]]) and not (
                not relative and norms[t] not in _RELATIVES and "." in norms[end - 1] and text[ends[end - 1] : starts[end]].strip() == "."
                and text[starts[end]].islower()):
            break  # (not the period of "chief U.S. economist")
        if end > t and norms[end] in _RELATIVES:
            if _current(text, _hits(roles, starts[t], ends[end - 1])):
                break  # "a conservative radio host who remains opposed": the role is said before the clause
            relative = True  # "a former state legislator who is now a lobbyist": the current role is after it
        if end > t + 1 and norms[end] in ("in", "from") and end + 1 < n and text[starts[end + 1]].isupper():
            break  # "partner at Summit Trail Advisors in New York": the place is not the role
        if not relative and norms[end] in _verb_forms() and text[starts[end]].islower():
            if end > t and norms[end].endswith("ing") and norms[t] not in _RELATIVES and _hits(
                    roles, starts[t], ends[min(t + _ROLE_HEAD, end) - 1]):
                break  # "chief economist at the forecasting firm", "a professor speaking broadly": after the role
            return "other", 0.0  # "Backing Donald Trump, the generals said": a subject, not an appositive
        end += 1
    found = [m for m in _hits(roles, starts[t], ends[end - 1]) if not _portfolio(text, m)]
    titles = owner_titles()
    if found and end < n and norms[end] in ("a", "an") and text[ends[end - 1] : starts[end]].strip() == "," and all(
            m.text.lower() in titles for m in found) and any(
            norms[u] in ("of", "at", "for", "with") and not text[starts[u + 1]].islower() for u in range(t + 1, end - 1)):
        # ", founder of 314 Action, an advocacy group": the second appositive says what the organisation is
        k = end + 1
        while k < min(n, end + 8) and norms[k] not in _RELATIVES and _SECOND_ENDS.isdisjoint(
                text[ends[k - 1] : starts[k]]):
            k += 1
        found = found + _hits(roles, starts[end], ends[k - 1])
    if not found and norms[t] in ("a", "an") and any(_AGE.match(norms[u]) for u in range(t + 1, min(end, t + 4))):
        return "citizen", _AGE_WEIGHT  # "Marlowe, a precocious 12-year-old with ...": a person described by age
    if not found and aged and end > t and not any(proxy_head(norms[u]) for u in range(t, end)):
        # "Pete Knott, 53, a gun enthusiast from Ohio": an age and a description with no role, a private person
        # (a proxy, "Jo Park, 45, a spokeswoman for Hill", speaks for its owner: :mod:`.proxies`)
        return "citizen", _AGE_WEIGHT
    for u in range(t + 1, end - 1):
        if norms[u] in _RELATIVES:
            break
        if norms[u] == "to" and norms[u - 1] in RELATIONS:
            # "a political godfather to the junior Republican representatives": their role, not the person's
            found = [m for m in found if m.end <= starts[u]]
            break
    current = _current(text, found)
    if "former" in norms[t : t + 2] and _NOW.isdisjoint(norms[t:end]) and _RELATIVES.union(("and",)).isdisjoint(
            norms[t:end]):
        current = []  # "a former inspector for the IAEA": the body too is the former one's
    former = bool(found) and not current  # ... weaker than a role said now
    if current:
        found = current  # "a left-wing union leader and former coca farmer": the current role
    elif found and (now := next((u for u in range(bisect_left(starts, max(m.end for m in found)), end)
                                 if norms[u] in _NOW), -1)) >= 0:
        # "a former IAEA inspector who is now a fellow at the ... Institute": the role now, read to the clause's end
        k = now + 1
        while k < min(n, now + _MAX_APPOSITIVE) and _SECOND_ENDS.isdisjoint(text[ends[k - 1] : starts[k]]):
            k += 1
        found, former = _hits(roles, starts[now], ends[k - 1]), False
    if not found and _possessive_owner(text, toks, t):
        # ", Planned Parenthood’s deputy director": the organisation the person speaks for
        u = t
        while not norms[u].endswith("'s"):
            u += 1
        return _owner(role_category(text[starts[t] : ends[u] - 2]))
    for u in range(t + 1, end - 1):
        if norms[u] in _OWNER_PREPOSITIONS and text[starts[u + 1]].isupper():
            # ", chief economist at Navy Federal": the role is the economist's,
            # not the organisation's ("Navy")
            own = [m for m in found if m.end <= starts[u]]
            if any(m.start < starts[u] < m.end for m in found):
                continue  # "Center for American Progress": the preposition is inside a name
            if own and _pick(own).text.lower() not in owner_titles():
                return _past(_evidence(own), former)
            break
    return _past(_evidence(found), former)


def _past(evidence: tuple[str, float], former: bool) -> tuple[str, float]:
    """The evidence of a role said only as a former one: below any role said now, above an owner's."""
    return (evidence[0], min(evidence[1], _FORMER_WEIGHT)) if former else evidence


def _current(text: str, found: list[RoleHit]) -> list[RoleHit]:
    """The hits not said as a former role ("former coca farmer", "a former state legislator")."""
    return [m for m in found if "former" not in text[max(0, m.start - 25) : m.start].lower().split()[-3:]]


def _possessive_owner(text: str, toks: Tokens, t: int, roles: Roles | None = None) -> bool:
    """Whether the capitalised words from token ``t`` end in a possessive ("Planned Parenthood’s deputy director").

    With ``roles``, a possessive before a capitalised title counts too
    ("Michigan’s Secretary of State"; not "Indiana’s Joe Donnelly", a list).
    """
    for u in range(t, min(t + 4, len(toks.norms))):
        if u > t and not _gap_ok(text, toks, u - 1):
            return False
        if toks.norms[u].endswith("'s") and text[toks.ends[u] - 2] in "'\u2019":
            if u + 1 >= len(toks.norms):
                return False
            after = toks.starts[u + 1]
            return text[after].islower() or (roles is not None and any(
                m.start == after for m in _hits(roles, after, toks.ends[min(u + 4, len(toks.norms) - 1)])))
        if not text[toks.starts[u]].isupper():
            return False
    return False


_OWNER_PREPOSITIONS = frozenset(("at", "for", "with"))
_AGE = re.compile(r"\d{1,3}-year-old\Z")  # the head of "a 12-year-old", "a 34-year-old mother"
_AGE_WEIGHT = 0.35  # weaker than most roles said of the person elsewhere; no role weighs 0.35
_SUFFIXES = frozenset(("jr", "sr"))  # name suffixes written with a period
_MIN_AGE, _MAX_AGE = 10, 110  # an age set off after a name (", 53,"), not a year or a count
# a time or a setting, not a role: "during the town hall", "speaking to Morning Edition host Steve Inskeep"
_SETTINGS = frozenset(("during", "after", "before", "since", "until", "when", "while", "speaking", "talking"))
_RELATIVES = frozenset(("who", "which", "whose", "whom", "that"))
_FORMER_WEIGHT = 0.45  # a former role in an appositive ("a former IAEA inspector"): 0.4 is an owner's
_NOW = frozenset(("now", "currently", "current"))  # a role said after a former one is the one now
# nouns that name a person by a relation to others ("a mentor to young lawmakers", "heir to a
# shipping fortune"): the roles after "to" are the others'
RELATIONS = frozenset(
    ("godfather", "godmother", "mentor", "heir", "heiress", "rival", "hero", "heroine", "nemesis", "thorn",
     "confidant", "confidante", "answer", "foil", "muse", "inspiration")
)
_ROLE_HEAD = 4  # words of an appositive that hold its role when a gerund follows ("an economics professor")


_MAX_OWNER_WORDS = 4  # capitalised words of the body a proxy speaks for


def _proxied(text: str, toks: Tokens, p: int, proxy: int, roles: Roles) -> tuple[str, float]:
    """Evidence of the body a proxy before a name speaks for ("Kern County spokeswoman Megan Person").

    The owner is the lower-case words before the proxy (``p`` to ``proxy``)
    and the capitalised run before them: its role hits, else a public body
    word of the ``public_bodies`` gazetteer ("county", "schools", "fire"),
    else a place. Weighted as an owner (0.4).
    """
    starts, ends, norms = toks.starts, toks.ends, toks.norms
    o = p
    while o > 0 and p - o < _MAX_OWNER_WORDS and _gap_ok(text, toks, o - 1) and text[starts[o - 1]].isupper():
        o -= 1
    if o == proxy:
        return "other", 0.0
    category, weight = _evidence(_hits(roles, starts[o], ends[proxy - 1]))
    if weight > 0.0:
        return _owner(category)
    for t in range(proxy - 1, o - 1, -1):
        body = body_category(norms[t])
        if body is not None:
            return _owner(body)
    place = place_category(text[starts[o] : ends[p - 1]]) if p > o else None
    return _owner(place) if place is not None else ("other", 0.0)


# the last words of organisations named for a person: "Trump" alone is the person
_PERSONAL_BODIES = frozenset(
    ("administration", "campaign", "organization", "organisation", "foundation", "family", "camp", "team")
)


def personal_body(text: str, span: tuple[int, int]) -> bool:
    """Whether the organisation named at ``span`` is named for a person ("the Trump administration")."""
    return text[span[0] : span[1]].rsplit(None, 1)[-1].lower() in _PERSONAL_BODIES


def _title_abbreviation(text: str, toks: Tokens, k: int) -> bool:
    """A one-letter or dotted abbreviation before a name ("U.S. Sen.", "Lt.")."""
    return text[toks.ends[k] : toks.ends[k] + 1] == "." and ("." in toks.norms[k] or len(toks.norms[k]) <= 3)


def _category(found: Sequence[RoleHit]) -> str:
    if not found:
        return "other"
    if any(m.category == "anonymous" for m in found):
        return "anonymous"
    return _pick(found).category


@lru_cache(maxsize=16_384)  # the most recent phrases (the frequent ones stay): a few MB on a long stream
def _phrase_category(phrase: str) -> str:
    """The source category of a speaker phrase (cached: phrases repeat across articles)."""
    return _category(_role_matcher().find(phrase))


class _Hit(NamedTuple):
    start: int
    end: int
    category: str
    weight: float
    text: str


@lru_cache(maxsize=16_384)
def _phrase_hits(phrase: str) -> tuple[_Hit, ...]:
    """The shipped ``source_roles`` hits of a phrase (offsets into the phrase; cached)."""
    return tuple(_Hit(m.start, m.end, m.category, m.weight, m.text) for m in _role_matcher().find(phrase))


@lru_cache(maxsize=16)
def _own_matcher(lexicons: tuple[Lexicon, ...]) -> Matcher:
    return Matcher(lexicons)


def _role_matcher() -> Matcher:
    global _ROLES
    if _ROLES is None:
        _ROLES = Matcher([load_lexicon("source_roles")])
    return _ROLES


_ROLES: Matcher | None = None


class _Whole(NamedTuple):
    start: int
    end: int
    category: str
    weight: float
    text: str


_POSSESSIVE_WEIGHT = 0.9  # a lexicon organisation read from its possessive ("Planned Parenthood’s")
_INSIDE_WEIGHT = 0.5  # an organisation named by its role words: weaker than a role said of it


def _inside(text: str, toks: Tokens, found: list[RoleHit], k: int, j: int) -> tuple[str, float]:
    """Evidence of the role words inside an organisation's own name.

    "Broward County", "Fairfield-Suisun Unified School District", "National
    Association of Manufacturers" (its members, after "of"), "Wicklander-Zulawski
    & Associates": the name says what the body is. Words after "for" name a
    cause, not the body ("Brennan Center for Justice" is not a court).
    """
    end = toks.ends[j - 1]
    for t in range(k + 1, j):
        if toks.norms[t] == "for":
            end = toks.starts[t]
            break
    inside = [m for m in found if m.start >= toks.starts[k] and m.end <= end]
    category, weight = _evidence(inside)
    return (category, _INSIDE_WEIGHT) if weight > 0.0 else ("other", 0.0)


def _plural_title(found: list[RoleHit]) -> bool:
    """Whether the title that gives the category is plural ("Reps.", "political scientists")."""
    best = max((m for m in found if m.weight >= 0.5), key=lambda m: m.start, default=None)
    word = best.text.lower().rstrip(".") if best is not None else ""
    return word.endswith("s") and not word.endswith(("ss", "us", "'s"))


def _former(text: str, found: list[RoleHit]) -> bool:
    """Whether the title that gives the category is a past one ("Former CIA director", "ex-Sen.")."""
    best = max((m for m in found if m.weight >= 0.5), key=lambda m: m.start, default=None)
    if best is None:
        return False
    before = text[max(0, best.start - 12) : best.start].lower()
    return before.rstrip().endswith(("former", "ex-", "ex", "then-", "late")) or best.text.lower().startswith(("former", "ex-"))


def outlet_name(text: str, toks: Tokens, i: int, j: int) -> bool:
    """Whether the name at tokens ``[i, j)`` before a media head noun (token ``j``) is the outlet's name.

    "Time magazine", "Reason magazine" are; a place ("Chicago newspaper editors"), a name after a
    determiner ("a British newspaper") and a name with another after the noun ("the ISIS magazine
    Dabiq") are modifiers.
    """
    starts, ends, norms = toks.starts, toks.ends, toks.norms
    return not (
        is_place(text[starts[i] : ends[j - 1]])
        or (j + 1 < len(norms) and text[starts[j + 1]].isupper())
        or (i and norms[i - 1] in DETERMINERS)
    )

