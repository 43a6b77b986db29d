# cython: language_level=3
"""Compiled scoring loop of :meth:`framing.tagger.Tagger.tag_forms`: the same tags as its Python reference.

Greedy left-to-right decoding with NLTK's averaged perceptron: a form in the
tag dictionary takes its tag; any other form is scored by summing, feature
by feature in the order of the feature function and label by label, the
weights of the features that fire, and takes the greatest label among the
best scores (NLTK's ``max(classes, key=(score, label))``). The feature
strings are those of NLTK's ``PerceptronTagger._get_features`` (``"nltk"``)
and of ``framing-2``'s and ``framing-3``'s ``FramingPerceptron._get_features``
(``framing/_tagger_features.py``), built character for character the same;
C doubles are IEEE doubles like Python floats and each score is summed in
the same order, so the tags are identical (``tests/test_tagger_compiled.py``).

A :class:`Model` keeps the weights dictionary it was given (not a copy) and,
per feature on first use, its weights packed as ``(label index, weight)``
pairs in a ``bytes`` object; per form for ``framing-2`` and ``framing-3``,
the scores after the features of the form alone (its first nine, and for
``framing-3`` its word classes: they read the form and its normalised form
only, and a sum started from the same floats in the same order is the
same); and per lexicon form the names of its class features: changing the
weights afterwards needs a new Model.
"""

from cpython.bytes cimport PyBytes_AS_STRING, PyBytes_FromStringAndSize, PyBytes_GET_SIZE
from cpython.dict cimport PyDict_GetItem, PyDict_SetItem, PyDict_Size
from cpython.list cimport PyList_Append
from cpython.object cimport PyObject
from cpython.unicode cimport Py_UNICODE_ISDIGIT, Py_UNICODE_ISLOWER, Py_UNICODE_ISUPPER
from libc.stdlib cimport free, malloc
from libc.string cimport memcpy


cdef extern from "Python.h":
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND


ctypedef struct Pair:
    Py_ssize_t label
    double weight


cdef Py_ssize_t _SHAPE_CHARS = 12  # word_shape reads the first 12 characters
#: word forms whose form-only scores (framing-2) are kept before the cache is cleared: each entry holds
#: the class scores and the shape (about 400 bytes), so 30,000 are about 12 MB
MAX_FORMS = 30_000
#: features whose weights are kept packed before that cache is cleared: the model has about 140,000, each
#: packed about 200 bytes with its name, so a long stream would pack them all (about 30 MB); 50,000 hold
#: the frequent ones (about 10 MB), and packing one again costs well under a microsecond
MAX_PACKED = 50_000


cdef class Model:
    """The perceptron's weights, tag dictionary and sorted classes, ready for :func:`tag_forms`."""

    cdef dict weights
    cdef dict tagdict
    cdef dict packed
    cdef dict prefixes
    cdef dict index
    cdef dict lexicon
    cdef dict lexicon_features
    cdef tuple unknown
    cdef tuple unknown_features
    cdef list classes
    cdef Py_ssize_t n
    cdef double* scores
    cdef public Py_ssize_t max_forms, max_packed

    def __cinit__(self, dict weights, dict tagdict, classes, dict lexicon=None, tuple unknown=()):
        self.weights = weights
        self.tagdict = tagdict
        self.lexicon = {} if lexicon is None else lexicon
        self.unknown = unknown
        if any(len(e) != len(unknown) for e in self.lexicon.values()):
            raise ValueError(f"every lexicon entry must have {len(unknown)} fields, as the unknown entry")
        self.lexicon_features = {}
        self.unknown_features = _lexicon_features(unknown)
        self.classes = sorted(classes)
        self.n = len(self.classes)
        self.index = {label: k for k, label in enumerate(self.classes)}
        self.packed = {}
        self.prefixes = {}
        self.max_forms = MAX_FORMS
        self.max_packed = MAX_PACKED
        self.scores = <double*>malloc((self.n + 1) * sizeof(double))
        if self.scores is NULL:
            raise MemoryError("no memory for the perceptron's scores")

    def __dealloc__(self):
        free(self.scores)

    @property
    def packed_features(self):
        """How many features have their weights packed so far."""
        return len(self.packed)

    @property
    def cached_forms(self):
        """How many word forms have their form-only scores cached (framing-2 and framing-3)."""
        return len(self.prefixes)

    cdef object _pack(self, dict labels):
        """The weights of one feature as (label index, weight) pairs, in the label dict's order."""
        cdef Py_ssize_t count = 0, k = 0
        cdef PyObject* found
        for label in labels:
            if PyDict_GetItem(self.index, label) is not NULL:
                count += 1
        cdef object out = PyBytes_FromStringAndSize(NULL, count * sizeof(Pair))
        cdef Pair* pairs = <Pair*>PyBytes_AS_STRING(out)
        for label, weight in labels.items():
            found = PyDict_GetItem(self.index, label)
            if found is NULL:  # a label outside the classes is never chosen (NLTK's max over classes)
                continue
            pairs[k].label = <Py_ssize_t><object>found
            pairs[k].weight = <double>weight
            k += 1
        return out

    cdef inline int _add(self, object feature) except -1:
        """Add the weights of ``feature`` (when the model has it) to the scores."""
        cdef PyObject* hit = PyDict_GetItem(self.packed, feature)
        cdef object packed
        cdef Pair* pairs
        cdef Py_ssize_t j, m
        if hit is NULL:
            hit = PyDict_GetItem(self.weights, feature)
            if hit is NULL:
                return 0
            packed = self._pack(<dict><object>hit)
            if PyDict_Size(self.packed) >= self.max_packed:
                self.packed.clear()
            PyDict_SetItem(self.packed, feature, packed)
        else:
            packed = <object>hit
        pairs = <Pair*>PyBytes_AS_STRING(packed)
        m = PyBytes_GET_SIZE(packed) // sizeof(Pair)
        for j in range(m):
            self.scores[pairs[j].label] += pairs[j].weight
        return 0

    cdef object _best(self):
        """The greatest label among the best scores (the classes are sorted)."""
        cdef Py_ssize_t k, best_k = 0
        cdef double best = self.scores[0]
        for k in range(1, self.n):
            if self.scores[k] >= best:
                best, best_k = self.scores[k], k
        return self.classes[best_k]


