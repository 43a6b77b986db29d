"""analyze() and analyze_corpus(): features, tables, order, errors, parallelism."""

from __future__ import annotations

import pandas as pd
import pytest

import framing
from framing import Article, Lexicon, analyze, analyze_corpus, iter_analyses
from framing.pipeline import Analysis, Analyzer, iter_mapped


@pytest.fixture
def demo() -> Lexicon:
    lex = Lexicon("demo", categories={"emotive": "strong feeling", "label": "a political label"})
    lex.add("slammed", "emotive")
    lex.add("radical left", "label")
    return lex


def test_features_are_rates_and_counts_of_non_negated_hits(demo: Lexicon) -> None:
    text = "Critics slammed the radical left. They never slammed the mayor."
    result = analyze(text, lexicons=[demo])
    assert [(m.text, m.negated) for m in result.matches] == [
        ("slammed", False), ("radical left", False), ("slammed", True)]
    f = result.features
    assert f["n_tokens"] == 10 and f["n_sentences"] == 2
    assert f["demo__emotive_count"] == 1 and f["demo__label_count"] == 1
    assert f["demo__negated_count"] == 1 and f["demo__total_count"] == 2
    assert f["demo__emotive"] == pytest.approx(1000 / 10)
    assert f["demo__total"] == pytest.approx(2000 / 10)
    assert result.error is None
    assert result.provenance == {"framing_version": framing.__version__, "feature_schema": 4,
                                 "lexicons": {"demo": "0"}}


def test_empty_text_gives_zeros_not_errors(demo: Lexicon) -> None:
    result = analyze("", lexicons=[demo])
    assert result.error is None and result.n_tokens == 0
    assert result.features["demo__emotive"] == 0.0


def test_offsets_slice_to_text_in_json_row() -> None:
    text = "Officials claimed, \u201cwe will win,\u201d but critics denied it."
    row = analyze(text).to_dict(sentences=True)
    assert set(row) == {"id", "outlet", "title", "date", "url", "author", "text", "n_tokens", "n_sentences", "features",
                        "matches", "quotes", "error", "provenance", "sentences", "language", "entities",
                        "warnings"}
    assert row["matches"], "expected reporting-verb hits"
    for m in row["matches"]:
        assert set(m) == {"start", "end", "text", "lexicon", "category", "weight", "negated"}
        assert text[m["start"] : m["end"]] == m["text"]
    assert [(s["start"], s["end"]) for s in row["sentences"]] == [(0, len(text))]
    assert -1.0 <= row["sentences"][0]["tone"] <= 1.0
    assert "text" not in analyze(text).to_dict(text=False)


def test_bad_input_types() -> None:
    with pytest.raises(TypeError, match="expects a str or an Article"):
        analyze(42)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="single str"):
        analyze_corpus("one string")
    with pytest.raises(TypeError, match="list of names"):
        Analyzer("reporting_verbs")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="n_jobs"):
        list(iter_analyses(["x"], n_jobs=0))


def test_corpus_tables_keep_order_ids_and_error_rows(demo: Lexicon) -> None:
    articles = [
        Article(id="b", text="They slammed it.", outlet="Left Post"),
        Article(id="a", text="", outlet="Right Daily", error="empty text: nothing to analyze"),
        "The radical left won.",
        3.5,
    ]
    result = analyze_corpus(articles, lexicons=[demo])
    f = result.features
    assert len(f) == 4
    assert list(f.index[:2]) == ["b", "a"]
    assert f.loc["b", "demo__emotive_count"] == 1.0
    assert pd.isna(f.loc["a", "demo__emotive_count"])
    assert f.loc["a", "error"] == "empty text: nothing to analyze"
    assert "expected a str or an Article" in f["error"].iloc[3]
    assert list(result.errors.index) == ["a", "<float>"]
    assert result.matches["id"].tolist() == ["b", f.index[2]]
    assert list(result.quotes.columns)[:5] == ["id", "start", "end", "text", "kind"]


def test_corpus_from_dataframe_and_series(demo: Lexicon) -> None:
    df = pd.DataFrame({"text": ["They slammed it.", None], "outlet": ["L", "R"]}, index=["x", "y"])
    f = analyze_corpus(df, lexicons=[demo]).features
    assert f["outlet"].tolist() == ["L", "R"]
    assert f.loc["x", "demo__emotive_count"] == 1.0 and f.loc["y", "error"] is not None
    s = pd.Series(["They slammed it."], index=["s1"])
    assert analyze_corpus(s, lexicons=[demo]).features.index.tolist() == ["s1"]


