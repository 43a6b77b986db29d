"""Source attribution: quotes, speakers, reporting verbs (cues) and their stance.

Rule based and offline (no parser, no model download):

1. **Quote marks.** One linear pass over the quote marks of the text pairs
   openers and closers. Direction comes from the mark's context (space
   before and a word after opens, a word before and space or punctuation
   after closes) and, for ambiguous straight marks, from the pairing state.
   A quote stops at a paragraph break unless the next paragraph reopens the
   mark (the newspaper convention for quotes that run over several
   paragraphs). An unclosed quote is left out; a stray closer is ignored;
   nothing ever raises. Texts with no double quote marks at all are scanned
   for single quotes (British style); inside double quotes, single quotes are
   nested quotes and left alone.
2. **Cues.** Reporting verbs from the shipped ``reporting_verbs`` lexicon (the
   stance is its category, the lemma its ``lemma`` column) and "according
   to". A verb form right after a determiner ("the alleged plot", "a report")
   is a noun or adjective, not a cue.
3. **Speaker.** The subject left of the cue ("Smith said", with auxiliaries,
   adverbs and appositives), else the phrase right of it ("said Smith",
   "according to officials"); see :mod:`framing.attribution.speakers` for linking short
   mentions, pronouns and source categories.
4. **Content.** A quote next to the cue ("..." Smith said / Smith said: "...");
   a clause after the cue (optionally after "that", an addressee: "told
   reporters that", or a time: "announced on Thursday that"); a clause before
   "..., Smith said." The content is ``direct`` when it is only quoted text,
   ``mixed`` when it contains a quote and reported words, ``indirect`` when it
   has no quote marks.
5. **Quotes without a cue.** A quoted sentence with no cue of its own
   continues the most recent attributed speaker in the same or the previous
   paragraph (its ``cue`` is ``None``). Other quoted words with no speaker
   (scare quotes, titles) are not quotes.

Offsets are ``str`` indices into the text: ``text[q.start:q.end] == q.text``,
and the same holds for speaker and cue spans. Quality on the PolNeAR corpus is
measured by :func:`framing.evaluate_attribution.evaluate_attribution`.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, itemgetter
from typing import Any, Literal

from ..lexicon import Match, load_lexicon
from ..text import Sentence, Tokens, count_words
from .phrases import BETWEEN, DETERMINERS, phrase_after, subject_before, word_set
from .speakers import SpeakerResolver

__all__ = [
    "SOURCE_CATEGORIES",
    "STANCES",
    "Cue",
    "Quote",
    "Speaker",
    "attribution_features",
    "find_quotes",
    "quote_spans",
]


QuoteKind = Literal["direct", "indirect", "mixed"]

STANCES = ("neutral", "endorsing", "distancing", "contesting", "emotive")
"""Stance categories of the ``reporting_verbs`` lexicon."""

SOURCE_CATEGORIES = (
    "government",
    "military",
    "law_enforcement",
    "expert",
    "advocacy",
    "business",
    "media",
    "religious",
    "citizen",
    "anonymous",
    "other",
)
"""Source categories: those of the ``source_roles`` lexicon, plus ``other``."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who is quoted: a span of the text and a source category.

    ``text``/``start``/``end`` are the mention next to the cue ("Dempsey",
    "He", "officials"); ``name`` is the fullest mention of the same source
    (the full title and name a short mention or pronoun was linked to), and
    ``category`` comes from that full mention. ``name`` is not part of the
    JSONL contract (:meth:`to_dict`).
    """

    text: str
    start: int
    end: int
    category: str
    name: str = ""

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the ``speaker`` of a JSONL quote)."""
        return {"text": self.text, "start": self.start, "end": self.end, "category": self.category}


@dataclass(frozen=True, slots=True)
class Cue:
    """The reporting verb (or "according to") with its lemma and stance."""

    text: str
    start: int
    end: int
    lemma: str
    stance: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the ``cue`` of a JSONL quote)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "lemma": self.lemma,
            "stance": self.stance,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or reported statement (the JSONL ``quotes`` contract)."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker | None
    cue: Cue | None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the quote (the JSONL ``quotes`` contract)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
        }


# ---------------------------------------------------------------------------
# quote marks

_PARA = r"\n[ \t\r\f\v]*\n\s*"
# Two apostrophes or backticks stand for a double mark in some wire and archive
# texts. The patterns start with one character class (so the regex engine scans
# for it quickly) and also match a lone apostrophe, backtick or newline, which
# are not marks: quote_spans skips them ("''|``|[...]|<para>" would be slower).
_DOUBLE_MARKS = re.compile(
    "[\"\u201c\u201d\u201e\u00ab\u00bb'`\n](?:(?<=')'|(?<=`)`|(?<=\n)" + _PARA[2:] + ")?"
)
_SINGLE_MARKS = re.compile("['\u2018\u2019\u201a\n](?:(?<=\n)" + _PARA[2:] + ")?")
_NOT_MARKS = frozenset(["'", "`", "\n"])  # lone characters matched by _DOUBLE_MARKS
_HAS_DOUBLE = re.compile("''|``|[\"\u201c\u201d\u201e\u00ab\u00bb]")
_OPEN_GLYPHS = frozenset("\u201c\u201e\u00ab\u2018\u201a")
_CLOSE_GLYPHS = frozenset("\u201d\u00bb\u2019")
# characters after which a mark opens, and before which it closes
_BEFORE_OPEN = frozenset(" \t\n\r\f\v\u00a0([{\u2014\u2013-/:;")
_AFTER_CLOSE = frozenset(" \t\n\r\f\v\u00a0.,;:!?)]}\u2014\u2013-/\u2026")
_LEFT_OF_OPENER = _BEFORE_OPEN | _OPEN_GLYPHS
_RIGHT_OF_CLOSER = _AFTER_CLOSE | _CLOSE_GLYPHS | frozenset("\"'")


