"""Importers for lexicons that users own, in the formats they are published in.

Each reader returns a :class:`framing.lexicon.Lexicon`, so an imported lexicon
works everywhere a shipped one does: in :class:`framing.lexicon.Matcher`, in
the featurizers and in ``framing analyze``. Malformed input raises
:class:`framing.lexicon.LexiconFormatError` naming the file and the line.

Supported formats
-----------------
* LIWC-style ``.dic`` dictionaries (:func:`read_dic`), e.g. the Moral
  Foundations Dictionary (Graham, Haidt & Nosek 2009) and MFD 2.0 (Frimer et
  al. 2019): a category block between two ``%`` lines, then one entry a line.
* MPQA subjectivity clues ``.tff`` (:func:`read_mpqa_tff`; Wilson, Wiebe &
  Hoffmann 2005).
* eMFD-style CSV of per-word foundation probabilities
  (:func:`read_emfd_csv`; Hopp et al. 2021).
* A plain list, one term a line (:func:`read_wordlist`), e.g. the bias
  lexicon of Recasens, Danescu-Niculescu-Mizil & Jurafsky (2013).

None of these files ship with ``framing``; several are GPL-licensed or carry
use restrictions, so users read their own copies.
"""

from __future__ import annotations

import csv
import logging
import math
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from .lexicon import Entry, Lexicon, LexiconFormatError

__all__ = ["OnError", "read_dic", "read_emfd_csv", "read_mpqa_tff", "read_wordlist"]

logger = logging.getLogger(__name__)

OnError = Literal["raise", "warn"]
"""What to do with an entry line that cannot be parsed: raise, or warn and skip it."""

_NAME_CHARS = re.compile(r"[^0-9A-Za-z_]+")


def _lexicon_name(path: Path, name: str | None) -> str:
    if name is not None:
        return name
    cleaned = _NAME_CHARS.sub("_", path.stem).strip("_")
    return cleaned or "imported"


def _check_on_error(on_error: str) -> None:
    if on_error not in ("raise", "warn"):
        raise ValueError(
            f"The 'on_error' parameter must be 'raise' or 'warn'. Got {on_error!r} instead."
        )


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """Numbered lines of a UTF-8 text file (BOM tolerated), with a clear error if it is not text."""
    if not path.is_file():
        raise FileNotFoundError(f"No lexicon file at {path}.")
    try:
        with path.open(encoding="utf-8-sig") as fh:
            for lineno, line in enumerate(fh, start=1):
                yield lineno, line.rstrip("\r\n")
    except UnicodeDecodeError as exc:
        raise LexiconFormatError(f"{path}: not UTF-8 text ({exc.reason}).") from None


def _bad_line(message: str, on_error: OnError) -> None:
    if on_error == "raise":
        raise LexiconFormatError(message)
    warnings.warn(message + " Skipped.", UserWarning, stacklevel=3)


def _parse_entry(
    term: str, category: str, weight: float, where: str, on_error: OnError, **extra: str
) -> Entry | None:
    try:
        return Entry.parse(term, category, weight, extra, where=where)
    except LexiconFormatError as exc:
        _bad_line(str(exc), on_error)
        return None


