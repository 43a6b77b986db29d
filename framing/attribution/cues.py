"""Cues: the reporting verbs, "according to" and the colons that attribute speech.

Reporting verbs come from the shipped ``reporting_verbs`` lexicon (the stance
is its category, the lemma its ``lemma`` column). A verb form right after a
determiner ("the alleged plot", "a report") is a noun or adjective, not a cue.
A colon after a short name at the start of a line or sentence (headlines,
transcripts) is a cue too.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import attrgetter

from ..lexicon import Lexicon, Match, Matcher, load_lexicon
from ..text import Tokens
from .doc import _Doc
from .marks import _QUOTE_CHARS
from .phrases import DETERMINERS, word_set

__all__ = ["CueFilter", "CueHit"]


# words after which a verb form is a noun or adjective ("the alleged plot")
_NOT_BEFORE_VERB = DETERMINERS | frozenset(
    ["of", "in", "for", "on", "with", "by", "at", "from", "into", "about", "so-called"]
)


@dataclass(frozen=True, slots=True)
class CueHit:
    """A reporting verb used as a verb (or "according to"), in token positions.

    ``i`` is its first token and ``j`` the token after it; ``form`` is the
    inflection from the lexicon's ``form`` column (``""`` when the lexicon
    has none).
    """

    i: int
    j: int
    lemma: str
    stance: str
    form: str


_CueHit = CueHit  # the name before the document model


class CueFilter:
    """Keep the hits of cue lexicons that are used as verbs, and add "according to".

    A cue lexicon (``role="cues"``, like the shipped ``reporting_verbs``)
    lists verb forms with their stance as category and ``lemma`` and ``form``
    columns. Its hits are found by the article's one
    :class:`~framing.lexicon.Matcher`; this filter reads them and drops those
    that are nouns or adjectives in context ("the alleged plot", "sales
    declined", "ground attack jets"), so that the features, the matches
    table and the quotes' cues count the same verbs.

    Parameters
    ----------
    lexicons : sequence of Lexicon
        The cue lexicons. A form listed under several stances keeps the first.

    Examples
    --------
    >>> from framing.lexicon import Matcher, load_lexicon
    >>> from framing.text import tokenize
    >>> verbs = load_lexicon("reporting_verbs")
    >>> text = "The alleged plot failed. Sales declined. The report noted gains."
    >>> tokens = tokenize(text)
    >>> hits = Matcher([verbs]).find(text, tokens)  # "report" needs VERB (the lexicon's pos column)
    >>> [m.text for m in hits]
    ['alleged', 'declined', 'noted']
    >>> kept, cues = CueFilter([verbs]).filter(text, tokens, hits)
    >>> [m.text for m in kept], [(c.lemma, c.stance) for c in cues]
    (['noted'], [('note', 'endorsing')])
    """

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.names = frozenset(lex.name for lex in lexicons)
        self._verbs: dict[tuple[str, tuple[str, ...]], tuple[str, str, str]] = {}
        for lex in lexicons:
            for entry in lex:
                key = (lex.name, entry.words)
                if key not in self._verbs:  # one stance per form: the first listed
                    lemma = entry.extra.get("lemma") or entry.term.lower()
                    self._verbs[key] = (lemma, entry.category, entry.extra.get("form", ""))

    def filter(
        self, text: str, tokens: Tokens, matches: Sequence[Match]
    ) -> tuple[list[Match], list[CueHit]]:
        """The matches without the cue-lexicon hits that are not verbs, and the cues in text order."""
        if not self.names:
            return list(matches), _according_to(tokens)
        kept: list[Match] = []
        cues = _according_to(tokens)
        starts = tokens.starts
        span: tuple[int, int] = (-1, -1)
        accepted = False
        for m in matches:
            if m.lexicon not in self.names:
                kept.append(m)
                continue
            if (m.start, m.end) == span:  # the same form under a second stance
                if accepted:
                    kept.append(m)
                continue
            span = (m.start, m.end)
            i = bisect_left(starts, m.start)
            j = bisect_left(starts, m.end, i)
            verb = self._verbs.get((m.lexicon, tuple(tokens.norms[i:j])))
            accepted = verb is not None and _is_verb(text, tokens, i, j, verb[0], verb[2])
            if accepted and verb is not None:
                kept.append(m)
                cues.append(CueHit(i, j, verb[0], verb[1], verb[2]))
        cues.sort(key=attrgetter("i"))
        return kept, cues


def _according_to(tokens: Tokens) -> list[CueHit]:
    norms = tokens.norms
    n = len(norms)
    return [
        CueHit(i, i + 2, "according to", "neutral", "phrase")
        for i in compress(range(n), map("according".__eq__, norms))
        if i + 1 < n and norms[i + 1] == "to"
    ]


@cache
def _shipped_cues() -> tuple[Matcher, CueFilter]:
    verbs = load_lexicon("reporting_verbs")
    return Matcher([verbs]), CueFilter([verbs])


def _find_cues(text: str, tokens: Tokens) -> list[CueHit]:
    """The cues of ``text`` from the shipped reporting verbs (for callers without a lexicon stage)."""
    matcher, cue_filter = _shipped_cues()
    return cue_filter.filter(text, tokens, matcher.find(text, tokens))[1]


def _is_verb(text: str, tokens: Tokens, i: int, j: int, lemma: str, form: str) -> bool:
    """Whether the cue-lexicon hit on tokens ``i:j`` is used as a reporting verb."""
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    n = len(norms)
    if i:
        prev = norms[i - 1]
        gap_start, gap_end = ends[i - 1], starts[i]
        if (gap_end - gap_start != 1 or text[gap_start] != " ") and text[gap_start:gap_end].strip():
            prev = ","  # punctuation between: '...,” said Smith'
        if prev in _NOT_BEFORE_VERB or prev.endswith("'s"):
            return False  # "the alleged plot", "Dempsey's comment"
    else:
        prev = ""
    if j > i + 1 and text[ends[i] : starts[j - 1]].strip(" \t\n-"):
        return False  # words of a phrasal verb split by punctuation
    if (
        form in ("base", "3sg")
        and prev
        and lemma not in ("say", "tell")
        and not _verb_context(text, tokens, i, form)
    ):
        return False  # "ground attack jets", "sectarian appeals"
    if form == "gerund" and prev and not _gerund_context(text, tokens, i):
        return False  # "the new thinking", "fees from advising"
    if lemma in ("decline", "refuse") and "to" not in norms[i + 1 : i + 3]:
        return False  # "sales declined", not "declined to comment"
    if lemma == "add" and j + 1 < n and norms[j] in ("to", "up") and not text[starts[j + 1]].isupper():
        return False  # "added to his portfolio"
    return not (i and text[starts[i]].isupper() and not _sentence_initial(text, starts[i]))
    # (a capital inside a sentence: "Islamic State", "Report" in a name)


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
# what may stand before the name of a colon cue: spaces, dashes, opening quotes
# (a token always holds a character outside this class)
_NOT_HEAD = re.compile("[^ \t\\-\u2014\u2013\"'\u201c\u2018]")


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
        begin = max(doc.line_start(pos), doc.sentence_of(pos).start)
        first = doc.tok_at(begin)
        name_start = max(0, t - _MAX_COLON_NAME + 1)
        if first < name_start or _NOT_HEAD.search(text, begin, toks.starts[name_start]):
            continue  # more than a short name before the colon
        words = [k for k in range(first, t + 1)]
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
