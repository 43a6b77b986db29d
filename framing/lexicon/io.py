"""Reading lexicons: the TSV file and its JSON sidecar, and the shipped lexicons.

The file format is described in :mod:`framing.lexicon`. The shipped lexicons
are read from :func:`lexicon_dir` on first use and cached by
:func:`load_lexicon`; nothing is read at import time.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, NoReturn

from ..exceptions import LexiconFormatError
from .model import ROLES, Entry, Lexicon

__all__ = ["available_lexicons", "lexicon_dir", "load_lexicon", "read_lexicon"]


_SIDECAR_STRINGS = ("name", "version", "description", "licence", "license", "citation")


def _not_utf8(path: Path) -> LexiconFormatError:
    """The error for a file that is not UTF-8, naming the line and byte of the first bad byte."""
    data = path.read_bytes()
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return LexiconFormatError(
            f"{path}: line {line}: not UTF-8 text ({exc.reason}: byte {data[exc.start]:#04x}, "
            f"at byte {exc.start} of the file)."
        )
    return LexiconFormatError(f"{path}: not UTF-8 text.")


def _key_line(raw: str, key: str) -> int:
    """The line of ``raw`` where ``"key"`` first appears (1 when it cannot be found)."""
    at = raw.find(f'"{key}"')
    return raw.count("\n", 0, at) + 1 if at >= 0 else 1


def _read_sidecar(path: Path) -> dict[str, Any]:
    """The sidecar's metadata, every field checked, or LexiconFormatError naming file, line and value."""
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    try:
        meta = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise LexiconFormatError(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg}).") from None
    except RecursionError:
        raise LexiconFormatError(f"{path}: line 1: invalid JSON (nested too deeply).") from None
    except ValueError as exc:  # an integer too long to convert
        raise LexiconFormatError(f"{path}: invalid JSON ({exc}).") from None
    if not isinstance(meta, dict):
        raise LexiconFormatError(f"{path}: line 1: expected a JSON object. Got {type(meta).__name__}.")

    def bad(key: str, expected: str) -> LexiconFormatError:
        value = meta[key]
        shown = repr(value) if len(repr(value)) <= 80 else f"a {type(value).__name__}"
        return LexiconFormatError(
            f"{path}: line {_key_line(raw, key)}: {key!r} must be {expected}. Got {shown} instead."
        )

    for key in _SIDECAR_STRINGS:
        if key in meta and not isinstance(meta[key], str) and not (
            key == "version" and isinstance(meta[key], int | float) and not isinstance(meta[key], bool)
        ):
            raise bad(key, "a string")
    name = meta.get("name")
    if name is not None and (not name or not name.replace("_", "").isalnum()):
        raise bad("name", "letters, digits and underscores")
    cats = meta.get("categories", {})
    if not isinstance(cats, dict) or not all(isinstance(v, str) for v in cats.values()):
        raise bad("categories", "an object mapping category names to one-line definitions")
    sources = meta.get("sources", [])
    if not isinstance(sources, list) or not all(isinstance(v, str) for v in sources):
        raise bad("sources", "a list of strings")
    return meta


