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

from .gazetteers import document_head
from .links import phrase_kind
from .phrases import word_set

if TYPE_CHECKING:
    from .speakers import SpeakerResolver

__all__ = ["appositive_person", "linked_kind", "person_antecedent"]


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
