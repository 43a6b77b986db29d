# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled kernels of :mod:`framing.text`: the same outputs as its Python reference.

Each function here mirrors one reference function of ``framing/text.py``
character for character (the regular expressions there are the
specification; the comments here say which one each loop implements).
``framing.text`` calls :func:`bind` once with the classes and word lists the
kernels need, then dispatches to them unless ``FRAMING_PURE_PYTHON=1``;
``tests/test_compiled_identity.py`` runs both on real articles and
adversarial strings and requires identical output.
"""

from cpython.unicode cimport (
    Py_UNICODE_ISALNUM,
    Py_UNICODE_ISDECIMAL,
    Py_UNICODE_ISDIGIT,
    Py_UNICODE_ISLOWER,
    Py_UNICODE_ISSPACE,
)
from cpython.list cimport PyList_Append


cdef extern from "Python.h":
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index)
    object PyUnicode_Substring(object text, Py_ssize_t start, Py_ssize_t end)


# Bound by framing.text (bind): the types built and the word lists consulted.
cdef object _Sentence = None
cdef object _Tokens = None
cdef frozenset _never_final = frozenset()
cdef frozenset _usually_internal = frozenset()
cdef frozenset _openers = frozenset()
cdef frozenset _negators = frozenset()
cdef object _normalize_table = None
cdef tuple _normalize_pairs = ()
cdef Py_ssize_t _longest_abbreviation = 0


def bind(sentence, tokens, never_final, usually_internal, openers, negators,
         normalize_table, normalize_pairs):
    """Give the kernels the classes they build and the word lists they consult."""
    global _Sentence, _Tokens, _never_final, _usually_internal, _openers, _negators
    global _normalize_table, _normalize_pairs, _longest_abbreviation
    _Sentence = sentence
    _Tokens = tokens
    _never_final = frozenset(never_final)
    _usually_internal = frozenset(usually_internal)
    _openers = frozenset(openers)
    _negators = frozenset(negators)
    _normalize_table = normalize_table
    _normalize_pairs = tuple(normalize_pairs)
    _longest_abbreviation = max([len(w) for w in _never_final | _usually_internal] or [0])


# ---------------------------------------------------------------- characters

cdef inline bint _alnum(Py_UCS4 c):
    """``[^\\W_]`` of Python's ``re`` on ``str``: ``str.isalnum``."""
    if c < 128:
        return (97 <= c <= 122) or (65 <= c <= 90) or (48 <= c <= 57)
    return Py_UNICODE_ISALNUM(c)


cdef inline bint _word(Py_UCS4 c):
    """``\\w``: alphanumeric or underscore."""
    return c == 95 or _alnum(c)


cdef inline bint _space(Py_UCS4 c):
    """``\\s`` and ``str.isspace``."""
    if c < 128:
        return c == 32 or (9 <= c <= 13) or (28 <= c <= 31)
    return Py_UNICODE_ISSPACE(c)


cdef inline bint _decimal(Py_UCS4 c):
    """``\\d``: a Unicode decimal digit."""
    if c < 128:
        return 48 <= c <= 57
    return Py_UNICODE_ISDECIMAL(c)


cdef inline bint _joiner(Py_UCS4 c):
    """``[-'\\u2019.&]``: the characters that join two parts of one token."""
    return c == 45 or c == 39 or c == 0x2019 or c == 46 or c == 38


cdef inline bint _terminal(Py_UCS4 c):
    """``[.!?\\u2026]``."""
    return c == 46 or c == 33 or c == 63 or c == 0x2026


cdef inline bint _closer(Py_UCS4 c):
    """``['"\\u2019\\u201d)\\]]``: closing quotes and brackets after terminal punctuation."""
    return c == 39 or c == 34 or c == 0x2019 or c == 0x201D or c == 41 or c == 93


cdef inline bint _opener(Py_UCS4 c):
    """``['"\\u2018\\u201c(\\[]``: opening quotes and brackets before the next word."""
    return c == 39 or c == 34 or c == 0x2018 or c == 0x201C or c == 40 or c == 91


cdef inline bint _word_before_char(Py_UCS4 c):
    """``[\\w.'\\u2019-]``: the characters of the word before a boundary."""
    return c == 46 or c == 39 or c == 0x2019 or c == 45 or _word(c)


# ------------------------------------------------------------------- tokens

