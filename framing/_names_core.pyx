# cython: language_level=3, boundscheck=False, wraparound=False
"""Compiled token scans of :mod:`framing.attribution.names`.

:func:`capitalised` is the first pass of ``names._runs`` (which tokens start
with a capital, hyphenated names included) and :func:`first_occurrences` is
``names._first_occurrences``; each gives its Python reference's output
(``tests/test_names_compiled.py`` compares them on real articles). Both take
the reference's rare cases as Python callables (``names._is_cap`` for a
hyphenated word, ``gazetteers.name_key`` for a word with a hyphen or an
apostrophe), so the rules stay written once.
"""

from cpython.dict cimport PyDict_GetItem, PyDict_SetItem
from cpython.list cimport PyList_Append, PyList_GET_SIZE
from cpython.object cimport PyObject
from cpython.unicode cimport Py_UNICODE_ISUPPER


cdef extern from "Python.h":
    Py_UCS4 PyUnicode_READ_CHAR(object text, Py_ssize_t index)
    Py_ssize_t PyUnicode_FindChar(object text, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction) except -2


def capitalised(str text, list starts, list ends, list norms, object is_cap):
    """``(caps, indices)``: per token whether it is capitalised, and the indices of those that are.

    The reference: ``caps = [text[s].isupper() for s in starts]``, then
    ``caps[k] = caps[k] or is_cap(text, starts[k], ends[k])`` for every
    token whose norm holds a hyphen.
    """
    cdef Py_ssize_t n = len(starts), k, s, size = len(text)
    cdef str w
    cdef bint c
    caps = [False] * n
    indices = []
    for k in range(n):
        s = starts[k]
        if s < 0 or s >= size:
            raise IndexError(f"token start {s} outside a text of {size} characters")
        c = Py_UNICODE_ISUPPER(PyUnicode_READ_CHAR(text, s))
        w = norms[k]
        if not c and PyUnicode_FindChar(w, u"-", 0, len(w), 1) >= 0:
            c = bool(is_cap(text, starts[k], ends[k]))
        if c:
            caps[k] = True
            PyList_Append(indices, k)
    return caps, indices


def first_occurrences(list norms, Py_ssize_t limit, object key_of):
    """The first ``limit`` token indices of each norm and, for a norm with ``-`` or ``'``, of its key."""
    cdef dict first = {}
    cdef Py_ssize_t t, n = len(norms)
    cdef str w
    cdef object key, index
    cdef PyObject* found
    for t in range(n):
        w = norms[t]
        index = t
        found = PyDict_GetItem(first, w)
        if found == NULL:
            PyDict_SetItem(first, w, [index])
        elif PyList_GET_SIZE(<list>found) < limit:
            PyList_Append(<list>found, index)
        if PyUnicode_FindChar(w, u"-", 0, len(w), 1) >= 0 or PyUnicode_FindChar(w, u"'", 0, len(w), 1) >= 0:
            key = key_of(w)
            if key != w:
                found = PyDict_GetItem(first, key)
                if found == NULL:
                    PyDict_SetItem(first, key, [index])
                elif PyList_GET_SIZE(<list>found) < limit:
                    PyList_Append(<list>found, index)
    return first
