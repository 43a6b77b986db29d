"""Content spans: the words a cue reports.

A quote next to the cue ("..." Smith said / Smith said: "..."); a clause after
the cue (optionally after "that", an addressee: "told reporters that", or a
time: "announced on Thursday that"); a clause before "..., Smith said." The
helpers here find where such a clause starts and ends, and the subject of the
main clause a participle or coordinated cue depends on.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .calendar import MONTHS as _MONTHS
from .calendar import TIMES as _TIMES
from .cues import _CueHit
from .doc import _Doc
from .marks import _QUOTE_CHARS
from .phrases import _PREPOSITIONS, DETERMINERS, phrase_after, word_set

__all__ = ["MAX_CLAUSE_CHARS"]


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
_TERMINAL = ".!?;:,\u2026 \t\n\r"


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


MAX_CUES_IN_CLAUSE = 15
"""Reporting verbs a reported clause may hold before the next one ends it."""
MAX_CLAUSE_CHARS = 2_000
"""Longest reported clause (indirect speech) taken, in characters: real ones are
far shorter, and the cap keeps the output linear on text with no sentence ends."""


def _clause_end(doc: _Doc, pos: int, limit: int) -> int:
    """End of the reported clause starting at ``pos``: the sentence end, or a
    following ", according to" or ", saying ..." attribution."""
    limit = min(limit, pos + MAX_CLAUSE_CHARS)
    # a clause holding more reporting verbs than any real one does (at most 7 in 4,211 news texts)
    # is a run-on of attributions: stop before the next one, so output stays small on hostile text
    cues = doc.cue_starts
    k = bisect_right(cues, pos) + MAX_CUES_IN_CLAUSE
    if k < len(cues) and cues[k] < limit:
        limit = cues[k]
    cut = _clause_cut(doc, pos, limit)
    if cut >= 0:
        limit = cut
    cut = _trailing_attribution(doc, pos, limit)
    if cut >= 0:
        limit = cut
    # "... and said", "... but told": a coordinated cue starts a new attribution
    cues, cuts = doc.coordinated_cues()
    k = bisect_left(cues, pos + 1)
    if k < len(cues) and cues[k] < limit:
        limit = cuts[k]
    # ", and aides said": a coordinated clause with its own subject and cue
    cues = doc.cue_starts
    k = bisect_right(cues, pos)
    if k < len(cues) and cues[k] < limit:
        found = _COORDINATED_SUBJECT.search(doc.text, max(pos, cues[k] - 60), cues[k])
        if found is not None and found.end() == cues[k] and doc.quote_at(found.start()) < 0:
            limit = found.start()
    return limit


_MAX_TRAILING_WORDS = 6  # words of the speaker in a closing ", officials said" / ", said Smith"
# words that start a relative or coordinated clause, not the subject of a closing attribution
_NOT_A_SUBJECT = word_set("where which who whom whose when while as if that and but or so because although")


def _trailing_attribution(doc: _Doc, pos: int, limit: int) -> int:
    """Start of a closing attribution of another cue in ``text[pos:limit]``, else -1.

    "Critics slammed the plan, officials said.": the content of "slammed"
    ends at the comma, since what follows attributes the whole clause to
    someone else. Two shapes close a clause: a comma, a short subject and the
    cue, then nothing but the end marks (", officials said."); or a comma,
    the cue and a short speaker (", said Smith.").
    """
    cues = doc.cue_starts
    text, toks = doc.text, doc.tokens
    k = bisect_right(cues, pos)
    while k < len(cues) and cues[k] < limit:
        c = cues[k]
        k += 1
        comma = text.rfind(",", max(pos, c - 200), c)
        if comma < 0 or doc.quote_at(c) >= 0 or doc.quote_at(comma) >= 0:
            continue  # a comma inside quotation marks belongs to the quotation
        if comma > pos and text[comma - 1].isdigit() and text[comma + 1 : comma + 2].isdigit():
            continue  # "10,000" is a number, not a clause break
        t = doc.tok_at(c)
        after = text[toks.ends[t]:limit]
        between = text[comma + 1:c]
        if not between.strip():  # ", said Smith."
            closing = (not toks.norms[t].endswith("ing")  # ", questioning witnesses": a list
                       and doc.tok_at(limit) - t - 1 <= _MAX_TRAILING_WORDS
                       and "," not in after and after.strip(_TERMINAL + _QUOTE_CHARS) != "")
        else:  # ", officials said."
            first = doc.tok_at(comma)
            closing = (t - first <= _MAX_TRAILING_WORDS and "," not in between
                       and toks.norms[first] not in _NOT_A_SUBJECT
                       and not after.strip(_TERMINAL + _QUOTE_CHARS))
        if closing:
            return comma
    return -1


def _clause_cut(doc: _Doc, pos: int, limit: int) -> int:
    """Start of the first ", saying"/", according to" outside quotes in ``text[pos:limit]``, else -1.

    The same as searching ``_CLAUSE_CUT`` from ``pos`` with ``limit`` as the
    end of the string (and again after each match inside a quote), read from
    the matches of the whole text, found once: a binary search instead of a
    scan of the rest of the sentence for each cue.
    """
    if doc.clause_cuts is None:
        starts: list[int] = []
        ends: list[int] = []
        for found in _CLAUSE_CUT.finditer(doc.text):
            starts.append(found.start())
            ends.append(found.end())
        # for each match, the next one (itself included) that is outside quotes
        outside = [len(starts)] * (len(starts) + 1)
        for k in range(len(starts) - 1, -1, -1):
            outside[k] = k if doc.quote_at(starts[k]) < 0 else outside[k + 1]
        doc.clause_cuts = (starts, ends, outside)
    starts, ends, outside = doc.clause_cuts
    k = outside[bisect_left(starts, pos)]
    if k < len(starts) and ends[k] <= limit:
        return starts[k]
    # A match can also end at ``limit`` itself where the text goes on with a
    # letter (", sayings" cut after "saying"): it starts at the last comma or
    # dash before ``limit``, since a match holds no other.
    p = max(doc.text.rfind(",", pos, limit), doc.text.rfind("\u2014", pos, limit))
    if p >= 0:
        m = _CLAUSE_CUT.match(doc.text, p, limit)
        if m is not None and m.end() == limit and doc.quote_at(p) < 0:
            return p
    return -1


def _quote_or_mixed(doc: _Doc, k: int, sent_end: int) -> tuple[int, int]:
    """A quote that starts the content: direct when nothing but punctuation
    follows it in the sentence, else the content runs to the sentence end."""
    s, e = doc.spans[k]
    rest = doc.text[e : max(e, sent_end)]
    if not rest.strip(_TERMINAL) or e >= sent_end:
        return (s, e)
    return _trim(doc.text, s, max(e, _clause_end(doc, e, sent_end)))


# ", and aides said", "; rivals deride it": a clause with its own subject and cue
_COORDINATED_SUBJECT = re.compile(r"(?:[,;]\s+(?:and|but)\s+|;\s+)(?:[\w'.-]+\s+){1,4}")


_SUBJECT_PRONOUNS = word_set("he she they it we i")
# verbs whose bare complement is reported content ("said the plan failed")
_CLAUSE_VERBS = word_set(
    """
    say tell think believe write argue insist add explain suggest contend predict hope
    fear know feel estimate maintain acknowledge claim allege warn announce declare
    assert admit concede deny note report confirm reveal recall stress emphasize
    emphasise reckon worry wonder charge want wish suspect assume see support back
    seek prefer
    """
)
# verbs with common non-speech senses ("spoke to voters", "maintained a lead",
# "posted a win", "found no record"): their content must be a quote, a colon or
# a "that"-clause.
_NEEDS_THAT = word_set(
    """
    speak prove maintain establish demonstrate detail brief contest challenge post show
    find feel continue answer advise email text highlight attack oppose estimate request
    expect guess project signal communicate illustrate
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
    """Whether punctuation (or a time adverbial, then punctuation) follows token ``t - 1``.

    Punctuation right after it ends the phrase whatever follows (", then the
    girlfriend of ...": "then" is no adverbial of the phrase).
    """
    toks = doc.tokens
    pos = doc.skip_space(toks.ends[t - 1])
    if pos >= len(doc.text) or doc.text[pos] in _PHRASE_ENDS:
        return True
    t = _skip_adverbials(doc, t, len(toks))
    pos = doc.skip_space(toks.ends[t - 1])
    return pos >= len(doc.text) or doc.text[pos] in _PHRASE_ENDS


