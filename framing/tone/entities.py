"""Tone toward the entities of a document, from the annotations the earlier stages wrote.

Each mention of an entity (:class:`~framing.attribution.Entity`) is a
target; the tone toward the entity is the mean over its mentions. Scoring a
mention with :func:`~framing.tone.tone_toward` would tag, tokenize and
score its sentence again, for every mention (four times the cost of the
whole analysis on news); this stage reads what the document already holds
instead:

* the sentence's VADER words and their contributions after the rules, from
  the tone family's own pass over the sentences
  (:func:`~framing.tone.vader.score_and_explain`), and its compound;
* the document's tokens and its ``loaded_language`` and ``reporting_verbs``
  hits (the lexicon stage's, cue hits already filtered to verbs).

From them :func:`mention_features` builds the features of
:mod:`~framing.tone.target_features` that need no part-of-speech tags: the
compound of the context left and right of the mention, of its clause, of a
window of :data:`~framing.tone.target_features.WINDOW` tokens and of the
mention itself (VADER's normalisation of the contributions that fall there),
the distance-weighted contributions, lexicon hits near the mention,
negators, position, quote marks, and the masked words. The model that scores
them (``tone-entities-newsmtsc.json.gz``) is trained on exactly these
features, computed the same way on the NewsMTSC training split (Hamborg &
Donnay 2021, MIT licence), and calibrated like the target model;
``docs/tone.md`` has its macro-F1 next to the target model's.

:func:`entity_tones` and :func:`score_mentions` score all the mentions of a
document at once, as one feature matrix
(:mod:`~framing.tone.mention_matrix`); :func:`score_mentions_reference`
is the same scoring one mention at a time, the reference the tests compare
it with.

Examples
--------
>>> from framing import analyze
>>> result = analyze("Critics praised Smith. Critics attacked Jones.")
>>> [(e.text, e.label) for e in result.entity_tone]
[('Smith', 'positive'), ('Jones', 'negative'), ('Critics', 'neutral')]
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, Protocol

import numpy as np

from ..text import NEGATORS
from .clauses import clause_breaks
from .mention_matrix import MAX_SENTENCE_TOKENS, MatrixDocument, entity_dense_names, mention_matrix
from .target_features import _QUOTES, TAUS, WINDOW, _terms, add_hit
from .vader import ToneWord

if TYPE_CHECKING:
    from ..attribution import Entity
    from ..lexicon import Match
    from .targets import TargetModel

__all__ = ["ENTITY_DENSE_NAMES", "ENTITY_MODEL_FILE", "EntityTone", "SentenceWords", "entity_model",
           "entity_tones", "mention_features", "score_mentions", "score_mentions_reference"]

ENTITY_MODEL_FILE = "tone-entities-newsmtsc.json.gz"
"""The shipped entity-mention model in ``framing/data/`` (plain JSON, gzipped; provenance inside)."""

_ALPHA = 15.0  # VADER's normalisation constant: x / sqrt(x**2 + alpha)
_LEXICONS = ("loaded_language", "reporting_verbs")

Label = Literal["negative", "neutral", "positive"]


ENTITY_DENSE_NAMES = entity_dense_names()
_TAU_KEYS = {(side, positive): [(tau, f"{side}_{sign}_tau{tau:g}", f"clause_{sign}_tau{tau:g}") for tau in TAUS]
             for side in ("left", "right") for positive, sign in ((True, "pos"), (False, "neg"))}
"""The dense features of an entity mention, in the entity model's column order."""


@dataclass(frozen=True, slots=True)
class SentenceWords:
    """One sentence as the tone family scored it: its compound and its VADER words."""

    compound: float
    words: tuple[ToneWord, ...]


class MentionDocument(MatrixDocument, Protocol):
    """What entity tone reads: what the matrix reads (text, tokens, sentences) and the lexicon hits."""

    @property
    def matches(self) -> Sequence[Match]: ...


@dataclass(frozen=True, slots=True)
class EntityTone:
    """The tone toward one entity: the mean over its scored mentions.

    Attributes
    ----------
    text : str
        The entity's name.
    tone : float or None
        The mean of ``P(positive) - P(negative)`` over its mentions, in
        ``[-1, 1]``; None when no mention could be scored.
    label : {"negative", "neutral", "positive"} or None
        The most probable class of the mean probabilities.
    n_mentions : int
        The mentions scored.
    """

    text: str
    tone: float | None
    label: Label | None
    n_mentions: int

    def to_dict(self) -> dict[str, Any]:
        """The ``tone`` and ``label`` keys an item of the JSONL ``entities`` gets."""
        return {"tone": self.tone, "label": self.label}