cdef tuple _lexicon_features(tuple entry):
    """A lexicon entry (class per size), its ``i c<k>``, ``i-1 c<k>`` and ``i+1 c<k>`` feature names."""
    cdef Py_ssize_t k, n = len(entry)
    return (entry,
            tuple([f"i c{k} " + entry[k] for k in range(n)]),
            tuple([f"i-1 c{k} " + entry[k] for k in range(n)]),
            tuple([f"i+1 c{k} " + entry[k] for k in range(n)]))


cdef inline tuple _entry(Model m, unicode form):
    """framing-3's lexicon entry of a normalised form and its feature names (built once per form)."""
    cdef PyObject* hit = PyDict_GetItem(m.lexicon_features, form)
    if hit is not NULL:
        return <tuple><object>hit
    hit = PyDict_GetItem(m.lexicon, form)
    if hit is NULL:
        return m.unknown_features
    cdef tuple out = _lexicon_features(<tuple><object>hit)
    PyDict_SetItem(m.lexicon_features, form, out)
    return out


cdef unicode _shape(unicode word):
    """framing.tagger.word_shape: X upper, x lower, d digit, others as they are, runs collapsed."""
    cdef Py_UCS4 buf[12]
    cdef Py_UCS4 c, o
    cdef Py_ssize_t j, k = 0
    cdef Py_ssize_t n = len(word)
    if n > _SHAPE_CHARS:
        n = _SHAPE_CHARS
    for j in range(n):
        c = word[j]
        if Py_UNICODE_ISUPPER(c):
            o = u"X"
        elif Py_UNICODE_ISLOWER(c):
            o = u"x"
        elif Py_UNICODE_ISDIGIT(c):
            o = u"d"
        else:
            o = c
        # re.sub(r"(.)\1+", r"\1"): "." is any character but a newline
        if k and o == buf[k - 1] and o != u"\n":
            continue
        buf[k] = o
        k += 1
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, k)


cdef int _nltk_features(Model m, Py_ssize_t i, unicode word, list context,
                        unicode prev, unicode prev2) except -1:
    """NLTK's PerceptronTagger._get_features, scored as each feature is built."""
    cdef Py_ssize_t k = i + 2
    cdef unicode before = context[k - 1], here = context[k], after = context[k + 1]
    m._add(u"bias")
    m._add(u"i suffix " + word[-3:])
    m._add(u"i pref1 " + word[:1])
    m._add(u"i-1 tag " + prev)
    m._add(u"i-2 tag " + prev2)
    m._add(u"i tag+i-2 tag " + prev + u" " + prev2)
    m._add(u"i word " + here)
    m._add(u"i-1 tag+i word " + prev + u" " + here)
    m._add(u"i-1 word " + before)
    m._add(u"i-1 suffix " + before[-3:])
    m._add(u"i-2 word " + <unicode>context[k - 2])
    m._add(u"i+1 word " + after)
    m._add(u"i+1 suffix " + after[-3:])
    m._add(u"i+2 word " + <unicode>context[k + 2])
    return 0


