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

from ..tagger import load_tagger
from .calendar import TIMES
from .evidence import RELATIONS, RoleHit, _category, owner_titles
from .gazetteers import country_of, demonym, is_place, place_category
from .phrases import _ORG_HEADS, _STOP, DETERMINERS, _gap_ok, word_set

if TYPE_CHECKING:
    from ..text import Tokens
    from .speakers import SpeakerResolver

__all__ = [
    "acronym_category", "earlier_owner", "owner_category", "owner_title", "phrase_kind", "possessive_owner",
    "reflexive_core", "titled_antecedent", "unnamed_category",
]

# Plurals without an -s: never "he" or "she" ("people who wish to emigrate ... she told").
_PLURAL_HEADS = word_set("people men women children police personnel staff folk clergy")
# Pronouns of quantity heading a speaker phrase ("some call it", "Many say", "Everyone who said"):
# a crowd, never taken up by "he" or "she"; a closed class of English, like the pronouns of phrases.py.
_QUANTIFIERS = word_set("some many most several few all both those everyone everybody anyone anybody nobody")
_EMPHATIC = word_set("himself herself themselves itself")
_POSSESSIVE = {"his": "he", "her": "she", "its": "it", "their": "they"}
# "the speaker" takes up the House Speaker: the capitalised title before a name
_SPEAKER_TITLE = re.compile(r"\bSpeaker\s+(?:of\s+the\s+House\s+)?(?=[A-Z])")
_NAME_JOINERS = word_set("of for and the on")
_TITLE_REACH = 3000  # characters searched back for the titled name
_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,6}\Z")
_DEFINITION = re.compile(r"\(([A-Z][A-Z&]{1,6})\)")
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
    if res._defined is None:  # one pass over the text, not one search per acronym
        res._defined = {}
        for m in _DEFINITION.finditer(text):
            res._defined.setdefault(m.group(1), m.start())
    at = res._defined.get(form, -1)
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
    """The category of the owner of a proxy ("her" in "her spokesman", "Trump's" in "Trump's lawyer").

    The owner is a possessive pronoun or a possessive (:func:`possessive_owner`) within two
    words before the head, or a name right before it ("the Clinton camp"; a demonym is a
    modifier, not an owner: "Hispanic leaders"), or a country or its nationality before a
    leader or spokesman ("the Iranian leader", "the US leader": the country's category).

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "the prosecutor's spokesman and Iran's leaders and the Iranian leader"
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> owner_category(res, 0, 2), owner_category(res, 4, 5), owner_category(res, 7, 9)
    ('law_enforcement', 'government', 'government')
    """
    toks, text = res.tokens, res.text
    for p in range(head - 1, max(i, head - 3) - 1, -1):
        if toks.norms[p] in _POSSESSIVE or _possessive(text, toks, p):
            return possessive_owner(res, i, p + 1)[1]
        e = res.entities().at(p) if p == head - 1 else -1
        word = text[toks.starts[p] : toks.ends[p]]
        if e >= 0 and demonym(word) is None:  # "the Clinton camp"
            return res.entities().category(e)
        if p == head - 1 and toks.norms[head] in _STATE_VOICES:
            pair = text[toks.starts[p - 1] : toks.ends[p]] if p > i else ""  # "North Korean"
            country = place_category(country_of(pair) or country_of(word) or word)
            if country is not None:  # "the Iranian leader", "the US leader": the country's government
                return country
    return "other"



# proxies a country's name or nationality owns ("the Iranian leader"; not "an Iranian lawyer", "Hispanic leaders")
_STATE_VOICES = word_set(
    "leader leaders leadership spokesman spokesmen spokeswoman spokeswomen spokesperson spokespersons spokespeople"
)


def _possessive(text: str, toks: Tokens, t: int) -> bool:
    """Whether token ``t`` is a possessive ("Iran's", "the prosecutor’s"; not "it's")."""
    norm = toks.norms[t]
    return norm.endswith("'s") and text[toks.ends[t] - 2] in "'\u2019" and norm not in _CONTRACTED


_CONTRACTED = word_set("it's he's she's that's there's here's what's who's let's")
_MAX_OWNER = 5  # words of an owner written as a possessive ("The San Francisco district attorney's")


