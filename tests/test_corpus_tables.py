"""``analyze_corpus`` builds its tables from columns: the same tables as from ``table_rows``'s row dicts.

The reference is what the tables were built from before: one dict per
article, per quote and per entity and one tuple per match
(:func:`framing.pipeline.schema.table_rows`, which replaces lone surrogates
value by value), then ``pd.DataFrame(rows, columns=...)``. Compared exactly,
dtypes included, on invented texts (surrogates, an error, an article not in
English, no articles at all) and on 150 AllSides articles (skipped without
the research data).
"""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from framing import Article, analyze_corpus
from framing.pipeline.analyzer import _get_analyzer
from framing.pipeline.schema import (
    ENTITY_COLUMNS,
    MATCH_COLUMNS,
    QUOTE_COLUMNS,
    _clean_column,
    replace_surrogates,
    table_rows,
)


def reference_tables(articles: list[Any], lexicons: list[str] | None = None) -> list[pd.DataFrame]:
    analyzer = _get_analyzer(lexicons)
    rows, matches, quotes, entities = [], [], [], []
    for article in articles:
        row, m, q, e = table_rows(analyzer(article))
        rows.append(row)
        matches += m
        quotes += q
        entities += e
    names = analyzer.feature_names
    features = pd.DataFrame(rows, columns=["id", "outlet", "title", "error", "language", "warnings",
                                           *names]).set_index("id")
    features[names] = features[names].astype("float64")
    return [features, pd.DataFrame(matches, columns=MATCH_COLUMNS),
            pd.DataFrame(quotes, columns=QUOTE_COLUMNS), pd.DataFrame(entities, columns=ENTITY_COLUMNS)]


def assert_same_tables(articles: list[Any], lexicons: list[str] | None = None) -> int:
    result = analyze_corpus(articles, lexicons=lexicons)
    got = [result.features, result.matches, result.quotes, result.entities]
    for table, expected in zip(got, reference_tables(articles, lexicons), strict=True):
        pd.testing.assert_frame_equal(table, expected, check_exact=True)
        assert list(table.dtypes) == list(expected.dtypes)
        assert table.index.dtype == expected.index.dtype and table.index.name == expected.index.name
    return len(result.matches)


MIXED = [
    "Critics slammed the plan. \"It is a disaster,\" said Sen. Elizabeth Warren.",
    "",
    Article(id="broken", text="", error="expected a str or an Article. Got int."),
    "Der Bundestag hat heute das Gesetz beschlossen, sagte die Ministerin in Berlin.",
    Article(id="caf\ud800e", text="Critics slammed \"the \ud83d plan\", said Sen. J\ud800nes.",
            outlet="The \udc00 Post"),
]


def test_invented_texts_with_surrogates_errors_and_other_languages() -> None:
    assert assert_same_tables(MIXED) > 0
    result = analyze_corpus(MIXED)
    assert "caf\ufffde" in result.features.index
    assert '"the \ufffd plan"' in set(result.quotes["text"])
    assert result.features.loc["caf\ufffde", "outlet"] == "The \ufffd Post"


def test_no_articles_and_one_lexicon() -> None:
    assert assert_same_tables([]) == 0
    assert assert_same_tables(["Critics slammed the plan.", "The plan passed."], ["reporting_verbs"]) == 1


def test_a_column_is_cleaned_as_each_value_is() -> None:
    clean = ["a", None, "caf\u00e9", 3]
    assert _clean_column(clean) is clean  # nothing to replace: the list itself
    dirty = ["x\ud800", None, "\ud83d", "\ude00", 1.5]
    assert _clean_column(dirty) == [replace_surrogates(v) for v in dirty] == ["x\ufffd", None, "\ufffd",
                                                                              "\ufffd", 1.5]


def test_allsides_articles() -> None:
    from framing.datasets import DatasetNotFoundError, load_allsides

    try:
        frame = load_allsides(n_articles=150, random_state=19)
    except DatasetNotFoundError as exc:
        pytest.skip(str(exc))
    articles = [Article(id=str(i), text=t, outlet=o, title=title)
                for i, t, o, title in zip(frame.index, frame["text"], frame["outlet"], frame["title"],
                                          strict=True)]
    assert assert_same_tables(articles) > 10_000
