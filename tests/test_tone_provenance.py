"""The shipped tone models carry the provenance their build functions write (one definition for both)."""

from __future__ import annotations

import gzip
import json
from importlib import resources

import pytest

from framing.evaluation.tone import newsmtsc_provenance, write_model


@pytest.mark.parametrize(("file", "extra"), [
    ("tone-targets-newsmtsc.json.gz", {}),
    ("tone-entities-newsmtsc.json.gz",
     {"features": "framing.tone.entities.mention_features (no part-of-speech tags)"}),
])
def test_shipped_provenance_is_what_the_build_writes(file: str, extra: dict[str, str]) -> None:
    model = json.loads(gzip.decompress(resources.files("framing").joinpath("data", file).read_bytes()))
    shipped = model["provenance"]
    built = newsmtsc_provenance(file.removesuffix(".json.gz"), shipped["n_train"], shipped["cv_macro_f1_by_C"],
                                **extra)
    # the fit adds its own settings (C, min_df, ...); everything the build function says is shipped as said
    assert {k: shipped.get(k) for k in built} == built
    assert shipped["licence"] == "MIT" and shipped["licence_file"] == "newsmtsc_LICENSE.txt"


def test_write_model_is_reproducible(tmp_path) -> None:
    a, b = tmp_path / "a.json.gz", tmp_path / "b.json.gz"
    write_model({"b": 1, "a": [0.5]}, a)
    write_model({"a": [0.5], "b": 1}, b)
    assert a.read_bytes() == b.read_bytes()  # sorted keys, no gzip timestamp
    assert json.loads(gzip.decompress(a.read_bytes())) == {"a": [0.5], "b": 1}
