"""The records of source attribution: speaker, cue and quote, and their category names.

The JSONL ``quotes`` contract (:meth:`Quote.to_dict`) of :mod:`framing.attribution`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from ..types import QuoteKind

__all__ = ["ACTS", "SOURCE_CATEGORIES", "STANCES", "Act", "Cue", "Entity", "Quote", "Speaker"]


STANCES = ("neutral", "endorsing", "distancing", "contesting", "emotive")
"""Stance categories of the ``reporting_verbs`` lexicon."""

Act = Literal["speech", "belief", "negated"]
"""What an attribution reports: words said or written, a belief, hope, fear or wish, or an act the
text says did not happen ("did not respond", "has never explained", "declined to name")."""

ACTS: tuple[Act, ...] = ("speech", "belief", "negated")
"""The values of :attr:`Quote.act`."""

SOURCE_CATEGORIES = (
    "government",
    "military",
    "law_enforcement",
    "expert",
    "advocacy",
    "business",
    "media",
    "religious",
    "citizen",
    "anonymous",
    "other",
)
"""Source categories: those of the ``source_roles`` lexicon, plus ``other``."""


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who is quoted: a span of the text and a source category.

    ``text``/``start``/``end`` are the mention next to the cue ("Dempsey",
    "He", "officials"); ``name`` is the fullest mention of the same source
    (the full title and name a short mention or pronoun was linked to), and
    ``category`` comes from that full mention. ``name`` is not part of the
    JSONL contract (:meth:`to_dict`).
    """

    text: str
    start: int
    end: int
    category: str
    name: str = ""
    entity: int | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the ``speaker`` of a JSONL quote).

        ``entity`` is the index of the speaker's entity in the row's
        ``entities`` (``None`` when the speaker was not linked).
        """
        return {"text": self.text, "start": self.start, "end": self.end, "category": self.category,
                "entity": self.entity}


@dataclass(frozen=True, slots=True)
class Entity:
    """A person, organisation, group or place mentioned in an article, its mentions linked.

    ``text`` is the fullest name ("Nancy Pelosi"), ``category`` the one source
    category of the whole article for it (from its most informative mention:
    "House Speaker Nancy Pelosi" gives ``government``), ``mentions`` the
    character spans of its names, short names and pronouns in text order, and
    ``kind`` one of ``"person"``, ``"org"``, ``"group"``, ``"place"`` (a place
    that no speaker is: "Mosul", "the Middle East"; a place that speaks, "China
    said", is an ``"org"`` speaking for its government).

    Examples
    --------
    >>> Entity("Nancy Pelosi", "government", ((0, 12), (30, 36))).to_dict()
    {'text': 'Nancy Pelosi', 'category': 'government', 'mentions': [[0, 12], [30, 36]], 'kind': 'person'}
    """

    text: str
    category: str
    mentions: tuple[tuple[int, int], ...]
    kind: str = "person"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (an item of the JSONL ``entities``)."""
        return {"text": self.text, "category": self.category,
                "mentions": [[s, e] for s, e in self.mentions], "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Cue:
    """The reporting verb (or "according to") with its lemma and stance."""

    text: str
    start: int
    end: int
    lemma: str
    stance: str

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (the ``cue`` of a JSONL quote)."""
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "lemma": self.lemma,
            "stance": self.stance,
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A quotation or reported statement (the JSONL ``quotes`` contract).

    ``kind`` says how the words are reported (``direct`` in quotation marks,
    ``indirect``, ``mixed``); ``act`` what is reported: ``speech`` (said,
    written, posted) or ``belief`` (a cue of thought, hope, fear or wish:
    "Officials believe the plan will fail").
    """

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: Speaker | None
    cue: Cue | None
    act: Act = "speech"

    def to_dict(self) -> dict[str, Any]:
        """The JSON form of the quote (the JSONL ``quotes`` contract)."""
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
            "act": self.act,
        }
