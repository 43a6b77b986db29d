"""The lexicon model: :class:`Entry` (one term, validated) and :class:`Lexicon`.

The term rules an entry is parsed by (words, ``*`` wildcards, case) are
described in :mod:`framing.lexicon`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..exceptions import LexiconFormatError
from ..tagger import UPOS_TAGS
from ..text import tokenize
from .heads import gate_holds
from .matcher import Matcher

__all__ = ["ROLES", "Entry", "Lexicon", "parse_pos", "parse_unless"]

# A context gate: the words before the term and the words after it (a word
# ending in ``*`` matches any word that starts with it).
Gate = tuple[tuple[str, ...], tuple[str, ...]]


def parse_pos(value: str | Iterable[str] | None, *, where: str = "entry") -> frozenset[str]:
    """The set of UPOS tags a ``pos`` value allows (empty: any part of speech).

    ``value`` is one tag, several separated by ``|`` (``"VERB|AUX"``), an
    iterable of tags, or ``None``/``""``. Tags are upper-cased; one that is
    not among the 17 of :data:`framing.tagger.UPOS_TAGS` raises
    :class:`LexiconFormatError` naming ``where``.

    Examples
    --------
    >>> sorted(parse_pos("verb|AUX"))
    ['AUX', 'VERB']
    >>> parse_pos("")
    frozenset()
    >>> parse_pos("VRB", where="demo.tsv: line 3")
    Traceback (most recent call last):
    ...
    framing.exceptions.LexiconFormatError: demo.tsv: line 3: unknown part of speech 'VRB' in pos 'VRB'; expected UPOS tags (ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON, PROPN, PUNCT, SCONJ, SYM, VERB, X) separated by '|'.
    """
    if value is None:
        return frozenset()
    shown = value if isinstance(value, str) else "|".join(map(str, value))
    parts = value.split("|") if isinstance(value, str) else list(value)
    tags: set[str] = set()
    for part in parts:
        if not isinstance(part, str):
            raise LexiconFormatError(
                f"{where}: pos must be UPOS tags as strings. Got {part!r} in {shown!r}."
            )
        tag = part.strip().upper()
        if not tag:
            if len(parts) > 1:
                raise LexiconFormatError(f"{where}: empty part of speech in pos {shown!r}.")
            continue
        if tag not in UPOS_TAGS:
            raise LexiconFormatError(
                f"{where}: unknown part of speech {part.strip()!r} in pos {shown!r}; expected UPOS "
                f"tags ({', '.join(UPOS_TAGS)}) separated by '|'."
            )
        tags.add(tag)
    return frozenset(tags)


def parse_unless(value: str | None, *, where: str = "entry") -> tuple[Gate, ...]:
    """The context gates of an ``unless`` value (empty: the entry always matches).

    ``value`` holds patterns separated by ``|``; each is words with one ``_``
    standing for the term (``"spread of _"``, ``"_ researchers"``,
    ``"combat* _"``, ``"_ * bill"``). Words are normalized like text; a word
    ending in ``*`` matches any word that starts with it, and ``*`` alone any
    one word. A pattern without exactly one
    ``_``, or with nothing but ``_``, raises :class:`LexiconFormatError`.

    Examples
    --------
    >>> parse_unless("spread of _|_ research*|_ * bill")
    ((('spread', 'of'), ()), ((), ('research*',)), ((), ('*', 'bill')))
    >>> parse_unless("spread of")
    Traceback (most recent call last):
    ...
    framing.exceptions.LexiconFormatError: entry: a context pattern in unless needs one '_' for the term and at least one word ('the spread of _'). Got 'spread of'.
    """
    gates: list[Gate] = []
    for pattern in (value or "").split("|"):
        if not pattern.strip() and value and value.strip():
            raise LexiconFormatError(f"{where}: empty context pattern in unless {value!r}.")
        parts = pattern.split()
        if not parts:
            continue
        if parts.count("_") != 1 or len(parts) == 1:
            raise LexiconFormatError(
                f"{where}: a context pattern in unless needs one '_' for the term and at least one "
                f"word ('the spread of _'). Got {pattern.strip()!r}."
            )
        at = parts.index("_")
        sides = []
        for side in (parts[:at], parts[at + 1 :]):
            words: list[str] = []
            for part in side:
                if part == "*":  # any one word
                    words.append("*")
                    continue
                star = part.endswith("*")
                norms = tokenize(part.rstrip("*")).norms
                if not norms or "*" in part.rstrip("*"):
                    raise LexiconFormatError(f"{where}: bad word {part!r} in unless {pattern.strip()!r}.")
                words.extend([*norms[:-1], norms[-1] + "*" * star])
            sides.append(tuple(words))
        gates.append((sides[0], sides[1]))
    return tuple(gates)


@dataclass(frozen=True, slots=True)
class Entry:
    """A lexicon entry: a term, its category and weight, and extra columns.

    ``pos`` is the set of Universal POS tags the entry's head word may have
    in context for the entry to match (empty: any). The head word is the
    term's first word: the verb of a phrasal verb ("pointed" in "pointed
    out"), the word itself in a one-word term. ``unless`` holds context gates
    (:func:`parse_unless`): the entry does not match where the words around
    it fit one of them.
    """

    term: str
    category: str
    weight: float = 1.0
    extra: Mapping[str, str] = field(default_factory=dict)
    words: tuple[str, ...] = ()
    wildcards: tuple[bool, ...] = ()
    case_sensitive: bool = False
    pos: frozenset[str] = frozenset()
    unless: tuple[Gate, ...] = ()

    @classmethod
    def parse(
        cls,
        term: str,
        category: str,
        weight: float = 1.0,
        extra: Mapping[str, str] | None = None,
        *,
        pos: str | Iterable[str] | None = None,
        unless: str | None = None,
        where: str = "entry",
    ) -> Entry:
        """Build an entry from its written form, validating the term.

        ``pos`` restricts the part of speech of the head word (the first
        word): one UPOS tag, several separated by ``|``, or an iterable of
        tags (see :func:`parse_pos`). ``unless`` lists context gates
        (see :func:`parse_unless`).

        Examples
        --------
        >>> e = Entry.parse("radical left*", "ideological_label")
        >>> e.words, e.wildcards
        (('radical', 'left'), (False, True))
        >>> sorted(Entry.parse("claims", "distancing", pos="VERB").pos)
        ['VERB']
        >>> Entry.parse("partisan", "label", unless="_ divide").unless
        (((), ('divide',)),)
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
            pos=parse_pos(pos, where=where),
            unless=parse_unless(unless, where=where),
        )

    def gated(self, norms: Sequence[str], i: int, j: int) -> bool:
        """Whether a context gate drops this entry's hit on tokens ``i`` to ``j`` (exclusive).

        ``norms`` are the normalized tokens of the text.

        Examples
        --------
        >>> e = Entry.parse("misinformation", "pejorative", unless="spread of _")
        >>> e.gated(["the", "spread", "of", "misinformation"], 3, 4)
        True
        >>> e.gated(["his", "misinformation"], 1, 2)
        False
        """
        return any(gate_holds(before, after, norms, i, j) for before, after in self.unless)


