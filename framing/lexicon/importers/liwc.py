"""LIWC-style ``.dic`` dictionaries (e.g. the Moral Foundations Dictionary and MFD 2.0)."""

from __future__ import annotations

import re
from pathlib import Path

from ...exceptions import LexiconFormatError
from ..model import Entry, Lexicon
from ._common import OnError, _bad_line, _check_on_error, _lexicon_name, _lines, _parse_entry

__all__ = ["read_dic"]

_ID = re.compile(r"[0-9]{1,9}")
"""A category id: ASCII digits only (``str.isdigit`` also accepts ``²``, which ``int`` refuses)."""


def _is_id(token: str) -> bool:
    return _ID.fullmatch(token) is not None


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
            if len(parts) != 2 or not _is_id(parts[0]):
                raise LexiconFormatError(
                    f"{where}: expected a category line '<id> <name>' with an integer id "
                    "(ASCII digits, at most 9). "
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
        while k > 0 and _is_id(tokens[k - 1]):
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
