"""Quote finding: each cue's speaker and content, and quoted sentences without a cue.

The walk over a text of :func:`find_quotes`: the cues of
:mod:`framing.attribution.cues` in text order, for each its speaker (the
subject left of the cue, else the phrase right of it, resolved by
:mod:`framing.attribution.speakers`) and its content
(:mod:`framing.attribution.content`); then a quoted sentence with no cue of its
own continues the most recent attributed speaker in the same or the previous
paragraph.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from operator import attrgetter, itemgetter

from ..lexicon import Lexicon, Match
from ..text import Sentence, Tokens
from .content import (
    _ADDRESSEE_VERBS,
    _ADDRESSEES,
    _ADVERBIALS,
    _EVIDENCE,
    _GERUNDS_CUT,
    _NOT_A_BARE_CLAUSE,
    _TOPIC_PREPOSITIONS,
    _at_least,
    _clause_end,
    _content_left,
    _content_right,
    _ends_phrase,
    _main_subject,
    _opening_adverbial,
    _skip_adverbials,
    _trim,
    _widen_to_quote,
)
from .cues import CueHit, _find_cues
from .doc import _Doc
from .gazetteers import document_head
from .layout import (
    _according_source,
    _attribute_colon,
    _colon_cues,
    _comma_closed,
    _continue_speakers,
    _inverted_speaker,
    _kind,
    _question_end,
    _unattributed,
    _without_overlaps,
)
from .links import writer_outlet
from .marks import _QUOTE_CHARS
from .naming import _boilerplate_sentences, _naming_cues
from .phrases import (
    BETWEEN,
    DETERMINERS,
    phrase_after,
    subject_before,
    word_set,
)
from .records import Act, Cue, Quote, Speaker
from .senses import author_subject, other_sense
from .speakers import SpeakerResolver
from .tickers import in_ticker, link_tickers, ticker_subject, without_tickers

__all__ = ["find_quotes"]

_MAX_REACH = 1500  # characters around a cue searched for its speaker and content


def find_quotes(
    text: str,
    sentences: list[Sentence],
    tokens: Tokens,
    matches: Sequence[Match] | None = None,
    *,
    cues: Sequence[CueHit] | None = None,
    speaker_lexicons: Sequence[Lexicon] | None = None,
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
        over ``tokens`` that includes the speaker lexicons (as
        :class:`framing.Analyzer` finds them). Speaker categories are then
        read from those hits instead of matching each speaker phrase again;
        the result is the same. Hits of other lexicons are ignored. Default:
        speaker phrases are matched on their own.
    cues : sequence of CueHit, optional
        The reporting verbs used as verbs, as the lexicon stage found them
        (:class:`~framing.attribution.cues.CueFilter`). Default: found here
        with the shipped ``reporting_verbs`` lexicon.
    speaker_lexicons : sequence of Lexicon, optional
        The lexicons whose categories are source categories
        (``role="speakers"``). Default: the shipped ``source_roles``.

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
    if cues is None:
        cues = _find_cues(text, tokens) if len(tokens) else []
    naming = _naming_cues(doc)
    if naming:
        cues = sorted([*cues, *naming], key=attrgetter("i"))
    boilerplate = _boilerplate_sentences(doc)
    tickers = link_tickers(text)  # "Jane Q. DoeDoe unveils tax plan ... MORE": headlines, not the article's words
    resolver: SpeakerResolver | None = None
    quotes: list[Quote] = []
    # (end of the content, speaker) of each attribution, in text order
    said: list[tuple[int, Speaker]] = []
    seen: set[tuple[int, int]] = set()
    authors: set[int] = set()  # the quotes whose speaker is the author (ids): they hold their words, then go
    cue_tokens = {t for c in cues for t in range(c.i, c.j)}
    doc.cue_starts = [tokens.starts[c.i] for c in cues]
    events: list[tuple[int, CueHit | None]] = [(tokens.starts[c.i], c) for c in cues]
    events.extend((pos, None) for pos in _colon_cues(doc))
    events.sort(key=itemgetter(0))
    q_starts, q_ends = doc.q_starts, doc.q_ends
    for cs, c in events:
        k = bisect_right(q_starts, cs) - 1
        if k >= 0 and cs < q_ends[k]:  # doc.quote_at(cs) >= 0
            continue  # a cue inside a quotation belongs to the quoted speaker
        if (boilerplate and doc.sentence_of(cs).start in boilerplate) or (tickers and in_ticker(tickers, cs) >= 0):
            continue  # "By signing up, you agree to ...", a link ticker's headline
        if c is None:
            ce, lemma, stance = cs + 1, ":", "neutral"
            found = _attribute_colon(doc, cs)
        else:
            ce, lemma, stance = tokens.ends[c.j - 1], c.lemma, c.stance
            found = _attribute(doc, c, cue_tokens)
        if found is None:
            continue
        subject, contents = found
        if tickers:  # the words of a speaker or a content that run through a ticker
            contents = without_tickers(text, tickers, contents)
            if subject is not None:
                subject = ticker_subject(text, tokens, tickers, subject, lambda p: doc.sentence_of(p).start)
        speaker = None
        if subject is not None:
            if resolver is None:
                resolver = SpeakerResolver(text, tokens, matches, lexicons=speaker_lexicons)
            mention = resolver.resolve(*subject)
            if (mention is not None and mention.category == "other" and mention.kind == "person"
                    and mention.entity >= 0 and not document_head(mention.name.lower()) and c is not None
                    and c.lemma == "write" and writer_outlet(resolver, c.j) == "media"):
                # "Mitch Albom wrote in the Detroit Free Press": a writer for the outlet
                resolver.entities().add_speaker((mention.start, mention.end), mention.entity, mention.name,
                                                "media", mention.kind, named=True)
                mention = replace(mention, category="media")
            if mention is not None:  # else not a source ("the traffic", "doing")
                speaker = Speaker(
                    text[mention.start : mention.end],
                    mention.start,
                    mention.end,
                    mention.category,
                    mention.name,
                )
        # "I fear that it will not", "we asked": the author, no source; the words stay taken
        author = c is not None and author_subject(tokens, c.i, lambda p: doc.quote_at(p) >= 0, doc.transcript())
        cue = Cue(text[cs:ce], cs, ce, lemma, stance)
        act: Act = "speech" if c is None else c.act
        if act == "speech" and c is not None and (c.negated or c.lemma in _REFUSALS):
            act = "negated"  # "did not respond", "declined to name" (a belief stays one: "does not believe")
        for s, e in contents:
            if (s, e) in seen:
                continue  # one record per span: the first cue that claims it
            seen.add((s, e))
            quotes.append(Quote(s, e, text[s:e], _kind(doc, s, e), speaker, cue, act))
            if author:
                authors.add(id(quotes[-1]))
        if speaker is not None and contents and not author:
            said.append((max([e for _, e in contents]), speaker))
    _continue_speakers(doc, said, quotes)
    _unattributed(doc, quotes)
    quotes.sort(key=attrgetter("start", "end"))
    return [q for q in _without_overlaps(quotes) if id(q) not in authors]


def _attribute(
    doc: _Doc, c: CueHit, cue_tokens: set[int]
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

    if other_sense(text, toks, c.i, c.j, c.lemma, c.form, c.act):
        return None  # a verb that reports nothing: "said to have harbored", "would find"
    if c.lemma == "according to":
        subj = _according_source(doc, c.j, hi)
        if subj is None:
            return None  # "according to plan", "according to schedule": no source
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
    if participle and doc.last_subject is not None and doc.last_subject[0] == sent_start:
        # "“...,” Ramos said, referring to the Hispanic community": the speaker of
        # the cue before it in the same sentence
        subj = doc.last_subject[1]
    borrowed = subj is not None and participle  # the words before it are not this cue's
    after = c.j
    inverted = False
    if subj is None:
        cand = _inverted_speaker(doc, c, hi)  # "..., said Smith" / "“...,” said the minister"
        if cand is not None:
            subj, inverted, after = cand, True, cand[1]
    if (
        subj is not None
        and not inverted
        and c.form in ("past", "past_participle")
        and not _BE.isdisjoint(norms[subj[1] : c.i])
    ):
        # a passive: "The move was first reported by MSNBC", "it is said that"
        t = _skip_adverbials(doc, c.j, hi)
        if c.lemma in _PASSIVE_COMPLEMENTS:
            return _passive_complement(doc, c, t, hi, sent_end)
        if t < hi and norms[t] == "by":
            agent = phrase_after(text, toks, t + 1, hi)
            if agent is not None and c.lemma in _ACTION_PASSIVES:
                return None  # "was opposed by the NRA", "was attacked by": an act, not speech
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
        # "... and been accused of stealing": a passive, its subject is no speaker
        and (c.form not in ("past", "past_participle") or _BE.isdisjoint(norms[before + 1 : c.i]))
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
        t = tail
        if c.lemma in _ADDRESSEE_VERBS and t == after and t < hi and norms[t] in _ADDRESSEES:
            t += 2 if norms[t] in DETERMINERS else 1  # "told a crowd in Berea"
        if subj is not None and borrowed:
            right = _content_right(doc, c, after, tail, sent_end, cue_tokens, weak, evidence)
            return (subj, [right]) if right is not None else None
        if subj is not None and t < hi and norms[t] in _NOT_A_BARE_CLAUSE and not _at_least(norms, t):
            # "“...,” Kasich told a crowd in Berea.", "X, he said on MSNBC.": with
            # content before the speaker, the words after the cue are its setting
            left = _content_left(doc, doc.back_space(starts[subj[0]]), sent_start)
            if left is not None and not _opening_adverbial(doc, left):
                return subj, [left]
            if left is not None:
                # "In one memorable moment, Sanders declared on national television that
                # ...": the words before the speaker set the scene; the content is a
                # that-clause or quote after the cue, or what a topic preposition opens
                right = _content_right(doc, c, after, tail, sent_end, cue_tokens, weak, evidence)
                if right is None or not (
                    text.startswith("that", right[0])
                    or doc.quote_starting(right[0]) >= 0
                    or norms[t] in _TOPIC_PREPOSITIONS
                ):
                    return None
                return subj, [right]
        if subj is not None and (t >= n or norms[t] != "that") and doc.quote_starting(nxt) < 0:
            # "“...,” Jim Bennett, 57, told a voter passing by.": a quotation closed by a
            # comma just before the speaker is the content; the words after the cue are its setting
            left = _content_left(doc, doc.back_space(starts[subj[0]]), sent_start)
            if (
                left is not None
                and doc.quote_ending(left[1]) >= 0
                and _comma_closed(text, left[1])
                # the quotation opens the sentence: not a title ("on Fox's \u201cHannity,\u201d Gingrich said if")
                and not text[sent_start : left[0]].strip()
            ):
                return subj, [left]
        right = _content_right(doc, c, after, tail, sent_end, cue_tokens, weak, evidence)
        if right is None:
            return None
        if subj is None and not (
            text.startswith("that", right[0])
            or doc.quote_starting(right[0]) >= 0
            or (c.lemma == "ask" and norms[doc.tok_at(right[0])] in _QUESTION_WORDS)
        ):
            # a passive or subjectless cue: "that"-clauses and quotes only, and the
            # question of "Asked whether he would run, Smith said ..."
            return None
        if subj is None and c.lemma == "ask":
            right = (right[0], _question_end(doc, *right))
        return subj, [right]
    if subj is None or borrowed:
        return None
    if not inverted and nxt < tlen and text[nxt] in ",\u2014\u2013":
        late = _late_that(doc, after, hi, sent_end)
        if late is not None:
            # "He believes, for example, that ...", "Manafort said \u2014 on Twitter, as
            # it happens \u2014 that ...": a that-clause after an aside
            return subj, [late]
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
        elif text[nxt] == ",":
            t = doc.tok_at(start)
            # "The economy, Smith said, is weak."
            # after an inverted speaker only an auxiliary goes on with the clause ("The economy,
            # said Smith, is weak."); "..., says John Smith, a professor at Yale" is his apposition
            split = (left is not None and doc.quote_at(left[0]) < 0 and (
                not inverted or (t < n and norms[t] in _CLAUSE_GOES_ON))) or (
                left is None and not inverted and subj[0] > 0 and norms[subj[0] - 1] == "as"
            )
            # "Rubio says, win or lose in the primary, he's staying in the race."
            opening = (
                left is None
                and not inverted
                and c.act == "speech"
                and c.form in ("past", "3sg")
                and not text[sent_start : starts[subj[0]]].strip(_QUOTE_CHARS + " \t\n")
                and t < n
                and norms[t] not in _NOT_AFTER_COMMA
            )
            if (split or opening) and t < n and norms[t] not in _GERUNDS_CUT and norms[t] != "according":
                s, e = _trim(text, start, _clause_end(doc, start, sent_end))
                if e > s:
                    contents.append((s, e))
    return (subj, contents) if contents else None


def _late_that(doc: _Doc, after: int, hi: int, sent_end: int) -> tuple[int, int] | None:
    """The that-clause after a short aside set off by commas or dashes, else None."""
    toks, text = doc.tokens, doc.text
    norms, starts, ends = toks.norms, toks.starts, toks.ends
    for t in range(after, min(hi, after + _MAX_ASIDE)):
        if t > after and text[ends[t - 1] : starts[t]].strip(" \t,\u2014\u2013"):
            return None
        if norms[t] == "that":
            if t == after or not text[ends[t - 1] : starts[t]].strip():
                return None  # no aside closed right before "that"
            s, e = _trim(text, starts[t], _clause_end(doc, starts[t], sent_end))
            return (s, e) if e - s > len("that ") else None
    return None


_MAX_ASIDE = 8  # tokens of an aside between a cue and its that-clause


def _passive_complement(
    doc: _Doc, c: CueHit, t: int, hi: int, sent_end: int
) -> tuple[tuple[int, int] | None, list[tuple[int, int]]] | None:
    """Content of a passive "asked" or "expected": the question or the "to"-clause after it.

    "Rubio was asked by moderator Gerard Baker whether ...": the asker (the
    agent) is the speaker and the question the content; "the actress was
    asked if ...", "Rubio was asked to name ...", "It is expected to rise":
    no speaker.
    """
    text, toks = doc.text, doc.tokens
    norms, starts = toks.norms, toks.starts
    agent = None
    if t < hi and norms[t] == "by":
        agent = phrase_after(text, toks, t + 1, hi)
        if agent is None:
            return None
        t = _skip_adverbials(doc, agent[1], hi)
    if t >= hi:
        return None
    if c.lemma == "ask" and doc.quote_starting(doc.skip_space(toks.ends[t - 1], " \t,:")) >= 0:
        k = doc.quote_starting(doc.skip_space(toks.ends[t - 1], " \t,:"))
        return agent, [doc.spans[k]]
    if norms[t] != "to" and not (c.lemma == "ask" and norms[t] in _QUESTION_WORDS):
        return None  # "was asked about it", "is expected Tuesday"
    s, e = _trim(text, starts[t], _clause_end(doc, starts[t], sent_end))
    if c.lemma == "ask" and norms[t] != "to":
        e = _question_end(doc, s, e)
    return (agent, [(s, e)]) if e - s > 3 else None


# cues whose passive reports a question or an expectation, not the subject's words
_PASSIVE_COMPLEMENTS = word_set("ask expect")


_BE = word_set("is are was were been being be am")
# words after "Smith said," that start something other than the reported clause
_NOT_AFTER_COMMA = word_set(
    "and but or as while when before after because though although so then which who whom where adding"
)
# auxiliaries that carry a clause on past an inverted attribution in its middle
_CLAUSE_GOES_ON = word_set("is are was were will would could should can may might must has have had does do did")
_QUESTION_WORDS = word_set("if whether who whom whose what which when where why how")
# verbs whose passive agent acts rather than speaks ("was opposed by the NRA", "was backed by")
_ACTION_PASSIVES = word_set("oppose attack support back challenge contest maintain post answer seek prefer tout")
# cues whose object is the addressee: "“...,” told Fox News" is no inversion (Fox News is not the speaker)
_OBJECT_PRONOUNS = word_set("me him her us them you")
# cues that report an act not done: "declined to name the reseller", "refused to say"
_REFUSALS = word_set("decline refuse")