def read_dic(
    path: str | Path,
    *,
    name: str | None = None,
    on_error: OnError = "raise",
    version: str = "0",
    citation: str = "",
) -> Lexicon:
    """Read a LIWC-style ``.dic`` dictionary.

    The file starts with a category block between two lines holding only
    ``%``: one ``<id> <category name>`` a line (ids are integers; ``01`` and
    ``1`` are the same id). Each later line is an entry: the term, then one or
    more category ids, separated by tabs or spaces. A term may be several
    words (``levels the playing field``) and may end words in ``*``
    (``harm*``). An entry listed under several ids yields one entry per
    category. Blank lines are skipped.

    Parameters
    ----------
    path : str or Path
        The ``.dic`` file (UTF-8).
    name : str, optional
        Name of the lexicon (default: the file stem with non-word characters
        replaced by ``_``).
    on_error : {"raise", "warn"}, default "raise"
        What to do with an entry line that cannot be parsed (no category id,
        an id not declared in the header, LIWC conditional syntax such as
        ``like (02 134)53``, or a term without word characters): raise a
        :class:`~framing.lexicon.LexiconFormatError`, or warn and skip the
        line. Errors in the category block always raise.
    version, citation : str
        Recorded on the lexicon for provenance.

    Returns
    -------
    Lexicon
        Categories are the names from the header, in file order.

    Raises
    ------
    LexiconFormatError
        With the file and line: a missing or unterminated ``%`` block, a bad
        category line, a duplicate id, or (with ``on_error="raise"``) a bad
        entry line.

    References
    ----------
    Pennebaker, J. W., Boyd, R. L., Jordan, K. & Blackburn, K. (2015). The
    development and psychometric properties of LIWC2015. University of Texas
    at Austin.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from framing.lexicon import Matcher
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "mini.dic"
    >>> _ = p.write_text("%\\n1\\tcare.virtue\\n2\\tcare.vice\\n%\\n"
    ...                  "compassion\\t1\\nharm*\\t2\\nlook after\\t1\\n")
    >>> lex = read_dic(p)
    >>> lex
    Lexicon('mini', version='0', entries=3, categories=2)
    >>> [(m.text, m.category) for m in Matcher([lex]).find("They harmed those who look after them.")]
    [('harmed', 'care.vice'), ('look after', 'care.virtue')]
    """
    _check_on_error(on_error)
    path = Path(path)
    categories: dict[int, str] = {}
    entries: list[Entry] = []
    state = "before"  # before -> header -> body
    for lineno, line in _lines(path):
        where = f"{path}: line {lineno}"
        stripped = line.strip()
        if state == "before":
            if not stripped:
                continue
            if stripped != "%":
                raise LexiconFormatError(
                    f"{where}: a .dic file must start with a '%' line opening the category "
                    f"block. Got {line!r}."
                )
            state = "header"
            continue
        if state == "header":
            if not stripped:
                continue
            if stripped == "%":
                if not categories:
                    raise LexiconFormatError(f"{where}: the category block declares no categories.")
                state = "body"
                continue
            parts = stripped.split(None, 1)
            if len(parts) != 2 or not parts[0].isdigit():
                raise LexiconFormatError(
                    f"{where}: expected a category line '<id> <name>' with an integer id. "
                    f"Got {line!r}."
                )
            cid = int(parts[0])
            if cid in categories:
                raise LexiconFormatError(
                    f"{where}: category id {parts[0]} is declared twice "
                    f"({categories[cid]!r} and {parts[1].strip()!r})."
                )
            categories[cid] = parts[1].strip()
            continue
        if not stripped:
            continue
        tokens = stripped.split()
        k = len(tokens)
        while k > 0 and tokens[k - 1].isdigit():
            k -= 1
        ids, words = tokens[k:], tokens[:k]
        if not ids or not words:
            what = "no category id" if not ids else "no term"
            _bad_line(
                f"{where}: expected '<term> <id> [<id> ...]' with integer category ids; "
                f"found {what} in {line!r}.",
                on_error,
            )
            continue
        unknown = [i for i in ids if int(i) not in categories]
        if unknown:
            _bad_line(
                f"{where}: category id {unknown[0]} is not declared in the category block "
                f"(declared: {', '.join(str(c) for c in categories)}). Got {line!r}.",
                on_error,
            )
            continue
        term = " ".join(words)
        for cid in dict.fromkeys(int(i) for i in ids):
            entry = _parse_entry(term, categories[cid], 1.0, where, on_error)
            if entry is not None:
                entries.append(entry)
    if state != "body":
        raise LexiconFormatError(
            f"{path}: the '%' category block is "
            + ("missing." if state == "before" else "not closed by a second '%' line.")
        )
    return Lexicon(
        _lexicon_name(path, name),
        entries,
        version=version,
        description=f"Imported from the LIWC-style dictionary {path.name}.",
        categories={c: "" for c in categories.values()},
        sources=[str(path)],
        citation=citation,
        path=path,
    )


_TFF_FIELD = re.compile(r"(\w+)=(\S*)")