ROLES: tuple[str | None, ...] = (None, "cues", "speakers")
"""What a lexicon can be used for besides counting (the sidecar's ``"role"`` key)."""


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
    role : {None, "cues", "speakers"}, default=None
        What the pipeline uses the lexicon for besides counting (the sidecar's
        ``"role"`` key): ``"cues"``, reporting verbs whose category is the
        stance and whose ``lemma``/``form`` columns describe the verb (quote
        attribution takes its cues from these hits, and only the hits used as
        verbs are kept); ``"speakers"``, titles and roles whose category is a
        source category (quote attribution reads speakers' categories from
        them).
    display : bool, default=False
        Highlighted by default when an analysis is shown as HTML (the
        sidecar's ``"display"`` key).
    examples : mapping of str to mapping, optional
        The canonical test sentences of each category (the sidecar's
        ``"examples"`` key): ``{"<category>": {"hit": [sentence, expected
        hit text], "miss": [sentence, ...]}}``. The test suite checks every
        shipped lexicon against them.

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
        role: str | None = None,
        display: bool = False,
        examples: Mapping[str, Mapping[str, Sequence[str]]] | None = None,
    ) -> None:
        if not name or not name.replace("_", "").isalnum():
            raise ValueError(
                f"A lexicon name must be letters, digits and underscores. Got {name!r} instead."
            )
        if role not in ROLES:
            raise ValueError(f"The 'role' parameter of Lexicon must be one of {list(ROLES)}. Got {role!r} instead.")
        self.role = role
        self.display = bool(display)
        self.examples: dict[str, dict[str, list[str]]] = {
            cat: {kind: list(v) for kind, v in ex.items()} for cat, ex in (examples or {}).items()
        }
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

    def add(
        self,
        term: str,
        category: str,
        weight: float = 1.0,
        *,
        pos: str | Iterable[str] | None = None,
        unless: str | None = None,
        **extra: str,
    ) -> None:
        """Add a term (see :mod:`framing.lexicon` for the term rules).

        ``pos`` restricts the part of speech of the term's first word in
        context (``"VERB"``, ``"VERB|AUX"``; default: any); ``unless`` lists
        context gates (``"spread of _|_ researchers"``, see
        :func:`parse_unless`); extra keyword
        arguments are kept as the entry's ``extra`` columns.

        Examples
        --------
        >>> lex = Lexicon("demo")
        >>> lex.add("claims", "distancing", pos="VERB")
        >>> text = "She claims the claims are false."
        >>> [(m.text, m.start) for m in lex.matcher().find(text)]
        [('claims', 4)]
        """
        self._add_entry(Entry.parse(term, category, weight, extra, pos=pos, unless=unless))

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
