"""Sentences, word tokens and negation scope, with character offsets.

Everything here works on a plain ``str`` and returns offsets into that exact
string: ``text[start:end]`` is always the span's text. Nothing needs
downloaded data. The sentence splitter is rule based (terminal punctuation,
closing quotes and brackets, a shipped list of abbreviations and titles,
initials, paragraph breaks); its accuracy on the SemEval-2020 PTC training
articles is measured by ``benchmarks/sentences.py`` and pinned by a test.

The functions here are the reference implementation. When the package was
built with its compiled extension (``framing._text_core``, Cython), the
public functions run the compiled kernels instead, which give identical
output (``tests/test_compiled_identity.py``); :data:`COMPILED` says which is
in use, :func:`use_compiled` switches, and ``FRAMING_PURE_PYTHON=1`` in the
environment forces the reference from the start. A change to a reference
function needs the same change in the kernel (the identity test fails
otherwise); the word lists are shared, not copied.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from ._compiled import optional_extension
from ._validation import parameter_error

__all__ = [
    "COMPILED",
    "NEGATION_WINDOW",
    "NEGATORS",
    "Sentence",
    "Tokens",
    "count_words",
    "negated_at",
    "normalize_token",
    "sentence_index",
    "split_sentences",
    "tokenize",
    "use_compiled",
]


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence as a half-open character span ``[start, end)`` of its text.

    Examples
    --------
    >>> text = "It rained. We stayed in."
    >>> s = split_sentences(text)[1]
    >>> (s.start, s.end, text[s.start:s.end])
    (11, 24, 'We stayed in.')
    """

    start: int
    end: int


# Abbreviations after which a period never ends a sentence: titles and ranks
# that precede a name, and Latin or publishing abbreviations that are always
# followed by more of the sentence.
_NEVER_FINAL = frozenset(
    ["mr", "mrs", "ms", "mx", "dr", "prof", "rev", "fr", "sr", "jr", "st", "mt", "ft", "messrs", "mmes", "msgr", "hon", "pres", "gen", "lt", "col", "maj", "capt", "cpt", "cmdr", "cdr", "adm", "sgt", "cpl", "pvt", "brig", "gov", "sen", "rep", "reps", "sens", "supt", "insp", "det", "atty", "dist", "amb", "sec", "treas", "vs", "v", "cf", "e.g", "i.e", "viz", "approx", "appt", "dept", "est", "fig", "figs", "vol", "vols", "no", "nos", "op", "pp", "ca", "al"]
)

# Abbreviations that end a sentence only when the next word is a common
# sentence opener ("... in the U.S. The next day ...").
_USUALLY_INTERNAL = frozenset(
    ["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "corp", "co", "ltd", "llc", "bros", "plc", "ave", "blvd", "rd", "hwy", "ariz", "calif", "colo", "conn", "fla", "ill", "ind", "kan", "mass", "mich", "minn", "miss", "nev", "okla", "ore", "penn", "tenn", "wash", "wis", "wyo", "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "a.m", "p.m", "etc", "ph.d"]
)

_OPENERS = frozenset(
    ["a", "an", "the", "he", "she", "it", "its", "we", "they", "i", "you", "his", "her", "their", "our", "this", "that", "these", "those", "there", "here", "but", "and", "or", "so", "yet", "if", "when", "while", "after", "before", "as", "at", "in", "on", "for", "from", "with", "by", "to", "of", "what", "who", "why", "how", "where", "which", "no", "not", "nor", "some", "many", "most", "all", "both", "each", "every", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "mr", "mrs", "ms", "dr", "gen", "sen", "rep", "gov", "president", "officials", "police", "still", "however", "meanwhile", "instead", "now", "then", "later", "earlier", "also"]
)