def quote_spans(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """Quoted spans of ``text`` (marks included) and the paragraph-break offsets.

    Linear in the length of the text; never raises on unbalanced marks.

    Parameters
    ----------
    text : str
        The text to scan.

    Returns
    -------
    spans : list of (int, int)
        ``(start, end)`` of each quote, opening and closing marks included, in
        text order. A quote running over several paragraphs is one span.
    paragraphs : list of int
        Offsets where each paragraph after the first starts.

    Examples
    --------
    >>> text = 'He said \u201cwe\u2019re done\u201d and "so is \\'she\\'." Then "an odd one.'
    >>> [text[s:e] for s, e in quote_spans(text)[0]]
    ['\u201cwe\u2019re done\u201d', '"so is \\'she\\'."']
    >>> text = '\u201cFirst paragraph.\\n\\n\u201cSecond one,\u201d she said.'
    >>> [text[s:e] for s, e in quote_spans(text)[0]]
    ['\u201cFirst paragraph.\\n\\n\u201cSecond one,\u201d']
    """
    single = _HAS_DOUBLE.search(text) is None
    pattern = _SINGLE_MARKS if single else _DOUBLE_MARKS
    spans: list[tuple[int, int]] = []
    paragraphs: list[int] = []
    n = len(text)
    german = not single and "\u201e" in text
    open_at = -1  # opener of the quote in the current paragraph
    group = -1  # start of a quote continued from an earlier paragraph
    carry = -1  # start of a quote left open at the end of the previous paragraph
    para_first = len(text) - len(text.lstrip())
    for m in pattern.finditer(text):
        p, q = m.span()
        mark = text[p]
        if q - p == 1 and (mark == "\n" or (not single and mark in _NOT_MARKS)):
            continue  # a lone newline, apostrophe or backtick
        if mark == "\n":
            carry = (group if group >= 0 else open_at) if open_at >= 0 else -1
            open_at = group = -1
            para_first = m.end()
            paragraphs.append(para_first)
            continue
        before = text[p - 1] if p else " "
        after = text[q] if q < n else " "
        if mark == "`":
            mark = "\u201c"
        elif q - p == 2:
            mark = '"'

        left = before in _LEFT_OF_OPENER
        right = after in _RIGHT_OF_CLOSER
        if left and not right:
            opens = True
        elif right and not left:
            opens = False
        elif single and mark in "'\u2019" and before.isalnum() and after.isalnum():
            continue  # an apostrophe
        elif mark in _OPEN_GLYPHS and not (german and mark == "\u201c"):
            opens = True
        elif mark in _CLOSE_GLYPHS or (german and mark == "\u201c"):
            opens = False
        elif single:
            continue  # an ambiguous straight single mark
        else:
            opens = open_at < 0
        if opens:
            if open_at < 0 and carry >= 0 and p == para_first:
                group = carry  # the quote continues in this paragraph
            elif open_at < 0:
                group = -1
            carry = -1
            open_at = p
        elif open_at >= 0:
            spans.append((group if group >= 0 else open_at, q))
            open_at = group = carry = -1
        else:
            carry = -1
    return spans, paragraphs


# ---------------------------------------------------------------------------
# cues

_CACHE: dict[str, Any] = {}


def _verb_table() -> dict[str, list[tuple[tuple[str, ...], str, str, str]]]:
    """First word -> [(words, lemma, stance, form)] of the reporting verbs, longest first (cached)."""
    if "verbs" not in _CACHE:
        table: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = {}
        seen: set[tuple[str, ...]] = set()
        for entry in load_lexicon("reporting_verbs"):
            if entry.words in seen or any(entry.wildcards):
                continue  # one stance per form: the first listed
            seen.add(entry.words)
            table.setdefault(entry.words[0], []).append(
                (
                    entry.words,
                    entry.extra.get("lemma") or entry.term,
                    entry.category,
                    entry.extra.get("form", ""),
                )
            )
        for forms in table.values():
            forms.sort(key=lambda f: -len(f[0]))
        table.setdefault("according", [])  # "according to", handled in _find_cues
        _CACHE["verbs"] = table
    table_: dict[str, list[tuple[tuple[str, ...], str, str, str]]] = _CACHE["verbs"]
    return table_


# words after which a verb form is a noun or adjective ("the alleged plot")
_NOT_BEFORE_VERB = DETERMINERS | frozenset(
    ["of", "in", "for", "on", "with", "by", "at", "from", "into", "about", "so-called"]
)
# verbs that take an addressee before their content ("told reporters that")
_ADDRESSEE_VERBS = word_set(
    """
    tell inform assure warn remind advise notify brief promise urge ask caution reassure
    convince persuade instruct email text
    """
)
_ADDRESSEES = word_set(
    """
    reporters journalists me us him her them you the a an his their its my our
    """
)
_GERUNDS_CUT = (
    "saying",
    "adding",
    "noting",
    "arguing",
    "claiming",
    "insisting",
    "explaining",
    "warning",
    "stressing",
    "citing",
    "calling",
)
_MAX_REACH = 1500  # characters around a cue searched for its speaker and content
_TERMINAL = ".!?;:,\u2026 \t\n\r"
_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"


@dataclass(slots=True)
class _CueHit:
    i: int  # first token
    j: int  # end token (exclusive)
    lemma: str
    stance: str
    form: str


def _find_cues(text: str, tokens: Tokens) -> list[_CueHit]:
    table = _verb_table()
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    n = len(norms)
    hits: list[_CueHit] = []
    last_end = -1
    # the tokens that may start a cue, selected in C (no Python loop over all tokens)
    for i in compress(range(n), map(table.__contains__, norms)):
        if i < last_end:
            continue
        word = norms[i]
        if word == "according":
            if i + 1 < n and norms[i + 1] == "to":
                hits.append(_CueHit(i, i + 2, "according to", "neutral", "phrase"))
                last_end = i + 2
            continue
        if i:
            prev = norms[i - 1]
            gap_start, gap_end = ends[i - 1], starts[i]
            if (gap_end - gap_start != 1 or text[gap_start] != " ") and text[
                gap_start:gap_end
            ].strip():
                prev = ","  # punctuation between: '...,” said Smith'
            if prev in _NOT_BEFORE_VERB or prev.endswith("'s"):
                continue  # "the alleged plot", "Dempsey's comment"
        else:
            prev = ""
        for cand in table[word]:
            j = i + len(cand[0])
            if j <= n and (
                j == i + 1
                or (
                    tuple(norms[i:j]) == cand[0]
                    and not text[ends[i] : starts[j - 1]].strip(" \t\n-")
                )
            ):
                break
        else:
            continue
        _, lemma, stance, form = cand
        if (
            form in ("base", "3sg")
            and prev
            and lemma not in ("say", "tell")
            and not _verb_context(text, tokens, i, form)
        ):
            continue  # "ground attack jets", "sectarian appeals"
        if form == "gerund" and prev and not _gerund_context(text, tokens, i):
            continue  # "the new thinking", "fees from advising"
        if lemma in ("decline", "refuse") and "to" not in norms[i + 1 : i + 3]:
            continue  # "sales declined", not "declined to comment"
        if (
            lemma == "add"
            and j + 1 < n
            and norms[j] in ("to", "up")
            and not text[starts[j + 1]].isupper()
        ):
            continue  # "added to his portfolio"
        if i and text[starts[i]].isupper() and not _sentence_initial(text, starts[i]):
            continue  # "Islamic State", "Report" in a name
        hits.append(_CueHit(i, j, lemma, stance, form))
        last_end = j
    return hits


# words after which a base or 3rd-person form is a verb ("they say", "would argue")
_VERB_CONTEXT = word_set(
    """
    i we you they he she it who which that to will would can could may might shall
    should must do does did not also still often now never always just n't don't doesn't
    didn't won't wouldn't can't cannot
    """
)


def _verb_context(text: str, tokens: Tokens, i: int, form: str) -> bool:
    """Whether a base or 3sg form at token ``i`` is used as a verb."""
    prev = tokens.norms[i - 1]
    if prev in _VERB_CONTEXT or prev.endswith("n't"):
        return True
    nxt = tokens.norms[i + 1] if i + 1 < len(tokens) else ""
    gap = text[tokens.ends[i - 1] : tokens.starts[i]]
    if gap.strip():
        # after a quote or comma only in the inverted order: '..." says Smith'
        return (
            i + 1 < len(tokens)
            and (
                nxt in DETERMINERS
                or nxt in ("he", "she", "they")
                or text[tokens.starts[i + 1]].isupper()
            )
            and not text[tokens.ends[i] : tokens.starts[i + 1]].strip()
        )
    if nxt in ("of", "for", "on", "against", "by", "from", "in"):
        return False  # a noun: "appeals to", "reports of"
    capital = not text[tokens.starts[i - 1] : tokens.ends[i - 1]].islower()
    if form == "3sg":
        # "Smith says", "the report says": a noun or name before a 3sg verb
        return capital or nxt in ("that", "the", "a", "he", "she", "it", "they", "we")
    # a base form after a plural subject: "Democrats say", "officials warn"
    return prev.endswith("s") and not prev.endswith("ss")


_GERUND_BEFORE = word_set(
    """
    is are was were be been am 's 're while after before when by without also and but
    then on
    """
)


def _gerund_context(text: str, tokens: Tokens, i: int) -> bool:
    """Whether a gerund at token ``i`` is a participle cue ("..., saying", "is telling")."""
    prev = tokens.norms[i - 1]
    if text[tokens.ends[i - 1] : tokens.starts[i]].strip():
        return True  # ", saying that"
    if prev in _GERUND_BEFORE or prev.endswith(("'s", "'re", "ly")):
        return True
    # "... spent the day saying that", "Smith tweeted Friday saying"
    nxt = tokens.starts[i + 1] if i + 1 < len(tokens) else len(text)
    follow = text[tokens.ends[i] : nxt].strip()
    return (i + 1 < len(tokens) and tokens.norms[i + 1] in ("that", "he", "she", "they", "it")) or (
        bool(follow) and follow[0] in _QUOTE_CHARS + ":"
    )


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip(" \t\"'\u201c\u2018")
    return not before or before[-1] in ".!?\n:"


# ---------------------------------------------------------------------------
# the document walk


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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and a trailing clause punctuation (kept after a closing quote)."""
    while start < end and text[start] in " \t\n\r,;:\u2014\u2013-":
        start += 1
    while end > start and text[end - 1] in _TERMINAL:
        end -= 1
    return start, end


_CLAUSE_CUT = re.compile(
    r"[,\u2014]\s*(?:" + "|".join(_GERUNDS_CUT) + r"|according\s+to)\b", re.IGNORECASE
)


MAX_CLAUSE_CHARS = 2_000
"""Longest reported clause (indirect speech) taken, in characters: real ones are
far shorter, and the cap keeps the output linear on text with no sentence ends."""


def _clause_end(doc: _Doc, pos: int, limit: int) -> int:
    """End of the reported clause starting at ``pos``: the sentence end, or a
    following ", according to" or ", saying ..." attribution."""
    limit = min(limit, pos + MAX_CLAUSE_CHARS)
    m = _CLAUSE_CUT.search(doc.text, pos, limit)
    while m is not None and doc.quote_at(m.start()) >= 0:
        m = _CLAUSE_CUT.search(doc.text, m.end(), limit)
    if m is not None:
        limit = m.start()
    # "... and said", "... but told": a coordinated cue starts a new attribution
    cues, cuts = doc.coordinated_cues()
    k = bisect_left(cues, pos + 1)
    if k < len(cues) and cues[k] < limit:
        return cuts[k]
    return limit


def _quote_or_mixed(doc: _Doc, k: int, sent_end: int) -> tuple[int, int]:
    """A quote that starts the content: direct when nothing but punctuation
    follows it in the sentence, else the content runs to the sentence end."""
    s, e = doc.spans[k]
    rest = doc.text[e : max(e, sent_end)]
    if not rest.strip(_TERMINAL) or e >= sent_end:
        return (s, e)
    return _trim(doc.text, s, sent_end)


def find_quotes(
    text: str,
    sentences: list[Sentence],
    tokens: Tokens,
    matches: Sequence[Match] | None = None,
) -> list[Quote]:
    """Quotes in ``text`` with their speakers, cues, stances and source categories.

    Parameters
    ----------
    text : str
        The article text; all offsets index into it.
    sentences : list of Sentence
        Its sentences (:func:`framing.text.split_sentences`).
    tokens : Tokens
        Its tokens (:func:`framing.text.tokenize`).
    matches : sequence of Match, optional
        The article's lexicon hits from a :class:`~framing.lexicon.Matcher`
        over ``tokens`` that includes the shipped ``source_roles`` lexicon (as
        :class:`framing.Analyzer` finds them). Speaker categories are then
        read from those hits instead of matching each speaker phrase again;
        the result is the same. Hits of other lexicons are ignored. Default:
        speaker phrases are matched on their own.

    Returns
    -------
    list of Quote
        In text order. A quote interrupted by its attribution ("A," she said,
        "B.") gives one record per part, sharing speaker and cue.

    Examples
    --------
    >>> from framing.text import split_sentences, tokenize
    >>> text = ('Army chief General Tom Ray said: \u201cWe are ready.\u201d '
    ...         'Officials alleged that the plan had \u201cfailed.\u201d')
    >>> for q in find_quotes(text, split_sentences(text), tokenize(text)):
    ...     print(q.kind, q.text, '|', q.speaker.text, q.speaker.category, '|', q.cue.lemma, q.cue.stance)
    direct \u201cWe are ready.\u201d | Army chief General Tom Ray military | say neutral
    mixed that the plan had \u201cfailed.\u201d | Officials anonymous | allege distancing

    With the article's lexicon hits (here of ``source_roles`` only) the
    result is the same, found faster:

    >>> from framing.lexicon import Matcher, load_lexicon
    >>> sents, toks = split_sentences(text), tokenize(text)
    >>> hits = Matcher([load_lexicon("source_roles")]).find(text, toks)
    >>> find_quotes(text, sents, toks, hits) == find_quotes(text, sents, toks)
    True
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quotes expects a str. Got {type(text).__name__} instead.")
    if not text.strip():
        return []
    doc = _Doc(text, sentences, tokens)
    cues = _find_cues(text, tokens) if len(tokens) else []
    resolver: SpeakerResolver | None = None
    quotes: list[Quote] = []
    # (end of the content, speaker) of each attribution, in text order
    said: list[tuple[int, Speaker]] = []
    seen: set[tuple[int, int]] = set()
    cue_tokens = {t for c in cues for t in range(c.i, c.j)}
    doc.cue_starts = [tokens.starts[c.i] for c in cues]
    events: list[tuple[int, _CueHit | None]] = [(tokens.starts[c.i], c) for c in cues]
    events.extend((pos, None) for pos in _colon_cues(doc))
    events.sort(key=itemgetter(0))
    q_starts, q_ends = doc.q_starts, doc.q_ends
    for cs, c in events:
        k = bisect_right(q_starts, cs) - 1
        if k >= 0 and cs < q_ends[k]:  # doc.quote_at(cs) >= 0
            continue  # a cue inside a quotation belongs to the quoted speaker
        if c is None:
            ce, lemma, stance = cs + 1, ":", "neutral"
            found = _attribute_colon(doc, cs)
        else:
            ce, lemma, stance = tokens.ends[c.j - 1], c.lemma, c.stance
            found = _attribute(doc, c, cue_tokens)
        if found is None:
            continue
        subject, contents = found
        speaker = None
        if subject is not None:
            if resolver is None:
                resolver = SpeakerResolver(text, tokens, matches)
            mention = resolver.resolve(*subject)
            speaker = Speaker(
                text[mention.start : mention.end],
                mention.start,
                mention.end,
                mention.category,
                mention.name,
            )
        cue = Cue(text[cs:ce], cs, ce, lemma, stance)
        for s, e in contents:
            if (s, e) in seen:
                continue  # one record per span: the first cue that claims it
            seen.add((s, e))
            quotes.append(Quote(s, e, text[s:e], _kind(doc, s, e), speaker, cue))
        if speaker is not None and contents:
            said.append((max([e for _, e in contents]), speaker))
    _continue_speakers(doc, said, quotes)
    quotes.sort(key=attrgetter("start", "end"))
    return quotes


_COLON = re.compile(r":[ \t]+(?=[^\s\d])")  # after a word character, checked in _colon_cues
_WORD_CHAR = re.compile(r"\w")
# labels before a colon that introduce no speaker ("Update: ...", "Photo: ...")
_COLON_LABELS = word_set(
    """
    note update editor editors correction clarification disclosure photo photos image
    images video watch listen read see related source sources credit caption warning
    advertisement tags share email subscribe follow contact click sign breaking live
    transcript question answer q a part chapter step example summary bottom line
    background context why what how who when where
    """
)
_MAX_COLON_NAME = 6


def _colon_cues(doc: _Doc) -> list[int]:
    """Offsets of colons that attribute what follows to a name at the start of a
    line or sentence: headlines ("Kasich: 'We will go all the way'") and
    transcripts ("TRUMP: The deaths ...")."""
    text, toks = doc.text, doc.tokens
    out = []
    for m in _COLON.finditer(text):
        pos = m.start()
        if not pos or _WORD_CHAR.match(text, pos - 1) is None:
            continue
        t = bisect_left(toks.starts, pos) - 1
        if t < 0 or toks.ends[t] != pos:
            continue
        line = text.rfind("\n", 0, pos) + 1
        sent = doc.sentence_of(pos)
        begin = max(line, sent.start)
        head = text[begin : toks.starts[max(0, t - _MAX_COLON_NAME + 1)]]
        if head.strip(" \t-\u2014\u2013\"'\u201c\u2018"):
            continue  # more than a short name before the colon
        words = [k for k in range(doc.tok_at(begin), t + 1)]
        if not words or any(
            not _capitalised(text, toks.starts[k], toks.ends[k])
            and toks.norms[k] not in ("of", "and", "the", "for", "de", "al")
            for k in words
        ):
            continue
        if toks.norms[words[0]] in _COLON_LABELS or toks.norms[t] in _COLON_LABELS:
            continue
        out.append(pos)
    return out


def _capitalised(text: str, start: int, end: int) -> bool:
    return text[start].isupper()


def _attribute_colon(
    doc: _Doc, pos: int
) -> tuple[tuple[int, int] | None, list[tuple[int, int]]] | None:
    """Speaker and content of a "Name: content" colon cue."""
    text, toks = doc.text, doc.tokens
    t = bisect_left(toks.starts, pos) - 1
    line = text.rfind("\n", 0, pos) + 1
    begin = max(line, doc.sentence_of(pos).start)
    first = doc.tok_at(begin)
    start = doc.skip_space(pos + 1)
    end = doc.sentence_of(start).end
    k = doc.quote_starting(start)
    content = _quote_or_mixed(doc, k, end) if k >= 0 else _trim(text, start, end)
    if content[1] <= content[0]:
        return None
    return (first, t + 1), [content]


def _continue_speakers(doc: _Doc, said: list[tuple[int, Speaker]], quotes: list[Quote]) -> None:
    """Give quoted sentences without a cue to the previous speaker nearby.

    A quote that starts a sentence, holds at least three words and has no cue
    continues the speaker of the closest attribution before it, when that
    attribution ends in the same or the previous paragraph.
    """
    if not said:
        return
    said.sort(key=itemgetter(0))
    ends = [e for e, _ in said]
    text = doc.text
    used, sentences, sent_starts = doc.used, doc.sentences, doc.sent_starts
    tok_starts = doc.tokens.starts
    for k, (s, e) in enumerate(doc.spans):
        if used[k]:
            continue
        sent = sentences[max(0, bisect_right(sent_starts, s) - 1)]  # doc.sentence_of(s)
        if sent.start != s and text[sent.start : s].strip(" \t\u2014-"):
            continue  # a quote inside a sentence: a scare quote or a title
        if bisect_left(tok_starts, e) - bisect_left(tok_starts, s) < 3:
            continue
        i = bisect_right(ends, s) - 1
        if i < 0:
            continue
        last_end, speaker = said[i]
        if doc.paragraph_of(s) - doc.paragraph_of(last_end) > 1:
            continue
        doc.used[k] = True
        quotes.append(Quote(s, e, text[s:e], "direct", speaker, None))
        said.insert(i + 1, (e, speaker))
        ends.insert(i + 1, e)


def _kind(doc: _Doc, s: int, e: int) -> QuoteKind:
    q_starts, q_ends = doc.q_starts, doc.q_ends
    first = bisect_left(q_starts, s)
    if first < len(q_starts) and q_starts[first] == s and q_ends[first] == e:
        doc.used[first] = True
        return "direct"
    kind: QuoteKind = "indirect"
    for q in range(first, len(q_starts)):
        if q_starts[q] >= e:
            break
        if q_ends[q] <= e:
            doc.used[q] = True
            kind = "mixed"
    return kind


def _attribute(
    doc: _Doc, c: _CueHit, cue_tokens: set[int]
) -> tuple[tuple[int, int] | None, list[tuple[int, int]]] | None:
    """Speaker tokens and content spans of the cue ``c``, or None."""
    text, toks = doc.text, doc.tokens
    norms, starts, ends = toks.norms, toks.starts, toks.ends
    n = len(norms)
    cs = starts[c.i]
    sent = doc.sentences[max(0, bisect_right(doc.sent_starts, cs) - 1)]  # doc.sentence_of
    q_starts, q_ends = doc.q_starts, doc.q_ends
    sent_start = sent.start
    qk = bisect_right(q_starts, sent_start) - 1  # doc.quote_at(sent_start)
    if qk >= 0 and sent_start < q_ends[qk]:
        sent_start = q_starts[qk]
    # the sentence may end inside a quote that continues ('said: "A. B."')
    sent_end = sent.end
    last = max(sent_end - 1, 0)
    qk = bisect_right(q_starts, last) - 1
    if qk >= 0 and last < q_ends[qk]:
        sent_end = max(sent_end, q_ends[qk])
    # a run-on "sentence" (no punctuation for pages) is cut around the cue,
    # which keeps the work per cue bounded and the whole pass linear
    sent_start = max(sent_start, cs - _MAX_REACH)
    sent_end = min(sent_end, cs + _MAX_REACH)
    lo = bisect_left(starts, sent_start)  # doc.tok_at
    hi = bisect_left(starts, sent_end)

    if c.lemma == "according to":
        subj = phrase_after(text, toks, c.j, hi)
        if subj is None:
            return None
        subj_end = ends[subj[1] - 1]
        if not text[sent_start:cs].strip(_QUOTE_CHARS + " \t"):
            # "According to X, Y."
            start = doc.skip_space(subj_end, " \t\u00a0,")
            s, e = _trim(text, start, _clause_end(doc, start, sent_end))
        else:
            s, e = _trim(text, sent_start, cs)
            s, e = _widen_to_quote(doc, s, e)
        return (subj, [(s, e)]) if e > s else None

    tlen = len(text)
    weak = c.form in ("base", "3sg", "")
    participle = c.form == "gerund" and "," in text[ends[c.i - 1] : cs] if c.i else False
    subj = None if participle else subject_before(text, toks, c.i, lo)
    after = c.j
    inverted = False
    if subj is None:
        # "..., said Smith" / "“...,” said the minister"
        prev_end = doc.back_space(cs)
        prev = text[prev_end - 1] if prev_end else ""
        if prev in ",\u201d\"'\u2019?!\u2014" and c.form != "gerund":
            cand = phrase_after(text, toks, c.j, hi)
            if (
                cand is not None
                and _ends_phrase(doc, cand[1])
                and (
                    norms[cand[0]] in DETERMINERS
                    or text[starts[cand[0]]].isupper()
                    or norms[cand[0]] in _SUBJECT_PRONOUNS
                )
            ):
                subj, inverted, after = cand, True, cand[1]
    if (
        subj is not None
        and not inverted
        and c.form in ("past", "past_participle")
        and not _BE.isdisjoint(norms[subj[1] : c.i])
    ):
        # a passive: "The move was first reported by MSNBC", "it is said that"
        t = _skip_adverbials(doc, c.j, hi)
        if t < hi and norms[t] == "by":
            agent = phrase_after(text, toks, t + 1, hi)
            if agent is not None:
                content = (starts[subj[0]], ends[subj[1] - 1])
                return agent, [content]
        if subj[1] - subj[0] == 1 and norms[subj[0]] == "it":
            subj = None  # "it is said that ...": the that-clause, no speaker
        else:
            return None
    before = c.i - 1
    while before > lo and norms[before] in BETWEEN:
        before -= 1
    if (
        subj is None
        and c.i > lo
        and (c.form == "gerund" or norms[before] in ("and", "but", "then", "before", "after"))
    ):
        # "..., saying that ...", "... and said ...": the subject of the main clause
        subj = _main_subject(doc, lo, c.i)
    if subj is not None:
        doc.last_subject = (sent_start, subj)
    if c.lemma in _ADDRESSEE_VERBS and after < hi:
        # "told reporters.", "told The Hill on Friday:", "told me."
        obj = phrase_after(text, toks, after, hi)
        if norms[after] in _OBJECT_PRONOUNS:
            obj = (after, after + 1)
        if (
            obj is not None
            and obj[1] - after <= 4
            and (norms[after] in _ADDRESSEES or text[starts[after]].isupper())
        ):
            end = doc.skip_space(ends[obj[1] - 1])
            if end >= tlen or text[end] in ".,;:!?" or (obj[1] < n and norms[obj[1]] == "that"):
                after = obj[1]
    if after + 1 < hi and norms[after] == "to":
        # "said to reporters.", "added to People:" (an addressee, not content)
        obj = phrase_after(text, toks, after + 1, hi)
        if obj is not None and obj[1] - after <= 5 and _ends_phrase(doc, obj[1]):
            after = obj[1]
    # _skip_adverbials and skip_space, with their common cases inline
    tail = _skip_adverbials(doc, after, hi) if after < hi and norms[after] in _ADVERBIALS else after
    nxt = ends[tail - 1]
    while nxt < tlen and text[nxt] in " \t\u00a0":
        nxt += 1
    ends_clause = nxt >= tlen or text[nxt] in ",.;!?\u2014)" or nxt >= sent_end
    if not ends_clause and not inverted:
        evidence = subj is not None and norms[subj[1] - 1] in _EVIDENCE
        right = _content_right(doc, c, after, tail, sent_end, cue_tokens, weak, evidence)
        if right is None:
            return None
        if subj is None and not (
            text.startswith("that", right[0]) or doc.quote_starting(right[0]) >= 0
        ):
            return None  # a passive or subjectless cue: "that"-clauses and quotes only
        return subj, [right]
    if subj is None:
        return None
    contents: list[tuple[int, int]] = []
    left_pos = cs if inverted else starts[subj[0]]
    left = _content_left(doc, doc.back_space(left_pos), sent_start)
    if left is not None:
        contents.append(left)
    if nxt < tlen and text[nxt] in ",:" and nxt < sent_end + 1:
        start = doc.skip_space(nxt + 1, " \t\u00a0\n")
        k = doc.quote_starting(start)
        if k >= 0:
            contents.append(doc.spans[k])
        elif (left is not None and text[nxt] == "," and doc.quote_at(left[0]) < 0) or (
            left is None
            and text[nxt] == ","
            and not inverted
            and subj[0] > 0
            and norms[subj[0] - 1] == "as"
        ):
            # "The economy, Smith said, is weak."
            t = doc.tok_at(start)
            if t < n and norms[t] not in _GERUNDS_CUT and norms[t] != "according":
                s, e = _trim(text, start, _clause_end(doc, start, sent_end))
                if e > s:
                    contents.append((s, e))
    return (subj, contents) if contents else None


_SUBJECT_PRONOUNS = word_set("he she they it we i")
_BE = word_set("is are was were been being be am")
_OBJECT_PRONOUNS = word_set("me him her us them you")
# verbs whose bare complement is reported content ("said the plan failed")
_CLAUSE_VERBS = word_set(
    """
    say tell think believe write argue insist add explain suggest contend predict hope
    fear know feel estimate maintain acknowledge claim allege warn announce declare
    assert admit concede deny note report confirm reveal recall stress emphasize
    emphasise reckon worry wonder charge
    """
)
# verbs with common non-speech senses ("spoke to voters", "maintained a lead",
# "posted a win", "found no record"): their content must be a quote, a colon or
# a "that"-clause.
_NEEDS_THAT = word_set(
    """
    speak prove maintain establish demonstrate detail brief contest challenge post show
    find feel continue answer advise email text highlight attack oppose estimate request
    expect think believe hope worry guess reckon project signal communicate illustrate
    document broadcast relay
    """
)
# documents whose findings are reported like speech ("the poll showed Trump ahead")
_EVIDENCE = word_set(
    """
    poll polls survey surveys study studies report reports data records results figures
    analysis research estimates documents statistics numbers count
    """
)
_ADVERBIALS = word_set(
    """
    yesterday today tonight tomorrow monday tuesday wednesday thursday friday saturday
    sunday last this next week month year morning afternoon evening night earlier later
    recently repeatedly publicly privately again also then separately previously once on
    in at during via a an the his her their its statement interview conference news
    press briefing speech letter email release post tweet twitter facebook reporters
    journalists video message hearing rally radio television tv show appearance
    """
)


def _ends_phrase(doc: _Doc, t: int) -> bool:
    """Whether punctuation (or a time adverbial, then punctuation) follows token ``t - 1``."""
    toks = doc.tokens
    t = _skip_adverbials(doc, t, len(toks))
    pos = doc.skip_space(toks.ends[t - 1])
    return pos >= len(doc.text) or doc.text[pos] in ".,;:!?()\u2014\n"


_LEADING = word_set(
    """
    but and so yet still meanwhile however also then later earlier instead
    """
)


def _main_subject(doc: _Doc, lo: int, cue: int) -> tuple[int, int] | None:
    """Subject of the sentence a participle or coordinated cue depends on."""
    if (doc.last_subject is not None and doc.last_subject[0] == doc.tokens.starts[lo]) or (
        doc.last_subject is not None and lo <= doc.last_subject[1][0] < cue
    ):
        return doc.last_subject[1]
    toks, text = doc.tokens, doc.text
    t = lo
    while t < cue and toks.norms[t] in _LEADING:
        t += 1
    span = phrase_after(text, toks, t, cue)
    if span is None or span[1] >= cue:
        return None
    first = toks.norms[span[0]]
    if not (
        first in DETERMINERS or first in _SUBJECT_PRONOUNS or text[toks.starts[span[0]]].isupper()
    ):
        return None
    # the phrase must be followed by a verb-like word, not a comma ("In May, ...")
    if text[toks.ends[span[1] - 1] : toks.starts[span[1]]].strip():
        return None
    return span


def _skip_adverbials(doc: _Doc, t: int, hi: int) -> int:
    """Token after a run of time and setting adverbials ("on Thursday", "in a statement")."""
    toks, text = doc.tokens, doc.text
    k = t
    complete = t
    while k < hi and k - t < 6 and toks.norms[k] in _ADVERBIALS:
        if k > t and text[toks.ends[k - 1] : toks.starts[k]].strip():
            break
        k += 1
        if toks.norms[k - 1] not in _OPEN_ADVERBIALS:
            complete = k
    return complete


# words that cannot end an adverbial run
_OPEN_ADVERBIALS = word_set(
    """
    on in at to via during a an the his her their its this last next
    """
)


def _content_right(
    doc: _Doc,
    cue: _CueHit,
    after: int,
    tail: int,
    sent_end: int,
    cue_tokens: set[int],
    weak: bool,
    evidence: bool = False,
) -> tuple[int, int] | None:
    """Content that follows the cue: a colon or quote, a "that"-clause, a bare clause."""
    text, toks = doc.text, doc.tokens
    norms, starts, ends = toks.norms, toks.starts, toks.ends
    n = len(norms)
    pos = ends[after - 1]
    look = doc.skip_space(pos, " \t\u00a0,")
    if look < len(text) and text[look] == ":":
        look = doc.skip_space(look + 1, " \t\u00a0\n")
        k = doc.quote_starting(look)
        if k >= 0:
            return doc.spans[k]
        s, e = _trim(text, look, _clause_end(doc, look, sent_end))
        return (s, e) if e > s else None
    k = doc.quote_starting(look)
    if k >= 0:
        return _quote_or_mixed(doc, k, sent_end)
    # "that" after an addressee or a time ("told reporters on Thursday that")
    t = after
    limit = min(n, after + (2 if weak else 8))
    while t < limit and starts[t] < sent_end and t not in cue_tokens:
        if t > after and text[ends[t - 1] : starts[t]].strip(" \t,"):
            break
        if norms[t] == "that":
            s, e = _trim(text, starts[t], _clause_end(doc, starts[t], sent_end))
            return (s, e) if e - s > len("that ") else None
        t += 1
    if ((weak and cue.lemma not in _CLAUSE_VERBS) or cue.lemma in _NEEDS_THAT) and not (
        evidence and cue.lemma in ("show", "find", "suggest", "indicate", "reveal", "find")
    ):
        return None
    # a bare clause right after the cue (or after its addressee and time)
    t = tail
    if cue.lemma in _ADDRESSEE_VERBS and t < n and norms[t] in _ADDRESSEES and t == after:
        t += 2 if norms[t] in DETERMINERS else 1
    if t >= n or starts[t] >= sent_end:
        return None
    start = starts[t]
    if start > 0 and text[start - 1] in _QUOTE_CHARS and doc.quote_starting(start - 1) >= 0:
        start -= 1
    s, e = _trim(text, start, _clause_end(doc, start, sent_end))
    return (s, e) if e > s else None


def _widen_to_quote(doc: _Doc, s: int, e: int) -> tuple[int, int]:
    """Extend a span to the closing mark of a quote it ends in."""
    k = doc.quote_at(e)
    if k >= 0 and doc.spans[k][1] == e + 1:
        return (s, e + 1)
    return (s, e)


def _content_left(doc: _Doc, before_end: int, sent_start: int) -> tuple[int, int] | None:
    """Content ending just before the speaker: ``"...," Smith said`` or ``X, Smith said``."""
    text = doc.text
    if before_end <= 0:
        return None
    ch = text[before_end - 1]
    if before_end <= sent_start and ch not in _QUOTE_CHARS:
        return None  # (a quote may end the sentence before: '"Can we win?" Smith asked.')
    if ch in _QUOTE_CHARS:
        k = doc.quote_ending(before_end)
        if k < 0 and before_end > 1 and text[before_end - 2] in _QUOTE_CHARS:
            k = doc.quote_ending(before_end - 1)  # nested closing marks: 'case,' + two marks
        return doc.spans[k] if k >= 0 else None
    if ch in ",\u2014":
        inner = doc.back_space(before_end - 1)
        k = doc.quote_ending(inner)
        if k >= 0:
            return doc.spans[k]
        s, e = _trim(text, sent_start, before_end - 1)
        return (s, e) if e - s >= 3 else None
    return None


# ---------------------------------------------------------------------------
# features

_LOADED_LEXICON = "loaded_language"
_PER = 1000.0


def attribution_features(
    quotes: list[Quote], matches: list[Match], n_tokens: int, tokens: Tokens | None = None
) -> dict[str, float]:
    """Per-article attribution features, named ``attribution__<feature>``.

    Parameters
    ----------
    quotes : list of Quote
        The article's quotes (:func:`find_quotes`).
    matches : list of Match
        All lexicon hits of the article; hits of the ``loaded_language``
        lexicon (not negated) are split into those inside attributed speech
        and those in the author's own voice.
    n_tokens : int
        Number of tokens of the article.
    tokens : Tokens, optional
        The article's tokens; when given, words inside quotes are counted
        from them (faster than re-tokenizing the quote texts).

    Returns
    -------
    dict of str to float
        Always the same keys (zeros for an article without quotes):

        * ``quotes_count``, ``sources_count`` (distinct speaker names),
          ``quoted_words_share`` (share of the article's words inside quotes);
        * ``direct_share``, ``indirect_share``, ``mixed_share``: share of quotes
          of each kind;
        * ``stance_<stance>_share``: share of cued quotes per cue stance;
        * ``source_<category>_share``: share of quoted words per speaker
          category (over quotes with a speaker);
        * ``source_entropy``: Shannon entropy (bits) of the quoted words over
          distinct sources, 0 for one source;
        * ``loaded_in_quotes_rate`` and ``loaded_outside_quotes_rate``: loaded
          language hits per 1,000 words inside quotes (all kinds) and in the
          rest of the text.

    Examples
    --------
    >>> from framing.text import split_sentences, tokenize
    >>> text = 'Officials claimed the plan "failed." Police said it worked.'
    >>> toks = tokenize(text)
    >>> f = attribution_features(find_quotes(text, split_sentences(text), toks), [], len(toks))
    >>> f["attribution__quotes_count"], f["attribution__sources_count"]
    (2.0, 2.0)
    >>> f["attribution__stance_distancing_share"], f["attribution__mixed_share"]
    (0.5, 0.5)
    """
    feats: dict[str, float] = {
        "attribution__quotes_count": float(len(quotes)),
        "attribution__sources_count": 0.0,
        "attribution__quoted_words_share": 0.0,
        "attribution__direct_share": 0.0,
        "attribution__indirect_share": 0.0,
        "attribution__mixed_share": 0.0,
        "attribution__source_entropy": 0.0,
        "attribution__loaded_in_quotes_rate": 0.0,
        "attribution__loaded_outside_quotes_rate": 0.0,
    }
    for stance in STANCES:
        feats[f"attribution__stance_{stance}_share"] = 0.0
    for cat in SOURCE_CATEGORIES:
        feats[f"attribution__source_{cat}_share"] = 0.0
    # quoted words, counted once where quotes overlap
    spans = sorted((q.start, q.end) for q in quotes)
    merged: list[list[int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    loaded = [m for m in matches if m.lexicon == _LOADED_LEXICON and not m.negated]
    starts = [s for s, _ in merged]
    inside = 0
    for m in loaded:
        k = bisect_right(starts, m.start) - 1
        if k >= 0 and m.end <= merged[k][1]:
            inside += 1
    if quotes:
        n = float(len(quotes))
        kinds = Counter(q.kind for q in quotes)
        for kind in ("direct", "indirect", "mixed"):
            feats[f"attribution__{kind}_share"] = kinds[kind] / n
        stances = Counter(q.cue.stance for q in quotes if q.cue is not None)
        total = sum(stances.values())
        for stance in STANCES:
            if total:
                feats[f"attribution__stance_{stance}_share"] = stances[stance] / total
        words_by_cat: Counter[str] = Counter()
        words_by_source: Counter[str] = Counter()
        for q in quotes:
            if q.speaker is None:
                continue
            w = _words_between(tokens, q.start, q.end) if tokens else count_words(q.text)
            cat = q.speaker.category if q.speaker.category in SOURCE_CATEGORIES else "other"
            words_by_cat[cat] += w
            words_by_source[(q.speaker.name or q.speaker.text).lower()] += w
        feats["attribution__sources_count"] = float(len(words_by_source))
        spoken = sum(words_by_cat.values())
        if spoken:
            for cat in SOURCE_CATEGORIES:
                feats[f"attribution__source_{cat}_share"] = words_by_cat[cat] / spoken
            total_w = sum(words_by_source.values())
            entropy = -sum(
                (w / total_w) * math.log2(w / total_w) for w in words_by_source.values() if w
            )
            feats["attribution__source_entropy"] = max(0.0, entropy)  # no -0.0
    if tokens is not None:
        quoted_words = sum(_words_between(tokens, s, e) for s, e in merged)
    else:
        quoted_words = _count_words_in(quotes, merged)
    if n_tokens:
        feats["attribution__quoted_words_share"] = min(1.0, quoted_words / n_tokens)
    if quoted_words:
        feats["attribution__loaded_in_quotes_rate"] = inside * _PER / quoted_words
    outside_words = max(0, n_tokens - quoted_words)
    if outside_words:
        feats["attribution__loaded_outside_quotes_rate"] = (
            (len(loaded) - inside) * _PER / outside_words
        )
    return feats


def _words_between(tokens: Tokens, start: int, end: int) -> int:
    """Number of tokens that start inside ``[start, end)``."""
    return bisect_left(tokens.starts, end) - bisect_left(tokens.starts, start)


def _count_words_in(quotes: list[Quote], merged: list[list[int]]) -> int:
    """Number of words inside the union of the quote spans (one sweep, no re-counting)."""
    if not quotes:
        return 0
    ordered = sorted(quotes, key=lambda q: (q.start, -q.end))
    total = 0
    k = 0
    for s, e in merged:
        pos = s
        # the quotes inside this merged span are the next ones in start order
        while k < len(ordered) and ordered[k].start < e:
            x = ordered[k]
            k += 1
            if x.end <= pos:
                continue
            cut = max(pos, x.start) - x.start
            total += count_words(x.text[cut:])
            pos = x.end
    return total
