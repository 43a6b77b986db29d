"""Articles not in English after the analysis: the table, the comparison, the report and predict say so."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from framing import Article, analyze, analyze_corpus
from framing.cli import main
from framing.compare import compare_outlets
from framing.compare.summary import count_not_english, describe_excluded
from framing.pipeline.display import analysis_table, not_measured

GERMAN = ("Die Regierung hat am Montag in Berlin neue Maßnahmen gegen die steigenden Mieten beschlossen. "
          "„Das ist ein Skandal und eine Katastrophe für die Familien“, sagte der Oppositionsführer.")
SPANISH = ("El gobierno aprobó el lunes nuevas medidas contra la subida de los alquileres. "
           "«Es un escándalo», dijo el líder de la oposición en el Congreso.")


def english(i: int, word: str) -> str:
    return (f"Officials said the {word} plan {i} failed on Monday. "
            f"Critics claimed the council ignored warnings about plan {i}.")


def corpus_records() -> list[dict[str, str]]:
    rows = [{"id": f"{o}{i}", "outlet": o, "text": english(i, w)}
            for o, w in (("A", "reckless"), ("B", "careful")) for i in range(6)]
    rows += [{"id": "A-de", "outlet": "A", "text": GERMAN}, {"id": "B-es", "outlet": "B", "text": SPANISH},
             {"id": "B-de", "outlet": "B", "text": GERMAN}]
    return rows


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


# --- the table of framing analyze ---------------------------------------------------------------


def test_table_says_not_measured_instead_of_nan() -> None:
    german = analyze(Article("de.txt", GERMAN))
    assert math.isnan(german.features["loaded_language__total"])  # the feature table keeps the NaN
    table = analysis_table([german, analyze(Article("en", english(1, "reckless"), outlet="Wire"))])
    assert "nan" not in table.lower().replace("nanny", "")
    assert not_measured(german) == "not English (de)"
    rows = table.split("\n\n")[0].splitlines()
    assert rows[-1].startswith("not measured") and "not English (de)" in rows[-1]  # under the numbers
    assert "  not English (de): not measured" in table.split("de  [de.txt]")[1]


def test_table_error_cell_is_short_and_the_message_is_in_full_below() -> None:
    message = "broken.html: no article text found in the HTML page (no paragraphs of body text)"
    bad = analyze(Article("broken.html", "", error=message))
    table = analysis_table([bad, analyze(Article("ok", "Officials said the plan failed.", outlet="Wire"))])
    head = table.split("\n\n")[0]
    assert message not in head and "no article text found" in head
    assert max(len(line) for line in head.splitlines()) < 90
    assert f"  error: {message}" in table


def test_cli_table_of_a_german_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    assert main(["analyze", str(tmp_path / "de.txt"), "--quiet"]) == 0
    captured = capsys.readouterr()
    assert "nan" not in captured.out and "not English (de): not measured" in captured.out
    assert "1 article(s) not in English (de: 1" in captured.err


# --- compare_outlets and framing compare ---------------------------------------------------------


def test_compare_outlets_leaves_out_non_english_rows_and_counts_them() -> None:
    corpus = analyze_corpus([Article(r["id"], r["text"], outlet=r["outlet"]) for r in corpus_records()])
    assert corpus.features["loaded_language__total"].isna().sum() == 3  # kept as NaN in the table
    result = compare_outlets(corpus, features=["loaded_language__total", "n_tokens"], min_articles=3)
    assert result.summary.groupby("outlet")["n"].max().to_dict() == {"A": 6, "B": 6}  # n_tokens too
    assert result.excluded.to_dict("records") == [
        {"outlet": "B", "language": "de", "n": 1}, {"outlet": "B", "language": "es", "n": 1},
        {"outlet": "A", "language": "de", "n": 1}]
    assert describe_excluded(result.excluded) == "B: 2 (de: 1, es: 1); A: 1 (de: 1)"
    # their quotes do not count in who is quoted
    assert result.sources is not None
    assert result.sources.groupby("outlet")["n_articles"].max().to_dict() == {"A": 6, "B": 6}


def test_compare_outlets_without_a_language_column_excludes_nothing() -> None:
    frame = pd.DataFrame({"outlet": ["A"] * 5 + ["B"] * 5, "x__y": np.arange(10.0)})
    result = compare_outlets(frame)
    assert result.excluded.empty and list(result.excluded.columns) == ["outlet", "language", "n"]


def test_count_not_english_checks_its_input() -> None:
    assert count_not_english(["A", "B"], ["en", "und"]).empty
    with pytest.raises(ValueError, match=r"one language per label\. Got 2 labels and 1 languages"):
        count_not_english(["A", "B"], ["de"])


def test_cli_compare_says_what_it_left_out(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [*corpus_records(), {"id": "A-empty", "outlet": "A", "text": ""}]
    src = write_jsonl(tmp_path / "c.jsonl", rows)
    code = main(["compare", str(src), "--feature", "loaded_language__total", "--min-articles", "3", "--quiet"])
    captured = capsys.readouterr()
    assert code == 1, captured.err  # the tables are written; one row could not be analyzed
    assert "| A | loaded_language__total | 6 |" in captured.out and "nan" not in captured.out
    assert ("3 article(s) not in English are left out of the statistics (their features are not measured), "
            "by outlet: B: 2 (de: 1, es: 1); A: 1 (de: 1).") in captured.err
    assert "1 article(s) could not be analyzed and are left out of the statistics (A-empty: " in captured.err
    assert "analyze:" not in captured.err  # --quiet


def test_cli_compare_reads_semicolon_csv_and_html_records(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    lines = ["id;outlet;text"] + [f'{r["id"]};{r["outlet"]};"<html><body><article><p>{r["text"]}</p>'
                                  '</article></body></html>"' for r in corpus_records()[:12]]
    src = tmp_path / "c.csv"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    args = ["compare", str(src), "--feature", "loaded_language__total", "--min-articles", "3", "--quiet",
            "--html", "--sep", ";"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "| A | loaded_language__total | 6 |" in out
    assert main([*args[:-1], "ab"]) == 2
    assert "--sep: The 'sep' parameter must be one character" in capsys.readouterr().err


# --- framing report --------------------------------------------------------------------------------


def test_report_notes_the_left_out_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = [*corpus_records(), {"id": "A-empty", "outlet": "A", "text": ""}]
    src = write_jsonl(tmp_path / "c.jsonl", rows)
    page = tmp_path / "r.html"
    code = main(["report", str(src), "--out", str(page), "--min-articles", "3", "--quiet"])
    captured = capsys.readouterr()
    assert code == 1, captured.err  # the page is written; one row could not be analyzed
    overview = page.read_text(encoding="utf-8").split('id="overview"')[1].split("</section>")[0]
    assert "3 article(s) are not in English and are left out of every table" in overview
    assert "B: 2 (de: 1, es: 1); A: 1 (de: 1)" in overview
    assert "1 article(s) could not be analyzed (A-empty;" in overview
    assert "by outlet: B: 2 (de: 1, es: 1); A: 1 (de: 1)." in captured.err
    words = page.read_text(encoding="utf-8").split('id="words"')[1].split("</section>")[0]
    assert "Regierung" not in words and "Skandal" not in words


# --- framing predict ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from framing.models import save_model, train

    texts = ["Critics slammed the reckless plan.", "The council met on Tuesday.",
             "Radical extremists destroyed everything.", "The report was published today."] * 3
    path = tmp_path_factory.mktemp("model") / "m.skops"
    save_model(train("sentence-bias", texts, ["biased", "neutral"] * 6, cv=0), path)
    return path


def test_predict_withholds_the_label_of_an_article_not_in_english(
    tiny_model: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "en.html").write_text(
        "<html><head><title>Plan</title><script>var reckless = 1;</script></head><body><nav>Home</nav>"
        "<article><p>Critics slammed the reckless plan on Tuesday, officials said in the city.</p></article>"
        "</body></html>", encoding="utf-8")
    assert main(["predict", "--model", str(tiny_model), str(tmp_path)]) == 0
    captured = capsys.readouterr()
    rows = {Path(r["id"]).name: r for r in map(json.loads, captured.out.splitlines())}
    de, en = rows["de.txt"], rows["en.html"]
    assert de["language"] == "de" and de["prediction"]["label"] is None
    assert de["warnings"][0].startswith("language 'de' is not English: the model was trained on English text")
    assert de["prediction"]["scores"] == {"biased": 0.5, "neutral": 0.5}  # the training label shares
    assert en["language"] == "en" and en["prediction"]["label"] in ("biased", "neutral")
    assert en["text"].startswith("Critics slammed") and "<" not in en["text"] and "var" not in en["text"]
    assert "1 article(s) not in English (de: 1)" in captured.err