cdef Py_ssize_t _scan_tokens(object text, list starts, list ends) except -1:
    """The spans of ``_TOKEN.finditer(text)``; appended to the lists unless they are None.

    ``_TOKEN`` is ``[^\\W_]+(?:[-'\\u2019.&][^\\W_]+)*``: a run of
    alphanumerics, then any number of joiner-and-run pairs. Returns the
    number of tokens.
    """
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text)
    cdef Py_ssize_t i = 0, s, count = 0
    while i < n:
        if not _alnum(PyUnicode_READ(kind, data, i)):
            i += 1
            continue
        s = i
        i += 1
        while i < n and _alnum(PyUnicode_READ(kind, data, i)):
            i += 1
        while (i + 1 < n and _joiner(PyUnicode_READ(kind, data, i))
               and _alnum(PyUnicode_READ(kind, data, i + 1))):
            i += 2
            while i < n and _alnum(PyUnicode_READ(kind, data, i)):
                i += 1
        count += 1
        if starts is not None:
            PyList_Append(starts, s)
            PyList_Append(ends, i)
    return count


def count_words(text):
    """``len(_TOKEN.findall(text))`` for a ``str``."""
    return _scan_tokens(text, None, None)


def tokenize(text):
    """``framing.text.tokenize`` for a ``str``: the same ``Tokens``."""
    cdef list starts = [], ends = [], norms = []
    cdef Py_ssize_t i, n
    cdef object lowered = text.lower()
    if len(lowered) != len(text):
        # The reference's slow path: tokens of the text, each normalized alone.
        n = _scan_tokens(text, starts, ends)
        for i in range(n):
            norms.append(
                PyUnicode_Substring(text, starts[i], ends[i]).lower().translate(_normalize_table))
        return _Tokens(starts, ends, norms)
    for char, repl in _normalize_pairs:
        if char in lowered:
            lowered = lowered.replace(char, repl)
    # The reference tokenizes the lowered text (where U+2018 and U+2010 are
    # already the joiners ' and -), so this does too.
    n = _scan_tokens(lowered, starts, ends)
    for i in range(n):
        PyList_Append(norms, PyUnicode_Substring(lowered, starts[i], ends[i]))
    return _Tokens(starts, ends, norms)


# ---------------------------------------------------------------- sentences

cdef Py_ssize_t _word_before_start(int kind, void* data, Py_ssize_t end, Py_ssize_t* stop):
    """Start of ``_word_before(text, end)`` (its end in ``stop``), or -1 when it is None.

    ``_WORD_BEFORE`` is ``([^\\W\\d_][\\w.'\\u2019-]*|\\d[\\w.]*)$`` searched in
    ``text[max(0, end - 40):end]``; ``$`` also matches before a final newline.
    """
    cdef Py_ssize_t lo = end - 40 if end > 40 else 0
    cdef Py_ssize_t e = end, r, s, k
    cdef Py_UCS4 c
    cdef bint ok
    if e > lo and _word_before_char(PyUnicode_READ(kind, data, e - 1)):
        pass
    elif e > 0 and PyUnicode_READ(kind, data, e - 1) == 10:
        e -= 1  # the match ends before the final newline
    else:
        return -1
    r = e
    while r > lo and _word_before_char(PyUnicode_READ(kind, data, r - 1)):
        r -= 1
    # The leftmost start whose rest matches one of the two alternatives.
    for s in range(r, e):
        c = PyUnicode_READ(kind, data, s)
        if _decimal(c):
            ok = True
            for k in range(s + 1, e):
                c = PyUnicode_READ(kind, data, k)
                if c == 39 or c == 0x2019 or c == 45:
                    ok = False
                    break
            if ok:
                stop[0] = e
                return s
        elif _alnum(c):
            stop[0] = e
            return s
    return -1


cdef bint _ends_sentence(object text, int kind, void* data, Py_ssize_t n, Py_ssize_t p,
                         int alt, Py_ssize_t punct_end, Py_ssize_t close_end, Py_ssize_t m_end):
    """``_ends_sentence`` for the boundary at ``p`` (alt 1: punctuation, 2: paragraph, 3: line)."""
    cdef Py_ssize_t q, w_start = -1, w_end = -1, k, lo, ws, we = 0
    cdef Py_UCS4 c, first
    if alt == 2:
        return True
    # _NEXT_WORD: ['"\u2018\u201c(\[]*([^\W_][\w'\u2019-]*)?
    q = m_end
    while q < n and _opener(PyUnicode_READ(kind, data, q)):
        q += 1
    if q < n and _alnum(PyUnicode_READ(kind, data, q)):
        w_start = q
        q += 1
        while q < n:
            c = PyUnicode_READ(kind, data, q)
            if not (c == 39 or c == 0x2019 or c == 45 or _word(c)):
                break
            q += 1
        w_end = q
    if alt == 3:
        lo = p - 64 if p > 64 else 0
        k = p - 1
        while k >= lo and _space(PyUnicode_READ(kind, data, k)):
            k -= 1
        if k < lo:
            return False
        c = PyUnicode_READ(kind, data, k)
        if c in u".!?:;\"'\u201d\u2019)]":
            return True
        return w_start >= 0 and not Py_UNICODE_ISLOWER(PyUnicode_READ(kind, data, w_start))
    if w_start < 0:
        # `following not in ",;:%)]}"`, where "" (the end of the text) is in it
        return m_end < n and PyUnicode_READ(kind, data, m_end) not in u",;:%)]}"
    first = PyUnicode_READ(kind, data, w_start)
    if Py_UNICODE_ISLOWER(first):
        return False
    if punct_end - p != 1 or PyUnicode_READ(kind, data, p) != 46 or close_end > punct_end:
        return True
    ws = _word_before_start(kind, data, p, &we)
    if ws < 0:
        return True
    if we - ws > _longest_abbreviation:
        # Lower-casing never shortens a word: a long word without a period is
        # no abbreviation, no initial and no dotted acronym (the common case).
        for k in range(ws, we):
            if PyUnicode_READ(kind, data, k) == 46:
                break
        else:
            return True
    word = PyUnicode_Substring(text, ws, we)
    prev = word.lower().replace(u"\u2019", u"'")
    if prev in _never_final:
        return False
    next_word = PyUnicode_Substring(text, w_start, w_end)
    if len(prev) == 1 and prev.isalpha():
        return word.islower() or next_word.lower() in _openers
    if prev in _usually_internal or ("." in prev and all(len(x) <= 2 for x in prev.split("."))):
        return next_word.lower() in _openers and not Py_UNICODE_ISDIGIT(first)
    return True