def read_mpqa_tff(
    path: str | Path,
    *,
    name: str | None = None,
    on_error: OnError = "raise",
    by: Literal["polarity", "type", "polarity_type"] = "polarity",
    version: str = "0",
    citation: str = "",
) -> Lexicon:
    """Read MPQA subjectivity clues (``.tff``).

    Each line holds ``key=value`` fields, e.g.
    ``type=strongsubj len=1 word1=abandon pos1=verb stemmed1=y
    priorpolarity=negative``. ``stemmed1=y`` means the clue matches all
    inflections of the word; it is imported as the word itself plus the word
    with a ``*`` wildcard when it is at least five letters long (shorter stems
    would over-match). The same word listed with several parts of speech is
    imported once per category.

    Parameters
    ----------
    path : str or Path
    name : str, optional
        Default: the file stem with non-word characters replaced by ``_``.
    on_error : {"raise", "warn"}, default "raise"
        For a line without ``word1`` or ``priorpolarity`` or with a bad term.
    by : {"polarity", "type", "polarity_type"}, default "polarity"
        The category of an entry: the prior polarity (``negative``,
        ``positive``, ``neutral``, ``both``), the subjectivity type
        (``strongsubj``, ``weaksubj``), or both joined (``negative_strongsubj``).
    version, citation : str
        Recorded on the lexicon.

    Returns
    -------
    Lexicon
        Entry weight 1.0 for strong and 0.5 for weak clues; ``type`` and
        ``pos`` are kept as extra columns.

    References
    ----------
    Wilson, T., Wiebe, J. & Hoffmann, P. (2005). Recognizing contextual
    polarity in phrase-level sentiment analysis. Proceedings of HLT/EMNLP 2005.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from framing.lexicon import Matcher
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "clues.tff"
    >>> _ = p.write_text(
    ...     "type=strongsubj len=1 word1=abandon pos1=verb stemmed1=y priorpolarity=negative\\n"
    ...     "type=weaksubj len=1 word1=able pos1=adj stemmed1=n priorpolarity=positive\\n")
    >>> lex = read_mpqa_tff(p)
    >>> [(m.text, m.category, m.weight) for m in Matcher([lex]).find("Able to abandon them? They abandoned them.")]
    [('Able', 'positive', 0.5), ('abandon', 'negative', 1.0), ('abandoned', 'negative', 1.0)]
    """
    _check_on_error(on_error)
    if by not in ("polarity", "type", "polarity_type"):
        raise ValueError(
            "The 'by' parameter of read_mpqa_tff must be 'polarity', 'type' or "
            f"'polarity_type'. Got {by!r} instead."
        )
    path = Path(path)
    entries: list[Entry] = []
    seen: set[tuple[str, str]] = set()
    for lineno, line in _lines(path):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{path}: line {lineno}"
        fields = dict(_TFF_FIELD.findall(line))
        word, polarity = fields.get("word1"), fields.get("priorpolarity")
        if not word or not polarity:
            missing = "word1" if not word else "priorpolarity"
            _bad_line(
                f"{where}: expected 'key=value' fields with {missing}=... Got {line!r}.", on_error
            )
            continue
        kind = fields.get("type", "")
        category = {"polarity": polarity, "type": kind, "polarity_type": f"{polarity}_{kind}"}[by]
        weight = 0.5 if kind == "weaksubj" else 1.0
        terms = [word]
        if fields.get("stemmed1") == "y" and len(word) >= 5:
            terms.append(word + "*")
        for term in terms:
            if (term, category) in seen:
                continue
            seen.add((term, category))
            entry = _parse_entry(
                term, category, weight, where, on_error, type=kind, pos=fields.get("pos1", "")
            )
            if entry is not None:
                entries.append(entry)
    return Lexicon(
        _lexicon_name(path, name),
        entries,
        version=version,
        description=f"Imported from the MPQA subjectivity clues file {path.name}.",
        sources=[str(path)],
        citation=citation,
        path=path,
    )


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
    for lineno, row in enumerate(rows, start=2):
        if not row or not any(c.strip() for c in row):
            continue
        where = f"{path}: line {lineno}"
        if len(row) != len(header):
            _bad_line(
                f"{where}: expected {len(header)} comma-separated columns. Got {len(row)}: {row!r}.",
                on_error,
            )
            continue
        word = row[col["word"]].strip()
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


def read_wordlist(
    path: str | Path,
    *,
    category: str = "term",
    name: str | None = None,
    weight: float = 1.0,
    on_error: OnError = "raise",
    version: str = "0",
    citation: str = "",
) -> Lexicon:
    """Read a plain list with one term a line into a one-category lexicon.

    Lines that are empty or start with ``#`` are skipped; a term may be
    several words and may end words in ``*`` (see :mod:`framing.lexicon`).
    Repeated terms are kept once.

    Parameters
    ----------
    path : str or Path
    category : str, default "term"
        The category of every entry.
    name : str, optional
        Default: the file stem with non-word characters replaced by ``_``.
    weight : float, default 1.0
    on_error : {"raise", "warn"}, default "raise"
        For a line that is not a valid term.
    version, citation : str
        Recorded on the lexicon.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from framing.lexicon import Matcher
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "bias-lexicon.txt"
    >>> _ = p.write_text("# my list\\nabuse\\nradical left\\nterroris*\\n")
    >>> lex = read_wordlist(p, category="biased")
    >>> lex.name, len(lex)
    ('bias_lexicon', 3)
    >>> [m.text for m in Matcher([lex]).find("The radical left decried terrorism and abuse.")]
    ['radical left', 'terrorism', 'abuse']
    """
    _check_on_error(on_error)
    path = Path(path)
    entries: list[Entry] = []
    seen: set[str] = set()
    for lineno, line in _lines(path):
        term = line.strip()
        if not term or term.startswith("#") or term in seen:
            continue
        seen.add(term)
        entry = _parse_entry(term, category, weight, f"{path}: line {lineno}", on_error)
        if entry is not None:
            entries.append(entry)
    return Lexicon(
        _lexicon_name(path, name),
        entries,
        version=version,
        description=f"Imported from the word list {path.name}.",
        categories={category: ""},
        sources=[str(path)],
        citation=citation,
        path=path,
    )
