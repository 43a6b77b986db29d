"""Cues: the reporting verbs, "according to" and the naming verbs that attribute speech.

Reporting verbs come from the shipped ``reporting_verbs`` lexicon (the stance
is its category, the lemma its ``lemma`` column). A hit is kept where the
shipped part-of-speech tagger (:mod:`framing.tagger`) tags its first word VERB
in context ("a report", "ground attack jets" are not), and is a cue where
that verb reports (:func:`framing.attribution.senses.reports`: "sales
declined" is a verb and no cue).
A colon after a short name at the start of a line or sentence (headlines,
transcripts) is a cue too; those are found by the layout rules
(:mod:`framing.attribution.layout`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import attrgetter

from ..lexicon import Lexicon, Match, Matcher, load_lexicon
from ..tagger import load_tagger, tag_window
from ..text import Sentence, Tokens
from .calendar import MONTHS as _MONTHS
from .calendar import TIMES as _TIMES
from .phrases import _PREPOSITIONS, DETERMINERS, word_set
from .records import Act
from .senses import NOUN_BEFORE, reports, subject_before

__all__ = ["CueFilter", "CueHit"]  # and BELIEF_LEMMAS, read lazily by __getattr__



def __getattr__(name: str) -> frozenset[str]:
    # BELIEF_LEMMAS is read from the lexicon on first use, not at import time
    if name == "BELIEF_LEMMAS":
        return _belief_lemmas()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def _belief_lemmas() -> frozenset[str]:
    """``BELIEF_LEMMAS``: the lemmas of the shipped ``reporting_verbs`` whose ``act`` is ``belief``.

    The cue lemmas that attribute a belief, hope, fear or wish rather than
    speech (:attr:`framing.attribution.Quote.act` ``"belief"``). The
    lexicon's ``act`` column is the one place that says which they are; a
    cue carries it as :attr:`CueHit.act`.

    Examples
    --------
    >>> from framing.attribution.cues import BELIEF_LEMMAS
    >>> sorted({"think", "want", "fear", "say"} & BELIEF_LEMMAS)
    ['fear', 'think', 'want']
    """
    return frozenset(
        e.extra.get("lemma") or e.term.lower()
        for e in load_lexicon("reporting_verbs")
        if e.extra.get("act") == "belief"
    )


@dataclass(frozen=True, slots=True)
class CueHit:
    """A reporting verb used as a verb (or "according to"), in token positions.

    ``i`` is its first token and ``j`` the token after it; ``form`` is the
    inflection from the lexicon's ``form`` column (``""`` when the lexicon
    has none); ``act`` is the lexicon's ``act`` column: ``"belief"`` for
    verbs of thought, hope, fear or wish, else ``"speech"``.
    """

    i: int
    j: int
    lemma: str
    stance: str
    form: str
    act: Act = "speech"
    negated: bool = False  # in the scope of a negator (the matcher's ``Match.negated``): "did not say"


_CueHit = CueHit  # the name before the document model

_TAG_WIDTH = 2  # words of context either side of a tagged cue (3 tags no better on EWT dev)


class CueFilter:
    """Keep the hits of cue lexicons that are used as verbs, and add "according to".

    A cue lexicon (``role="cues"``, like the shipped ``reporting_verbs``)
    lists verb forms with their stance as category and ``lemma`` and ``form``
    columns. Its hits are found by the article's one
    :class:`~framing.lexicon.Matcher`; this filter reads them and drops those
    whose first word the tagger (:func:`framing.tagger.tag_window`, two
    words of context either side) does not tag VERB ("a report", "ground
    attack jets"), so that the features and the matches table count verb
    uses only. The cues (what quote attribution reads) are those verbs
    less the uses that report nothing: a participle modifying a noun ("the
    proposed law", a verb in UD), "sales declined", "added to his
    portfolio" (:func:`framing.attribution.senses.reports`). On UD English
    EWT test the kept hits are 0.973 of the lexicon's gold-VERB uses at
    precision 0.992 (``framing evaluate cues``; docs/attribution.md).

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
    (['declined', 'noted'], [('note', 'endorsing')])
    """

    def __init__(self, lexicons: Sequence[Lexicon]) -> None:
        self.names = frozenset(lex.name for lex in lexicons)
        self._verbs: dict[tuple[str, tuple[str, ...]], tuple[str, str, str, Act]] = {}
        # forms the matcher only lets through where the tagger reads them as verbs
        self._tagged: set[tuple[str, tuple[str, ...]]] = set()
        for lex in lexicons:
            for entry in lex:
                key = (lex.name, entry.words)
                if key not in self._verbs:  # one stance per form: the first listed
                    lemma = entry.extra.get("lemma") or entry.term.lower()
                    act: Act = "belief" if entry.extra.get("act") == "belief" else "speech"
                    self._verbs[key] = (lemma, entry.category, entry.extra.get("form", ""), act)
                    if entry.pos and entry.pos <= {"VERB"}:
                        self._tagged.add(key)

    def excludes(self, text: str, tokens: Tokens) -> Callable[[str, int, int], bool]:
        """``exclude(lexicon_name, i, j)``: whether :meth:`filter` drops every hit of that lexicon on tokens ``i:j``.

        True for a cue lexicon where no cue lexicon's form on those tokens
        can be a reporting use whatever its part of speech ("the states",
        "of support": :func:`_may_be_cue`), so
        :meth:`framing.lexicon.Matcher.find` need not tag it (its
        ``exclude``).

        Examples
        --------
        >>> from framing.lexicon import load_lexicon
        >>> from framing.text import tokenize
        >>> text = "The report states that the states agree."
        >>> tokens = tokenize(text)
        >>> drops = CueFilter([load_lexicon("reporting_verbs")]).excludes(text, tokens)
        >>> [drops("reporting_verbs", i, i + 1) for i in (2, 5)]
        [False, True]
        """
        names, verbs = self.names, self._verbs
        norms = tokens.norms

        def exclude(name: str, i: int, j: int) -> bool:
            if name not in names:
                return False
            words = tuple(norms[i:j])
            for other in names:
                verb = verbs.get((other, words))
                if verb is not None and _may_be_cue(text, tokens, i, j, verb[0], verb[2]):
                    return False
            return True

        return exclude

    def filter(
        self,
        text: str,
        tokens: Tokens,
        matches: Sequence[Match],
        *,
        sentences: Sequence[Sentence] | None = None,
    ) -> tuple[list[Match], list[CueHit]]:
        """The matches without the cue-lexicon hits that are not verbs, and the cues in text order.

        ``sentences`` (:func:`framing.text.split_sentences` of ``text``) saves
        splitting the text again for the tagger.
        """
        if not self.names:
            return list(matches), _according_to(tokens)
        cues = _according_to(tokens)
        starts = tokens.starts
        # one candidate per span (a form listed under a second stance keeps the first)
        candidates: dict[tuple[int, int], CueHit] = {}
        verbs: set[tuple[int, int]] = set()
        is_cue = list(map(self.names.__contains__, map(_LEXICON, matches)))
        for m in compress(matches, is_cue):
            if (m.start, m.end) in candidates:
                continue
            i = bisect_left(starts, m.start)
            j = bisect_left(starts, m.end, i)
            key = (m.lexicon, tuple(tokens.norms[i:j]))
            verb = self._verbs.get(key)
            if verb is not None and _may_be_cue(text, tokens, i, j, verb[0], verb[2]):
                candidates[(m.start, m.end)] = CueHit(i, j, *verb, negated=m.negated)
                if key in self._tagged:
                    verbs.add((m.start, m.end))  # the matcher's tagger said VERB
        # then the part of speech of each candidate's first word, in context, decides; a
        # word the tagger always tags VERB ("said", "told": its tag dictionary), a form after a
        # subject pronoun or an auxiliary, and a lower-case past form not after a determiner
        # (168 of 171 are VERB on EWT dev) are not tagged; "the alleged plot" is tagged
        always = _always_tagged(tokens, text)
        norms = tokens.norms
        verbs.update(
            span
            for span, c in candidates.items()
            if always(c.i) == "VERB"
            or (c.i and norms[c.i - 1] in _SUBJECT_OR_AUXILIARY)
            or (c.form == "past" and not text[starts[c.i]].isupper()
                and not (c.i and norms[c.i - 1] in DETERMINERS))
            or (c.form == "3sg" and norms[c.i] not in _PLURAL_NOUNS
                and _complement_follows(text, tokens, c.j))
        )
        verbs.update(
            span for span, c in candidates.items()
            if span not in verbs and c.form in ("3sg", "past") and _headline_verb(text, tokens, c.i)
        )
        rest = [(span, c) for span, c in candidates.items() if span not in verbs]
        if rest:
            tags = tag_window(tokens, text, [c.i for _, c in rest], width=_TAG_WIDTH, sentences=sentences)
            verbs.update(span for (span, _), t in zip(rest, tags) if t == "VERB")
            # a 3sg form after a name ("Ted Cruz endorses Trump", "The Wall Street Journal
            # reports.") or closing a clause after its subject ("..., a new poll indicates."),
            # a base form after a plural subject before "that" ("experts warn that"): the
            # tagger reads them as nouns after a noun
            named = [
                (span, c) for (span, c), t in zip(rest, tags)
                if t != "VERB" and (
                    (c.form == "3sg" and (_after_name(text, tokens, c.i, c.j)
                                          or _closing_verb(text, tokens, c.i, c.j)))
                    or (c.form == "base" and _after_plural(text, tokens, c.i, c.j))
                )
            ]
            if named:
                before = tag_window(tokens, text, [c.i - 1 for _, c in named], width=_TAG_WIDTH,
                                    sentences=sentences)
                verbs.update(span for (span, _), t in zip(named, before) if t in _NAME_TAGS)
        cues.extend(
            c for span, c in candidates.items()
            if span in verbs and reports(text, tokens, c.i, c.j, c.lemma, c.form)
        )
        kept = [m for m, cue in zip(matches, is_cue) if not cue or (m.start, m.end) in verbs]
        cues.sort(key=attrgetter("i"))
        return kept, cues


# words after which a verb form is a verb, with no need to tag it ("he said", "would argue",
# "has claimed"; the tagger agrees on these)
_SUBJECT_OR_AUXILIARY = word_set(
    """
    i we they he she who will would can could may might shall should must did does do
    has have had
    """
)


_COMPLEMENTIZERS = word_set("that if whether")
# 3sg forms that are as often plural nouns, also before "that" ("amid reports that",
# "raising hopes that", "details that emerged"): the tagger decides them
_PLURAL_NOUNS = word_set(
    """
    reports calls posts answers details outlines quotes hopes worries demands
    promises cries pledges vows guarantees appeals remarks replies responses tweets texts
    briefs forecasts highlights hints broadcasts contests
    """
)


def _complement_follows(text: str, tokens: Tokens, j: int) -> bool:
    """Whether a "that"/"if"/"whether" clause or a quotation opens at token ``j``.

    A 3sg form of a reporting verb the lexicon does not mark as a noun
    homograph, followed by one (also after a short setting: "argues at The
    Federalist that"), is a verb ("The Obama administration argues that
    ...", "Today's incident proves that ..."), whatever the tagger reads in
    its two words of context (it tags such forms NOUN after a noun).
    """
    norms = tokens.norms
    n = len(norms)
    if j >= n:
        return False
    if norms[j] in _COMPLEMENTIZERS:
        return True
    if norms[j] in _PREPOSITIONS and norms[j] != "to":
        # a short setting first: "argues at The Federalist that ..."
        for k in range(j + 1, min(n, j + 6)):
            if text[tokens.ends[k - 1] : tokens.starts[k]].strip():
                return False
            if norms[k] == "that":
                return True
        return False
    gap = text[tokens.ends[j - 1] : tokens.starts[j]]
    return gap.strip(" \t") in _OPENING_MARKS


_OPENING_MARKS = {":", "\u201c", '"', ": \u201c", ': "'}


def _headline_verb(text: str, tokens: Tokens, i: int) -> bool:
    """Whether token ``i`` is a capitalised verb form after a name in a title-case line.

    Headlines capitalise every word ("Mike Pence Calls for Special
    Prosecutor", "..., Trevor Noah Says."), and the tagger, trained on
    sentence case, reads such forms as proper nouns. A 3sg or past form of
    the lexicon after a capitalised word, on a short line of at most sixteen
    words whose words are nearly all capitalised, is a verb.
    """
    starts, ends = tokens.starts, tokens.ends
    if i == 0 or not text[starts[i]].isupper() or not text[starts[i - 1]].isupper():
        return False
    if text[ends[i - 1] : starts[i]] != " ":
        return False
    # a headline is a short line: look no further than that (linear on run-on text)
    lo, hi = max(0, starts[i] - _MAX_HEADLINE_CHARS), min(len(text), ends[i] + _MAX_HEADLINE_CHARS)
    line_start = text.rfind("\n", lo, starts[i]) + 1
    if line_start == 0 and lo > 0:
        return False
    line_end = text.find("\n", ends[i], hi)
    if line_end < 0:
        if hi < len(text):
            return False
        line_end = len(text)
    first = bisect_left(starts, line_start)
    last = bisect_left(starts, line_end)
    if last - first > _MAX_HEADLINE_WORDS:
        return False
    lower = sum(
        1 for k in range(first, last)
        if text[starts[k]].islower() and tokens.norms[k] not in _HEADLINE_SMALL_WORDS
    )
    return lower == 0


_MAX_HEADLINE_WORDS = 16
_MAX_HEADLINE_CHARS = 250
# words a title-case headline may leave in lower case
_HEADLINE_SMALL_WORDS = word_set("a an the of for to in on at by and or but as with from vs via")


def _after_name(text: str, tokens: Tokens, i: int, j: int) -> bool:
    """Whether the lower-case 3sg form at token ``i`` follows a capitalised word that may be its subject.

    The word before is capitalised, one space before it and not a
    possessive, a day or month ("Super Tuesday contests") or "TV", and no
    determiner precedes it ("the United States", "the Pakistan reports");
    the word after is not a verb of a plural subject
    ("Health worries have"). A form that is as often a plural noun
    (``_PLURAL_NOUNS``: "Twitter posts Sunday", "Clinton calls with
    senators") also needs punctuation or a lower-case word that is not a
    preposition after it ("The Wall Street Journal reports."). The caller
    asks the tagger whether the word before is a noun (``_NAME_TAGS``).
    """
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    n = len(norms)
    if i == 0 or text[ends[i - 1] : starts[i]] != " " or not text[starts[i]].islower():
        return False
    if not text[starts[i - 1]].isupper() or norms[i - 1].endswith("'s"):
        return False
    prev = norms[i - 1]
    if (i > 1 and norms[i - 2] in DETERMINERS) or prev in _TIMES or prev in _MONTHS or prev == "tv":
        return False  # "the United States", "Super Tuesday contests", "TV shows"
    nxt = norms[j] if j < n else ""
    if nxt in _PLURAL_SUBJECT_VERBS:
        return False
    if norms[i] not in _PLURAL_NOUNS:
        return True
    if j >= n or text[ends[j - 1] : starts[j]].lstrip()[:1] in (".", ",", ":", ";"):
        return True
    return text[starts[j]].islower() and nxt not in _PREPOSITIONS and nxt.isalpha()


# the tags of a name before its verb ("Trump" is often NOUN: the common noun's spelling)
_NAME_TAGS = frozenset({"PROPN", "NOUN"})
# verbs after a plural noun subject ("Health worries have dogged")
_PLURAL_SUBJECT_VERBS = word_set("are were have had do did")


def _closing_verb(text: str, tokens: Tokens, i: int, j: int) -> bool:
    """Whether the 3sg form on tokens ``i:j`` closes its clause after its subject.

    "..., a new poll indicates.", "..., the editorial board writes.", "...,
    the lawsuit alleges.": a 3sg form right before a full stop or a comma,
    after a lower-case word (its subject's head, which the caller asks the
    tagger to read as a noun), is a verb unless it is as often a plural noun
    ("talk shows.", "legal challenges,"; ``shows`` stays a verb after a
    poll, a survey or an analysis).
    """
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    n = len(norms)
    if i == 0 or not text[starts[i]].islower() or not text[starts[i - 1]].islower():
        return False
    if text[ends[i - 1] : starts[i]] != " ":
        return False  # "droughts, storms,": a list
    word = norms[i]
    if (word in _PLURAL_NOUNS or word in _CLOSING_NOUNS) and not (
        word == "shows" and norms[i - 1] in _EVIDENCE_HEADS
    ):
        return False
    gap = text[ends[j - 1] : starts[j] if j < n else len(text)]
    return gap.lstrip(" \t")[:1] in (".", ",")


# 3sg forms that end a clause as plural nouns ("talk shows.", "personal insults,")
_CLOSING_NOUNS = word_set("shows challenges disputes insults jeers declines notes questions wonders")
# heads of findings that show something ("the poll shows.")
# compound nouns whose first word is a cue form ("think tank", "talk show", "report card")
_COMPOUND_HEADS = {"think": word_set("tank tanks"), "talk": word_set("show shows radio"),
                   "report": word_set("card cards")}
_EVIDENCE_HEADS = word_set("poll survey study analysis research data report records count")


def _after_plural(text: str, tokens: Tokens, i: int, j: int) -> bool:
    """Whether the lower-case base form at token ``i`` follows a plural noun and opens a that-clause.

    "But environmentalists worry that ...", "Republican strategists concede
    that ...", "some environmental groups acknowledge that ...": the plural
    noun (lower case, ending in "s" but not "ss", one space before the verb)
    is the subject; the caller asks the tagger whether it is a noun. Without
    the "that" the tagger decides ("records request with").
    """
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    if i == 0 or j >= len(norms) or norms[j] != "that" or not text[starts[i]].islower():
        return False
    prev = norms[i - 1]
    return (
        text[ends[i - 1] : starts[i]] == " "
        and text[starts[i - 1]].islower()
        and prev.endswith("s")
        and not prev.endswith("ss")
    )


def _always_tagged(tokens: Tokens, text: str) -> Callable[[int], str | None]:
    """The tag the tagger gives token ``i`` whatever its context (its tag dictionary), else None."""
    tagdict = load_tagger().tagdict
    starts, ends = tokens.starts, tokens.ends
    return lambda i: tagdict.get(text[starts[i] : ends[i]])


_LEXICON = attrgetter("lexicon")


def _according_to(tokens: Tokens) -> list[CueHit]:
    norms = tokens.norms
    if "according" not in norms:
        return []
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
    hits = matcher.find(text, tokens, exclude=cue_filter.excludes(text, tokens))
    return cue_filter.filter(text, tokens, hits)[1]


def _may_be_cue(text: str, tokens: Tokens, i: int, j: int, lemma: str, form: str) -> bool:
    """Whether the cue-lexicon hit on tokens ``i:j`` can be a verb, before its tag is read.

    The rules that need no tagger: a base or 3sg form after a determiner, a
    preposition or a possessive is a noun ("the state", "of attacks",
    "Trump's remarks"), unless that word is the end of a noun phrase that is
    its subject ("the companies all proposed", "those three agree", "no one
    objects") or an object before a bare infinitive ("let her know", "let's
    discuss"); words of a phrasal verb split by punctuation are not one verb.
    Whether a verb reports anything is :func:`framing.attribution.senses.reports`.
    """
    norms, starts, ends = tokens.norms, tokens.starts, tokens.ends
    if i and form in ("base", "3sg") and not subject_before(norms, i, form) and (
        norms[i - 1] in NOUN_BEFORE or (norms[i - 1].endswith("'s") and norms[i - 1] != "let's")
    ):
        return False  # "the state", "of attacks", "Trump's remarks": a noun (and no need to tag it)
    if j < len(norms) and norms[j] in _COMPOUND_HEADS.get(norms[j - 1], ()):
        return False  # "a liberal think tank", "talk radio": the first word of a compound noun
    return not (j > i + 1 and text[ends[i] : starts[j - 1]].strip(" \t\n-"))
