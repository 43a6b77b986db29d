"""The benchmarks' articles: the first N AllSides articles (Baly et al. 2020) of the research data folder."""

from __future__ import annotations

import gzip
import itertools
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def data_home(value: str | None) -> Path:
    """The research data folder: ``--data-home``, ``$FRAMING_DATA_HOME`` or ``../shared/data``."""
    for candidate in (value, os.environ.get("FRAMING_DATA_HOME"), ROOT.parent / "shared" / "data"):
        if candidate and (Path(candidate) / "allsides" / "articles.jsonl.gz").is_file():
            return Path(candidate)
    raise SystemExit(
        "AllSides not found: expected allsides/articles.jsonl.gz under --data-home, "
        "$FRAMING_DATA_HOME or ../shared/data."
    )


def load_records(home: Path, n: int) -> list[dict[str, str]]:
    """The first ``n`` AllSides articles as ``{"id", "outlet", "title", "text"}`` records."""
    out = []
    with gzip.open(home / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
        for line in itertools.islice(fh, n):
            r = json.loads(line)
            out.append({"id": r["ID"], "outlet": r["source"], "title": r["title"] or "",
                        "text": r["content_original"] or ""})
    return out
