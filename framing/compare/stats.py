"""Array-level statistics for comparing groups of articles.

The building blocks of :mod:`framing.compare`, on plain NumPy arrays with one
row per article:

* :func:`bootstrap_means` -- bootstrap distribution of column means;
* :func:`cohens_d` and :func:`cliffs_delta` -- effect sizes;
* :func:`permutation_test` -- two-sided permutation p-values of a difference
  of means, exact when the assignments can be enumerated;
* :func:`benjamini_hochberg` -- false-discovery-rate adjusted p-values;
* :func:`log_odds_dirichlet` -- log-odds ratios with an informative Dirichlet
  prior (Monroe, Colaresi & Quinn 2008).
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections.abc import Iterable, Sequence

import numpy as np

__all__ = [
    "RandomState",
    "benjamini_hochberg",
    "bootstrap_means",
    "cliffs_delta",
    "cohens_d",
    "log_odds_dirichlet",
    "percentile_interval",
    "permutation_test",
]

RandomState = int | np.random.Generator | np.random.RandomState | None

_PERMUTATION_BLOCK = 512
"""Permutations evaluated per matrix product (bounds memory)."""


def _rng(random_state: RandomState) -> np.random.Generator:
    if isinstance(random_state, np.random.Generator):
        return random_state
    if isinstance(random_state, np.random.RandomState):
        return np.random.default_rng(random_state.randint(0, 2**31 - 1))
    if random_state is None or isinstance(random_state, (int, np.integer)):
        return np.random.default_rng(random_state)
    raise TypeError(
        "The 'random_state' parameter must be an int, a numpy Generator or RandomState, or None. "
        f"Got {type(random_state).__name__} instead."
    )


def _check_confidence(confidence: float) -> None:
    if not 0.0 < confidence < 1.0:
        raise ValueError(
            f"The 'confidence' parameter must be in (0, 1). Got {confidence!r} instead."
        )


def _check_positive(name: str, value: int) -> None:
    if not isinstance(value, (int, np.integer)) or value < 1:
        raise ValueError(f"The '{name}' parameter must be a positive int. Got {value!r} instead.")


def bootstrap_means(
    values: np.ndarray, *, n_resamples: int = 2000, random_state: RandomState = None
) -> np.ndarray:
    """Bootstrap distribution of column means, resampling rows (articles).

    Each resample draws ``n`` rows with replacement; it is represented by the
    multinomial count of each row, so all features share the same resamples
    and the cost is one matrix product. NaN cells are left out of their
    column's mean (the row still counts for the other columns).

    Parameters
    ----------
    values : array of shape (n_articles, n_features)
    n_resamples : int, default 2000
    random_state : int, Generator or None

    Returns
    -------
    ndarray of shape (n_resamples, n_features)

    Examples
    --------
    >>> draws = bootstrap_means(np.array([[0.0], [1.0]]), n_resamples=4000, random_state=0)
    >>> sorted(set(draws[:, 0].tolist()))
    [0.0, 0.5, 1.0]
    """
    x = np.asarray(values, dtype=float)
    if x.ndim == 1:
        x = x[:, None]
    n = x.shape[0]
    _check_positive("n_resamples", n_resamples)
    if n == 0:
        return np.full((n_resamples, x.shape[1]), np.nan)
    rng = _rng(random_state)
    weights = rng.multinomial(n, np.full(n, 1.0 / n), size=n_resamples).astype(float)
    present = ~np.isnan(x)
    sums = weights @ np.where(present, x, 0.0)
    counts = weights @ present.astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return sums / counts


def percentile_interval(draws: np.ndarray, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """The percentile bootstrap interval of each column of ``draws`` (Efron & Tibshirani 1993, ch. 13).

    NaN draws (a resample with no value in a column) are left out.

    Examples
    --------
    >>> lo, hi = percentile_interval(np.array([[0.0], [0.5], [1.0], [np.nan]]), confidence=0.5)
    >>> lo.tolist(), hi.tolist()
    ([0.25], [0.75])
    """
    _check_confidence(confidence)
    alpha = (1.0 - confidence) / 2.0
    with np.errstate(invalid="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # an all-NaN column: a NaN interval
        return np.nanquantile(draws, alpha, axis=0), np.nanquantile(draws, 1.0 - alpha, axis=0)


def cohens_d(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cohen's d of ``a`` versus ``b`` per column: (mean_a - mean_b) / pooled sd.

    The pooled standard deviation uses ``ddof=1`` in each group (Cohen 1988).
    NaN when either group has fewer than two values or both are constant.

    Examples
    --------
    >>> float(cohens_d(np.array([1.0, 2.0, 3.0]), np.array([3.0, 4.0, 5.0]))[0])
    -2.0
    """
    a2 = np.asarray(a, dtype=float).reshape(len(a), -1)
    b2 = np.asarray(b, dtype=float).reshape(len(b), -1)
    out = np.full(a2.shape[1], np.nan)
    for j in range(a2.shape[1]):
        x, y = a2[:, j], b2[:, j]
        x, y = x[~np.isnan(x)], y[~np.isnan(y)]
        if len(x) < 2 or len(y) < 2:
            continue
        pooled = ((len(x) - 1) * x.var(ddof=1) + (len(y) - 1) * y.var(ddof=1)) / (
            len(x) + len(y) - 2
        )
        if pooled > 0:
            out[j] = (x.mean() - y.mean()) / math.sqrt(pooled)
    return out


