"""Cues in the author's own argument and in acts, which report no one's words.

Rules of :func:`framing.attribution.senses.other_sense` (asked by the quote
finder for every cue; a cue they reject gives no quote but stays a verb). Each
looks at a few tokens around the cue only:

* an evidence verb ("demonstrate", "show", "suggest", "prove", ...) whose
  subject is an event or an abstract thing, not a document ("As the Morse
  recall demonstrates, ...", "what is known about its information activity does
  not suggest that"): the author's argument ("the data show", "the study
  suggests", "the poll shows" stay: documents are sources);
* "Who" opening a sentence as the subject of a cue ("Who knows what 2018
  holds"): a rhetorical question, no speaker ('"Who said that?" asked Smith'
  keeps Smith's "asked");
* "respond to" a call, a scene or "a report of" ("Officers were responding to
  a report of a man"): police answering a call ("responded to the report,
  saying" stays);
* "defend" races, seats, a majority or a title ("Democrats were defending 26
  races"): an electoral or sporting act, not a defence in words;
* "write off" ("how much a company can write off"): a deduction, not writing;
* "warning" before "signs", "signals", "shots", "label", ... ("broadcast
  warning signals"): a noun modifier;
* "push back" with a bare object ("pushing back ISIS", "pushed back the
  deadline"): a military act or a delay, not a rebuttal ("pushed back on the
  claim", "pushed back against", "pushed back the notion that" stay);
* "ask" with a reflexive object ("They never asked themselves whether"): the
  author's claim about people's thoughts (PolNeAR annotates none of its uses; not
  after a quotation: '"For what will you die?" he remembers asking himself').

"agreed to" and a verb ("agreed to pay $25 million to settle") is left a cue:
PolNeAR annotates the agreement to an act as an attribution (four gold cues of
dev, "agreed to clean up the shuttered mines").
"""

from __future__ import annotations

from ..text import Tokens
from .phrases import DETERMINERS, word_set

__all__ = ["argument_rule"]

_EVIDENCE = word_set("demonstrate show suggest illustrate underscore underline prove indicate")
# events and abstract things that are no documents (``documents`` gazetteer: "the data", "the results" are)
_EVENT_HEADS = word_set(
    """
    recall recalls activity activities episode episodes saga incident incidents event events
    history experience experiences behavior behaviour conduct fiasco debacle controversy scandal
    backlash uproar turmoil chaos success failure failures collapse example examples
    """
)
# words between an evidence verb and its subject's head: "does not suggest", "clearly shows"
_EVIDENCE_BETWEEN = word_set(
    "does do did not n't doesn't don't didn't also clearly only already certainly surely further amply "
    "again itself themselves would could may might seems seem to"
)
_WHO_BETWEEN = word_set("would could can will really ever has had")
# what a police or fire crew responds to
_CALLS = word_set("call calls scene scenes fire fires emergency emergencies alarm alarms disturbance 911 crash shooting")
_CONTESTS = word_set("race races seat seats majority majorities title titles crown championship turf incumbents")
_WARNING_NOUNS = word_set(
    "sign signs signal signals shot shots label labels light lights system systems bell bells flag flags "
    "siren sirens sticker stickers track"
)
# objects of "pushed back" that are words rebutted: "pushed back the notion that"
_REBUTTED = word_set(
    "notion idea claim claims suggestion suggestions criticism criticisms argument arguments assertion "
    "assertions accusation accusations charge charges report reports narrative characterization"
)
_REFLEXIVES = word_set("himself herself themselves ourselves myself yourself yourselves")
_SENTENCE_ENDS = frozenset(".!?\n\"\u201c")
_QUOTE_MARKS = frozenset("\"\u201c\u201d")
_QUOTE_REACH = 40  # characters before "asked himself" in which a quotation makes it the person's own words