def _owner_start(text: str, toks: Tokens, i: int, p: int) -> int:
    """The first token of the owner whose possessive is token ``p``: its capitalised name, or its noun phrase.

    "Administration allies including FDD's": FDD; "The San Francisco district
    attorney's": the whole phrase, with its determiner.
    """
    s, lower = p, text[toks.starts[p]].islower()
    while s > i and p - s < _MAX_OWNER and _gap_ok(text, toks, s - 1):
        w = toks.norms[s - 1]
        if w in DETERMINERS:
            return s - 1
        if w in _STOP or not (text[toks.starts[s - 1]].isupper() or (lower and w.isalpha())):
            break
        s -= 1
    return s


def possessive_owner(res: SpeakerResolver, i: int, head: int) -> tuple[int, str]:
    """The possessive owner of the head at token ``head`` in a phrase from token ``i``: its token and category.

    The closest possessive pronoun ("its leaders": the antecedent's category)
    or possessive word ("Iran's leaders", "the NRA's president") within two
    words before the head. An owner written as a possessive is read without
    its "'s", since no lexicon term ends in one: a place stands for its
    government ("Iran's"), else the entity it names, else the
    ``source_roles`` category of its words ("the prosecutor", "the NRA").
    ``(-1, "other")`` without a possessive.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "the NRA's president"
    >>> possessive_owner(SpeakerResolver(text, tokenize(text)), 0, 2)
    (1, 'advocacy')
    """
    toks, text = res.tokens, res.text
    for p in range(head - 1, max(i, head - 3) - 1, -1):
        norm = toks.norms[p]
        if norm in _POSSESSIVE:
            return p, res._pronoun(_POSSESSIVE[norm], toks.starts[p], toks.ends[p], p).category
        if not _possessive(text, toks, p):
            continue
        owner = text[toks.starts[_owner_start(text, toks, i, p)] : toks.ends[p] - 2]
        place = place_category(owner)
        if place is not None:
            return p, place
        ents = res.entities()
        e = ents.at(p)
        if e < 0 and " " not in owner and owner[:1].isupper():
            e = _surname(res, owner)  # "Durbin's office", no mention of its own: the person of that surname
        if e >= 0 and ents.category(e) != "other":
            return p, ents.category(e)
        category = res._term_category(owner)
        return p, "other" if category == "anonymous" else category
    return -1, "other"


def _surname(res: SpeakerResolver, word: str) -> int:
    """The person entity whose name ends in the capitalised ``word`` ("Durbin" for Dick Durbin), else -1.

    Only a surname one person of the article bears: two Kennedys give -1.
    """
    found = res.entities().persons_named(word, full=False)
    return found[0] if len(found) == 1 else -1


def owner_title(res: SpeakerResolver, i: int, j: int, category: str) -> str:
    """The category of a speaker at tokens ``[i, j)`` whose title is an owner title after a possessive.

    A title any organisation has (``owner=org`` in ``source_roles``:
    president, CEO, founder, chairman) takes the category of the
    organisation named next to it (:func:`~framing.attribution.evidence._pick`),
    also when the organisation is a possessive before it: "the NRA's
    president" is advocacy, "Apple's founder" business, "Iran's president"
    government. Else ``category``, the phrase's own.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "the union's president"
    >>> owner_title(SpeakerResolver(text, tokenize(text)), 0, 3, "government")
    'advocacy'
    """
    toks = res.tokens
    hits = [m for m in res._role_hits(toks.starts[i], toks.ends[j - 1]) if m.weight >= 0.5]
    if not hits:
        return category
    best = max(hits, key=lambda m: m.start)
    if best.text.lower() not in owner_titles():
        return category
    title = bisect_left(toks.starts, best.start)
    p, owner = possessive_owner(res, i, title)
    return owner if p >= 0 and owner not in ("other", "anonymous") else category


