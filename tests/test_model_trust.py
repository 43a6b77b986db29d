"""Shared model files cannot run code: every type in a file must be on framing's exact list.

The two payloads below are made only of scikit-learn and NumPy names. Before
the exact list, a prefix check (``sklearn.``, ``numpy.``) accepted both; the
first runs a Python program when ``predict`` is called, the second overwrites
a file of the attacker's choosing.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pytest

sio = pytest.importorskip("skops.io")

from sklearn.pipeline import Pipeline  # noqa: E402
from sklearn.preprocessing import FunctionTransformer  # noqa: E402

from framing.models import (  # noqa: E402
    TRUSTED_TYPES,
    UntrustedModelError,
    load_model,
    model_file_types,
    save_model,
    train,
    trusted,
)

TEXTS = [
    "The reckless senator rammed through a disgraceful bill.",
    "The Senate passed the bill by a vote of 52 to 48 on Tuesday.",
    "Radical activists hijacked the hearing with outrageous demands.",
    "The committee will hold a hearing on the proposal next week.",
    "Critics blasted the mayor's absurd scheme as a shameful disaster.",
    "The mayor said the project would cost about 40 million dollars.",
]


def _framing_payload(estimator: object) -> dict[str, object]:
    return {"format": "framing-model/1", "task": "sentence-bias", "metadata": "{}", "estimator": estimator}


def _code_runner(marker: Path) -> Pipeline:
    from sklearn.utils._testing import assert_run_python_script_without_output

    code = f"open({str(marker)!r}, 'w').write('ran')"
    return Pipeline([
        ("fill", FunctionTransformer(np.full_like, kw_args={"fill_value": code, "dtype": object})),
        ("join", FunctionTransformer(np.sum)),
        ("run", FunctionTransformer(assert_run_python_script_without_output, kw_args={"pattern": "x"})),
    ])


def _file_writer(target: Path) -> Pipeline:
    from sklearn.datasets import dump_svmlight_file

    return Pipeline([
        ("write", FunctionTransformer(dump_svmlight_file, kw_args={"y": np.zeros(1), "f": str(target)})),
    ])


def test_the_code_payload_is_real_when_trusted_by_prefix(tmp_path):
    """Guard: the payload does run code once its types are trusted, so the refusal below means something."""
    marker = tmp_path / "ran.txt"
    path = tmp_path / "evil.skops"
    sio.dump(_framing_payload(_code_runner(marker)), path)
    obj = sio.load(path, trusted=sio.get_untrusted_types(file=path))
    obj["estimator"].transform([[0.0]])
    assert marker.read_text() == "ran"


def test_a_model_that_would_run_code_is_refused_and_nothing_runs(tmp_path):
    marker = tmp_path / "ran.txt"
    path = tmp_path / "evil.skops"
    sio.dump(_framing_payload(_code_runner(marker)), path)
    with pytest.raises(UntrustedModelError, match=r"numpy\.full_like.*assert_run_python_script_without_output"):
        load_model(path)
    assert not marker.exists()


def test_a_model_that_would_overwrite_a_file_is_refused_and_the_file_is_intact(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me")
    path = tmp_path / "writer.skops"
    sio.dump(_framing_payload(_file_writer(target)), path)
    with pytest.raises(UntrustedModelError, match=r"sklearn\.datasets\._svmlight_format_io\.dump_svmlight_file"):
        load_model(path)
    assert target.read_text() == "keep me"


def test_predict_on_the_command_line_refuses_both_payloads(tmp_path):
    marker, target = tmp_path / "ran.txt", tmp_path / "precious.txt"
    target.write_text("keep me")
    article = tmp_path / "a.txt"
    article.write_text("The mayor said the plan would pass.\n")
    for name, estimator in (("code", _code_runner(marker)), ("writer", _file_writer(target))):
        path = tmp_path / f"{name}.skops"
        sio.dump(_framing_payload(estimator), path)
        proc = subprocess.run(
            [sys.executable, "-m", "framing.cli", "predict", "--model", str(path), str(article)],
            capture_output=True, text=True, timeout=120,
        )
        assert proc.returncode == 2, proc.stderr
        assert "does not trust" in proc.stderr
        assert "Traceback" not in proc.stderr
    assert not marker.exists()
    assert target.read_text() == "keep me"


def test_types_skops_trusts_by_default_are_still_checked(tmp_path):
    # A FunctionTransformer over a NumPy ufunc passes skops's own audit unasked;
    # it is still not a type framing's tasks produce.
    path = tmp_path / "ufunc.skops"
    sio.dump(_framing_payload(FunctionTransformer(np.exp)), path)
    assert sio.get_untrusted_types(file=path) == []
    with pytest.raises(UntrustedModelError, match="FunctionTransformer"):
        load_model(path)


@pytest.mark.parametrize(
    "schema",
    [
        b"not json",
        b'{"__class__": "dict", "__module__": "builtins", "__loader__": "DictNode", "content": {"x": {"__class__": 3, "__module__": "os"}}}',
        b"[" * 100_000 + b"]" * 100_000,
    ],
    ids=["not-json", "non-string-type", "deeply-nested"],
)
def test_a_malformed_model_file_is_a_clear_error(tmp_path, schema):
    path = tmp_path / "bad.skops"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("schema.json", schema)
    with pytest.raises(UntrustedModelError):
        load_model(path)


def test_a_valid_zip_without_a_schema_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.skops"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("other.txt", "x")
    with pytest.raises(UntrustedModelError, match="not a skops model file"):
        load_model(path)


def test_a_damaged_but_trusted_file_is_a_clear_error(tmp_path):
    model = train("sentence-bias", TEXTS, ["biased", "non-biased"] * 3, cv=0)
    good = save_model(model, tmp_path / "good.skops")
    bad = tmp_path / "bad.skops"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            if item.filename.endswith(".npy"):
                dst.writestr(item, b"\x93NUMPY garbage")
            else:
                dst.writestr(item, src.read(item))
    with pytest.raises(UntrustedModelError, match="could not be read"):
        load_model(bad)


@pytest.mark.parametrize(
    ("task", "labels"),
    [
        ("sentence-bias", ["biased", "non-biased"] * 3),
        ("article-leaning", ["left", "center", "right"] * 2),
        ("persuasion-spans", [[(4, 12)], [], [(0, 7)], [], [(8, 15)], []]),
        ("frames", [["legality", "political"], ["political"], ["public_opinion"], ["political"],
                    ["economic", "political"], ["economic"]]),
    ],
)
def test_every_task_produces_only_trusted_types(tmp_path, task, labels):
    model = train(task, TEXTS, labels, cv=0)
    path = save_model(model, tmp_path / f"{task}.skops")
    types = model_file_types(path)
    assert [t for t in types if not trusted(t)] == []
    again = load_model(path)
    assert again.predict(TEXTS[:2]) == model.predict(TEXTS[:2])


def test_the_trusted_list_names_classes_only():
    for name in sorted(TRUSTED_TYPES):
        module, _, attr = name.rpartition(".")
        if module == "builtins" and attr == "NoneType":
            continue
        with warnings.catch_warnings():  # old class paths (files saved by framing 0.1) are deprecated modules
            warnings.simplefilter("ignore", FutureWarning)
            obj = getattr(importlib.import_module(module), attr, None)
        assert isinstance(obj, type), f"{name} is not a class"
