"""Acronyms defined in parentheses: one entity named by the full name, the acronym among its mentions.

A step of :func:`~framing.attribution.mentions_filter.expose_entities`. The
name runs of :mod:`~framing.attribution.names` cut "the Islamic State of Iraq
and Syria (ISIS)" into pieces ("Fighters of the Islamic State of Iraq",
"Syria (ISIS"); :func:`merge_acronyms` makes them one entity named "Islamic
State of Iraq and Syria" whose mentions are the full name and every later
"ISIS". :class:`EntityRow` is the mutable entity record the exposure rules
work on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .phrases import word_set

__all__ = ["EntityRow", "defined_acronyms", "merge_acronyms"]

_ACRONYM_DEF = re.compile(r"\(([A-Z][A-Z&]{1,7})\)")
_MAX_DEFINED_WORDS = 8  # words of the full name before "(ACRONYM)"
_MAX_ACRONYMS = 24  # acronym definitions merged per article (each is a pass over the mentions)
_JOINERS = word_set("a an the of and or for to in on at by with as vs from but nor")  # between its words


@dataclass(slots=True)
class EntityRow:
    """An entity while the exposure rules read it: name, category, mentions, kind.

    ``olds`` are the indices of the linked entities it stands for, ``speakers``
    the spans of the speakers linked to it.
    """

    text: str
    category: str
    mentions: list[tuple[int, int]]
    kind: str
    olds: list[int] = field(default_factory=list)
    speakers: set[tuple[int, int]] = field(default_factory=set)

    @property
    def spoken(self) -> bool:
        """Whether a quote's speaker links to it."""
        return bool(self.speakers)


def defined_acronyms(text: str) -> list[tuple[int, int, str, int]]:
    """The acronyms defined in parentheses: ``(name start, name end, acronym, end of "(ACRONYM)")``.

    The full name is the capitalised words (with "of", "and", "the", "for"
    between them) before "(ACRONYM)" whose initials spell it, else the
    longest run whose initials are in the acronym, in its order.

    Examples
    --------
    >>> text = "Fighters of the Islamic State of Iraq and Syria (ISIS) took Mosul."
    >>> [(text[s:e], a) for s, e, a, _ in defined_acronyms(text)]
    [('Islamic State of Iraq and Syria', 'ISIS')]
    >>> text = "The National Highway Traffic Safety Administration (NHTSA) opened an inquiry."
    >>> [(text[s:e], a) for s, e, a, _ in defined_acronyms(text)]
    [('National Highway Traffic Safety Administration', 'NHTSA')]
    """
    out: list[tuple[int, int, str, int]] = []
    for m in _ACRONYM_DEF.finditer(text):
        acronym = m.group(1)
        base = max(0, m.start() - 200)
        words = list(re.finditer(r"[\w'\u2019.&-]+", text[base : m.start()]))
        if not words or text[base + words[-1].end() : m.start()].strip():
            continue
        best = -1
        initials = ""
        caps = 0
        for w in reversed(words[-_MAX_DEFINED_WORDS * 2 :]):
            form = w.group()
            if form[0].isupper():
                initials = form[0] + initials
                caps += 1
                if form[0] == acronym[0] and (initials == acronym or (caps >= 2 and _subsequence(initials, acronym))):
                    best = base + w.start()
                    if initials == acronym:
                        break
            elif form.lower() not in _JOINERS:
                break
            if caps > _MAX_DEFINED_WORDS:
                break
        if best >= 0:
            out.append((best, base + words[-1].end(), acronym, m.end()))
    return out


def _subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def merge_acronyms(text: str, rows: list[EntityRow], moved: dict[tuple[int, int], int]) -> list[EntityRow]:
    """One entity per acronym defined in parentheses, named by its full name.

    ``moved`` gets, for each mention moved to the new entity, the position
    of that entity in the returned rows. At most :data:`_MAX_ACRONYMS`
    definitions are read per text (each is a pass over the mentions).

    Examples
    --------
    >>> text = "Fighters of the Islamic State of Iraq and Syria (ISIS) took Mosul. ISIS said so."
    >>> rows = [EntityRow("Syria (ISIS", "other", [(42, 54), (67, 71)], "person", [0])]
    >>> moved = {}
    >>> [(r.text, [text[s:e] for s, e in r.mentions], r.olds) for r in merge_acronyms(text, rows, moved)]
    [('Islamic State of Iraq and Syria', ['Islamic State of Iraq and Syria', 'ISIS'], [0])]
    >>> moved[(67, 71)]
    0
    """
    for start, end, acronym, def_end in defined_acronyms(text)[:_MAX_ACRONYMS]:
        full = text[start:end]
        merged = EntityRow(full, "other", [(start, end)], "org")
        first = -1
        for r, row in enumerate(rows):
            keep: list[tuple[int, int]] = []
            for s, e in row.mentions:
                mention = text[s:e]
                bare = mention[:-2] if mention.endswith(("'s", "\u2019s")) else mention
                if (start <= s < def_end) or (s < start < e) or bare in (acronym, full):
                    # a piece of the definition ("Syria (ISIS"), the acronym or the full name again
                    if bare in (acronym, full) and not start <= s < def_end:
                        merged.mentions.append((s, e))
                    if merged.category == "other":
                        merged.category = row.category
                    first = r if first < 0 else first
                else:
                    keep.append((s, e))
            if row.mentions and not keep:  # every mention moved: the entity is the merged one
                merged.olds.extend(row.olds)
                merged.speakers |= row.speakers
            elif len(keep) < len(row.mentions):
                if row.text not in {text[s:e] for s, e in keep}:
                    row.text = max((text[s:e] for s, e in keep), key=len)  # "Syria (ISIS" keeps "Syria"
                gone = set(row.mentions) - set(keep)
                merged.speakers |= row.speakers & gone
                row.speakers -= gone
            row.mentions = keep
        if first >= 0:
            before = sum(1 for r in rows[:first] if r.mentions)
            rows = _same_names([r for r in rows if r.mentions])
            before = min(before, len(rows))
            rows.insert(before, merged)
            merged.olds = sorted(set(merged.olds))
            merged.mentions = sorted(set(merged.mentions))
            for k in moved:
                if moved[k] >= before:
                    moved[k] += 1
            moved.update((span, before) for span in merged.mentions)
    return rows


def _same_names(rows: list[EntityRow]) -> list[EntityRow]:
    """Rows of the same name and kind joined into the first ("Syria" left of "Syria (ISIS" and "Syria")."""
    first: dict[tuple[str, str], EntityRow] = {}
    out: list[EntityRow] = []
    for row in rows:
        into = first.get((row.text, row.kind)) or first.get((row.text, "person" if row.kind == "org" else "org"))
        if into is None:
            first[(row.text, row.kind)] = row
            out.append(row)
            continue
        into.mentions.extend(row.mentions)
        into.olds.extend(row.olds)
        into.speakers |= row.speakers
        if into.category == "other":
            into.category = row.category
    return out
