# cython: language_level=3, boundscheck=False, wraparound=False, cdivision=True
"""Compiled dense features and term keys of :func:`framing.tone.mention_matrix.mention_matrix`.

:func:`dense_and_terms` computes, for all the mentions of one document, what
the array code of ``mention_matrix`` computes between the sentence tables
and the model's products: each mention's target tokens, clause and window;
the sums of its (mention, VADER word) and (mention, lexicon hit) pairs; the
token features; and the keys ``row * n_terms + column`` of its known terms.
The sums run over the pairs in the order ``numpy.bincount`` adds them there
(one after the other, from 0.0, in the order of the concatenated pair
arrays), in C doubles (IEEE doubles like numpy's float64; ``setup.py`` builds
this module with floating-point contraction off), so every feature is the
same float. The term keys are returned unsorted: the caller counts them with
``numpy.unique``, whose result does not depend on their order.

Where the array code's searches could differ from a binary search (clause
breaks whose ends are not sorted) or an index would leave a table, the
kernel returns None and the caller runs the array code, the reference
(``tests/test_mention_compiled.py`` compares both on real articles).
"""

import numpy as np

from libc.math cimport sqrt

cdef double _ALPHA = 15.0


cdef inline Py_ssize_t _left(const Py_ssize_t[:] a, Py_ssize_t n, Py_ssize_t x) noexcept nogil:
    """``bisect_left(a[:n], x)`` (``searchsorted(x)``)."""
    cdef Py_ssize_t lo = 0, hi = n, mid
    while lo < hi:
        mid = (lo + hi) >> 1
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo


cdef inline Py_ssize_t _right(const Py_ssize_t[:] a, Py_ssize_t n, Py_ssize_t x) noexcept nogil:
    """``bisect_right(a[:n], x)`` (``searchsorted(x, side="right")``)."""
    cdef Py_ssize_t lo = 0, hi = n, mid
    while lo < hi:
        mid = (lo + hi) >> 1
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo


cdef inline double _norm(double x) noexcept nogil:
    return x / sqrt(x * x + _ALPHA)