def _given_name(res: SpeakerResolver, first: int, before: int) -> bool:
    """Whether the name from token ``first`` has a given name before the character ``before``.

    Its first word is no role, organisation head, possessive, place or demonym, the
    text never writes it in lower case, and the tagger reads it as a proper noun in lower
    case too ("Christine Blasey Ford", not "House Democrat", "Latino Press Secretary",
    "Small Arms Survey", "The Latest AP").
    """
    toks, text = res.tokens, res.text
    word = text[toks.starts[first] : toks.ends[first]]
    norm = toks.norms[first]
    after = text[toks.ends[first] : toks.ends[first] + 1]
    if (toks.ends[first] >= before or word.isupper() or "'" in norm or after in ("'", "\u2019")
            or norm in _ORG_HEADS or is_place(word) or demonym(word) is not None):
        return False  # "Sanders' Latino Press Secretary", "House Democrat"
    if res._lower is None:
        res._lower = {toks.norms[t] for t in range(len(toks.norms)) if text[toks.starts[t]].islower()}
    if norm in res._lower or res._term_category(word) != "other":
        return False
    # read in lower case, a given name is still a proper noun ("christine", not "latest", "associated")
    forms = [norm, *(text[toks.starts[t] : toks.ends[t]] for t in range(first + 1, min(first + 3, len(toks.norms))))]
    return load_tagger().tag_forms(forms, stop=1)[0] == "PROPN"


_AUTHORITIES_REACH = 600  # characters around "authorities" read for a law-enforcement body the article names
_AUTHORITIES = re.compile(r"(?:(?:the|local|federal|state|city|county|law|enforcement)\s+)*authorities\Z", re.IGNORECASE)


def _policing_authorities(res: SpeakerResolver, start: int, end: int, hits: list[RoleHit]) -> bool:
    """Whether "authorities" at ``[start, end)`` are the police or prosecutors the text names around them.

    "Authorities have arrested three men ... the FBI and local police": bare
    or generic "authorities" ("the", "local", "federal" before it) are
    law_enforcement when a ``law_enforcement`` role of ``source_roles``
    (police, FBI, sheriff, prosecutors) is named within the reach before or
    after them, else the lexicon's government. Authorities of a place or a
    nation ("Danish authorities", "Orlando authorities") keep government.
    """
    phrase = res.text[start:end]
    if ")" in phrase:  # "(CNN) Authorities have arrested": the dateline is no part of the phrase
        start += phrase.rindex(")") + 1
        hits = [m for m in hits if m.start >= start]
    if len(hits) != 1 or hits[0].text.lower() != "authorities" or not _AUTHORITIES.match(res.text[start:end].strip()):
        return False
    lo, hi = max(0, start - _AUTHORITIES_REACH), min(len(res.text), end + _AUTHORITIES_REACH)
    return any(m.category == "law_enforcement" and m.weight >= 0.5
               for m in res._role_hits(lo, start) + res._role_hits(end, hi))


_SETTING = re.compile(r",\s+(?:speaking|talking)\s+(?:to|with|on)\b")  # a setting after a name, not an appositive
# "a godfather to the junior Republican representatives": the roles after "to" are the others'
_RELATION = re.compile(r"\b(?:" + "|".join(sorted(RELATIONS)) + r")\s+to\b", re.IGNORECASE)


def unnamed_category(res: SpeakerResolver, start: int, end: int, until: int = 0, *, person: bool = False) -> str:
    """The source category of the span ``[start, end)`` without the role words inside a person's name.

    A role word that is a word of the name of a person entity (a surname:
    "Ford", "Bishop", "Baker", "Bloomberg") is no role when the text says the
    entity is a person: an honorific ("Ms. Ford", "Mr. Baker"), a role before
    the name in the phrase ("Rep. Rob Bishop" is no clergy, "Mayor Michael
    Bloomberg" no outlet) or a description set off before or after it (up to
    ``until``, the end of the phrase: "His accuser, Christine Blasey Ford" is a
    citizen, no company; "Freddy Ford, a spokesman for Bush"), with a given name before
    the word (:func:`_given_name`); ``person``: the text wrote the person by this
    name alone ("Ford" for "Freddy Ford"). Without such a sign the word counts ("the
    California Democrat", "Ford Motor", "Sanders' Latino Press Secretary"). Else
    :meth:`SpeakerResolver.category_of`.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "His accuser, Christine Blasey Ford, spoke."  # the accuser, not the company
    >>> unnamed_category(SpeakerResolver(text, tokenize(text)), 0, 34)
    'citizen'
    >>> text = "Ford Motor spoke."
    >>> unnamed_category(SpeakerResolver(text, tokenize(text)), 0, 10)
    'business'
    """
    setting = _SETTING.search(res.text, start, end)
    if setting is not None:
        end = setting.start()  # "Ravanchi, speaking to Morning Edition host Steve Inskeep": the host is not his role
    relation = _RELATION.search(res.text, start, end)
    if relation is not None:
        end = relation.end() - 2  # "Dane, a mentor to many state senators": the senators are not his role
    hits = res._role_hits(start, end)
    if not hits:
        return "other"
    if _policing_authorities(res, start, end, hits):
        return "law_enforcement"  # "authorities said" after "the FBI and local police"
    toks, ents, text = res.tokens, res.entities(), res.text
    names: list[tuple[int, int]] = []  # (hit index, first token of the person's name)
    for k, m in enumerate(hits):
        first = bisect_left(toks.starts, m.start)
        last = bisect_left(toks.starts, m.end, first)
        e = ents.at(first)
        if e < 0 or ents.kind(e) != "person" or any(ents.at(t) != e for t in range(first + 1, last)):
            continue
        while first > 0 and toks.starts[first - 1] >= start and ents.at(first - 1) == e:
            first -= 1
        if ents.gender(e) or (_given_name(res, first, m.start) and (
            person or "," in text[start : toks.starts[first]] or "," in text[m.end : until or end]
            or any(h.end <= toks.starts[first] for h in hits)
        )):
            names.append((k, first))
    if not names:
        return res.category_of(start, end)
    dropped = {k for k, _ in names}
    return _category([m for k, m in enumerate(hits) if k not in dropped])