_PHRASE_ENDS = ".,;:!?()\u2014\n"


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
    for _ in range(_MAX_SET_OFF):
        while t < cue and toks.norms[t] in _LEADING:
            t += 1
        if t < cue and toks.norms[t] in _OPENERS:
            # "Throughout the 2000s, Democrats ...", "Once he was president, Mr. Obama ...":
            # the subject comes after the opening adverbial
            t = _after_comma(doc, t, cue)
            continue
        span = phrase_after(text, toks, t, cue)
        if span is None or span[1] >= cue:
            return None
        first = toks.norms[span[0]]
        if not (
            first in DETERMINERS or first in _SUBJECT_PRONOUNS or text[toks.starts[span[0]]].isupper()
        ):
            return None
        # the phrase must be followed by a verb-like word; after a comma ("The day before,
        # Mr. Trump ...", "In May, ...") the subject is further on
        if text[toks.ends[span[1] - 1] : toks.starts[span[1]]].strip():
            t = _after_comma(doc, span[1] - 1, cue)
            continue
        return span
    return None


_MAX_SET_OFF = 4  # phrases set off by commas before a main subject
# words that open an adverbial before the subject of a sentence
_OPENERS = _PREPOSITIONS | word_set("once when whenever while although though because if as throughout")


def _after_comma(doc: _Doc, t: int, cue: int) -> int:
    """The token after the first comma (outside quotes) at or after token ``t``, else ``cue``."""
    toks, text = doc.tokens, doc.text
    for k in range(t + 1, cue):
        if "," in text[toks.ends[k - 1] : toks.starts[k]] and doc.quote_at(toks.starts[k]) < 0:
            return k
    return cue


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
    limit = min(n, after + 8)
    while t < limit and starts[t] < sent_end and t not in cue_tokens:
        if t > after and text[ends[t - 1] : starts[t]].strip(" \t,"):
            break
        if norms[t] == "that":
            s, e = _trim(text, starts[t], _clause_end(doc, starts[t], sent_end))
            return (s, e) if e - s > len("that ") else None
        t += 1
    if (
        cue.act == "speech"
        and cue.lemma in _TOPIC_VERBS
        and after < n
        and norms[after] == "about"
        and starts[after] < sent_end
        and after + 1 < n
    ):
        # "spoke about the importance of self-love", "has spoken about the need for ...":
        # the topic of the speech is its content
        s, e = _trim(text, starts[after + 1], _clause_end(doc, starts[after + 1], sent_end))
        return (s, e) if e > s else None
    # a base form after "to" ("to discuss", "will continue to call") needs a that-clause or
    # a quotation; a present-tense form after its subject ("rivals deride it as ...",
    # "He calls for $1 trillion") takes a bare clause like a past form
    infinitive = weak and cue.lemma not in _CLAUSE_VERBS and cue.i > 0 and norms[cue.i - 1] == "to"
    if (infinitive or cue.lemma in _NEEDS_THAT) and not (
        evidence and cue.lemma in ("show", "find", "suggest", "indicate", "reveal", "find")
    ):
        return None
    # a bare clause right after the cue (or after its addressee and time)
    t = tail
    if cue.lemma in _ADDRESSEE_VERBS and t < n and norms[t] in _ADDRESSEES and t == after:
        t += 2 if norms[t] in DETERMINERS else 1
    if t >= n or starts[t] >= sent_end:
        return None
    if (cue.act == "belief" and norms[t] in _NOT_A_CLAUSE) or (
        cue.lemma == "add" and _perfect(norms, cue.i)
    ):
        # "thinks about", "believes in": no clause; "has added hundreds of
        # miles of walls": an action, not a report
        return None
    start = starts[t]
    if start > 0 and text[start - 1] in _QUOTE_CHARS and doc.quote_starting(start - 1) >= 0:
        start -= 1
    s, e = _trim(text, start, _clause_end(doc, start, sent_end))
    return (s, e) if e > s else None


