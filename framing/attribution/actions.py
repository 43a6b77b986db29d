"""Cue words in fixed phrases and in senses of acting, which report no words or thought.

Rules of :func:`framing.attribution.senses.other_sense` (the quote finder asks
it for every cue; a cue it rejects gives no quote, but stays a verb for the
reporting-verb counts and the cue evaluation). Each rule comes from a quote of
the hand-checked sample in docs/attribution.md whose "speaker" said nothing:

* a fixed phrase of the author's ("All told, ... Knott said", "Truth be told",
  "That said,", "Having said that,", "Needless to say", "Well, you see, ...");
* "storm" with an object or a direction ("A knife-wielding man stormed a
  church", "stormed out"): a movement, not an outburst ("'Out!' he stormed");
* "point(s) to" people ("Barack Obama points to supporters"): a gesture, not
  "pointed to the rising costs";
* "see" with a bare object and no "as" ("voters don't see the stakes"): a
  perception, not "many see the strikes as a mistake", "sees that" or a
  forecast ("analysts see more gains");
* a belief cue joined by "and" to an action verb it shares its object with
  ("Soleimani's Quds Force funds and supports proxy groups");
* a past form after a plural noun, with its complement and then "by"
  ("certain tech companies declared essential by the state"): a passive
  participle whose noun is what is declared, not who declares ("mining
  companies declared bankruptcy" stays).
"""

from __future__ import annotations

from ..text import Tokens
from .gazetteers import people_head
from .phrases import DETERMINERS, OBJECT_PRONOUNS, word_set

__all__ = ["action_rule"]

# fixed phrases holding a cue, as words; the cue is the word at the given index
_IDIOMS: tuple[tuple[tuple[str, ...], int], ...] = (
    (("all", "told"), 1),
    (("truth", "be", "told"), 2),
    (("truth", "to", "tell"), 2),
    (("that", "said"), 1),
    (("having", "said", "that"), 1),
    (("needless", "to", "say"), 2),
    (("suffice", "it", "to", "say"), 3),
    (("so", "to", "speak"), 2),
    (("you", "see"), 1),  # between commas: "Well, you see, she has charisma"
    (("you", "know"), 1),
)
# what may follow "storm" when it reports an outburst: the end of a clause, a quote, "that", "at"
_STORM_DIRECTIONS = word_set("out off in into through onto past away back up down across toward towards")
_CLAUSE_WORDS = word_set("that as how what whether why who which where when if")
_CLAUSE_VERBS = word_set("to is are was were will would")  # "see the plan is", "see them to"
# words ending in "s" that are no plural noun before a participle ("has proposed death by")
_NOT_PLURALS = word_set("is has was does this its his us thus as plus less unless yes whereas")
_OBJECT_START = DETERMINERS | word_set("more less")
_AMOUNTS = word_set("more less fewer few many much several some no two three four five six seven eight nine ten")


def _clause_edge(text: str, tokens: Tokens, k: int, after: bool) -> bool:
    """Whether token ``k`` starts (``after`` False: ends) a clause: text edge, punctuation or sentence start."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    if after:
        return k >= len(norms) or not norms[k][:1].isalnum() or text[ends[k - 1] : starts[k]].strip() != ""
    return k < 0 or not norms[k][:1].isalnum() or text[ends[k] : starts[k + 1]].strip() != ""


def _idiom(text: str, tokens: Tokens, i: int) -> bool:
    """Whether the cue at token ``i`` is in one of the fixed phrases, standing as a clause of its own."""
    norms = tokens.norms
    for words, at in _IDIOMS:
        first, last = i - at, i - at + len(words)
        if first < 0 or last > len(norms) or tuple(norms[first:last]) != words:
            continue
        if _clause_edge(text, tokens, first - 1, after=False) and (
            words[-1] in ("say", "that") or _clause_edge(text, tokens, last, after=True)
        ):
            return True
    return False


def _bare_object(text: str, tokens: Tokens, j: int, reach: int = 8) -> bool:
    """Whether the words from token ``j`` (right after the cue) are a noun phrase with no clause or "as" after it."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    if j >= len(norms) or not norms[j].isalpha() or norms[j] in _CLAUSE_WORDS:
        return False
    if j and text[ends[j - 1] : starts[j]].strip():
        return False  # "you see, she has": punctuation after the cue
    for k in range(j, min(len(norms), j + reach)):
        if k > j and text[ends[k - 1] : starts[k]].strip():
            return True  # the phrase ends at punctuation
        if norms[k] in _CLAUSE_WORDS or norms[k] in _CLAUSE_VERBS:
            return False
    return True


def action_rule(text: str, tokens: Tokens, i: int, j: int, lemma: str, form: str, act: str) -> str | None:
    """The rule above that the cue-lexicon hit on tokens ``i:j`` meets, or None.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> s = "All told, Knott said he spent about $1,500."
    >>> t = tokenize(s)
    >>> action_rule(s, t, 1, 2, "tell", "past", "speech"), action_rule(s, t, 4, 5, "say", "past", "speech")
    ('idiom', None)
    >>> s = "A knife-wielding man stormed a church."
    >>> action_rule(s, tokenize(s), 3, 4, "storm", "past", "speech")
    'storm_movement'
    """
    norms, starts = tokens.norms, tokens.starts
    n = len(norms)
    nxt = norms[j] if j < n else ""
    if _idiom(text, tokens, i):
        return "idiom"
    if lemma == "storm" and j < n and (
        nxt in _STORM_DIRECTIONS or nxt in _OBJECT_START or nxt in OBJECT_PRONOUNS or text[starts[j]].isupper()
    ):
        return "storm_movement"  # "stormed a church", "stormed out of the room", "stormed Congress"
    if lemma == "point to":
        k = j + 1 if nxt in DETERMINERS else j
        if k < n and (norms[k] in OBJECT_PRONOUNS or people_head(norms[k])) and norms[k + 1 : k + 2] != ["of"]:
            return "gesture"  # "points to supporters", "pointed to the crowd", "pointed to him"
    if (
        lemma == "see" and form in ("base", "3sg") and nxt not in OBJECT_PRONOUNS and nxt not in _AMOUNTS
        and not nxt.isdigit() and _bare_object(text, tokens, j)
    ):
        # "voters don't see the stakes": not "see the strikes as", "sees that", nor a
        # forecast of an amount ("analysts see more gains", "sees three main issues")
        return "perception"
    if (
        act == "belief" and form in ("3sg", "past") and i > 1 and norms[i - 1] in ("and", "or")
        and norms[i - 2].isalpha() and not text[starts[i - 2]].isupper()
        and norms[i - 2].endswith("s" if form == "3sg" else "ed") and _bare_object(text, tokens, j)
    ):
        return "coordinated_action"  # "funds and supports proxy groups": the object of an action
    if (
        form == "past" and i and j + 1 < n and norms[j + 1] == "by" and nxt.isalpha() and text[starts[j]].islower()
        and nxt not in _OBJECT_START and nxt not in OBJECT_PRONOUNS and norms[i - 1].endswith("s")
        and norms[i - 1] not in _NOT_PLURALS
        and not norms[i - 1].endswith("'s") and norms[i - 1].isalpha() and not text[starts[i - 1]].isupper()
    ):
        return "reduced_passive"  # "companies declared essential by the state": declared, not declaring
    return None