def read_lexicon(path: str | Path, *, name: str | None = None) -> Lexicon:
    """Read a lexicon from a TSV file and its JSON sidecar, if present.

    Parameters
    ----------
    path : str or Path
        The ``.tsv`` file. A ``.json`` file with the same stem is read as the
        sidecar.
    name : str, optional
        Overrides the name from the sidecar (default: the file stem).

    Raises
    ------
    LexiconFormatError
        With the file, the line and the bad value, for a missing column, an
        empty term, a non-numeric weight, an unknown part of speech in the
        ``pos`` column or a sidecar that is not valid.

    Notes
    -----
    The optional ``pos`` column holds the UPOS tags the term's first word may
    have in context (``VERB``, ``VERB|AUX``; empty: any). When it is the last
    column, a row may leave it out. The optional ``unless`` column holds
    context gates: patterns separated by ``|`` with ``_`` for the term
    (``spread of _|_ researchers``); the entry does not match where the
    words around it fit one (:func:`framing.lexicon.model.parse_unless`).
    When ``pos`` and ``unless`` are the last columns, a row may leave them out.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "tiny.tsv").write_text("term\\tcategory\\tweight\\nslammed\\temotive\\t1\\n")
    >>> read_lexicon(d / "tiny.tsv")
    Lexicon('tiny', version='0', entries=1, categories=1)
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"No lexicon file at {path}.")
    sidecar = path.with_suffix(".json")
    meta = _read_sidecar(sidecar) if sidecar.is_file() else {}
    entries: list[Entry] = []
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            header: list[str] | None = None
            for lineno, row in enumerate(rows, start=1):
                if not row or not any(c.strip() for c in row) or row[0].startswith("#"):
                    continue
                if header is None:
                    header = [c.strip().lower() for c in row]
                    missing = [c for c in ("term", "category") if c not in header]
                    if missing:
                        raise LexiconFormatError(
                            f"{path}: line {lineno}: header must start with "
                            f"'term<TAB>category<TAB>weight'; missing {', '.join(missing)}. "
                            f"Got {row!r}."
                        )
                    continue
                entries.append(_parse_row(path, lineno, header, row))
    except UnicodeDecodeError:
        raise _not_utf8(path) from None
    except csv.Error as exc:  # e.g. a field larger than the csv module holds
        raise LexiconFormatError(f"{path}: line {rows.line_num}: {exc}.") from None
    if header is None:
        raise LexiconFormatError(f"{path}: line 1: empty file, expected a header 'term<TAB>category<TAB>weight'.")
    lex_name = name or str(meta.get("name") or path.stem)
    if name is None and not meta.get("name") and not path.stem.replace("_", "").isalnum():
        raise LexiconFormatError(
            f"{path}: the file name gives the lexicon name {path.stem!r}, which is not letters, "
            "digits and underscores; set 'name' in the sidecar or pass name=..."
        )
    return Lexicon(
        lex_name,
        entries,
        version=str(meta.get("version", "0")),
        description=str(meta.get("description", "")),
        categories=meta.get("categories") or {},
        sources=list(meta.get("sources", [])),
        licence=str(meta.get("licence", meta.get("license", ""))),
        citation=str(meta.get("citation", "")),
        path=path,
        role=_role(path, meta),
        display=_display(path, meta),
        examples=_examples(path, meta),
    )


def _role(path: Path, meta: dict[str, Any]) -> str | None:
    role = meta.get("role")
    if role not in ROLES:
        raise LexiconFormatError(
            f"{path.with_suffix('.json')}: 'role' must be one of {list(ROLES)}. Got {role!r} instead."
        )
    return role


def _display(path: Path, meta: dict[str, Any]) -> bool:
    display = meta.get("display", False)
    if not isinstance(display, bool):
        raise LexiconFormatError(
            f"{path.with_suffix('.json')}: 'display' must be true or false. Got {display!r} instead."
        )
    return display


def _examples(path: Path, meta: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    examples = meta.get("examples", {})

    def fail(where: str, expected: str, value: Any) -> NoReturn:
        raise LexiconFormatError(
            f"{path.with_suffix('.json')}: {where} must be {expected}. Got {value!r} instead."
        )

    def sentences(value: Any) -> bool:
        return (
            isinstance(value, list)
            and bool(value)
            and all(isinstance(v, str) and v.strip() for v in value)
        )

    if not isinstance(examples, dict):
        fail("'examples'", 'an object mapping categories to {"hit": [...], "miss": [...]}', examples)
    for cat, ex in examples.items():
        if not isinstance(ex, dict) or not ex or not set(ex) <= {"hit", "miss"}:
            fail(f"'examples.{cat}'", 'an object with the keys "hit" and/or "miss"', ex)
        hit = ex.get("hit", ["-", "-"])
        if not (sentences(hit) and len(hit) == 2 and hit[1] in hit[0]):
            fail(f"'examples.{cat}.hit'", "[sentence, the part of it that is the hit]", hit)
        if not sentences(ex.get("miss", ["-"])):
            fail(f"'examples.{cat}.miss'", "a non-empty list of sentences", ex["miss"])
    return examples


def _parse_row(path: Path, lineno: int, header: list[str], row: list[str]) -> Entry:
    where = f"{path}: line {lineno}"
    optional = 0  # trailing ``pos``/``unless`` columns a row may leave out
    while optional < len(header) and header[len(header) - 1 - optional] in ("pos", "unless"):
        optional += 1
    if len(header) - optional <= len(row) < len(header):
        row = [*row, *[""] * (len(header) - len(row))]
    if len(row) < len(header):
        raise LexiconFormatError(
            f"{where}: expected {len(header)} tab-separated columns "
            f"({', '.join(header)}). Got {len(row)}: {row!r}."
        )
    if len(row) > len(header):
        raise LexiconFormatError(
            f"{where}: more columns than the header ({len(row)} > {len(header)}): {row!r}."
        )
    values = dict(zip(header, (c.strip() for c in row)))
    raw_weight = values.pop("weight", "1") or "1"
    try:
        weight = float(raw_weight)
    except ValueError:
        raise LexiconFormatError(f"{where}: weight must be a number. Got {raw_weight!r}.") from None
    term = values.pop("term")
    category = values.pop("category")
    pos = values.pop("pos", "")
    unless = values.pop("unless", "")
    return Entry.parse(term, category, weight, values, pos=pos, unless=unless, where=where)


def lexicon_dir() -> Path:
    """The directory holding the shipped lexicons.

    Installed from a wheel they live in ``framing/lexicons``; in a source
    checkout, in the top-level ``lexicons/`` directory.
    """
    packaged = resources.files("framing") / "lexicons"
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "lexicons"


def available_lexicons() -> list[str]:
    """Names of the shipped lexicons.

    Examples
    --------
    >>> "loaded_language" in available_lexicons()
    True
    """
    return sorted(p.stem for p in lexicon_dir().glob("*.tsv"))


@cache
def load_lexicon(name: str) -> Lexicon:
    """Load a shipped lexicon by name (cached).

    Examples
    --------
    >>> lex = load_lexicon("reporting_verbs")
    >>> "distancing" in lex.labels
    True
    """
    path = lexicon_dir() / f"{name}.tsv"
    if not name.replace("_", "").isalnum() or not path.is_file():
        raise ValueError(
            f"Unknown lexicon {name!r}. Expected one of {available_lexicons()} "
            "or a path to a .tsv file."
        )
    return read_lexicon(path)