cdef int _append_trimmed(int kind, void* data, Py_ssize_t start, Py_ssize_t end,
                         list out) except -1:
    while start < end and _space(PyUnicode_READ(kind, data, start)):
        start += 1
    while end > start and _space(PyUnicode_READ(kind, data, end - 1)):
        end -= 1
    if end > start:
        PyList_Append(out, _Sentence(start, end))
    return 0


def split_sentences(text):
    """The sentences of ``framing.text.split_sentences`` for a ``str`` (no cache)."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text)
    cdef Py_ssize_t p = 0, q, r, start = 0, punct_end, close_end, m_end, end
    cdef int alt
    cdef Py_UCS4 c
    cdef list out = []
    while p < n:
        c = PyUnicode_READ(kind, data, p)
        # _BOUNDARY_START: a boundary can only start at [.!?\u2026\n]
        if not (c == 10 or _terminal(c)):
            p += 1
            continue
        alt = 0
        punct_end = close_end = p
        if _terminal(c) and (p == 0 or not _terminal(PyUnicode_READ(kind, data, p - 1))):
            # alternative 1: punct, close, then whitespace (required)
            q = p
            while q < n and _terminal(PyUnicode_READ(kind, data, q)):
                q += 1
            punct_end = q
            while q < n and _closer(PyUnicode_READ(kind, data, q)):
                q += 1
            close_end = q
            r = q
            while r < n and _space(PyUnicode_READ(kind, data, r)):
                r += 1
            if r > q:
                alt = 1
                m_end = r
        if alt == 0 and c == 10:
            q = p + 1
            while q < n:
                c = PyUnicode_READ(kind, data, q)
                if not (c == 32 or c == 9 or c == 13 or c == 12 or c == 11):
                    break
                q += 1
            if q < n and PyUnicode_READ(kind, data, q) == 10:
                alt = 2  # a paragraph break: \n[ \t\r\f\v]*\n\s*
                r = q + 1
            else:
                alt = 3  # a line break: \n\s*
                r = p + 1
            while r < n and _space(PyUnicode_READ(kind, data, r)):
                r += 1
            m_end = r
        if alt == 0:
            p += 1
            continue
        if _ends_sentence(text, kind, data, n, p, alt, punct_end, close_end, m_end):
            end = close_end if alt == 1 else p
            _append_trimmed(kind, data, start, end, out)
            start = m_end
        p = m_end
    _append_trimmed(kind, data, start, n, out)
    return out


# ----------------------------------------------------------------- negation

def negated_at(list norms, list starts, list ends, object text, Py_ssize_t index,
               Py_ssize_t window):
    """``framing.text.negated_at`` for list-valued tokens and ``0 <= index < len(norms)``."""
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_ssize_t n = len(text)
    cdef Py_ssize_t lo = index - window if index > window else 0
    cdef Py_ssize_t j, k, a, b, stop = starts[index]
    cdef Py_UCS4 c
    j = index - 1
    while j >= lo:
        # _CLAUSE_END.search(text, ends[j], stop): any of , ; : . ! ? between them
        a = ends[j]
        b = stop if stop < n else n
        if a < 0:
            a = 0
        for k in range(a, b):
            c = PyUnicode_READ(kind, data, k)
            if c == 44 or c == 59 or c == 58 or c == 46 or c == 33 or c == 63:
                return False
        word = norms[j]
        if word in _negators or word.endswith("n't"):
            return True
        stop = starts[j]
        j -= 1
    return False