def cliffs_delta(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Cliff's delta per column: P(a > b) - P(a < b) over all pairs (Cliff 1993).

    Computed from sorted values in O(n log n) per column.

    Examples
    --------
    >>> float(cliffs_delta(np.array([1.0, 2.0, 3.0]), np.array([2.0, 4.0]))[0])
    -0.5
    """
    a2 = np.asarray(a, dtype=float).reshape(len(a), -1)
    b2 = np.asarray(b, dtype=float).reshape(len(b), -1)
    out = np.full(a2.shape[1], np.nan)
    for j in range(a2.shape[1]):
        x, y = a2[:, j], b2[:, j]
        x, y = x[~np.isnan(x)], np.sort(y[~np.isnan(y)])
        if len(x) == 0 or len(y) == 0:
            continue
        less = np.searchsorted(y, x, side="left")  # b values below each a
        greater = len(y) - np.searchsorted(y, x, side="right")  # b values above each a
        out[j] = (less.sum() - greater.sum()) / (len(x) * len(y))
    return out


def _assignments(
    n: int, n_a: int, n_permutations: int, rng: np.random.Generator
) -> tuple[Iterable[np.ndarray], int, bool]:
    """Blocks of 0/1 rows marking group a; all C(n, n_a) splits when that is small."""
    total = math.comb(n, n_a)
    if total <= n_permutations:

        def exact() -> Iterable[np.ndarray]:
            combos = itertools.combinations(range(n), n_a)
            while block := list(itertools.islice(combos, _PERMUTATION_BLOCK)):
                m = np.zeros((len(block), n))
                rows = np.repeat(np.arange(len(block)), n_a)
                m[rows, np.asarray(block).ravel()] = 1.0
                yield m

        return exact(), total, True

    def sampled() -> Iterable[np.ndarray]:
        left = n_permutations
        base = np.zeros(n)
        base[:n_a] = 1.0
        while left > 0:
            size = min(left, _PERMUTATION_BLOCK)
            yield rng.permuted(np.tile(base, (size, 1)), axis=1)
            left -= size

    return sampled(), n_permutations, False


def permutation_test(
    a: np.ndarray,
    b: np.ndarray,
    *,
    n_permutations: int = 4999,
    random_state: RandomState = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Two-sided permutation test of the difference of means, per column.

    Articles are shuffled between the two groups. When the number of distinct
    splits C(n_a + n_b, n_a) is at most ``n_permutations`` every split is
    enumerated and the p-value is exact: the share of splits whose absolute
    difference is at least the observed one. Otherwise ``n_permutations``
    random splits are drawn and p = (1 + hits) / (1 + n_permutations), which is
    never zero (Phipson & Smyth 2010). All columns share the same splits.

    Parameters
    ----------
    a, b : arrays of shape (n_a, n_features) and (n_b, n_features)
        NaN cells are left out of their column's means.
    n_permutations : int, default 4999
    random_state : int, Generator or None

    Returns
    -------
    diff : ndarray of shape (n_features,)
        mean(a) - mean(b).
    p_value : ndarray of shape (n_features,)

    Examples
    --------
    >>> diff, p = permutation_test(np.array([1.0, 2.0]), np.array([3.0, 4.0]))
    >>> float(diff[0]), float(p[0])
    (-2.0, 0.3333333333333333)
    """
    x = np.asarray(a, dtype=float).reshape(len(a), -1)
    y = np.asarray(b, dtype=float).reshape(len(b), -1)
    _check_positive("n_permutations", n_permutations)
    n_a = x.shape[0]
    pooled = np.vstack([x, y])
    n = pooled.shape[0]
    present = ~np.isnan(pooled)
    vals = np.where(present, pooled, 0.0)
    pres = present.astype(float)
    tot_sum, tot_cnt = vals.sum(axis=0), pres.sum(axis=0)

    def stat(m: np.ndarray) -> np.ndarray:
        s_a, c_a = m @ vals, m @ pres
        with np.errstate(invalid="ignore", divide="ignore"):
            return s_a / c_a - (tot_sum - s_a) / (tot_cnt - c_a)

    first = np.zeros((1, n))
    first[0, :n_a] = 1.0
    observed = stat(first)[0]
    if n_a == 0 or n_a == n:
        return observed, np.full(observed.shape, np.nan)
    blocks, total, exact = _assignments(n, n_a, n_permutations, _rng(random_state))
    threshold = np.abs(observed) * (1 - 1e-12) - 1e-12
    hits = np.zeros(observed.shape)
    for m in blocks:
        hits += (np.abs(stat(m)) >= threshold).sum(axis=0)
    p = hits / total if exact else (hits + 1.0) / (total + 1.0)
    p[np.isnan(observed)] = np.nan
    return observed, p


def benjamini_hochberg(p_values: Sequence[float] | np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (false discovery rate; BH 1995).

    NaN p-values are ignored (and stay NaN); the number of tests is the
    number of non-NaN values.

    Examples
    --------
    >>> benjamini_hochberg([0.01, 0.04, 0.03, 0.2]).round(4).tolist()
    [0.04, 0.0533, 0.0533, 0.2]
    """
    p = np.asarray(p_values, dtype=float)
    out = np.full(p.shape, np.nan)
    ok = ~np.isnan(p)
    m = int(ok.sum())
    if m == 0:
        return out
    q = p[ok]
    order = np.argsort(q)
    scaled = q[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum.accumulate(scaled[::-1])[::-1]
    res = np.empty(m)
    res[order] = np.minimum(adjusted, 1.0)
    out[ok] = res
    return out


def log_odds_dirichlet(
    counts_a: np.ndarray, counts_b: np.ndarray, prior: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Log-odds ratios with an informative Dirichlet prior (Monroe et al. 2008, eq. 16-22).

    For word w with counts y_a, y_b, totals n_a, n_b, prior pseudo-counts
    alpha_w and alpha_0 = sum(alpha):

    delta_w = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
            - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w))

    var(delta_w) ~ 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w), and
    z_w = delta_w / sqrt(var). Positive values favour group a.

    Parameters
    ----------
    counts_a, counts_b, prior : arrays of shape (n_words,)
        Prior pseudo-counts must be positive.

    Returns
    -------
    delta, variance, z : ndarrays of shape (n_words,)

    Examples
    --------
    >>> d, v, z = log_odds_dirichlet(np.array([3, 1]), np.array([1, 3]), np.array([1.0, 1.0]))
    >>> round(float(d[0]), 4), round(float(v[0]), 4), round(float(z[0]), 4)
    (1.3863, 0.75, 1.6008)
    """
    ya = np.asarray(counts_a, dtype=float)
    yb = np.asarray(counts_b, dtype=float)
    alpha = np.asarray(prior, dtype=float)
    if not (ya.shape == yb.shape == alpha.shape) or ya.ndim != 1:
        raise ValueError(
            "counts_a, counts_b and prior must be 1-D arrays of the same length. "
            f"Got shapes {ya.shape}, {yb.shape} and {alpha.shape}."
        )
    if np.any(alpha <= 0) or np.any(ya < 0) or np.any(yb < 0):
        raise ValueError("Prior pseudo-counts must be positive and counts non-negative.")
    a0 = alpha.sum()
    n_a, n_b = ya.sum(), yb.sum()
    delta = np.log((ya + alpha) / (n_a + a0 - ya - alpha)) - np.log(
        (yb + alpha) / (n_b + a0 - yb - alpha)
    )
    variance = 1.0 / (ya + alpha) + 1.0 / (yb + alpha)
    return delta, variance, delta / np.sqrt(variance)