def _norm(x: float) -> float:
    return x / math.sqrt(x * x + _ALPHA) if x else 0.0


_DECAY: dict[int, tuple[float, ...]] = {}
"""``math.exp(-(d - 1) / tau)`` for each tau of TAUS, by integer distance ``d`` (filled on use)."""


def _decay(d: int) -> tuple[float, ...]:
    value = _DECAY.get(d)
    if value is None:
        value = _DECAY[d] = tuple(math.exp(-(d - 1) / tau) for tau in TAUS)
    return value


_clause_breaks = clause_breaks


class _Sentence:
    """What every mention of one sentence shares: its tokens, clause breaks, scored words and hits."""

    __slots__ = ("breaks", "compound", "ends", "hi", "hits", "lo", "n", "norms", "question",
                 "quotes", "starts", "t0", "words")

    def __init__(self, doc: MentionDocument, k: int, words: Sequence[ToneWord], compound: float,
                 hits: Sequence[Match]) -> None:
        text, toks, sent = doc.text, doc.tokens, doc.sentences[k]
        lo_s, hi_s = sent.start, sent.end
        t0, t1 = bisect_left(toks.starts, lo_s), bisect_left(toks.starts, hi_s)
        self.lo, self.hi, self.t0, self.compound = lo_s, hi_s, t0, compound
        self.starts = starts = toks.starts[t0:t1]
        self.norms = toks.norms[t0:t1]
        self.ends = toks.ends
        self.n = len(starts)
        stext = text[lo_s:hi_s]
        self.breaks = [(a + lo_s, b + lo_s) for a, b in _clause_breaks(stext)]
        self.words = [(w.start, c, bisect_right(starts, w.start) - 1, abs(c), _TAU_KEYS["left", c > 0],
                       _TAU_KEYS["right", c > 0]) for w in words if (c := w.contribution)]
        self.hits = [(m, bisect_right(starts, m.start) - 1) for m in hits]
        self.quotes = [m.start() for m in _QUOTES.finditer(text, lo_s, hi_s)]
        self.question = float("?" in stext)


def mention_features(doc: MentionDocument, k: int, words: Sequence[ToneWord], compound: float,
                     hits: Sequence[Match], start: int, end: int) -> tuple[dict[str, float], list[str]]:
    """The dense features and the terms of the mention ``doc.text[start:end]`` in sentence ``k``.

    ``words`` are the sentence's VADER words (article offsets), ``compound``
    its score, ``hits`` the document's ``loaded_language`` and
    ``reporting_verbs`` hits inside the sentence.

    Examples
    --------
    >>> from framing.pipeline import Analyzer
    >>> from framing.tone.vader import score_and_explain
    >>> doc = Analyzer(["loaded_language", "reporting_verbs"]).annotate(
    ...     __import__("framing").Article.from_text("Critics slammed Smith."))
    >>> compound, words = score_and_explain(doc.text)
    >>> dense, terms = mention_features(doc, 0, words, compound, doc.matches, 16, 21)
    >>> dense["left_compound"] < 0, "slammed TGT" in terms
    (True, True)
    """
    return _features(doc.text, _Sentence(doc, k, words, compound, hits), start, end)


