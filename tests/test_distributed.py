"""Dask: the tables computed on a two-worker LocalCluster equal analyze_corpus's."""

from __future__ import annotations

import pandas as pd
import pytest

dask = pytest.importorskip("dask")
dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")

from framing import analyze_corpus  # noqa: E402
from framing.io.dask import analyze_dask  # noqa: E402
from framing.readers import Article, example_articles  # noqa: E402

SENTENCES = [
    'Critics slammed the reckless plan. "It is a disaster," the mayor said.',
    "The senator claimed the bill was not radical. Officials denied it.",
    "The council met on Tuesday.",
    "",  # no text: an error row, kept in place
    "Police said the suspect fled. Experts warned of a crisis at the border.",
]


def corpus_frame() -> pd.DataFrame:
    rows = [{"id": a.id, "outlet": a.outlet, "title": a.title, "text": a.text}
            for a in example_articles()]
    rows += [{"id": f"s{i}", "outlet": f"Outlet {i % 2}", "title": None, "text": t}
             for i, t in enumerate(SENTENCES)]
    return pd.DataFrame(rows).set_index("id")


def normalized(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values as None, numbers as Python numbers, whatever the dtype backend."""
    def value(v: object) -> object:
        if v is None or v is pd.NA or (isinstance(v, float) and v != v):
            return None
        if isinstance(v, float) and v.is_integer():
            return int(v)
        return v.item() if hasattr(v, "item") else v

    return pd.DataFrame({c: [value(v) for v in frame[c].tolist()] for c in frame.columns},
                        index=[str(i) for i in frame.index])


def assert_equal_tables(got: dict[str, pd.DataFrame], expected: object) -> None:
    for name in got:
        exp = getattr(expected, name)
        g = got[name]
        if name != "features":
            g = g.reset_index(drop=True)
        assert list(g.columns) == list(exp.columns), name
        pd.testing.assert_frame_equal(normalized(g), normalized(exp), obj=name)


def test_local_cluster_two_workers_equals_analyze_corpus() -> None:
    distributed = pytest.importorskip("distributed")
    frame = corpus_frame()
    expected = analyze_corpus(frame)
    assert len(expected.matches) > 10 and len(expected.quotes) > 0
    # Thread workers start in a second where process workers take half a
    # minute on a loaded CI machine; what a process cluster adds (pickling the
    # tasks and their results) is checked in the next test.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        result = analyze_dask(dd.from_pandas(frame, npartitions=4, sort=False))
        features, matches, quotes, entities = client.compute(
            [result.features, result.matches, result.quotes, result.entities], sync=True)
        # both workers took part
        assert len(client.scheduler_info()["workers"]) == 2
    assert len(expected.entities) > 0
    assert_equal_tables({"features": features, "matches": matches, "quotes": quotes, "entities": entities},
                        expected)
    assert features.loc["s3", "error"] is not None
    assert result.provenance == expected.provenance


def test_tasks_and_results_survive_pickling() -> None:
    import pickle

    from framing.io.dask import _analyze_partition

    frame = corpus_frame()
    task = pickle.loads(pickle.dumps((_analyze_partition, frame, ["reporting_verbs"])))
    tables = pickle.loads(pickle.dumps(task[0](task[1], task[2])))
    expected = analyze_corpus(frame, lexicons=["reporting_verbs"])
    assert_equal_tables(dict(zip(("features", "matches", "quotes", "entities"), tables)), expected)


def test_meta_matches_the_computed_partitions() -> None:
    frame = corpus_frame()
    result = analyze_dask(dd.from_pandas(frame, npartitions=2, sort=False),
                          lexicons=["reporting_verbs", "loaded_language"])
    features = result.features.compute(scheduler="sync")
    assert list(result.features.columns) == list(features.columns)
    assert features["reporting_verbs__neutral_count"].dtype == "float64"
    matches = result.matches.compute(scheduler="sync")
    assert set(matches["lexicon"]) == {"reporting_verbs", "loaded_language"}
    assert str(matches["start"].dtype) == "int64" and str(matches["negated"].dtype) == "bool"
    assert str(result.quotes.dtypes["speaker_start"]) == "Int64"
    entities = result.entities.compute(scheduler="sync")
    assert list(entities.columns) == list(result.entities.columns)
    assert str(entities["n_mentions"].dtype) == "int64" and str(entities["tone"].dtype) == "float64"


def test_bag_of_records_strings_and_articles() -> None:
    items = [
        {"id": "r1", "text": "Critics slammed the plan.", "outlet": "Left Daily"},
        Article(id="r2", text="Officials denied it."),
        {"id": "r3", "text": None},
    ]
    result = analyze_dask(db.from_sequence(items, npartitions=2), lexicons=["reporting_verbs"])
    features, matches = dask.compute(result.features, result.matches, scheduler="sync")
    assert list(features.index) == ["r1", "r2", "r3"]
    assert features.loc["r1", "outlet"] == "Left Daily"
    assert "expected a record with a 'text' string" in features.loc["r3", "error"]
    assert matches[["id", "text", "category"]].values.tolist() == [
        ["r1", "slammed", "emotive"], ["r2", "denied", "contesting"]]


def test_rejects_other_inputs() -> None:
    with pytest.raises(TypeError, match=r"dask\.dataframe\.DataFrame or a dask\.bag\.Bag"):
        analyze_dask(["a text"])
    frame = dd.from_pandas(pd.DataFrame({"body": ["x"]}), npartitions=1)
    with pytest.raises(ValueError, match=r"with a 'text' column\. Got columns \['body'\]"):
        analyze_dask(frame)
