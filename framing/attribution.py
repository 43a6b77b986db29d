"""Source attribution: quotes, speakers, reporting verbs (cues) and their stance.

The interface the analysis relies on; the quote and speaker rules land with
the attribution work, until then no quotes are found.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from .lexicon import Match
from .text import Sentence, Tokens

__all__ = ["Cue", "Quote", "Speaker", "attribution_features", "find_quotes"]

QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who is quoted: a span of the text and a source category."""

    text: str
    start: int
    end: int
    category: str

    def to_dict(self) -> dict[str, Any]:
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
        return {"text": self.text, "start": self.start, "end": self.end,
                "lemma": self.lemma, "stance": self.stance}


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
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
        }


def find_quotes(text: str, sentences: list[Sentence], tokens: Tokens) -> list[Quote]:
    """Quotes in ``text`` with speakers and cues (none yet)."""
    return []


def attribution_features(
    quotes: list[Quote], matches: list[Match], n_tokens: int
) -> dict[str, float]:
    """Per-article attribution features, named ``attribution__<feature>``."""
    return {"attribution__quotes_count": float(len(quotes))}