def dense_and_terms(
    const Py_ssize_t[:] ms, const Py_ssize_t[:] me, const Py_ssize_t[:] sj,
    const Py_ssize_t[:, :] bounds, const double[:] compounds, const double[:] questions, const double[:] logs,
    const Py_ssize_t[:] wo, const Py_ssize_t[:] w_start, const double[:] w_value,
    const Py_ssize_t[:] ho, const Py_ssize_t[:] h_start, const Py_ssize_t[:, :] h_cols, const unsigned char[:] h_negated,
    const Py_ssize_t[:] bs, const Py_ssize_t[:] be,
    const Py_ssize_t[:] starts, const Py_ssize_t[:] ends,
    const Py_ssize_t[:, :] forms, Py_ssize_t base_tok, const Py_ssize_t[:] quotes, const unsigned char[:] tail,
    const double[:, :] decay, Py_ssize_t decay_offset, const Py_ssize_t[:, :, :] tau_cols,
    const Py_ssize_t[:] cols, Py_ssize_t n_dense, Py_ssize_t n_terms, Py_ssize_t tgt, Py_ssize_t window,
):
    """The dense features (n_rows, n_dense) and the known term keys of the mentions, or None.

    ``cols`` holds the model columns, in this order: sentence_compound, the
    left, right, clause, window and target compounds, loaded_near_weighted,
    loaded_negated_near, negator_before, negator_clause, role_possessive,
    first_token, relative_position, target_tokens, sentence_tokens_log,
    in_quotes, sentence_question. ``forms`` are the table rows (unigram,
    ``L:``, ``R:``, ``w TGT``, ``TGT w`` columns, negator and possessive flags)
    of the tokens from ``base_tok`` on.
    """
    cdef Py_ssize_t n_rows = ms.shape[0], n_tok = starts.shape[0], n_b = bs.shape[0]
    cdef Py_ssize_t n_taus = decay.shape[1], n_decay = decay.shape[0], n_q = quotes.shape[0]
    cdef Py_ssize_t n_forms = forms.shape[0]
    cdef Py_ssize_t r, k, s, t, u, x, i, o, d, idx, lo, hi, t0, t1, n, top, first, last, f_tok, l_tok
    cdef Py_ssize_t side, sign, col, clause_pass, n_keys
    cdef double c, mag, weight
    cdef bint left, target, in_clause, near
    for i in range(1, n_b):
        if be[i] < be[i - 1]:
            return None  # the array code's search on unsorted ends: left to it
    if n_taus < 2 or tau_cols.shape[2] != n_taus:
        return None
    # --- the mentions: target tokens, clause, window
    first_a = np.empty(n_rows, dtype=np.intp)
    last_a = np.empty(n_rows, dtype=np.intp)
    clo_a = np.empty(n_rows, dtype=np.intp)
    chi_a = np.empty(n_rows, dtype=np.intp)
    wlo_a = np.empty(n_rows, dtype=np.intp)
    whi_a = np.empty(n_rows, dtype=np.intp)
    cdef Py_ssize_t[:] f_ = first_a, l_ = last_a, clo = clo_a, chi = chi_a, wlo = wlo_a, whi = whi_a
    for r in range(n_rows):
        k = sj[r]
        lo, hi, t0, t1 = bounds[k, 0], bounds[k, 1], bounds[k, 2], bounds[k, 3]
        n = t1 - t0
        top = n - 1 if n > 1 else 0
        first = min(max(_left(ends, n_tok, ms[r] + 1), t0), t1) - t0
        last = max(first, min(max(_left(starts, n_tok, me[r]), t0), t1) - t0 - 1)
        first, last = min(first, top), min(last, top)
        f_[r], l_[r] = first, last
        clo[r], chi[r] = lo, hi
        if n_b:
            i = _right(be, n_b, ms[r]) - 1
            clo[r] = max(lo, be[i] if i >= 0 else lo)
            i = _left(bs, n_b, me[r])
            chi[r] = min(hi, bs[i] if i < n_b else hi)
        wlo[r], whi[r] = lo, hi
        if n > 0 and n_tok:
            wlo[r] = starts[min(max(first + t0 - window, t0), n_tok - 1)]
            whi[r] = ends[min(max(min(last + t0 + window, t1 - 1), 0), n_tok - 1)]
    dense_a = np.zeros((n_rows, n_dense))
    acc_a = np.zeros(n_rows * n_dense)
    cdef double[:, :] dense = dense_a
    cdef double[:] acc = acc_a
    cdef double sums[5]
    # --- pairs of a mention and a VADER word of its sentence (bincount's order: pair by pair)
    for r in range(n_rows):
        k = sj[r]
        sums[0] = sums[1] = sums[2] = sums[3] = sums[4] = 0.0
        for u in range(wo[k], wo[k + 1]):
            x = w_start[u]
            c = w_value[u]
            target = ms[r] <= x < me[r]
            left = x < ms[r]
            if left:
                sums[0] += c
            elif not target:
                sums[1] += c
            if not target and clo[r] <= x < chi[r]:
                sums[2] += c
            if not target and wlo[r] <= x < whi[r]:
                sums[3] += c
            if target:
                sums[4] += c
        dense[r, cols[0]] = compounds[k]
        for i in range(5):
            dense[r, cols[1 + i]] = _norm(sums[i])
    for t in range(n_taus):
        for clause_pass in range(2):
            for r in range(n_rows):
                k = sj[r]
                t0 = bounds[k, 2]
                for u in range(wo[k], wo[k + 1]):
                    x = w_start[u]
                    if ms[r] <= x < me[r]:
                        continue
                    in_clause = clo[r] <= x < chi[r]
                    if clause_pass and not in_clause:
                        continue
                    c = w_value[u]
                    left = x < ms[r]
                    i = _right(starts, n_tok, x) - 1
                    d = (f_[r] + t0 - i) if left else (i - l_[r] - t0)
                    idx = d + decay_offset
                    if idx < 0 or idx >= n_decay:
                        return None
                    mag = c if c >= 0 else -c
                    weight = mag * decay[idx, t]
                    sign = 1 if c > 0 else 0
                    side = 2 if clause_pass else (1 if left else 0)
                    acc[r * n_dense + tau_cols[side, sign, t]] += weight
    # --- pairs of a mention and a lexicon hit of its sentence
    cdef Py_ssize_t group
    ones = []
    for group in range(4):  # near, clause, near_weighted, negated_near: the array code's order
        for r in range(n_rows):
            k = sj[r]
            t0 = bounds[k, 2]
            for u in range(ho[k], ho[k + 1]):
                x = h_start[u]
                if ms[r] <= x < me[r] or h_cols[u, 3] != 1:
                    continue
                left = x < ms[r]
                i = _right(starts, n_tok, x) - 1
                d = (f_[r] + t0 - i) if left else (i - l_[r] - t0)
                near = d <= window
                if group == 0 and h_cols[u, 0] >= 0:
                    acc[r * n_dense + h_cols[u, 0]] += 1.0 if near else 0.0
                elif group == 1 and h_cols[u, 1] >= 0:
                    acc[r * n_dense + h_cols[u, 1]] += 1.0 if clo[r] <= x < chi[r] else 0.0
                elif group == 2:
                    idx = d + decay_offset
                    if idx < 0 or idx >= n_decay:
                        return None
                    acc[r * n_dense + cols[6]] += decay[idx, 1]
                elif group == 3:
                    acc[r * n_dense + cols[7]] += 1.0 if near and h_negated[u] else 0.0
    for r in range(n_rows):
        k = sj[r]
        t0 = bounds[k, 2]
        for u in range(ho[k], ho[k + 1]):
            x = h_start[u]
            if ms[r] <= x < me[r] or h_cols[u, 3] == 1:
                continue
            left = x < ms[r]
            i = _right(starts, n_tok, x) - 1
            d = (f_[r] + t0 - i) if left else (i - l_[r] - t0)
            side = 1 if left else 0
            if d <= 3 and h_cols[u, side] >= 0:
                ones.append(r * n_dense + h_cols[u, side])
            if clo[r] <= x < chi[r] and h_cols[u, 2] >= 0:
                ones.append(r * n_dense + h_cols[u, 2])
    for r in range(n_rows):
        for i in range(n_dense):
            dense[r, i] += acc[r * n_dense + i]
    for x in ones:
        dense[x // n_dense, x % n_dense] = 1.0
    # --- the tokens: negators, possessives, position
    cdef Py_ssize_t a_lo, a_hi, fb, before, lb, q0, q1
    cdef Py_ssize_t[:] negs
    negs_a = np.zeros(n_forms + 1, dtype=np.intp)
    negs = negs_a
    for i in range(n_forms):
        negs[i + 1] = negs[i] + forms[i, 5]
    cdef bint any_has = False
    for r in range(n_rows):
        k = sj[r]
        lo, t0, t1 = bounds[k, 0], bounds[k, 2], bounds[k, 3]
        f_tok, l_tok = f_[r] + t0, l_[r] + t0
        fb = f_tok - base_tok
        before = max(f_tok - 3, t0) - base_tok
        a_lo = _left(starts, n_tok, clo[r]) - base_tok
        a_hi = _left(starts, n_tok, chi[r]) - base_tok
        if fb < 0 or before < 0 or a_lo < 0 or fb > n_forms or max(a_hi, a_lo) > n_forms:
            return None
        dense[r, cols[8]] = 1.0 if negs[fb] - negs[before] > 0 else 0.0
        dense[r, cols[9]] = 1.0 if negs[max(a_hi, a_lo)] - negs[a_lo] > 0 else 0.0
        if t1 - t0 > 0:
            any_has = True
        if n_q:
            q0 = _left(quotes, n_q, ms[r]) - _left(quotes, n_q, lo)
            dense[r, cols[15]] = 1.0 if q0 % 2 == 1 else 0.0
    if any_has:
        for r in range(n_rows):
            k = sj[r]
            t0, t1 = bounds[k, 2], bounds[k, 3]
            n = t1 - t0
            if n <= 0:
                for i in (10, 11, 12, 13, 14):
                    dense[r, cols[i]] = 0.0
                continue
            lb = min(max(l_[r] + t0 - base_tok, 0), max(n_forms - 1, 0))
            dense[r, cols[10]] = 1.0 if (n_forms and forms[lb, 6] > 0) or tail[r] else 0.0
            dense[r, cols[11]] = 1.0 if f_[r] == 0 else 0.0
            dense[r, cols[12]] = <double>f_[r] / <double>max(n, 1)
            dense[r, cols[13]] = <double>(l_[r] - f_[r] + 1)
            dense[r, cols[14]] = logs[k]
    for r in range(n_rows):
        dense[r, cols[16]] = questions[sj[r]]
    # --- the terms: the masked sentence, the bigrams around the target, the window (keys of known ones)
    n_keys = 0
    for r in range(n_rows):
        k = sj[r]
        n_keys += bounds[k, 3] - bounds[k, 2] + 2 * window + 3
    keys_a = np.empty(max(n_keys, 0), dtype=np.intp)
    cdef Py_ssize_t[:] keys = keys_a
    n_keys = 0
    for r in range(n_rows):
        k = sj[r]
        t0, t1 = bounds[k, 2], bounds[k, 3]
        if t1 - t0 <= 0:
            continue
        f_tok, l_tok = f_[r] + t0, l_[r] + t0
        for u in range(t0, f_tok):
            col = forms[u - base_tok, 0]
            if col >= 0:
                keys[n_keys] = r * n_terms + col; n_keys += 1
        for u in range(l_tok + 1, t1):
            col = forms[u - base_tok, 0]
            if col >= 0:
                keys[n_keys] = r * n_terms + col; n_keys += 1
        for u in range(max(f_tok - window, t0), f_tok):
            col = forms[u - base_tok, 1]
            if col >= 0:
                keys[n_keys] = r * n_terms + col; n_keys += 1
        for u in range(l_tok + 1, min(l_tok + 1 + window, t1)):
            col = forms[u - base_tok, 2]
            if col >= 0:
                keys[n_keys] = r * n_terms + col; n_keys += 1
        if tgt >= 0:
            keys[n_keys] = r * n_terms + tgt; n_keys += 1
        if f_tok > t0:
            col = forms[f_tok - 1 - base_tok, 3]
            if col >= 0:
                keys[n_keys] = r * n_terms + col; n_keys += 1
        if l_tok + 1 < t1:
            col = forms[l_tok + 1 - base_tok, 4]
            if col >= 0:
                keys[n_keys] = r * n_terms + col; n_keys += 1
    return dense_a, keys_a[:n_keys]
