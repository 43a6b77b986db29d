"""Attributions the layout of a text makes: colons, continued speakers, bare quotations.

The parts of :func:`framing.attribution.find_quotes` that read where words
stand rather than a reporting verb: a "Name: content" colon cue (headlines,
transcripts); a quoted sentence with no cue of its own that continues the
most recent speaker nearby; a long quotation no attribution took; the rule
that keeps no two quotes sharing a word; and what the quotation marks say
about a content (its kind, where a question or a comma-closed quotation ends).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter

from ..text import Tokens
from ..types import QuoteKind
from .content import _SUBJECT_PRONOUNS, _ends_phrase, _quote_or_mixed, _trim
from .cues import _CueHit
from .doc import _Doc
from .gazetteers import page_label, people_head
from .marks import _QUOTE_CHARS
from .phrases import _PREPOSITIONS, _STOP, DETERMINERS, phrase_after, word_set
from .records import Quote, Speaker

__all__: list[str] = []


def _without_overlaps(quotes: list[Quote]) -> list[Quote]:
    """The quotes (sorted by start) with no two sharing a character.

    Of two overlapping quotes, the one whose content holds the other's cue
    is the outer reported clause and is kept: in "Critics slammed the
    reckless plan, officials said." the words are what officials said, and
    "slammed" is a cue inside them. When neither or both hold the other's
    cue, the longer is kept, then the leftmost. Each quote is pushed and
    popped at most once: linear in the number of quotes.
    """
    kept: list[Quote] = []
    for q in quotes:
        while kept and q.start < kept[-1].end:
            if _outranks(kept[-1], q):
                break
            kept.pop()
        else:
            kept.append(q)
    return kept


def _holds_cue(outer: Quote, inner: Quote) -> bool:
    return inner.cue is not None and outer.start <= inner.cue.start < outer.end


def _outranks(a: Quote, b: Quote) -> bool:
    """Whether ``a`` is kept over ``b`` (they overlap, ``a`` starts first)."""
    a_holds, b_holds = _holds_cue(a, b), _holds_cue(b, a)
    if a_holds != b_holds:
        return a_holds
    return a.end - a.start >= b.end - b.start


_COLON = re.compile(r":[ \t]+(?=[^\s\d])")  # after a word character, checked in _colon_cues
_WORD_CHAR = re.compile(r"\w")
# words that make a name before a colon a label ("Update: ...", "Photo: ..."); whole labels
# ("Translation", "Why It Matters") are page labels of the labels gazetteer
_COLON_LABELS = word_set(
    """
    note update editor editors correction clarification disclosure photo photos image
    images video watch listen read see related source sources credit caption warning
    advertisement tags share email subscribe follow contact click sign breaking live
    transcript question answer q a part chapter step example summary bottom line
    background context why what how who when where winner winners loser losers quicklist
    title text bulletin photographer graphic graphics scoop verdict
    """
)
_MAX_COLON_NAME = 6
_VIDEO_LABELS = word_set("just must")  # "JUST WATCHED", "MUST WATCH" before a video's title
# an imperative before a colon gives the author's example, not a speaker: "Consider World War II: ..."
_EXAMPLE_VERBS = word_set("consider take remember imagine recall witness")
# a question word after a colon makes a heading: "ACA Insurers In The Supreme Court: Why Consumers ...",
# "CORONAVIRUS: WHAT YOU NEED TO KNOW"
_HEADING_AFTER = re.compile(r"(?:Why|How|What|When|Where|Who|Which|WHY|HOW|WHAT|WHEN|WHERE|WHO|WHICH)\s")
# what may stand before the name of a colon cue: spaces, dashes, opening quotes
# (a token always holds a character outside this class)
_NOT_HEAD = re.compile("[^ \t\\-\u2014\u2013\"'\u201c\u2018]")


def _colon_cues(doc: _Doc) -> list[int]:
    """Offsets of colons that attribute what follows to a name at the start of a
    line or sentence: headlines ("Kasich: 'We will go all the way'"), transcripts
    ("TRUMP: The deaths ..."); also after a dash that ends a headline ("... FOR THE
    FIRST TIME - Jeffrey M. Jones: ...") and after "From" ("More from the report: ...")."""
    text, toks = doc.text, doc.tokens
    out = []
    for m in _COLON.finditer(text):
        pos = m.start()
        if not pos or _WORD_CHAR.match(text, pos - 1) is None:
            continue
        t = bisect_left(toks.starts, pos) - 1
        if t < 0 or toks.ends[t] != pos:
            continue
        if _colon_name(doc, pos) is not None:
            out.append(pos)
    return out


_SEPARATORS = (" - ", " \u2014 ", " \u2013 ")  # a dash between a headline and a name
_NAME_JOINERS = frozenset(["of", "and", "the", "for", "de", "al", "to"])
_MAX_HEADLINE_NAME = 10  # tokens before a colon when a preposition ends the name early
_MAX_NAME_CHARS = 200  # characters between a headline's dash and its colon


def _colon_name(doc: _Doc, pos: int) -> tuple[int, int] | None:
    """Token span of the name a colon at ``pos`` attributes to, or None when it attributes nothing.

    The name starts the line or sentence (or follows a headline's dash, or
    "From" / "More from"); it has at most six capitalised words (joined by
    "of", "and", "the", "to", ...), or up to ten in a headline whose name
    ends at a preposition ("Obama To Asians Worried About U.S. Election:");
    after "From" any short noun phrase ("From the report:"). Labels
    ("Update:", "Photo:") are no names.
    """
    text, toks = doc.text, doc.tokens
    norms = toks.norms
    t = bisect_left(toks.starts, pos) - 1
    begin = max(doc.line_start(pos), doc.sentence_of(pos).start)
    for sep in _SEPARATORS:
        # the name after a headline's dash is short: look no further back (linear on run-on text)
        cut = text.rfind(sep, max(begin, pos - _MAX_NAME_CHARS), pos)
        if cut >= 0:
            begin = cut + len(sep)
    first = doc.tok_at(begin)
    if first > t or t - first + 1 > _MAX_HEADLINE_NAME + 2:
        return None  # more than a short name (and "More from") before the colon
    if _NOT_HEAD.search(text, begin, toks.starts[first]):
        return None
    if norms[first] == "according":
        return None  # "According to HuffPo: ...": the cue is "according to"
    if norms[first] in _EXAMPLE_VERBS or _HEADING_AFTER.match(text, doc.skip_space(pos + 1)):
        return None  # "Consider World War II: ...", "... Court: Why Consumers Should Pay Attention"
    while first < t and norms[first] in _VIDEO_LABELS and norms[first + 1] in _VIDEO_LABELS | {"watch", "watched"}:
        first += 1  # "JUST WATCHED Obama: ...", "MUST WATCH Obama: ...": a video's title, the name after the label
    if first < t and norms[first] in ("watch", "watched"):
        first += 1
    after_from = False
    if norms[first] == "more" and first + 1 < t and norms[first + 1] == "from":
        first, after_from = first + 2, True
    elif norms[first] == "from" and first < t:
        first, after_from = first + 1, True
    last = t + 1
    for u in range(first + 1, t + 1):
        if norms[u] in _PREPOSITIONS:
            last = u  # "Obama On Russian Hacking: ...": a headline; the name is before "On"
            break
    limit = _MAX_HEADLINE_NAME if last - first <= 3 else _MAX_COLON_NAME
    if t - first + 1 > limit:
        return None  # more than a short name before the colon
    if after_from:
        if t - first + 1 > _MAX_COLON_NAME or norms[t] in _COLON_LABELS:
            return None
        return (first, t + 1)
    if any(
        not _capitalised(text, toks.starts[k], toks.ends[k]) and norms[k] not in _NAME_JOINERS
        for k in range(first, t + 1)
    ):
        return None
    if norms[first] in _COLON_LABELS or norms[t] in _COLON_LABELS or norms[first] in ("of", "and", "to"):
        return None
    if page_label(text[toks.starts[first + (norms[first] == "the" and first < t)] : toks.ends[t]]):
        return None  # the author's label, kept in the labels gazetteer: "Translation:", "The Bottom Line:"
    return (first, last)


def _capitalised(text: str, start: int, end: int) -> bool:
    return text[start].isupper()


def _attribute_colon(
    doc: _Doc, pos: int
) -> tuple[tuple[int, int] | None, list[tuple[int, int]]] | None:
    """Speaker and content of a "Name: content" colon cue."""
    text = doc.text
    name = _colon_name(doc, pos)
    if name is None:
        return None
    start = doc.skip_space(pos + 1)
    end = doc.sentence_of(start).end
    k = doc.quote_starting(start)
    content = _quote_or_mixed(doc, k, end) if k >= 0 else _trim(text, start, end)
    if content[1] <= content[0]:
        return None
    if k < 0 and _names_its_topic(doc, name, content):
        return None  # "Ebola: Ebola also hit the campaign trail": a heading, its topic no speaker
    return name, [content]


def _names_its_topic(doc: _Doc, name: tuple[int, int], content: tuple[int, int]) -> bool:
    """Whether the last word of a colon's name comes back in the words after it (a topic heading)."""
    toks = doc.tokens
    last = toks.norms[name[1] - 1]
    if len(last) < 3:
        return False
    lo, hi = bisect_left(toks.starts, content[0]), bisect_left(toks.starts, min(content[1], content[0] + 300))
    return any(toks.norms[k] in (last, last + "'s") for k in range(lo, hi))


def _continue_speakers(doc: _Doc, said: list[tuple[int, Speaker]], quotes: list[Quote]) -> None:
    """Give quoted sentences without a cue to the previous speaker nearby.

    A quote that starts a sentence, holds at least three words and has no cue
    continues the speaker of the closest attribution before it, when that
    attribution ends in the same or the previous paragraph. A quote given a
    speaker this way is itself the closest attribution for the quotes after
    it, unless an attribution ends after its start (one binary search per
    quote: linear in the number of quotes).
    """
    if not said:
        return
    said.sort(key=itemgetter(0))
    ends = [e for e, _ in said]
    text = doc.text
    used, sentences, sent_starts = doc.used, doc.sentences, doc.sent_starts
    tok_starts = doc.tokens.starts
    last: tuple[int, int, Speaker] | None = None  # start, end and speaker of the last one given
    for k, (s, e) in enumerate(doc.spans):
        if used[k]:
            continue
        sent_start = sentences[max(0, bisect_right(sent_starts, s) - 1)].start  # doc.sentence_of(s)
        p = s
        while p > sent_start and text[p - 1] in " \t\u2014-":
            p -= 1
        if p > sent_start:
            continue  # a quote inside a sentence: a scare quote or a title
        if bisect_left(tok_starts, e) - bisect_left(tok_starts, s) < 3:
            continue
        i = bisect_right(ends, s) - 1
        if last is not None and (i < 0 or ends[i] <= last[0]):
            _, last_end, speaker = last
        elif i >= 0:
            last_end, speaker = said[i]
        else:
            continue
        if doc.paragraph_of(s) - doc.paragraph_of(last_end) > 1:
            continue
        used[k] = True
        quotes.append(Quote(s, e, text[s:e], "direct", speaker, None))
        last = (s, e, speaker)


def _unattributed(doc: _Doc, quotes: list[Quote]) -> None:
    """Add the long quotations no attribution took, as direct quotes with no speaker.

    A quotation of at least :data:`_MIN_UNATTRIBUTED` words that no quote
    overlaps is someone's words even where the text does not say whose
    (after a colon: "Then, the laugh line: “...”"; inside a sentence:
    "The people of Scranton “deserve someone who’s with them ...”"): on
    PolNeAR train 123 of 131 such quotations are gold contents. Shorter ones
    are mostly scare quotes and titles (capitalised: 30 of 93 gold with
    three to six words) and are left out, except fragments of three words or
    more that read as a clause someone said (:func:`_spoken_fragment`: "he
    would \u201cnot let them win\u201d"); a lower-case noun phrase ("\u201cweapons of
    mass destruction\u201d") is a scare quote. One pass over the
    quotations and the quotes (both sorted): linear.
    """
    if not doc.spans:
        return
    taken = sorted((q.start, q.end) for q in quotes)
    text, tok_starts = doc.text, doc.tokens.starts
    i = 0
    for k, (s, e) in enumerate(doc.spans):
        if doc.used[k]:
            continue
        while i < len(taken) and taken[i][1] <= s:
            i += 1
        if i < len(taken) and taken[i][0] < e:
            continue  # part of a quote already (or overlapping one)
        words = bisect_left(tok_starts, e) - bisect_left(tok_starts, s)
        if words < _MIN_UNATTRIBUTED and not (words >= _MIN_FRAGMENT and _spoken_fragment(doc, s, e)):
            continue
        doc.used[k] = True
        quotes.append(Quote(s, e, text[s:e], "direct", None, None))


_MIN_UNATTRIBUTED = 7  # words of a quotation taken as a quote with no attribution
_MIN_FRAGMENT = 3  # words of a shorter one that starts in lower case


def _spoken_fragment(doc: _Doc, s: int, e: int) -> bool:
    """Whether the short quotation ``text[s:e]`` is a fragment of someone's sentence: it
    starts in lower case and holds a pronoun or an auxiliary ("said he would “not let
    them win”"), or ends in a sentence mark inside its closing mark ("a “regional
    candidate of the South.”"). A lower-case noun phrase ("“weapons of mass
    destruction”") is a scare quote."""
    text = doc.text
    inner = text[s:e].strip(_QUOTE_CHARS + " ")
    if not inner or not inner[0].islower():
        return False
    if inner[-1] in ".,?!…":
        return True
    first, last = doc.tok_at(s), doc.tok_at(e)
    return not _CLAUSE_WORDS.isdisjoint(doc.tokens.norms[first:last])


# pronouns and auxiliaries: a quoted fragment holding one is a clause someone said
_CLAUSE_WORDS = word_set(
    """
    i we you he she they it my our your his their is are was were be been will would can
    could should must have has had do does did not n't i'm we're it's that's there's
    """
)


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


def _question_end(doc: _Doc, s: int, e: int) -> int:
    """End of the question in ``text[s:e]`` of a subjectless "asked": its first comma
    outside quotation marks, or a quotation closed by a comma ("Asked whether Clinton
    “has the integrity,” 75 percent said ...")."""
    text = doc.text
    comma = text.find(",", s, e)
    while comma >= 0:
        k = doc.quote_at(comma)
        if k < 0:
            return comma
        q_end = doc.spans[k][1]
        if not text[comma + 1 : q_end].strip(_QUOTE_CHARS):
            return min(q_end, e)
        comma = text.find(",", q_end, e)
    return e


def _comma_closed(text: str, end: int) -> bool:
    """Whether the quotation ending at ``end`` closes with a comma (',”', '”,', ",''")."""
    inside = text[max(0, end - 3) : end].rstrip(_QUOTE_CHARS)
    return inside.endswith(",") or text[end : end + 1] == ","


# cues whose phrase after them is the addressee, never an inverted speaker ("told Smith")
_NO_INVERSION = word_set("tell inform notify brief email text")


def _inverted_speaker(doc: _Doc, c: _CueHit, hi: int) -> tuple[int, int] | None:
    """The speaker after the cue ``c`` in "..., said Smith" or "“...,” said the minister", or None.

    The cue follows a comma, a closing quote mark, "?", "!" or a dash; the
    noun phrase after it starts with a determiner, a capital or a subject
    pronoun and ends at punctuation. After a quotation closed by a comma
    ("“...,” said a longtime adviser to Trump, who declined to be
    identified"), which nothing but its attribution follows, the phrase may
    go on with a modifier ("to Trump", "who ...", "involved in ...").
    """
    text, toks = doc.text, doc.tokens
    norms, starts = toks.norms, toks.starts
    cs = starts[c.i]
    prev_end = doc.back_space(cs)
    prev = text[prev_end - 1] if prev_end else ""
    if prev not in ",\u201d\"'\u2019?!\u2014" or c.form == "gerund" or c.lemma in _NO_INVERSION:
        return None
    cand = phrase_after(text, toks, c.j, hi)
    if cand is None or not (
        norms[cand[0]] in DETERMINERS or text[starts[cand[0]]].isupper() or norms[cand[0]] in _SUBJECT_PRONOUNS
        or _described_name(text, toks, *cand)
    ):
        return None
    if _ends_phrase(doc, cand[1]):
        return cand
    closed = prev in _QUOTE_CHARS and doc.quote_ending(prev_end) >= 0 and _comma_closed(text, prev_end)
    return cand if closed and c.form in ("past", "3sg") and norms[cand[0]] not in _SUBJECT_PRONOUNS else None


_MAX_DESCRIPTION = 3  # lower-case words before an inverted speaker's name ("said former state senator")


def _described_name(text: str, toks: Tokens, i: int, j: int) -> bool:
    """Whether tokens ``[i, j)`` are a few lower-case words and a name after them.

    "“...,” wrote columnist Jane Doe", "said former President Barack Obama",
    "said spokesman John Smith": a role or description before a name, an
    inverted speaker as "said the minister" is.
    """
    starts, norms = toks.starts, toks.norms
    k = i
    while k < j and text[starts[k]].islower():
        if norms[k] in _STOP or not norms[k].replace("-", "").isalpha():
            return False
        k += 1
    return 0 < k - i <= _MAX_DESCRIPTION and k < j and text[starts[j - 1]].isupper()


# the rest of a name after "and" or "&", up to the comma or full stop that ends it
_NAME_TAIL = re.compile(r"(?:,? (?:and|&) (?:(?:of|for|the) )?[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)(?=[,;.:]?(?:\s|$))")
_OBJECT_PRONOUNS = word_set("him her them us me")
_MAX_SOURCE_RUN = 5  # lower-case words of a source after "according to" ("media buying sources")
_POSSESSIVES = word_set("his her their its our my your")
_MEASURES = word_set("standard standards logic reasoning definition definitions criteria yardstick calculus reckoning")


def _according_source(doc: _Doc, j: int, hi: int) -> tuple[int, int] | None:
    """The source phrase after "according to" (its tokens start at ``j``), or None.

    A single lower-case word is a source only as a pronoun ("according to
    him"), a plural ("according to officials") or a word for people
    ("according to someone in attendance"), not "according to plan". A
    lower-case run the noun-phrase reader stops short of ("media buying
    sources", whose "buying" reads as a verb) is taken to the punctuation
    that ends it when its last word is a plural or a word for people.
    A possessive's measure ("according to the president's standards of
    fairness", "according to his own logic") is the author's yardstick, no source.
    """
    text, toks = doc.text, doc.tokens
    norms, starts, ends = toks.norms, toks.starts, toks.ends
    for k in range(j, min(hi, j + _MAX_SOURCE_RUN) - 1):
        if norms[k] in _POSSESSIVES or norms[k].endswith(("'s", "\u2019s", "s'")):
            m = k + 2 if norms[k + 1] == "own" else k + 1
            if m < hi and norms[m] in _MEASURES:
                return None  # "according to the president's standards": a yardstick
    subj = phrase_after(text, toks, j, hi)
    if subj is not None and text[starts[subj[1] - 1]].isupper():
        tail = _NAME_TAIL.match(text, ends[subj[1] - 1])
        if tail and tail.end() <= (starts[hi] if hi < len(starts) else len(text)):
            # "the Centers for Disease Control and Prevention,": the name goes on after "and"
            return (subj[0], bisect_left(starts, tail.end(), subj[1]))
    if subj is None or subj[1] - subj[0] != 1 or not text[starts[subj[0]]].isalpha():
        return subj
    if not text[starts[subj[0]]].islower():
        return subj
    k = subj[1]
    while (k < hi and k - subj[0] < _MAX_SOURCE_RUN and text[ends[k - 1] : starts[k]] == " "
           and text[starts[k]].islower() and norms[k].isalpha() and norms[k] not in _PREPOSITIONS):
        k += 1
    if k > subj[1] and _ends_phrase(doc, k) and (norms[k - 1].endswith("s") or people_head(norms[k - 1])):
        return (subj[0], k)
    word = norms[subj[0]]
    if word in _SUBJECT_PRONOUNS or word in _OBJECT_PRONOUNS or word.endswith("s") or people_head(word):
        return subj
    return None
