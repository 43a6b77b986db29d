"""Language: every article gets one; an article not in English is flagged and its features are missing."""

from __future__ import annotations

import gzip
import io
import itertools
import json
import logging
import math
import os
import time
from pathlib import Path

import pandas as pd
import pytest

from framing import Article, analyze, analyze_corpus
from framing.cli import main
from framing.readers import identify_language, read_articles
from framing.readers.language import LANGUAGE_SAMPLE_CHARS, language_warning

GERMAN = (
    "Der Bundestag hat am Donnerstag nach einer hitzigen Debatte das umstrittene Gesetz zur "
    "Grenzsicherung beschlossen. \u201eDas ist ein r\u00fccksichtsloses Gesetz\u201c, sagte der "
    "Abgeordnete Markus Hill nach der Abstimmung. Kritiker bezeichneten die Ma\u00dfnahme als "
    "Katastrophe f\u00fcr Gefl\u00fcchtete, w\u00e4hrend Bef\u00fcrworter erkl\u00e4rten, das "
    "Gesetz werde die Zahl der Grenz\u00fcbertritte deutlich verringern."
)
SPANISH = (
    "El Senado aprob\u00f3 el jueves la ley de seguridad fronteriza tras semanas de duras "
    "negociaciones entre los dos partidos. \u00abEs una ley irresponsable que no har\u00e1 nada "
    "por asegurar la frontera\u00bb, dijo el senador Marcos Gil despu\u00e9s de la votaci\u00f3n. "
    "Los cr\u00edticos calificaron la medida de desastre para los migrantes."
)
ENGLISH = (
    "The Senate passed the border security bill on Thursday after weeks of bitter negotiations. "
    "\u201cThis is a reckless bill,\u201d Senator Mark Hill said after the vote. Critics slammed "
    "the measure as a disaster for migrants."
)
MEASURED_ALWAYS = ("n_tokens", "n_sentences")


@pytest.mark.parametrize(("text", "code"), [
    (GERMAN, "de"), (SPANISH, "es"), (ENGLISH, "en"),
    ("Le gouvernement a annonc\u00e9 lundi de nouvelles mesures contre l'inflation.", "fr"),
])
def test_identifies_the_language(text: str, code: str) -> None:
    assert identify_language(text) == code


@pytest.mark.parametrize("text", ["", "   ", "12345 678", "The plan passed.", "Three."])
def test_short_or_letterless_text_is_undetermined(text: str) -> None:
    assert identify_language(text) == "und"


@pytest.mark.parametrize(("text", "letters"), [
    ("Jaa, 2024: \u00fcber 99 % nein.", 11),  # digits, marks and spaces are not letters; \u00fc is
    ("Jaa, 2024: \u00fcber 99 % neinn.", 12),
    ("\u00bd \u00b2 \u2166 Ab Cd Ef Gh Ij K", 11),  # numerics are not letters
])
def test_the_identifier_needs_min_letters(monkeypatch: pytest.MonkeyPatch, text: str, letters: int) -> None:
    import framing.readers.language as language

    class Sure:
        def classify(self, data: bytes) -> tuple[str, float]:
            return "de", 1.0

    monkeypatch.setattr(language, "_identifier", Sure)
    assert sum(ch.isalpha() for ch in text) == letters
    assert identify_language(text) == ("de" if letters >= language.MIN_LETTERS else "und")


def test_only_the_start_of_a_text_is_read() -> None:
    assert len(ENGLISH * 4) >= LANGUAGE_SAMPLE_CHARS
    assert identify_language(ENGLISH * 4 + GERMAN * 200) == "en"
    assert identify_language(GERMAN * 4 + ENGLISH * 200) == "de"


def test_identify_language_refuses_what_is_not_text() -> None:
    with pytest.raises(TypeError, match=r"must be a str\. Got bytes instead"):
        identify_language(b"Der Bundestag")  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (SPANISH, "es")])