def argument_rule(text: str, tokens: Tokens, i: int, j: int, lemma: str, form: str) -> str | None:
    """The rule above that the cue-lexicon hit on tokens ``i:j`` meets, or None.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> s = "As the recall demonstrates, voters decide."
    >>> argument_rule(s, tokenize(s), 3, 4, "demonstrate", "3sg")
    'event_evidence'
    >>> s = "The study demonstrates that voters decide."
    >>> argument_rule(s, tokenize(s), 2, 3, "demonstrate", "3sg") is None
    True
    """
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    n = len(norms)
    nxt = norms[j] if j < n else ""
    nxt2 = norms[j + 1] if j + 1 < n else ""
    if lemma in _EVIDENCE and _event_subject(text, tokens, i, form):
        return "event_evidence"  # "As the Morse recall demonstrates, ...": the author's argument
    if _rhetorical_who(text, tokens, i):
        return "rhetorical_who"  # "Who knows what 2018 holds": a rhetorical question, no speaker
    if lemma == "respond" and nxt == "to":
        k = j + 2 if nxt2 in DETERMINERS else j + 1
        head = norms[k] if k < n else ""
        if head in _CALLS or (head in ("report", "reports") and norms[k + 1 : k + 2] == ["of"]):
            return "respond_to_call"  # "Officers were responding to a report of a man": an act
    if lemma == "defend" and _contest_object(text, tokens, j):
        return "defend_contest"  # "Democrats were defending 26 races": an electoral act
    if lemma == "write" and nxt == "off" and not text[ends[j - 1] : starts[j]].strip():
        return "write_off"  # "how much a company can write off": a deduction
    if lemma == "warn" and form == "gerund" and nxt in _WARNING_NOUNS and text[ends[j - 1] : starts[j]] == " ":
        return "warning_modifier"  # "broadcast warning signals": a noun modifier
    if lemma == "push back" and _pushed_object(text, tokens, j):
        return "push_back_object"  # "pushing back ISIS", "pushed back the deadline": an act, not a rebuttal
    if lemma == "ask" and nxt in _REFLEXIVES and text[ends[j - 1] : starts[j]] == " " and _QUOTE_MARKS.isdisjoint(
        text[max(0, starts[i] - _QUOTE_REACH) : starts[i]]
    ):
        return "ask_oneself"  # "They never asked themselves whether": the author's claim about thoughts
    return None


def _event_subject(text: str, tokens: Tokens, i: int, form: str) -> bool:
    """Whether the head right before the evidence verb at ``i`` (past "does not", adverbs) is an event noun."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    k = i - 1
    while k >= 0 and i - k <= 4 and norms[k] in _EVIDENCE_BETWEEN:
        k -= 1
    if k < 0 or norms[k] not in _EVENT_HEADS or not text[starts[k]].islower():
        return False
    if k == i - 1 and form == "base" and not norms[k].endswith("s"):
        return False  # "revelations about his tax history show": a plural verb, so the head is before
    if "of" in norms[max(0, k - 3) : k]:
        return False  # "Video of the incident shows": the head is before "of"
    return all(not text[ends[t] : starts[t + 1]].strip() for t in range(k, i))  # no comma or dash between


def _rhetorical_who(text: str, tokens: Tokens, i: int) -> bool:
    """Whether a capitalised "Who" opening a sentence is the subject of the cue at ``i`` ("Who knows")."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    k = i - 1
    while k >= 0 and i - k <= 3 and norms[k] in _WHO_BETWEEN:
        k -= 1
    if k < 0 or norms[k] != "who" or text[starts[k] : ends[k]] != "Who":  # not "WHO", the health body
        return False
    if k == 0:
        return True
    gap = text[ends[k - 1] : starts[k]]
    return not _SENTENCE_ENDS.isdisjoint(gap)  # punctuation is no token: ". Who knows"


def _contest_object(text: str, tokens: Tokens, j: int, reach: int = 4) -> bool:
    """Whether a race, a seat, a majority or a title heads the object within ``reach`` words after "defend"."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    for k in range(j, min(len(norms), j + reach)):
        if text[ends[k - 1] : starts[k]].strip():
            return False  # punctuation ends the object
        if norms[k] in _CONTESTS:
            return True
        if norms[k] in ("that", "against", "as", "from", "him", "them", "himself", "herself", "themselves"):
            return False  # "defended him", "defended that": not the object looked for
    return False


def _pushed_object(text: str, tokens: Tokens, j: int, reach: int = 4) -> bool:
    """Whether "push back" is followed by a bare object (a determiner or a name) that is no words rebutted."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    n = len(norms)
    if j >= n or text[ends[j - 1] : starts[j]] != " ":
        return False
    word = text[starts[j] : ends[j]]
    if norms[j] == "that" or not (norms[j] in DETERMINERS or (word[:1].isupper() and not word.endswith(("'s", "\u2019s")))):
        return False
    return _REBUTTED.isdisjoint(norms[j : min(n, j + reach)])