def _features(text: str, s: _Sentence, start: int, end: int) -> tuple[dict[str, float], list[str]]:
    """:func:`mention_features` from the work its sentence shares with its other mentions."""
    starts, norms, n, t0 = s.starts, s.norms, s.n, s.t0
    first = bisect_left(s.ends, start + 1, t0, t0 + n) - t0
    last = max(first, bisect_left(starts, end) - 1)
    first, last = min(first, max(n - 1, 0)), min(last, max(n - 1, 0))
    c_lo, c_hi = s.lo, s.hi
    for b_start, b_end in s.breaks:
        if b_end <= start:
            c_lo = b_end
        elif b_start >= end:
            c_hi = b_start
            break
    w_lo = starts[max(first - WINDOW, 0)] if n else s.lo
    w_hi = s.ends[t0 + min(last + WINDOW, n - 1)] if n else s.hi
    f: dict[str, float] = {"sentence_compound": s.compound}
    left = right = clause = window = target = 0.0
    get = f.get
    for w_start, c, i, magnitude, left_keys, right_keys in s.words:
        if start <= w_start < end:
            target += c
            continue
        if w_start < start:
            left += c
            d = first - i
            keys = left_keys
        else:
            right += c
            d = i - last
            keys = right_keys
        in_clause = c_lo <= w_start < c_hi
        if in_clause:
            clause += c
        if w_lo <= w_start < w_hi:
            window += c
        decay = _DECAY.get(d) or _decay(d)
        for (_, key, clause_key), e in zip(keys, decay):
            weight = magnitude * e
            f[key] = get(key, 0.0) + weight
            if in_clause:
                f[clause_key] = get(clause_key, 0.0) + weight
    f["left_compound"] = _norm(left)
    f["right_compound"] = _norm(right)
    f["clause_compound"] = _norm(clause)
    f["window_compound"] = _norm(window)
    f["target_compound"] = _norm(target)
    for m, i in s.hits:
        m_start = m.start
        if start <= m_start < end:
            continue
        side, d = ("left", first - i) if m_start < start else ("right", i - last)
        add_hit(f, m, side, d, c_lo <= m_start < c_hi, _decay(d)[1])
    before = norms[max(first - 3, 0):first]
    f["negator_before"] = float(any(w in NEGATORS or w.endswith("n't") for w in before))
    clause_words = norms[bisect_left(starts, c_lo):bisect_left(starts, c_hi)]
    f["negator_clause"] = float(any(w in NEGATORS or w.endswith("n't") for w in clause_words))
    if n:
        f["role_possessive"] = float(norms[last].endswith("'s") or text[end:end + 2] in ("'s", "\u2019s"))
        f["first_token"] = float(first == 0)
        f["relative_position"] = first / n
        f["target_tokens"] = float(last - first + 1)
        f["sentence_tokens_log"] = math.log1p(n)
    f["in_quotes"] = float(bisect_left(s.quotes, start) % 2 == 1)
    f["sentence_question"] = s.question
    return f, _terms(norms, first, last)


@lru_cache(maxsize=1)
def entity_model() -> TargetModel:
    """The shipped entity-mention tone model (read on first use, then cached).

    Examples
    --------
    >>> entity_model().provenance["licence"]
    'MIT'
    """
    import gzip
    import json
    from importlib import resources

    from .targets import TargetModel

    raw = (resources.files("framing") / "data" / ENTITY_MODEL_FILE).read_bytes()
    return TargetModel(json.loads(gzip.decompress(raw).decode("utf-8")), names=ENTITY_DENSE_NAMES)


def _sentence_hits(doc: MentionDocument, hits: Sequence[Match] | None) -> list[list[Match]]:
    """The document's loaded-language and reporting-verb hits, grouped by sentence."""
    sentences = doc.sentences
    ends = [s.end for s in sentences]
    out: list[list[Match]] = [[] for _ in sentences]
    for m in [m for m in (doc.matches if hits is None else hits) if m.lexicon in _LEXICONS]:
        k = bisect_right(ends, m.start)
        if k < len(out) and sentences[k].start <= m.start:
            out[k].append(m)
    return out


def score_mentions(doc: MentionDocument, words: Sequence[SentenceWords | None],
                   spans: Iterable[tuple[int, int]], *, hits: Sequence[Match] | None = None
                   ) -> list[list[float] | None]:
    """``P(negative), P(neutral), P(positive)`` of each span (None outside every sentence).

    ``words`` are parallel to ``doc.sentences`` (None for a sentence the
    tone family kept no words of: it then has none). ``hits`` replace
    ``doc.matches`` when the analyzer had no ``loaded_language`` or
    ``reporting_verbs`` lexicon. All the spans are scored at once
    (:func:`~framing.tone.mention_matrix.mention_matrix`); the
    probabilities are :func:`score_mentions_reference`'s up to the last
    digits (the model's sums run in another order).

    Examples
    --------
    >>> from framing import Analyzer, Article
    >>> from framing.tone.vader import score_and_explain
    >>> doc = Analyzer().annotate(Article.from_text("Critics slammed Smith."))
    >>> compound, found = score_and_explain(doc.text)
    >>> smith, outside = score_mentions(doc, [SentenceWords(compound, tuple(found))], [(16, 21), (30, 35)])
    >>> smith.index(max(smith)), outside
    (0, None)
    """
    spans = list(spans)
    out: list[list[float] | None] = [None] * len(spans)
    if not spans:
        return out
    rows, _, probs = mention_matrix(doc, words, spans, _sentence_hits(doc, hits), entity_model())
    for r, p in zip(rows, probs.tolist()):
        out[r] = p
    return out