def test_non_english_article_is_flagged_and_its_features_are_missing(
    text: str, code: str, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="framing"):
        res = analyze(Article(id="x", text=text))
    assert res.language == code and res.error is None
    assert res.warnings == (language_warning(code),)
    assert f"language '{code}' is not English" in caplog.text
    assert res.features["n_tokens"] > 30 and res.features["n_sentences"] >= 3
    missing = [k for k in res.features if k not in MEASURED_ALWAYS]
    assert missing and all(math.isnan(res.features[k]) for k in missing)
    row = res.to_dict()
    assert row["language"] == code and row["warnings"] == [language_warning(code)]


def test_english_article_is_measured_without_warning() -> None:
    res = analyze(ENGLISH)
    assert res.language == "en" and res.warnings == ()
    assert res.features["loaded_language__total_count"] >= 2
    assert not any(math.isnan(v) for v in res.features.values())


def test_a_given_language_is_used_as_is() -> None:
    assert analyze(Article(id="x", text=GERMAN, language="en")).warnings == ()
    flagged = analyze(Article(id="y", text=ENGLISH, language="de"))
    assert flagged.language == "de" and math.isnan(flagged.features["loaded_language__total"])


def test_record_language_field(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"id": "a", "text": ENGLISH, "language": "en"}) + "\n")
    (art,) = read_articles(path)
    assert art.language == "en" and "language" not in art.meta


def test_cli_flags_non_english_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [
        {"id": "de1", "text": GERMAN}, {"id": "es1", "text": SPANISH}, {"id": "en1", "text": ENGLISH},
    ]), encoding="utf-8")
    assert main(["analyze", str(path), "--format", "jsonl"]) == 0
    out, err = capsys.readouterr()
    rows = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert {k: r["language"] for k, r in rows.items()} == {"de1": "de", "es1": "es", "en1": "en"}
    assert rows["de1"]["features"]["loaded_language__total"] is None  # null, not 0
    assert rows["de1"]["features"]["n_tokens"] > 30
    assert rows["de1"]["warnings"] and rows["en1"]["warnings"] == []
    assert rows["en1"]["features"]["loaded_language__total"] > 0
    assert "2 article(s) not in English (de: 1, es: 1; e.g. de1)" in err
    assert main(["analyze", str(path), "--format", "csv"]) == 0
    frame = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(frame.columns[:4]) == ["id", "outlet", "title", "error"]
    assert list(frame.columns[-2:]) == ["language", "warnings"]
    assert frame.set_index("id").loc["de1", "loaded_language__total"] != 0


def test_analyze_corpus_has_a_language_column() -> None:
    result = analyze_corpus(pd.DataFrame({"text": [GERMAN, ENGLISH]}, index=["de", "en"]))
    f = result.features
    assert f["language"].tolist() == ["de", "en"]
    assert pd.isna(f.loc["de", "loaded_language__total"]) and f.loc["en", "loaded_language__total"] > 0
    assert "not English" in f.loc["de", "warnings"] and pd.isna(f.loc["en", "warnings"])


def _allsides_texts(n: int) -> list[str]:
    home = os.environ.get("FRAMING_DATA_HOME")
    path = Path(home or "/nonexistent") / "allsides" / "articles.jsonl.gz"
    if not path.exists():
        pytest.skip("AllSides data not found (set FRAMING_DATA_HOME)")
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        records = [json.loads(line) for line in itertools.islice(fh, n)]
    key = next(k for k in ("text", "content", "content_original", "body") if k in records[0])
    return [r[key] or "" for r in records]


def test_allsides_is_english_and_identification_is_fast() -> None:
    """Measured on 300 AllSides articles (mean 5,700 characters): 300/300 'en', about 3.6 ms each."""
    texts = _allsides_texts(300)
    identify_language("warm up the model")
    start = time.perf_counter()
    codes = [identify_language(t) for t in texts]
    per_article = (time.perf_counter() - start) / len(texts)
    assert sum(c == "en" for c in codes) >= 0.99 * len(texts)
    assert per_article < 0.025  # floor: 25 ms an article even on a busy machine


@pytest.mark.parametrize("text", ["c\u2019", "Ja", "OK.", "Über", "x" * 11])
def test_too_few_letters_is_undetermined_and_analyzed(text: str) -> None:
    assert identify_language(text) == "und"
    result = analyze(text)
    assert result.error is None and not any("is not English" in w for w in result.warnings)