# A candidate boundary: terminal punctuation, optional closing quotes and
# brackets, then whitespace; or a run of newlines with a blank line.
_BOUNDARY = re.compile(
    r"""
    (?<![.!?\u2026])                  # only at the start of a run, so that
    (?P<punct>[.!?\u2026]+)          # a long run is scanned once: linear time
    (?P<close>['"\u2019\u201d)\]]*)  # closing quotes or brackets
    (?P<space>\s+)                   # whitespace before the next sentence
    |
    (?P<para>\n[ \t\r\f\v]*\n\s*)    # a paragraph break
    |
    (?P<line>\n\s*)                  # a single line break
    """,
    re.VERBOSE,
)
# Every boundary starts at one of these characters. Scanning for them is a
# fast character-set search; the full pattern is then tried only there,
# instead of at every position of the text.
_BOUNDARY_START = re.compile(r"[.!?\u2026\n]")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.'\u2019-]*|\d[\w.]*)$")
# The characters _WORD_BEFORE's words are made of, matched backwards from the
# boundary (on the reversed text) to find where the last word can start.
_WORD_CHARS_REVERSED = re.compile(r"[\w.'\u2019-]*")
_NEXT_WORD = re.compile(r"['\"\u2018\u201c(\[]*([^\W_][\w'\u2019-]*)?")


