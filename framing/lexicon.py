"""Lexicons: loading, validation and a compiled multi-word matcher.

A lexicon is a TSV file ``<name>.tsv`` with the header
``term<TAB>category<TAB>weight`` (more columns allowed, kept as ``extra``) and
an optional JSON sidecar ``<name>.json`` with ``name``, ``version``,
``description``, ``categories`` (name -> one-line definition), ``sources``,
``licence`` and ``citation``. Lines that are empty or start with ``#`` are
ignored.

Term rules
----------
* A term is one or more words separated by spaces; words are split and
  normalized exactly like text (:func:`framing.text.tokenize`), so
  ``"U.S."``, ``"far-left"`` and ``"don't"`` are single words.
* A word ending in ``*`` matches any word that starts with it
  (``terroris*`` matches *terrorism*, *terrorists*); a ``*`` anywhere else is
  an error. Other inflections are listed as explicit forms.
* A term written in lower case matches any capitalisation; a term with a
  capital letter matches only that capitalisation (``Reds`` matches *Reds*
  but not *reds*).
* Within one lexicon, overlapping hits are resolved longest first, then
  leftmost; a span listed under several categories yields one match per
  category. Different lexicons may overlap.
* A hit is ``negated`` when a negator precedes it within
  :data:`framing.text.NEGATION_WINDOW` words of the same clause.
"""

from __future__ import annotations

import csv
import json
import logging
import math
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from functools import cache
from importlib import resources
from itertools import compress, islice, repeat
from pathlib import Path
from typing import Any

from .exceptions import LexiconFormatError
from .text import NEGATION_WINDOW, NEGATORS, Tokens, negated_at, tokenize

__all__ = [
    "Entry",
    "Lexicon",
    "LexiconFormatError",
    "Match",
    "Matcher",
    "available_lexicons",
    "lexicon_dir",
    "load_lexicon",
    "read_lexicon",
]

logger = logging.getLogger(__name__)

_MAX_CACHE = 500_000
_JOINERS = " \t\n\r-\u2010\u2011"  # what may separate the words of a term

_Hit = tuple[int, "Entry"]
# A precomputed one-word match: lexicon index, lexicon name, category, weight.
_SingleRow = tuple[int, str, str, float]
# Multi-word entries by their first two words: two-word case-insensitive ones
# (they match if the words are adjacent), longer ones by their third word, and
# the rest (case-sensitive, ``*`` third word), checked in full.
_PairPlan = tuple[tuple[_Hit, ...], dict[str, tuple[_Hit, ...]], tuple[_Hit, ...]]


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


@dataclass(frozen=True, slots=True)
class Entry:
    """A lexicon entry: a term, its category and weight, and extra columns."""

    term: str
    category: str
    weight: float = 1.0
    extra: Mapping[str, str] = field(default_factory=dict)
    words: tuple[str, ...] = ()
    wildcards: tuple[bool, ...] = ()
    case_sensitive: bool = False

    @classmethod
    def parse(
        cls,
        term: str,
        category: str,
        weight: float = 1.0,
        extra: Mapping[str, str] | None = None,
        *,
        where: str = "entry",
    ) -> Entry:
        """Build an entry from its written form, validating the term.

        Examples
        --------
        >>> e = Entry.parse("radical left*", "ideological_label")
        >>> e.words, e.wildcards
        (('radical', 'left'), (False, True))
        """
        term = term.strip()
        if not term:
            raise LexiconFormatError(f"{where}: empty term.")
        if not category.strip():
            raise LexiconFormatError(f"{where}: empty category for term {term!r}.")
        if not math.isfinite(weight):
            raise LexiconFormatError(f"{where}: weight must be a finite number. Got {weight!r}.")
        words: list[str] = []
        wild: list[bool] = []
        for part in term.split():
            star = part.endswith("*")
            core = part[:-1] if star else part
            if "*" in core:
                raise LexiconFormatError(
                    f"{where}: '*' is allowed only at the end of a word. Got {term!r}."
                )
            norms = tokenize(core).norms
            if not norms:
                raise LexiconFormatError(f"{where}: {part!r} in {term!r} has no word characters.")
            words.extend(norms)
            wild.extend([False] * (len(norms) - 1) + [star])
        return cls(
            term=term,
            category=category.strip(),
            weight=float(weight),
            extra=dict(extra or {}),
            words=tuple(words),
            wildcards=tuple(wild),
            case_sensitive=term != term.lower(),
        )


