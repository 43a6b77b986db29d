"""PolNeAR (Newell, Margolin & Ruths 2018): attribution relations in brat standoff."""

from __future__ import annotations

import csv
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from ._base import (
    _check_choice,
    _check_n_articles,
    _choose,
    _dataset_dir,
    _read_text,
    _to_datetime,
)

# ---------------------------------------------------------------------------
# PolNeAR
# ---------------------------------------------------------------------------

_BRAT_ID = re.compile(r"^[TERAMN#*]\d*\t")
_ANN_NAME = re.compile(r"^(?P<stem>.+)_(?P<annotator>[0-9a-f]{4})\.ann$")
_POLNEAR_ROLES = ("source", "cue", "content")


@dataclass
class _Span:
    label: str
    fragments: list[tuple[int, int]]

    @property
    def start(self) -> int:
        return min(s for s, _ in self.fragments)

    @property
    def end(self) -> int:
        return max(e for _, e in self.fragments)


def parse_brat(path: Path) -> tuple[dict[str, _Span], list[tuple[str, str, dict[str, list[str]]]]]:
    """Text-bound annotations and events of a brat ``.ann`` file.

    The text field of a ``T`` line may itself contain newlines (PolNeAR keeps
    them for discontinuous spans); lines that do not start with a brat id are
    continuations and are skipped: the span text is taken from the article by
    offsets instead.
    """
    spans: dict[str, _Span] = {}
    events: list[tuple[str, str, dict[str, list[str]]]] = []
    with open(path, encoding="utf-8", newline="") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not _BRAT_ID.match(line):
                continue
            fields = line.split("\t")
            ident = fields[0]
            if ident.startswith("T"):
                if len(fields) < 2:
                    raise ValueError(
                        f"{path}, line {lineno}: a T line needs 'label start end'. Got {line!r}."
                    )
                label, _, offsets = fields[1].partition(" ")
                try:
                    fragments = [
                        (int(a), int(b)) for a, b in (frag.split() for frag in offsets.split(";"))
                    ]
                except ValueError:
                    raise ValueError(
                        f"{path}, line {lineno}: expected offsets 'start end[;start end]'. Got {offsets!r} instead."
                    ) from None
                spans[ident] = _Span(label, fragments)
            elif ident.startswith("E"):
                args = fields[1].split() if len(fields) > 1 else []
                if not args:
                    continue
                etype, _, trigger = args[0].partition(":")
                roles: dict[str, list[str]] = {}
                for arg in args[1:]:
                    role, _, ref = arg.partition(":")
                    base = re.sub(r"\d+$", "", role).lower()
                    roles.setdefault(base, []).append(ref)
                roles.setdefault("trigger", []).append(trigger)
                events.append((ident, etype, roles))
    return spans, events


def _read_polnear_metadata(path: Path) -> pd.DataFrame:
    meta = pd.read_csv(path, sep="\t", dtype=str, keep_default_na=False, quoting=csv.QUOTE_NONE)
    meta = meta.replace({"None": None, "": None})
    return meta.drop_duplicates("filename").set_index("filename")


