"""Entity tone for all the mentions of a document at once: one feature matrix, one matrix product.

:func:`~framing.tone.entities.score_mentions` scores every mention of a
document through :func:`mention_matrix`, which builds what the per-mention
reference (:func:`~framing.tone.entities.mention_features` and
:meth:`~framing.tone.targets.TargetModel.proba_from_features`) computes one
mention at a time, as arrays:

* the **dense** features of all mentions as one matrix, the rows of the
  mentions, the columns of :data:`~framing.tone.entities.ENTITY_DENSE_NAMES`.
  Each pair of a mention and a VADER word (or a lexicon hit) of its
  sentence is one entry of flat index arrays; the sums per mention are
  ``numpy.bincount`` over them, which adds in the order of the pairs, the
  order of the reference's loop, so every value is the reference's float;
* the **terms** as pairs of a mention and a vocabulary column: token ranges
  of the sentence (masked target, window left and right), each token's
  columns read from a table built once per distinct word.

The model is linear, so its scores are ``base + dense @ W + tfidf @ V``
(one product per document), then the temperature and the softmax by row.
Only the order of the model's sums differs from the reference, which
changes the last digits of a probability (``tests/test_tone_entities_matrix.py``
compares both on real articles within ``1e-12``).

Examples
--------
>>> from framing import Analyzer, Article
>>> from framing.tone.entities import entity_model
>>> from framing.tone.vader import score_and_explain
>>> from framing.tone.entities import SentenceWords
>>> doc = Analyzer().annotate(Article.from_text("Critics slammed Smith."))
>>> compound, found = score_and_explain(doc.text)
>>> hits = [m for m in doc.matches if m.lexicon in ("loaded_language", "reporting_verbs")]
>>> rows, dense, probs = mention_matrix(doc, [SentenceWords(compound, tuple(found))], [(16, 21)],
...                                     [hits], entity_model())
>>> rows, dense.shape[0], int(probs[0].argmax())
([0], 1, 0)
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import repeat
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from .. import text as _text
from .._compiled import optional_extension
from ..text import NEGATORS
from .clauses import ClauseBreaks
from .target_features import _QUOTES, TAUS, WINDOW, context_names

if TYPE_CHECKING:
    from ..lexicon import Match
    from ..text import Sentence, Tokens
    from .entities import SentenceWords
    from .targets import TargetModel

__all__ = ["MAX_SENTENCE_TOKENS", "entity_dense_names", "mention_matrix"]

MAX_SENTENCE_TOKENS = 400
"""A mention in a longer "sentence" (no boundary in 400 tokens) gets no tone: each mention's features read
its whole sentence, so such runs would cost the square of their length."""

_ALPHA = 15.0  # VADER's normalisation constant: x / sqrt(x**2 + alpha)
_MAX_FORMS = 50_000  # the table of word forms is rebuilt when it grows past this many (about 10 MB)


def entity_dense_names() -> tuple[str, ...]:
    """The dense features of an entity mention, in the entity model's column order.

    Examples
    --------
    >>> entity_dense_names()[:3]
    ('sentence_compound', 'clause_compound', 'left_compound')
    """
    names = context_names()
    names += ["role_possessive", "first_token", "relative_position",
              "target_tokens", "in_quotes", "sentence_question", "sentence_tokens_log"]
    return tuple(names)


class MatrixDocument(Protocol):
    """What the matrix reads: the text, its tokens and sentences."""

    @property
    def text(self) -> str: ...
    @property
    def tokens(self) -> Tokens: ...
    @property
    def sentences(self) -> Sequence[Sentence]: ...


# the columns of a word form's row in the table of forms
_UNI, _LEFT, _RIGHT, _PREV, _NEXT, _NEG, _POSS = range(7)
# the model columns the compiled kernel writes, in the order it reads them (framing/_mention_core.pyx)
_KERNEL_COLUMNS = ("sentence_compound", "left_compound", "right_compound", "clause_compound", "window_compound",
                   "target_compound", "loaded_near_weighted", "loaded_negated_near", "negator_before",
                   "negator_clause", "role_possessive", "first_token", "relative_position", "target_tokens",
                   "sentence_tokens_log", "in_quotes", "sentence_question")


_core: Any = optional_extension("_mention_core")


class _Model:
    """A target model as arrays in the entity model's columns, and a table of the word forms seen."""

    def __init__(self, model: TargetModel) -> None:
        names = model.names
        self.col = {name: j for j, name in enumerate(names)}
        self.n_dense = len(names)
        self.base = np.array(model._base)
        self.dense = np.array([model._dense_coef[name] for name in names]).reshape(len(names), -1)
        vocabulary = model.vocabulary
        self.vocabulary = vocabulary
        self.n_terms = len(model.idf)
        self.idf = np.array(model.idf)
        self.terms = np.array([[row[self.n_dense + i] for row in model.coef] for i in range(self.n_terms)]
                              ).reshape(self.n_terms, -1)
        self.temperature = model.temperature
        self.tgt = vocabulary.get("TGT", -1)
        self.decay_offset = 8  # d >= -7: a word can sit inside the target's first or last token
        d = np.arange(-self.decay_offset, MAX_SENTENCE_TOKENS + 2)
        self.decay = np.array([[math.exp(-(int(x) - 1) / tau) for tau in TAUS] for x in d])
        col = self.col
        self.tau_cols = np.array([[[col[f"{side}_{sign}_tau{tau:g}"] for tau in TAUS] for sign in ("neg", "pos")]
                                  for side in ("right", "left", "clause")])  # [side, c > 0, tau]
        self.near_weighted, self.negated_near = col["loaded_near_weighted"], col["loaded_negated_near"]
        self.kernel_cols = np.array([col[name] for name in _KERNEL_COLUMNS], dtype=np.intp)
        self._hit_cols: dict[tuple[str, str], tuple[int, int, int, int]] = {}
        # each word's vocabulary columns as a unigram, "L:w", "R:w", "w TGT" and "TGT w" (-1: none),
        # read off the vocabulary once
        self._columns: dict[str, list[int]] = {}
        for term, j in vocabulary.items():
            for form, which in ((term, _UNI), (term[2:] if term.startswith("L:") else None, _LEFT),
                                (term[2:] if term.startswith("R:") else None, _RIGHT),
                                (term[:-4] if term.endswith(" TGT") else None, _PREV),
                                (term[4:] if term.startswith("TGT ") else None, _NEXT)):
                if form is not None:
                    self._columns.setdefault(form, [-1] * 5)[which] = j
        self._forms: dict[str, int] = {}
        self._table = np.zeros((1024, 7), dtype=np.intp)  # the first len(self._forms) rows are filled

    def hit_cols(self, lexicon: str, category: str) -> tuple[int, int, int, int]:
        """A hit's columns: loaded (near, clause) or cue (right, left, clause), -1 for none; and its kind."""
        key = (lexicon, category)
        cols = self._hit_cols.get(key)
        if cols is None:
            col = self.col
            if lexicon == "loaded_language":
                cols = (col.get(f"loaded_{category}_near", -1), col.get(f"loaded_{category}_clause", -1), -1, 1)
            else:
                cols = (col.get(f"cue_{category}_right", -1), col.get(f"cue_{category}_left", -1),
                        col.get(f"cue_{category}_clause", -1), 0)
            self._hit_cols[key] = cols
        return cols

    def forms(self, norms: Sequence[str]) -> np.ndarray:
        """The table rows of ``norms``: vocabulary columns of the unigram, ``L:``, ``R:`` and bigrams, flags."""
        forms = self._forms
        if len(forms) + len(norms) > _MAX_FORMS:
            forms.clear()
        ids = np.fromiter(map(forms.get, norms, repeat(-1)), dtype=np.intp, count=len(norms))
        missing = np.flatnonzero(ids < 0)
        if len(missing):
            columns, none = self._columns.get, [-1] * 5
            first = len(forms)
            rows: list[tuple[int, ...]] = []  # the new forms' rows, written to the table at once
            found: list[int] = []
            for j in missing.tolist():
                w = norms[j]
                i = forms.get(w, -1)
                if i < 0:
                    i = forms[w] = len(forms)
                    rows.append((*columns(w, none), w in NEGATORS or w.endswith("n't"), w.endswith("'s")))
                found.append(i)
            ids[missing] = found
            if rows:
                table = self._table
                while len(forms) > len(table):
                    table = self._table = np.concatenate([table, np.zeros_like(table)])
                table[first : len(forms)] = rows
        return self._table[ids]