def test_parallel_results_equal_serial() -> None:
    texts = [f"Officials claimed {i} times that critics denied it. They said no." for i in range(150)]
    serial = analyze_corpus(texts)
    parallel = analyze_corpus(texts, n_jobs=2)
    pd.testing.assert_frame_equal(serial.features, parallel.features)
    pd.testing.assert_frame_equal(serial.matches, parallel.matches)


def test_progress_is_reported_on_the_given_stream(demo: Lexicon) -> None:
    import io

    stream = io.StringIO()
    list(iter_analyses(["One.", "Two."], lexicons=[demo], progress=stream))
    assert "analyze: 2/2 articles (100%)" in stream.getvalue()


def test_analysis_failure_becomes_an_error_row(monkeypatch: pytest.MonkeyPatch, demo: Lexicon) -> None:
    import sys

    mod = sys.modules["framing.pipeline.families"]

    def boom(*args, **kwargs):
        raise RuntimeError("kaput")

    monkeypatch.setattr(mod, "find_quotes", boom)
    result = Analyzer([demo])("Some text.")
    assert result.error == "analysis failed: RuntimeError: kaput"
    assert result.features == {}


def test_offsets_hold_over_every_shared_article(data_home) -> None:
    """Every span of every article of the research corpora slices to its text.

    Every article when FRAMING_TEST_FULL=1 is set; else, to keep the suite
    short, every 24th of AllSides' 37,554, every 3rd of the PTC and PolNeAR
    training articles and the whole of both dev sets (about 2,200 articles).
    """
    import gzip
    import json
    import os

    full = os.environ.get("FRAMING_TEST_FULL") == "1"
    step, train_step = (1, 1) if full else (24, 3)

    def texts():
        with gzip.open(data_home / "allsides" / "articles.jsonl.gz", "rt", encoding="utf-8") as fh:
            for i, line in enumerate(fh):
                if i % step == 0:
                    yield json.loads(line).get("content_original") or ""
        for sub, every in (("ptc/train-articles", train_step), ("ptc/dev-articles", 1),
                           ("polnear/train/text", train_step), ("polnear/dev/text", 1)):
            for path in sorted((data_home / sub).glob("*.txt"))[::every]:
                yield path.read_text(encoding="utf-8")

    # the check runs in the workers (iter_mapped): only the list of bad spans travels back
    n = 0
    bad: list[str] = []
    for problems in iter_mapped(texts(), _offset_problems, n_jobs=2, batch_size=256):
        bad += problems
        n += 1
    assert not bad, bad[:20]
    assert n > 37_554 // step


def _offset_problems(result: Analysis) -> list[str]:
    """What does not slice to its text in ``result``: its error, spans, sentences (empty: all good)."""
    text = result.article.text
    found = [] if result.error is None else [f"error: {result.error}"]
    spans = [("match", m) for m in result.matches] + [("quote", q) for q in result.quotes]
    spans += [(f"quote {part}", span) for q in result.quotes
              for part, span in (("speaker", q.speaker), ("cue", q.cue)) if span is not None]
    found += [f"{kind} {s.start}:{s.end} {s.text!r} != {text[s.start:s.end]!r}"
              for kind, s in spans if text[s.start : s.end] != s.text]
    found += [f"sentence {s.start}:{s.end} outside 0:{len(text)}" for s in result.sentences
              if not 0 <= s.start < s.end <= len(text)]
    return [f"{text[:40]!r}: {f}" for f in found]


def _n_quotes(result: Analysis) -> tuple[str, int]:
    return result.article.id, len(result.quotes)


def test_iter_mapped_runs_the_function_in_the_workers_in_order() -> None:
    texts = [Article(id=f"a{i}", text=f'"Part {i} is over," the mayor said.' * (i % 3 + 1))
             for i in range(40)]
    serial = list(iter_mapped(texts, _n_quotes))
    assert serial == [(f"a{i}", i % 3 + 1) for i in range(40)]
    assert list(iter_mapped(texts, _n_quotes, n_jobs=2, batch_size=3)) == serial
    with pytest.raises(ValueError, match="n_jobs"):
        list(iter_mapped(texts, _n_quotes, n_jobs=0))
