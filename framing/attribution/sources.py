"""Whether a speaker phrase is a source at all: the check of :class:`~.speakers.SpeakerResolver`.

A rule-based stage between the noun phrases of :mod:`framing.attribution.phrases`
and the speakers: a verb phrase, a time, a thing or a common word opening a
sentence is no source; names, pronouns, roles, organisations, documents,
proxies and people words are.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from ..tagger import load_tagger
from .gazetteers import document_head, people_head, proxy_head
from .names import _sentence_initial
from .phrases import (
    _ANONYMOUS_HEADS,
    _MONTHS,
    _ORG_HEADS,
    _TIMES,
    PRONOUNS,
    _contracted_pronoun,
    word_set,
)

if TYPE_CHECKING:
    from .speakers import SpeakerResolver

__all__ = ["not_a_source"]

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