class Lexicon:
    """A named, versioned set of entries with category definitions.

    Parameters
    ----------
    name : str
        Identifier used in feature names (``<name>__<category>``).
    entries : iterable of Entry
    version, description, licence, citation : str
    categories : mapping of str to str
        Category name to a one-line definition. Categories used by entries but
        not defined here are added with an empty definition.
    sources : sequence of str
    path : Path or None
        Where the lexicon was read from.

    Examples
    --------
    >>> lex = Lexicon("demo", [Entry.parse("slammed", "emotive")])
    >>> lex.add("claimed", "distancing")
    >>> len(lex), lex.labels
    (2, ('distancing', 'emotive'))
    """

    def __init__(
        self,
        name: str,
        entries: Iterable[Entry] = (),
        *,
        version: str = "0",
        description: str = "",
        categories: Mapping[str, str] | None = None,
        sources: Sequence[str] = (),
        licence: str = "",
        citation: str = "",
        path: Path | None = None,
    ) -> None:
        if not name or not name.replace("_", "").isalnum():
            raise ValueError(
                f"A lexicon name must be letters, digits and underscores. Got {name!r} instead."
            )
        self.name = name
        self.version = version
        self.description = description
        self.sources = tuple(sources)
        self.licence = licence
        self.citation = citation
        self.path = path
        self.categories: dict[str, str] = dict(categories or {})
        self._entries: list[Entry] = []
        for entry in entries:
            self._add_entry(entry)

    def _add_entry(self, entry: Entry) -> None:
        self._entries.append(entry)
        self.categories.setdefault(entry.category, "")

    def add(self, term: str, category: str, weight: float = 1.0, **extra: str) -> None:
        """Add a term (see the module docstring for the term rules)."""
        self._add_entry(Entry.parse(term, category, weight, extra))

    @property
    def entries(self) -> tuple[Entry, ...]:
        return tuple(self._entries)

    @property
    def labels(self) -> tuple[str, ...]:
        """The category names, sorted."""
        return tuple(sorted(self.categories))

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self._entries)

    def __repr__(self) -> str:
        return f"Lexicon({self.name!r}, version={self.version!r}, entries={len(self)}, categories={len(self.categories)})"

    def matcher(self) -> Matcher:
        """A compiled :class:`Matcher` for this lexicon alone."""
        return Matcher([self])


def _read_sidecar(path: Path) -> dict[str, Any]:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise LexiconFormatError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg}).") from None
    if not isinstance(meta, dict):
        raise LexiconFormatError(f"{path}: expected a JSON object. Got {type(meta).__name__}.")
    cats = meta.get("categories", {})
    if not isinstance(cats, dict) or not all(isinstance(v, str) for v in cats.values()):
        raise LexiconFormatError(f"{path}: 'categories' must map names to one-line definitions.")
    return meta


