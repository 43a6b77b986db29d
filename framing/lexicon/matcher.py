"""The compiled multi-word matcher and the :class:`Match` records it returns.

How terms match (words, ``*`` stems, case, longest then leftmost within a
lexicon, negation) is described in :mod:`framing.lexicon`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, fields
from itertools import compress, filterfalse, islice, repeat
from typing import TYPE_CHECKING, Any

from .._validation import parameter_error
from ..tagger import tag_window
from ..text import NEGATION_WINDOW, NEGATORS, Sentence, Tokens, negated_at, tokenize
from .heads import Exclude, Gates, heads_to_tag
from .terms import JOINERS as _JOINERS
from .terms import add_spans as _add_spans
from .terms import base_form as _base_form

if TYPE_CHECKING:
    from .model import Entry, Lexicon

__all__ = ["Match", "Matcher"]

# word forms remembered per matcher; cleared past this, so memory stays bounded on a long stream (about
# 3 MB; on 10,000 AllSides articles 93% of the token lookups are hits, 98.5% with 100,000, but a miss
# costs about what a hit does: resolving a form is a few dictionary lookups)
_MAX_CACHE = 20_000

_Hit = tuple[int, "Entry"]
# A precomputed one-word match: lexicon index, lexicon name, category, weight.
_SingleRow = tuple[int, str, str, float]
# Multi-word entries by their first two words: two-word case-insensitive ones
# (they match if the words are adjacent), longer ones by their third word, and
# the rest (case-sensitive, ``*`` third word), checked in full.
_PairPlan = tuple[tuple[_Hit, ...], dict[str, tuple[_Hit, ...]], tuple[_Hit, ...]]
# One-word entries of a lexicon sharing a form, some with a part of speech:
# lexicon index and the entries, resolved once the head word is tagged.
_PosSingle = tuple[int, tuple["Entry", ...]]
_POS_WINDOW = 3  # tokens of context either side of a tagged candidate (framing.tagger.tag_window)


@dataclass(frozen=True, slots=True)
class Match:
    """One lexicon hit: ``text == article_text[start:end]``."""

    start: int
    end: int
    text: str
    lexicon: str
    category: str
    weight: float
    negated: bool

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the match (the JSONL ``matches`` contract)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "lexicon": self.lexicon,
            "category": self.category,
            "weight": self.weight,
            "negated": self.negated,
        }




class Matcher:
    """Compiled matcher over one or more lexicons.

    Lookup is by word form: each distinct form is resolved once to the
    entries that can start at it (exact first words and ``*`` stems) and
    cached, so the cost per token is a few dictionary lookups, done at C level,
    whatever the lexicons' size. Python code runs only where an entry's first
    word (or, for multi-word entries, first two words) occur.

    An entry with a part of speech (:attr:`Entry.pos`) matches only where its
    first word has one of those tags in context. Only the tokens such
    candidate hits start at are tagged, each in a window of four tokens
    either side (:func:`framing.tagger.tag_window`), so a text without such
    a candidate is never tagged; pass ``tags`` to :meth:`find` to use tags
    you already have.

    Examples
    --------
    >>> from framing.lexicon import Lexicon
    >>> lex = Lexicon("demo")
    >>> lex.add("radical left", "label"); lex.add("radical", "label"); lex.add("slam*", "emotive")
    >>> text = "The radical left slammed it. It was not radical."
    >>> [(m.text, m.category, m.negated) for m in Matcher([lex]).find(text)]
    [('radical left', 'label', False), ('slammed', 'emotive', False), ('radical', 'label', True)]
    >>> verbs = Lexicon("verbs")
    >>> verbs.add("claims", "distancing", pos="VERB")
    >>> [m.start for m in Matcher([verbs]).find("She claims the claims are false.")]
    [4]
    """

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.lexicons = tuple(lexicons)
        names = [lex.name for lex in self.lexicons]
        twice = next((n for i, n in enumerate(names) if n in names[:i]), None)
        if twice is not None:
            where = [str(lex.path or "<in memory>") for lex in self.lexicons if lex.name == twice]
            raise ValueError(
                f"Lexicon names must be unique. Got {twice!r} twice (from {' and '.join(where)}); "
                "give each lexicon once, or rename one (its sidecar's 'name')."
            )
        self._names = names
        self._exact: dict[str, list[_Hit]] = {}
        self._stems: dict[str, list[_Hit]] = {}
        # Entries sharing a span are reported in lookup order: exact first
        # words, then stems from shortest to longest, each in lexicon order.
        self._rank: dict[int, tuple[int, int]] = {}
        self._constrained = False  # some entry has a part of speech or a context gate
        for li, lex in enumerate(self.lexicons):
            for entry in lex:
                self._constrained = self._constrained or bool(entry.pos or entry.unless)
                stem = entry.wildcards[0]
                table = self._stems if stem else self._exact
                table.setdefault(entry.words[0], []).append((li, entry))
                self._rank[id(entry)] = (len(entry.words[0]) if stem else 0, len(self._rank))
        self._stem_lengths = sorted({len(s) for s in self._stems})
        self._gates = Gates(entry for lex in self.lexicons for entry in lex)
        # The word-form cache, split by what a form starts (see _resolve).
        self._seen: set[str] = set()
        self._singles: dict[str, tuple[_SingleRow, ...]] = {}
        self._pairs: dict[tuple[str, str], _PairPlan] = {}
        self._rest: dict[str, tuple[_Hit, ...]] = {}
        self._pos_singles: dict[str, tuple[_PosSingle, ...]] = {}
        self._negators: set[str] = set()
        self._marked: set[str] = set()  # keys of _singles, _pos_singles and _rest, and _negators

    def _lookup(self, norm: str) -> list[_Hit]:
        """The entries whose first word matches the form ``norm``, in lookup order."""
        found = list(self._exact.get(norm, ()))
        for n in self._stem_lengths:
            if n > len(norm):
                break
            found.extend(self._stems.get(norm[:n], ()))
        if not found and (norm.startswith("then-") or norm.endswith("'s")):
            base = _base_form(norm)  # "then-President", "regime's": the word itself
            if base != norm:  # a possessive ends a term: "the regime's", not "the FBI's agents"
                found = [h for h in self._lookup(base) if len(h[1].words) == 1 or not norm.endswith("'s")]
        return found

    def _resolve(self, norm: str) -> None:
        """Cache what the word form ``norm`` can start.

        One-word case-insensitive entries need no further check (the form
        decides): the rows of their matches are precomputed. Multi-word
        entries with an exact second word are keyed by their first two words,
        so one lookup per token pair selects them however many entries share
        the first word (as "the" does); two-word case-insensitive ones then
        need only the gap between the words checked, longer ones are keyed
        again by an exact third word. The others (case-sensitive words, a
        ``*`` second or third word) are checked in full by :func:`_match_rest`.
        Negators are noted too: only after them can a hit be negated. The
        one-word entries of a lexicon of which one has a part of speech are
        kept apart (``_pos_singles``): their rows depend on the tag.
        """
        self._seen.add(norm)
        if norm in NEGATORS or norm.endswith("n't"):
            self._negators.add(norm)
            self._marked.add(norm)
        found = self._lookup(norm)
        if not found:  # most new forms start no entry
            return
        singles: dict[int, list[Entry]] = {}
        by_second: dict[str, list[_Hit]] = {}
        rest: list[_Hit] = []
        for li, e in found:
            if len(e.words) == 1 and not e.case_sensitive:
                singles.setdefault(li, []).append(e)
            elif len(e.words) > 1 and not e.wildcards[1]:
                by_second.setdefault(e.words[1], []).append((li, e))
                if len(e.words) == 2 and not e.words[1].endswith("'s"):
                    by_second.setdefault(e.words[1] + "'s", []).append((li, e))  # "the White House's"
            else:
                rest.append((li, e))
        pos_singles = tuple(
            (li, tuple(entries)) for li, entries in singles.items() if any(e.pos or e.unless for e in entries)
        )
        if pos_singles:
            self._pos_singles[norm] = pos_singles
            singles = {li: entries for li, entries in singles.items() if li not in dict(pos_singles)}
        if singles:
            self._singles[norm] = tuple(
                (li, *row) for li, entries in singles.items() for row in self._rows_of(li, entries)
            )
        for second, hits in by_second.items():
            two: list[_Hit] = []
            by_third: dict[str, list[_Hit]] = {}
            other: list[_Hit] = []
            for li, e in hits:
                if e.case_sensitive:
                    other.append((li, e))
                elif len(e.words) == 2:
                    two.append((li, e))
                elif not e.wildcards[2]:
                    by_third.setdefault(e.words[2], []).append((li, e))
                    if len(e.words) == 3 and not e.words[2].endswith("'s"):
                        by_third.setdefault(e.words[2] + "'s", []).append((li, e))
                else:
                    other.append((li, e))
            self._pairs[norm, second] = (
                tuple(two), {w: tuple(h) for w, h in by_third.items()}, tuple(other)
            )
        if rest:
            self._rest[norm] = tuple(rest)
        if singles or rest or pos_singles:
            self._marked.add(norm)

    def _rows_of(self, li: int, entries: Sequence[Entry]) -> list[tuple[str, str, float]]:
        """``(lexicon, category, weight)`` of the matches of entries sharing a span.

        One match per category, from the first entry in lookup order.
        """
        if len(entries) == 1:
            return [(self._names[li], entries[0].category, entries[0].weight)]
        rows: list[tuple[str, str, float]] = []
        seen: set[str] = set()
        for entry in sorted(entries, key=lambda e: self._rank[id(e)]):
            if entry.category not in seen:
                seen.add(entry.category)
                rows.append((self._names[li], entry.category, entry.weight))
        return rows

    def find(
        self,
        text: str,
        tokens: Tokens | None = None,
        tags: Sequence[str] | None = None,
        *,
        sentences: Sequence[Sentence] | None = None,
        exclude: Exclude | None = None,
    ) -> list[Match]:
        """All hits in ``text``, sorted by start, then lexicon, then category.

        Parameters
        ----------
        text : str
        tokens : Tokens, default=None
            The tokens of ``text`` (:func:`framing.text.tokenize`, run when
            ``None``).
        tags : sequence of str, default=None
            The UPOS tag of every token, for the entries with a part of
            speech. When ``None``, the tokens their candidate hits start at
            are tagged (:func:`framing.tagger.tag_window`), and only when
            there are such candidates.
        sentences : sequence of Sentence, default=None
            The sentences of ``text`` (:func:`framing.text.split_sentences`),
            for the tagger (split when needed and ``None``).
        exclude : callable, default=None
            ``exclude(lexicon_name, i, j)`` is True where the caller drops
            every hit of that lexicon on tokens ``i`` to ``j`` whatever its
            part of speech (as :meth:`framing.attribution.cues.CueFilter.excludes`
            says of reporting verbs after a determiner). It is asked about the
            one-word candidates that need a tag; where it is True for every
            lexicon that needs the tag, the token is not tagged and those
            lexicons' hits on it are left out.

        Notes
        -----
        A head word is tagged only where its tag can matter: not where the
        tagger's tag dictionary fixes it whatever the context, nor where
        ``exclude`` drops the hits anyway, as long as leaving it out does not
        change the tagger's windows around the others (its window is the
        last of the windows it merges with), so the tags of the other heads
        are those of tagging them all.

        Examples
        --------
        >>> from framing.lexicon import Lexicon
        >>> lex = Lexicon("demo")
        >>> lex.add("report", "neutral", pos="VERB")
        >>> text = "They report that the report was late."
        >>> [m.start for m in lex.matcher().find(text)]
        [5]
        >>> [m.start for m in lex.matcher().find(text, tags=["PRON"] + ["NOUN"] * 6)]
        []
        """
        if tokens is None:
            tokens = tokenize(text)
        norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
        n = len(norms)
        if tags is not None and len(tags) != n:
            raise parameter_error(
                "tags", "Matcher.find", f"one tag per token ({n})", f"{len(tags)} tags"
            )
        new = set(filterfalse(self._seen.__contains__, norms))
        if new:
            if len(self._seen) + len(new) > _MAX_CACHE:
                for table in (self._seen, self._singles, self._pairs, self._rest, self._pos_singles,
                              self._negators, self._marked):
                    table.clear()
                new = set(norms)
            for norm in new:
                self._resolve(norm)
        singles, pairs, rest = self._singles, self._pairs, self._rest
        fits = self._gates.fits
        # Candidate positions are selected at C level (compress over a
        # membership map); Python code runs only there. One pass over the
        # tokens finds the marked ones (one-word and case-sensitive entries,
        # negators), which are then told apart among themselves.
        pair_at = compress(range(n - 1), map(pairs.__contains__, zip(norms, islice(norms, 1, None))))
        marked_at = list(compress(range(n), map(self._marked.__contains__, norms)))
        marked = list(map(norms.__getitem__, marked_at))
        single_at = list(compress(marked_at, map(singles.__contains__, marked)))
        rest_at = compress(marked_at, map(rest.__contains__, marked))
        negator_at = compress(marked_at, map(self._negators.__contains__, marked))
        # Multi-word and case-sensitive hits as spans keyed (lexicon index,
        # minus length in tokens, start token): the natural order of the keys
        # is longest first, then leftmost.
        spans: dict[tuple[int, int, int], list[Entry]] = {}
        for i in pair_at:
            if text[ends[i] : starts[i + 1]].strip(_JOINERS):
                continue
            two, by_third, other = pairs[norms[i], norms[i + 1]]
            for li, entry in two:
                spans.setdefault((li, -2, i), []).append(entry)
            if by_third and i + 2 < n and norms[i + 2] in by_third:
                _add_spans(spans, by_third[norms[i + 2]], norms, text, starts, ends, i, n)
            if other:
                _add_spans(spans, other, norms, text, starts, ends, i, n)
        for i in rest_at:
            _add_spans(spans, rest[norms[i]], norms, text, starts, ends, i, n)
        pos_single_at: list[int] = []
        tag_of: dict[int, str] = {}
        excluded: set[int] = set()
        if self._constrained:
            pos_single_at, tag_of, excluded = self._check_pos(
                text, tokens, tags, spans, marked_at, marked, sentences, exclude
            )
        if not spans and not single_at and not pos_single_at:
            return []
        # A hit can be negated only within NEGATION_WINDOW words after a negator.
        maybe_negated = {t for j in negator_at for t in range(j + 1, j + 1 + NEGATION_WINDOW)}
        rows: list[tuple[int, int, str, str, str, float, bool]] = []
        # Within a lexicon, a span is skipped if a longer or earlier one took
        # any of its tokens: ``blocked`` holds the (lexicon index, token) pairs
        # taken, ``blocked_at`` the tokens.
        blocked: set[tuple[int, int]] = set()
        for key in sorted(spans):
            li, minus_len, i = key
            j = i - minus_len
            taken = [(li, t) for t in range(i, j)]
            if not blocked.isdisjoint(taken):
                continue
            blocked.update(taken)
            entries = spans[key]
            if minus_len == -1:  # a case-sensitive word: one span with the other one-word hits
                entries = [
                    e for li2, e in self._lookup(norms[i])
                    if li2 == li and len(e.words) == 1 and not e.case_sensitive
                    and fits(e, tag_of.get(i), norms, i, i + 1)
                ] + entries
            start, end = starts[i], ends[j - 1]
            surface = text[start:end]
            negated = i in maybe_negated and negated_at(tokens, i, text)
            for name, category, weight in self._rows_of(li, entries):
                rows.append((start, end, surface, name, category, weight, negated))
        blocked_at = {i for _, i in blocked}
        negated_one = {i for i in maybe_negated.intersection(single_at) if negated_at(tokens, i, text)}
        rows += [
            (starts[i], ends[i], text[starts[i] : ends[i]], name, category, weight, i in negated_one)
            for i in single_at
            for li, name, category, weight in singles[norms[i]]
            if i not in blocked_at or (li, i) not in blocked
        ]
        for i in pos_single_at:
            tag = tag_of.get(i)
            for li, candidates in self._pos_singles[norms[i]]:
                if i in excluded and any(e.pos for e in candidates):
                    continue
                kept = [e for e in candidates if fits(e, tag, norms, i, i + 1)]
                if not kept or (i in blocked_at and (li, i) in blocked):
                    continue
                negated = i in maybe_negated and negated_at(tokens, i, text)
                surface = text[starts[i] : ends[i]]
                rows += [
                    (starts[i], ends[i], surface, name, category, weight, negated)
                    for name, category, weight in self._rows_of(li, kept)
                ]
        # by start, end, lexicon, category (the text follows from start and end)
        rows.sort()
        return _matches(rows)

    def _check_pos(
        self,
        text: str,
        tokens: Tokens,
        tags: Sequence[str] | None,
        spans: dict[tuple[int, int, int], list[Entry]],
        marked_at: list[int],
        marked: list[str],
        sentences: Sequence[Sentence] | None,
        exclude: Exclude | None,
    ) -> tuple[list[int], dict[int, str], set[int]]:
        """Tag the heads of the candidates with a part of speech; drop the spans that fail it or a gate.

        Returns the positions of one-word candidates resolved by tag
        (``_pos_singles``), the tag of every head token looked at, and the
        heads left untagged because ``exclude`` drops their hits.
        """
        pos_singles = self._pos_singles
        pos_single_at = list(compress(marked_at, map(pos_singles.__contains__, marked)))
        norms = tokens.norms
        heads = {i for i in pos_single_at if any(e.pos for _, es in pos_singles[norms[i]] for e in es)}
        span_heads = {i for (_, _, i), entries in spans.items() if any(e.pos for e in entries)}
        at = sorted(heads | span_heads)
        tag_of: dict[int, str] = {}
        excluded: set[int] = set()
        if tags is not None:
            tag_of = {i: tags[i] for i in at}
        elif at:
            def droppable(i: int) -> bool:  # every lexicon needing the tag of head i drops its hits
                return exclude is not None and i not in span_heads and all(
                    exclude(self._names[li], i, i + 1)
                    for li, entries in pos_singles[norms[i]]
                    if any(e.pos for e in entries)
                )

            at = heads_to_tag(text, tokens, at, _POS_WINDOW, droppable, tag_of, excluded)
            if at:
                tag_of.update(zip(at, tag_window(tokens, text, at, width=_POS_WINDOW, sentences=sentences)))
        fits = self._gates.fits
        for key in [k for k, entries in spans.items() if any(e.pos or e.unless for e in entries)]:
            _, minus_len, i = key
            kept = [e for e in spans[key] if fits(e, tag_of.get(i), norms, i, i - minus_len)]
            if kept:
                spans[key] = kept
            else:
                del spans[key]
        return pos_single_at, tag_of, excluded


_MATCH_SETTERS = tuple(getattr(Match, f.name).__set__ for f in fields(Match))


def _matches(rows: list[tuple[int, int, str, str, str, float, bool]]) -> list[Match]:
    """``[Match(*row) for row in rows]``, built column by column at C level.

    The ``__init__`` of a frozen dataclass sets each field through
    ``object.__setattr__``, which made it the largest single cost of
    :meth:`Matcher.find`; the slot descriptors set the same fields directly.
    """
    if not rows:
        return []
    matches = list(map(object.__new__, repeat(Match, len(rows))))
    for set_field, column in zip(_MATCH_SETTERS, zip(*rows), strict=True):
        deque(map(set_field, matches, column), maxlen=0)
    return matches
