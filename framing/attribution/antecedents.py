"""Antecedents a pronoun may not take, and the person behind an employer's name.

Helpers of :class:`~framing.attribution.speakers.SpeakerResolver` (after
:mod:`framing.attribution.links`): "she" takes up no place, text or data
("the former East Germany", "the latest estimate"), and "Jane Roe, a worker
with Acme Foods, told reporters" is Jane Roe speaking, not the firm. The
knowledge is the gazetteers' (:mod:`~framing.attribution.gazetteers`) and the
entity kinds' (:func:`~framing.attribution.entity_kinds.name_kind`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .calendar import MONTHS, TIMES
from .evidence import _title_abbreviation
from .gazetteers import document_head, is_place
from .links import phrase_kind
from .names import _sentence_initial
from .phrases import (
    _MAX_PHRASE,
    _STOP,
    DETERMINERS,
    PRONOUNS,
    _is_capitalised,
    _phrase_left,
    word_set,
)
from .sources import PREPOSITIONS, appositive_owner

if TYPE_CHECKING:
    from ..text import Tokens
    from .speakers import SpeakerResolver

__all__ = ["appositive_person", "linked_kind", "name_antecedent", "person_antecedent", "relative_antecedent", "subject_person"]


def linked_kind(res: SpeakerResolver, i: int, j: int) -> str:
    """The kind of the phrase at tokens ``[i, j)``: its entity's when it ends in a linked name, else :func:`phrase_kind`.

    "the former East Germany" ends in a place (:func:`~.entity_kinds.name_kind`), so no
    "she" takes it up, whatever its head looks like.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "Ann Lee grew up in the former East Germany. Jane Reed left."
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> linked_kind(res, 5, 9), linked_kind(res, 9, 11)
    ('org', 'person')
    """
    ents = res.entities()
    e = ents.at(j - 1)
    return ents.kind(e) if e >= 0 else phrase_kind(res.text, res.tokens, i, j)


_WORKS_FOR = word_set("with at for of from")  # "a worker with Acme", "a nurse at ...", "an analyst for ..."
_MAX_ROLE_WORDS = 5  # lower-case words of the appositive before the preposition


def appositive_person(res: SpeakerResolver, i: int) -> int:
    """The person whose appositive a name-led speaker phrase at token ``i`` closes, else -1.

    "Jane Roe, a worker with Acme Foods, a meat packer, told reporters": the
    phrase found before the cue starts at "Acme Foods", but the speaker is
    the person the appositive ", a worker with" describes. Only a short
    lower-case role after a determiner ("a worker with", "an analyst at")
    between the person and the name counts.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "Jane Roe, a worker with Acme Foods, a meat packer, told reporters."
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> res.entities().name(appositive_person(res, 5))
    'Jane Roe'
    >>> text = "In a letter to Jane Roe, Acme Foods said no."
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> appositive_person(res, 6)
    -1
    """
    toks, text = res.tokens, res.text
    if i < 3 or toks.norms[i - 1] not in _WORKS_FOR or not text[toks.starts[i]].isupper():
        return -1
    for u in range(i - 2, max(0, i - 2 - _MAX_ROLE_WORDS), -1):
        gap = text[toks.ends[u - 1] : toks.starts[u]]
        if gap.strip() not in ("", ",") or not text[toks.starts[u]].islower():
            return -1
        if gap.strip() == ",":
            if toks.norms[u] not in ("a", "an", "the"):
                return -1
            ents = res.entities()
            e = ents.at(u - 1)
            return e if e >= 0 and ents.kind(e) == "person" else -1
    return -1


_MAX_APPOSITIVE_BACK = 20  # tokens back from ", who" to the name its appositives describe
_MAX_APPOSITIVE_COMMAS = 3  # commas of those appositives ("a mom in Silver Spring, Maryland,")
_APPOSITIVE_OPENERS = frozenset(("a", "an", "the", "one", "his", "her", "their", "its"))


def relative_antecedent(res: SpeakerResolver, i: int, a: int) -> int:
    """The entity a "who" at token ``i`` after the phrase that starts at token ``a`` stands for, else -1.

    "Mr. Ekovich, an analyst, who ...", "Cruz – a lawyer who": the name before
    the appositive (not a place: "a mom in Silver Spring, Maryland, who");
    "McHugh, partner at Summit Trail Advisors in New York, who": the owner of
    the appositive; else the person before up to three appositives
    (:func:`relative_person`).
    """
    toks, text, ents, e = res.tokens, res.text, res.entities(), -1
    if a and text[toks.ends[a - 1] : toks.starts[a]].strip() in (",", "\u2013", "\u2014", "--"):
        e = ents.at(a - 1)
    if e < 0 and a and toks.norms[a - 1] in PREPOSITIONS:
        e = appositive_owner(text, toks, ents, a - 1)
    if e < 0 or ents.kind(e) == "place" or is_place(text[toks.starts[a] : toks.ends[i - 1]]):
        person = relative_person(res, i)  # (the phrase a place: "Silver Spring, Maryland, who")
        e = person if person >= 0 else e
    return e


def relative_person(res: SpeakerResolver, i: int) -> int:
    """The person named before the appositives that a ", who" at token ``i`` closes, else -1.

    "Michael Cohen, one of Trump's closest advisers for more than a decade,
    who admitted ...": the phrase before "who" is "a decade", the speaker is
    the person the appositive describes. Up to three commas back, within one
    sentence; an appositive opens with a determiner, "one" or a possessive
    pronoun ("Catherine Evans, a stay-at-home mom in Silver Spring, Maryland, who said").

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "Mueller spoke to Ann Roe, one of the firm's lawyers for a decade, who said it was over."
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> res.entities().name(relative_person(res, 14))
    'Ann Roe'
    """
    toks, text = res.tokens, res.text
    if i < 3 or text[toks.ends[i - 1] : toks.starts[i]].strip() != ",":
        return -1
    commas = 0
    for u in range(i - 1, max(0, i - _MAX_APPOSITIVE_BACK), -1):
        gap = text[toks.ends[u - 1] : toks.starts[u]]
        if any(ch in ".!?;:\n\"\u201c\u201d" for ch in gap) and not _title_abbreviation(text, toks, u - 1):
            return -1  # the sentence (or a quotation) ends: no appositive
        if gap.strip() != ",":
            continue
        commas += 1
        if commas > _MAX_APPOSITIVE_COMMAS:
            return -1
        ents = res.entities()
        e = ents.at(u - 1)
        if e >= 0 and ents.kind(e) == "person" and toks.norms[u] in _APPOSITIVE_OPENERS:
            return e
    return -1


def person_antecedent(name: str) -> bool:
    """Whether a speaker named ``name`` may be taken up by "he", "she" or "I": not a text or data.

    "the latest estimate said ... She also defended": the estimate is a
    document (the ``documents`` gazetteer), counted as a source, but never a
    person.

    Examples
    --------
    >>> person_antecedent("the latest estimate"), person_antecedent("her tweet"), person_antecedent("Jane Roe")
    (False, False, True)
    >>> person_antecedent("The Post")
    True
    """
    head = name.rsplit(None, 1)[-1] if name.strip() else ""
    return not (head.islower() and document_head(head))


_SUBJECT_REACH = 40  # tokens searched back for the subject that opens the pronoun's sentence or the one before
_QUOTES = "\"\u201c\u201d"


def _opens_sentence(text: str, toks: Tokens, t: int) -> bool:
    """Whether token ``t`` opens a sentence: a mark before it that does not close an abbreviation ("E.", "Sen.")."""
    return t == 0 or (_sentence_initial(text, toks, t) and not _title_abbreviation(text, toks, t - 1))


def subject_person(res: SpeakerResolver, i: int, gender: str, since: int) -> int:
    """The person named as the subject of the sentence of a pronoun at token ``i`` or the one before, else -1.

    "Sen. Tom Hale, for instance, wants a vote, and he said": a person whose
    name (with its capitalised titles) opens a sentence, after character
    ``since`` (the end of the last speaker the pronoun would take up), is the
    pronoun's antecedent, of the pronoun's ``gender`` when the entity has one.
    Not when the pronoun follows a quotation ('"...," he said': the speaker
    goes on), a quotation mark stands between the name and the pronoun, or
    the name is a parenthetical's ("Hale, he wrote, is"). A person named
    inside the sentence ("Trump said he met Putin. He added") is not a
    subject. At most :data:`_SUBJECT_REACH` tokens are read.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "Ann Lee spoke. Sen. Tom Hale, for instance, wants a vote, he said."
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> res.entities().name(subject_person(res, 11, "m", 7))
    'Tom Hale'
    >>> text = "Ann Lee said she met Tom Hale. He left."
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> subject_person(res, 7, "m", 7)
    -1
    """
    toks, text = res.tokens, res.text
    if i == 0 or any(q in text[toks.ends[i - 1] - 1 : toks.starts[i]] for q in _QUOTES):
        return -1  # '"We will win," he said': the quotation's speaker goes on
    ents = res.entities()
    marks = 0
    for t in range(i - 1, max(-1, i - 1 - _SUBJECT_REACH), -1):
        if toks.ends[t] <= since or any(q in text[toks.ends[t] : toks.ends[t + 1]] for q in _QUOTES):
            return -1
        e = ents.at(t)
        if e >= 0 and ents.kind(e) == "person" and ents.at(t + 1) != e and t + 1 < i:
            first = t
            while first > 0 and not _opens_sentence(text, toks, first) and (ents.at(first - 1) == e or (
                    text[toks.starts[first - 1]].isupper() and not text[toks.ends[first - 1] : toks.starts[first]].strip(" ."))):
                first -= 1  # "Sen. Tom Hale": the titles before the name
            if toks.starts[first] >= since and _opens_sentence(text, toks, first) and (
                    not gender or ents.gender(e) in ("", gender)):
                return e
        if t and _opens_sentence(text, toks, t):
            marks += 1
            if marks > 1:
                return -1
    return -1


def name_antecedent(res: SpeakerResolver, i: int, wanted: tuple[str, ...], window: int) -> tuple[int, int, str] | None:
    """The closest capitalised name phrase of a wanted kind within ``window`` tokens before token ``i``.

    Its start and end offsets and its kind, for a pronoun with no earlier speaker to take up (the
    phrase need not be a speaker yet); a "he" or "she" takes up no place ("the former East Germany").
    """
    toks, text = res.tokens, res.text
    for t in range(i - 1, max(0, i - window) - 1, -1):
        norm = toks.norms[t]
        if (
            text[toks.starts[t]].isupper()
            and norm not in _STOP and norm not in DETERMINERS and norm not in PRONOUNS
            and norm not in TIMES and norm not in MONTHS
            and (t + 1 >= len(toks) or t + 1 == i or not _is_capitalised(text, toks.starts[t + 1], toks.ends[t + 1]))
        ):
            span = _phrase_left(text, toks, t, max(0, t - _MAX_PHRASE), names=True)
            if span is not None and (kind := res._kind(*span)) in wanted and (
                    "org" in wanted or linked_kind(res, *span) == "person"):  # "East Germany": no "she"
                return toks.starts[span[0]], toks.ends[span[1] - 1], kind
    return None

