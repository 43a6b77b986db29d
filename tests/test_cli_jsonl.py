"""The JSONL writer of ``framing analyze``: the standard library's encoding of the row, byte for byte without
orjson, the same JSON values with it."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest

import framing.cli.analyze as analyze_cli
from framing.cli.analyze import _all_finite, _analysis_line
from framing.pipeline import Analyzer
from framing.pipeline.schema import replace_surrogates

SENTENCES = [
    'The senator said the reckless bill was "a disaster for working families," according to aides.',
    "Officials praised the plan. Critics called it a radical giveaway to corporations.",
    "Der Hund ist nicht sehr gross und das ist gut so, sagte der Bürgermeister.",  # not English: NaN features
    "Caf\ud800e owners said the tax was unfair.",  # a lone surrogate, as a JSON file can spell it
]


def _reference(row: dict[str, Any]) -> str:
    """The row as the writer encoded it before the fast paths: json.dumps, NaN as null, U+FFFD."""
    row = {**row, "features": {k: None if isinstance(v, float) and not math.isfinite(v) else v
                               for k, v in row["features"].items()}}
    return replace_surrogates(json.dumps(row, ensure_ascii=False, separators=(",", ":"))) + "\n"


@pytest.mark.parametrize("writer", ["stdlib", "orjson"])
def test_lines_are_the_stdlib_encoding(writer: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if writer == "stdlib":
        monkeypatch.setattr(analyze_cli, "_orjson", None)
    else:
        monkeypatch.setattr(analyze_cli, "_orjson", pytest.importorskip("orjson"))
    analyze = Analyzer()
    for text in SENTENCES:
        analysis = analyze(text)
        for flags in ({"text": True, "sentences": False}, {"text": False, "sentences": True}):
            line, summary = _analysis_line(analysis, **flags)
            reference = _reference(analysis.to_dict(**flags))
            assert line.endswith("\n") and line.count("\n") == 1
            if writer == "stdlib":
                assert line == reference
            else:  # the same values; a float may be spelt otherwise (1e-7 for 1e-07)
                assert json.loads(line) == json.loads(reference)
            assert summary.article.id == analysis.article.id
            assert json.loads(line)["id"] == analysis.article.id


def test_non_finite_features_are_written_as_null() -> None:
    analysis = Analyzer()(SENTENCES[2])
    assert not _all_finite(analysis.features.values())
    row = json.loads(_analysis_line(analysis, text=False, sentences=False)[0])
    assert any(v is None for v in row["features"].values())
    assert ": NaN" not in _analysis_line(analysis, text=False, sentences=False)[0]  # not a JSON value


def test_lone_surrogates_become_the_replacement_character() -> None:
    line = _analysis_line(Analyzer()(SENTENCES[3]), text=True, sentences=False)[0]
    assert "\ufffd" in json.loads(line)["text"]
    line.encode("utf-8")  # writable as UTF-8


def test_all_finite() -> None:
    assert _all_finite([0.5, 2, 0.0])
    assert not _all_finite([0.5, float("nan")])
    assert not _all_finite([float("inf"), -float("inf")])
    assert not _all_finite([1e308, 1e308])  # the sum overflows: conservative, the row is checked one by one
    assert not _all_finite([0.5, None])


def test_replace_surrogates_keeps_valid_text() -> None:
    text = "Le café est fermé, 東京 🙂"
    assert replace_surrogates(text) is text
    assert replace_surrogates("a\udc80b") == "a\ufffdb"