def load_polnear(
    data_home: str | os.PathLike[str] | None = None,
    *,
    split: Literal["train", "dev", "test"] = "train",
    n_articles: int | None = None,
    random_state: Any = 0,
    annotator: Literal["first", "all"] = "first",
    fragments: bool = False,
    download: bool = False,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Load PolNeAR, the political news attribution relations corpus.

    Parameters
    ----------
    data_home : str or path-like, default=None
        Folder holding ``polnear/``; see :func:`get_data_home`.
    split : {"train", "dev", "test"}, default="train"
        The folder to read (train: 840 articles, dev: 84 in the shared copy).
    n_articles : int, default=None
        A reproducible random sample of this many articles (all when ``None``).
    random_state : int, RandomState instance or None, default=0
        Seed of the sample.
    annotator : {"first", "all"}, default="first"
        Some articles were annotated by several annotators
        (``<name>_<annotator>.ann``). ``"first"`` keeps one file per article,
        the first annotator id in sorted order (deterministic); ``"all"`` keeps
        every annotation, told apart by the ``annotator`` column.
    fragments : bool, default=False
        Return, as the second table, the text-bound annotations fragment by
        fragment (see ``fragments`` below) instead of one row per attribution
        relation: the form span-level scoring needs, where a discontinuous
        span is compared piece by piece.
    download : bool, default=False
        Accepted for symmetry; no pinned public copy is registered.

    Returns
    -------
    articles : pandas.DataFrame
        Indexed by ``id`` (the file stem, e.g.
        "breitbart_2015-11-16_o-malley-campaign-to-shift-staff"), with columns
        ``text`` (exactly as stored), ``outlet`` (publisher), ``date``
        (datetime64), ``title`` and ``author`` (from ``metadata.tsv``; missing
        where the article is not listed there), ``annotators`` (the ids of the
        annotation files kept, ``"|"``-joined).
    attributions : pandas.DataFrame
        One row per attribution relation (a brat ``E`` event): ``id``,
        ``annotator``, ``attribution`` (the event id, e.g. "E3"), ``type``
        ("Attribution" or "Attribution-no-source"), and for each role
        (``source``, ``cue``, ``content``): ``<role>_start``, ``<role>_end``,
        ``<role>_text`` (``text[start:end]``) and ``<role>_discontinuous``
        (the role had several fragments, or several spans as PolNeAR's
        ``Content2``; start and end are then the overall minimum and
        maximum). A missing role has missing offsets and text.
    fragments : pandas.DataFrame
        Returned instead of ``attributions`` when ``fragments=True``: one row
        per fragment of each brat text-bound annotation (``T`` line) and per
        attribution relation it is an argument of, with ``id``,
        ``annotator``, ``span`` (the ``T`` id), ``label`` ("Source", "Cue",
        "Content", "Attribution", ...), ``start``, ``end``, ``text``
        (``text[start:end]``), ``attribution`` (the event id, missing when the
        span is no event's argument) and ``role`` ("source", "cue" or
        "content"; PolNeAR's ``Content2`` is "content"). A span that is an
        argument of two relations has its fragments twice.

    Raises
    ------
    DatasetNotFoundError
        The files are not in ``data_home``.

    References
    ----------
    E. Newell, D. Margolin and D. Ruths (2018). "An Attribution Relations
    Corpus for Political News". LREC.

    Examples
    --------
    >>> from framing.datasets import load_polnear
    >>> articles, attributions = load_polnear(n_articles=20)  # doctest: +SKIP
    >>> attributions.groupby("id").size().describe()  # doctest: +SKIP
    >>> _, fragments = load_polnear(split="dev", fragments=True)  # doctest: +SKIP
    >>> fragments.groupby("label").size()  # doctest: +SKIP
    """
    _check_choice("split", split, ("train", "dev", "test"), "load_polnear")
    _check_choice("annotator", annotator, ("first", "all"), "load_polnear")
    _check_n_articles(n_articles)
    folder = _dataset_dir(
        "polnear", data_home, download=download, required=(f"{split}/text", f"{split}/attributions")
    )
    text_dir = folder / split / "text"
    ann_dir = folder / split / "attributions"
    ids = sorted(p.stem for p in text_dir.glob("*.txt"))
    positions = _choose(len(ids), n_articles, random_state)
    if positions is not None:
        ids = [ids[i] for i in positions]
    by_article: dict[str, list[tuple[str, Path]]] = {}
    for path in sorted(ann_dir.glob("*.ann")):
        m = _ANN_NAME.match(path.name)
        stem, who = (m.group("stem"), m.group("annotator")) if m else (path.stem, "")
        by_article.setdefault(stem, []).append((who, path))

    meta_path = folder / "metadata.tsv"
    meta = _read_polnear_metadata(meta_path) if meta_path.exists() else pd.DataFrame()

    texts: list[str] = []
    kept_annotators: list[str | None] = []
    rows: list[dict[str, Any]] = []
    for art in ids:
        text = _read_text(text_dir / f"{art}.txt")
        texts.append(text)
        files = sorted(by_article.get(art, []))
        if annotator == "first":
            files = files[:1]
        kept_annotators.append("|".join(w for w, _ in files) or None)
        for who, path in files:
            spans, events = parse_brat(path)
            if fragments:
                rows += _fragment_rows(art, who, spans, events, path, text)
                continue
            for ident, etype, roles in events:
                row: dict[str, Any] = {
                    "id": art,
                    "annotator": who or None,
                    "attribution": ident,
                    "type": etype,
                }
                for role in _POLNEAR_ROLES:
                    refs = [r for key, refs in roles.items() if key == role for r in refs]
                    found = [spans[r] for r in refs if r in spans]
                    if len(found) < len(refs):
                        raise ValueError(
                            f"{path}: event {ident} refers to {refs}, not all of which are defined."
                        )
                    if found:
                        start = min(s.start for s in found)
                        end = max(s.end for s in found)
                        if not 0 <= start <= end <= len(text):
                            raise ValueError(
                                f"{path}: the {role} span {start}-{end} of {ident} lies outside the "
                                f"{len(text)} characters of {art}.txt."
                            )
                        n_fragments = sum(len(s.fragments) for s in found)
                        row.update(
                            {
                                f"{role}_start": start,
                                f"{role}_end": end,
                                f"{role}_text": text[start:end],
                                f"{role}_discontinuous": n_fragments > 1,
                            }
                        )
                    else:
                        row.update(
                            {
                                f"{role}_start": None,
                                f"{role}_end": None,
                                f"{role}_text": None,
                                f"{role}_discontinuous": False,
                            }
                        )
                rows.append(row)

    index = pd.Index(ids, name="id", dtype="str")

    def meta_col(col: str) -> list[Any]:
        if meta.empty or col not in meta.columns:
            return [None] * len(ids)
        return [meta.at[i, col] if i in meta.index else None for i in ids]

    articles = pd.DataFrame(
        {
            "text": pd.Series(texts, dtype="str", index=index),
            "outlet": pd.Series(
                [
                    o if o is not None else i.split("_", 1)[0]
                    for o, i in zip(meta_col("publisher"), ids)
                ],
                dtype="str",
                index=index,
            ),
            "date": _to_datetime(
                [
                    d if d is not None else (i.split("_")[1] if i.count("_") >= 2 else None)
                    for d, i in zip(meta_col("publication_date"), ids)
                ]
            ).set_axis(index),
            "title": pd.Series(meta_col("title"), dtype="str", index=index),
            "author": pd.Series(meta_col("author"), dtype="str", index=index),
            "annotators": pd.Series(kept_annotators, dtype="str", index=index),
        },
        index=index,
    )
    if fragments:
        return articles, _fragment_frame(rows)
    columns = ["id", "annotator", "attribution", "type"]
    for role in _POLNEAR_ROLES:
        columns += [f"{role}_start", f"{role}_end", f"{role}_text", f"{role}_discontinuous"]
    attributions = pd.DataFrame(rows, columns=columns)
    for role in _POLNEAR_ROLES:
        for col in (f"{role}_start", f"{role}_end"):
            attributions[col] = attributions[col].astype("Int64")
        attributions[f"{role}_text"] = attributions[f"{role}_text"].astype("str")
        attributions[f"{role}_discontinuous"] = attributions[f"{role}_discontinuous"].astype(bool)
    for col in ("id", "annotator", "attribution", "type"):
        attributions[col] = attributions[col].astype("str")
    return articles, attributions


_FRAGMENT_COLUMNS = ("id", "annotator", "span", "label", "start", "end", "text", "attribution", "role")


def _fragment_rows(
    art: str,
    who: str,
    spans: dict[str, _Span],
    events: list[tuple[str, str, dict[str, list[str]]]],
    path: Path,
    text: str,
) -> list[dict[str, Any]]:
    """One row per fragment of each text-bound span and per relation it is an argument of."""
    refs: dict[str, list[tuple[str | None, str | None]]] = {}
    for ident, _, roles in events:
        for role in _POLNEAR_ROLES:
            for ref in roles.get(role, []):
                if ref not in spans:
                    raise ValueError(f"{path}: event {ident} refers to {ref}, which is not defined.")
                refs.setdefault(ref, []).append((ident, role))
    rows: list[dict[str, Any]] = []
    for tid, span in spans.items():
        for start, end in sorted(span.fragments):
            if not 0 <= start <= end <= len(text):
                raise ValueError(
                    f"{path}: the span {tid} ({start}-{end}) lies outside the "
                    f"{len(text)} characters of {art}.txt."
                )
            for event, event_role in refs.get(tid, [(None, None)]):
                rows.append(
                    {
                        "id": art,
                        "annotator": who or None,
                        "span": tid,
                        "label": span.label,
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                        "attribution": event,
                        "role": event_role,
                    }
                )
    return rows


def _fragment_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(_FRAGMENT_COLUMNS))
    for col in ("start", "end"):
        frame[col] = frame[col].astype("int64")
    for col in ("id", "annotator", "span", "label", "text", "attribution", "role"):
        frame[col] = frame[col].astype("str")
    return frame
