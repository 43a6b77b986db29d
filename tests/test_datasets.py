"""Dataset loaders: real corpora (skipped without them), synthetic files, errors, downloads.

Tests that read the research corpora use the ``data_home`` fixture and skip
without ``../shared/data``. Nothing here touches the network: downloads are
exercised with a mocked ``urlopen``. The synthetic files are written by the
tests themselves (no corpus text is copied into the repository).
"""

from __future__ import annotations

import dataclasses
import gzip
import hashlib
import io
import json
import os
import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import framing.datasets as ds
from framing.datasets import (
    DatasetNotFoundError,
    get_data_home,
    load_allsides,
    load_babe,
    load_polnear,
    load_ptc,
    load_same_event,
)
from framing.datasets import _base as base
from framing.datasets import allsides as allsides_mod
from framing.datasets import babe as babe_mod

# ---------------------------------------------------------------------------
# data home and missing data
# ---------------------------------------------------------------------------


def test_get_data_home_explicit_env_and_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert get_data_home(tmp_path) == tmp_path
    monkeypatch.setenv("HOME", str(tmp_path))
    assert get_data_home("~/corpora") == tmp_path / "corpora"
    monkeypatch.setenv("FRAMING_DATA_HOME", str(tmp_path / "env"))
    assert get_data_home() == tmp_path / "env"
    monkeypatch.delenv("FRAMING_DATA_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if os.name != "nt":
        assert get_data_home() == tmp_path / "xdg" / "framing"
        monkeypatch.delenv("XDG_CACHE_HOME")
        assert get_data_home() == tmp_path / ".cache" / "framing"


@pytest.mark.parametrize(
    ("loader", "folder", "named_file"),
    [
        (load_allsides, "allsides", "articles.jsonl.gz"),
        (load_babe, "babe", "final_labels_SG2.csv"),
        (load_ptc, "ptc", "train-articles"),
        (load_polnear, "polnear", "train/text"),
        (load_same_event, "same-event-lim2020", "Sora_LREC2020_biasedsentences.csv"),
    ],
)
def test_missing_data_fails_at_once_with_where_to_put_files(
    loader: Any, folder: str, named_file: str, tmp_path: Path
) -> None:
    start = time.perf_counter()
    with pytest.raises(DatasetNotFoundError) as info:
        loader(tmp_path)
    assert time.perf_counter() - start < 1.0
    message = str(info.value)
    assert str(tmp_path / folder) in message
    assert named_file in message
    assert "FRAMING_DATA_HOME" in message
    assert "data_home" in message
    # the three ways to point at a corpus: argument, environment, default folder
    assert "data_home=DIR" in message and "--data-home DIR" in message
    assert str(base._user_cache_dir()) in message
    assert isinstance(info.value, FileNotFoundError)


def test_missing_data_through_the_environment_variable(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("FRAMING_DATA_HOME", str(tmp_path))
    with pytest.raises(DatasetNotFoundError, match=r"final_labels_SG1\.csv"):
        load_babe(version="SG1")


def test_bad_parameters_say_what_was_expected(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"'version' parameter of load_babe .* Got 'SG3'"):
        load_babe(tmp_path, version="SG3")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"'split' parameter of load_ptc .* Got 'test'"):
        load_ptc(tmp_path, split="test")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"'annotator' parameter of load_polnear"):
        load_polnear(tmp_path, annotator="last")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"'random_state' parameter .* Got 'seed'"):
        base._choose(10, 3, "seed")
    with pytest.raises(ValueError, match=r"'n_articles' parameter .* Got -1"):
        load_babe(tmp_path, n_articles=-1)
    with pytest.raises(ValueError, match=r"'columns' parameter of load_allsides .* \['body'\]"):
        load_allsides(tmp_path, columns=["text", "body"])
    with pytest.raises(ValueError, match=r"'columns' parameter .* Got the string"):
        load_allsides(tmp_path, columns="text")


# ---------------------------------------------------------------------------
# downloads (never the network: urlopen is mocked)
# ---------------------------------------------------------------------------


class _FakeResponse(io.BytesIO):
    def __enter__(self) -> _FakeResponse:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()


def _no_network(url: str, timeout: float | None = None) -> Any:
    raise urllib.error.URLError(OSError(101, "Network is unreachable"))


