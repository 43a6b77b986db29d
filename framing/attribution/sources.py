"""Whether a speaker phrase is a source at all: the check of :class:`~.speakers.SpeakerResolver`.

A rule-based stage between the noun phrases of :mod:`framing.attribution.phrases`
and the speakers: a verb phrase, a time, a thing or a common word opening a
sentence is no source; names, pronouns, roles, organisations, documents,
proxies and people words are. Also what a speaker phrase takes up: which
antecedents a definite organisation noun ("the group", "the agency") fits, a
poll share of a party ("Just 9% of Democrats"), the person before an
appositive ("McHugh, partner at ... in New York, who").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from ..tagger import load_tagger
from .calendar import MONTHS as _MONTHS
from .calendar import TIMES as _TIMES
from .gazetteers import document_head, people_head, proxy_head
from .names import _sentence_initial
from .phrases import (
    _ANONYMOUS_HEADS,
    _ORG_HEADS,
    PRONOUNS,
    _contracted_pronoun,
    word_set,
)

if TYPE_CHECKING:
    from ..text import Tokens
    from .entities import Entities
    from .speakers import SpeakerResolver

__all__ = ["anaphor_fits", "appositive_owner", "both_category", "not_a_source", "poll_share"]

# Nouns of time: "Recent years showed", "the same day": never a speaker.
_TIME_HEADS = _TIMES | _MONTHS | word_set(
    """
    day days weeks months years time times hour hours minute minutes second seconds
    moment moments era epoch decade decades century summer winter spring fall autumn
    ago yesterday today tonight tomorrow
    """
)
# Agent nouns and ages name people: "the narrator", "a hacker", "the socialist", "the 46-year-old".
_AGENT_NOUN = re.compile(r"(?:[a-z]{3}(?:er|or|ist|ess|ian)|year-old)s?\Z")
_REFLEXIVES = word_set("himself herself myself themselves itself ourselves yourself self")


def _heads() -> tuple[frozenset[str], frozenset[str]]:
    return _ORG_HEADS, _ANONYMOUS_HEADS


def not_a_source(res: SpeakerResolver, i: int, j: int) -> bool:
    """Whether the speaker phrase at tokens ``[i, j)`` is not a source at all.

    A pronoun, a name (an entity of the article, or a capitalised word
    the tagger reads as a proper noun) or a phrase with a role, an
    organisation, a document, a proxy, an anonymous or a people head
    (``people`` gazetteer: "critics", "others") is a source. Any other
    phrase of common words is not: a verb phrase ("create something"),
    a time ("Recent years"), a thing ("the traffic", "a drug house"), a
    common word capitalised as a sentence opener ("Uncertainty"); nor is
    a reflexive or a lower-case possessive ("the president's").
    """
    toks, text = res.tokens, res.text
    norms, starts, ends = toks.norms, toks.starts, toks.ends
    if j - i == 1 and (norms[i] in PRONOUNS or _contracted_pronoun(norms[i])):
        return False
    if j - i == 1 and norms[i] in _TIMES:
        return True  # "Mitch McConnell of Kentucky, said Sunday.": a day or a time of day is no source
    end = j
    for t in range(i + 1, j):
        if "," in text[ends[t - 1] : starts[t]]:
            end = t  # the phrase before an appositive
            break
    for t in range(i + 1, end - 1):
        if norms[t] in ("of", "for"):
            end = t  # "the board of elections": the head is before "of"
            break
    head = end - 1
    h, form = norms[head], text[starts[head] : ends[head]]
    if h in _REFLEXIVES:
        return j - i == 1  # a lone "himself"; "Mr. Rubio himself" is Rubio
    if (
        form.islower() and h.endswith("'s") and text[ends[head] - 2] in "'\u2019"
        and not (head + 1 < len(norms) and norms[head + 1] == "been")
    ):
        return True  # "the president's": a possessive, not a head ("the president's been" is)
    if (
        (form.isupper() and len(form) > 1)  # "LAPIERRE", "THE REPORT": capitals are not tagged reliably
        or res._role_hits(starts[i], ends[j - 1])
        or h in _heads()[0]
        or h in _heads()[1]
        or document_head(h)
        or proxy_head(h)
        or people_head(h)
        or _AGENT_NOUN.search(h) is not None
        or norms[i] in PRONOUNS
        or norms[i] == "those"  # "those surveyed"
        or any("'" in norms[t] for t in range(i, head))  # "Today's incident": a possessive's noun
        or text[starts[i] - 1 : starts[i]] == "@"  # a handle: "@nycsouthpaw"
        or any(res.entities().at(t) >= 0 for t in range(i, j))
        or any(not text[starts[t] : ends[t]].islower() for t in range(i + 1, j))
    ):
        return False
    first = text[starts[i] : ends[i]]
    if first.islower():
        return True
    # a capitalised first word: a name, unless a known common word opens the sentence
    # ("Uncertainty", "Recent years") and the tagger, reading it in lower case, does not
    # take it for a proper noun
    tagger = load_tagger()
    if not (_sentence_initial(text, toks, i) and tagger.knows(first.lower())):
        return False
    hi = min(len(norms), i + 3)
    if tagger.tag_forms([first, *(text[starts[k] : ends[k]] for k in range(i + 1, hi))], stop=1)[0] != "PROPN":
        return True  # "Critics", "Recent years": read as common words even capitalised
    if res._lower is None:
        res._lower = {norms[t] for t in range(len(norms)) if text[starts[t]].islower()}
    if norms[i] not in res._lower:
        return False  # "Smith said": a surname that is also a word, never written in lower case here
    forms = [first.lower(), *(text[starts[k] : ends[k]] for k in range(i + 1, hi))]
    return tagger.tag_forms(forms, stop=1)[0] != "PROPN"


# -- what a speaker phrase takes up: definite organisation nouns, poll shares, appositives --

_SHARES = r"(?:\d+(?:\.\d+)?\s?%|\d+\s+(?:percent|per\s+cent)|majority|majorities|plurality|minority|half|third|thirds|quarter|share)"
_SHARE_BEFORE = re.compile(_SHARES + r"\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+s\s+and\s+)?\Z", re.IGNORECASE)
_SHARE_INSIDE = re.compile(r"\b" + _SHARES + r"\s+of\b", re.IGNORECASE)
PREPOSITIONS = word_set("in at of for with from on")
# a share that is a poll's respondents by itself: "64 percent", "Two-thirds", "half of those surveyed"
_NUMBER_WORD = r"(?:[a-z]+(?:-[a-z]+)?|\d+(?:\.\d+)?)"
_BARE_SHARE = re.compile(
    r"(?:(?:just|only|about|nearly|almost|roughly|some|over|under|more\s+than|fewer\s+than|less\s+than)\s+)?"
    r"(?:\d+(?:\.\d+)?\s?%|" + _NUMBER_WORD + r"\s+(?:percent|per\s+cent)|half|(?:a|one|two)[-\s]thirds?"
    r"|(?:a|one|three)[-\s]quarters?|(?:a|the)\s+(?:majority|plurality|minority)|most|"
    + _NUMBER_WORD + r"\s+in\s+" + _NUMBER_WORD + r")"
    r"(?:\s+of\s+(?:those(?:\s+(?:surveyed|polled|asked|questioned))?|(?:the\s+)?(?:respondents|voters|people|"
    r"adults|Americans|participants)))?\Z|those\s+(?:surveyed|polled|questioned)\Z",
    re.IGNORECASE,
)
_POLL_NAMED = re.compile(r"\b(?:poll|polls|polling|survey|surveys|surveyed|polled|respondents)\b", re.IGNORECASE)
_POLL_REACH = 600  # characters back (within the paragraph) in which the poll must be named
_MAX_APPOSITIVE_WORDS = 16
_PUBLIC = frozenset(("government", "law_enforcement", "military"))
_NON_PUBLIC_NOUNS = word_set("group organization organisation coalition association alliance movement union")
_PUBLIC_NOUNS = word_set("agency department ministry administration bureau office")
_BUSINESS_NOUNS = word_set("company firm corporation")


def _public_body(name: str) -> bool:
    return any(w in _PUBLIC_NOUNS or w in ("bureau", "commission", "service", "court") for w in name.split())


def anaphor_fits(noun: str) -> Callable[[str, str], bool] | None:
    """Which antecedents (category, lower-case name) a definite organisation noun may take up, None for any."""
    if noun in _NON_PUBLIC_NOUNS:
        return lambda c, name: c not in ("government", "law_enforcement") and not _public_body(name)
    if noun in _PUBLIC_NOUNS:
        return lambda c, name: c in _PUBLIC or c == "other"
    if noun in _BUSINESS_NOUNS:
        return lambda c, name: c in ("business", "other") and not _public_body(name)
    return None


def poll_share(text: str, toks: Tokens, i: int, j: int) -> str | None:
    """Whether the speaker at ``[i, j)`` is a share of a party, a camp or a poll's respondents.

    "Just 9% of Democrats say", "A solid majority of Republicans and
    conservatives said": poll respondents (citizen), not the party's
    politicians. The group must end the phrase and be a capitalised plural
    ("Democrats", "Republicans") or a people noun ("conservatives");
    "a majority of senators" keeps its role. A bare share ("64 percent
    said", "Two-thirds said", "half of those surveyed") is respondents when
    a poll or survey is named before it in the paragraph. Returns the share
    words to put before the phrase's name ("9% of "; "share of " for a share
    inside it; "" for a bare share, whose name says it), else None.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = "In the Gallup poll, 64 percent said no."
    >>> toks = tokenize(text)
    >>> poll_share(text, toks, 4, 6)  # "64 percent", a bare share after the poll: its name says it
    ''
    >>> poll_share("Then 64 percent said no.", tokenize("Then 64 percent said no."), 1, 3) is None
    True
    """
    head = toks.norms[j - 1]
    phrase = text[toks.starts[i] : toks.ends[j - 1]]
    before = text[max(0, toks.starts[i] - 40) : toks.starts[i]]
    found = _SHARE_BEFORE.search(before)
    if _BARE_SHARE.match(phrase):
        start = toks.starts[i]
        paragraph = text[max(0, start - _POLL_REACH) : start].rsplit("\n\n", 1)[-1]
        return (found.group(0) if found else "") if _POLL_NAMED.search(paragraph) else None
    if not head.endswith("s") or not (text[toks.starts[j - 1]].isupper() or people_head(head)):
        return None
    if found is not None:
        return found.group(0)  # the share before the phrase, kept in the entity's name
    return "share of " if _SHARE_INSIDE.search(text[toks.starts[i] : toks.starts[j - 1]]) else None


def appositive_owner(text: str, toks: Tokens, ents: Entities, t: int) -> int:
    """The person named before the comma that opens the appositive holding token ``t``, else -1."""
    for u in range(t, max(0, t - _MAX_APPOSITIVE_WORDS), -1):
        gap = text[toks.ends[u - 1] : toks.starts[u]] if u else ""
        if any(ch in gap for ch in ".;:!?\n"):
            return -1
        if "," in gap:
            e = ents.at(u - 1)
            return e if e >= 0 and ents.kind(e) == "person" else -1
    return -1


def both_category(ents: Entities, t: int, window: int, norms: Sequence[str] = (),
                  spoken: Sequence[int] = ()) -> str:
    """The category of "Both" at token ``t``: that of the two persons named last, when they share one.

    "Frank Baitman, an HHS deputy assistant secretary, and Bryan Sivak, the
    HHS chief technology officer, ... Both said": government. Two persons
    joined by "and" (``norms``, the tokens' norms) are the pair before any
    name named after them ("Rubio and Ryan, both ... POLITICO has learned both
    will"). Else the two persons named last, when they share a category;
    else the two persons quoted last (``spoken``: the entities of the
    speakers before, in text order), when they share one: "Jo Hale, a
    White House official, said ... Ann Ruiz, an agency spokeswoman, said ...
    Both acknowledged" is government though a name without a role ("the
    Oct. 1 rollout of ObamaCare") comes between. Persons of two categories,
    or fewer than two persons in the ``window`` tokens before, give ``other``.
    """
    for u in range(t - 2, max(0, t - window), -1):
        if norms and norms[u] == "and" and ents.at(u - 1) >= 0 and ents.at(u + 1) >= 0:
            a, b = ents.at(u - 1), ents.at(u + 1)
            if a != b and ents.kind(a) == ents.kind(b) == "person":
                return ents.category(a) if ents.category(a) == ents.category(b) else "other"
    first = ents.before(t, window, ("person",))
    second = ents.before(t, window, ("person",), skip=first) if first >= 0 else -1
    if second >= 0 and ents.category(first) == ents.category(second) != "other":
        return ents.category(first)
    persons = list(dict.fromkeys(e for e in reversed(spoken) if ents.kind(e) == "person"))[:2]
    if len(persons) == 2 and ents.category(persons[0]) == ents.category(persons[1]):
        return ents.category(persons[0])
    if second < 0 or ents.category(first) != ents.category(second):
        return "other"
    return ents.category(first)