# speech verbs whose "about" phrase is what was said ("spoke about", "wrote about")
_TOPIC_VERBS = word_set("speak write ask complain brag boast joke testify warn tweet post comment")
# words that cannot start a bare reported clause ("thinks about", "believes in")
_NOT_A_CLAUSE = word_set("about in of for on with at from into over up")
# prepositions that open a setting after the cue ("said at a rally"); "to" is left out,
# since it opens the complement of want or seek
_NOT_A_BARE_CLAUSE = _PREPOSITIONS - {"to"}
_HAVE = word_set("has have had 've 's")


def _perfect(norms: list[str], i: int) -> bool:
    """Whether the cue at token ``i`` follows a form of "have" ("has added", "had also added")."""
    return (i > 0 and norms[i - 1] in _HAVE) or (i > 1 and norms[i - 2] in _HAVE)


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


def _at_least(norms: list[str], t: int) -> bool:
    """ "at least", "at most": a quantity opening a bare clause, not a setting."""
    return norms[t] == "at" and t + 1 < len(norms) and norms[t + 1] in ("least", "most")


def _opening_adverbial(doc: _Doc, span: tuple[int, int]) -> bool:
    """Whether ``span`` (words before a speaker, set off by a comma) is a time or setting
    that opens the sentence ("On Sunday", "Last week", "In a subsequent interview with
    The New York Times"), not reported words. A quotation never is."""
    if doc.quote_ending(span[1]) >= 0 or doc.quote_starting(span[0]) >= 0:
        return False
    t = doc.tok_at(span[0])
    if t >= len(doc.tokens):
        return False
    norm = doc.tokens.norms[t]
    return norm in _OPENERS or norm in _TIMES or norm in _MONTHS or norm in _TIME_OPENERS


_TIME_OPENERS = word_set("last this next earlier later yesterday today tonight meanwhile")
_TOPIC_PREPOSITIONS = word_set("about of on for")