def score_mentions_reference(doc: MentionDocument, words: Sequence[SentenceWords | None],
                             spans: Iterable[tuple[int, int]], *, hits: Sequence[Match] | None = None
                             ) -> list[list[float] | None]:
    """:func:`score_mentions` one mention at a time: the readable reference the matrix is tested against.

    Each mention's features (:func:`mention_features`, sharing its
    sentence's work with the other mentions of the sentence) go through
    :meth:`~framing.tone.targets.TargetModel.proba_from_features`.

    Examples
    --------
    >>> from framing import Analyzer, Article
    >>> from framing.tone.vader import score_and_explain
    >>> doc = Analyzer().annotate(Article.from_text("Critics slammed Smith."))
    >>> words = [SentenceWords(*score_and_explain(doc.text))]
    >>> fast, slow = score_mentions(doc, words, [(16, 21)]), score_mentions_reference(doc, words, [(16, 21)])
    >>> max(abs(a - b) for a, b in zip(fast[0], slow[0])) < 1e-12
    True
    """
    model = entity_model()
    by_sentence = _sentence_hits(doc, hits)
    sentence_starts = [s.start for s in doc.sentences]
    shared: dict[int, _Sentence] = {}
    text = doc.text
    out: list[list[float] | None] = []
    token_starts = doc.tokens.starts
    for start, end in spans:
        k = bisect_right(sentence_starts, start) - 1
        if k < 0 or start >= doc.sentences[k].end or end <= start:
            out.append(None)
            continue
        sent = doc.sentences[k]
        if bisect_left(token_starts, sent.end) - bisect_left(token_starts, sent.start) > MAX_SENTENCE_TOKENS:
            out.append(None)  # not a sentence (a run of words with no boundary): no tone, linear time
            continue
        s = shared.get(k)
        if s is None:
            sw = words[k] if k < len(words) else None
            s = shared[k] = _Sentence(doc, k, sw.words if sw else (), sw.compound if sw else 0.0, by_sentence[k])
        dense, terms = _features(text, s, start, min(end, s.hi))
        out.append(model.proba_from_features(dense, terms))
    return out


def entity_tones(doc: MentionDocument, entities: Sequence[Entity], words: Sequence[SentenceWords | None],
                 *, hits: Sequence[Match] | None = None) -> tuple[EntityTone, ...]:
    """The tone toward each entity: the mean over its mentions, parallel to ``entities``.

    Parameters
    ----------
    doc : document
        Its text, tokens, sentences and lexicon hits.
    entities : sequence of Entity
        The document's entities (attribution stage).
    words : sequence of SentenceWords or None
        Parallel to the sentences: the tone family's VADER pass.
    hits : sequence of Match, optional
        The ``loaded_language`` and ``reporting_verbs`` hits, when the
        document's matches do not hold them.

    Returns
    -------
    tuple of EntityTone
        An entity without a mention inside a sentence gets ``tone=None``.
        An empty ``entities`` gives ``()``.
    """
    spans = [m for e in entities for m in e.mentions]
    if not spans:
        return tuple(EntityTone(e.text, None, None, 0) for e in entities)
    rows, _, probs = mention_matrix(doc, words, spans, _sentence_hits(doc, hits), entity_model())
    n = len(entities)
    owner = np.arange(n).repeat([len(e.mentions) for e in entities])[rows]
    counts = np.bincount(owner, minlength=n)
    # bincount adds in mention order, from 0.0: the sums of the reference's ``sum``
    sums = np.bincount((owner[:, None] * 3 + np.arange(3)).ravel(), probs.ravel(), 3 * n).reshape(n, 3)
    means = (sums / np.maximum(counts, 1)[:, None]).tolist()
    labels: tuple[Label, Label, Label] = ("negative", "neutral", "positive")
    out: list[EntityTone] = []
    for e, n, mean in zip(entities, counts.tolist(), means):
        if not n:
            out.append(EntityTone(e.text, None, None, 0))
            continue
        label = labels[max(range(3), key=mean.__getitem__)]
        out.append(EntityTone(e.text, mean[2] - mean[0], label, n))
    return tuple(out)