_OUTLET_PREPOSITIONS = word_set("in for on at")
_MAX_OUTLET = 10  # words of the phrase after the preposition ("a column for the Detroit Free Press")


def writer_outlet(res: SpeakerResolver, j: int) -> str:
    """``media`` when a writing cue ending before token ``j`` says the news outlet written in, else ``other``.

    "Mitch Albom wrote in the Detroit Free Press", "Michelle Goldberg wrote
    recently in Slate", "David Roberts wrote on Vox": who writes in a news
    outlet writes for it. Up to two adverbs or times may come first; the
    phrase after "in", "for", "on" or "at" must be ``media`` in
    ``source_roles`` ("wrote on Twitter", "wrote in a letter to Congress" say
    nothing of the writer).

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "Mitch Albom wrote in the Detroit Free Press that the team was done."
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> writer_outlet(res, 3)
    'media'
    """
    toks, text = res.tokens, res.text
    norms, n = toks.norms, len(toks.norms)
    t = j
    while t < n and t - j < 2 and (norms[t] in TIMES or (norms[t].endswith("ly") and text[toks.starts[t]].islower())):
        t += 1  # "wrote recently in Slate", "wrote Sunday in The Atlantic"
    if t >= n or norms[t] not in _OUTLET_PREPOSITIONS or text[toks.ends[t - 1] : toks.starts[t]].strip():
        return "other"
    k = t + 1
    while k < n and k - t <= _MAX_OUTLET and not text[toks.ends[k - 1] : toks.starts[k]].strip(" "):
        k += 1  # the phrase up to the first punctuation: "in a column for The Atlantic"
    if k == t + 1:
        return "other"
    return "media" if res.category_of(toks.starts[t + 1], toks.ends[k - 1]) == "media" else "other"


def phrase_kind(text: str, toks: Tokens, i: int, j: int) -> str:
    """What the phrase at tokens ``[i, j)`` names, from its head: ``org``, ``group`` or ``person``.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = "the ministry said officials and a man"
    >>> toks = tokenize(text)
    >>> phrase_kind(text, toks, 0, 2), phrase_kind(text, toks, 3, 4), phrase_kind(text, toks, 5, 7)
    ('org', 'group', 'person')
    >>> text = "some call it; Everyone who said; someone"
    >>> toks = tokenize(text)
    >>> [phrase_kind(text, toks, i, j) for i, j in ((0, 1), (3, 4), (6, 7))]
    ['group', 'group', 'person']
    """
    norms = toks.norms[i:j]
    if not _ORG_HEADS.isdisjoint(norms[-2:]):
        return "org"
    head = norms[-1]
    if head in _PLURAL_HEADS or head in _QUANTIFIERS:
        return "group"
    plural = head.endswith("s") and not head.endswith(("ss", "'s", "us"))
    if plural and not (text[toks.starts[j - 1]].isupper() and j - i > 1):
        return "group"
    return "person"