@lru_cache(maxsize=4)
def _arrays(model: TargetModel) -> _Model:
    return _Model(model)


def _ranges(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The rows and the indices of the ranges ``lo[r]:hi[r]``, concatenated in row order."""
    lengths = np.maximum(hi - lo, 0)
    rows = np.arange(len(lo)).repeat(lengths)
    offsets = np.cumsum(lengths) - lengths
    return rows, np.arange(int(lengths.sum())) - (offsets - lo).repeat(lengths)


def _norm(x: np.ndarray) -> np.ndarray:
    return x / np.sqrt(x * x + _ALPHA)


def mention_matrix(doc: MatrixDocument, words: Sequence[SentenceWords | None], spans: Sequence[tuple[int, int]],
                   hits: Sequence[Sequence[Match]], model: TargetModel
                   ) -> tuple[list[int], np.ndarray, np.ndarray]:
    """The scored spans, their dense features and their probabilities.

    Parameters
    ----------
    doc : document
        Its text, tokens and sentences.
    words : sequence of SentenceWords or None
        Parallel to the sentences: the tone family's VADER pass.
    spans : sequence of (int, int)
        The mentions.
    hits : sequence of sequences of Match
        Parallel to the sentences: the ``loaded_language`` and
        ``reporting_verbs`` hits inside each.
    model : TargetModel
        The entity model.

    Returns
    -------
    rows : list of int
        The indices of the spans that were scored (inside a sentence of at
        most :data:`MAX_SENTENCE_TOKENS` tokens, not empty).
    dense : ndarray of shape (len(rows), n_dense)
        Their dense features, in ``model.names`` order.
    probs : ndarray of shape (len(rows), 3)
        ``P(negative), P(neutral), P(positive)`` of each.

    Examples
    --------
    >>> from framing import Analyzer, Article
    >>> from framing.tone.entities import SentenceWords, entity_model
    >>> from framing.tone.vader import score_and_explain
    >>> doc = Analyzer().annotate(Article.from_text("Critics praised Smith. Critics attacked Jones."))
    >>> words = [SentenceWords(*score_and_explain(doc.text[s.start:s.end], s.start)) for s in doc.sentences]
    >>> hits = [[m for m in doc.matches if s.start <= m.start < s.end
    ...          and m.lexicon in ("loaded_language", "reporting_verbs")] for s in doc.sentences]
    >>> rows, dense, probs = mention_matrix(doc, words, [(16, 21), (40, 45), (60, 65)], hits, entity_model())
    >>> rows, probs.argmax(axis=1).tolist()
    ([0, 1], [2, 0])
    """
    a = _arrays(model)
    text, sentences, toks = doc.text, doc.sentences, doc.tokens
    sentence_starts = [s.start for s in sentences]
    token_starts = toks.starts
    rows: list[int] = []
    m_start: list[int] = []
    m_end: list[int] = []
    m_sent: list[int] = []
    local: dict[int, int] = {}  # sentence index -> its row in the sentence arrays
    bounds: list[tuple[int, int, int, int]] = []  # lo, hi, t0, t1
    for r, (start, end) in enumerate(spans):
        k = bisect_right(sentence_starts, start) - 1
        if k < 0 or end <= start:
            continue
        sent = sentences[k]
        if start >= sent.end:
            continue
        j = local.get(k)
        if j is None:
            a0, a1 = bisect_left(token_starts, sent.start), bisect_left(token_starts, sent.end)
            j = local[k] = -1 if a1 - a0 > MAX_SENTENCE_TOKENS else len(bounds)
            if j >= 0:
                bounds.append((sent.start, sent.end, a0, a1))
        if j < 0:
            continue  # not a sentence (a run of words with no boundary): no tone, linear time
        rows.append(r)
        m_start.append(start)
        m_end.append(min(end, sent.end))
        m_sent.append(j)
    n_dense = a.n_dense
    if not rows:
        return rows, np.zeros((0, n_dense)), np.zeros((0, 3))
    # --- the sentences: their bounds, compound, words, hits, clause breaks
    compounds: list[float] = []
    questions: list[float] = []
    w_start: list[int] = []
    w_value: list[float] = []
    w_offsets = [0]
    h_start: list[int] = []
    h_cols: list[tuple[int, int, int, int]] = []
    h_negated: list[bool] = []
    h_offsets = [0]
    b_start: list[int] = []
    b_end: list[int] = []
    breaks = ClauseBreaks(text)
    for k in local:
        if local[k] < 0:
            continue
        s0, s1 = bounds[local[k]][:2]
        sw = words[k] if k < len(words) else None
        compounds.append(sw.compound if sw else 0.0)
        questions.append(float(text.find("?", s0, s1) >= 0))
        if sw:
            for w in sw.words:
                if w.contribution:
                    w_start.append(w.start)
                    w_value.append(w.contribution)
        w_offsets.append(len(w_start))
        for m in hits[k]:
            h_start.append(m.start)
            h_cols.append(a.hit_cols(m.lexicon, m.category))
            h_negated.append(bool(m.negated))
        h_offsets.append(len(h_start))
        for b0, b1 in breaks.between(s0, s1):
            b_start.append(b0)
            b_end.append(b1)
    # the sentence rows follow the order of ``local`` (first mention), not of the text: sort the breaks
    sb = np.array(bounds, dtype=np.intp).reshape(-1, 4)
    s_lo, s_hi, s_t0, s_t1 = sb[:, 0], sb[:, 1], sb[:, 2], sb[:, 3]
    starts_a = np.asarray(token_starts, dtype=np.intp)
    ends_a = np.asarray(toks.ends, dtype=np.intp)
    base_tok = int(s_t0.min())
    forms = a.forms(toks.norms[base_tok:int(s_t1.max())])
    quotes = np.array([m.start() for m in _QUOTES.finditer(text)], dtype=np.intp)
    logs = np.array([math.log1p(int(x)) for x in s_t1 - s_t0])
    if _core is not None and _text.COMPILED:
        order = np.argsort(np.array(b_start, dtype=np.intp), kind="stable")
        out = _core.dense_and_terms(
            np.array(m_start, dtype=np.intp), np.array(m_end, dtype=np.intp), np.array(m_sent, dtype=np.intp),
            sb, np.array(compounds, dtype=float), np.array(questions, dtype=float), logs,
            np.array(w_offsets, dtype=np.intp), np.array(w_start, dtype=np.intp), np.array(w_value, dtype=float),
            np.array(h_offsets, dtype=np.intp), np.array(h_start, dtype=np.intp),
            np.array(h_cols, dtype=np.intp).reshape(-1, 4), np.array(h_negated, dtype=np.uint8),
            np.array(b_start, dtype=np.intp)[order], np.array(b_end, dtype=np.intp)[order], starts_a, ends_a,
            forms, base_tok, quotes, np.array([text[e:e + 2] in ("'s", "\u2019s") for e in m_end], dtype=np.uint8),
            a.decay, a.decay_offset, a.tau_cols, a.kernel_cols, a.n_dense, a.n_terms, a.tgt, WINDOW)
        if out is not None:
            return rows, out[0], _probabilities(a, out[0], out[1])
    # --- the mentions: target tokens, clause, window
    ms = np.array(m_start, dtype=np.intp)
    me = np.array(m_end, dtype=np.intp)
    sj = np.array(m_sent, dtype=np.intp)
    lo, hi, t0, t1 = s_lo[sj], s_hi[sj], s_t0[sj], s_t1[sj]
    n = t1 - t0
    top = np.maximum(n - 1, 0)
    first = np.minimum(np.maximum(ends_a.searchsorted(ms + 1), t0), t1) - t0
    last = np.maximum(first, np.minimum(np.maximum(starts_a.searchsorted(me), t0), t1) - t0 - 1)
    first, last = np.minimum(first, top), np.minimum(last, top)
    f_tok, l_tok = first + t0, last + t0  # in the document's tokens
    c_lo, c_hi = lo.copy(), hi.copy()
    if b_start:
        order = np.argsort(np.array(b_start, dtype=np.intp), kind="stable")
        bs, be = np.array(b_start, dtype=np.intp)[order], np.array(b_end, dtype=np.intp)[order]
        i = be.searchsorted(ms, side="right") - 1
        c_lo = np.maximum(lo, np.where(i >= 0, be[np.maximum(i, 0)], lo))
        i = bs.searchsorted(me)
        c_hi = np.minimum(hi, np.where(i < len(bs), bs[np.minimum(i, len(bs) - 1)], hi))
    has = n > 0
    safe_w = np.minimum(np.maximum(f_tok - WINDOW, t0), len(starts_a) - 1)
    w_lo = np.where(has, starts_a[safe_w] if len(starts_a) else lo, lo)
    safe_e = np.maximum(np.minimum(l_tok + WINDOW, t1 - 1), 0)
    w_hi = np.where(has, ends_a[np.minimum(safe_e, len(ends_a) - 1)] if len(ends_a) else hi, hi)
    n_rows = len(rows)
    dense = np.zeros((n_rows, n_dense))
    col = a.col
    dense[:, col["sentence_compound"]] = np.array(compounds)[sj]
    # --- pairs of a mention and a VADER word of its sentence
    wo = np.array(w_offsets, dtype=np.intp)
    owner, idx = _ranges(wo[sj], wo[sj + 1])
    ws = np.array(w_start, dtype=np.intp)[idx]
    c = np.array(w_value)[idx]
    wi = starts_a.searchsorted(ws, side="right") - 1
    pms, pme = ms[owner], me[owner]
    target = (pms <= ws) & (ws < pme)
    left = ws < pms
    other = ~target
    in_clause = other & (c_lo[owner] <= ws) & (ws < c_hi[owner])
    in_window = other & (w_lo[owner] <= ws) & (ws < w_hi[owner])
    for name, mask in (("left", left), ("right", other & ~left), ("clause", in_clause),
                       ("window", in_window), ("target", target)):
        dense[:, col[f"{name}_compound"]] = _norm(np.bincount(owner[mask], c[mask], n_rows))
    d = np.where(left, f_tok[owner] - wi, wi - l_tok[owner])
    positive = (c > 0).astype(np.intp)
    magnitude = np.abs(c)
    flat: list[np.ndarray] = []
    values: list[np.ndarray] = []
    o, dd, pos, mag, lft = owner[other], d[other], positive[other], magnitude[other], left[other].astype(np.intp)
    clause_o = in_clause[other]
    for t in range(len(TAUS)):
        weight = mag * a.decay[dd + a.decay_offset, t]
        flat.append(o * n_dense + a.tau_cols[lft, pos, t])
        values.append(weight)
        flat.append(o[clause_o] * n_dense + a.tau_cols[2, pos[clause_o], t])
        values.append(weight[clause_o])
    # --- pairs of a mention and a lexicon hit of its sentence
    ho = np.array(h_offsets, dtype=np.intp)
    owner, idx = _ranges(ho[sj], ho[sj + 1])
    ones: list[np.ndarray] = []
    if len(idx):
        hs = np.array(h_start, dtype=np.intp)[idx]
        hc = np.array(h_cols, dtype=np.intp).reshape(-1, 4)[idx]
        hn = np.array(h_negated, dtype=bool)[idx]
        hi_tok = starts_a.searchsorted(hs, side="right") - 1
        pms, pme = ms[owner], me[owner]
        keep = ~((pms <= hs) & (hs < pme))
        owner, hs, hc, hn, hi_tok = owner[keep], hs[keep], hc[keep], hn[keep], hi_tok[keep]
        left = hs < ms[owner]
        d = np.where(left, f_tok[owner] - hi_tok, hi_tok - l_tok[owner])
        near = d <= WINDOW
        in_clause = (c_lo[owner] <= hs) & (hs < c_hi[owner])
        loaded = hc[:, 3] == 1
        for j, mask in ((0, loaded & (hc[:, 0] >= 0)), (1, loaded & (hc[:, 1] >= 0))):
            flat.append(owner[mask] * n_dense + hc[mask, j])
            values.append((near if j == 0 else in_clause)[mask].astype(float))
        flat.append(owner[loaded] * n_dense + a.near_weighted)
        values.append(a.decay[d[loaded] + a.decay_offset, 1])
        flat.append(owner[loaded] * n_dense + a.negated_near)
        values.append((near & hn)[loaded].astype(float))
        cue = ~loaded
        side = np.where(left, 1, 0)
        close = cue & (d <= 3) & (hc[np.arange(len(hc)), side] >= 0)
        ones.append(owner[close] * n_dense + hc[close][np.arange(int(close.sum())), side[close]])
        cc = cue & in_clause & (hc[:, 2] >= 0)
        ones.append(owner[cc] * n_dense + hc[cc, 2])
    if flat:
        dense += np.bincount(np.concatenate(flat), np.concatenate(values), n_rows * n_dense
                             ).reshape(n_rows, n_dense)
    if ones:
        dense.reshape(-1)[np.concatenate(ones)] = 1.0
    # --- the tokens: negators, possessives, position
    negs = np.concatenate([[0], np.cumsum(forms[:, _NEG])])
    fb, lb = f_tok - base_tok, l_tok - base_tok
    before = np.maximum(f_tok - 3, t0) - base_tok
    dense[:, col["negator_before"]] = (negs[fb] - negs[before] > 0).astype(float)
    a_lo = starts_a.searchsorted(c_lo) - base_tok
    a_hi = starts_a.searchsorted(c_hi) - base_tok
    dense[:, col["negator_clause"]] = (negs[np.maximum(a_hi, a_lo)] - negs[a_lo] > 0).astype(float)
    if has.any():
        lb_safe = np.minimum(np.maximum(lb, 0), max(len(forms) - 1, 0))
        poss = forms[lb_safe, _POSS] if len(forms) else np.zeros(n_rows, dtype=np.intp)
        tail = np.array([text[e:e + 2] in ("'s", "\u2019s") for e in m_end])
        dense[:, col["role_possessive"]] = np.where(has, ((poss > 0) | tail).astype(float), 0.0)
        dense[:, col["first_token"]] = np.where(has, (first == 0).astype(float), 0.0)
        dense[:, col["relative_position"]] = np.where(has, first / np.maximum(n, 1), 0.0)
        dense[:, col["target_tokens"]] = np.where(has, (last - first + 1).astype(float), 0.0)
        dense[:, col["sentence_tokens_log"]] = np.where(has, logs[sj], 0.0)
    if len(quotes):
        inside = quotes.searchsorted(ms) - quotes.searchsorted(lo)
        dense[:, col["in_quotes"]] = (inside % 2 == 1).astype(float)
    dense[:, col["sentence_question"]] = np.array(questions)[sj]
    # --- the terms: the masked sentence, the bigrams around the target, the window
    parts_rows: list[np.ndarray] = []
    parts_cols: list[np.ndarray] = []
    for lo_r, hi_r, which in ((t0, f_tok, _UNI), (l_tok + 1, t1, _UNI), (np.maximum(f_tok - WINDOW, t0), f_tok, _LEFT),
                              (l_tok + 1, np.minimum(l_tok + 1 + WINDOW, t1), _RIGHT)):
        r_, i_ = _ranges(np.where(has, lo_r, 0), np.where(has, hi_r, 0))
        parts_rows.append(r_)
        parts_cols.append(forms[i_ - base_tok, which])
    everyone = np.flatnonzero(has)
    parts_rows.append(everyone)
    parts_cols.append(np.full(len(everyone), a.tgt, dtype=np.intp))
    prev = np.flatnonzero(has & (f_tok > t0))
    parts_rows.append(prev)
    parts_cols.append(forms[f_tok[prev] - 1 - base_tok, _PREV])
    nxt = np.flatnonzero(has & (l_tok + 1 < t1))
    parts_rows.append(nxt)
    parts_cols.append(forms[l_tok[nxt] + 1 - base_tok, _NEXT])
    term_rows, term_cols = np.concatenate(parts_rows), np.concatenate(parts_cols)
    known = term_cols >= 0
    return rows, dense, _probabilities(a, dense, term_rows[known] * a.n_terms + term_cols[known])


def _probabilities(a: _Model, dense: np.ndarray, term_keys: np.ndarray) -> np.ndarray:
    """The model's probabilities from the dense features and the keys ``row * n_terms + column`` of the terms."""
    n_rows = dense.shape[0]
    scores = a.base + dense @ a.dense
    keys, counts = np.unique(term_keys, return_counts=True)
    if len(keys):
        t_rows, t_cols = keys // a.n_terms, keys % a.n_terms
        w = a.idf[t_cols] * np.where(counts == 1, 1.0, 1.0 + np.log(counts))
        length = np.sqrt(np.bincount(t_rows, w * w, n_rows))
        x = w * (1.0 / np.where(length > 0, length, 1.0))[t_rows]
        for j in range(scores.shape[1]):
            scores[:, j] += np.bincount(t_rows, x * a.terms[t_cols, j], n_rows)
    scores /= a.temperature
    scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    probs: np.ndarray = scores / scores.sum(axis=1, keepdims=True)
    return probs