def read_lexicon(path: str | Path, *, name: str | None = None) -> Lexicon:
    """Read a lexicon from a TSV file and its JSON sidecar, if present.

    Parameters
    ----------
    path : str or Path
        The ``.tsv`` file. A ``.json`` file with the same stem is read as the
        sidecar.
    name : str, optional
        Overrides the name from the sidecar (default: the file stem).

    Raises
    ------
    LexiconFormatError
        With the file, the line and the bad value, for a missing column, an
        empty term, a non-numeric weight or a sidecar that is not valid.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "tiny.tsv").write_text("term\\tcategory\\tweight\\nslammed\\temotive\\t1\\n")
    >>> read_lexicon(d / "tiny.tsv")
    Lexicon('tiny', version='0', entries=1, categories=1)
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No lexicon file at {path}.")
    sidecar = path.with_suffix(".json")
    meta = _read_sidecar(sidecar) if sidecar.is_file() else {}
    entries: list[Entry] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            header: list[str] | None = None
            for lineno, row in enumerate(rows, start=1):
                if not row or not any(c.strip() for c in row) or row[0].startswith("#"):
                    continue
                if header is None:
                    header = [c.strip().lower() for c in row]
                    missing = [c for c in ("term", "category") if c not in header]
                    if missing:
                        raise LexiconFormatError(
                            f"{path}: line {lineno}: header must start with "
                            f"'term<TAB>category<TAB>weight'; missing {', '.join(missing)}. "
                            f"Got {row!r}."
                        )
                    continue
                entries.append(_parse_row(path, lineno, header, row))
    except UnicodeDecodeError as exc:
        raise LexiconFormatError(f"{path}: not UTF-8 text ({exc.reason}).") from None
    if header is None:
        raise LexiconFormatError(f"{path}: line 1: empty file, expected a header 'term<TAB>category<TAB>weight'.")
    return Lexicon(
        name or str(meta.get("name") or path.stem),
        entries,
        version=str(meta.get("version", "0")),
        description=str(meta.get("description", "")),
        categories=meta.get("categories") or {},
        sources=[str(s) for s in meta.get("sources", [])],
        licence=str(meta.get("licence", meta.get("license", ""))),
        citation=str(meta.get("citation", "")),
        path=path,
    )


def _parse_row(path: Path, lineno: int, header: list[str], row: list[str]) -> Entry:
    where = f"{path}: line {lineno}"
    if len(row) < len(header):
        raise LexiconFormatError(
            f"{where}: expected {len(header)} tab-separated columns "
            f"({', '.join(header)}). Got {len(row)}: {row!r}."
        )
    if len(row) > len(header):
        raise LexiconFormatError(
            f"{where}: more columns than the header ({len(row)} > {len(header)}): {row!r}."
        )
    values = dict(zip(header, (c.strip() for c in row)))
    raw_weight = values.pop("weight", "1") or "1"
    try:
        weight = float(raw_weight)
    except ValueError:
        raise LexiconFormatError(f"{where}: weight must be a number. Got {raw_weight!r}.") from None
    term = values.pop("term")
    category = values.pop("category")
    return Entry.parse(term, category, weight, values, where=where)


def lexicon_dir() -> Path:
    """The directory holding the shipped lexicons.

    Installed from a wheel they live in ``framing/lexicons``; in a source
    checkout, in the top-level ``lexicons/`` directory.
    """
    packaged = resources.files("framing") / "lexicons"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "lexicons"


def available_lexicons() -> list[str]:
    """Names of the shipped lexicons.

    Examples
    --------
    >>> "loaded_language" in available_lexicons()
    True
    """
    return sorted(p.stem for p in lexicon_dir().glob("*.tsv"))


@cache
def load_lexicon(name: str) -> Lexicon:
    """Load a shipped lexicon by name (cached).

    Examples
    --------
    >>> lex = load_lexicon("reporting_verbs")
    >>> "distancing" in lex.labels
    True
    """
    path = lexicon_dir() / f"{name}.tsv"
    if not name.replace("_", "").isalnum() or not path.is_file():
        raise ValueError(
            f"Unknown lexicon {name!r}. Expected one of {available_lexicons()} "
            "or a path to a .tsv file."
        )
    return read_lexicon(path)


class Matcher:
    """Compiled matcher over one or more lexicons.

    Lookup is by word form: each distinct form is resolved once to the
    entries that can start at it (exact first words and ``*`` stems) and
    cached, so the cost per token is a few dictionary lookups, done at C level,
    whatever the lexicons' size. Python code runs only where an entry's first
    word (or, for multi-word entries, first two words) occur.

    Examples
    --------
    >>> lex = Lexicon("demo")
    >>> lex.add("radical left", "label"); lex.add("radical", "label"); lex.add("slam*", "emotive")
    >>> text = "The radical left slammed it. It was not radical."
    >>> [(m.text, m.category, m.negated) for m in Matcher([lex]).find(text)]
    [('radical left', 'label', False), ('slammed', 'emotive', False), ('radical', 'label', True)]
    """

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.lexicons = tuple(lexicons)
        names = [lex.name for lex in self.lexicons]
        if len(set(names)) != len(names):
            raise ValueError(f"Lexicon names must be unique. Got {names}.")
        self._names = names
        self._exact: dict[str, list[_Hit]] = {}
        self._stems: dict[str, list[_Hit]] = {}
        # Entries sharing a span are reported in lookup order: exact first
        # words, then stems from shortest to longest, each in lexicon order.
        self._rank: dict[int, tuple[int, int]] = {}
        for li, lex in enumerate(self.lexicons):
            for entry in lex:
                stem = entry.wildcards[0]
                table = self._stems if stem else self._exact
                table.setdefault(entry.words[0], []).append((li, entry))
                self._rank[id(entry)] = (len(entry.words[0]) if stem else 0, len(self._rank))
        self._stem_lengths = sorted({len(s) for s in self._stems})
        # The word-form cache, split by what a form starts (see _resolve).
        self._seen: set[str] = set()
        self._singles: dict[str, tuple[_SingleRow, ...]] = {}
        self._pairs: dict[tuple[str, str], _PairPlan] = {}
        self._rest: dict[str, tuple[_Hit, ...]] = {}
        self._negators: set[str] = set()
        self._marked: set[str] = set()  # keys of _singles and _rest, and _negators

    def _lookup(self, norm: str) -> list[_Hit]:
        """The entries whose first word matches the form ``norm``, in lookup order."""
        found = list(self._exact.get(norm, ()))
        for n in self._stem_lengths:
            if n > len(norm):
                break
            found.extend(self._stems.get(norm[:n], ()))
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
        Negators are noted too: only after them can a hit be negated.
        """
        self._seen.add(norm)
        if norm in NEGATORS or norm.endswith("n't"):
            self._negators.add(norm)
            self._marked.add(norm)
        singles: dict[int, list[Entry]] = {}
        by_second: dict[str, list[_Hit]] = {}
        rest: list[_Hit] = []
        for li, e in self._lookup(norm):
            if len(e.words) == 1 and not e.case_sensitive:
                singles.setdefault(li, []).append(e)
            elif len(e.words) > 1 and not e.wildcards[1]:
                by_second.setdefault(e.words[1], []).append((li, e))
            else:
                rest.append((li, e))
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
                else:
                    other.append((li, e))
            self._pairs[norm, second] = (
                tuple(two), {w: tuple(h) for w, h in by_third.items()}, tuple(other)
            )
        if rest:
            self._rest[norm] = tuple(rest)
        if singles or rest:
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

    def find(self, text: str, tokens: Tokens | None = None) -> list[Match]:
        """All hits in ``text``, sorted by start, then lexicon, then category."""
        if tokens is None:
            tokens = tokenize(text)
        norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
        n = len(norms)
        vocab = set(norms)
        new = vocab.difference(self._seen)
        if new:
            if len(self._seen) + len(new) > _MAX_CACHE:
                for table in (self._seen, self._singles, self._pairs, self._rest, self._negators,
                              self._marked):
                    table.clear()
                new = vocab
            for norm in new:
                self._resolve(norm)
        singles, pairs, rest = self._singles, self._pairs, self._rest
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
        if not spans and not single_at:
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
        # by start, end, lexicon, category (the text follows from start and end)
        rows.sort()
        return _matches(rows)


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


def _add_spans(
    spans: dict[tuple[int, int, int], list[Entry]],
    hits: tuple[_Hit, ...],
    norms: list[str],
    text: str,
    starts: list[int],
    ends: list[int],
    i: int,
    n: int,
) -> None:
    """Add the spans of the ``hits`` that match in full at token ``i``."""
    for li, entry in hits:
        j = _match_rest(entry, norms, text, starts, ends, i, n)
        if j:
            spans.setdefault((li, i - j, i), []).append(entry)


def _match_rest(
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
        if not (norms[t].startswith(word) if wild[off] else norms[t] == word):
            return 0
        gap = text[ends[t - 1] : starts[t]]
        if gap.strip(_JOINERS):
            return 0  # words of a term are separated by whitespace or hyphens only
    if entry.case_sensitive:
        for off in range(k):
            t = i + off
            written = entry.term.split()[off] if len(entry.term.split()) == k else None
            surface = text[starts[t] : ends[t]]
            if written is not None:
                core = written.rstrip("*")
                if not surface.startswith(core) if wild[off] else surface != core:
                    return 0
            elif surface.lower() == surface:
                return 0
    return i + k
