"""MPQA subjectivity clues (``.tff``; Wilson, Wiebe & Hoffmann 2005)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Literal

from ..model import Entry, Lexicon
from ._common import OnError, _bad_line, _check_on_error, _lexicon_name, _lines, _parse_entry

__all__ = ["read_mpqa_tff"]


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
