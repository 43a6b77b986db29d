"""The per-text state of quote attribution, and the link from quotes to the article's entities.

:class:`_Doc` holds tokens, sentences, quote spans and their lookups;
:func:`link_quotes` turns the speaker resolver's links into the ``entities``
of an article and each speaker's ``entity`` index.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from operator import attrgetter, itemgetter

from ..lexicon import Lexicon, Match
from ..text import Sentence, Tokens, tokenize
from .entities import Entities
from .gazetteers import not_speaker
from .marks import quote_spans
from .mentions_filter import expose_entities
from .records import Entity, Quote, Speaker
from .speakers import SpeakerResolver

__all__ = ["link_quotes", "link_speakers"]

_NEWLINE = re.compile("\n")
# speaker labels opening a line ("AMY GOODMAN:", "Q:") or, in capitals, a sentence ("... this? CLINTON: Her")
_LABELS = re.compile(r"^[ \t]*[A-Z](?:[A-Z.'\u2019 -]{0,30}[A-Z.])?:|(?<=[.?!] )[A-Z][A-Z.'\u2019 -]{0,30}[A-Z]:",
                     re.MULTILINE)


class _Doc:
    """Per-text state: tokens, sentences, quote spans and their lookups."""

    def __init__(self, text: str, sentences: list[Sentence], tokens: Tokens) -> None:
        self.text = text
        self.tokens = tokens
        self.sentences = sentences or [Sentence(0, len(text))]
        self.sent_starts = list(map(attrgetter("start"), self.sentences))
        self.spans, self.paragraphs = quote_spans(text)
        self.q_starts = list(map(itemgetter(0), self.spans))
        self.q_ends = list(map(itemgetter(1), self.spans))
        self.used = [False] * len(self.spans)
        self.last_subject: tuple[int, tuple[int, int]] | None = None
        self.cue_starts: list[int] = []  # offsets of the verb cues, set by find_quotes
        self._coordinated: tuple[list[int], list[int]] | None = None
        self._newlines: list[int] | None = None
        self._transcript: bool | None = None
        # starts and ends of the ", saying"/", according to" matches, and for
        # each the next outside quotes (built by content._clause_cut)
        self.clause_cuts: tuple[list[int], list[int], list[int]] | None = None

    def coordinated_cues(self) -> tuple[list[int], list[int]]:
        """Cues after "and"/"but" outside quotes, and where their clause starts.

        Computed once per text, so that finding the first one after a position
        is a binary search (linear time overall, however many cues).
        """
        if self._coordinated is None:
            toks = self.tokens
            cues: list[int] = []
            cuts: list[int] = []
            for c in self.cue_starts:
                t = self.tok_at(c)
                if t and toks.norms[t - 1] in ("and", "but") and self.quote_at(toks.starts[t]) < 0:
                    cues.append(c)
                    cuts.append(toks.starts[t - 1])
            self._coordinated = (cues, cuts)
        return self._coordinated

    def line_start(self, pos: int) -> int:
        """Offset where the line holding ``pos`` starts (``text.rfind("\\n", 0, pos) + 1``).

        A binary search in the newline offsets, found once per text: a text
        with no line breaks costs no rescan from its start for each position.
        """
        if self._newlines is None:
            self._newlines = [m.start() for m in _NEWLINE.finditer(self.text)]
        k = bisect_left(self._newlines, pos)
        return self._newlines[k - 1] + 1 if k else 0

    def transcript(self) -> bool:
        """Whether the text is a transcript: two or more speaker labels ("AMY GOODMAN:", "Q:", "? TRUMP: Where").

        Its "I" and "we" are the labelled speakers', not the author's (:func:`~framing.attribution.senses.author_subject`).
        """
        if self._transcript is None:
            self._transcript = len(_LABELS.findall(self.text)) >= 2
        return self._transcript

    def tok_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect_left(self.tokens.starts, pos)

    def sentence_of(self, pos: int) -> Sentence:
        return self.sentences[max(0, bisect_right(self.sent_starts, pos) - 1)]

    def quote_at(self, pos: int) -> int:
        """Index of the quote span containing ``pos`` (marks included), else -1."""
        k = bisect_right(self.q_starts, pos) - 1
        return k if k >= 0 and pos < self.q_ends[k] else -1

    def quote_starting(self, pos: int) -> int:
        k = bisect_left(self.q_starts, pos)
        return k if k < len(self.q_starts) and self.q_starts[k] == pos else -1

    def quote_ending(self, pos: int) -> int:
        k = bisect_left(self.q_ends, pos)
        return k if k < len(self.q_ends) and self.q_ends[k] == pos else -1

    def paragraph_of(self, pos: int) -> int:
        return bisect_right(self.paragraphs, pos)

    def skip_space(self, pos: int, chars: str = " \t\u00a0") -> int:
        n = len(self.text)
        while pos < n and self.text[pos] in chars:
            pos += 1
        return pos

    def back_space(self, pos: int, chars: str = " \t\u00a0") -> int:
        while pos > 0 and self.text[pos - 1] in chars:
            pos -= 1
        return pos


def link_quotes(
    text: str,
    tokens: Tokens,
    quotes: Sequence[Quote],
    roles: Sequence[Match] | None = None,
    *,
    lexicons: Sequence[Lexicon] | None = None,
) -> tuple[list[Entity], list[Quote]]:
    """The entities of ``text`` and ``quotes`` with each speaker linked to its entity.

    Call with the arguments :func:`~framing.attribution.find_quotes` was
    given: the entities are then the ones its speakers were resolved
    against (built once), and each speaker gets the index of its entity and
    the entity's one category (:func:`~framing.attribution.entities.link_speakers`).

    Examples
    --------
    >>> from framing.attribution import find_quotes
    >>> from framing.text import split_sentences, tokenize
    >>> text = ("President Donald Trump spoke on Monday. \u201cWe will win,\u201d Trump said. "
    ...         "He added that the plan was working.")
    >>> toks = tokenize(text)
    >>> entities, quotes = link_quotes(text, toks, find_quotes(text, split_sentences(text), toks))
    >>> [(e.text, e.category, len(e.mentions)) for e in entities]
    [('Donald Trump', 'government', 3)]
    >>> [(q.speaker.text, q.speaker.category, q.speaker.entity) for q in quotes]
    [('Trump', 'government', 0), ('He', 'government', 0)]
    """
    resolver = SpeakerResolver(text, tokens, roles, lexicons=lexicons)
    return link_speakers(quotes, resolver.entities(), tokens)


def link_speakers(quotes: Sequence[Quote], entities: Entities,
                  tokens: Tokens | None = None) -> tuple[list[Entity], list[Quote]]:
    """The entities of an article and its quotes with each speaker linked to one.

    Every speaker becomes a mention of an entity (a name entity, or a new one
    for "officials", "the group" or an unresolved pronoun); its category is
    the entity's, so one source has one category in the whole article. A
    speaker that is a number, a year or a page label ("30", "2016",
    "Contributing") is dropped: the quote keeps no speaker.

    Parameters
    ----------
    quotes : sequence of Quote
        The quotes of :func:`~framing.attribution.find_quotes`.
    entities : Entities
        The entities the speaker resolver used (:meth:`SpeakerResolver.entities`).
    tokens : Tokens, default=None
        The tokens of the text (tokenized anew when ``None``).

    Returns
    -------
    entities : list of Entity
    quotes : list of Quote
        The same quotes, each speaker with ``entity`` set and the entity's category.

    Notes
    -----
    The entities are those :func:`~framing.attribution.mentions_filter.expose_entities`
    keeps: every speaker's entity, and the other names that are not dates,
    headline words, modifiers or fragments.
    """
    # "30 said", "2016 showed", "Photograph: ...": a number, a year or a page label is never a speaker
    quotes = [replace(q, speaker=None) if q.speaker is not None and not_speaker(q.speaker.text) else q
              for q in quotes]
    index: list[int | None] = []
    for q in quotes:
        sp = q.speaker
        if sp is None:
            index.append(None)
            continue
        span = (sp.start, sp.end)
        e = entities.links.get(span)
        if e is None:
            e = entities.add_speaker(span, None, sp.name or sp.text, sp.category, "group")
        index.append(e)
    spoken: dict[int, set[tuple[int, int]]] = {}
    for q, e in zip(quotes, index):
        if q.speaker is not None and e is not None:
            spoken.setdefault(e, set()).add((q.speaker.start, q.speaker.end))
    exposed, new_index, moved = expose_entities(entities.text, tokens if tokens is not None else tokenize(entities.text),
                                         entities.to_list(), spoken)
    out: list[Quote] = []
    for q, e in zip(quotes, index):
        sp = q.speaker
        if sp is None or e is None:
            out.append(q)
            continue
        # the constructors with every field (tests/test_attribution.py pins the fields): dataclasses.replace
        # reads the fields anew on each call, about five times the cost, on every quote of every article
        k = moved.get((sp.start, sp.end), -1)  # a speaker's entity is always exposed
        # a speaker moved to another entity ("ISIS" to "Islamic State of Iraq and Syria") takes its name
        name = sp.name if k < 0 else exposed[k].text
        k = new_index[e] if k < 0 else k
        linked = Speaker(sp.text, sp.start, sp.end, exposed[k].category, name, k)
        out.append(Quote(q.start, q.end, q.text, q.kind, linked, q.cue, q.act))
    return exposed, out