def test_fetch_without_network_fails_at_once_and_leaves_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(urllib.request, "urlopen", _no_network)
    target = tmp_path / "babe" / "final_labels_SG2.csv"
    with pytest.raises(OSError, match="unreachable"):
        base._fetch("https://example.org/final_labels_SG2.csv", target, "0" * 64)
    assert not target.exists()
    assert list(target.parent.iterdir()) == []


def test_fetch_checks_the_sha256(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    payload = b"ID\tbias\nabc\t0\n"
    good = hashlib.sha256(payload).hexdigest()
    calls: list[tuple[str, float | None]] = []

    def fake(url: str, timeout: float | None = None) -> _FakeResponse:
        calls.append((url, timeout))
        return _FakeResponse(payload)

    monkeypatch.setattr(urllib.request, "urlopen", fake)
    target = tmp_path / "splits" / "test.tsv"
    with pytest.raises(ds.ChecksumError, match=f"expected {'f' * 64}"):
        base._fetch("https://example.org/test.tsv", target, "f" * 64)
    assert not target.exists() and list(target.parent.iterdir()) == []
    assert base._fetch("https://example.org/test.tsv", target, good) == target
    assert target.read_bytes() == payload
    umask = os.umask(0o022)
    os.umask(umask)
    assert target.stat().st_mode & 0o777 == 0o666 & ~umask  # the umask, not mkstemp's 0600
    assert calls[0][1] is not None and calls[0][1] <= 30  # a short timeout, never a hang
    with pytest.raises(ValueError, match="must start with 'https://'"):
        base._fetch("http://example.org/x", target, good)


def test_download_true_without_network_says_where_to_put_files(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    remote = base._RemoteFile(
        "final_labels_SG2.csv", "https://example.org/final_labels_SG2.csv", "0" * 64
    )
    entry = dataclasses.replace(base._DATASETS["babe"], remote=(remote,))
    monkeypatch.setitem(base._DATASETS, "babe", entry)
    monkeypatch.setattr(urllib.request, "urlopen", _no_network)
    with pytest.raises(DatasetNotFoundError) as info:
        load_babe(tmp_path, download=True)
    message = str(info.value)
    assert "Download failed" in message and "unreachable" in message
    assert str(tmp_path / "babe") in message and "FRAMING_DATA_HOME" in message
    # without download=True the network is not even tried
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: pytest.fail("network touched"))
    with pytest.raises(DatasetNotFoundError, match="download=True"):
        load_babe(tmp_path)


def test_download_true_fetches_checks_and_loads(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, data_home: Path
) -> None:
    """The whole download path, served from the local copies instead of the network."""
    served: list[str] = []

    def serve(url: str, timeout: float | None = None) -> _FakeResponse:
        name = url.rsplit("/", 1)[-1]
        served.append(url)
        folder = "babe" if name.startswith("final_labels") else "same-event-lim2020"
        return _FakeResponse((data_home / folder / name).read_bytes())

    monkeypatch.setattr(urllib.request, "urlopen", serve)
    sentences = load_babe(tmp_path, version="SG1", download=True)
    assert len(sentences) == 1700
    assert (tmp_path / "babe" / "final_labels_SG1.csv").is_file()
    assert not (tmp_path / "babe" / "final_labels_SG2.csv").exists()  # only what was asked
    assert served == [
        "https://raw.githubusercontent.com/Media-Bias-Group/"
        "Neural-Media-Bias-Detection-Using-Distant-Supervision-With-BABE/"
        "74a96b5a33799717b4f4d22b0e609aa0e2e2fac3/data/final_labels_SG1.csv"
    ]
    articles, _ = load_same_event(tmp_path, download=True)
    assert len(articles) == 46
    with pytest.raises(DatasetNotFoundError, match=r"final_labels_MBIC\.csv"):
        load_babe(tmp_path, version="MBIC", download=True)


def test_registered_remote_files_have_https_urls_and_sha256() -> None:
    for entry in base._DATASETS.values():
        for remote in entry.remote:
            assert remote.url.startswith("https://")
            assert len(remote.sha256) == 64 and int(remote.sha256, 16) >= 0


def test_registered_checksums_match_the_local_copies(data_home: Path) -> None:
    for entry in base._DATASETS.values():
        for remote in entry.remote:
            path = data_home / entry.folder / remote.path
            if path.exists():
                assert base._sha256(path) == remote.sha256, path


# ---------------------------------------------------------------------------
# gzip line sampling (synthetic file)
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("trailing_newline", [True, False])
def test_iter_lines_gz_picks_exactly_the_chosen_lines(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, trailing_newline: bool
) -> None:
    monkeypatch.setattr(allsides_mod, "_CHUNK", 7)  # many block boundaries inside lines
    lines = [f"line {i} " + "x" * (i % 13) for i in range(200)]
    path = tmp_path / "lines.gz"
    with gzip.open(path, "wb") as fh:
        fh.write(("\n".join(lines) + ("\n" if trailing_newline else "")).encode())
    assert allsides_mod._count_lines_gz(path) == 200
    two_members = tmp_path / "two.gz"
    two_members.write_bytes(gzip.compress(b"a\nb\n") + gzip.compress(b"c\n"))
    assert [b for _, b in allsides_mod._iter_lines_gz(two_members, None)] == [b"a", b"b", b"c"]
    truncated = tmp_path / "cut.gz"
    truncated.write_bytes(path.read_bytes()[:-20])
    with pytest.raises(ValueError, match="truncated"):
        list(allsides_mod._iter_lines_gz(truncated, None))
    everything = [(i, b.decode()) for i, b in allsides_mod._iter_lines_gz(path, None)]
    assert everything == list(enumerate(lines))
    for chosen in ([0], [199], [3, 4, 5, 120, 199], list(range(0, 200, 17))):
        got = [(i, b.decode()) for i, b in allsides_mod._iter_lines_gz(path, np.array(chosen))]
        assert got == [(i, lines[i]) for i in chosen]


# ---------------------------------------------------------------------------
# AllSides
# ---------------------------------------------------------------------------


def _write_allsides(root: Path) -> None:
    folder = root / "allsides"
    (folder / "splits" / "random").mkdir(parents=True)
    (folder / "splits" / "media").mkdir(parents=True)
    records = [
        {
            "ID": "a1",
            "source": "Outlet L",
            "content_original": "The senator said the bill passed.",
            "title": "Bill passes",
            "date": "2016-09-20",
            "url": "https://l.example/1",
            "topic": "taxes",
            "authors": "A. Writer",
            "bias": 0,
        },
        {
            "ID": "a2",
            "source": "Outlet C",
            "content_original": "Rates rose on Tuesday.\n\nMarkets fell.",
            "title": "Rates",
            "date": "",
            "url": "https://c.example/2",
            "topic": "economy",
            "authors": "",
            "bias": 1,
        },
        {
            "ID": "a3",
            "source": "Outlet R",
            "content_original": "Officials denied the claim.",
            "title": "Denial",
            "date": "9/5/2018",
            "url": "https://r.example/3",
            "topic": "taxes",
            "authors": "B. Writer",
            "bias": 2,
        },
    ]
    with gzip.open(folder / "articles.jsonl.gz", "wt", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    for kind, parts in {
        "random": {"train": ["a1", "a2"], "valid": [], "test": ["a3"]},
        "media": {"train": ["a1"], "valid": ["a3"], "test": []},
    }.items():
        for part, ids in parts.items():
            body = "".join(f"{i}\t0\n" for i in ids)
            (folder / "splits" / kind / f"{part}.tsv").write_text(
                "ID\tbias\n" + body, encoding="utf-8"
            )


def test_load_allsides_synthetic_columns_labels_and_splits(tmp_path: Path) -> None:
    _write_allsides(tmp_path)
    df = load_allsides(tmp_path)
    assert list(df.index) == ["a1", "a2", "a3"] and df.index.name == "id"
    assert list(df.columns) == [
        "outlet",
        "text",
        "title",
        "date",
        "url",
        "topic",
        "authors",
        "label",
        "split_random",
        "split_media",
    ]
    assert df.loc["a2", "text"] == "Rates rose on Tuesday.\n\nMarkets fell."
    assert list(df["label"]) == ["left", "center", "right"]
    assert df.loc["a1", "date"] == pd.Timestamp("2016-09-20")
    assert df.loc["a3", "date"] == pd.Timestamp("2018-09-05")
    assert df["date"].isna().tolist() == [False, True, False]
    assert df["authors"].isna().tolist() == [False, True, False]
    assert list(df["split_random"]) == ["train", "train", "test"]
    assert df["split_media"].tolist()[0] == "train" and df["split_media"].isna().tolist()[1:] == [
        True,
        False,
    ]
    small = load_allsides(tmp_path, n_articles=2, random_state=3, columns=["label", "outlet"])
    assert list(small.columns) == ["label", "outlet"] and len(small) == 2
    assert list(small.index) == list(load_allsides(tmp_path, n_articles=2, random_state=3).index)
    assert len(load_allsides(tmp_path, n_articles=10)) == 3  # a cap, not an error


@pytest.fixture(scope="module")
def allsides_sample(data_home: Path) -> pd.DataFrame:
    return load_allsides(data_home, n_articles=40, random_state=0)


def test_load_allsides_real_sample(allsides_sample: pd.DataFrame, data_home: Path) -> None:
    df = allsides_sample
    assert df.shape == (40, 10)
    assert df.index.is_unique and df.index.name == "id"
    assert all(isinstance(i, str) and len(i) == 16 for i in df.index)
    assert set(df["label"]) <= {"left", "center", "right"} and df["label"].nunique() == 3
    assert set(df["split_random"].dropna()) <= {"train", "valid", "test"}
    assert set(df["split_media"].dropna()) <= {"train", "valid", "test"}
    assert df["text"].str.len().min() > 0 and df["outlet"].notna().all()
    # labels agree with the published split files
    codes = {0: "left", 1: "center", 2: "right"}
    split = pd.concat(
        pd.read_csv(
            data_home / "allsides" / "splits" / "random" / f"{p}.tsv", sep="\t", dtype={"ID": str}
        )
        for p in ("train", "valid", "test")
    ).set_index("ID")["bias"]
    common = df.index.intersection(split.index)
    assert len(common) >= 30
    assert (df.loc[common, "label"].astype(str) == split.loc[common].map(codes)).all()


def test_load_allsides_sampling_is_reproducible(
    allsides_sample: pd.DataFrame, data_home: Path
) -> None:
    again = load_allsides(data_home, n_articles=40, random_state=0, columns=["label", "outlet"])
    assert list(again.index) == list(allsides_sample.index)
    assert list(again["outlet"]) == list(allsides_sample["outlet"])


def test_sampling_positions_depend_on_the_seed_only() -> None:
    a = base._choose(37_554, 40, 0)
    assert a is not None and len(a) == 40 and len(set(a.tolist())) == 40
    assert (np.diff(a) > 0).all()
    same, other = base._choose(37_554, 40, 0), base._choose(37_554, 40, 1)
    assert same is not None and other is not None
    assert np.array_equal(a, same) and not np.array_equal(a, other)
    from sklearn.utils import check_random_state

    expected = np.sort(check_random_state(0).choice(37_554, size=40, replace=False))
    assert np.array_equal(a, expected)  # the scikit-learn random_state convention
    assert base._choose(10, None, 0) is None and base._choose(10, 10, 0) is None
    assert base._choose(10, 0, 0) is not None and len(base._choose(10, 0, 0)) == 0  # type: ignore[arg-type]


# ---------------------------------------------------------------------------
# BABE
# ---------------------------------------------------------------------------


def test_parse_word_list_is_safe() -> None:
    assert babe_mod._parse_word_list("['lazy', \"radical left\"]", "x") == ["lazy", "radical left"]
    assert babe_mod._parse_word_list("[]", "x") == []
    with pytest.raises(ValueError, match=r"file.csv, row 3: 'biased_words' must be a Python list"):
        babe_mod._parse_word_list("__import__('os').system('echo hacked')", "file.csv, row 3")
    with pytest.raises(ValueError, match="list of strings"):
        babe_mod._parse_word_list("[1, 2]", "x")


def test_load_babe_synthetic_semicolon_bom(tmp_path: Path) -> None:
    folder = tmp_path / "babe"
    folder.mkdir()
    rows = [
        "text;news_link;outlet;topic;type;label_bias;label_opinion;biased_words",
        "The radical plan failed.;https://x.example/1;Outlet A;taxes;left;Biased;Expresses writer’s opinion;['radical']",
        "The plan was approved.;;Outlet B;taxes;;Non-biased;Entirely factual;[]",
    ]
    (folder / "final_labels_SG2.csv").write_bytes(("\n".join(rows) + "\n").encode("utf-8-sig"))
    df = load_babe(tmp_path)
    assert list(df.index) == ["babe-sg2-0000", "babe-sg2-0001"]
    assert list(df.columns) == [
        "text",
        "outlet",
        "topic",
        "type",
        "label",
        "opinion",
        "biased_words",
        "url",
    ]
    assert list(df["label"]) == ["biased", "non-biased"]
    assert df.loc["babe-sg2-0000", "biased_words"] == ["radical"]
    assert df["type"].isna().tolist() == [False, True] and df["url"].isna().tolist() == [
        False,
        True,
    ]
    bad = [*rows[:2], "x;;B;t;;Maybe;F;[]"]
    (folder / "final_labels_SG2.csv").write_text("\n".join(bad), encoding="utf-8")
    with pytest.raises(ValueError, match=r"row 3: 'label_bias' must be one of .* Got 'Maybe'"):
        load_babe(tmp_path)


def test_load_babe_real_sg2(data_home: Path) -> None:
    df = load_babe(data_home)
    assert df.shape == (3674, 8)
    assert df.index.is_unique and df.index[0] == "babe-sg2-0000"
    assert df["label"].value_counts().to_dict() == {
        "non-biased": 1863,
        "biased": 1810,
        "no agreement": 1,
    }
    assert int(df["type"].isna().sum()) == 1000
    assert set(df["type"].dropna()) == {"left", "center", "right"}
    assert all(
        isinstance(w, list) and all(isinstance(x, str) for x in w) for w in df["biased_words"]
    )
    # the marked words are words of the sentence (measured: 98.5% of 3,902)
    pairs = [(w.lower(), t.lower()) for t, ws in zip(df["text"], df["biased_words"]) for w in ws]
    assert len(pairs) > 3500
    assert sum(w in t for w, t in pairs) / len(pairs) > 0.97
    assert df["text"].str.startswith("\ufeff").sum() == 0
    sample = load_babe(data_home, n_articles=50, random_state=7)
    assert list(sample.index) == list(load_babe(data_home, n_articles=50, random_state=7).index)
    assert len(sample) == 50 and sample.index.is_monotonic_increasing


def test_load_babe_real_sg1_and_mbic(data_home: Path) -> None:
    sg1 = load_babe(data_home, version="SG1")
    assert len(sg1) == 1700 and sg1.index[0] == "babe-sg1-0000"
    mbic = load_babe(data_home, version="MBIC")
    assert len(mbic) == 1700 and {"article", "group_id", "num_sent"} <= set(mbic.columns)
    assert (mbic["article"].str.len() > mbic["text"].str.len()).mean() > 0.9


# ---------------------------------------------------------------------------
# PTC
# ---------------------------------------------------------------------------


def test_load_ptc_real_train_offsets(data_home: Path) -> None:
    articles, spans = load_ptc(data_home)
    assert articles.shape == (371, 1) and articles.index.name == "id"
    assert "111111111" in articles.index
    assert list(spans.columns) == ["id", "technique", "start", "end", "text"]
    assert len(spans) == 6129
    counts = spans["technique"].value_counts()
    assert counts["Loaded_Language"] == 2123 and counts["Name_Calling,Labeling"] == 1058
    assert spans["technique"].nunique() == 14
    for row in spans.itertuples():
        text = str(articles.at[row.id, "text"])
        start, end = int(str(row.start)), int(str(row.end))
        assert text[start:end] == row.text
        # offsets land on word boundaries: no span starts or ends in whitespace
        span = str(row.text)
        assert span and not span[0].isspace() and not span[-1].isspace()
    # two files start with a byte-order mark that the offsets count
    assert articles["text"].str.startswith("\ufeff").sum() == 2


def test_load_ptc_real_dev_and_sample(data_home: Path) -> None:
    articles, spans = load_ptc(data_home, split="dev")
    assert len(articles) == 75 and len(spans) == 1063
    assert spans["technique"].isna().all()
    assert set(spans["id"]) <= set(articles.index)
    sample, sample_spans = load_ptc(data_home, n_articles=5, random_state=2)
    again, _ = load_ptc(data_home, n_articles=5, random_state=2)
    assert len(sample) == 5 and list(sample.index) == list(again.index)
    assert set(sample_spans["id"]) <= set(sample.index) and len(sample_spans) > 0


# ---------------------------------------------------------------------------
# PolNeAR
# ---------------------------------------------------------------------------

_SYN_TEXT = "The mayor said the budget was balanced. Critics, however, claimed it was not.\nThey added more."


def _write_polnear(root: Path) -> None:
    folder = root / "polnear"
    (folder / "train" / "text").mkdir(parents=True)
    (folder / "train" / "attributions").mkdir(parents=True)
    (folder / "train" / "text" / "nyt_2016-05-01_budget.txt").write_text(
        _SYN_TEXT, encoding="utf-8"
    )
    t = _SYN_TEXT
    src, cue, con = t.index("The mayor"), t.index("said"), t.index("the budget")
    c2, q2, n2 = t.index("Critics"), t.index("claimed"), t.index("it was not")
    more = t.index("more")
    ann_a = [
        f"T1\tSource {src} {src + 9}\tThe mayor",
        f"T2\tCue {cue} {cue + 4}\tsaid",
        f"T3\tContent {con} {con + 23}\tthe budget was balanced",
        f"T4\tAttribution {cue} {cue + 4}\tsaid",
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1",
        f"T5\tSource {c2} {c2 + 7}\tCritics",
        f"T6\tCue {q2} {q2 + 7}\tclaimed",
        f"T7\tContent {n2} {n2 + 10};{more} {more + 4}\tit was not",
        "more",  # brat text field continued on the next line
        f"T8\tAttribution {q2} {q2 + 7}\tclaimed",
        "E2\tAttribution:T8 Cue:T6 Source:T5 Content:T7",
        f"T9\tCue {cue} {cue + 4}\tsaid",
        f"T10\tAttribution-no-source {cue} {cue + 4}\tsaid",
        "E3\tAttribution-no-source:T10 Cue:T9",
        "#1\tAnnotatorNotes T1\ta note",
    ]
    (folder / "train" / "attributions" / "nyt_2016-05-01_budget_b222.ann").write_text(
        "\n".join(ann_a) + "\n", encoding="utf-8"
    )
    (folder / "train" / "attributions" / "nyt_2016-05-01_budget_a111.ann").write_text(
        "\n".join(ann_a[:5]) + "\n", encoding="utf-8"
    )
    (folder / "metadata.tsv").write_text(
        "compartment\tfilename\tpublisher\tpublication_date\tauthor\ttitle\n"
        "train\tnyt_2016-05-01_budget\tnyt\t2016-05-01\tA. Reporter\tBudget balanced\n",
        encoding="utf-8",
    )


def test_load_polnear_synthetic_brat(tmp_path: Path) -> None:
    _write_polnear(tmp_path)
    articles, attr = load_polnear(tmp_path, annotator="all")
    art = "nyt_2016-05-01_budget"
    assert list(articles.index) == [art]
    assert articles.loc[art, "outlet"] == "nyt" and articles.loc[art, "title"] == "Budget balanced"
    assert articles.loc[art, "date"] == pd.Timestamp("2016-05-01")
    assert articles.loc[art, "annotators"] == "a111|b222"
    assert list(attr["annotator"]) == ["a111", "b222", "b222", "b222"]
    e2 = attr[(attr["annotator"] == "b222") & (attr["attribution"] == "E2")].iloc[0]
    assert e2["source_text"] == "Critics" and e2["cue_text"] == "claimed"
    assert e2["content_discontinuous"] and not e2["cue_discontinuous"]
    assert e2["content_text"] == _SYN_TEXT[e2["content_start"] : e2["content_end"]]
    assert e2["content_text"].startswith("it was not") and e2["content_text"].endswith("more")
    e3 = attr[attr["attribution"] == "E3"].iloc[0]
    assert e3["type"] == "Attribution-no-source"
    assert pd.isna(e3["source_start"]) and pd.isna(e3["source_text"]) and e3["cue_text"] == "said"
    first, attr_first = load_polnear(tmp_path)
    assert first.loc[art, "annotators"] == "a111" and list(attr_first["annotator"]) == ["a111"]


def test_load_polnear_fragments_synthetic_brat(tmp_path: Path) -> None:
    _write_polnear(tmp_path)
    articles, frags = load_polnear(tmp_path, annotator="all", fragments=True)
    art = "nyt_2016-05-01_budget"
    assert list(articles.index) == [art] and articles.loc[art, "annotators"] == "a111|b222"
    assert list(frags.columns) == [
        "id", "annotator", "span", "label", "start", "end", "text", "attribution", "role"
    ]
    assert (frags["text"] == [_SYN_TEXT[s:e] for s, e in zip(frags["start"], frags["end"])]).all()
    b = frags[frags["annotator"] == "b222"]
    # the discontinuous content of E2 comes fragment by fragment
    content = b[(b["attribution"] == "E2") & (b["role"] == "content")]
    assert list(content["span"]) == ["T7", "T7"] and list(content["text"]) == ["it was not", "more"]
    # a trigger is no role: its span has no relation
    trigger = b[b["span"] == "T4"].iloc[0]
    assert trigger["label"] == "Attribution" and pd.isna(trigger["attribution"]) and pd.isna(trigger["role"])
    assert set(b.dropna(subset=["role"])["attribution"]) == {"E1", "E2", "E3"}
    assert set(frags[frags["annotator"] == "a111"]["span"]) == {"T1", "T2", "T3", "T4"}
    _, first_frags = load_polnear(tmp_path, fragments=True)
    assert set(first_frags["annotator"]) == {"a111"}


def test_load_polnear_real_sample(data_home: Path) -> None:
    articles, attr = load_polnear(data_home, n_articles=30, random_state=0)
    again, _ = load_polnear(data_home, n_articles=30, random_state=0)
    assert list(articles.index) == list(again.index) and len(articles) == 30
    assert set(articles["outlet"]) <= {
        "breitbart",
        "huff-post",
        "nyt",
        "politico",
        "usa-today",
        "wash-post",
        "west-journal",
    }
    assert articles["title"].notna().all() and articles["date"].notna().all()
    assert (attr.groupby("id")["annotator"].nunique() == 1).all()
    assert set(attr["id"]) <= set(articles.index) and len(attr) > 200
    assert set(attr["type"]) <= {"Attribution", "Attribution-no-source"}
    for role in ("source", "cue", "content"):
        present = attr[attr[f"{role}_start"].notna()]
        for row in present.itertuples():
            text = str(articles.at[row.id, "text"])
            start, end = getattr(row, f"{role}_start"), getattr(row, f"{role}_end")
            assert text[start:end] == getattr(row, f"{role}_text")
    assert attr["cue_start"].notna().mean() > 0.99


def test_load_polnear_real_all_annotators(data_home: Path) -> None:
    _, first = load_polnear(data_home, split="dev", annotator="first")
    articles, every = load_polnear(data_home, split="dev", annotator="all")
    assert len(articles) == 84
    assert len(every) > len(first) and every["annotator"].nunique() > 1
    assert set(first["annotator"]) <= set(every["annotator"])
    _, frags = load_polnear(data_home, split="dev", annotator="all", fragments=True)
    related = frags.dropna(subset=["attribution"])
    keys = set(zip(related["id"], related["annotator"], related["attribution"]))
    with_args = every[every[["source_start", "cue_start", "content_start"]].notna().any(axis=1)]
    assert keys == set(zip(with_args["id"], with_args["annotator"], with_args["attribution"]))
    assert set(related["role"]) == {"source", "cue", "content"}


# ---------------------------------------------------------------------------
# Same event (Lim et al. 2020)
# ---------------------------------------------------------------------------


def test_load_same_event_real(data_home: Path) -> None:
    articles, ratings = load_same_event(data_home)
    assert articles.shape[0] == 46 and articles.index.is_unique
    assert list(articles.index[:2]) == ["001", "002"] and articles.index[-1] == "046"
    assert articles["event"].nunique() == 4 and articles["reference_title"].nunique() == 4
    assert set(articles["reference_outlet"]) == {"Reuters", "Voice of America"}
    assert articles.loc["001", "outlet"] == "Washington Post"
    assert set(articles["leaning"]) == {
        "left",
        "left-center",
        "least",
        "right-center",
        "right",
        "right-extream",
    }
    assert (articles["n_raters"] >= 4).all()
    assert list(ratings.columns) == [
        "id",
        "rater",
        "sentence",
        "start",
        "end",
        "sentence_text",
        "rating",
        "article_bias",
        "t",
        "prior_knowledge",
    ]
    assert set(ratings["rating"]) == {1.0, 2.0, 3.0, 4.0}
    for row in ratings.drop_duplicates(["id", "sentence"]).itertuples():
        assert str(articles.at[row.id, "text"])[row.start : row.end] == row.sentence_text
        assert not re.match(r"\[\d+\]:", row.sentence_text)
    # MBIB's score for the first sentence of article 001 is the mean rating minus one (1.0)
    first = ratings[(ratings["id"] == "001") & (ratings["sentence"] == 0)]
    assert first["rating"].mean() - 1 == pytest.approx(1.0)
