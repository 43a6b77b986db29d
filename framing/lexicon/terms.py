"""How the words of a lexicon term meet the tokens of a text.

The word-by-word check of :class:`framing.lexicon.matcher.Matcher` for the
terms its indexes do not settle alone: later words, case-sensitive terms,
and the forms a title or a name takes in news ("then-Sen.", "the FBI's").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .model import Entry

__all__ = ["JOINERS", "add_spans", "base_form", "match_rest"]

JOINERS = " \t\n\r-\u2010\u2011"  # what may separate the words of a term


def add_spans(
    spans: dict[tuple[int, int, int], list[Entry]],
    hits: tuple[tuple[int, Entry], ...],
    norms: list[str],
    text: str,
    starts: list[int],
    ends: list[int],
    i: int,
    n: int,
) -> None:
    """Add the spans of the ``hits`` that match in full at token ``i``."""
    for li, entry in hits:
        j = match_rest(entry, norms, text, starts, ends, i, n)
        if j:
            spans.setdefault((li, i - j, i), []).append(entry)


def base_form(form: str) -> str:
    """``form`` without a "then-" before it and a possessive "'s" after it.

    Examples
    --------
    >>> base_form("then-FBI's"), base_form("regime\u2019s"), base_form("it's"), base_form("'s")
    ('FBI', 'regime', 'it', "'s")
    """
    if form[:5].lower() == "then-" and len(form) > 5:
        form = form[5:]
    if len(form) > 2 and form[-2:] in ("'s", "\u2019s"):
        form = form[:-2]
    return form


def match_rest(
    entry: Entry, norms: list[str], text: str, starts: list[int], ends: list[int], i: int, n: int
) -> int:
    """End token index (exclusive) if ``entry`` matches at token ``i``, else 0."""
    words, wild = entry.words, entry.wildcards
    k = len(words)
    if i + k > n:
        return 0
    for off in range(1, k):
        t = i + off
        word = words[off]
        if not (norms[t].startswith(word) if wild[off] else norms[t] == word or (
                off == k - 1 and norms[t] == word + "'s")):  # a possessive last word: "Department of Justice's"
            return 0
        gap = text[ends[t - 1] : starts[t]]
        if gap.strip(JOINERS):
            return 0  # words of a term are separated by whitespace or hyphens only
    if entry.case_sensitive:
        for off in range(k):
            t = i + off
            written = entry.term.split()[off] if len(entry.term.split()) == k else None
            surface = text[starts[t] : ends[t]]
            if norms[t] != entry.words[off] and not wild[off]:
                surface = base_form(surface)  # "then-FBI Director", "the FBI's": the term's own capitals
            if written is not None:
                core = written.rstrip("*")
                if not surface.startswith(core) if wild[off] else surface != core:
                    return 0
            elif surface.lower() == surface:
                return 0
    return i + k