def _boundaries(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_BOUNDARY.finditer(text)``, found about three times faster."""
    pos = 0
    match = _BOUNDARY.match
    for c in _BOUNDARY_START.finditer(text):
        start = c.start()
        if start < pos:  # inside the previous boundary
            continue
        m = match(text, start)
        if m is not None:
            pos = m.end()
            yield m


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    """Decide whether the candidate boundary ``m`` ends a sentence."""
    punct, close, _, para, line = m.groups()
    if para is not None:
        return True
    nxt = _NEXT_WORD.match(text, m.end())
    next_word: str | None = nxt.group(1) if nxt else None
    if line is not None:
        # A single line break: a heading or list line ends, a wrapped line
        # (previous line without terminal punctuation, next in lower case)
        # does not.
        before = text[max(0, m.start() - 64) : m.start()].rstrip()
        if not before:
            return False
        if before[-1] in ".!?:;\"'\u201d\u2019)]":
            return True
        return next_word is not None and not next_word[0].islower()
    if next_word is None:
        # Next is a symbol (a dash, a bullet, an ellipsis, a copyright
        # sign): a new sentence unless it continues the clause.
        following = text[m.end() : m.end() + 1]
        return following not in ",;:%)]}"
    first = next_word[0]
    if first.islower():
        return False
    if punct != "." or close:
        return True
    word = _word_before(text, m.start())
    if word is None:
        return True
    prev = word.group(1).lower().replace("\u2019", "'")
    if prev in _NEVER_FINAL:
        return False
    if len(prev) == 1 and prev.isalpha():
        # An initial ("J. Smith") or a lone letter ("Plan B. The ...").
        return word.group(1).islower() or next_word.lower() in _OPENERS
    if prev in _USUALLY_INTERNAL or (
        "." in prev and all(len(p) <= 2 for p in prev.split("."))
    ):
        return next_word.lower() in _OPENERS and not first.isdigit()
    return True


def _word_before(text: str, end: int) -> re.Match[str] | None:
    """``_WORD_BEFORE.search(text, max(0, end - 40), end)``, found faster.

    A match can start only inside the run of word characters that ends at
    ``end``, so the search starts there instead of trying each of the 40
    positions. (When no word character precedes ``end``, the full search is
    kept: ``$`` also matches before a final newline.)
    """
    lo = max(0, end - 40)
    run = _WORD_CHARS_REVERSED.match(text[end - 1 : lo - 1 if lo else None : -1]) if end else None
    if run is not None and run.end():
        lo = end - run.end()
    return _WORD_BEFORE.search(text, lo, end)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with character offsets.

    Sentences are trimmed of surrounding whitespace; whitespace-only text has
    no sentences. Paragraph breaks always end a sentence.

    Parameters
    ----------
    text : str
        The text to split, exactly as it will be indexed.

    Returns
    -------
    list of Sentence
        Spans in text order, non-overlapping.

    Examples
    --------
    >>> text = 'Gen. Dempsey met Sen. Smith in the U.S. on Jan. 5. "We are not there yet." He left.'
    >>> [text[s.start:s.end] for s in split_sentences(text)]
    ['Gen. Dempsey met Sen. Smith in the U.S. on Jan. 5.', '"We are not there yet."', 'He left.']
    """
    if not isinstance(text, str):
        raise TypeError(f"split_sentences expects a str. Got {type(text).__name__} instead.")
    global _last_split
    last_text, last_sentences = _last_split
    if text is last_text:  # the stages of one document ask for the same text's sentences
        return list(last_sentences)
    if COMPILED and type(text) is str:
        sentences: list[Sentence] = _core.split_sentences(text)
    else:
        sentences = _split_sentences_reference(text)
    _last_split = (text, tuple(sentences))
    return sentences


def _split_sentences_reference(text: str) -> list[Sentence]:
    """:func:`split_sentences` in pure Python (no type check, no cache): the reference."""
    sentences: list[Sentence] = []
    start = 0
    for m in _boundaries(text):
        if not _ends_sentence(text, m):
            continue
        end = m.start("space") if m.group("space") is not None else m.start()
        _append_trimmed(text, start, end, sentences)
        start = m.end()
    _append_trimmed(text, start, len(text), sentences)
    return sentences


_last_split: tuple[str | None, tuple[Sentence, ...]] = (None, ())
"""The last text :func:`split_sentences` split (the very object, compared by identity) and its sentences."""


def _append_trimmed(text: str, start: int, end: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append(Sentence(start, end))


# Word tokens: letters and digits, joined by internal hyphens, apostrophes,
# periods (U.S., 3.5) and ampersands (AT&T). Punctuation is not a token.
_TOKEN = re.compile(r"[^\W_]+(?:[-'\u2019.&][^\W_]+)*")
_NORMALIZE_PAIRS = (("\u2019", "'"), ("\u2018", "'"), ("\u2010", "-"), ("\u2011", "-"))
_NORMALIZE = str.maketrans(dict(_NORMALIZE_PAIRS))
_TOKEN_SPLIT = re.compile(f"({_TOKEN.pattern})")


def normalize_token(token: str) -> str:
    """Return the form used for lexicon lookup: lower case, straight apostrophes.

    Examples
    --------
    >>> normalize_token("Didn\u2019t")
    "didn't"
    """
    return token.lower().translate(_NORMALIZE)


@dataclass(frozen=True, slots=True)
class Tokens:
    """Word tokens of a text as parallel sequences.

    ``starts[i]``/``ends[i]`` are the offsets of token ``i`` in the text and
    ``norms[i]`` its normalized form (see :func:`normalize_token`).
    Punctuation is not tokenized; ``len(tokens)`` is the word count used for
    rates per 1,000 tokens.
    """

    starts: list[int]
    ends: list[int]
    norms: list[str]

    def __len__(self) -> int:
        return len(self.norms)


def count_words(text: str) -> int:
    """Number of word tokens in ``text`` (``len(tokenize(text))``, faster).

    Examples
    --------
    >>> count_words("The U.S. didn\u2019t say it\u2014yet.")
    6
    """
    if COMPILED and type(text) is str:
        count: int = _core.count_words(text)
        return count
    return _count_words_reference(text)


def _count_words_reference(text: str) -> int:
    """:func:`count_words` in pure Python: the reference."""
    return len(_TOKEN.findall(text))


def tokenize(text: str) -> Tokens:
    """Split ``text`` into word tokens with offsets.

    Examples
    --------
    >>> toks = tokenize("The U.S. didn\u2019t say it\u2014yet.")
    >>> toks.norms
    ['the', 'u.s', "didn't", 'say', 'it', 'yet']
    >>> toks.starts[1], toks.ends[1]
    (4, 7)
    """
    if COMPILED and type(text) is str:
        tokens: Tokens = _core.tokenize(text)
        return tokens
    return _tokenize_reference(text)


def _tokenize_reference(text: str) -> Tokens:
    """:func:`tokenize` in pure Python: the reference."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length in lower case
        spans = [m.span() for m in _TOKEN.finditer(text)]
        norms = [normalize_token(text[s:e]) for s, e in spans]
        return Tokens([s for s, _ in spans], [e for _, e in spans], norms)
    for char, repl in _NORMALIZE_PAIRS:
        if char in lowered:
            lowered = lowered.replace(char, repl)
    # Splitting with a capturing group gives gap, token, gap, token, ...;
    # cumulative lengths give the offsets without a match object per token.
    parts = _TOKEN_SPLIT.split(lowered)
    bounds = list(accumulate(map(len, parts)))
    return Tokens(bounds[0:-1:2], bounds[1::2], parts[1::2])


# Negators after Councill, McDonald & Velikovich (2010) and the negation list of
# VADER (Hutto & Gilbert 2014), reduced to unambiguous forms.
NEGATORS = frozenset(
    ["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere", "without", "cannot", "hardly", "barely", "scarcely"]
)
_CLAUSE_END = re.compile(r"[,;:.!?]")
NEGATION_WINDOW = 3
"""Number of tokens before a hit searched for a negator."""


def negated_at(tokens: Tokens, index: int, text: str, window: int = NEGATION_WINDOW) -> bool:
    """Whether token ``index`` lies in the scope of a preceding negator.

    The scope is the ``window`` tokens before the token, stopped by any
    clause punctuation (``, ; : . ! ?``) between the negator and the token.

    Examples
    --------
    >>> text = "This is not a disaster, but a crisis."
    >>> toks = tokenize(text)
    >>> negated_at(toks, toks.norms.index("disaster"), text)
    True
    >>> negated_at(toks, toks.norms.index("crisis"), text)
    False
    """
    if (
        COMPILED and type(tokens.norms) is list and type(tokens.starts) is list
        and type(tokens.ends) is list and type(text) is str and type(index) is int
        and type(window) is int
        and 0 <= index < len(tokens.norms) == len(tokens.starts) == len(tokens.ends)
    ):
        negated: bool = _core.negated_at(tokens.norms, tokens.starts, tokens.ends, text, index, window)
        return negated
    return _negated_at_reference(tokens, index, text, window)


def _negated_at_reference(tokens: Tokens, index: int, text: str, window: int = NEGATION_WINDOW) -> bool:
    """:func:`negated_at` in pure Python: the reference."""
    norms = tokens.norms
    lo = max(0, index - window)
    # Fast path (almost every hit): no negator among the preceding words,
    # checked without a Python-level loop (a token never starts with "'").
    before = norms[lo:index]
    if NEGATORS.isdisjoint(before) and "n't" not in "".join(before):
        return False
    stop = tokens.starts[index]
    for j in range(index - 1, lo - 1, -1):
        if _CLAUSE_END.search(text, tokens.ends[j], stop):
            return False
        word = norms[j]
        if word in NEGATORS or word.endswith("n't"):
            return True
        stop = tokens.starts[j]
    return False


def sentence_index(sentences: list[Sentence], offset: int) -> int:
    """Index of the sentence containing ``offset`` (or the one before a gap).

    Examples
    --------
    >>> s = split_sentences("One. Two.")
    >>> sentence_index(s, 6)
    1
    """
    starts = [s.start for s in sentences]
    return max(0, bisect_right(starts, offset) - 1)


def _load_core() -> Any:
    """The compiled kernels bound to this module's types and word lists, or None."""
    core: Any = optional_extension("_text_core")
    if core is None:
        return None
    core.bind(Sentence, Tokens, _NEVER_FINAL, _USUALLY_INTERNAL, _OPENERS, NEGATORS,
              _NORMALIZE, _NORMALIZE_PAIRS)
    return core


_core: Any = _load_core()

COMPILED: bool = _core is not None and os.environ.get("FRAMING_PURE_PYTHON", "") in ("", "0")
"""Whether the public functions run the compiled kernels (``framing._text_core``).

False when the package was installed without its compiled extension (no C
compiler at install time) or when ``FRAMING_PURE_PYTHON=1`` was set at import;
:func:`use_compiled` changes it.
"""


def use_compiled(enabled: bool = True) -> bool:
    """Run the compiled kernels (``True``) or the pure-Python reference (``False``).

    Both give identical output; the switch exists to measure one against the
    other and to check that they agree.

    Parameters
    ----------
    enabled : bool, default True
        Whether to use the compiled kernels.

    Returns
    -------
    bool
        The previous setting (:data:`COMPILED` before the call).

    Raises
    ------
    ImportError
        If ``enabled`` is true and the compiled extension is not installed.
    ValueError
        If ``enabled`` is not a bool.

    Examples
    --------
    >>> import framing.text
    >>> previous = use_compiled(False)
    >>> framing.text.COMPILED
    False
    >>> tokenize("Not a disaster.").norms
    ['not', 'a', 'disaster']
    >>> _ = use_compiled(previous)
    """
    global COMPILED, _last_split
    if not isinstance(enabled, bool):
        raise parameter_error("enabled", "use_compiled", "a bool", enabled)
    if enabled and _core is None:
        raise ImportError(
            "The compiled text kernels (framing._text_core) are not installed: expected a build "
            "with a C compiler (pip install . builds them), got the pure-Python package. "
            "The pure-Python reference gives the same output."
        )
    previous, COMPILED = COMPILED, enabled
    _last_split = (None, ())
    return previous
