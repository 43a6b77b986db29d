"""Attributions the layout of a text makes: colons, continued speakers, bare quotations.

The parts of :func:`framing.attribution.find_quotes` that read where words
stand rather than a reporting verb: a "Name: content" colon cue (headlines,
transcripts); a quoted sentence with no cue of its own that continues the
most recent speaker nearby; a long quotation no attribution took; the rule
that keeps no two quotes sharing a word; and what the quotation marks say
about a content (its kind, where a question or a comma-closed quotation ends).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import itemgetter

from ..types import QuoteKind
from .content import _quote_or_mixed, _trim
from .cues import _colon_name
from .doc import _Doc
from .marks import _QUOTE_CHARS
from .phrases import word_set
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
    return name, [content]


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
