"""Plain word lists, one term a line (e.g. the bias lexicon of Recasens et al. 2013)."""

from __future__ import annotations

from pathlib import Path

from ..model import Entry, Lexicon
from ._common import OnError, _check_on_error, _lexicon_name, _lines, _parse_entry

__all__ = ["read_wordlist"]


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
