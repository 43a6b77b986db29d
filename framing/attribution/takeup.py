"""Which earlier proxy a definite one takes up: "the spokesman" after "a White House spokesman".

A helper of :class:`~framing.attribution.speakers.SpeakerResolver` for a
speaker phrase that is a determiner and a proxy noun of the ``proxies``
gazetteer alone ("the spokesman", "the spokesperson", "the lawyer"): with
no owner of its own, it speaks for the owner of the last proxy of the same
post the text named before.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from .evidence import _category
from .gazetteers import is_place, place_category
from .links import owner_category
from .phrases import _STOP, DETERMINERS, _gap_ok

if TYPE_CHECKING:
    from .speakers import SpeakerResolver

__all__ = ["earlier_proxy"]

_PROXY_REACH = 1500  # characters searched back for the proxy a definite "the spokesman" takes up
_MAX_PROXY_PHRASE = 4  # words before an earlier proxy read for its owner ("a senior White House spokesman")
_PROXY_OWNER_WORDS = 6  # words after "for" read for it ("a spokesman for the Ohio Farm Bureau")


def _same_proxy(a: str, b: str) -> bool:
    """Whether two proxy nouns name the same post ("spokesman", "spokeswoman" and "spokesperson" do)."""
    return a == b or (a.startswith("spokes") and b.startswith("spokes"))


def earlier_proxy(res: SpeakerResolver, i: int, head: int) -> str:
    """The owner's category of the last proxy of the same kind said before a definite proxy at ``head``.

    "A White House spokesman repeated the argument. ... the spokesman said":
    the spokesman speaks for the White House (government). The earlier proxy
    is the last one of the same post ("spokesman", "spokeswoman",
    "spokesperson" are one) within the reach before, read with its
    owner before it ("the newspaper's spokesperson", "a ministry spokesman")
    or after it ("a spokesman for the Ohio Farm Bureau"), or its name
    ("spokesman Ben Hale"); ``other`` when that proxy's owner is unknown.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> from framing.attribution.speakers import SpeakerResolver
    >>> text = "A Pentagon spokesman spoke first. Later the spokesman said no."
    >>> res = SpeakerResolver(text, tokenize(text))
    >>> earlier_proxy(res, 6, 7)
    'military'
    """
    toks, norms = res.tokens, res.tokens.norms
    if head != i + 1 or norms[i] != "the":
        return "other"
    lo = bisect_left(toks.starts, toks.starts[i] - _PROXY_REACH)
    for k in range(i - 1, lo - 1, -1):
        if not _same_proxy(norms[k], norms[head]):
            continue
        category, bare = _proxy_owner(res, k)
        if category != "other" or not bare:
            return category
    return "other"  # ("the spokesman ... the spokesman added": a bare one takes up the one before it)


def _proxy_owner(res: SpeakerResolver, k: int) -> tuple[str, bool]:
    """The owner's category of the proxy at token ``k``, and whether it is a bare "the spokesman"."""
    toks, text = res.tokens, res.text
    norms, starts, ends = toks.norms, toks.starts, toks.ends
    first = k
    while first > 0 and k - first < _MAX_PROXY_PHRASE and _gap_ok(text, toks, first - 1) and (
            norms[first - 1] not in _STOP or norms[first - 1] in DETERMINERS):
        first -= 1
        if norms[first] in DETERMINERS:
            break
    word = text[starts[k - 1] : ends[k - 1]] if k > first else ""
    place = (place_category(word) or ("government" if is_place(word) else None)) if word[:1].isupper() else None
    category = place if place is not None else owner_category(res, first, k)  # "a Detroit spokesperson": the city's
    if category == "other" and first < k:
        category = _category(res._role_hits(starts[first], ends[k]))  # "a senior U.S. Defense spokesman"
    ents = res.entities()
    bare = first == k - 1 and norms[first] == "the"
    if category == "other" and k + 1 < len(norms) and text[ends[k] : starts[k + 1]].isspace():
        e = ents.at(k + 1)  # "spokesman Ben Hale", named before
        if e >= 0 and ents.kind(e) == "person":
            category, bare = ents.category(e), False
        elif norms[k + 1] in ("for", "of"):  # "a spokesman for the Ohio Farm Bureau"
            end, bare = k + 2, False
            while end < min(len(norms), k + 2 + _PROXY_OWNER_WORDS) and _gap_ok(text, toks, end - 1):
                end += 1
            e = next((ents.at(t) for t in range(k + 2, end) if ents.at(t) >= 0), -1)
            category = ents.category(e) if e >= 0 else _category(res._role_hits(starts[k + 2], ends[end - 1]))
    return ("other" if category == "anonymous" else category), bare
