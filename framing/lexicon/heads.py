"""What the matcher checks on a candidate hit besides its words: context gates and the head's tag.

:class:`Gates` holds the context gates (:attr:`Entry.unless`) of a matcher's
entries indexed by the word next to the term, so a candidate is checked
against the few patterns that can fit it, with the answers of
:meth:`Entry.gated`. :func:`heads_to_tag` says which head words need the
tagger, and leaves out those whose tag is known or cannot matter without
changing the tags of the others.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ..tagger import load_tagger
from ..text import Tokens

if TYPE_CHECKING:
    from .model import Entry, Gate

__all__ = ["Exclude", "Gates", "gate_holds", "heads_to_tag"]

Exclude = Callable[[str, int, int], bool]
"""``exclude(lexicon_name, i, j)``: whether the caller drops every hit of that lexicon on tokens ``i:j``
whatever its part of speech."""

# An entry's gates: by the exact word just after the term, by the exact word just
# before it (gates with no word after), and the rest (a starred adjacent word).
_Index = tuple[dict[str, list["Gate"]], dict[str, list["Gate"]], list["Gate"]]


class Gates:
    """The context gates of some entries, indexed by the words next to the term.

    ``Gates(entries).gated(entry, norms, i, j) == entry.gated(norms, i, j)``
    for every entry given; only the gates whose adjacent word is the word
    next to the candidate (or a ``*`` word) are tried.

    Examples
    --------
    >>> from framing.lexicon import Entry
    >>> e = Entry.parse("misinformation", "pejorative", unless="spread of _|_ research*")
    >>> gates = Gates([e])
    >>> norms = ["the", "spread", "of", "misinformation", "research", "grew"]
    >>> gates.gated(e, norms, 3, 4), gates.gated(e, ["his", "misinformation"], 1, 2)
    (True, False)
    """

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._index: dict[int, _Index] = {}
        for entry in entries:
            if not entry.unless or id(entry) in self._index:
                continue
            by_after: dict[str, list[Gate]] = {}
            by_before: dict[str, list[Gate]] = {}
            other: list[Gate] = []
            for before, after in entry.unless:
                if after and not after[0].endswith("*"):
                    by_after.setdefault(after[0], []).append((before, after))
                elif before and not before[-1].endswith("*"):
                    by_before.setdefault(before[-1], []).append((before, after))
                else:
                    other.append((before, after))
            self._index[id(entry)] = (by_after, by_before, other)

    def gated(self, entry: Entry, norms: Sequence[str], i: int, j: int) -> bool:
        """Whether a gate of ``entry`` drops its hit on tokens ``i`` to ``j`` (:meth:`Entry.gated`)."""
        index = self._index.get(id(entry))
        if index is None:
            return entry.gated(norms, i, j)
        by_after, by_before, other = index
        n = len(norms)
        for gates in (
            by_after.get(norms[j], ()) if j < n else (),
            by_before.get(norms[i - 1], ()) if i else (),
            other,
        ):
            if any(gate_holds(before, after, norms, i, j) for before, after in gates):
                return True
        return False

    def fits(self, entry: Entry, tag: str | None, norms: Sequence[str], i: int, j: int) -> bool:
        """Whether ``entry`` may match tokens ``i`` to ``j``: its part of speech (``tag``) and its gates."""
        return (not entry.pos or tag in entry.pos) and not (entry.unless and self.gated(entry, norms, i, j))


def heads_to_tag(
    text: str,
    tokens: Tokens,
    at: Sequence[int],
    width: int,
    droppable: Callable[[int], bool],
    tag_of: dict[int, str],
    excluded: set[int],
) -> list[int]:
    """The heads ``at`` (sorted token indices) whose tag must come from :func:`framing.tagger.tag_window`.

    A head whose window (``width`` tokens either side) would not merge
    with a later head's in :func:`~framing.tagger.tag_window` is left out
    when the tagger's tag dictionary gives its tag whatever the context
    (noted in ``tag_of``), or else when ``droppable(i)`` says its hits are
    dropped anyway (noted in ``excluded``). The tags of the others are those
    of tagging them all: a tag depends on the tags before it and on the two
    forms after it (:meth:`framing.tagger.Tagger.tag_forms`), a window that
    ends earlier keeps at least ``width`` tokens after its last head, and
    the windows before are unchanged.

    Examples
    --------
    >>> from framing.text import tokenize
    >>> text = "He said it was a very long day. Then she claims it."
    >>> tag_of, excluded = {}, set()
    >>> heads_to_tag(text, tokenize(text), [1, 10], 3, lambda i: False, tag_of, excluded)
    [10]
    >>> tag_of
    {1: 'VERB'}
    >>> near = "He said she claims it."  # the windows of "said" and "claims" merge
    >>> heads_to_tag(near, tokenize(near), [1, 3], 3, lambda i: False, {}, set())
    [1, 3]
    """
    tagdict = load_tagger().tagdict
    starts, ends = tokens.starts, tokens.ends
    apart = 2 * width + 1  # heads further apart have windows that never merge
    kept: list[int] = []
    after = len(tokens) + apart + 1  # the next head kept
    for i in reversed(at):
        if after - i > apart:
            form = text[starts[i] : ends[i]]
            # the tagger reads a word with typographic apostrophes and hyphens made
            # ASCII: an ASCII form is read as written
            tag = tagdict.get(form) if form.isascii() else None
            if tag:
                tag_of[i] = tag
                continue
            if droppable(i):
                excluded.add(i)
                continue
        kept.append(i)
        after = i
    kept.reverse()
    return kept


def gate_holds(before: Sequence[str], after: Sequence[str], norms: Sequence[str], i: int, j: int) -> bool:
    """Whether the words ``before`` and ``after`` a hit on tokens ``i`` to ``j`` are there (``w*``: a prefix).

    Examples
    --------
    >>> gate_holds(["spread", "of"], [], ["the", "spread", "of", "lies"], 3, 4)
    True
    >>> gate_holds([], ["campaign*"], ["smear", "campaigns"], 0, 1)
    True
    """
    if i < len(before) or j + len(after) > len(norms):
        return False
    context = [*norms[i - len(before) : i], *norms[j : j + len(after)]]
    return all(c.startswith(w[:-1]) if w.endswith("*") else c == w for w, c in zip((*before, *after), context))
