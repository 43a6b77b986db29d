# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled VADER rule walk of :class:`framing.tone.vader_rules.Rules`: the same compounds as its Python reference.

:class:`Walker` scores a text the way ``Rules.compound`` and
:func:`framing.tone.vader.score_and_explain` do: the whitespace tokens of
the text (``str.split()``'s white space), each token's VADER word and what
the rules read of it computed once per distinct token (a cache of
:class:`Tok`), then NLTK's loop over the lexicon words in C doubles, which
are IEEE doubles like Python floats, in the same order of operations
(``setup.py`` builds this module with floating-point contraction off, so no
``a * b + c`` becomes one fused step). The sum follows ``builtins.sum`` of the
Python version it was compiled for (compensated from Python 3.12 on), and
the compound is rounded by Python's ``round``. A text where an idiom or a
two-word booster of VADER's matches (``"kiss of death"``, ``"kind of"`` before
a word) is scored by the Python reference, which the walker is given:
those set a valence to an int and are rare. ``tests/test_vader_compiled.py``
compares both on real sentences.
"""

from cpython.dict cimport PyDict_GetItem, PyDict_SetItem
from cpython.list cimport PyList_Append, PyList_GET_ITEM, PyList_GET_SIZE
from cpython.object cimport PyObject
from cpython.unicode cimport Py_UNICODE_ISSPACE
from libc.math cimport fabs, isfinite, sqrt
from libc.stdlib cimport free, realloc

import builtins

cdef extern from "Python.h":
    int PY_VERSION_HEX
    Py_ssize_t PyUnicode_GET_LENGTH(object)
    Py_UCS4 PyUnicode_READ_CHAR(object, Py_ssize_t)
    object PyUnicode_Substring(object, Py_ssize_t, Py_ssize_t)
    int PyUnicode_KIND(object)
    void* PyUnicode_DATA(object)
    Py_UCS4 PyUnicode_READ(int, void*, Py_ssize_t)

cdef object _round = builtins.round
#: distinct tokens the cache holds before it is cleared (as the reference's ``_MAX_TOKENS``): 50,000 keep
#: about 89% of an archive's lookups hits (a cache of 200,000 about 96%; each miss costs a microsecond or
#: two) in about 20 MB, where 200,000 grew to about 80 MB on a long stream
MAX_TOKENS = 50_000


cdef class Tok:
    """One whitespace token as the rules read it (cached per distinct token)."""

    cdef readonly unicode token, word, lower
    cdef readonly bint known, upper, booster, negated, never, so_this, least, at_very, kind, of, but
    cdef readonly bint starts_phrase
    cdef readonly double valence, boost
    cdef readonly Py_ssize_t wid, shift


cdef class Walker:
    """VADER's rules over a text, compiled; built from a :class:`~framing.tone.vader_rules.Rules`."""

    cdef dict lexicon, boosters, idioms, tokens, word_ids
    cdef frozenset negate, marks, starters
    cdef object strip, fallback_compound, fallback_explain, tone_word
    cdef double c_incr, n_scalar
    cdef double* sent
    cdef Py_ssize_t* at
    cdef Py_ssize_t cap
    cdef public Py_ssize_t max_tokens

    def __cinit__(self):
        self.sent = NULL
        self.at = NULL
        self.cap = 0

    def __init__(self, rules, strip, tone_word, fallback_compound, fallback_explain):
        self.lexicon = rules.lexicon
        self.boosters = rules.boosters
        self.idioms = rules.idioms
        self.negate = rules.negate
        self.marks = rules.marks
        self.c_incr = rules.c_incr
        self.n_scalar = rules.n_scalar
        self.strip = strip
        self.tone_word = tone_word
        self.fallback_compound = fallback_compound
        self.fallback_explain = fallback_explain
        self.tokens = {}
        self.word_ids = {}
        self.max_tokens = MAX_TOKENS
        # a phrase "a b" or "a b c" of VADER's idioms or boosters can match only where its first word stands
        self.starters = frozenset(key.split(" ")[0] for key in (*self.idioms, *self.boosters) if " " in key)

    def __dealloc__(self):
        free(self.sent)
        free(self.at)

    @property
    def cached_tokens(self):
        """How many distinct tokens the cache holds."""
        return len(self.tokens)

    @property
    def cached_words(self):
        """How many distinct words have an id (at most :attr:`cached_tokens`)."""
        return len(self.word_ids)

    cdef int _reserve(self, Py_ssize_t n) except -1:
        cdef void* p
        if n <= self.cap:
            return 0
        n = max(n, 2 * self.cap, 64)
        p = realloc(self.sent, n * sizeof(double))
        if p is NULL:
            raise MemoryError("no memory for VADER's valences")
        self.sent = <double*>p
        p = realloc(self.at, n * sizeof(Py_ssize_t))
        if p is NULL:
            raise MemoryError("no memory for VADER's offsets")
        self.at = <Py_ssize_t*>p
        self.cap = n
        return 0

    cdef Tok _make(self, unicode token):
        cdef Tok t = Tok.__new__(Tok)
        cdef unicode word = self.strip(token, self.marks)
        cdef unicode lower = word.lower()
        cdef PyObject* found
        t.token, t.word, t.lower = token, word, lower
        found = PyDict_GetItem(self.lexicon, lower)
        t.known = found is not NULL
        t.valence = <double><object>found if t.known else 0.0
        found = PyDict_GetItem(self.boosters, lower)
        t.booster = found is not NULL
        t.boost = <double><object>found if t.booster else 0.0
        t.upper = word.isupper()
        t.negated = lower in self.negate or "n't" in lower
        t.never = word == "never"
        t.so_this = word == "so" or word == "this"
        t.least = lower == "least"
        t.at_very = lower == "at" or lower == "very"
        t.kind = lower == "kind"
        t.of = lower == "of"
        t.but = lower == "but"
        t.starts_phrase = word in self.starters
        t.shift = max(token.find(word), 0)
        found = PyDict_GetItem(self.word_ids, word)
        if found is NULL:
            t.wid = len(self.word_ids)
            PyDict_SetItem(self.word_ids, word, t.wid)
        else:
            t.wid = <Py_ssize_t><object>found
        return t

    cdef list _toks(self, unicode text):
        """The tokens of 2+ characters (VADER's words), their starts in ``self.at``."""
        cdef list toks = []
        cdef Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0, a, m = 0
        cdef int kind = PyUnicode_KIND(text)
        cdef void* data = PyUnicode_DATA(text)
        cdef PyObject* hit
        cdef object token
        cdef Tok t
        self._reserve(n // 2 + 1)  # a token of 2+ characters and a space: at most n // 2 + 1 of them
        if len(self.tokens) >= self.max_tokens:
            self.tokens.clear()
            self.word_ids.clear()  # no token left holds an id: a new table, bounded like the cache
        while i < n:
            while i < n and Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
                i += 1
            a = i
            while i < n and not Py_UNICODE_ISSPACE(PyUnicode_READ(kind, data, i)):
                i += 1
            if i - a < 2:
                continue
            token = PyUnicode_Substring(text, a, i)
            hit = PyDict_GetItem(self.tokens, token)
            if hit is NULL:
                t = self._make(token)
                PyDict_SetItem(self.tokens, token, t)
            else:
                t = <Tok>hit
            self.at[m] = a
            m += 1
            PyList_Append(toks, t)
        return toks

    cdef int _phrase(self, list toks, Py_ssize_t i, Py_ssize_t n) except -1:
        """1 if NLTK's ``_idioms_check`` at word ``i`` finds an idiom or a two-word booster, else 0."""
        cdef Tok w0 = <Tok>PyList_GET_ITEM(toks, i)
        cdef Tok w1 = <Tok>PyList_GET_ITEM(toks, i - 1)
        cdef Tok w2 = <Tok>PyList_GET_ITEM(toks, i - 2)
        cdef Tok w3 = <Tok>PyList_GET_ITEM(toks, i - 3)
        cdef dict idioms = self.idioms, boosters = self.boosters
        if not (w0.starts_phrase or w1.starts_phrase or w2.starts_phrase or w3.starts_phrase):
            return 0
        if w1.starts_phrase and f"{w1.word} {w0.word}" in idioms:
            return 1
        if w2.starts_phrase:
            if f"{w2.word} {w1.word} {w0.word}" in idioms:
                return 1
            if f"{w2.word} {w1.word}" in idioms or f"{w2.word} {w1.word}" in boosters:
                return 1
        if w3.starts_phrase:
            if f"{w3.word} {w2.word} {w1.word}" in idioms:
                return 1
            if f"{w3.word} {w2.word}" in idioms or f"{w3.word} {w2.word}" in boosters:
                return 1
        if w0.starts_phrase:
            if n - 1 > i and f"{w0.word} {(<Tok>PyList_GET_ITEM(toks, i + 1)).word}" in idioms:
                return 1
            if n - 1 > i + 1 and (f"{w0.word} {(<Tok>PyList_GET_ITEM(toks, i + 1)).word} "
                                  f"{(<Tok>PyList_GET_ITEM(toks, i + 2)).word}") in idioms:
                return 1
        return 0

    cdef int _valences(self, list toks) except -2:
        """NLTK's loop into ``self.sent``: 1 when a lexicon word was found, 0 when none, -1 to fall back."""
        cdef Py_ssize_t n = PyList_GET_SIZE(toks), k, i, j, start_i, allcaps = 0, last = n - 1, bi = -1
        cdef bint any_known = False, is_cap_diff
        cdef double valence, s, c_incr = self.c_incr, n_scalar = self.n_scalar
        cdef double* sent = self.sent
        cdef Tok t, ti, tj, tk
        for k in range(n):
            t = <Tok>PyList_GET_ITEM(toks, k)
            sent[k] = 0.0
            if t.known:
                any_known = True
            if t.upper:
                allcaps += 1
            if bi < 0 and t.but:
                bi = k
        if not any_known:
            return 0
        is_cap_diff = 0 < n - allcaps < n
        for k in range(n):
            tk = <Tok>PyList_GET_ITEM(toks, k)
            if not tk.known:
                continue
            i = 0  # NLTK reads the context of the word's first occurrence
            while (<Tok>PyList_GET_ITEM(toks, i)).wid != tk.wid:
                i += 1
            if (i < last and tk.kind and (<Tok>PyList_GET_ITEM(toks, i + 1)).of) or tk.booster:
                continue
            valence = tk.valence
            if is_cap_diff and tk.upper:
                if valence > 0:
                    valence += c_incr
                else:
                    valence -= c_incr
            for start_i in range(3):
                j = i - (start_i + 1)
                if i > start_i:
                    tj = <Tok>PyList_GET_ITEM(toks, j)
                    if tj.known:
                        continue
                    s = 0.0
                    if tj.booster:
                        s = tj.boost
                        if valence < 0:
                            s *= -1
                        if tj.upper and is_cap_diff:
                            if valence > 0:
                                s += c_incr
                            else:
                                s -= c_incr
                    if start_i == 1 and s != 0:
                        s = s * 0.95
                    if start_i == 2 and s != 0:
                        s = s * 0.9
                    valence = valence + s
                    # _never_check
                    if start_i == 0:
                        if (<Tok>PyList_GET_ITEM(toks, i - 1)).negated:
                            valence = valence * n_scalar
                    elif start_i == 1:
                        if (<Tok>PyList_GET_ITEM(toks, i - 2)).never and (<Tok>PyList_GET_ITEM(toks, i - 1)).so_this:
                            valence = valence * 1.5
                        elif (<Tok>PyList_GET_ITEM(toks, i - 2)).negated:
                            valence = valence * n_scalar
                    else:
                        if (((<Tok>PyList_GET_ITEM(toks, i - 3)).never and (<Tok>PyList_GET_ITEM(toks, i - 2)).so_this)
                                or (<Tok>PyList_GET_ITEM(toks, i - 1)).so_this):
                            valence = valence * 1.25
                        elif (<Tok>PyList_GET_ITEM(toks, i - 3)).negated:
                            valence = valence * n_scalar
                        if self._phrase(toks, i, n):
                            return -1
            # _least_check
            if i > 1:
                t = <Tok>PyList_GET_ITEM(toks, i - 1)
                if not t.known and t.least:
                    ti = <Tok>PyList_GET_ITEM(toks, i - 2)
                    if not ti.at_very:
                        valence = valence * n_scalar
            elif i > 0:
                t = <Tok>PyList_GET_ITEM(toks, i - 1)
                if not t.known and t.least:
                    valence = valence * n_scalar
            sent[k] = valence
        if bi >= 0:  # _but_check
            for k in range(n):
                if k < bi:
                    sent[k] = sent[k] * 0.5
                elif k > bi:
                    sent[k] = sent[k] * 1.5
        return 1

    cdef object _compound(self, unicode text, Py_ssize_t n):
        """``compound_of(sentiments, text)`` of the valences in ``self.sent``."""
        cdef double sum_s = _sum(self.sent, n), emphasis, qm_amplifier = 0.0
        cdef Py_ssize_t ep_count, qm_count
        if sum_s != 0:
            ep_count = min(text.count("!"), 4)
            qm_count = text.count("?")
            if qm_count > 1:
                qm_amplifier = qm_count * 0.18 if qm_count <= 3 else 0.96
            emphasis = ep_count * 0.292 + qm_amplifier
            if sum_s > 0:
                sum_s += emphasis
            else:
                sum_s -= emphasis
        return _round(sum_s / sqrt((sum_s * sum_s) + 15), 4)

    def compound(self, unicode text):
        """``Rules.compound(text)``: VADER's compound score (0.0 without a lexicon word)."""
        cdef list toks = self._toks(text)
        cdef int found = self._valences(toks)
        if found == 0:
            return 0.0
        if found < 0:
            return self.fallback_compound(text)
        return self._compound(text, PyList_GET_SIZE(toks))

    def explain(self, unicode text, Py_ssize_t offset=0):
        """``score_and_explain(text, offset)``: the compound and the lexicon words as ToneWord objects."""
        cdef list toks = self._toks(text)
        cdef int found = self._valences(toks)
        cdef Py_ssize_t k, a, n = PyList_GET_SIZE(toks)
        cdef list out = []
        cdef Tok t
        if found == 0:
            return 0.0, out
        if found < 0:
            return self.fallback_explain(text, offset)
        compound = self._compound(text, n)
        make = self.tone_word
        for k in range(n):
            t = <Tok>PyList_GET_ITEM(toks, k)
            if t.known:
                a = self.at[k] + t.shift + offset
                PyList_Append(out, make(a, a + len(t.word), t.word, self.lexicon[t.lower], self.sent[k]))
        return compound, out


cdef inline double _sum(double* x, Py_ssize_t n):
    """``float(sum(x))`` as ``builtins.sum`` adds floats: Neumaier's compensated sum from Python 3.12 on."""
    cdef double f = 0.0, c = 0.0, t
    cdef Py_ssize_t k
    if PY_VERSION_HEX >= 0x030C0000:
        for k in range(n):
            t = f + x[k]
            if fabs(f) >= fabs(x[k]):
                c += (f - t) + x[k]
            else:
                c += (x[k] - t) + f
            f = t
        if c != 0 and isfinite(c):
            f += c
        return f
    for k in range(n):
        f += x[k]
    return f


def float_sum(values):
    """The kernel's sum of a sequence of floats (what ``tests/test_vader_compiled.py`` compares with ``sum``)."""
    cdef Py_ssize_t n = len(values), k
    cdef double* x = <double*>realloc(NULL, max(n, 1) * sizeof(double))
    if x is NULL:
        raise MemoryError("no memory for the values")
    try:
        for k in range(n):
            x[k] = values[k]
        return _sum(x, n)
    finally:
        free(x)