cdef int _framing_features(Model m, Py_ssize_t i, unicode word, list context,
                           unicode prev, unicode prev2, bint rich) except -1:
    """FramingPerceptron._get_features (framing-2, or framing-3 when ``rich``), scored as each feature is built.

    ``context[i + 2]`` must be the normalised ``word`` (the per-form cache relies on it); framing-3's
    word lexicon is ``m.lexicon`` (normalised form -> (class per size), ``m.unknown`` when absent).
    """
    cdef Py_ssize_t k = i + 2
    cdef unicode w = context[k], before = context[k - 1], after = context[k + 1]
    cdef unicode after2 = context[k + 2]
    cdef unicode suffix = word[-3:]
    cdef unicode shape, last, first, second
    cdef PyObject* hit = PyDict_GetItem(m.prefixes, word)
    cdef tuple entry, here, left, right, right2, names
    cdef unicode cm
    cdef Py_ssize_t c, n_lex, mid
    if rich:
        here = _entry(m, w)
    if hit is not NULL:  # the scores after the nine features of the form alone, and its shape
        entry = <tuple><object>hit
        memcpy(m.scores, PyBytes_AS_STRING(entry[0]), m.n * sizeof(double))
        shape = entry[1]
    else:
        shape = _shape(word)
        m._add(u"bias")
        m._add(u"i suffix " + suffix)
        m._add(u"i suffix1 " + word[-1:])
        m._add(u"i suffix2 " + word[-2:])
        m._add(u"i suffix4 " + word[-4:])
        m._add(u"i pref1 " + word[:1])
        m._add(u"i pref3 " + w[:3])
        m._add(u"i shape " + shape)
        m._add(u"i form " + word)
        if rich:
            for name in <tuple>here[1]:
                m._add(name)
        if len(m.prefixes) >= m.max_forms:
            m.prefixes.clear()
        PyDict_SetItem(m.prefixes, word,
                       (PyBytes_FromStringAndSize(<char*>m.scores, m.n * sizeof(double)), shape))
    m._add(u"i-1 tag+i shape " + prev + u" " + shape)
    m._add(u"i shape+i+1 word " + shape + u" " + after)
    m._add(u"i-1 tag " + prev)
    m._add(u"i-2 tag " + prev2)
    m._add(u"i tag+i-2 tag " + prev + u" " + prev2)
    m._add(u"i word " + w)
    m._add(u"i-1 tag+i word " + prev + u" " + w)
    m._add(u"i-1 tag+i suffix " + prev + u" " + suffix)
    m._add(u"i-1 word " + before)
    m._add(u"i-1 word+i word " + before + u" " + w)
    m._add(u"i-1 suffix " + before[-3:])
    m._add(u"i-2 word " + <unicode>context[k - 2])
    m._add(u"i+1 word " + after)
    m._add(u"i word+i+1 word " + w + u" " + after)
    m._add(u"i+1 suffix " + after[-3:])
    m._add(u"i+2 word " + after2)
    m._add(u"i+2 suffix " + after2[-3:])
    if rich:
        left, right, right2 = _entry(m, before), _entry(m, after), _entry(m, after2)
        n_lex = len(<tuple>here[0])
        for c in range(n_lex):
            m._add((<tuple>left[2])[c])
            m._add((<tuple>right[3])[c])
        if n_lex:
            mid = 1 if n_lex > 1 else 0
            cm = (<tuple>here[0])[mid]
            m._add(u"i-1 tag+i cm " + prev + u" " + cm)
            m._add(u"i cm+i+1 cm " + cm + u" " + <unicode>(<tuple>right[0])[mid])
            m._add(u"i-1 cm+i cm " + <unicode>(<tuple>left[0])[mid] + u" " + cm)
            m._add(u"i+2 cm " + <unicode>(<tuple>right2[0])[mid])
    if u"-" in w[1:]:
        last = w.rsplit(u"-", 1)[1]
        first = u"i hyph-last " + last
        second = u"i hyph-last suffix " + last[-3:]
        m._add(first)
        if second != first:  # dict.fromkeys keeps one of two equal names ("suffix abc")
            m._add(second)
    return 0


def tag_forms(Model model, list forms, list context, Py_ssize_t stop, int features,
              unicode prev, unicode prev2):
    """The tags of ``forms[:stop]``; ``context`` is the normalised forms between START and END pairs.

    ``prev`` and ``prev2`` are the perceptron's START tags; ``features`` picks
    the feature set: 3 for ``framing-3`` (the model's lexicon), 2 for
    ``framing-2``, 0 for NLTK's own.
    """
    cdef list out = []
    cdef Py_ssize_t i, k
    cdef PyObject* hit
    cdef object tag
    cdef unicode word
    cdef dict tagdict = model.tagdict
    if stop > len(forms) or len(context) != len(forms) + 4:
        raise ValueError(f"expected stop <= {len(forms)} and {len(forms) + 4} context forms, "
                         f"got stop={stop} and {len(context)}")
    for i in range(stop):
        word = forms[i]
        hit = PyDict_GetItem(tagdict, word)
        if hit is not NULL and <object>hit:
            tag = <object>hit
        else:
            for k in range(model.n):
                model.scores[k] = 0.0
            if features:
                _framing_features(model, i, word, context, prev, prev2, features == 3)
            else:
                _nltk_features(model, i, word, context, prev, prev2)
            tag = model._best()
        PyList_Append(out, tag)
        prev2, prev = prev, tag
    return out
