"""The per-text state of quote attribution: tokens, sentences, quote spans and their lookups."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import attrgetter, itemgetter

from ..text import Sentence, Tokens
from .marks import quote_spans

__all__: list[str] = []

_NEWLINE = re.compile("\n")


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
