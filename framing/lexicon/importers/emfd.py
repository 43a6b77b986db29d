"""eMFD-style CSV tables of per-word moral foundation probabilities (Hopp et al. 2021)."""

from __future__ import annotations

import csv
import math
from pathlib import Path

from ...exceptions import LexiconFormatError
from ..model import Entry, Lexicon
from ._common import OnError, _bad_line, _check_on_error, _lexicon_name, _lines, _parse_entry

__all__ = ["read_emfd_csv"]


_EMFD_FOUNDATIONS = ("care", "fairness", "loyalty", "authority", "sanctity")


def read_emfd_csv(
    path: str | Path,
    *,
    name: str | None = None,
    threshold: float = 0.0,
    on_error: OnError = "raise",
    version: str = "0",
    citation: str = "",
) -> Lexicon:
    """Read an eMFD-style CSV of per-word moral foundation probabilities.

    The header has a ``word`` column and, per foundation ``f``, a probability
    column ``f_p`` and optionally a sentiment column ``f_sent``
    (``care_p, ..., sanctity_p, care_sent, ...``). Every word becomes one
    entry per foundation whose probability exceeds ``threshold``, with the
    probability as weight and the foundation's sentiment kept as the extra
    column ``sentiment``.

    Parameters
    ----------
    path : str or Path
    name : str, optional
        Default: the file stem with non-word characters replaced by ``_``.
    threshold : float, default 0.0
        Only probabilities strictly above it become entries (e.g. 0.1 keeps
        the words that annotators tied to the foundation at least once in ten).
    on_error : {"raise", "warn"}, default "raise"
        For a row with a missing or non-numeric probability or a bad word.
    version, citation : str
        Recorded on the lexicon.

    Returns
    -------
    Lexicon
        Categories are the foundation names (``care``, ``fairness``, ...).

    References
    ----------
    Hopp, F. R., Fisher, J. T., Cornell, D., Huskey, R. & Weber, R. (2021).
    The extended Moral Foundations Dictionary (eMFD). Behavior Research
    Methods 53, 232-246.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "emfd.csv"
    >>> _ = p.write_text("word,care_p,fairness_p,care_sent,fairness_sent\\n"
    ...                  "abuse,0.4,0.05,-0.6,-0.2\\n")
    >>> lex = read_emfd_csv(p, threshold=0.1)
    >>> [(e.term, e.category, e.weight, e.extra["sentiment"]) for e in lex]
    [('abuse', 'care', 0.4, '-0.6')]
    """
    _check_on_error(on_error)
    if not (isinstance(threshold, (int, float)) and 0.0 <= threshold < 1.0):
        raise ValueError(
            f"The 'threshold' parameter of read_emfd_csv must be a number in [0, 1). "
            f"Got {threshold!r} instead."
        )
    path = Path(path)
    lines = _lines(path)
    rows = csv.reader(line for _, line in lines)
    try:
        header = [h.strip() for h in next(rows)]
    except StopIteration:
        raise LexiconFormatError(f"{path}: line 1: empty file, expected a CSV header.") from None
    except csv.Error as exc:
        raise LexiconFormatError(f"{path}: line 1: {exc}.") from None
    if "word" not in header:
        raise LexiconFormatError(f"{path}: line 1: expected a 'word' column. Got {header!r}.")
    foundations = [c[:-2] for c in header if c.endswith("_p")]
    if not foundations:
        raise LexiconFormatError(
            f"{path}: line 1: expected probability columns named '<foundation>_p' "
            f"(e.g. {', '.join(f + '_p' for f in _EMFD_FOUNDATIONS)}). Got {header!r}."
        )
    col = {c: i for i, c in enumerate(header)}
    entries: list[Entry] = []
    lineno = 1
    try:
        for lineno, row in enumerate(rows, start=2):
            entries.extend(_row_entries(path, lineno, row, header, col, foundations, threshold, on_error))
    except csv.Error as exc:  # e.g. a field larger than the csv module holds
        raise LexiconFormatError(f"{path}: line {lineno + 1}: {exc}.") from None
    return Lexicon(
        _lexicon_name(path, name),
        entries,
        version=version,
        description=f"Imported from the eMFD-style probability table {path.name} "
        f"(weights are foundation probabilities; threshold {threshold}).",
        categories={f: "" for f in foundations},
        sources=[str(path)],
        citation=citation,
        path=path,
    )


def _row_entries(
    path: Path,
    lineno: int,
    row: list[str],
    header: list[str],
    col: dict[str, int],
    foundations: list[str],
    threshold: float,
    on_error: OnError,
) -> list[Entry]:
    if not row or not any(c.strip() for c in row):
        return []
    where = f"{path}: line {lineno}"
    if len(row) != len(header):
        _bad_line(
            f"{where}: expected {len(header)} comma-separated columns. Got {len(row)}: {row!r}.",
            on_error,
        )
        return []
    word = row[col["word"]].strip()
    entries: list[Entry] = []
    for f in foundations:
        raw = row[col[f + "_p"]].strip()
        try:
            p = float(raw)
        except ValueError:
            _bad_line(f"{where}: {f}_p must be a number. Got {raw!r}.", on_error)
            break
        if not math.isfinite(p) or p <= threshold:
            continue
        extra = {"sentiment": row[col[f + "_sent"]].strip()} if f + "_sent" in col else {}
        entry = _parse_entry(word, f, p, where, on_error, **extra)
        if entry is not None:
            entries.append(entry)
    return entries
