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
from dataclasses import dataclass
from itertools import compress
from typing import Any

from ..lexicon import load_lexicon
from ..text import Tokens
from .doc import _Doc
from .marks import _QUOTE_CHARS
from .phrases import DETERMINERS, word_set

__all__: list[str] = []


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
